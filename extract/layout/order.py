"""A page's visual lines -> the same lines in reading order, tagged with column, band and column edges.

    order_page(lines, width, settings) -> [Line]

The page is cut at its whitespace first (`xycut`): rows top to bottom, a band
of rows sharing a vertical gutter cut into columns read left to right (a side
panel after its main cell). A gutter makes columns when the lines on its
right side run beside lines on its left side (`columns_beside`: a status
printed under a step, pushed right, is not a column) and the two sides do not
start their paragraphs level row by row (`rows_of_cells`: a table, items with
their deadlines). The root's rows are bands; in a band, columns are numbered
from 1 in reading order, full-width rows are column 0.

A page whose whitespace holds no gutter is read by `order_by_gutter`: a
gutter near the middle crossed by few lines, the lines crossing it (titles,
leads set tight above the columns) cutting the page into bands, a column
holding a clean gutter of its own (a three-column page) split again.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate
from operator import eq

from .model import Line, line_x0, line_x1, line_y0, line_y1
from .settings import LayoutSettings


def _gutter(lines: list[Line], width: float, settings: LayoutSettings, lo: float = 0.0) -> float | None:
    """The x of a column gutter between lo and lo + width, or None for one column."""
    s = settings
    if len(lines) < s.gutter_min_lines or not _sides_may_fill(lines, s):
        return None
    clear = s.gutter_clearance_pt
    candidates = [lo + x for x in _steps(width * s.gutter_from_share, width * s.gutter_to_share + 1e-9, max(width / s.gutter_steps, s.gutter_step_min_pt))]
    if not candidates:
        return None
    crossing = _crossings(lines, candidates, clear)
    # fewest lines crossed, then nearest the middle of the page (the first such candidate)
    middle = lo + width / 2
    best = min(range(len(candidates)), key=lambda k: (crossing[k], abs(candidates[k] - middle)))
    cross, gx = crossing[best], candidates[best]
    left = [l for l in lines if l.x1 <= gx + clear]
    right = [l for l in lines if l.x0 >= gx - clear]
    if len(left) < s.gutter_min_side_lines or len(right) < s.gutter_min_side_lines or cross > s.gutter_max_crossing_share * len(lines):
        return None
    if not columns_beside(lines, left, right, cross, s) or rows_of_cells(left, right, s):
        return None
    # centre the gutter in the white space between the columns
    return (max(map(line_x1, left)) + min(map(line_x0, right))) / 2


def _steps(start: float, stop: float, step: float) -> list[float]:
    """`numpy.arange(start, stop, step)`, value for value: start + i * ((start + step) - start)."""
    count = math.ceil((stop - start) / step) if stop > start and step > 0 else 0
    delta = (start + step) - start
    return [start + i * delta for i in range(count)]


def _crossings(lines: list[Line], candidates: list[float], clear: float) -> list[int]:
    """For each candidate gutter x (ascending), the lines crossing it: x0 < x - clear and x1 > x + clear.
    A line crosses a run of candidates, found by bisection, so the count is one pass over the lines."""
    below = [x - clear for x in candidates]
    above = [x + clear for x in candidates]
    starts = [0] * (len(candidates) + 1)
    for line in lines:
        first = bisect_right(below, line.x0)  # x0 < x - clear from here on (never for a NaN)
        last = bisect_left(above, line.x1)  # x1 > x + clear before here (never for a NaN)
        if first < last:
            starts[first] += 1
            starts[last] -= 1
    return list(accumulate(starts))[:-1]


def _sides_may_fill(lines: list[Line], settings: LayoutSettings) -> bool:
    """False when no gutter can have `gutter_min_side_lines` (m) lines on each side (`_gutter`): a
    cheap test before the candidates are tried.

    A line is left of a gutter at gx when it ends by gx + clear, right of it when it starts from
    gx - clear (`gutter_clearance_pt`): m lines on each side put the m-th least right end A by
    gx + clear and the m-th greatest left end B from gx - clear, so A - B is at most 2 clear, up to
    the rounding of those two sums (some 1e-16 of A, B and clear: the margin of 1e-9 below holds
    it). Ends that are not numbers fall outside the argument: they are said to possibly fill."""
    m = settings.gutter_min_side_lines
    if m < 1:
        return True
    if len(lines) < m:
        return False
    clear = abs(settings.gutter_clearance_pt)
    ends = sorted(map(line_x1, lines))
    starts = sorted(map(line_x0, lines), reverse=True)
    a, b = ends[m - 1], starts[m - 1]
    if a - b <= 2 * clear + 1e-9 * (abs(a) + abs(b) + clear):
        return True
    return not (all(map(eq, ends, ends)) and all(map(eq, starts, starts)))  # a NaN is not equal to itself


def columns_beside(lines: list[Line], left: list[Line], right: list[Line], cross: int, settings: LayoutSettings) -> bool:
    """The lines right of a gutter run beside those left of it as a column (not under them, like
    statuses), or both sides are lists of short entries in different rhythms (a chart)."""
    s = settings
    if len(left) < s.gutter_min_side_lines or len(right) < s.gutter_min_side_lines:
        return False
    # where both sides hold text, the right side must run beside the left one (not under it, like a status)
    top, bottom = max(min(map(line_y0, left)), min(map(line_y0, right))), min(max(map(line_y1, left)), max(map(line_y1, right)))
    facing = [r for r in right if top <= (r.y0 + r.y1) / 2 <= bottom]
    # a right line runs beside the left column when a left line sits at about its height;
    # a status printed under its step is a full line lower than any left line
    by_top = _ByTop(left, s.beside_overlap_share)
    beside = sum(1 for r in facing if by_top.level_with_any(r))
    if len(facing) < s.gutter_min_beside_lines or beside < s.gutter_min_beside_lines or beside < s.gutter_min_beside_share * len(facing):
        # lists of short entries on both sides, in different rhythms (a chart): still columns when
        # hardly any line crosses the gutter and the right side holds paragraphs of its own,
        # not statuses set in italics under the steps of the left side
        blocks = Counter(r.block for r in right)
        paragraphs = sum(1 for n in blocks.values() if n >= 2)
        italic = sum(1 for r in right if all(sp.italic for sp in r.spans))
        clean = cross <= s.gutter_chart_crossing_share * len(lines) and len(left) >= s.gutter_chart_min_side_lines and len(right) >= s.gutter_chart_min_side_lines
        if not (clean and paragraphs >= s.gutter_chart_min_paragraphs and italic < s.gutter_chart_italic_share * len(right)):
            return False
    return True


def _level_with_any(line: Line, others: list[Line], share: float) -> bool:
    """Whether some line of `others` overlaps `line` in height by more than `share` of the lower of
    the two heights (a line or height that is not a number overlaps nothing)."""
    y0, y1 = line.y0, line.y1
    height = y1 - y0
    if height != height:
        return False
    for other in others:
        h = other.y1 - other.y0
        if h != h:
            continue
        if min(other.y1, y1) - max(other.y0, y0) > share * min(h, height):
            return True
    return False


class _ByTop:
    """Lines sorted by their tops, for the ones that may overlap a given line in height (`_level_with_any`
    over those alone). Only where every height is a finite number, none negative, and the share is not
    negative: an overlap must then be positive, so a line starts below the given one's bottom, no more
    than the tallest height (and a point, for rounding) above its top. Elsewhere every line is tried."""

    def __init__(self, lines: list[Line], share: float) -> None:
        heights = [l.y1 - l.y0 for l in lines]
        self.lines = lines
        self.windowed = share >= 0 and all(0 <= h < math.inf for h in heights) and all(math.isfinite(l.y0) for l in lines)
        if self.windowed:
            self.sorted = sorted(lines, key=line_y0)
            self.tops = [l.y0 for l in self.sorted]
            self.reach = max(heights, default=0.0) + 1.0
        self.share = share

    def level_with_any(self, line: Line) -> bool:
        if not self.windowed or not (math.isfinite(line.y0) and math.isfinite(line.y1)):
            return _level_with_any(line, self.lines, self.share)
        near = self.sorted[bisect_left(self.tops, line.y0 - self.reach) : bisect_left(self.tops, line.y1)]
        return _level_with_any(line, near, self.share)


def rows_of_cells(left: list[Line], right: list[Line], settings: LayoutSettings) -> bool:
    """The two sides start their paragraphs level, row by row: a table's cells, or items and their
    deadlines, which are read across, not down. Rows are the heights where paragraphs start (MuPDF
    blocks), on each side; they are level within `xycut_row_level_em` font sizes."""

    em = settings.xycut_row_level_em

    def rows(lines: list[Line]) -> list[tuple[float, float]]:
        first: dict[int, Line] = {}
        for line in lines:
            held = first.get(line.block)
            if held is None or line.y0 < held.y0:
                first[line.block] = line
        out: list[tuple[float, float]] = []
        for line in sorted(first.values(), key=line_y0):
            if not out or line.y0 - out[-1][0] > em * line.size:
                out.append((line.y0, line.size))
        return out

    left_rows, right_rows = rows(left), rows(right)
    # a right row is level with a left one near its height: the left rows (top down) are looked up
    # between the heights the tallest of them could be level at, a point wider for rounding
    tops = [y for y, _ in left_rows]
    tallest = max((size for _, size in left_rows), default=0.0)
    level = 0
    for y, size in right_rows:
        reach = em * max(size, tallest) + 1
        near = left_rows[bisect_left(tops, y - reach) : bisect_right(tops, y + reach)]
        if any(abs(y - ly) <= em * max(size, ls) for ly, ls in near):
            level += 1
    return level >= settings.xycut_row_min_cells and level >= settings.xycut_row_cell_share * max(len(left_rows), len(right_rows))


def base_left(lines: list[Line], settings: LayoutSettings) -> float:
    """A column's left edge: the leftmost start shared by many of its lines (a stray outdent aside)."""
    if not lines:
        return 0.0
    counts = Counter([round(l.x0) for l in lines])
    top = max(counts.values())
    if top < 2:
        return float(min(counts))
    shared = max(2, top * settings.base_left_share)
    return float(min(x for x, n in counts.items() if n >= shared))


