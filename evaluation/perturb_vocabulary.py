"""Vocabulary perturbations: the next edition speaks of missions, codes, owners and states never seen.

The default and hard profiles edit cards inside the eight missions the corpus
knows. This profile measures the open world of issue 9: an edition whose
structure must be discovered from the edition itself. Per trial, seeded and
recorded:

- mission-level edits, one to three, on distinct missions:
  a mission renamed with its prefix kept (TALENTS -> COMPETENCES, cards still
  TA1…); a mission renamed with its cards recoded under a new prefix
  (TALENTS -> COMPETENCES, TA1 -> CO1); a mission keeping its name whose
  cards take a new prefix (LABEL: LA1 -> LB1); a new mission, with an invented
  name, prefix, headline, objective and cards of its own; a mission removed
  with its cards and indicator rows; a mission merged into another (its cards
  go into the other mission, keeping their codes or taking the other
  mission's prefix, its indicator rows follow); a mission split in two (about
  half of its cards go into a new mission with an invented name, under their
  codes or a new prefix). A rename is stated in the edition's prose ("La
  mission X devient la mission Y") in some trials and left to the content in
  the others; a merge or a split is stated in some trials by a sentence of the
  first card that changed mission, in one of several wordings, and left to the
  cards in the others. The cards that changed mission get no further card edit
  (a part of a split emptied by a later drop would no longer be a split: the
  recorded truth would be the generator's intent, not what the edition shows);
- code separators: missions whose codes are printed another way ("LA-1",
  "LA 1", "LA1"), which is no change (same code);
- status words: completed cards marked "Réalisé ✓", "Achevé ✓", "Terminé ✓"…
  instead of "Objectif atteint ✓" (no change for cards already completed, a
  completion for cards that were not), steps whose "Fait" is printed another
  way (no change) and dated steps now "Réalisé" / "Achevé" / "Terminé" (a
  state change);
- owners no gazetteer knows ("Agence nationale des données fictives"): an
  owner change when a card's owner becomes one, and the owners of new cards;
- new cards in existing missions (announced or not) and completed cards
  leaving the programme;
- a few ordinary card edits of the default profile (retitled, reworded,
  deadline moved, step added, dropped) among them.

Every invented name is plausible French administrative wording and made up
for this purpose; the bodies' names say they are fictitious, and every
generated edition is fictitious (`Edition.fictitious`, id and label), like
the other profiles. Each edit records the change the diff should report
(`perturb.Expected`, scored on the same keys as the other profiles: old code
for exits, removals and mission renames, new code otherwise). Knowledge of
which missions exist is taken from the edition being perturbed, never from
the product's own tables.
"""

from __future__ import annotations

import random
import re

from editiondiff.schemas import Action, Edition, IndicatorCell, IndicatorRow, Mission, StatedChange, Step
from editiondiff.vocabulary.text import fold
from .perturb import (
    INDICATOR_ROWS,
    NEW_ACTIONS,
    NEW_STEPS,
    Expected,
    Perturbation,
    _apply,
    _owner_identity,
    _shiftable,
    fictitious_copy,
    phrase_end_month,
    remove_mission,
    rename_mission,
    restate_claims,
)

# ----------------------------------------------------------------- content invented for this profile

#: Names a renamed mission may take: (code, headline kept from the mission renamed).
RENAMED_CODES = ("SOCLE", "COMMUNS", "USAGERS", "CONFIANCE", "OUVERTURE", "PROXIMITE", "COMPETENCES", "ECHANGES", "ACCES", "RESEAUX")

