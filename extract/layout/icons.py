"""Icon glyphs in PDFs: map (font, code point) to the icon character the text conventions use.

Text extraction of a symbol font does not always give the symbol's Unicode
character: a base-14 ZapfDingbats glyph written without a ToUnicode map comes
out as whatever its code means in a Latin encoding (ReportLab's ➔ comes out
as a no-break space, its ✓ as U+0013), and MuPDF's emoji fallback font writes
the calendar 📅 with a truncated code. The tables below are keyed by font
family, so the same code in a text font is never taken for an icon.

The icon *role* (deadline, owner, status, arrow) is then given by the text
reader's conventions (`editiondiff.extract.text.ICON_ROLES`): the PDF reader
only has to restore the printed glyph.
"""

from __future__ import annotations

from functools import lru_cache

#: Canonical icons of the brochure text, each with the role it announces.
BULLETS = {"•": "-", "➔": "➔", "→": "→", "▪": "-", "‣": "-", "◦": "-"}
#: Icons that start a line of their own.
LINE_ICONS = ("📅", "□", "▣", "⬆", "✓", "➔", "→")
#: What starts a new logical line: a bullet or a line icon.
STARTERS = tuple(BULLETS) + LINE_ICONS
#: Icons that may end a phrase ("Objectif atteint ✓") and so be pushed to the next line by wrapping.
TRAILING_ICONS = "✓"

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
    """The span's text with symbol-font codes replaced by the icons they draw."""
    family = _family(font)
    if family == "dingbats":
        return "".join(_ZAPF.get(c, c) for c in text)
    if family == "emoji":
        return "".join(_EMOJI.get(c, c) for c in text)
    return text


def is_symbol_font(font: str) -> bool:
    return _family(font) != "text"
