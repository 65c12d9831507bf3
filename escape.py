"""Escaping at every output boundary: what a document says is shown, never executed.

Text read from an edition (titles, quotes, owners) and file names given by
users can hold terminal escapes (ESC, BEL, C1 controls), bidirectional
overrides (U+202E … that make text read backwards), HTML, Markdown markup or
spreadsheet formulas. Each output gets the treatment it needs:

    one_line(text)          error lines: control and bidi characters shown as \\n, \\x1b, \\u202e
    terminal(text)          a report printed to a terminal: control and bidi characters removed
                            (newlines and tabs kept)
    json_for_terminal(text) JSON printed to a terminal: those characters as \\u escapes (same data)
    markdown_inline(value)  a value quoted in a Markdown report: HTML and Markdown-active characters
                            backslash-escaped or as entities, control and bidi characters made visible
    csv_cell(value)         a CSV cell: formulas neutralised (leading = + - @ tab CR), long text cut
                            with a visible mark, control and bidi characters made visible
"""

from __future__ import annotations

import re

#: Bidirectional controls and other invisible format characters that change how text reads.
_BIDI = "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
#: C0 controls (but newline and tab), DEL, C1 controls, bidi/format characters.
_HIDDEN_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
#: Everything that must not reach a terminal or a single line raw, newline and tab included.
_HIDDEN = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """`text` on one line, every control or bidi character written as a visible escape."""
    return _HIDDEN.sub(_visible, text)


def terminal(text: str) -> str:
    """Text for a terminal: control and bidi characters removed, lines and tabs kept."""
    return _HIDDEN_MULTILINE.sub("", text.replace("\r\n", "\n"))


_JSON_HIDDEN = re.compile(f"[\x7f-\x9f{_BIDI}]")


def json_for_terminal(text: str) -> str:
    """A JSON document for a terminal: the characters JSON leaves raw (DEL, C1, bidi) as \\u escapes.

    JSON already escapes C0 controls; the escapes written here decode to the same
    characters, so the data is unchanged.
    """
    return _JSON_HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: Characters that start Markdown or HTML constructs inside a line (CommonMark backslash-escapes them all).
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>|~#!{}])")


def markdown_inline(value: object) -> object:
    """A value for a Markdown report, quoted inside a line: it renders as the text it is.

    Strings get HTML and Markdown-active characters escaped (``<script>`` shows
    as ``<script>``, ``*x*`` is not emphasis, ``|`` does not split a table
    cell), ``&`` becomes ``&amp;`` (no entity can smuggle a character in), line
    breaks become spaces (a value never starts a new block), and control or
    bidi characters are shown as escapes. Other values (numbers, None) are
    returned as they are, for the template to format.
    """
    if not isinstance(value, str):
        return value
    text = value.replace("&", "&amp;")
    text = " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text
    text = _MARKDOWN_ACTIVE.sub(r"\\\1", text)
    return _HIDDEN.sub(_visible, text)


#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Longest CSV cell written, in characters; longer text is cut and marked.
CSV_CELL_LIMIT = 2000
CUT_MARK = " […]"


def csv_cell(value: object, limit: int = CSV_CELL_LIMIT) -> str:
    """A text cell for CSV: never a formula, at most `limit` characters (cut with " […]")."""
    text = "" if value is None else str(value)
    if len(text) > limit:
        text = text[: limit - len(CUT_MARK)].rstrip() + CUT_MARK
    text = _HIDDEN_MULTILINE.sub(_visible, text)
    if text.lstrip(" ").startswith(_FORMULA_START):
        text = "'" + text
    return text