#: Missions that enter the roadmap: (code, headline, objective, description).
NEW_MISSIONS = (
    ("TERRITOIRES", "Accompagner les collectivités territoriales dans leur transformation numérique",
     "mettre à la disposition des collectivités les outils et les méthodes numériques de l'État",
     "La mission fédère les initiatives des régions, des départements et des communes volontaires."),
    ("SOBRIETE", "Réduire l'empreinte environnementale du numérique public",
     "mesurer puis diminuer la consommation d'énergie et de matériel des services numériques de l'État",
     "Elle s'appuie sur un réseau de correspondants dans chaque ministère."),
    ("EUROPE", "Porter la transformation numérique de l'État à l'échelle européenne",
     "coordonner les projets numériques partagés avec les autres États membres",
     "La mission suit les règlements européens qui touchent les services publics en ligne."),
    ("LOGICIELS", "Ouvrir et partager les codes sources de l'administration",
     "faire de l'ouverture des logiciels publics la règle et en favoriser la réutilisation",
     "Elle anime la communauté des développeurs du secteur public."),
)

#: Cards of a new mission: (title, objective, steps, deadline). Owners are drawn from `INVENTED_OWNERS` and the usual ones.
NEW_MISSION_CARDS = (
    ("Kit numérique des communes", "Fournir aux petites communes un ensemble d'outils en ligne prêts à l'emploi",
     ["Choisir les outils avec les associations d'élus", "Ouvrir le kit à cent communes pilotes"], "2nd semestre 2021"),
    ("Mesure de l'empreinte des services en ligne", "Publier l'empreinte environnementale des principaux services numériques de l'État",
     ["Définir une méthode de calcul commune", "Publier une première mesure pour dix services"], "1er semestre 2022"),
    ("Reconditionnement des ordinateurs des agents", "Donner une seconde vie aux postes de travail remplacés dans les ministères",
     ["Recenser les parcs remplacés chaque année", "Confier le reconditionnement à des structures d'insertion"], "fin 2021"),
    ("Guichet européen des démarches", "Rendre accessibles aux citoyens européens les démarches françaises les plus demandées",
     ["Traduire les démarches prioritaires", "Raccorder le guichet au portail numérique unique européen"], "4e trimestre 2021"),
    ("Forge logicielle de l'État", "Offrir aux administrations un espace commun pour publier et maintenir leurs logiciels",
     ["Ouvrir la forge aux premières équipes", "Migrer les dépôts des services volontaires"], "3e trimestre 2021"),
    ("Catalogue des logiciels libres recommandés", "Tenir à jour la liste des logiciels libres conseillés aux administrations",
     ["Réunir le groupe de travail interministériel", "Publier la liste chaque trimestre"], "2022"),
)

#: Bodies no gazetteer lists: made-up French administrative names, each saying it is fictitious.
INVENTED_OWNERS = (
    "Agence nationale des données fictives",
    "Office interministériel fictif de la sobriété numérique",
    "Délégation fictive aux communs numériques territoriaux",
    "Commissariat fictif à l'ouverture des logiciels publics",
    "Service à compétence nationale des archives fictives",
    "Mission fictive de préfiguration du guichet européen",
)

#: Marks of a completed card other than the corpus's "Objectif atteint ✓".
COMPLETED_MARKS = ("Réalisé ✓", "Achevé ✓", "Terminé ✓", "Objectif réalisé ✓", "Action achevée ✓")
#: Words of a finished step other than the corpus's "Fait".
DONE_WORDS = ("Réalisé", "Achevé", "Terminé", "Réalisée", "Terminée")
#: How a code may be printed between its prefix and its number: nothing, a space, a hyphen (`LA1`, `IN 5`, `LB-3`).
SEPARATORS = ("", " ", "-")

#: Edits of the default profile (`perturb._apply`) mixed in, so that the open-world changes are measured among ordinary ones.
ORDINARY_EDITS = ("retitle", "reword", "deadline", "step_add", "drop")
MISSION_EDITS = ("rename_keep_prefix", "rename_new_prefix", "new_prefix", "add_mission", "remove_mission", "merge_missions", "split_mission",
                 "divide_mission")

