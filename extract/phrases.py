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


def is_heading_like(text: str) -> bool:
    """A short line set mostly in capitals ('GOUVERNANCE DE TECH.GOUV', 'PRODUITS et SERVICES')."""
    text = text.strip()
    if len(text) > 80:
        return False
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 3 or sum(map(str.isupper, letters)) / len(letters) < 0.7:
        return False
    return not is_deadline_phrase(text)  # "T4 2020", "S2 2020" are dates, not headings
