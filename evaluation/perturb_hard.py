"""Hard perturbations: edits a careful reader still recognises but string similarity finds hard.

The default profile (`perturb.perturb_edition`) makes mild edits, mostly one
per card, and its "heavier rewrite" of a title reuses the card's own
objective. This profile is written to catch a matcher that only works because
its generator is kind to it:

- titles paraphrased with other words, written by hand for this purpose
  (`PARAPHRASES`: "Catalogue" → "Vitrine en ligne des offres certifiées"),
  never taken from the card's objective;
- objectives reworded at the same time as the title: synonyms, clauses
  reordered and a sentence added (`reword_sentence`);
- edits stacked on one card: recode + paraphrased title; move to another
  mission + reworded objective; paraphrased title + a step reworded and one
  added + a new owner; paraphrased title + a real deadline shift;
- two cards of one mission swapping their codes (and places, so that the
  codes still read in order);
- a card dropped and a new card added in the same mission sharing some of its
  vocabulary ("Bilan de <its title>", two words of its objective quoted):
  different actions, which must not be matched;
- a card rewritten beyond recognition (new code, title, objective, steps,
  owner): the truth is a drop and an addition, not a retitle;
- deadline phrases rewritten in other wordings of the same interval
  ("2nd semestre 2020" → "S2 2020", "fin 2020" → "T4 2020"): no change;
  and real shifts written in another wording: a change with its slip;
- steps shuffled. Decision: the order of a card's steps is not a change (the
  brochure lists steps, it does not rank them; reporting a reordering would
  bury the real changes), so a shuffle expects nothing.

Each edit records the changes the diff should report (`Expected`), exactly
like the default profile. A card is touched by one scenario only, so that the
truth of each stays well defined.
"""

from __future__ import annotations

import random
import re

from editiondiff.schemas import Action, Edition, StatedChange, Step
from editiondiff.vocabulary.text import fold
from .perturb import (
    NEW_ACTIONS,
    NEW_STEPS,
    OWNERS,
    Expected,
    Perturbation,
    _free_code,
    _owner_identity,
    _printed_code,
    _shiftable,
    fictitious_copy,
    phrase_end_month,
    restate_claims,
    shift_deadline,
)

# ----------------------------------------------------------------- content written for the hard profile

#: Titles paraphrased by hand, keyed on the folded title they replace: other words for the same thing.
PARAPHRASES = {
    "regles de labellisation": "Cahier des critères pour certifier les produits numériques",
    "catalogue": "Vitrine en ligne des offres certifiées",
    "service de labellisation": "Dispositif d'attribution du sceau de confiance",
    "impact label": "Mesure des effets de la certification",
    "lab govtech": "Laboratoire des jeunes pousses au service de l'État",
    "franceconnect": "Bouton d'identification unique des usagers",
    "synergies cnie": "Carte d'identité électronique et fédération d'identités",
    "agentconnect": "Connexion unifiée des fonctionnaires",
    "proconnect": "Identification en ligne des professionnels",
    "guichet dites le nous une fois": "Point unique contre les demandes répétées aux usagers",
    "datapedia": "Encyclopédie des flux d'informations publiques",
    "dossier numerique citoyen": "Espace personnel de l'usager",
    "dossier numerique de l agent": "Espace personnel du fonctionnaire",
    "vitam accessible en service": "Archivage électronique mutualisé",
    "eclairer les decisions publiques par la donnee": "Piloter l'action publique grâce aux chiffres",
    "resilience rie et rimba": "Robustesse des réseaux interministériels",
    "convergence des grands resea": "Rapprochement des infrastructures de télécommunication",
    "convergence des grands reseaux": "Rapprochement des infrastructures de télécommunication",
    "cloud interne cercle": "Hébergement souverain opéré par l'État",
    "cloud partenarial cercle 2": "Hébergement confié à un industriel de confiance",
    "environnement de travail numerique de l agent": "Poste de travail modernisé des fonctionnaires",
    "sac a dos numerique de l agent": "Trousse d'outils mobiles pour les fonctionnaires",
    "consolidation depense numerique": "Vue d'ensemble des budgets informatiques",
    "conseil en pilotage des projets": "Appui à la conduite des chantiers informatiques",
    "green tech": "Écoconception et sobriété informatique",
    "talents d interet general": "Spécialistes recrutés pour une mission publique",
    "bourse des projets et expertises": "Place de marché des compétences entre ministères",
    "attractivite numerique": "Séduire et fidéliser les spécialistes de la tech",
    "manager numerique": "Encadrer autrement à l'ère digitale",
    "labo": "Veille sur les technologies émergentes",
    "investigation startups d etat": "Repérage des futurs produits publics agiles",
    "incubation startups d etat": "Réseau des accélérateurs de produits publics",
    "industrialisation startups d etat": "Passage à l'échelle des produits publics réussis",
    "brigade d intervention numerique": "Équipe d'appui aux projets en difficulté",
    "analyse des problemes administratifs": "Diagnostic des irritants rencontrés par les usagers",
    "conseil en strategie de transformation numerique": "Accompagnement des ministères dans leur modernisation",
    "dematerialisation de qualite": "Démarches en ligne exemplaires",
    "numerique de qualite pour l agent": "Satisfaction des fonctionnaires envers leurs outils",
    "inclusion numerique": "Aide aux publics éloignés d'internet",
}

