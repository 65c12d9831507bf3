"""Two pieces of a wrapped text -> one: a hyphen at the end of a line kept or dropped.

    vocabulary(pages)               every word of the document, lower-cased
    join(left, right, vocabulary)   the pieces joined

A hyphen at the end of a wrapped line is dropped when the joined word occurs
elsewhere in the document ("numé-" + "rique" -> "numérique"), or, in a
document that hyphenates so (some of its line-end hyphens cut words it holds
whole elsewhere), when the rest is no word of the document and the
language's hyphenation patterns allow the cut there ("appro-" + "priation": `vocabulary.hyphenation`, as TeX and
troff hyphenate with an ASCII hyphen); it is kept otherwise ("Dites-le-" +
"nous", "elles-" + "mêmes"); capitals cut at a line end are joined when the
document holds the joined word ("DI-" + "NUM"); a soft hyphen is always dropped, and so is the
typographic hyphen (U+2010) that browsers set when they hyphenate, unless the
piece before it is a word of its own and the joined word is not ("péren‐" +
"nité" -> "pérennité"); a hyphen between two numbers is a range, kept without
a space ("2020-" + "2021" -> "2020-2021"); other pieces are joined with one
space. The vocabulary leaves out the pieces cut at the end of a line.
"""

from __future__ import annotations

import re

from ...vocabulary.hyphenation import may_cut
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
        if start:
            piece, rest = m.group(1), start.group(1)
            joined = (piece + rest).lower()
            if joined in vocabulary or (getattr(vocabulary, "hyphenates", False) and _cut_by_hyphenation(piece, rest, joined, vocabulary)):
                return left[:-1] + right
        return left + right
    if m and m.group(1).isupper() and right[:1].isupper():  # capitals cut at the end of a line ("DI-" + "NUM")
        start = _WORD_START.match(right)
        if start and start.group(1).isupper() and (m.group(1) + start.group(1)).lower() in vocabulary:
            return left[:-1] + right
    if m and m.group(1)[-1:].isdigit() and right[:1].isdigit():  # a range of numbers cut after its dash
        return left + right
    return left.rstrip() + " " + right


def _cut_by_hyphenation(piece: str, rest: str, joined: str, vocabulary: set[str]) -> bool:
    """A word the document holds nowhere else, cut where the language's patterns allow, whose rest
    is no word of the document on its own ("appro-" + "priation", "in-" + "dustriels"; not "elles-" +
    "mêmes" where "mêmes" is printed elsewhere). The piece before the cut may be a word: many are
    prefixes that are words too ("in", "inter", "re")."""
    return rest.lower() not in vocabulary and may_cut(joined, len(piece))


class Vocabulary(set):
    """The document's words (a set of lower-cased words) and whether the document hyphenates with
    an ASCII hyphen (`hyphenates`): only then are the language's patterns asked about a cut."""

    hyphenates: bool = False


def vocabulary(pages: list[list[Line]], proof_lines: int = 3) -> Vocabulary:
    """Every word of the document, lower-cased, to tell hyphenation from compound words.

    The document hyphenates (`Vocabulary.hyphenates`) when at least `proof_lines` of its lines end
    with an ASCII hyphen that cuts a word the document holds whole elsewhere ("numé-" + "rique"):
    a typesetter that hyphenates this way cuts other words so too, and one that never hyphenates
    ends a line with a hyphen only in a compound ("corps-" + "grade"), whatever the patterns say.

    The pieces of words cut at a line's end are left out: the one ending the line and the one
    opening the next. The other lines are read as one text: each piece between spaces is read once
    however often it occurs (most are a word as they stand), and so is each word lower-cased.
    """
    whole: list[str] = []
    found: list[str] = []
    cuts: list[str] = []  # the words cut at an ASCII hyphen, joined, where the next line is read
    for lines in pages:
        after_cut = False  # the line before ended with a hyphen: this one opens with the rest of a word
        for index, line in enumerate(lines):
            text = line.text
            cut_here = text.endswith(("-", _SOFT, _TYPESET))
            if cut_here and text.endswith("-") and index + 1 < len(lines):
                m, start = _WORD_END.search(text), _WORD_START.match(lines[index + 1].text.lstrip())
                if m and start:
                    cuts.append(m.group(1) + start.group(1))
            if not cut_here and not after_cut:
                whole.append(text)
                continue
            cut = _WORD.findall(text.replace(_SOFT, ""))
            if cut and cut_here:
                cut.pop()  # the piece of a word cut at the line's end is no word of the document...
            if cut and after_cut:
                cut.pop(0)  # ...nor the rest of it, opening the next line
            found.extend(cut)
            after_cut = cut_here
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
    out = Vocabulary(word.lower() for word in words)
    out.hyphenates = sum(1 for word in cuts if word.lower() in out) >= proof_lines
    return out