def right_edge(lines: list[Line], width: float, settings: LayoutSettings) -> float:
    """Where the lines of a column end when full: a high percentile of their right ends (a stray title aside)."""
    if not lines:
        return width
    ends = sorted(map(line_x1, lines))
    return ends[min(len(ends) - 1, int(len(ends) * settings.right_edge_percentile))]


def _reading_key(line: Line) -> tuple[float, float]:
    """Top to bottom, left to right on a level (tops rounded to a tenth of a point)."""
    return (round(line.y0, 1), line.x0)


def order_page(lines: list[Line], width: float, settings: LayoutSettings) -> list[Line]:
    """A page's lines in reading order, each tagged with its column, band and column edges.

    Column 0 is a one-column page or a full-width band; columns 1, 2, … run in reading order
    within a band (`xycut`: rows top to bottom, columns left to right, a side panel after its main
    cell). A page whose whitespace holds no column gutter is read by `order_by_gutter`, which
    allows a few lines to cross a gutter (a title set tight above two columns).
    """
    from .xycut import has_columns, lines_to_regions, may_hold_columns

    lines = sorted(lines, key=_reading_key)
    if not lines:
        return lines
    if not may_hold_columns(lines, settings):
        return order_by_gutter(lines, width, settings)  # what a tree without columns leads to
    root = lines_to_regions(lines, settings)
    top = root.children if root.kind == "rows" else [root]
    columnar = [has_columns(child) for child in top]
    if not any(columnar):
        return order_by_gutter(lines, width, settings)
    # full-width rows span the whole tree, which holds the page's lines
    return _order_tree(top, columnar, settings, width, min(map(line_x0, lines)), max(map(line_x1, lines)))