#: How a card that changed mission may say so ({old}: the mission it left, {into}: the one it joined, {part}: the other part).
MERGE_SENTENCES = (
    "La mission {old} rejoint la mission {into} à compter de cette édition.",
    "Les missions {old} et {into} fusionnent au sein de la mission {into}.",
    "La mission {old} est intégrée à la mission {into}.",
    "La mission {old} et la mission {into} fusionnent.",
)
DIVIDE_SENTENCES = (
    "La mission {old} est répartie entre les missions {into} et {part}.",
    "La mission {old} se divise en {into} et {part}.",
)
SPLIT_SENTENCES = (
    "La mission {old} est scindée en deux missions, {old} et {part}.",
    "La mission {old} se divise en {old} et {part}.",
    "La mission {old} donne naissance aux missions {old} et {part}.",
)

#: Missions a split may create: (code, headline, objective).
SPLIT_MISSIONS = (
    ("SERVICES", "Simplifier les services numériques rendus aux usagers", "rendre chaque démarche en ligne plus simple à trouver et à accomplir"),
    ("INFRASTRUCTURES", "Moderniser les infrastructures partagées de l'État", "offrir aux ministères des réseaux et des hébergements mutualisés et sûrs"),
    ("DONNEES", "Faire circuler les données entre administrations", "permettre aux services de l'État d'échanger les données dont ils ont besoin"),
    ("METIERS", "Accompagner les métiers du numérique public", "attirer, former et fidéliser les profils dont l'État a besoin"),
)


# ----------------------------------------------------------------- codes


def _parts(code: str) -> tuple[str, str]:
    """'TA12' -> ('TA', '12')."""
    m = re.fullmatch(r"([A-Z]+)(\d+)", code)
    if not m:
        raise ValueError(f"not a canonical action code: {code!r}")
    return m.group(1), m.group(2)


def printed_code(prefix: str, number: str, separator: str) -> str:
    return f"{prefix}{separator}{number}"


def _separator_of(printed: str) -> str:
    m = re.fullmatch(r"[A-Z]+([ \-]?)\d+", printed)
    return m.group(1) if m else ""


def _new_prefix(name: str, taken: set[str]) -> str:
    """A prefix for a mission's codes, from its name (two letters, else three), never one already used."""
    letters = re.sub(r"[^A-Z]", "", name)
    candidates = [letters[:2], letters[0] + letters[2:3], letters[:3], letters[0] + letters[-1]]
    candidates += [letters[0] + c for c in "BCDFGHJKMNPQRSVWXZ"]
    for candidate in candidates:
        if len(candidate) >= 2 and candidate not in taken:
            taken.add(candidate)
            return candidate
    raise ValueError(f"no free prefix for {name!r}")


# ----------------------------------------------------------------- the generator


