"""The "vocabulary" perturbation profile: the next edition does not speak like the last ones.

Each trial derives a fictitious edition from the real mid-2020 one and changes
what the code could have taken for granted:

* a mission renamed to a code nobody has used, its cards keeping their prefix
  or taking a new one, the rename stated by the edition or left to the content;
* a new mission, under an invented code and prefix, with its cards;
* a mission removed with its cards and indicator rows;
* the prefix of another mission's cards changed (every card recoded);
* codes printed with another separator ("LA-1", "LA.1", "LA1");
* owners the vocabulary does not know;
* other status words ("Réalisé", "Achevé", "Terminé" for "Fait"), which change nothing;

plus a few ordinary card edits (retitled, dropped, deadline moved…) from the
default profile. Every change is recorded as the diff should report it.
"""

from __future__ import annotations

import random

from editiondiff.schemas import Edition
from editiondiff.vocabulary.text import fold

from .perturb import (
    add_mission,
    Expected,
    Perturbation,
    _apply,
    _free_code,
    _owner_identity,
    _shiftable,
    fictitious_copy,
    remove_mission,
    rename_mission,
    restate_claims,
)

#: Invented mission codes and their prefixes: fictitious, chosen to collide with no code or owner of the corpus.
INVENTED = [("NEBULA", "NB"), ("ORBITE", "OR"), ("VIVIER", "VV"), ("ATELIER", "AT"), ("SOCLE", "SO"), ("BOUSSOLE", "BO"), ("HORIZON", "HZ"), ("PASSERELLE", "PS")]
#: Bodies no owner vocabulary of the project holds (real French bodies, named as an edition might).
UNKNOWN_OWNERS = ["Agence nationale des fréquences", "Caisse des dépôts et consignations", "Institut national de la statistique et des études économiques",
                  "Agence pour l'informatique financière de l'État", "Centre national d'études spatiales"]
#: Other ways of saying "Fait".
DONE_WORDS = ["Réalisé", "Achevé", "Terminé", "Effectué"]
SEPARATORS = ["-", ".", "", " "]


def _printed(code: str, separator: str) -> str:
    letters = code.rstrip("0123456789")
    return f"{letters}{separator}{code[len(letters):]}"


def _recode_mission(edition: Edition, mission: str, prefix: str, record: Perturbation, taken: set[str]) -> None:
    """Every card of `mission` takes `prefix`: each one is recoded."""
    for a in edition.actions:
        if a.mission != mission:
            continue
        old = a.code
        a.code = _free_code(edition, prefix, taken)
        taken.add(a.code)
        a.code_printed = a.code
        record.edits.append(f"{old} renuméroté {a.code} (préfixe {prefix})")
        record.expected.append(Expected("action_recoded", (a.code,)))


def perturb_edition_vocabulary(base: Edition, seed: int, *, edits: int | None = None) -> Perturbation:
    rng = random.Random(seed)
    record = fictitious_copy(base, seed)
    new = record.edition
    exp, log = record.expected.append, record.edits.append
    invented = list(INVENTED)
    rng.shuffle(invented)
    taken: set[str] = {a.code for a in base.actions}
    touched: set[str] = set()

    # A mission renamed to an invented code; its cards keep their prefix or take a new one.
    if rng.random() < 0.7:
        mission = rng.choice(new.missions)
        code, prefix = invented.pop()
        old = mission.code
        stated = rng.random() < 0.5
        rename_mission(new, mission, code, stated=stated)
        log(f"mission {old} renommée {code} ({'annoncé' if stated else 'sans le dire'})")
        exp(Expected("mission_renamed", (old,)))
        if rng.random() < 0.5:
            _recode_mission(new, code, prefix, record, taken)
        touched |= {old, code}

    # Another mission's cards take a new prefix.
    if rng.random() < 0.3:
        candidates = [m for m in new.missions if m.code not in touched and any(a.mission == m.code for a in new.actions)]
        if candidates and invented:
            mission = rng.choice(candidates)
            _, prefix = invented.pop()
            _recode_mission(new, mission.code, prefix, record, taken)
            touched.add(mission.code)

    # A mission removed with its cards and indicator rows.
    if rng.random() < 0.2:
        candidates = [m for m in new.missions if m.code not in touched]
        gone = rng.choice(candidates)
        remove_mission(record, gone)
        touched.add(gone.code)

    # A few ordinary card edits, on cards of missions left alone.
    kinds = ["retitle", "drop", "exit", "deadline", "step_add", "reword"]
    pool = [i for i, a in enumerate(new.actions) if a.mission not in touched]
    rng.shuffle(pool)
    removed: list[int] = []
    for index in pool[: edits if edits is not None else rng.randint(2, 5)]:
        a = new.actions[index]
        kind = rng.choice(kinds)
        if kind == "exit" and not a.completed:
            kind = "drop"
        if kind == "drop" and a.completed:
            kind = "exit"
        if kind == "deadline" and not _shiftable(a):
            kind = "step_add"
        if kind == "reword" and not a.objective:
            kind = "retitle"
        _apply(kind, a, new, rng, record, taken, removed, index)
    new.actions = [a for i, a in enumerate(new.actions) if i not in set(removed)]

    # Owners the vocabulary does not know.
    owned = [a for a in new.actions if a.owners_printed and a.mission not in touched and not any(e.key == (a.code,) for e in record.expected)]
    for a in rng.sample(owned, min(len(owned), rng.randint(0, 2))):
        owner = rng.choice([o for o in UNKNOWN_OWNERS if _owner_identity([o]) != _owner_identity(a.owners_printed)])
        log(f"{a.code} pilote {a.owners_printed} -> {owner!r} (inconnu)")
        a.owners_printed, a.owners = [owner], []
        exp(Expected("owner_changed", (a.code,)))

    # A new mission under an invented code and prefix, with its cards.
    if rng.random() < 0.4 and invented:
        code, prefix = invented.pop()
        add_mission(record, code, prefix, rng, taken)

    # Other status words, and other separators in the printed codes: nothing changes.
    if rng.random() < 0.5:
        word = rng.choice(DONE_WORDS)
        for a in new.actions:
            a.deadlines_printed = [word + p[4:] if fold(p).startswith("fait") else p for p in a.deadlines_printed]
            for s in a.steps:
                if s.deadline_printed and fold(s.deadline_printed).startswith("fait"):
                    s.deadline_printed, s.deadline = word + s.deadline_printed[4:], None
        log(f"« Fait » écrit « {word} »")
    if rng.random() < 0.5:
        separator = rng.choice(SEPARATORS)
        for a in new.actions:
            a.code_printed = _printed(a.code, separator)
        log(f"codes imprimés avec le séparateur {separator!r}")

    restate_claims(new)
    new.chart = []
    return record
