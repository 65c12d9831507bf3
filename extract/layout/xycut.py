"""A page's (or a drawn region's) lines -> a tree of regions cut at whitespace, recursively (XY-cut).

    lines_to_regions(lines, settings) -> Region
    region_leaves(region) -> [(Region, column path)]

A region is cut into rows at every horizontal gap of whitespace that no line
crosses and that is higher than `xycut_row_gap_em` font sizes; rows that
share a vertical gap of whitespace (`xycut_gutter_min_pt` wide at least, no
line of any of them crossing it) make one band, which is cut into columns
there when its two sides read as columns (`order.columns_beside`: the right
side runs beside the left one, it is not a table whose cells start level
row by row, nor items with their deadlines). Each part is cut again, so that
a column holding columns of its own (three columns, an L-shaped page) is
split in turn.

Reading order is the tree's: rows top to bottom, columns left to right, and
a narrow side panel (`xycut_panel_max_share` of the band) after the main
cell it stands beside, whichever side it is printed on. One-sided rows at
the edge of a band are read with it only where that changes nothing or where
the band ends its region: a short heading under the left column, followed by
a full-width paragraph, is the start of what follows, not the end of the left
column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter, le

from .model import Box, Line, line_x0, line_x1, union
from .order import columns_beside, rows_of_cells
from .settings import LayoutSettings


@dataclass
class Region:
    """A part of the page: a leaf holds lines (as the cuts left them: `order` reads them in reading
    order); rows run top to bottom, columns in reading order."""

    kind: str  # "lines", "rows" or "columns"
    bbox: Box
    lines: list[Line] = field(default_factory=list)
    children: list["Region"] = field(default_factory=list)


def _leaf(lines: list[Line], box: Box) -> Region:
    return Region("lines", box, lines=lines)


def _strips(lines: list[Line], settings: LayoutSettings) -> tuple[list[list[Line]], list[Box]]:
    """Lines cut into rows at horizontal whitespace higher than `xycut_row_gap_em` font sizes, top
    to bottom, and each row's box (its top is its first line's: they come top down)."""
    ordered = iter(sorted(lines, key=_top_left))
    first = next(ordered)
    strip = [first]
    strips: list[list[Line]] = [strip]
    boxes: list[Box] = []
    gap = settings.xycut_row_gap_em
    top, bottom, size = first.y0, first.y1, first.size
    left, right = first.x0, first.x1
    for line in ordered:
        y0, line_size = line.y0, line.size
        if y0 - bottom > gap * (line_size if line_size < size else size):
            boxes.append((left, top, right, bottom))
            strip = [line]
            strips.append(strip)
            top, bottom, size = y0, line.y1, line_size
            left, right = line.x0, line.x1
            continue
        strip.append(line)
        if line.y1 > bottom:
            bottom, size = line.y1, line_size
        if line.x0 < left:
            left = line.x0
        if line.x1 > right:
            right = line.x1
    boxes.append((left, top, right, bottom))
    return strips, boxes


_top_left = attrgetter("y0", "x0")
_across = attrgetter("x0", "x1")
_box = attrgetter("x0", "y0", "x1", "y1")


def _free(lines: list[Line], lo: float, hi: float, settings: LayoutSettings) -> list[tuple[float, float]]:
    """The x intervals between lo and hi that no line covers, at least `xycut_gutter_min_pt` wide."""
    least = settings.xycut_gutter_min_pt
    out = []
    at = lo
    for x0, x1 in sorted(map(_across, lines)):
        if x0 > at and x0 - at >= least:
            out.append((at, x0))
        if x1 > at:
            at = x1
    if hi > at and hi - at >= least:
        out.append((at, hi))
    return out


def _intersect(a: list[tuple[float, float]], b: list[tuple[float, float]], settings: LayoutSettings) -> list[tuple[float, float]]:
    least = settings.xycut_gutter_min_pt
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo = b0 if b0 > a0 else a0  # max(a0, b0), min(a1, b1) without the calls
            hi = b1 if b1 < a1 else a1
            if hi - lo >= least:
                out.append((lo, hi))
    return out


def _sides(lines: list[Line], gx: float) -> tuple[list[Line], list[Line]]:
    left = [l for l in lines if l.x1 <= gx]
    right = [l for l in lines if l.x0 >= gx]
    return left, right


def _gutter_of(lines: list[Line], lo: float, hi: float, free: list[tuple[float, float]], settings: LayoutSettings) -> float | None:
    """The x of the gutter a band of lines (from lo to hi across) is cut at: the widest gap with
    lines on both sides that reads as columns."""
    inner = [(a, b) for a, b in free if lo < a and b < hi]
    middle = (lo + hi) / 2
    s = settings
    for a, b in sorted(inner, key=lambda g: (-(g[1] - g[0]), abs((g[0] + g[1]) / 2 - middle))):
        share = ((a + b) / 2 - lo) / (hi - lo)
        if not s.xycut_gutter_from_share <= share <= s.xycut_gutter_to_share:
            continue
        left, right = _sides(lines, (a + b) / 2)
        if columns_beside(lines, left, right, 0, settings) and not rows_of_cells(left, right, settings):
            return (max(map(line_x1, left)) + min(map(line_x0, right))) / 2
    return None


def lines_to_regions(lines: list[Line], settings: LayoutSettings) -> Region:
    """The region tree of a page's lines (see the module's docstring)."""
    if not lines:
        return Region("rows", (0.0, 0.0, 0.0, 0.0))
    return _segment(lines, settings)


def _segment(lines: list[Line], settings: LayoutSettings) -> Region:
    if len(lines) < settings.gutter_min_lines:
        return _leaf(lines, union(map(_box, lines)))
    strips, boxes = _strips(lines, settings)
    if may_hold_columns(lines, settings):
        children = _cut_rows(strips, boxes, settings)
    else:
        # no band and no row of these lines reads as columns (`may_hold_columns`): each row is a leaf,
        # what `_cut_rows` makes of them then, without looking for their gaps (most columns hold none)
        children = [_leaf(strip, box) for strip, box in zip(strips, boxes)]
    if len(children) == 1:
        return children[0]
    return Region("rows", union(c.bbox for c in children), children=children)


def _cut_rows(strips: list[list[Line]], boxes: list[Box], settings: LayoutSettings) -> list[Region]:
    """A region's rows (`_strips`: their lines, their boxes) as regions, top to bottom: each run of rows
    sharing a vertical gap of whitespace made one band when it reads as columns (`_band`), the other
    rows each cut on its own (`_single`)."""
    lo, hi = min(b[0] for b in boxes), max(b[2] for b in boxes)
    frees = [_free(strip, lo, hi, settings) for strip in strips]
    children: list[Region] = []
    i = 0
    n = len(strips)
    while i < n:
        # the longest run of rows from i sharing a vertical gap of whitespace, and its extent across
        free, j = frees[i], i
        left, right = boxes[i][0], boxes[i][2]
        while j + 1 < n:
            shared = _intersect(free, frees[j + 1], settings)
            if not shared:
                break
            free, j = shared, j + 1
            box = boxes[j]
            if box[0] < left:
                left = box[0]
            if box[2] > right:
                right = box[2]
        band = _band(strips, boxes, i, j, n, free, (left, right), settings)
        if band is None:
            children.append(_single(strips[i], boxes[i], frees[i], settings) if n > 1 else _leaf(strips[i], boxes[i]))
            i += 1
            continue
        first, last, region = band
        children.extend(_single(strips[k], boxes[k], frees[k], settings) for k in range(i, first))
        children.append(region)
        children.extend(_single(strips[k], boxes[k], frees[k], settings) for k in range(last + 1, j + 1))
        i = j + 1
    return children


def _single(strip: list[Line], box: Box, free: list[tuple[float, float]], settings: LayoutSettings) -> Region:
    """One row (`box` holds it): cut into columns when it reads as columns, else a leaf.

    `free` is the row's whitespace across its region (`_free`): the gaps between its own lines are
    the same, the margins up to the region's edges fall outside the row's extent."""
    if len(strip) < settings.gutter_min_lines:
        return _leaf(strip, box)
    lo, hi = box[0], box[2]
    if not any(lo < a and b < hi for a, b in free):
        return _leaf(strip, box)
    gx = _gutter_of(strip, lo, hi, free, settings)
    return _leaf(strip, box) if gx is None else _columns(strip, gx, settings)


def _band(strips, boxes, i: int, j: int, n: int, free, extent: tuple[float, float], settings: LayoutSettings):
    """Rows i..j (`extent` across) cut into columns at their shared gap: (first row, last row, region), or None.

    A row holding lines on one side only at the band's edge is left out of it where reading it
    with the band would move it: right-only rows above it, left-only rows below it, when the
    region goes on beyond them."""
    if i == j and n > 1:
        return None  # a row alone: cut on its own (`_single`)
    # a gap with lines on both sides, else no columns (tried first: most runs are one column)
    lo, hi = extent
    if not any(lo < a and b < hi for a, b in free):
        return None
    found = _rows_gutter(strips, i, j, lo, hi, free, settings)
    if found is None:
        return None
    lines, gx = found
    first, last = i, j
    while last > first and last + 1 < n and all(l.x1 <= gx for l in strips[last]):
        last -= 1
    while first < last and i > 0 and all(l.x0 >= gx for l in strips[first]):
        first += 1
    if (first, last) != (i, j):
        lo, hi = _extent(boxes, first, last)
        found = _rows_gutter(strips, first, last, lo, hi, free, settings)
        if found is None:
            return None
        lines, gx = found
    return first, last, _columns(lines, gx, settings)


def _extent(boxes: list[Box], first: int, last: int) -> tuple[float, float]:
    """Rows first..last's extent across: their leftmost start, their rightmost end."""
    return min(boxes[k][0] for k in range(first, last + 1)), max(boxes[k][2] for k in range(first, last + 1))