#: Phrases of objectives and steps and other words for them (matched on whole words, case-insensitively).
REWORDINGS = [
    ("mettre en place", "instaurer"), ("mettre en œuvre", "conduire"), ("construire", "bâtir"), ("développer", "concevoir"),
    ("créer", "lancer"), ("définir", "fixer"), ("évaluer", "apprécier"), ("assurer", "garantir"), ("favoriser", "encourager"),
    ("améliorer", "renforcer"), ("accompagner", "soutenir"), ("offrir", "proposer"), ("permettre", "donner la possibilité"),
    ("déployer", "généraliser"), ("piloter", "conduire"), ("suivre", "surveiller"), ("animer", "faire vivre"),
    ("administrations", "services de l'État"), ("agents", "fonctionnaires"), ("usagers", "citoyens"), ("numériques", "digitaux"),
    ("numérique", "digital"), ("outils", "instruments"), ("projets", "chantiers"), ("données", "informations"),
    ("services", "prestations"), ("offre", "proposition"), ("réseau", "maillage"), ("besoins", "attentes"),
    ("l'État", "la puissance publique"), ("ensemble", "totalité"), ("principales", "grandes"), ("large échelle", "grande échelle"),
]

#: Sentences an edition may add to an objective.
ADDED_SENTENCES = [
    "L'action est conduite avec les ministères volontaires.",
    "Un premier bilan sera publié à mi-parcours.",
    "Elle prolonge les travaux engagés lors de la précédente feuille de route.",
    "Les résultats seront présentés chaque année au comité interministériel.",
]

#: Titles of a new card about the subject of a dropped one ("Bilan de …"): another action, same vocabulary.
FOLLOW_UP_TITLES = ["Bilan de {x}", "Évaluation externe de {x}", "Suites données à {x}"]
FOLLOW_UP_OBJECTIVES = [
    "Faire réaliser par un organisme indépendant une évaluation des thèmes « {a} » et « {b} », et en publier les conclusions",
    "Tirer les enseignements de l'expérience acquise sur « {a} » et « {b} » pour les ministères qui n'y ont pas encore pris part",
]

#: Other wordings of one interval, by the granularity `perturb.phrase_end_month` reads.
_QUARTER_NAMES = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième"}


def reworded_deadline(phrase: str, rng: random.Random) -> str:
    """The same interval written another way ('3e trimestre 2020' -> 'T3 2020', 'fin 2020' -> 'T4 2020')."""
    found = phrase_end_month(phrase)
    if found is None:
        return phrase
    granularity, end = found
    year, month = divmod(end - 1, 12)
    month += 1
    if granularity == "quarter":
        n = (month - 1) // 3 + 1
        return rng.choice([f"T{n} {year}", f"{_QUARTER_NAMES[n]} trimestre {year}", f"{'1er' if n == 1 else f'{n}e'} trimestre de l'année {year}"])
    if granularity == "semester":
        n = 1 if month <= 6 else 2
        return rng.choice([f"S{n} {year}", f"{'premier' if n == 1 else 'second'} semestre {year}", f"{'1er' if n == 1 else '2e'} semestre de l'année {year}"])
    if granularity == "end":
        return rng.choice([f"T4 {year}", f"4e trimestre {year}", f"quatrième trimestre {year}"])
    return rng.choice([f"courant {year}", f"en {year}", f"année {year}"])


# ----------------------------------------------------------------- rewordings


def paraphrase_title(title: str, rng: random.Random) -> str:
    """The hand-written paraphrase of a title; a generic one for titles this module does not know."""
    known = PARAPHRASES.get(fold(title))
    if known:
        return known
    return rng.choice(["Programme renouvelé de la mission", "Chantier prioritaire de modernisation", "Nouvelle offre interministérielle"])


