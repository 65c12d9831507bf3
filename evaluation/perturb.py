"""Seeded perturbations of a real edition, with the ground truth of what changed.

From a real edition (seed 003, mid-2020) `perturb_edition` applies a random
but seeded and recorded set of edits of every kind the diff reports: titles
reworded (a typo made or fixed — a card title cut short in print is given
whole as the overview chart prints it —, a plural, a synonym, words
reordered, a heavier rewrite),
objectives reworded, recodes, moves to another mission under a new code,
drops, exits of completed actions, additions with new French content written
for this purpose, completions, deadline shifts in the documents' own phrasing
("4e trimestre 2020" → "1er trimestre 2021"), owner changes, steps added,
removed and reworded, step status changes ("Fait"), indicator cells revised,
rows added and removed, a column header replaced, a mission reworded and a
mission renamed with the sentence that states it. Each edit records the
change the diff should report (`Expected`).

`perturb_edition(..., profile="hard")` applies the harder edits of
`perturb_hard` instead (paraphrased titles with reworded objectives, stacked
edits, code swaps, look-alike drop and addition, deadline rewordings).

Every generated edition is fictitious: `Edition.fictitious` is set, its id and
label say "fictitious", and its rendered text opens with a notice.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from editiondiff.profiles import load_profile
from editiondiff.schemas import Action, Edition, IndicatorCell, IndicatorRow, Mission, StatedChange, Step
from editiondiff.vocabulary.text import fold

#: Mission code -> prefix of its action codes, from the profile's usual missions (a mission
#: the profile gives no prefix takes its first two letters): the codes perturbations draw from.
MISSION_PREFIX = {m.code: m.prefix or m.code[:2] for m in load_profile().missions.usual}

# ----------------------------------------------------------------- content written for the perturbations

#: New actions: (title, objective, steps, owner, deadline).
NEW_ACTIONS = [
    ("Observatoire de l'accessibilité", "Mesurer chaque trimestre l'accessibilité des démarches en ligne les plus utilisées",
     ["Définir une grille d'évaluation commune aux ministères", "Publier les résultats par démarche et par ministère"], "DINUM", "2e trimestre 2021"),
    ("Messagerie sécurisée des élus", "Offrir aux élus locaux un canal d'échange chiffré avec les services de l'État",
     ["Recenser les besoins auprès des préfectures", "Ouvrir le service à un premier département pilote"], "Ministère de l'Intérieur", "1er semestre 2021"),
    ("Formulaires simplifiés", "Réduire le nombre de pièces justificatives demandées dans les formulaires en ligne",
     ["Identifier les pièces déjà détenues par l'administration", "Supprimer les demandes redondantes dans les démarches phares"], "DITP", "fin 2021"),
    ("Assistant d'orientation des usagers", "Aider les usagers à trouver la bonne démarche à partir de leur situation",
     ["Rédiger un arbre de décision avec les ministères volontaires", "Tester l'assistant auprès d'un panel d'usagers"], "DINUM et DITP", "2nd semestre 2021"),
    ("Socle de paiement en ligne", "Proposer aux administrations un service mutualisé d'encaissement des paiements en ligne",
     ["Choisir l'architecture du service avec la direction du budget", "Raccorder trois démarches pilotes"], "Ministères économiques et financiers", "1er trimestre 2022"),
    ("Réseau des référents données", "Animer un réseau de référents données dans chaque direction d'administration centrale",
     ["Nommer un référent dans chaque direction", "Organiser une rencontre trimestrielle du réseau"], "DINUM", "3e trimestre 2021"),
    ("Sobriété des centres de données", "Réduire la consommation énergétique des centres de données de l'État",
     ["Mesurer la consommation de chaque centre", "Fixer une trajectoire de réduction pluriannuelle"], "Ministère de la Transition écologique", "2022"),
    ("Archivage des courriels", "Conserver les courriels à valeur probante des administrations dans un service commun",
     ["Définir les règles de tri avec les archivistes", "Déployer l'outil dans deux ministères"], "Ministère de la Culture", "2nd semestre 2021"),
    ("Cartographie des compétences numériques", "Connaître les compétences numériques disponibles dans les ministères",
     ["Lancer une enquête auprès des directions du numérique", "Publier une cartographie mise à jour chaque année"], "DGAFP", "1er semestre 2022"),
    ("Portail des API publiques", "Rassembler en un seul point d'accès les interfaces de programmation publiées par l'État",
     ["Recenser les API existantes", "Documenter les conditions d'accès de chaque API"], "DINUM", "4e trimestre 2021"),
    ("Guichet de signalement des failles", "Permettre à chacun de signaler une faille de sécurité d'un service public en ligne",
     ["Ouvrir un formulaire de signalement", "Traiter chaque signalement sous un mois"], "ANSSI", "mi-2021"),
    ("Bibliothèque de composants d'interface", "Mettre à disposition des composants d'interface conformes au design de l'État",
     ["Publier une première version des composants", "Accompagner cinq services dans leur adoption"], "DINUM", "1er trimestre 2021"),
]

#: New missions: (headline, objective).
NEW_MISSIONS = [
    ("Accompagner les collectivités territoriales dans leur transformation numérique",
     "mettre à la disposition des collectivités les outils et les méthodes numériques de l'État"),
    ("Ouvrir et partager les codes sources de l'administration",
     "faire de l'ouverture des logiciels publics la règle et en favoriser la réutilisation"),
]

NEW_STEPS = [
    "Publier un bilan annuel des résultats obtenus",
    "Associer les collectivités territoriales volontaires",
    "Évaluer l'impact du dispositif auprès des usagers",
    "Former des agents référents dans chaque ministère",
    "Ouvrir le code source des composants développés",
    "Mettre en place un comité de suivi trimestriel",
    "Recueillir l'avis des associations d'usagers",
    "Étendre le dispositif aux opérateurs de l'État",
]

OWNERS = [
    "DINUM", "DITP", "ANCT", "DGAFP", "Ministère de l'Intérieur", "Ministère des Armées",
    "Ministère de la Culture", "DINUM et DITP", "Ministères économiques et financiers",
]

SYNONYMS = {
    "developper": "Construire", "construire": "Bâtir", "catalogue": "Répertoire", "conseil": "Accompagnement",
    "numerique": "digital", "dossier": "Espace", "service": "Offre", "analyse": "Étude", "qualite": "excellence",
    "resilience": "Robustesse", "synergies": "Convergences", "consolidation": "Agrégation", "investigation": "Exploration",
    "incubation": "Accélération", "brigade": "Équipe", "inclusion": "Accessibilité", "regles": "Principes", "impact": "Effets",
    "attractivite": "Rayonnement", "manager": "Encadrant", "bourse": "Marché", "environnement": "Cadre", "pilotage": "conduite",
    "decisions": "choix", "eclairer": "Guider", "problemes": "difficultés", "strategie": "politique", "agent": "fonctionnaire",
    "labellisation": "certification", "convergence": "Rapprochement", "partenarial": "partagé", "interne": "intérieur",
    "industrialisation": "Généralisation", "projets": "chantiers", "talents": "compétences", "dematerialisation": "Numérisation",
    "sac": "Kit", "cloud": "Nuage", "label": "certification", "expertises": "savoir-faire", "labo": "Laboratoire",
    "green": "Numérique", "guichet": "Point d'accès", "dites": "Dites", "datapedia": "Datapédia",
}

OBJECTIVE_TAILS = [
    ", en lien étroit avec les ministères",
    " au bénéfice des usagers et des agents",
    ", selon un calendrier revu chaque année",
]

INDICATOR_ROWS = [
    ("Démarches accessibles aux personnes en situation de handicap", ["NM", "12%", "20%", "50%*"]),
    ("Agents formés aux outils collaboratifs", ["0", "1 000", "5 000", "20 000*"]),
    ("Services publics raccordés à AgentConnect", ["0", "0", "3", "40*"]),
    ("Jeux de données de référence publiés", ["9", "11", "14", "20"]),
]

COLUMN_RENAMES = {"projection fin 2020": "en 2020", "objectif fin 2022": "cible 2022", "en 2018": "réalisé 2018"}

# ----------------------------------------------------------------- deadline phrases in the documents' phrasing

_QUARTER = re.compile(r"^(1er|2e|3e|4e) trimestre (20\d\d)$")
_SEMESTER = re.compile(r"^(1er|2nd) semestre (20\d\d)$")
_END = re.compile(r"^fin (20\d\d)$")
_YEAR = re.compile(r"^(20\d\d)$")
_QUARTER_WORD = {1: "1er", 2: "2e", 3: "3e", 4: "4e"}


def phrase_end_month(phrase: str) -> tuple[str, int] | None:
    """(granularity, month index = year*12 + month of the interval end) of the phrases this module shifts."""
    p = phrase.strip()
    if m := _QUARTER.match(p):
        return "quarter", int(m.group(2)) * 12 + 3 * int(m.group(1)[0])
    if m := _SEMESTER.match(p):
        return "semester", int(m.group(2)) * 12 + (6 if m.group(1) == "1er" else 12)
    if m := _END.match(p):
        return "end", int(m.group(1)) * 12 + 12
    if m := _YEAR.match(p):
        return "year", int(m.group(1)) * 12 + 12
    return None


def month_to_phrase(granularity: str, month_index: int) -> str:
    """A deadline phrase ending at `month_index` (year*12 + month), written like the brochure."""
    year, month = divmod(month_index - 1, 12)
    month += 1
    if granularity == "quarter":
        return f"{_QUARTER_WORD[(month - 1) // 3 + 1]} trimestre {year}"
    if granularity == "semester":
        return f"{'1er' if month <= 6 else '2nd'} semestre {year}"
    if granularity == "end":
        return f"fin {year}"
    return str(year)


_SHIFTS = {"quarter": [3, 6, 9, -3], "semester": [6, 12, -6], "end": [12, -12], "year": [12, 24, -12]}


# ----------------------------------------------------------------- the record


@dataclass(frozen=True)
class Expected:
    """One change the diff should report: its kind and the key it is scored on."""

    kind: str
    key: tuple[str, ...]
    slip_months: int | None = None


@dataclass
class Perturbation:
    edition: Edition
    expected: list[Expected] = field(default_factory=list)
    edits: list[str] = field(default_factory=list)
    seed: int = 0
    #: The true matching of cards, old code -> new code, for the cards that remain (filled by the hard profile).
    same_card: dict[str, str] = field(default_factory=dict)


# ----------------------------------------------------------------- title rewordings


def _typo(title: str, rng: random.Random) -> str:
    words = title.split()
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not candidates:
        return title + "s"
    i = rng.choice(candidates)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    return " ".join(words)


def _plural(title: str, rng: random.Random) -> str:
    words = title.split()
    for i, w in enumerate(words):
        if len(w) > 3 and w.isalpha():
            words[i] = w[:-1] if w.endswith("s") else w + "s"
            return " ".join(words)
    return title + "s"


def _synonym(text: str, rng: random.Random) -> str | None:
    words = text.split()
    candidates = [i for i, w in enumerate(words) if fold(w) in SYNONYMS]
    if not candidates:
        return None
    i = rng.choice(candidates)
    replacement = SYNONYMS[fold(words[i])]
    words[i] = replacement if i == 0 else replacement[0].lower() + replacement[1:] if replacement[1:2].islower() else replacement
    out = " ".join(words)
    return out[0].upper() + out[1:]


def _reorder(title: str, rng: random.Random) -> str:
    if " de " in title:
        head, tail = title.split(" de ", 1)
        return f"{tail[0].upper()}{tail[1:]} : {head[0].lower()}{head[1:]}"
    words = title.split()
    if len(words) < 2:
        return f"Projet {title}"
    words = words[1:] + [words[0].lower()]
    return " ".join(words)[0].upper() + " ".join(words)[1:]


def _rewrite(action: Action, rng: random.Random) -> str:
    source = action.objective or " ".join(s.text for s in action.steps) or action.title
    words = [w for w in re.findall(r"[\w'’-]+", source) if len(w) > 3][:5]
    if not words:
        return f"Nouveau cadre pour {action.title.lower()}"
    title = " ".join(words)
    return title[0].upper() + title[1:]


# ----------------------------------------------------------------- the generator


def _free_code(edition: Edition, prefix: str, taken: set[str]) -> str:
    used = {a.code for a in edition.actions} | taken
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    taken.add(f"{prefix}{n}")
    return f"{prefix}{n}"


def _printed_code(code: str, like: str) -> str:
    """'LA7' printed the way the card it replaces printed its code ('IN 5' style keeps the space)."""
    return f"{code[:2]} {code[2:]}" if " " in like else code


#: Perturbation profiles: "default" (mild edits, one or two per card) and "hard" (`perturb_hard`).
PROFILES = ("default", "hard", "vocabulary")


def fictitious_copy(base: Edition, seed: int) -> Perturbation:
    """A deep copy of `base` marked fictitious (id, label, flag), with nothing stated and nothing new yet."""
    new = base.model_copy(deep=True)
    new.id = f"{base.id}-fictitious-{seed}"
    new.label = f"Édition fictive n° {seed} dérivée de « {base.label} » (jamais publiée)"
    new.fictitious = True
    new.stated_changes = []
    new.findings = []
    new.claim_checks = []
    for a in new.actions:
        a.new = False
    for c in new.chart:
        c.new = False
    return Perturbation(edition=new, seed=seed)


def add_mission(record: Perturbation, code: str, prefix: str, rng: random.Random, taken: set[str]) -> None:
    """A new mission under `code`, with two new cards numbered under `prefix`, each stated as added."""
    new, exp, log = record.edition, record.expected.append, record.edits.append
    name, objective = rng.choice(NEW_MISSIONS)
    where = new.missions[0].provenance
    new.missions.append(Mission(code=code, code_printed=code, name=name, objective=objective, provenance=where))
    log(f"mission {code} ajoutée : {name!r}")
    exp(Expected("mission_added", (code,)))
    used = {a.title for a in new.actions}
    for title, action_objective, steps, owner, deadline in rng.sample([c for c in NEW_ACTIONS if c[0] not in used], 2):
        action_code = _free_code(new, prefix, taken)
        new.actions.append(Action(code=action_code, code_printed=action_code, mission=code, title=title, objective=action_objective,
                                  owners_printed=[owner], deadlines_printed=[deadline], new=True, provenance=where,
                                  steps=[Step(text=x, provenance=where) for x in steps]))
        new.stated_changes.append(StatedChange(kind="action_added", subject=action_code, summary=f"Nouvelle action {action_code} : {title}", evidence=where))
        log(f"ajout {action_code} « {title} » dans la nouvelle mission {code}")
        exp(Expected("action_added", (action_code,)))


def rename_mission(edition: Edition, mission: Mission, code: str, *, stated: bool) -> None:
    """`mission` takes `code` everywhere it is named (cards, chart, indicator rows); `stated`: the edition says so."""
    old = mission.code
    mission.code = mission.code_printed = code
    for item in [*edition.actions, *edition.chart, *(edition.indicators.rows if edition.indicators else [])]:
        if item.mission == old:
            item.mission = code
    if stated:
        edition.stated_changes.append(StatedChange(
            kind="mission_renamed", subject=old, target=code, summary=f"La mission {old} devient la mission {code}", evidence=mission.provenance))


def remove_mission(record: Perturbation, gone: Mission) -> None:
    """A whole mission leaves the roadmap with its cards and its indicator rows; each goes in the record."""
    new, exp = record.edition, record.expected.append
    record.edits.append(f"mission {gone.code} supprimée avec ses actions")
    exp(Expected("mission_removed", (gone.code,)))
    new.missions = [m for m in new.missions if m is not gone]
    for a in [a for a in new.actions if a.mission == gone.code]:
        exp(Expected("action_exited_completed" if a.completed else "action_dropped", (a.code,)))
    new.actions = [a for a in new.actions if a.mission != gone.code]
    if new.indicators:
        for r in [r for r in new.indicators.rows if r.mission == gone.code]:
            exp(Expected("indicator_removed", (fold(r.label),)))
        new.indicators.rows = [r for r in new.indicators.rows if r.mission != gone.code]


def restate_claims(edition: Edition) -> None:
    """The edition's own counts follow its perturbed content, as an edition states its own counts."""
    for claim in edition.claims:
        if claim.kind == "actions":
            claim.value = len(edition.actions)
        elif claim.kind == "completed":
            claim.value = sum(1 for a in edition.actions if a.completed)
        elif claim.kind == "new":
            claim.value = sum(1 for a in edition.actions if a.new)


