"""Icon glyphs in PDFs: the character a span's code stands for, judged by the font's properties, not its name.

    font_kinds(doc, page, cache) -> {span font name: "symbol"}   one page
    page_resources(doc, page)    -> the page's own resource dictionary, or None
    base_name(font)              -> the font's name without its subset tag
    icon_text(kind, text)        -> the text with icon codes restored
    holds_icon_codes(text)       -> whether a text font's text has any code to restore

Text extraction of a symbol font does not always give the symbol's Unicode
character. A simple font that is neither embedded nor given an /Encoding or a
/ToUnicode map is read through its own built-in encoding: its codes number
glyphs, not letters, and MuPDF reports them as the Latin characters of the
same codes (an arrow as a no-break space, a check mark as U+0013). A font whose
/Encoding is a /Differences array giving its glyphs the numbered names of the
standard symbol set ("/a19", "/a160") reads the same way: MuPDF reports each
name's number as the code. Such a font is a *symbol* font here, whatever it is
called, and its codes are read with the table of the standard symbol set; the
same code in a text font is never taken for an icon. Whatever the font, a private-use code point is a symbol font's
bullet, a code with no Unicode meaning at all is an icon whose picture is lost,
and the few unassigned or variant codes a PDF writer gives pictographs are the
pictographs they stand for.

The icon *role* (deadline, owner, status, arrow) is then given by the text
reader's conventions (`editiondiff.vocabulary.icons.ICON_ROLES`): the PDF reader
only has to restore the printed glyph.
"""

from __future__ import annotations

import re

from ...vocabulary import icons as _vocabulary
from ...vocabulary.icons import BULLETS, LINE_ICONS

#: The icons and bullets of the text conventions come from the one vocabulary (`vocabulary.icons`).
#: Arrows lead from a label to its text ("ACTION AB1 → Title") or start a step.
ARROWS = tuple(_vocabulary.ARROWS)
#: What starts a new logical line: a bullet or a line icon.
STARTERS = tuple(BULLETS) + LINE_ICONS
#: Icons that may end a phrase ("Objectif atteint ✓") and so be pushed to the next line by wrapping.
TRAILING_ICONS = _vocabulary.DONE_MARK

#: Symbol fonts read through their built-in encoding: extracted character -> icon character.
_SYMBOL_CODES = {
    "\xa0": "➔",  # the arrow's code 0xD4 comes out as U+00A0
    "\x13": "✓",
    "\x14": "✓",
    "w": "📅",  # a tape-drive glyph stands in for the calendar, absent from the standard symbol set
    "➔": "➔",
    "✓": "✓",
    "✔": "✓",
    "✇": "📅",
    "Ô": "➔",  # the code itself, for producers that leave it in Latin-1
    "3": "✓",
    "4": "✓",
}
#: Private-use code points that word processors write for the bullets of symbol fonts (a bullet and
#: a square, arrows), in whatever font the PDF names.
_PRIVATE_USE = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0a8": "▪", "\uf0e8": "➔", "\uf0d8": "‣", "\uf076": "‣", "\uf0fc": "✓"}
#: What a glyph without a Unicode meaning extracts as (a missing glyph, a control code of a Type 3 font).
_UNREADABLE = {chr(c) for c in range(32) if chr(c) not in "\t\n"} | {"\ufffd"}
#: Pictographs under other codes: MuPDF writes the calendar U+1F4C5 of a pictograph font as the
#: unassigned U+1F58; other calendars and check marks are the icons of the text conventions.
_PICTOGRAPHS = {"\u1f58": "📅", "🗓": "📅", "✅": "✓"}
_SPECIAL = re.compile("[" + re.escape("".join(sorted(set(_PRIVATE_USE) | _UNREADABLE | set(_PICTOGRAPHS)))) + "]")


def opens_with_lost_icon(text: str) -> bool:
    """Whether a span's text, as extracted, opens with a glyph that has no Unicode meaning (after any
    spaces): an icon whose picture is lost, which `icon_text` writes as a space."""
    return text.lstrip(" ")[:1] in _UNREADABLE


