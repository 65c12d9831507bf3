"""The shapes of action and mission codes, learned from nothing but their print.

An action code is two or three capital letters, an optional separator (space,
no-break space, hyphen, dash, dot, slash) and a number of one or two digits:
"AL1", "XY 5", "LB-3", "SA 12". The canonical form has no separator and no
leading zero ("XY5"). A mission code is a single word of capital letters
("ALPHA", "BRAVO"); printed in running text it may be capitalised ("Label").
Which prefixes and missions an edition holds is learned from the edition
(`editiondiff.extract.landmarks`); nothing here lists them.
"""

from __future__ import annotations

import re

#: Separators printed between an action code's prefix and its number.
SEPARATORS = " \u00a0-–./"
_SEP = r"[ \u00a0\-–./]?"
PREFIX = r"[A-Z]{2,3}"
NUMBER = r"\d{1,2}"
_ACTION_CODE = re.compile(r"^\s*([A-Za-z]{2,3})\s*" + _SEP + r"\s*(\d{1,2})\s*$")
#: An action code inside a heading or a sentence (prefix group 1, number group 2).
ACTION_CODE_PATTERN = r"\b(" + PREFIX + r")\s?" + _SEP + r"\s?(" + NUMBER + r")\b"
_MISSION_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,}$")


def canonical_action_code(printed: str) -> str:
    """'XY 5' -> 'XY5', 'lb-3' -> 'LB3'. Raises ValueError on anything that is not a code."""
    m = _ACTION_CODE.match(printed)
    if not m:
        raise ValueError(f"not an action code: {printed!r}")
    return f"{m.group(1).upper()}{int(m.group(2))}"


def prefix_of(code: str) -> str:
    """The letters of a canonical action code ('XY5' -> 'IN')."""
    return code.rstrip("0123456789")


def looks_like_mission_code(text: str) -> bool:
    """A single word of three or more capitals (digits allowed after the first letter)."""
    return bool(_MISSION_CODE.match(text.strip()))


def canonical_mission_code(printed: str) -> str:
    """'Label' -> 'ALPHA', '- ALPHA -' -> 'ALPHA'. Raises ValueError when no code-like word remains."""
    code = re.sub(r"[^A-Za-z0-9]", "", printed).upper()
    if not looks_like_mission_code(code) or not code[0].isalpha():
        raise ValueError(f"not a mission code: {printed!r}")
    return code


class CodeShapes:
    """The action code prefixes of one edition: codes are read in running text only with a known prefix,
    or anywhere after the word "action" ("l'action XY 3")."""

    def __init__(self, prefixes: frozenset[str]) -> None:
        self.prefixes = prefixes
        alternatives = "|".join(sorted(prefixes, key=lambda p: (-len(p), p)))
        # For speed, the patterns open with the letters a code starts with, not with `\b`: the regex
        # engine then skips ahead to those letters, where a pattern opening with `\b` is tried at every
        # position. `codes_in` keeps the matches that start at a word boundary, which are exactly those
        # of the pattern with `\b`: a match spans letters, then spaces, separators, "**" and digits, so no
        # match can start inside another (it would open with a letter after a letter, at no boundary).
        # That holds for prefixes of capitals only; others keep their `\b`.
        opening = "" if all(p.isascii() and p.isalpha() and p.isupper() for p in prefixes) else r"\b"
        self._known = re.compile(opening + r"(" + alternatives + r")\s?" + _SEP + r"\s?(" + NUMBER + r")\b") if prefixes else None
        self._after_word = re.compile(r"actions?\s+(?:\*\*)?(" + PREFIX + r")\s?" + _SEP + r"\s?(" + NUMBER + r")\b")

    def codes_in(self, text: str) -> list[tuple[str, str, int]]:
        """(as printed, canonical code, offset) of every action code in `text`, in reading order."""
        found: dict[int, tuple[str, str, int]] = {}
        for pattern in (self._known, self._after_word):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                if not _at_boundary(text, m.start()):
                    continue
                start = m.start(1)
                if start not in found:
                    found[start] = (text[start : m.end(2)], f"{m.group(1)}{int(m.group(2))}", start)
        return [found[k] for k in sorted(found)]


def _at_boundary(text: str, offset: int) -> bool:
    """A word starting at `offset` starts at a word boundary (`\b`): no word character before it, as the
    regex engine tells them (`str.isalnum` or "_")."""
    if offset == 0:
        return True
    before = text[offset - 1]
    return not (before.isalnum() or before == "_")
