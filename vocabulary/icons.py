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


#: The Unicode categories of pictographs: other symbols (☞ ⌚ ✆) and mathematical ones (↑ ⇨).
_PICTOGRAPH_CATEGORIES = frozenset({"So", "Sm"})


def unknown_icon(text: str) -> str | None:
    """The pictograph a line opens with, set apart by a space, when it is none of the icons or
    bullets above ("☞ 3e trimestre 2020", "↑ DINUM"): an icon whose role the vocabulary does not
    know, so the line's role comes from its words and place. None for any other line."""
    first = text[:1]
    if first <= "\x7f" or not text[1:2].isspace() or first in ICONS or first in BULLETS:
        return None  # ASCII ("+ 5 %", "= total") is never taken for an icon
    return first if unicodedata.category(first) in _PICTOGRAPH_CATEGORIES else None
