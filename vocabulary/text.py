"""One text normalisation, used by every reader and by the diff alike.

Unicode NFC (recomposes decomposed accents), typographic quotes and
apostrophes folded to ASCII ones, non-breaking and narrow spaces to plain
spaces, ligatures expanded, soft hyphens and zero-width characters removed,
runs of spaces collapsed. Icons (➔ ✓ 📅 …) are kept: they carry meaning.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
}
_SPACES = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French typography before ; : ! ?)
    "\u2007": " ",
    "\u2009": " ",  # thin space
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
}
_DROP = {
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\ufe0f": "",  # emoji variation selector: ⬆️ and ⬆ are the same icon
}
_REPLACEMENTS = {**_LIGATURES, **_QUOTES, **_SPACES, **_DROP}
#: Any character replaced: `str.translate` looks every character of a text up, so only the
#: characters found are replaced, one `str.replace` each. The result is the same, as no
#: replacement holds a replaced character.
_REPLACED = re.compile("[" + "".join(re.escape(char) for char in _REPLACEMENTS) + "]")
#: The characters whose NFC form is a replaced character (U+2000 -> U+2002, U+2001 -> U+2003).
_REPLACED_BY_NFC = ("\u2000", "\u2001")
_ASCII_REPLACED = tuple(char for char in _REPLACEMENTS if char.isascii())
_RUNS = re.compile(r" {2,}")
_NON_WORD = re.compile(r"[^\w]+")


def normalize_text(text: str, *, collapse_spaces: bool = True, settled: bool = False) -> str:
    """Normalise one string (a line, a title, a cell). Newlines are kept.

    `settled`: the text is made of pieces of normalised texts that `settles` found settled, joined
    with spaces: it is already free of replaced characters and in NFC, so only its runs of spaces
    are collapsed."""
    if not settled:
        text = _replaced_and_composed(text)
    if collapse_spaces and "  " in text:
        text = _RUNS.sub(" ", text)
    return text


def _replaced_and_composed(text: str) -> str:
    """The replacements made (`_REPLACEMENTS`), then the text in NFC."""
    if text.isascii():  # an ASCII text is in NFC and can hold only the ASCII replaced characters
        for char in _ASCII_REPLACED:
            text = text.replace(char, _REPLACEMENTS[char])
        return text
    for char in set(_REPLACED.findall(text)):
        text = text.replace(char, _REPLACEMENTS[char])
    return unicodedata.normalize("NFC", text)


def settles(text: str) -> bool:
    """Whether `normalize_text(text)` is settled: no replaced character is left in it, it is in NFC,
    and so is any text made of its pieces joined with spaces (a piece of a text in NFC is in NFC,
    and a space neither composes nor moves in NFC).

    Only a character whose NFC form is a replaced one can leave one behind: the en and em quads,
    whose canonical forms are the en and em spaces."""
    for char in _REPLACED_BY_NFC:
        if char in text:
            return False
    return True


def fold(text: str) -> str:
    """A comparison key: normalised, lower-cased, accents removed, punctuation to spaces.

    For matching and fuzzy comparison only, never for display.
    """
    text = normalize_text(text).casefold()
    if not text.isascii():  # an ASCII text has no accent to remove
        text = unicodedata.normalize("NFD", text).translate(_UNMARKED)
    text = _NON_WORD.sub(" ", text)
    return text.strip()


def fold_chars(text: str) -> str:
    """Lower case and accents removed, character for character: the result has the
    same length as `text`, so positions found in it point into `text`.

    For grammars that match on a folded key and report spans of the original.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLDED_CHARS)


def caseless(text: str) -> str:
    """Lower case as `re.IGNORECASE` compares letters: a word absent from it cannot be matched.

    `str.lower` keeps apart three letters the regex engine equates with i and s
    (İ, ı, ſ); they are mapped here, so that a keyword test never skips a match.
    """
    lowered = text.lower()
    if not lowered.isascii():
        lowered = lowered.replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")
    return lowered


class _FoldedChars(dict):
    """Code point -> its folded character (lower case, first character of its NFD form), for
    `str.translate`: filled as characters are met (the first `_FOLDED_KEPT` of them), so a text
    is folded in one C-level pass."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        lower = char.lower()[:1] or char
        folded = unicodedata.normalize("NFD", lower)[0]
        if len(self) < _FOLDED_KEPT:
            self[code] = folded
        return folded


#: At most this many characters are kept folded: a text of every script cannot grow the table without bound.
_FOLDED_KEPT = 4096


_FOLDED_CHARS = _FoldedChars()


class _Unmarked(dict):
    """Code point -> None for a combining mark (removed by `str.translate`), else the character
    itself: filled as characters are met (the first `_FOLDED_KEPT` of them)."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        kept = None if unicodedata.combining(char) else char
        if len(self) < _FOLDED_KEPT:
            self[code] = kept
        return kept


_UNMARKED = _Unmarked()