def _swap_words(text: str, rng: random.Random, at_most: int) -> str:
    found = [(a, b) for a, b in REWORDINGS if re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text, flags=re.IGNORECASE)]
    rng.shuffle(found)
    for a, b in found[:at_most]:
        def repl(m: re.Match, b=b) -> str:
            return b[0].upper() + b[1:] if m.group(0)[0].isupper() else b
        text = re.sub(rf"(?<!\w){re.escape(a)}(?!\w)", repl, text, count=1, flags=re.IGNORECASE)
    return text


def _reorder_clauses(text: str) -> str:
    """'Faire A pour B' -> 'Pour B, faire A'; 'A et B' -> 'B et A' (verb phrases joined by 'et')."""
    body = text.rstrip(" .")
    if " pour " in body:
        head, tail = body.split(" pour ", 1)
        return f"Pour {tail}, {head[0].lower()}{head[1:]}"
    if " et " in body:
        head, tail = body.split(" et ", 1)
        if _infinitive(head) and _infinitive(tail):
            return f"{tail[0].upper()}{tail[1:]} et {head[0].lower()}{head[1:]}"
    return body


def _infinitive(clause: str) -> bool:
    """Whether a clause opens with a French infinitive (so two of them joined by 'et' can swap)."""
    first = clause.split()[0].lower() if clause.split() else ""
    return len(first) > 3 and first.endswith(("er", "ir", "re"))


def reword_sentence(text: str, rng: random.Random, *, add_sentence: bool = True) -> str:
    """The same goal in other words: a few synonyms, clauses reordered, and (by default) a sentence added."""
    out = _reorder_clauses(_swap_words(text, rng, at_most=3))
    if fold(out) == fold(text):
        out = f"Il s'agit de {out[0].lower()}{out[1:]}"
    if add_sentence:
        out = out.rstrip(" .") + ". " + rng.choice(ADDED_SENTENCES)
    return out


# ----------------------------------------------------------------- the generator


def _dropped_kind(a: Action) -> str:
    return "action_exited_completed" if a.completed else "action_dropped"


def _new_card(edition: Edition, mission: str, code: str, title: str, objective: str, steps: list[str], owner: str, deadline: str, where) -> Action:
    return Action(code=code, code_printed=code, mission=mission, title=title, objective=objective, owners_printed=[owner],
                  deadlines_printed=[deadline], steps=[Step(text=s, provenance=where) for s in steps], new=True, provenance=where)


def _announce(edition: Edition, action: Action) -> None:
    edition.stated_changes.append(StatedChange(kind="action_added", subject=action.code, summary=f"Nouvelle action {action.code} : {action.title}",
                                               evidence=action.provenance))


SCENARIOS = (
    "paraphrase", "paraphrase_reword", "paraphrase_reword", "recode_paraphrase", "move_reword", "retitle_steps_owner",
    "paraphrase_shift", "swap", "drop_add_shared", "replace", "deadline_reword", "deadline_shift_reword", "shuffle_steps",
)


