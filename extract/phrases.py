"""What a short block of an action card says, judged from its content alone.

The brochure marks owner, deadline and status lines with small icons, but
icons are often lost in extraction, so every test here works on the words:
deadline phrases are what the deadline grammar reads ("1er trimestre 2021",
"Fait", "En cours, jusqu'à fin 2022"), step states use the status words of
`editiondiff.vocabulary.status`. What depends on the edition (its codes, its
owners, its card keyword) is in `editiondiff.extract.landmarks`.
"""

from __future__ import annotations

import re

from ..vocabulary import status
from ..vocabulary.deadlines import is_deadline_phrase
from ..vocabulary.text import fold_chars

__all__ = ["is_deadline_phrase", "is_heading_like", "step_status", "trailing_deadline"]

_TRAILING_PAREN = re.compile(r"\(([^()]+)\)\s*\.?$")


def step_status(phrase: str | None) -> str | None:
    """'done' / 'ongoing' as the phrase states it, else None."""
    if not phrase:
        return None
    key = fold_chars(phrase.strip())
    if key.startswith(status.ONGOING_PHRASES[0]):
        return "ongoing"
    if status.FINISHED.search(key):
        return "done"
    return None


def trailing_deadline(text: str) -> str | None:
    """A deadline printed in parentheses at the end of a step ('… (2nd semestre 2019)')."""
    m = _TRAILING_PAREN.search(text)
    if m and is_deadline_phrase(m.group(1)):
        return m.group(1).strip()
    return None


#: The Latin-1 characters (as bytes) that are not letters (`str.isalpha`), and those that are not capital
#: letters (`str.isalpha` and `str.isupper`): deleting them from a Latin-1 text leaves its letters, its capitals.
_LATIN1 = [chr(i) for i in range(256)]
_NOT_LETTERS = bytes(i for i, c in enumerate(_LATIN1) if not c.isalpha())
_NOT_CAPITALS = bytes(i for i, c in enumerate(_LATIN1) if not (c.isalpha() and c.isupper()))


#: A character beyond Latin-1.
_WIDE = re.compile(r"[^\x00-\xff]")


def _letters_and_capitals(text: str) -> tuple[int, int]:
    """How many letters (`str.isalpha`) the text holds, and how many of them are capitals (`str.isupper`).

    Counted without a test per character, for speed: the Latin-1 characters, one byte each (the
    others each encoded as one "?", neither letter nor capital), by two deletions in C (the tables
    are those tests over the 256 characters); the few others ("✓", "’") one by one."""
    latin1 = text.encode("latin-1", "replace")
    letters, capitals = len(latin1.translate(None, _NOT_LETTERS)), len(latin1.translate(None, _NOT_CAPITALS))
    if not text.isascii():
        for char in _WIDE.findall(text):
            if char.isalpha():
                letters += 1
                capitals += char.isupper()
    return letters, capitals


def is_heading_like(text: str) -> bool:
    """A short line set mostly in capitals ('GOUVERNANCE DE TECH.GOUV', 'PRODUITS et SERVICES')."""
    text = text.strip()
    if len(text) > 80:
        return False
    letters, capitals = _letters_and_capitals(text)
    if letters < 3 or capitals / letters < 0.7:
        return False
    return not is_deadline_phrase(text)  # "T4 2020", "S2 2020" are dates, not headings
