"""Icon glyphs in PDFs: map (font, code point) to the icon character the text conventions use.

Text extraction of a symbol font does not always give the symbol's Unicode
character: a base-14 ZapfDingbats glyph written without a ToUnicode map comes
out as whatever its code means in a Latin encoding (ReportLab's ➔ comes out
as a no-break space, its ✓ as U+0013), and MuPDF's emoji fallback font writes
the calendar 📅 with a truncated code. The tables below are keyed by font
family, so the same code in a text font is never taken for an icon.

The icon *role* (deadline, owner, status, arrow) is then given by the text
reader's conventions (`editiondiff.vocabulary.icons.ICON_ROLES`): the PDF reader
only has to restore the printed glyph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...vocabulary import icons as _vocabulary
from ...vocabulary.icons import BULLETS, LINE_ICONS

#: The icons and bullets of the text conventions come from the one vocabulary (`vocabulary.icons`).
#: Arrows lead from a label to its text ("ACTION AB1 → Title") or start a step.
ARROWS = tuple(_vocabulary.ARROWS)
#: What starts a new logical line: a bullet or a line icon.
STARTERS = tuple(BULLETS) + LINE_ICONS
#: Icons that may end a phrase ("Objectif atteint ✓") and so be pushed to the next line by wrapping.
TRAILING_ICONS = _vocabulary.DONE_MARK

#: Dingbat fonts: extracted character -> icon character.
_ZAPF = {
    "\xa0": "➔",  # ReportLab writes U+2794 as code 0xD4; MuPDF reports it as U+00A0
    "\x13": "✓",
    "\x14": "✓",
    "w": "📅",  # ✇ (a tape-drive glyph) stands in for the calendar, absent from ZapfDingbats
    "➔": "➔",
    "✓": "✓",
    "✔": "✓",
    "✇": "📅",
    "Ô": "➔",  # the code itself, for producers that leave it in Latin-1
    "3": "✓",
    "4": "✓",
}
#: Private-use code points that word processors write for the bullets of symbol fonts (Symbol's
#: bullet and square, Wingdings' arrows), in whatever font the PDF names.
_PRIVATE_USE = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0a8": "▪", "\uf0e8": "➔", "\uf0d8": "‣", "\uf076": "‣", "\uf0fc": "✓"}
#: What a glyph without a Unicode meaning extracts as (a missing glyph, a control code of a Type 3 font).
_UNREADABLE = {chr(c) for c in range(32) if chr(c) not in "\t\n"} | {"\ufffd"}
_SPECIAL = re.compile("[" + re.escape("".join(sorted(set(_PRIVATE_USE) | _UNREADABLE))) + "]")
#: Emoji fonts: MuPDF's own fallback font writes 📅 (U+1F4C5) as U+1F58.
_EMOJI = {"\u1f58": "📅", "📅": "📅", "🗓": "📅", "⬆": "⬆", "✅": "✓"}


@lru_cache(maxsize=1024)
def _family(font: str) -> str:
    name = font.split("+", 1)[-1].lower()
    if "dingbat" in name or "zapf" in name:
        return "dingbats"
    if "emoji" in name:
        return "emoji"
    return "text"


def icon_text(font: str, text: str) -> str:
    """The span's text with symbol-font codes replaced by the icons they draw.

    Private-use bullets become the bullets they draw; a glyph that has no Unicode
    meaning at all (a control code, U+FFFD) becomes a space: an icon whose
    picture is lost, as the text conventions write it.
    """
    family = _family(font)
    if family == "dingbats":
        text = "".join(_ZAPF.get(c, c) for c in text)
    elif family == "emoji":
        text = "".join(_EMOJI.get(c, c) for c in text)
    if _SPECIAL.search(text):
        text = "".join(_PRIVATE_USE.get(c, " " if c in _UNREADABLE else c) for c in text)
    return text