def perturb_edition_vocabulary(base: Edition, seed: int, *, edits: int | None = None) -> Perturbation:
    """A fictitious edition derived from `base` with missions, codes, owners and status words it never used.

    `edits` is the number of ordinary card edits (retitle, reword, deadline, step added, drop) mixed in (default: 0 to 3).
    """
    rng = random.Random(seed)
    record = fictitious_copy(base, seed)
    new = record.edition
    exp, log = record.expected.append, record.edits.append
    base_code = {id(a): a.code for a in new.actions}
    prefixes = {_parts(a.code)[0] for a in base.actions}  # never reused: a code would then name two cards
    mission_codes = {m.code for m in base.missions}
    touched_missions: set[str] = set()
    touched_cards: set[int] = set()
    created: set[int] = set()  # cards this profile writes: not edited again, not a model for another new card

    def cards_of(code: str) -> list[Action]:
        return [a for a in new.actions if a.mission == code]

    def free_mission() -> Mission | None:
        candidates = [m for m in new.missions if m.code not in touched_missions and cards_of(m.code)]
        if not candidates:
            return None
        mission = rng.choice(candidates)
        touched_missions.add(mission.code)
        return mission

    def invent_code(pool) -> str:
        code = rng.choice([c for c in pool if c not in mission_codes])
        mission_codes.add(code)
        return code

    def recode(mission_code: str, prefix: str) -> None:
        for a in cards_of(mission_code):
            old_printed = a.code_printed
            _, number = _parts(a.code)
            a.code = f"{prefix}{number}"
            a.code_printed = printed_code(prefix, number, _separator_of(old_printed))
            for x in new.actions:  # prose that cites the card by code follows it
                x.notes = [re.sub(rf"\b{re.escape(old_printed)}\b", a.code_printed, n) for n in x.notes]
            exp(Expected("action_recoded", (a.code,)))

    def rename(mission: Mission, code: str) -> None:
        old = mission.code
        touched_missions.add(code)  # one edit per mission: not renamed twice
        stated = rng.random() < 0.5
        rename_mission(new, mission, code, stated=stated)
        exp(Expected("mission_renamed", (old,)))
        log(f"mission {old} renommée {code} ({'annoncé' if stated else 'non annoncé : contenu seul'})")

    # Mission-level edits, on distinct missions. A removal comes first so that no other edit picks the mission it removes.
    mission_edits = rng.sample(MISSION_EDITS, rng.randint(1, 3))
    mission_edits.sort(key=lambda e: e != "remove_mission")
    for edit in mission_edits:
        if edit == "remove_mission":
            gone = free_mission()
            if gone is None:
                continue
            remove_mission(record, gone)  # its cards still carry the old edition's codes: removals come first
        elif edit in ("rename_keep_prefix", "rename_new_prefix"):
            mission = free_mission()
            if mission is None:
                continue
            old = mission.code
            rename(mission, invent_code(RENAMED_CODES))
            if edit == "rename_new_prefix":
                prefix = _new_prefix(mission.code, prefixes)
                log(f"les actions de {old} prennent le préfixe {prefix}")
                recode(mission.code, prefix)
        elif edit == "new_prefix":
            mission = free_mission()
            if mission is None:
                continue
            prefix = _new_prefix(mission.code, prefixes)
            log(f"mission {mission.code} : ses actions prennent le préfixe {prefix}")
            recode(mission.code, prefix)
        elif edit == "add_mission":
            created |= {id(a) for a in add_invented_mission(new, rng, record, prefixes, mission_codes, touched_missions)}
        elif edit == "merge_missions":
            gone = free_mission()
            into = free_mission()
            if gone is None or into is None:
                continue
            before = {id(a): a.mission for a in new.actions}
            merge_missions(record, gone, into, rng, set(base_code.values()))
            touched_cards |= {id(a) for a in new.actions if before.get(id(a)) != a.mission}
        elif edit == "divide_mission":
            candidates = [m for m in new.missions if m.code not in touched_missions and len(cards_of(m.code)) >= 4]
            if not candidates:
                continue
            gone = rng.choice(candidates)
            touched_missions.add(gone.code)
            first, second = free_mission(), free_mission()
            if first is None or second is None:
                continue
            before = {id(a): a.mission for a in new.actions}
            divide_mission(record, gone, first, second, rng, set(base_code.values()))
            touched_cards |= {id(a) for a in new.actions if before.get(id(a)) != a.mission}
        elif edit == "split_mission":
            candidates = [m for m in new.missions if m.code not in touched_missions and len(cards_of(m.code)) >= 4]
            if not candidates:
                continue
            mission = rng.choice(candidates)
            touched_missions.add(mission.code)
            before = {id(a): a.mission for a in new.actions}
            split_mission(record, mission, rng, prefixes, mission_codes, touched_missions)
            touched_cards |= {id(a) for a in new.actions if before.get(id(a)) != a.mission}

    # Codes printed another way: no change.
    for mission in new.missions:
        if mission.code in touched_missions and not cards_of(mission.code):
            continue
        if rng.random() < 0.35:
            separator = rng.choice(SEPARATORS)
            for a in cards_of(mission.code):
                prefix, number = _parts(a.code)
                a.code_printed = printed_code(prefix, number, separator)
            log(f"codes de {mission.code} imprimés {printed_code('XX', '1', separator)!r} (pas un changement)")

    live = [a for a in new.actions if id(a) not in created]

    def pick(condition) -> Action | None:
        cards = [a for a in live if id(a) not in touched_cards and condition(a)]
        if not cards:
            return None
        card = rng.choice(cards)
        touched_cards.add(id(card))
        return card

    # Status words.
    if rng.random() < 0.6:
        for a in [a for a in live if a.completed]:
            mark = rng.choice(COMPLETED_MARKS)
            log(f"{a.code} : {a.status_printed!r} imprimé {mark!r} (pas un changement)")
            a.status_printed = mark
    for _ in range(rng.choice([0, 1, 1, 2])):
        a = pick(lambda a: not a.completed)
        if a is None:
            break
        mark = rng.choice(COMPLETED_MARKS)
        a.completed, a.status, a.status_printed = True, "completed", mark
        if rng.random() < 0.5:
            new.stated_changes.append(StatedChange(kind="action_completed", subject=a.code, summary=f"L'action {a.code} est achevée", evidence=a.provenance))
        log(f"{a.code} achevé, marqué {mark!r}")
        exp(Expected("action_completed", (a.code,)))
    if rng.random() < 0.5:
        for a in live:
            for s in a.steps:
                if s.deadline_printed and fold(s.deadline_printed) == "fait":
                    s.deadline_printed, s.deadline = rng.choice(DONE_WORDS), None
            if any(fold(p) == "fait" for p in a.deadlines_printed):
                a.deadlines_printed, a.deadlines = [rng.choice(DONE_WORDS) if fold(p) == "fait" else p for p in a.deadlines_printed], []
        log("étapes et échéances « Fait » imprimées avec d'autres mots (pas un changement)")
    for _ in range(rng.choice([0, 1, 1, 2])):
        a = pick(lambda a: any(s.deadline_printed and phrase_end_month(s.deadline_printed) for s in a.steps))
        if a is None:
            break
        step = rng.choice([s for s in a.steps if s.deadline_printed and phrase_end_month(s.deadline_printed)])
        word = rng.choice(DONE_WORDS)
        log(f"{a.code} étape {step.text[:30]!r} : {step.deadline_printed!r} -> {word!r}")
        step.deadline_printed, step.deadline, step.status = word, None, "done"
        exp(Expected("status_changed", (a.code,)))

    # Owners no gazetteer knows.
    for _ in range(rng.choice([0, 1, 1, 2])):
        a = pick(lambda a: bool(a.owners_printed))
        if a is None:
            break
        owner = rng.choice([o for o in INVENTED_OWNERS if _owner_identity([o]) != _owner_identity(a.owners_printed)])
        log(f"{a.code} pilote {a.owners_printed} -> {owner!r}")
        a.owners_printed, a.owners = [owner], []
        exp(Expected("owner_changed", (a.code,)))

    # A few ordinary card edits of the default profile, on cards whose code did not change (a drop is keyed on that code).
    for _ in range(edits if edits is not None else rng.randint(0, 3)):
        a = pick(lambda a: a.code == base_code[id(a)])
        if a is None:
            break
        kind = rng.choice(ORDINARY_EDITS)
        if kind == "drop" and a.completed:
            kind = "retitle"
        if kind == "deadline" and not _shiftable(a):
            kind = "step_add"
        if kind == "reword" and not a.objective:
            kind = "retitle"
        removed: list[int] = []
        _apply(kind, a, new, rng, record, set(base_code.values()), removed, new.actions.index(a))
        new.actions = [x for i, x in enumerate(new.actions) if i not in removed]

    # Completed cards leave the programme.
    for _ in range(rng.choice([0, 0, 1])):
        a = pick(lambda a: a.completed)
        if a is None:
            break
        log(f"{a.code} (achevé) sorti")
        new.actions.remove(a)
        # a card that leaves is not also recoded: its mission's new prefix never reached it
        record.expected[:] = [e for e in record.expected if not (e.kind == "action_recoded" and e.key == (a.code,))]
        exp(Expected("action_exited_completed", (base_code[id(a)],)))

    # New cards in existing missions, under the mission's current prefix and printing.
    used_titles = {fold(a.title) for a in new.actions}
    for title, objective, steps, owner, deadline in rng.sample([c for c in NEW_ACTIONS if fold(c[0]) not in used_titles], rng.choice([0, 1, 1, 2])):
        mission = rng.choice([m for m in new.missions if any(id(a) not in created for a in cards_of(m.code))])
        like = [a for a in cards_of(mission.code) if id(a) not in created][-1]
        prefix, _ = _parts(like.code)
        owner = rng.choice(INVENTED_OWNERS) if rng.random() < 0.4 else owner
        card = _card(new, mission.code, prefix, _separator_of(like.code_printed), title, objective, steps, owner, deadline, rng, set(base_code.values()))
        new.actions.insert(new.actions.index(like) + 1, card)
        created.add(id(card))
        log(f"ajout {card.code} « {title} » dans {mission.code}")
        exp(Expected("action_added", (card.code,)))

    restate_claims(new)
    new.chart = []
    return record