def _order_tree(top: list, columnar: list[bool], settings: LayoutSettings, width: float, full_left: float, full_right: float) -> list[Line]:
    """The lines of a region tree in reading order, tagged: the root's rows (`top`) are bands, one
    for each row cut into columns (`columnar`) and one for each run of full-width rows; in a band,
    each column path (the side of each cut a leaf lies on) is a column, numbered from 1 in reading
    order. Full-width rows take the tree's edges, full_left and full_right."""
    from .xycut import region_leaves

    ordered: list[Line] = []
    band, previous = 0, None
    for child, in_columns in zip(top, columnar):
        if previous is not None and (in_columns or previous):
            band += 1
        previous = in_columns
        if not in_columns:
            for leaf, _ in region_leaves(child):
                for line in sorted(leaf.lines, key=_reading_key):
                    line.column, line.band, line.base_left, line.col_right = 0, band, full_left, full_right
                    ordered.append(line)
            continue
        numbers: dict[tuple[int, ...], int] = {}
        for leaf, path in region_leaves(child):
            column = numbers.setdefault(path, len(numbers) + 1)
            for line in sorted(leaf.lines, key=_reading_key):
                line.column, line.band = column, band
                ordered.append(line)
    _column_edges([l for l in ordered if l.column], width, settings)
    return ordered