def perturb_edition_hard(base: Edition, seed: int, *, edits: int | None = None) -> Perturbation:
    """A fictitious edition derived from `base` by a seeded set of hard, often stacked edits, and their truth."""
    rng = random.Random(seed)
    record = fictitious_copy(base, seed)
    new = record.edition
    exp, log = record.expected.append, record.edits.append
    never_reuse = {a.code for a in base.actions}
    taken: set[str] = set()
    # Cards are tracked by identity; the dicts hold the objects themselves so that an id is never
    # reused by a card created later while its first owner is still being tracked.
    touched: dict[int, Action] = {}  # cards already edited (or created) by a scenario
    removed: dict[int, Action] = {}
    count = edits if edits is not None else rng.randint(5, 9)
    original = {id(a): (a, a.code) for a in new.actions}
    named = {c for s in base.stated_changes for c in (s.subject, s.target) if c}
    named |= {a.code for a in base.actions if any(fold(a.code_printed) in fold(n) or fold(a.code) in fold(n) for x in base.actions for n in x.notes)}

    def _fresh(prefix: str) -> str:
        code = _free_code(new, prefix, taken | never_reuse)
        taken.add(code)
        return code

    def pick(condition) -> Action | None:
        cards = [a for a in new.actions if id(a) not in touched and id(a) not in removed and condition(a)]
        if not cards:
            return None
        card = rng.choice(cards)
        touched[id(card)] = card
        return card

    def retitle(a: Action) -> None:
        title = paraphrase_title(a.title, rng)
        log(f"{a.code} titre paraphrasé : {a.title!r} -> {title!r}")
        a.title, a.chart_title = title, None

    def reword(a: Action) -> None:
        objective = reword_sentence(a.objective, rng)
        log(f"{a.code} objectif reformulé : {a.objective!r} -> {objective!r}")
        a.objective = objective

    def shift(a: Action, *, reword_phrase: bool) -> None:
        where, printed, phrase, months = shift_deadline(a, rng, reword=reworded_deadline if reword_phrase else None)
        log(f"{a.code} échéance ({where}) {printed!r} -> {phrase!r} ({months:+d} mois)")
        exp(Expected("deadline_changed", (a.code,), slip_months=months))

    for _ in range(count):
        scenario = rng.choice(SCENARIOS)
        if scenario == "paraphrase":
            a = pick(lambda a: fold(paraphrase_title(a.title, rng)) != fold(a.title))
            if a is None:
                continue
            retitle(a)
            exp(Expected("action_retitled", (a.code,)))
        elif scenario == "paraphrase_reword":
            a = pick(lambda a: bool(a.objective))
            if a is None:
                continue
            retitle(a)
            reword(a)
            exp(Expected("action_retitled", (a.code,)))
            exp(Expected("action_reworded", (a.code,)))
        elif scenario == "recode_paraphrase":
            a = pick(lambda a: True)
            if a is None:
                continue
            old = a.code
            a.code = _fresh(old[:2])
            a.code_printed = _printed_code(a.code, a.code_printed)
            log(f"{old} renuméroté {a.code}")
            retitle(a)
            exp(Expected("action_recoded", (a.code,)))
            exp(Expected("action_retitled", (a.code,)))
        elif scenario == "move_reword":
            a = pick(lambda a: bool(a.objective))
            if a is None:
                continue
            others = [m for m in new.missions if m.code != a.mission and any(x.mission == m.code for x in new.actions)]
            target = rng.choice(others)
            prefix = next(x.code[:2] for x in new.actions if x.mission == target.code)
            old = a.code
            a.code = _fresh(prefix)
            a.code_printed = _printed_code(a.code, a.code_printed)
            log(f"{old} déplacé de {a.mission} vers {target.code} sous le code {a.code}")
            a.mission = target.code
            reword(a)
            new.actions.remove(a)
            last = max(i for i, x in enumerate(new.actions) if x.mission == target.code)
            new.actions.insert(last + 1, a)
            exp(Expected("action_moved", (a.code,)))
            exp(Expected("action_reworded", (a.code,)))
        elif scenario == "retitle_steps_owner":
            a = pick(lambda a: bool(a.steps) and bool(a.owners_printed))
            if a is None:
                continue
            retitle(a)
            exp(Expected("action_retitled", (a.code,)))
            step = rng.choice(a.steps)
            text = reword_sentence(step.text, rng, add_sentence=False)
            log(f"{a.code} étape reformulée : {step.text!r} -> {text!r}")
            step.text = text
            exp(Expected("step_changed", (a.code,)))
            added = rng.choice([s for s in NEW_STEPS if fold(s) not in {fold(x.text) for x in a.steps}])
            a.steps.insert(rng.randint(0, len(a.steps)), Step(text=added, provenance=a.provenance))
            log(f"{a.code} étape ajoutée : {added!r}")
            exp(Expected("step_added", (a.code,)))
            current = _owner_identity(a.owners_printed)
            owner = rng.choice([o for o in OWNERS if _owner_identity([o]) != current])
            log(f"{a.code} pilote {a.owners_printed} -> {owner!r}")
            a.owners_printed, a.owners = [owner], []
            exp(Expected("owner_changed", (a.code,)))
        elif scenario == "paraphrase_shift":
            a = pick(_shiftable)
            if a is None:
                continue
            retitle(a)
            exp(Expected("action_retitled", (a.code,)))
            shift(a, reword_phrase=rng.random() < 0.5)
        elif scenario == "swap":
            # Cards the edition's prose names by code (completed, transformed, cited in a note) keep their codes:
            # swapping them would make that prose speak of the other card.
            def swappable(a: Action) -> bool:
                return a.code not in named and id(a) not in touched and id(a) not in removed

            missions = [m.code for m in new.missions if len([a for a in new.actions if a.mission == m.code and swappable(a)]) >= 2]
            if not missions:
                continue
            mission = rng.choice(missions)
            first = pick(lambda a: a.mission == mission and swappable(a))
            second = pick(lambda a: a.mission == mission and swappable(a))
            log(f"{first.code} et {second.code} échangent leurs codes")
            first.code, second.code = second.code, first.code
            first.code_printed, second.code_printed = second.code_printed, first.code_printed
            i, j = new.actions.index(first), new.actions.index(second)
            new.actions[i], new.actions[j] = second, first
            exp(Expected("action_recoded", (first.code,)))
            exp(Expected("action_recoded", (second.code,)))
        elif scenario == "drop_add_shared":
            a = pick(lambda a: True)
            if a is None:
                continue
            removed[id(a)] = a
            log(f"{a.code} supprimé")
            exp(Expected(_dropped_kind(a), (a.code,)))
            words = [w for w in re.findall(r"[\w'’-]+", a.objective or a.title) if len(w) >= 6 and "'" not in w and "’" not in w]
            a_word, b_word = (rng.sample(words, 2) if len(words) >= 2 else [a.title.lower(), "usagers"])
            title = rng.choice(FOLLOW_UP_TITLES).format(x=f"« {a.title} »")
            objective = rng.choice(FOLLOW_UP_OBJECTIVES).format(a=a_word.lower(), b=b_word.lower())
            steps = rng.sample([s for s in NEW_STEPS if fold(s) not in {fold(x.text) for x in a.steps}], 2)
            owner = rng.choice([o for o in OWNERS if _owner_identity([o]) != _owner_identity(a.owners_printed)])
            deadline = rng.choice([c[4] for c in NEW_ACTIONS])
            card = _new_card(new, a.mission, _fresh(a.code[:2]), title, objective, steps, owner, deadline, a.provenance)
            touched[id(card)] = card
            new.actions.insert(new.actions.index(a) + 1, card)
            if rng.random() < 0.5:
                _announce(new, card)
            else:
                card.new = False
            log(f"ajout {card.code} « {title} » dans {card.mission} (vocabulaire de {a.code})")
            exp(Expected("action_added", (card.code,)))
        elif scenario == "replace":
            a = pick(lambda a: True)
            if a is None:
                continue
            used = {fold(x.title) for x in new.actions}
            content = [c for c in NEW_ACTIONS if fold(c[0]) not in used]
            if not content:
                continue
            title, objective, steps, owner, deadline = rng.choice(content)
            card = _new_card(new, a.mission, _fresh(a.code[:2]), title, objective, steps, owner, deadline, a.provenance)
            touched[id(card)] = card
            new.actions[new.actions.index(a)] = card
            removed[id(a)] = a
            log(f"{a.code} remplacé par {card.code} « {title} » (méconnaissable : abandon et ajout)")
            exp(Expected(_dropped_kind(a), (a.code,)))
            exp(Expected("action_added", (card.code,)))
            if rng.random() < 0.5:
                _announce(new, card)
            else:
                card.new = False
        elif scenario == "deadline_reword":
            a = pick(_shiftable)
            if a is None:
                continue
            for i, p in enumerate(a.deadlines_printed):
                if phrase_end_month(p):
                    a.deadlines_printed[i] = reworded_deadline(p, rng)
                    log(f"{a.code} échéance réécrite (même intervalle) : {p!r} -> {a.deadlines_printed[i]!r}")
                    a.deadlines = []
            for s in a.steps:
                if s.deadline_printed and phrase_end_month(s.deadline_printed):
                    phrase = reworded_deadline(s.deadline_printed, rng)
                    log(f"{a.code} échéance d'étape réécrite (même intervalle) : {s.deadline_printed!r} -> {phrase!r}")
                    s.deadline_printed, s.deadline = phrase, None
        elif scenario == "deadline_shift_reword":
            a = pick(_shiftable)
            if a is None:
                continue
            shift(a, reword_phrase=True)
        elif scenario == "shuffle_steps":
            a = pick(lambda a: len(a.steps) >= 3 and len({fold(s.text) for s in a.steps}) == len(a.steps))
            if a is None:
                continue
            order = list(range(len(a.steps)))
            while order == sorted(order):
                rng.shuffle(order)
            a.steps = [a.steps[k] for k in order]
            log(f"{a.code} étapes réordonnées {[k + 1 for k in order]} (pas un changement)")
    new.actions = [a for a in new.actions if id(a) not in removed]
    record.same_card = {original[id(a)][1]: a.code for a in new.actions if id(a) in original and original[id(a)][0] is a}
    restate_claims(new)
    new.chart = []
    return record