def _card(edition: Edition, mission: str, prefix: str, separator: str, title: str, objective: str, steps: list[str], owner: str,
          deadline: str, rng: random.Random, never: set[str]) -> Action:
    """A new card numbered after the highest number of its prefix (in this edition or in `never`); announced half the time."""
    numbers = [int(_parts(c)[1]) for c in {a.code for a in edition.actions} | never if _parts(c)[0] == prefix]
    number = str(max(numbers, default=0) + 1)
    where = edition.mission(mission).provenance
    card = Action(code=f"{prefix}{number}", code_printed=printed_code(prefix, number, separator), mission=mission, title=title,
                  objective=objective, owners_printed=[owner], deadlines_printed=[deadline], new=rng.random() < 0.5,
                  steps=[Step(text=s, provenance=where) for s in steps], provenance=where)
    if card.new:
        edition.stated_changes.append(StatedChange(kind="action_added", subject=card.code, summary=f"Nouvelle action {card.code} : {title}", evidence=where))
    return card


def _renumber(edition: Edition, card: Action, prefix: str, never: set[str]) -> None:
    """`card` takes the next free number of `prefix` (in this edition or in `never`), printed with the prefix's separator."""
    numbers = [int(_parts(c)[1]) for c in {a.code for a in edition.actions} | never if _parts(c)[0] == prefix]
    like = next((a for a in edition.actions if _parts(a.code)[0] == prefix), None)
    number = str(max(numbers, default=0) + 1)
    old_printed = card.code_printed
    card.code = f"{prefix}{number}"
    card.code_printed = printed_code(prefix, number, _separator_of(like.code_printed) if like else "")
    for x in edition.actions:  # prose that cites the card by code follows it
        x.notes = [re.sub(rf"\b{re.escape(old_printed)}\b", card.code_printed, n) for n in x.notes]