#: Whether a text holds a code that `icon_text` replaces whatever the font: a text font's span without
#: one reads as it is, and a reader of many spans can leave `icon_text` uncalled for it.
holds_icon_codes = _SPECIAL.search


def base_name(font: str) -> str:
    """A font's name without the subset tag a writer puts before it ("ABCDEF+")."""
    return font.split("+", 1)[-1]


#: `font_kinds` not told the page's resource dictionary: it reads it.
_UNREAD = object()


def font_kinds(doc, page, cache: dict | None = None, resources=_UNREAD) -> dict[str, str]:
    """The fonts of a page whose codes number glyphs, not letters (by span font name): simple fonts
    that carry no program and no /ToUnicode map, and either no /Encoding or one that names their
    glyphs by number (`names_glyphs_by_number`).

    `cache` keeps across the pages of a document the verdict per font object (by xref) and the
    answer per resource dictionary (`page_resources`, or `resources` when the caller read it):
    pages that share one, as a producer's pages alike often do, have the same fonts, which MuPDF
    is slow to list.
    """
    cache = {} if cache is None else cache
    if resources is _UNREAD:
        resources = page_resources(doc, page)
    if resources is not None and resources in cache:
        return dict(cache[resources])
    kinds: dict[str, str] = {}
    for xref, ext, kind, basefont, *_ in page.get_fonts():
        if xref not in cache:
            cache[xref] = (
                ext == "n/a"
                and kind in ("Type1", "TrueType", "MMType1")
                and doc.xref_get_key(xref, "ToUnicode")[0] == "null"
                and (doc.xref_get_key(xref, "Encoding")[0] == "null" or names_glyphs_by_number(doc, xref))
            )
        if cache[xref]:
            kinds[base_name(basefont)] = "symbol"
    if resources is not None:
        cache[resources] = kinds
    return dict(kinds)


#: A glyph name in a /Differences array, and the numbered names of the standard symbol set ("a12").
_GLYPH_NAME = re.compile(r"/([^\s/\[\]()<>{}%]+)")
_NUMBERED = re.compile(r"a\d+")
#: Names a symbol font's /Differences may give its empty codes, beside the numbered ones.
_BLANK_NAMES = frozenset({".notdef", "space"})


def names_glyphs_by_number(doc, xref: int) -> bool:
    """Whether the font's /Encoding is a /Differences array naming every glyph it sets the way the
    standard symbol set names them, by number ("/a19" a check mark, "/a160" an arrow)."""
    try:
        kind, value = doc.xref_get_key(xref, "Encoding/Differences")
    except Exception:  # a damaged encoding: the font is read as a text font
        return False
    if kind != "array":
        return False
    names = [name for name in _GLYPH_NAME.findall(value) if name not in _BLANK_NAMES]
    return bool(names) and all(_NUMBERED.fullmatch(name) for name in names)


def page_resources(doc, page) -> tuple[str, str] | None:
    """The page's own resource dictionary as PDF writes it (a reference, "9 0 R", or the dictionary
    itself, whose references name the fonts and forms it holds); None when the page inherits it.

    MuPDF lists a page's fonts and pictures from that dictionary alone: pages that share one have
    the same, and what is read of them can be read once (`font_kinds`, the reader's pictures)."""
    try:
        kind, value = doc.xref_get_key(page.xref, "Resources")
    except Exception:  # a damaged page object: its fonts and pictures are listed afresh
        return None
    return ("Resources", value) if kind in ("xref", "dict") else None


def icon_text(kind: str, text: str) -> str:
    """The span's text with icon codes replaced by the icons they draw (`kind`: "symbol" for a
    font of `font_kinds`, anything else for a text font).

    Private-use bullets become the bullets they draw; a glyph that has no Unicode
    meaning at all (a control code, U+FFFD) becomes a space: an icon whose
    picture is lost, as the text conventions write it.
    """
    if kind == "symbol":
        text = "".join(_SYMBOL_CODES.get(c, c) for c in text)
    if _SPECIAL.search(text):
        text = "".join(_PICTOGRAPHS.get(c) or _PRIVATE_USE.get(c) or (" " if c in _UNREADABLE else c) for c in text)
    return text