def order_by_gutter(lines: list[Line], width: float, settings: LayoutSettings) -> list[Line]:
    """Lines in reading order at the gutter fewest lines cross (`_gutter`), lines crossing it making
    full-width bands; one column when there is none. The lines come sorted top to bottom, left to
    right on a level (`order_page`)."""
    gx = _gutter(lines, width, settings)
    if gx is None:
        left = base_left(lines, settings)
        right = right_edge(lines, width, settings)
        for line in lines:
            line.column, line.band, line.base_left, line.col_right = 0, 0, left, right
        return lines
    ordered: list[Line] = []
    band = 0
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            _order_columns(pending, gx, 1, band, ordered, settings)
            pending.clear()

    clear = settings.gutter_clearance_pt
    full_left = min(map(line_x0, lines))
    full_right = max(map(line_x1, lines))
    # a paragraph that crosses the gutter is full width, short last lines included
    spanning = {l.block for l in lines if l.x0 < gx - clear and l.x1 > gx + clear}
    in_span = False
    for line in lines:
        if line.block in spanning:
            if not in_span:
                flush()
                band += 1
                in_span = True
            line.column, line.band, line.base_left, line.col_right = 0, band, full_left, full_right
            ordered.append(line)
        else:
            if in_span:
                band += 1
                in_span = False
            pending.append(line)
    flush()
    _column_edges([l for l in ordered if l.column], width, settings)
    return ordered


def _order_columns(lines: list[Line], gx: float, first: int, band: int, ordered: list[Line], settings: LayoutSettings) -> int:
    """Left side then right side of a gutter, each split again at a clean gutter of its own; next free column id."""
    clear = settings.gutter_clearance_pt
    for side in ([l for l in lines if l.x1 <= gx + clear], [l for l in lines if l.x1 > gx + clear]):
        if not side:
            continue
        lo = min(map(line_x0, side))
        inner = _gutter(side, max(map(line_x1, side)) - lo, settings, lo) if len(side) >= settings.inner_gutter_min_lines else None
        if inner is not None and not any(l.x0 < inner - clear and l.x1 > inner + clear for l in side):
            first = _order_columns(side, inner, first, band, ordered, settings)
            continue
        for line in side:
            line.column, line.band = first, band
            ordered.append(line)
        first += 1
    return first


def _column_edges(lines: list[Line], width: float, settings: LayoutSettings) -> None:
    """Left edge and full-line right edge of each column; columns have equal widths, so the
    rightmost column's longest line (titles there never run wider) gives every column's width."""
    columns: dict[int, list[Line]] = {}
    for line in lines:
        members = columns.get(line.column)
        if members is None:
            columns[line.column] = [line]
        else:
            members.append(line)
    if not columns:
        return
    edges = {c: (base_left(ls, settings), right_edge(ls, width, settings)) for c, ls in columns.items()}
    last = max(columns)
    span = max(map(line_x1, columns[last])) - edges[last][0]
    for column, members in columns.items():
        left, right = edges[column]
        full = max(right, left + span)
        for line in members:
            line.base_left, line.col_right = left, full