def _join_mission(record: Perturbation, cards: list[Action], receiver: Mission, rng: random.Random, never: set[str]) -> str | None:
    """`cards` join `receiver`, standing after its own cards; half the time (when it has cards) renumbered under
    its prefix. Returns that prefix when they were renumbered."""
    new = record.edition
    keep = [a for a in new.actions if a.mission == receiver.code]
    recode = bool(keep) and rng.random() < 0.5
    prefix = _parts(keep[-1].code)[0] if keep else None
    for card in cards:
        card.mission = receiver.code
        if recode:
            _renumber(new, card, prefix, never)
            record.expected.append(Expected("action_recoded", (card.code,)))
    new.actions = [a for a in new.actions if a not in cards]
    at = max((i for i, a in enumerate(new.actions) if a.mission == receiver.code), default=len(new.actions) - 1) + 1
    new.actions[at:at] = cards
    return prefix if recode else None


def _retire_mission(new: Edition, gone: Mission, heir: Mission) -> None:
    """`gone` leaves the edition; its indicator rows go to `heir`."""
    new.missions = [m for m in new.missions if m is not gone]
    if new.indicators:
        for r in new.indicators.rows:
            if r.mission == gone.code:
                r.mission = heir.code


def merge_missions(record: Perturbation, gone: Mission, into: Mission, rng: random.Random, never: set[str]) -> None:
    """`gone` merges into `into`: its cards join `into` (half the time under `into`'s prefix), its indicator rows follow; stated half the time."""
    new, exp, log = record.edition, record.expected.append, record.edits.append
    cards = [a for a in new.actions if a.mission == gone.code]
    prefix = _join_mission(record, cards, into, rng, never)
    _retire_mission(new, gone, into)
    exp(Expected("mission_merged", (gone.code,)))
    stated = rng.random() < 0.5
    if stated:
        sentence = rng.choice(MERGE_SENTENCES).format(old=gone.code_printed, into=into.code_printed)
        cards[0].notes.append(sentence)
        new.stated_changes.append(StatedChange(kind="mission_merged", subject=gone.code, target=into.code, summary=sentence, evidence=cards[0].provenance))
    log(f"mission {gone.code} fusionnée dans {into.code}{' (cartes renumérotées ' + prefix + ')' if prefix else ''} "
        f"({'annoncé' if stated else 'non annoncé : cartes seules'})")


