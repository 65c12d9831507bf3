"""The icons of the roadmap's text, by character and by the role of the line they introduce.

Icons are hints: every block is also classified by its words. Readers use
`ICON_ROLES` for a leading glyph, the PDF reader `LINE_ICONS` and `BULLETS`
for the glyphs that start a line, and the structure builder the role names.
"""

from __future__ import annotations

import unicodedata

from ..schemas.blocks import IconRole

#: Leading glyph -> role of the line it introduces (📅 □ ▣ a deadline, ⬆ an owner, ✓ a status).
ICON_ROLES: dict[str, IconRole] = {
    "📅": "deadline",
    "□": "deadline",
    "▣": "deadline",
    "⬆": "owner",
    "✓": "status",
}
#: Arrow glyphs: they start a step (a list item) and are recorded as role "arrow".
ARROWS: dict[str, IconRole] = {"➔": "arrow", "→": "arrow"}
#: Every icon, by character, with its role.
ICONS: dict[str, IconRole] = {**ICON_ROLES, **ARROWS}
#: The icons a printed line may start with, in the readers' order.
LINE_ICONS: tuple[str, ...] = tuple(ICONS)
#: Bullet glyphs of PDF text -> the bullet the text conventions use.
BULLETS: dict[str, str] = {"•": "-", "➔": "➔", "→": "→", "▪": "-", "‣": "-", "◦": "-"}
#: The status icon: a title or phrase ending in it is completed.
DONE_MARK = "✓"


def icons_of_role(role: IconRole) -> tuple[str, ...]:
    """Every icon character that announces `role`."""
    return tuple(char for char, r in ICONS.items() if r == role)


#: The Unicode blocks of pictographs: arrows, technical symbols, geometric shapes, miscellaneous
#: symbols, dingbats, supplemental arrows, symbols and arrows, and the emoji planes. Signs of text
#: ("©", "°", "€") and of mathematics ("≥", "±") lie outside them.
_PICTOGRAPH_BLOCKS = ((0x2190, 0x21FF), (0x2300, 0x23FF), (0x25A0, 0x27BF), (0x27F0, 0x27FF), (0x2900, 0x297F), (0x2B00, 0x2BFF),
                      (0x1F300, 0x1FAFF))


def unknown_icon(text: str) -> str | None:
    """The pictograph a line opens with, before a space or a letter (a text layer without spaces,
    TeX's, sets it against its word), when it is none of the icons or bullets above ("☞ 3e trimestre
    2020", "↑DINUM"): an icon whose role the vocabulary does not know, so the line's role comes
    from its words and place. None for any other line ("± 5 %", "≥10", "©Photo")."""
    first, then = text[:1], text[1:2]
    if first <= "\x7f" or not (then.isspace() or then.isalpha()) or first in ICONS or first in BULLETS:
        return None  # ASCII ("+ 5 %", "= total") is never taken for an icon, nor a sign before a figure
    code = ord(first)
    if not any(low <= code <= high for low, high in _PICTOGRAPH_BLOCKS):
        return None
    return first if unicodedata.category(first) in ("So", "Sm") else None