def perturb_edition(base: Edition, seed: int, *, edits: int | None = None, profile: str = "default") -> Perturbation:
    """A fictitious edition derived from `base` by a seeded set of edits, and the changes they make.

    `profile="hard"` applies the harder, stacked edits of `perturb_hard` instead; `profile="vocabulary"`
    the unknown missions, prefixes, separators, owners and status words of `perturb_vocabulary`.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown perturbation profile {profile!r} (expected one of {', '.join(PROFILES)})")
    if profile == "hard":
        from .perturb_hard import perturb_edition_hard

        return perturb_edition_hard(base, seed, edits=edits)
    if profile == "vocabulary":
        from .perturb_vocabulary import perturb_edition_vocabulary

        return perturb_edition_vocabulary(base, seed, edits=edits)
    rng = random.Random(seed)
    record = fictitious_copy(base, seed)
    new = record.edition
    exp = record.expected.append
    log = record.edits.append
    taken: set[str] = set()
    never_reuse = {a.code for a in base.actions}

    # Mission-level edits.
    used_codes = {m.code for m in new.missions}
    free_missions = [c for c in MISSION_PREFIX if c not in used_codes]
    if free_missions and rng.random() < 0.5:
        mission = rng.choice(new.missions)
        target = rng.choice(free_missions)
        log(f"mission {mission.code} renommée {target}")
        exp(Expected("mission_renamed", (mission.code,)))
        rename_mission(new, mission, target, stated=True)
    if rng.random() < 0.3:
        mission = rng.choice([m for m in new.missions if m.name])
        reworded = _synonym(mission.name, rng) or (mission.name + OBJECTIVE_TAILS[rng.randrange(len(OBJECTIVE_TAILS))])
        if fold(reworded) != fold(mission.name):
            log(f"mission {mission.code} reformulée : {mission.name!r} -> {reworded!r}")
            mission.name = reworded
            exp(Expected("mission_reworded", (mission.code,)))

    # A whole mission leaves the roadmap, with its cards and its indicators.
    if rng.random() < 0.1:
        touched = {e.key[0] for e in record.expected} | {s.target for s in new.stated_changes if s.kind == "mission_renamed"}
        remove_mission(record, rng.choice([m for m in new.missions if m.code not in touched]))

    # Action-level edits, one per action.
    kinds = ["retitle", "retitle", "recode", "move", "drop", "exit", "complete", "deadline", "owner",
             "step_add", "step_remove", "step_change", "step_done", "reword"]
    count = edits if edits is not None else rng.randint(6, 12)
    pool = list(range(len(new.actions)))
    rng.shuffle(pool)
    removed: list[int] = []
    for index in pool[:count]:
        a = new.actions[index]
        kind = rng.choice(kinds)
        if kind == "exit" and not a.completed:
            kind = "drop"
        if kind in ("drop", "complete") and a.completed:
            kind = "exit"
        if kind == "deadline" and not _shiftable(a):
            kind = "owner"
        if kind == "owner" and not a.owners_printed:
            kind = "step_add"
        if kind in ("step_remove", "step_change", "step_done") and not a.steps:
            kind = "step_add"
        if kind == "step_done" and not [s for s in a.steps if s.deadline_printed and phrase_end_month(s.deadline_printed)]:
            kind = "step_change"
        live = _apply(kind, a, new, rng, record, taken | never_reuse if kind in ("recode", "move") else taken, removed, index)
        # Some cards change in two ways at once (moved and retitled, recoded and re-owned …).
        if live is not None and rng.random() < 0.3:
            second = rng.choice([k for k in ("retitle", "owner", "deadline", "step_add", "step_change", "reword") if k != kind])
            if second == "deadline" and not _shiftable(live):
                second = "step_add"
            if second == "owner" and not live.owners_printed:
                second = "step_add"
            if second == "step_change" and not live.steps:
                second = "step_add"
            if second == "reword" and not live.objective:
                second = "step_add"
            if kind == "step_add" and second == "step_change":
                second = "retitle"  # rewording the step just added would be an addition, not a change
            if second != kind:
                _apply(second, live, new, rng, record, taken, removed, new.actions.index(live))
    new.actions = [a for i, a in enumerate(new.actions) if i not in set(removed)]

    # Additions.
    missions = [m.code for m in new.missions]
    for content in rng.sample(NEW_ACTIONS, rng.randint(0, 2)):
        title, objective, steps, owner, deadline = content
        mission = rng.choice(missions)
        prefix = next(a.code[:2] for a in new.actions if a.mission == mission) if any(a.mission == mission for a in new.actions) else MISSION_PREFIX[mission]
        code = _free_code(new, prefix, taken)
        where = new.mission(mission).provenance
        action = Action(code=code, code_printed=code, mission=mission, title=title, objective=objective, owners_printed=[owner],
                        deadlines_printed=[deadline], steps=[Step(text=s, provenance=where) for s in steps], new=True, provenance=where)
        last = max((i for i, x in enumerate(new.actions) if x.mission == mission), default=len(new.actions) - 1)
        new.actions.insert(last + 1, action)
        new.stated_changes.append(StatedChange(kind="action_added", subject=code, summary=f"Nouvelle action {code} : {title}", evidence=where))
        log(f"ajout {code} « {title} » dans {mission}")
        exp(Expected("action_added", (code,)))

    # A new mission enters, with new cards, under a code the roadmap never used.
    free_missions = [c for c in MISSION_PREFIX if c not in {m.code for m in new.missions} | {m.code for m in base.missions}]
    if free_missions and rng.random() < 0.12:
        code = rng.choice(free_missions)
        add_mission(record, code, MISSION_PREFIX[code], rng, taken)

    # Indicators.
    if new.indicators and new.indicators.rows:
        _indicator_edits(new, rng, record)

    restate_claims(new)
    new.chart = []
    return record


def shift_deadline(a: Action, rng: random.Random, *, reword=None) -> tuple[str, str, str, int]:
    """Move one of the card's dated phrases (card line or step) by a random number of months, in place.

    `reword(phrase, rng)`, when given, writes the new date in another wording.
    Returns (where: 'card' | 'step', phrase before, phrase after, shift in months).
    """
    places = [("card", i, p) for i, p in enumerate(a.deadlines_printed) if phrase_end_month(p)]
    places += [("step", i, s.deadline_printed) for i, s in enumerate(a.steps) if s.deadline_printed and phrase_end_month(s.deadline_printed)]
    where, i, printed = rng.choice(places)
    granularity, end = phrase_end_month(printed)
    months = rng.choice(_SHIFTS[granularity])
    phrase = month_to_phrase(granularity, end + months)
    if reword is not None:
        phrase = reword(phrase, rng)
    if where == "card":
        a.deadlines_printed[i], a.deadlines = phrase, []
    else:
        a.steps[i].deadline_printed, a.steps[i].deadline = phrase, None
    return where, printed, phrase, months


def _owner_identity(lines: list[str]) -> frozenset[str]:
    """Who the owner lines name: canonical ids when the normaliser's gazetteer is there, folded text otherwise.

    Two wordings of one body ("Ministère de l'Économie et des Finances",
    "Ministères économiques et financiers") are not an owner change.
    """
    try:
        from editiondiff.normalize.owners import line_to_owners
    except ImportError:
        return frozenset(fold(line) for line in lines)
    return frozenset(o.id for line in lines for o in line_to_owners(line))


def _shiftable(action: Action) -> bool:
    return any(phrase_end_month(p) for p in action.deadlines_printed) or any(
        s.deadline_printed and phrase_end_month(s.deadline_printed) for s in action.steps)


def _apply(kind: str, a: Action, edition: Edition, rng: random.Random, record: Perturbation, taken: set[str], removed: list[int], index: int) -> Action | None:
    """Apply one edit to card `a` (at `index`); the card as it now stands, or None when it is gone."""
    exp, log = record.expected.append, record.edits.append
    if kind == "retitle":
        how = rng.choice(["typo", "plural", "synonym", "reorder", "rewrite"])
        if how == "typo" and a.chart_title and fold(a.chart_title) != fold(a.title):
            how = "typo fix"  # the card's title was cut short in print: the chart gives it whole ("Rimba" -> "Rimbaud")
        title = {"typo": _typo, "plural": _plural, "reorder": _reorder, "typo fix": lambda t, r: a.chart_title}.get(how, lambda t, r: None)(a.title, rng)
        if how == "synonym":
            title = _synonym(a.title, rng) or _reorder(a.title, rng)
        if how == "rewrite":
            title = _rewrite(a, rng)
        if fold(title) == fold(a.title):
            title = _plural(a.title, rng)
        log(f"{a.code} titre ({how}) : {a.title!r} -> {title!r}")
        a.title, a.chart_title = title, None
        exp(Expected("action_retitled", (a.code,)))
    elif kind == "reword":
        objective = a.objective or ""
        reworded = _synonym(objective, rng) if objective else None
        if not reworded or fold(reworded) == fold(objective):
            reworded = objective.rstrip(". ") + rng.choice(OBJECTIVE_TAILS)
        log(f"{a.code} objectif reformulé")
        if a.objective:
            exp(Expected("action_reworded", (a.code,)))
        a.objective = reworded
    elif kind == "recode":
        old = a.code
        a.code = _free_code(edition, old[:2], taken)
        a.code_printed = _printed_code(a.code, a.code_printed)
        log(f"{old} renuméroté {a.code}")
        exp(Expected("action_recoded", (a.code,)))
    elif kind == "move":
        others = [m for m in edition.missions if m.code != a.mission and any(x.mission == m.code for x in edition.actions)]
        target = rng.choice(others)
        prefix = next(x.code[:2] for x in edition.actions if x.mission == target.code)
        old = a.code
        a.code = _free_code(edition, prefix, taken)
        a.code_printed = _printed_code(a.code, a.code_printed)
        log(f"{old} déplacé de {a.mission} vers {target.code} sous le code {a.code}")
        a.mission = target.code
        # the card moves to the end of its new mission
        moved = edition.actions[index].model_copy(deep=True)
        edition.actions.append(moved)
        removed.append(index)
        exp(Expected("action_moved", (a.code,)))
        return moved
    elif kind == "drop":
        log(f"{a.code} supprimé")
        removed.append(index)
        exp(Expected("action_dropped", (a.code,)))
        return None
    elif kind == "exit":
        log(f"{a.code} (achevé) sorti")
        removed.append(index)
        exp(Expected("action_exited_completed", (a.code,)))
        return None
    elif kind == "complete":
        a.completed, a.status, a.status_printed = True, "completed", "Objectif atteint ✓"
        edition.stated_changes.append(StatedChange(kind="action_completed", subject=a.code, summary=f"L'action {a.code} est achevée", evidence=a.provenance))
        log(f"{a.code} achevé")
        exp(Expected("action_completed", (a.code,)))
    elif kind == "deadline":
        where, printed, phrase, shift = shift_deadline(a, rng)
        log(f"{a.code} échéance ({where}) {printed!r} -> {phrase!r} ({shift:+d} mois)")
        exp(Expected("deadline_changed", (a.code,), slip_months=shift))
    elif kind == "owner":
        current = _owner_identity(a.owners_printed)
        owner = rng.choice([o for o in OWNERS if _owner_identity([o]) != current])
        log(f"{a.code} pilote {a.owners_printed} -> {owner!r}")
        a.owners_printed, a.owners = [owner], []
        exp(Expected("owner_changed", (a.code,)))
    elif kind == "step_add":
        text = rng.choice([s for s in NEW_STEPS if fold(s) not in {fold(x.text) for x in a.steps}])
        at = rng.randint(0, len(a.steps))
        a.steps.insert(at, Step(text=text, provenance=a.provenance))
        log(f"{a.code} étape ajoutée : {text!r}")
        exp(Expected("step_added", (a.code,)))
    elif kind == "step_remove":
        at = rng.randrange(len(a.steps))
        log(f"{a.code} étape supprimée : {a.steps[at].text!r}")
        del a.steps[at]
        exp(Expected("step_removed", (a.code,)))
    elif kind == "step_change":
        at = rng.randrange(len(a.steps))
        step = a.steps[at]
        text = _synonym(step.text, rng)
        if not text or fold(text) == fold(step.text):
            text = step.text.rstrip(" .;") + rng.choice(OBJECTIVE_TAILS)
        log(f"{a.code} étape reformulée : {step.text!r} -> {text!r}")
        step.text = text
        exp(Expected("step_changed", (a.code,)))
    elif kind == "step_done":
        step = next(s for s in a.steps if s.deadline_printed and phrase_end_month(s.deadline_printed))
        log(f"{a.code} étape {step.text[:30]!r} : {step.deadline_printed!r} -> 'Fait'")
        step.deadline_printed, step.deadline, step.status = "Fait", None, "done"
        exp(Expected("status_changed", (a.code,)))
    return a


def _indicator_edits(edition: Edition, rng: random.Random, record: Perturbation) -> None:
    exp, log = record.expected.append, record.edits.append
    table = edition.indicators
    rows = table.rows
    revisable = [(r, c) for r in rows for c in r.cells if re.search(r"\d", c.raw)]
    for row, cell in rng.sample(revisable, min(len(revisable), rng.randint(0, 3))):
        new_raw = _revise(cell.raw, rng)
        log(f"indicateur {row.label[:40]!r} [{cell.column}] {cell.raw!r} -> {new_raw!r}")
        cell.raw, cell.value = new_raw, None
        exp(Expected("indicator_revised", (fold(row.label), fold(cell.column))))
    revised = {e.key[0] for e in record.expected if e.kind == "indicator_revised"}
    if rng.random() < 0.3:
        row = rng.choice([r for r in rows if fold(r.label) not in revised])
        log(f"indicateur supprimé : {row.label!r}")
        rows.remove(row)
        exp(Expected("indicator_removed", (fold(row.label),)))
    if rng.random() < 0.3:
        label, values = rng.choice(INDICATOR_ROWS)
        mission = rng.choice([m.code for m in edition.missions])
        at = max(i for i, r in enumerate(rows) if r.mission == mission) + 1 if any(r.mission == mission for r in rows) else len(rows)
        cells = [IndicatorCell(column=c, raw=v) for c, v in zip(table.columns, values)]
        rows.insert(at, IndicatorRow(mission=mission, label=label, cells=cells, provenance=table.provenance))
        log(f"indicateur ajouté : {label!r} ({mission})")
        exp(Expected("indicator_added", (fold(label),)))
    renamable = [c for c in table.columns if c in COLUMN_RENAMES]
    if renamable and rng.random() < 0.25:
        column = rng.choice(renamable)
        header = COLUMN_RENAMES[column]
        log(f"colonne {column!r} -> {header!r}")
        table.columns = [header if c == column else c for c in table.columns]
        for r in rows:
            for c in r.cells:
                if c.column == column:
                    c.column = header
        exp(Expected("column_changed", (fold(header),)))
        # cells revised in that column are now reported under its new header
        record.expected[:] = [
            Expected(e.kind, (e.key[0], fold(header))) if e.kind == "indicator_revised" and e.key[1] == fold(column) else e
            for e in record.expected
        ]


def _revise(raw: str, rng: random.Random) -> str:
    """Another value written the same way ('30%' -> '35%', '80 millions' -> '85 millions')."""
    m = re.search(r"\d+(?: \d{3})*", raw)
    number = int(m.group(0).replace(" ", ""))
    bumped = number + rng.choice([1, 2, 5, 10]) if number < 100 else int(number * rng.choice([1.1, 1.2, 0.9]))
    if bumped == number:
        bumped += 1
    text = f"{bumped:,}".replace(",", " ") if " " in m.group(0) else str(bumped)
    return raw[: m.start()] + text + raw[m.end():]