def divide_mission(record: Perturbation, gone: Mission, first: Mission, second: Mission, rng: random.Random, never: set[str]) -> None:
    """`gone` leaves the roadmap, its cards divided between `first` and `second` (each half under the receiver's prefix half the time)."""
    new, exp, log = record.edition, record.expected.append, record.edits.append
    cards = [a for a in new.actions if a.mission == gone.code]
    half = len(cards) // 2
    for receiver, share in ((first, cards[:half]), (second, cards[half:])):
        _join_mission(record, share, receiver, rng, never)
    _retire_mission(new, gone, first)
    exp(Expected("mission_split", (gone.code,)))
    stated = rng.random() < 0.5
    if stated:
        sentence = rng.choice(DIVIDE_SENTENCES).format(old=gone.code_printed, into=first.code_printed, part=second.code_printed)
        cards[0].notes.append(sentence)
        for part in (first.code, second.code):
            new.stated_changes.append(StatedChange(kind="mission_split", subject=gone.code, target=part, summary=sentence, evidence=cards[0].provenance))
    log(f"mission {gone.code} répartie entre {first.code} et {second.code} ({'annoncé' if stated else 'non annoncé : cartes seules'})")


def split_mission(record: Perturbation, mission: Mission, rng: random.Random, prefixes: set[str], mission_codes: set[str], touched: set[str]) -> None:
    """About half of `mission`'s cards (two at least) go into a new mission of an invented name, half the time under a new prefix."""
    new, exp, log = record.edition, record.expected.append, record.edits.append
    choices = [m for m in SPLIT_MISSIONS if m[0] not in mission_codes]
    if not choices:
        return
    code, headline, objective = rng.choice(choices)
    mission_codes.add(code)
    touched.add(code)
    cards = [a for a in new.actions if a.mission == mission.code]
    moved = cards[len(cards) - max(2, len(cards) // 2):]
    at = new.missions.index(mission) + 1
    new.missions.insert(at, Mission(code=code, code_printed=code, name=headline, objective=objective, provenance=mission.provenance))
    recode = rng.random() < 0.5
    prefix = _new_prefix(code, prefixes) if recode else None
    for number, card in enumerate(moved, start=1):
        card.mission = code
        if recode:
            old_printed = card.code_printed
            card.code = f"{prefix}{number}"
            card.code_printed = printed_code(prefix, str(number), _separator_of(old_printed))
            for x in new.actions:
                x.notes = [re.sub(rf"\b{re.escape(old_printed)}\b", card.code_printed, n) for n in x.notes]
            exp(Expected("action_recoded", (card.code,)))
    exp(Expected("mission_split", (mission.code,)))
    stated = rng.random() < 0.5
    if stated:
        sentence = rng.choice(SPLIT_SENTENCES).format(old=mission.code_printed, part=code)
        moved[0].notes.append(sentence)
        for part in (mission.code, code):
            new.stated_changes.append(StatedChange(kind="mission_split", subject=mission.code, target=part, summary=sentence, evidence=moved[0].provenance))
    log(f"mission {mission.code} scindée : {len(moved)} actions dans la nouvelle mission {code}"
        f"{' (préfixe ' + prefix + ')' if recode else ''} ({'annoncé' if stated else 'non annoncé : cartes seules'})")


def add_invented_mission(new: Edition, rng: random.Random, record: Perturbation, prefixes: set[str], mission_codes: set[str], touched: set[str]) -> list[Action]:
    """A mission that enters with two or three cards of its own (and sometimes an indicator row), at a random place; its cards."""
    exp, log = record.expected.append, record.edits.append
    choices = [m for m in NEW_MISSIONS if m[0] not in mission_codes]
    if not choices:
        return []
    code, headline, objective, description = rng.choice(choices)
    mission_codes.add(code)
    touched.add(code)
    prefix = _new_prefix(code, prefixes)
    separator = rng.choice(SEPARATORS)
    where = new.missions[0].provenance
    at = rng.randint(0, len(new.missions))
    new.missions.insert(at, Mission(code=code, code_printed=code, name=headline, objective=objective,
                                    description=description if rng.random() < 0.5 else None, provenance=where))
    log(f"mission {code} ajoutée (préfixe {prefix}) : {headline!r}")
    exp(Expected("mission_added", (code,)))
    after = next((m.code for m in reversed(new.missions[:at]) if any(a.mission == m.code for a in new.actions)), None)
    index = max((i for i, a in enumerate(new.actions) if a.mission == after), default=-1) + 1
    cards = []
    for title, card_objective, steps, deadline in rng.sample(NEW_MISSION_CARDS, rng.randint(2, 3)):
        owner = rng.choice(INVENTED_OWNERS) if rng.random() < 0.6 else rng.choice(["DINUM", "DITP", "ANCT"])
        card = _card(new, code, prefix, separator, title, card_objective, list(steps), owner, deadline, rng, set())
        card.steps.insert(rng.randint(0, len(card.steps)), Step(text=rng.choice(NEW_STEPS), provenance=where))
        new.actions.insert(index, card)
        cards.append(card)
        index += 1
        log(f"ajout {card.code} « {title} » dans la nouvelle mission {code}")
        exp(Expected("action_added", (card.code,)))
    if new.indicators and new.indicators.rows and rng.random() < 0.4:
        label, values = rng.choice([r for r in INDICATOR_ROWS if fold(r[0]) not in {fold(x.label) for x in new.indicators.rows}])
        cells = [IndicatorCell(column=c, raw=v) for c, v in zip(new.indicators.columns, values)]
        rows = new.indicators.rows
        last = max((i for i, r in enumerate(rows) if r.mission in {m.code for m in new.missions[:at]}), default=-1)
        rows.insert(last + 1, IndicatorRow(mission=code, label=label, cells=cells, provenance=new.indicators.provenance))
        log(f"indicateur ajouté : {label!r} ({code})")
        exp(Expected("indicator_added", (fold(label),)))
    return cards