def _rows_gutter(strips, first: int, last: int, lo: float, hi: float, free, settings: LayoutSettings) -> tuple[list[Line], float] | None:
    """The lines of rows first..last (from lo to hi across) and the gutter they read as columns at, or None."""
    lines = [l for k in range(first, last + 1) for l in strips[k]]
    if len(lines) < settings.gutter_min_lines:
        return None
    gx = _gutter_of(lines, lo, hi, free, settings)
    return None if gx is None else (lines, gx)


def _columns(lines: list[Line], gx: float, settings: LayoutSettings) -> Region:
    left, right = _sides(lines, gx)
    parts = [_segment(left, settings), _segment(right, settings)]
    box = union([part.bbox for part in parts])  # every line lies on one side of the gutter
    lo, hi = box[0], box[2]
    # a narrow side panel is read after the main cell it stands beside, on either side
    narrow_left = gx - lo < settings.xycut_panel_max_share * (hi - lo)
    if narrow_left and not has_columns(parts[1]):
        parts.reverse()
    return Region("columns", box, children=parts)


def may_hold_columns(lines: list[Line], settings: LayoutSettings) -> bool:
    """False when no tree of these lines (`lines_to_regions`) can be cut into columns: a cheap test,
    so that a page without them (most pages) skips building the tree, and a region without them
    (most columns) skips looking for gaps in its rows.

    A cut is made only at a gap (a, b) of a band's or a row's whitespace (`_free`, `_intersect`:
    at least `xycut_gutter_min_pt` wide) where no line of its lines L lies across: each ends by a
    or starts from b. It is made only when `columns_beside` holds for the sides at g = (a + b) / 2,
    so when `gutter_min_side_lines` (m) lines of L end by g and m start from g. A line whose box
    runs left to right (x0 <= x1) that ends by g ends by a (starting from b >= g, it would end there,
    at g = a = b), one that starts from g starts from b. L being some of the page's lines, the m-th
    least right end of the page is then at most a and its m-th greatest left end at least b: they
    lie `xycut_gutter_min_pt` apart at least. Where they do not, or the page has fewer than m
    lines, there is no cut. Boxes running right to left (or not numbers), or settings the argument
    does not cover (m < 1, a negative width), are said to possibly hold columns."""
    m = settings.gutter_min_side_lines
    if m < 1 or settings.xycut_gutter_min_pt < 0:
        return True
    if len(lines) < m:
        return False
    ends = sorted(map(line_x1, lines))
    starts = sorted(map(line_x0, lines), reverse=True)
    if starts[m - 1] - ends[m - 1] >= settings.xycut_gutter_min_pt:
        return True
    # the boxes are looked at only where they would rule columns out
    return not all(map(le, map(line_x0, lines), map(line_x1, lines)))


def has_columns(region: Region) -> bool:
    """The region, or a part of it, is cut into columns."""
    if region.kind == "columns":
        return True
    for child in region.children:
        if has_columns(child):
            return True
    return False


def region_leaves(region: Region, path: tuple[int, ...] = ()) -> list[tuple[Region, tuple[int, ...]]]:
    """The leaves in reading order, each with its column path (which side of each cut it lies on)."""
    if region.kind == "lines":
        return [(region, path)]
    out = []
    for index, child in enumerate(region.children):
        out.extend(region_leaves(child, path + (index,) if region.kind == "columns" else path))
    return out
