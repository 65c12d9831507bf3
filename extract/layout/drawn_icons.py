"""Icons drawn as vector paths or images beside a line -> the bullet or lost icon the text conventions write.

    drawn_icons(lines, drawings, images, settings) -> [(line, signature, box)]   one page; images: [(box, digest)]
    apply_drawn_icons(found, settings)                                         the whole document

A producer may draw a line's icon as a small picture instead of a glyph: no
character in the text layer says it is there. A drawing (or an image) no
larger than a few font sizes, just left of where a line's text starts, on its
height, is that line's icon. Icons are told apart by their shape (the outline
of the path within its box and its fill colour, or the picture's content and size). The role of a line
comes from its words and place first: the one thing the layout settles is
which lines are items of a list. The commonest drawn icon of the document
marks its list items (lists outnumber every other kind of line with an icon),
and they get a bullet; a line with another drawn icon keeps its indentation,
the text conventions' mark of an icon that is not printed as a character.
"""

from __future__ import annotations

from operator import attrgetter

from .icons import STARTERS
from .model import Box, Line
from .settings import LayoutSettings


#: A line's size, read by C over a page's lines.
_size = attrgetter("size")


def _outline(items, rect) -> tuple:
    """A path's shape whatever its size and place: each item's kind and its first point within the
    path's box, as shares of its width and height."""
    x0, y0, x1, y1 = rect
    w, h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    out = []
    for item in items:
        point = item[1]
        if item[0] == "qu":  # a quad: its first corner
            point = point[0]
        out.append((item[0], (point[0] - x0) / w, (point[1] - y0) / h))  # a rectangle: its first corner too
    return tuple(out)


def _same_shape(a: tuple, b: tuple, tolerance: float) -> bool:
    if a[0] != b[0] or a[0] == "image":
        return a == b
    if a[2] != b[2] or len(a[1]) != len(b[1]):
        return False
    return all(p[0] == q[0] and abs(p[1] - q[1]) <= tolerance and abs(p[2] - q[2]) <= tolerance for p, q in zip(a[1], b[1]))


def drawn_icons(lines: list[Line], drawings: list[dict], images: list[tuple[Box, bytes]], settings: LayoutSettings) -> list[tuple[Line, tuple, Box]]:
    s = settings
    # a shape larger than a few of the page's largest font size is no icon: only the others get a signature
    largest = s.drawn_icon_max_em * max(map(_size, lines), default=0.0)
    shapes: list[tuple[tuple, Box]] = []
    for path in drawings:
        rect = tuple(path.get("rect", (0, 0, 0, 0)))
        if 0 < rect[2] - rect[0] <= largest and 0 < rect[3] - rect[1] <= largest:
            fill = tuple(round(c, 2) for c in (path.get("fill") or ()))
            shapes.append((("path", _outline(path.get("items", ()), rect), fill), rect))
    for box, digest in images:
        if 0 < box[2] - box[0] <= largest and 0 < box[3] - box[1] <= largest:
            # one picture is one icon: its content (digest) and drawn size tell it from the others
            shapes.append((("image", bytes(digest).hex(), round(box[2] - box[0]), round(box[3] - box[1])), box))
    found = []
    if not shapes:
        return found
    # each line is tried against each shape: a shape's sizes and middle, and the settings, are read once (speed)
    sized = [(signature, (x0, y0, x1, y1), x1 - x0, y1 - y0, (y0 + y1) / 2) for signature, (x0, y0, x1, y1) in shapes]
    max_em, gap_em, slack = s.drawn_icon_max_em, s.drawn_icon_gap_em, -s.align_slack_pt
    for line in lines:
        if line.starts_new_line:
            continue
        size = line.size
        top, bottom = line.y0, line.y1
        cy = (top + bottom) / 2
        most, reach = max_em * size, gap_em * size
        best = None
        for signature, box, w, h, middle in sized:
            if not (0 < w <= most and 0 < h <= most):
                continue
            x0, y0, x1, y1 = box
            if not (y0 <= cy <= y1 or top <= middle <= bottom):
                continue
            gap = line.x0 - x1
            if slack <= gap <= reach and (best is None or x0 > best[1][0]):
                best = (signature, box)
        if best is not None:
            found.append((line, best[0], best[1]))
    return found


def apply_drawn_icons(found: list[tuple[Line, tuple, Box]], settings: LayoutSettings) -> None:
    # icons of one shape, drawn at slightly different sub-point places, in one group
    groups: list[tuple[tuple, list[Line]]] = []
    for line, signature, _box in found:
        for shape, members in groups:
            if _same_shape(shape, signature, settings.drawn_icon_shape_share):
                members.append(line)
                break
        else:
            groups.append((signature, [line]))
    if not groups:
        return
    _shape, items = max(groups, key=lambda g: len(g[1]))
    if len(items) < settings.drawn_icon_min_lines:
        return
    for line in items:
        line.text = "• " + line.text.lstrip()
        line.starts_new_line = line.text.startswith(STARTERS)
