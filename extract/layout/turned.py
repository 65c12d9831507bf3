"""Pages shown turned: read as they are shown, their text upright.

    shown_text(page, flags, settings) -> page.get_text("dict") of the page as shown (turned first if need be)
    turn_shown(page)             a page turned by /Rotate, its rotation made part of its content
    turn_sideways(page, raw)     a page whose text is mostly set sideways (a landscape table printed
                                 on a portrait sheet), turned so that it reads left to right -> turned?

MuPDF gives a page's text and drawings in the coordinates of the unturned
sheet: on a landscape page printed as a portrait sheet with /Rotate 90, or a
table set sideways on a portrait page, every line of text runs up or down the
page, and no step of the layout reads it. PyMuPDF's `remove_rotation` folds the
page's rotation into its content (in the document opened in memory, never the
file), so that what MuPDF reads afterwards is the page as shown.
"""

from __future__ import annotations

from .settings import LayoutSettings


def turn_shown(page) -> None:
    if page.rotation:
        page.remove_rotation()


def _chars(line: dict) -> int:
    """The line's characters, spaces at the ends of its spans left out."""
    return sum(len(s.get("text", "").strip()) for s in line.get("spans", ()))


def _sideways(raw: dict) -> tuple[int, int, int]:
    """Characters of text running up, running down, and running along the page.

    Most pages have no text running up or down: they read across whatever they hold, and
    their text running along is left uncounted (0, 0, 0).
    """
    up = down = 0
    along = []  # the lines running along the page, counted if need be
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            dx, dy = line["dir"]  # MuPDF sets it on every line (indexed: it is read for every line of every page)
            if dy and abs(dy) > abs(dx):  # a line set level (dy 0) runs along: no sides to compare
                if dy < 0:
                    up += _chars(line)
                else:
                    down += _chars(line)
            else:
                along.append(line)
    if not (up or down):
        return 0, 0, 0
    return up, down, sum(map(_chars, along))


def turn_sideways(page, raw: dict, settings: LayoutSettings) -> bool:
    """Turn a page whose text mostly runs up (or down) the sheet so that it reads across; whether it was turned."""
    up, down, along = _sideways(raw)
    total = up + down + along
    if not total or max(up, down) <= settings.sideways_min_share * total:
        return False
    page.set_rotation(90 if up >= down else 270)
    page.remove_rotation()
    return True


def shown_text(page, flags: int, settings: LayoutSettings) -> dict:
    """The page's text (`get_text("dict")`) as the page is shown, upright; the page is left turned so,
    so that its drawings are read the same way."""
    turn_shown(page)
    raw = page.get_text("dict", flags=flags)
    if turn_sideways(page, raw, settings):
        raw = page.get_text("dict", flags=flags)
    return raw
