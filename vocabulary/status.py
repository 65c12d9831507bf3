"""Status words: what says a thing is finished, in service, under way, or that a card's objective is met.

Written folded (lower case, no accents), as every grammar here reads a folded key
(`editiondiff.vocabulary.text.fold_chars`). Each word is given in its masculine and
feminine forms; the plural "s" is added by the patterns.
"""

from __future__ import annotations

import re

from .icons import DONE_MARK
from .text import fold_chars

#: Words saying the work is finished ("Fait", "Étude réalisée", "Travaux achevés").
FINISHED_WORDS: tuple[tuple[str, str], ...] = (
    ("fait", "faite"),
    ("effectue", "effectuee"),
    ("realise", "realisee"),
    ("acheve", "achevee"),
    ("termine", "terminee"),
)
#: The word saying an objective is reached ("Objectif atteint").
REACHED: tuple[str, str] = ("atteint", "atteinte")
#: Words saying the thing is out, in service, though the work may go on ("Dispositif lancé", "Service ouvert").
IN_SERVICE_WORDS: tuple[tuple[str, str], ...] = (
    ("lance", "lancee"),
    ("livre", "livree"),
    ("experimente", "experimentee"),
    REACHED,
    ("acquis", "acquise"),
    ("deploye", "deployee"),
    ("operationnel", "operationnelle"),
    ("ouvert", "ouverte"),
)
#: Phrases saying the thing is under way.
ONGOING_PHRASES: tuple[str, ...] = ("en cours", "en continu")
#: "mis en place" is done when something precedes it ("démarche mise en place"), a phase when it opens the phrase.
PLACED = r"\bmise?s?\s+en\s+place\b"
#: Marks printed on a card whose objective is met ("Objectif atteint ✓").
COMPLETED_MARKS: tuple[str, ...] = ("objectif atteint",)
#: What a completion mark may name before its status words ("Objectif réalisé ✓", "Action achevée ✓").
MARK_SUBJECTS: tuple[str, ...] = ("objectif", "action")
#: The status words of a completion mark: the finished words and "atteint" ("Achevé ✓", "Objectif atteint ✓").
MARK_WORDS: tuple[tuple[str, str], ...] = FINISHED_WORDS + (REACHED,)
#: States that answer "when?" on their own, with no date ("Fait", "En cours", "Dispositif lancé").
BARE_STATES: tuple[str, ...] = ("dispositif lance", "etude faite")


def _alternatives(words: tuple[tuple[str, str], ...]) -> str:
    return "|".join(f"{masculine}|{feminine}" for masculine, feminine in words)


#: A deadline is met (kind "done") when its phrase says the work is finished or the thing in service.
DONE = re.compile(r"\b(?:" + _alternatives(FINISHED_WORDS + IN_SERVICE_WORDS) + r")s?\b")
#: A step is done when its phrase says the work is finished.
FINISHED = re.compile(r"\b(?:" + _alternatives(FINISHED_WORDS) + r")s?\b")
#: Any ongoing phrase on a folded key.
ONGOING = re.compile(r"\b(?:" + "|".join(ONGOING_PHRASES) + r")\b")
#: A completed mark opening a folded line.
COMPLETED_MARK = re.compile(r"^(?:" + "|".join(COMPLETED_MARKS) + r")\b")
#: A bare state opening a folded phrase.
BARE_STATE = re.compile(r"^(?:" + "|".join(BARE_STATES) + "|" + "|".join(ONGOING_PHRASES) + "|" + _alternatives(FINISHED_WORDS + IN_SERVICE_WORDS) + r")s?\b")
#: A folded line, its icons taken out, made of a completion mark's words only.
_MARK_LINE = re.compile(r"^(?:(?:" + "|".join(MARK_SUBJECTS) + r")s?\s+)?(?:" + _alternatives(MARK_WORDS) + r")s?\s*[.!]?$")


def is_completion_mark(text: str, *, icon: bool = False) -> bool:
    """A line made of status words ("Réalisé", "Objectif réalisé", "Action achevée") that carries
    the status icon ✓, or was introduced by it (`icon`): a card's completion mark."""
    if DONE_MARK not in text and not icon:  # tested before folding: ✓ is the only character that folds to ✓
        return False
    key = fold_chars(text.strip())
    return bool(_MARK_LINE.match(" ".join(key.replace(DONE_MARK, " ").split())))


#: Folded openings of a phrase that states the work finished, for readers that compare prefixes.
DONE_OPENINGS: tuple[str, ...] = tuple(masculine for masculine, _ in FINISHED_WORDS) + COMPLETED_MARKS
