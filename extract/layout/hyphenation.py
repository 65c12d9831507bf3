"""Two pieces of a wrapped text -> one: a hyphen at the end of a line kept or dropped.

    vocabulary(pages)               every word of the document, lower-cased
    join(left, right, vocabulary)   the pieces joined

A hyphen at the end of a wrapped line is dropped when the joined word occurs
elsewhere in the document ("numé-" + "rique" -> "numérique") and kept otherwise
("Dites-le-" + "nous"); a soft hyphen is always dropped, and so is the
typographic hyphen (U+2010) that browsers set when they hyphenate, unless the
piece before it is a word of its own and the joined word is not ("péren‐" +
"nité" -> "pérennité"); a hyphen between two numbers is a range, kept without
a space ("2020-" + "2021" -> "2020-2021"); other pieces are joined with one
space. The vocabulary leaves out the pieces cut at the end of a line.
"""

from __future__ import annotations

import re

from .model import Line

_WORD = re.compile(r"\w+")
#: The same words, spelled to open with a set of characters (speed, over a long text): re scans for it in one pass.
_WORDS = re.compile(r"\w\w*")
_WORD_END = re.compile(r"(\w+)-$")
#: Hyphens that only a typesetter's hyphenation writes: the soft hyphen, always a cut word, and the
#: typographic hyphen (U+2010) that browsers set when they hyphenate.
_SOFT = "\u00ad"
_TYPESET = "\u2010"
_TYPESET_END = re.compile(r"([\w\u00ad]+?)[\u00ad\u2010]+$")
_WORD_START = re.compile(r"^(\w+)")


def join(left: str, right: str, vocabulary: set[str]) -> str:
    right = right.lstrip()
    if left.endswith((_SOFT, _TYPESET)):
        m = _TYPESET_END.search(left)
        start = _WORD_START.match(right)
        cut = left[: m.end(1)] if m else left.rstrip(_SOFT + _TYPESET)
        if m and start and right[:1].isalpha() and right[:1].islower():
            piece = m.group(1).replace(_SOFT, "").lower()
            joined = piece + start.group(1).lower()
            if not left.endswith(_TYPESET) or joined in vocabulary or piece not in vocabulary:
                return cut + right  # a word the typesetter cut ("péren‐" + "nité")
            return cut + "-" + right
        if not left.endswith(_TYPESET):
            return cut + right
    # the pattern needs a hyphen at the end (`$` also matches before a final newline): test that
    # first, as searching a long paragraph for it at every position is slow
    m = _WORD_END.search(left) if left.endswith(("-", "-\n")) else None
    if m and right[:1].isalpha() and right[:1].islower():  # a word cut at a hyphen, whether by wrapping or not
        start = _WORD_START.match(right)
        if start and right[:1].islower():
            joined = (m.group(1) + start.group(1)).lower()
            if joined in vocabulary and "-" not in m.group(0)[:-1]:
                return left[:-1] + right
        return left + right
    if m and m.group(1)[-1:].isdigit() and right[:1].isdigit():  # a range of numbers cut after its dash
        return left + right
    return left.rstrip() + " " + right


def vocabulary(pages: list[list[Line]]) -> set[str]:
    """Every word of the document, lower-cased, to tell hyphenation from compound words.

    The lines that end whole are read as one text: each piece between spaces is read once
    however often it occurs (most are a word as they stand), and so is each word lower-cased.
    """
    whole: list[str] = []
    found: list[str] = []
    for lines in pages:
        for line in lines:
            if not line.text.endswith(("-", _SOFT, _TYPESET)):
                whole.append(line.text)
                continue
            cut = _WORD.findall(line.text.replace(_SOFT, ""))
            if cut:
                cut.pop()  # the piece of a word cut at the line's end is no word of the document
            found.extend(cut)
    words = set(found)
    # no word runs across a space; soft hyphens inside words mark where they may be cut
    others = []  # the pieces that are not one word: read in one text, a line each (speed: one
    # search, not one a piece; no word runs across a line break either)
    for piece in set("\n".join(whole).replace(_SOFT, "").split()):
        if piece.isalnum():  # \w is a letter, a digit or "_": the piece is one word
            words.add(piece)
        else:
            others.append(piece)
    words.update(_WORDS.findall("\n".join(others)))
    return {word.lower() for word in words}
