"""What a short block of an action card says, judged from its content alone.

The brochure marks owner, deadline and status lines with small icons, but
icons are often lost in extraction, so every test here works on the words:
owner lines name bodies (DINUM, "Ministère …", "ministères économiques et
financiers", "DINUM et DITP"); deadline phrases name dates or states ("1er
trimestre 2021", "Fait", "En cours, jusqu'à fin 2022"); status marks say
"Objectif atteint". Icons, when a reader saw one, only confirm.
"""

from __future__ import annotations

import re

from ..schemas.blocks import Block
from ..vocabulary import status
from ..vocabulary.codes import ACTION_CODE_IN_TEXT, MISSION_PREFIX, canonical_action_code
from ..vocabulary.deadlines import is_deadline_phrase
from ..vocabulary.owners import ACRONYMS
from ..vocabulary.text import fold_chars

MISSION_CODES = set(MISSION_PREFIX)

#: Acronyms of bodies that own actions or appear in owner lines: the owner vocabulary's.
BODY_ACRONYMS = ACRONYMS

_BODY = r"(?:minist[eè]res?|" + "|".join(BODY_ACRONYMS) + r")\b"
_OWNER_START = re.compile(r"^" + _BODY, re.IGNORECASE)
_OWNER_PART = re.compile(r"^(?:minist[eè]res?\b.*|(?:" + "|".join(BODY_ACRONYMS) + r")\b.*)$", re.IGNORECASE)

_ACTION_HEADING = re.compile(r"^ACTION\s+([A-Z]{2})\s?-?\s?(\d{1,2})\b\s*(?:→|➔|->|:|–|-)?\s*(.*)$")
_TRAILING_PAREN = re.compile(r"\(([^()]+)\)\s*\.?$")
_ACTION_NUMBER_ONLY = re.compile(r"\bactions?\s+(\d{1,2})\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_PAGE_NUMBER = re.compile(r"\d{1,3}")
_RUNNING_TITLE = re.compile(r"Feuille de route \d{4}-\d{4}")
_RUNNING_LABEL = re.compile(r"-\s*([A-Z]+)\s*-?")


def is_owner_phrase(text: str) -> bool:
    """An owner line: every part joined by 'et' / ',' names a body."""
    text = text.strip().rstrip(".")
    if not text or len(text) > 160 or not _OWNER_START.match(text):
        return False
    splitter = r",|\bet\b(?=\s+(?:minist|" + "|".join(BODY_ACRONYMS) + r"))"
    parts = [p.strip() for p in re.split(splitter, text, flags=re.IGNORECASE) if p.strip()]
    return all(_OWNER_PART.match(p) for p in parts)


def is_status_mark(text: str) -> bool:
    """'Objectif atteint ✓' printed on a card."""
    return bool(status.COMPLETED_MARK.match(fold_chars(text.strip())))


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


def parse_action_heading(text: str) -> tuple[str, str, str] | None:
    """'ACTION IN 2 → Convergence …' -> ('IN 2', 'IN2', 'Convergence …'); None if not a heading."""
    m = _ACTION_HEADING.match(text.strip())
    if not m or m.group(1) not in {p for p in MISSION_PREFIX.values()} | {"BE"}:
        return None
    printed = text.strip()[len("ACTION"):].lstrip()
    printed = printed[: printed.index(m.group(2)) + len(m.group(2))].strip()
    return printed, canonical_action_code(f"{m.group(1)}{m.group(2)}"), m.group(3).strip()


def mission_code_of(text: str) -> str | None:
    """The mission code a block consists of ('LABEL', '- BETA -' is a running header, not this)."""
    text = text.strip()
    return text if text in MISSION_PREFIX else None


def is_running_header(text: str, mission_codes: set[str]) -> bool:
    """Page furniture: '- LABEL -', '-TALENTS-', '- INFRA', 'Feuille de route 2019-2022', page numbers."""
    text = text.strip()
    if _PAGE_NUMBER.fullmatch(text) or _RUNNING_TITLE.fullmatch(text):
        return True
    m = _RUNNING_LABEL.fullmatch(text)
    return bool(m and m.group(1) in mission_codes)


def is_heading_like(text: str) -> bool:
    """A short line set mostly in capitals ('GOUVERNANCE DE TECH.GOUV', 'PRODUITS et SERVICES')."""
    text = text.strip()
    if len(text) > 80:
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or is_deadline_phrase(text):  # "T4 2020", "S2 2020" are dates, not headings
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.7


def action_references(text: str) -> list[tuple[str, str | None, int]]:
    """Action references in prose: (as printed, canonical code or None, offset).

    'action IN 5' -> ('IN 5', 'IN5', …); 'action 10' (no mission prefix) -> ('action 10', None, …).
    """
    if not _DIGIT.search(text):
        return []  # every reference holds a number: most prose is done with one scan
    refs = [(m.group(0), canonical_action_code(m.group(0)), m.start()) for m in ACTION_CODE_IN_TEXT.finditer(text)]
    refs += [(m.group(0), None, m.start()) for m in _ACTION_NUMBER_ONLY.finditer(text)]
    return sorted(refs, key=lambda r: r[2])


# --------------------------------------------------------------------------- whole blocks

_OBJECTIVE = re.compile(r"^OBJECTIF\s*:\s*(.+)$", re.IGNORECASE)


def is_furniture(block: Block) -> bool:
    """A running header or page number, by its printed text or its cleaned text."""
    return is_running_header(block.provenance.quote, MISSION_CODES) or is_running_header(block.text, MISSION_CODES)


def is_mission_code_block(block: Block) -> bool:
    """A paragraph or heading that consists of a mission code (not a running header)."""
    return block.kind in ("paragraph", "heading") and mission_code_of(block.text) is not None and not is_furniture(block)


def objective_of(text: str) -> str | None:
    """The objective of an "OBJECTIF : …" line (printed in capitals), else None."""
    m = _OBJECTIVE.match(text.strip())
    return m.group(1).strip() if m and text.strip()[:8].isupper() else None
