"""Ruled tables in PDFs: found by pdfplumber's table finder, only on the pages that draw a grid.

pdfplumber's table finder is accurate on ruled tables, but pdfplumber reads a
page some 70 times slower than PyMuPDF, so pages are first screened with
PyMuPDF's vector drawings (a grid needs many horizontal and vertical rules) and
the table finder is given the rules of those pages as explicit edges, read from
the same drawings (`ruled_page`): pdfplumber parses no page content. Cell text
is taken from PyMuPDF's spans inside each cell box, so that superscripts and
icons are read the same way as everywhere else. A table continued on the next
page is stitched into one, whether its header is printed again (dropped) or
not (the columns line up with the last part's); a header row is told by its
content (`headers`). Columns empty in every row of a table (spacers) are
dropped; a merged cell's text is in the first of the columns it spans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from math import isfinite

from .headers import cell_kind, header_count
from .hyphenation import join
from .model import Line, Span
from .settings import LayoutSettings
from .spans import line_text


@dataclass
class TableRegion:
    page: int  # 1-based
    bbox: tuple[float, float, float, float]
    rows: list[list[str]] = field(default_factory=list)
    row_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    #: The x-extents of the columns, left to right (empty when unknown).
    columns: list[tuple[float, float]] = field(default_factory=list)
    #: How many leading rows are header rows (`headers.header_count`); None: not yet read.
    header_rows: int | None = None

    def headers(self) -> int:
        if self.header_rows is None:
            self.header_rows = header_count(self.rows)
        return self.header_rows


def has_ruled_grid(drawings: list[dict], settings: LayoutSettings, *, continued: bool = False) -> bool:
    """Whether a page's vector drawings (PyMuPDF `page.get_cdrawings()`) hold enough straight rules for a ruled table.

    `continued`: the previous page holds a table, so a few rows (two rules) may be its end.
    """
    straight, thin = settings.rule_straightness_pt, settings.rule_thickness_pt
    needed = settings.grid_min_horizontal_continued if continued else settings.grid_min_horizontal
    horizontal: set[int] = set()
    vertical: set[int] = set()
    for path in drawings:
        for item in path.get("items", ()):
            kind = item[0]
            if kind == "l":
                p, q = item[1], item[2]
                if abs(p[1] - q[1]) < straight:
                    horizontal.add(round(p[1]))
                elif abs(p[0] - q[0]) < straight:
                    vertical.add(round(p[0]))
            elif kind == "re":
                r = item[1]
                x0, y0, x1, y1 = r[0], r[1], r[2], r[3]
                if abs(y1 - y0) < thin:
                    horizontal.add(round(y0))
                elif abs(x1 - x0) < thin:
                    vertical.add(round(x0))
                else:
                    horizontal.update((round(y0), round(y1)))
                    vertical.update((round(x0), round(x1)))
        if len(vertical) >= settings.grid_min_vertical and len(horizontal) >= needed:
            return True  # enough rules already: the rest of a table page's drawings need no reading
    return len(vertical) >= settings.grid_min_vertical and len(horizontal) >= needed


#: An edge as pdfplumber's table finder reads it: a dict of its kind ("object_type"), orientation and
#: extent, its length as "height" (vertical) or "width" (horizontal) and its breadth left out, as in the
#: edges pdfplumber makes itself of explicit lines given as positions.
Edge = dict


@dataclass
class RuledPage:
    """The straight rules of one page, as the edges pdfplumber's table finder works on (`Edge`, some 500
    on a ruled page). It stands for the page in pdfplumber's `TableFinder`: given explicit edges on both
    axes, the finder reads nothing of a page but its box."""

    width: float
    height: float
    vertical: list[Edge]
    horizontal: list[Edge]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)


def _subpaths(items) -> list[tuple[str, list[tuple[float, float]]]]:
    """(operators, points) of each subpath drawn by lines, rectangles and quads, curves left out.

    Lines that continue from the previous point extend its subpath ("m l l l"), as
    in a PDF content stream; a rectangle is closed ("m l l l h"), a quad drawn as
    four lines back to its first corner ("m l l l l"). A rectangle whose corners
    come swapped is taken as PyMuPDF's `Rect` takes it: with no extent that way.
    """
    subpaths: list[tuple[str, list[tuple[float, float]]]] = []
    last = None
    for item in items:
        kind = item[0]
        if kind == "l":
            p, q = tuple(item[1]), tuple(item[2])
            if last != p:
                subpaths.append(("m", [p]))
            operators, points = subpaths[-1]
            subpaths[-1] = (operators + "l", points + [q])
            last = q
        elif kind == "re":
            x0, top, right, y1 = item[1]
            # drawn from the bottom-left corner, with `Rect`'s width and height (never negative)
            x1, y0 = x0 + max(right - x0, 0.0), y1 - max(y1 - top, 0.0)
            subpaths.append(("mlllh", [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]))
            last = (x0, y0)
        elif kind == "qu":
            ul, ur, ll, lr = (tuple(p) for p in item[1])
            subpaths.append(("mllll", [ul, ll, lr, ur, ul]))
            last = ul
    return subpaths


def _edge(kind: str, orientation: str, x0: float, top: float, x1: float, bottom: float, width: float, height: float) -> Edge:
    """An edge as pdfplumber's table finder reads it (`Edge`): its kind, orientation, extent and length."""
    if orientation == "v":
        return {"object_type": kind, "orientation": "v", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "height": height}
    return {"object_type": kind, "orientation": "h", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": width}


def _rect_edges(rect) -> list[Edge]:
    """The edges of a rectangle alone in its path, as `ruled_page` makes them of its subpath (`_subpaths`),
    its corners finite: the min and max of its points written out, each the first of equals as `min`
    and `max` take it (a -0.0 stays where it was)."""
    x0, top, right, y1 = rect
    x1, y0 = x0 + max(right - x0, 0.0), y1 - max(y1 - top, 0.0)  # so x1 >= x0 and y0 <= y1
    # points (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)
    x1 = x1 if x1 > x0 else x0
    top, bottom = y0, (y1 if y1 > y0 else y0)
    width, height = x1 - x0, bottom - top
    # the edges written as `_edge` makes them (speed: four calls fewer a cell)
    edges: list[Edge] = []
    if width >= 1:
        edges += (
            {"object_type": "rect_edge", "orientation": "h", "x0": x0, "x1": x1, "top": top, "bottom": top, "width": width},
            {"object_type": "rect_edge", "orientation": "h", "x0": x0, "x1": x1, "top": top + height, "bottom": bottom, "width": width},
        )
    if height >= 1:
        edges += (
            {"object_type": "rect_edge", "orientation": "v", "x0": x0, "x1": x0, "top": top, "bottom": bottom, "height": height},
            {"object_type": "rect_edge", "orientation": "v", "x0": x1, "x1": x1, "top": top, "bottom": bottom, "height": height},
        )
    return edges


def _is_rectangle(points: list[tuple[float, float]]) -> bool:
    """Five points, back to the first, along the axes: a rectangle for pdfminer."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), end = points
    along_axes = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
    return end == points[0] and along_axes


def ruled_page(page, drawings: list[dict]) -> RuledPage:
    """A page's rules as pdfplumber edges, read from PyMuPDF's drawings (top-left origin, points).

    pdfplumber reads rules by parsing the page's content with pdfminer, some ten
    times the cost of everything else on a table page; the drawings PyMuPDF has
    already read give the same rules. Each subpath becomes the object pdfminer
    makes of it (a line, a rectangle: a closed four-corner axis-aligned path, or
    else a curve), and its edges are those pdfplumber's `line_to_edge`,
    `rect_to_edges` and `curve_to_edges` make of it, in its order (lines,
    rectangles, curves) and with its pre-filter (at least 1 pt long, applied before
    an edge is made); an edge holds only what the table finder reads (`_edge`).
    """
    lines: list[Edge] = []
    rects: list[Edge] = []
    curves: list[Edge] = []
    for path in drawings:
        items = path.get("items", ())
        if len(items) == 1 and items[0][0] == "re" and all(map(isfinite, items[0][1])):
            rects += _rect_edges(items[0][1])  # speed: a path of one rectangle (a table's cells, one by one)
            continue
        for operators, points in _subpaths(items):
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
            width, height = x1 - x0, bottom - top
            if operators == "ml":
                orientation = "h" if top == bottom else "v"
                if (width if orientation == "h" else height) >= 1:
                    lines.append(_edge("line", orientation, x0, top, x1, bottom, width, height))
            elif operators in ("mlllh", "mllll") and _is_rectangle(points):
                if width >= 1:
                    rects += (_edge("rect_edge", "h", x0, top, x1, top, width, 0), _edge("rect_edge", "h", x0, top + height, x1, bottom, width, 0))
                if height >= 1:
                    rects += (_edge("rect_edge", "v", x0, top, x0, bottom, 0, height), _edge("rect_edge", "v", x1, top, x1, bottom, 0, height))
            else:
                for (a, b), (c, d) in zip(points, points[1:]):  # the straight pieces of a curve
                    if a == c and abs(b - d) >= 1:
                        curves.append(_edge("curve_edge", "v", a, min(b, d), a, max(b, d), abs(a - c), abs(b - d)))
                    elif a != c and b == d and abs(a - c) >= 1:
                        curves.append(_edge("curve_edge", "h", min(a, c), b, max(a, c), b, abs(a - c), abs(b - d)))
    edges = lines + rects + curves
    return RuledPage(
        width=page.rect.width,
        height=page.rect.height,
        vertical=[e for e in edges if e["orientation"] == "v"],
        horizontal=[e for e in edges if e["orientation"] == "h"],
    )


def _cell_text(lines: list[Line], box: tuple[float, float, float, float], vocabulary: set[str], settings: LayoutSettings) -> str:
    e = settings.cell_slack_pt
    left, top, right, bottom = box[0] - e, box[1] - e, box[2] + e, box[3] + e  # the cell, with its slack
    parts: list[str] = []
    for line in lines:
        if line.y1 < top or line.y0 > bottom or line.x1 < left or line.x0 > right:
            continue  # a line's spans lie within its box: none of them is centred in the cell
        spans: list[Span] = [s for s in line.spans if left <= (s.bbox[0] + s.bbox[2]) / 2 <= right and top <= (s.bbox[1] + s.bbox[3]) / 2 <= bottom]
        if not spans:
            continue
        piece = Line(line.page, spans, line.bbox, line.size)
        text = line_text(piece, settings, gap_marker=False).strip()
        if text:
            parts.append(text)
    out = ""
    for part in parts:
        out = join(out, part, vocabulary) if out else part
    return out


def find_tables(
    rules: list[RuledPage], pages: list[int], lines_by_page: dict[int, list[Line]], vocabulary: set[str], settings: LayoutSettings
) -> list[TableRegion]:
    """Tables on the given 1-based pages (`rules`: their rules, in that order), cells read from PyMuPDF lines.

    pdfplumber's table finder (edges snapped and joined, intersections, cells,
    tables) runs on each page's rules given as explicit edges, so that pdfplumber
    parses no page content at all: no PDF is opened for it.
    """
    if not pages:
        return []
    from pdfplumber.table import TableFinder

    regions: list[TableRegion] = []
    for number, ruled in zip(pages, rules):
        if len(ruled.vertical) < 2 or len(ruled.horizontal) < 2:
            continue  # no cell can be closed (and pdfplumber refuses fewer than two explicit lines)
        finder = {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": ruled.vertical,
            "explicit_horizontal_lines": ruled.horizontal,
        }
        lines = _ByHeight(lines_by_page.get(number, []))
        for table in TableFinder(ruled, finder).tables:
            region = TableRegion(number, tuple(table.bbox))  # type: ignore[arg-type]
            rows = table.rows  # a property, made again at each reading
            for row in rows:
                top, bottom = row.bbox[1], row.bbox[3]
                e = settings.cell_slack_pt
                row_lines = lines.reaching(top - e, bottom + e)
                for box, band in _unruled_rows(row, row_lines, settings):
                    cells = [_cell_text(band, cell, vocabulary, settings) if cell is not None else "" for cell in row.cells]
                    if any(cells):
                        region.rows.append(cells)
                        region.row_boxes.append(box)
            if region.rows:
                region.columns = _column_extents(rows)
                regions.append(region)
    return regions


class _ByHeight:
    """A page's lines looked up by height (tops sorted once), each lookup answered in the page's order."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.order = sorted(range(len(lines)), key=lambda i: lines[i].y0)
        self.tops = [lines[i].y0 for i in self.order]
        # a line reaching down to a height starts at most this far above it (a point wider for rounding)
        self.reach = max((line.y1 - line.y0 for line in lines), default=0.0) + 1.0

    def reaching(self, top: float, bottom: float) -> list[Line]:
        """The lines reaching into the band from `top` to `bottom` (bottom edge at or below top, top edge
        at or above bottom), in the page's order."""
        lines = self.lines
        near = self.order[bisect_left(self.tops, top - self.reach) : bisect_right(self.tops, bottom)]
        return [lines[i] for i in sorted(near) if lines[i].y1 >= top and lines[i].y0 <= bottom]


def _unruled_rows(row, lines: list[Line], settings: LayoutSettings) -> list[tuple[tuple[float, float, float, float], list[Line]]]:
    """The table rows inside one ruled row: itself, or, in a partly ruled table (a rule under the header,
    a box around the body), each visual row whose cells stand side by side. A ruled row is several rows
    when at least `borderless_min_rows` of its visual rows have lines in two cells or more, and a value
    (wrapped cells of one row hold words on their later lines)."""
    from .borderless import lines_to_rows

    whole = [(tuple(row.bbox), lines)]
    boxes = [cell for cell in row.cells if cell is not None]
    inside = [l for l in lines if row.bbox[1] <= (l.y0 + l.y1) / 2 <= row.bbox[3]]
    if len(boxes) < 2 or len(inside) < 2 * settings.borderless_min_rows:
        return whole  # type: ignore[return-value]
    bands = lines_to_rows(inside, settings)
    if len(bands) < settings.borderless_min_rows:
        return whole  # type: ignore[return-value]  # too few visual rows for enough side by side (below)

    def cells_hit(band: list[Line]) -> int:
        return sum(1 for b in boxes if any(b[0] <= (l.x0 + l.x1) / 2 <= b[2] for l in band))

    side_by_side = [band for band in bands if cells_hit(band) >= 2 and any(cell_kind(l.text) == "value" for l in band)]
    if len(side_by_side) < settings.borderless_min_rows or len(side_by_side) < len(bands) // 2 + 1:
        return whole  # type: ignore[return-value]
    rows: list[list[Line]] = []
    for band in bands:
        if rows and cells_hit(band) < 2 and not any(cell_kind(l.text) == "value" for l in band):
            rows[-1] = rows[-1] + band  # a wrapped cell's next line
        else:
            rows.append(band)
    x0, x1 = row.bbox[0], row.bbox[2]
    return [((x0, min(l.y0 for l in band), x1, max(l.y1 for l in band)), band) for band in rows]


def _column_extents(rows) -> list[tuple[float, float]]:
    """Each column's x-extent over the cells pdfplumber closed in it (a merged cell counts for its first column)."""
    width = max(len(row.cells) for row in rows)
    out = []
    for i in range(width):
        boxes = [row.cells[i] for row in rows if i < len(row.cells) and row.cells[i] is not None]
        out.append((min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else (0.0, 0.0))
    return out


def _aligned(a: TableRegion, b: TableRegion, settings: LayoutSettings) -> bool:
    """Whether two parts' columns start at the same places (within `table_continued_align_em`)."""
    if not a.columns or not b.columns or len(a.columns) != len(b.columns):
        return len(a.rows[0]) == len(b.rows[0])
    slack = settings.table_continued_align_em * settings.body_reference_pt
    return all(abs(x[0] - y[0]) <= slack for x, y in zip(a.columns, b.columns))


def continues(region: TableRegion, parts: list[TableRegion], settings: LayoutSettings) -> bool:
    """Whether `region` continues the table made of `parts`: on the next page, with the same columns,
    under the same header printed again or under none (then its columns line up with the last part's)."""
    first, last = parts[0], parts[-1]
    if region.page != last.page + 1 or len(region.rows[0]) != len(first.rows[0]):
        return False
    heads = region.headers()
    if heads:
        return region.rows[:heads] == first.rows[: first.headers()]
    return _aligned(region, last, settings)


def _widened(region: TableRegion, first: TableRegion, settings: LayoutSettings) -> TableRegion | None:
    """The part with the columns of the table's first part, when it has fewer because some are empty
    on its page (the mission column of rows all under one mission): each of its columns in the one of
    the first part's that it stands in, left to right; None when its columns do not fit so."""
    if not region.columns or not first.columns or len(region.columns) >= len(first.columns) or len(region.rows[0]) != len(region.columns):
        return None
    slack = settings.table_continued_align_em * settings.body_reference_pt
    places: list[int] = []
    for x0, x1 in region.columns:
        inside = [k for k, (a, b) in enumerate(first.columns) if a - slack <= x0 and x1 <= b + slack]
        if len(inside) != 1 or (places and inside[0] <= places[-1]):
            return None
        places.append(inside[0])
    width = len(first.rows[0])
    rows = []
    for row in region.rows:
        out = [""] * width
        for place, cell in zip(places, row):
            out[place] = cell
        rows.append(out)
    widened = TableRegion(region.page, region.bbox, rows, list(region.row_boxes), list(first.columns))
    widened.header_rows = header_count(rows) if region.header_rows is None else region.header_rows
    return widened


def stitch(regions: list[TableRegion], settings: LayoutSettings) -> list[list[TableRegion]]:
    """Consecutive regions of one table (same columns, the next one on a later page) grouped together."""
    tables: list[list[TableRegion]] = []
    for region in regions:
        if tables and continues(region, tables[-1], settings):
            tables[-1].append(region)
            continue
        # a part with fewer columns, some of the table's being empty on its page, in the table's columns
        widened = _widened(region, tables[-1][0], settings) if tables else None
        if widened is not None and continues(widened, tables[-1], settings):
            region.rows, region.columns, region.header_rows = widened.rows, widened.columns, widened.header_rows
            tables[-1].append(region)
            continue
        tables.append([region])
    # a lone row in a box is no table, nor are lone rows one a page: shaded bands of a striped table
    # (every other row filled) at the foot of one page and the head of the next meet there
    return [parts for parts in tables if sum(len(p.rows) for p in parts) >= settings.table_min_rows and any(len(p.rows) > 1 for p in parts)]


#: A cell's text ends a sentence there: what follows on the next page starts a row of its own.
_SENTENCE_END = (".", "!", "?", "…", ":", ";")


def continues_text(before: str, after: str) -> bool:
    """Whether `after` reads as the rest of the text `before`: words starting lower-case or with an
    acronym (a word of capitals: "… de l'indicateur européen" / "DESI"), `before` ending mid-sentence."""
    before, after = before.rstrip(), after.lstrip()
    start = next((c for c in after if c.isalnum()), "")
    first_word = after.split(None, 1)[0].strip("()«»\"',.;:") if after else ""
    acronym = len(first_word) >= 2 and first_word.isalpha() and first_word.isupper()
    return (
        bool(before)
        and cell_kind(after) == "words"
        and start.isalpha()
        and (start.islower() or acronym)
        and not before.endswith(_SENTENCE_END)
    )


def continues_row(last: list[str], first: list[str]) -> bool:
    """Whether `first`, the first row of a table's part on the next page, holds only the rest of `last`,
    the row the page break cut (a row may break across pages): every cell of `first` either continues
    the text of `last`'s cell (`continues_text`) or fills a cell `last` left empty, and `last` was
    incomplete: a cell's text ran on, or a value cell left empty is filled with a value. A cell holding
    text in both that does not run on (a new label, a second value) makes `first` a row of its own."""
    if len(first) != len(last) or not any(c.strip() for c in first):
        return False
    runs_on = fills_value = False
    for before, after in zip(last, first):
        if not after.strip():
            continue
        if not before.strip():
            fills_value = fills_value or cell_kind(after) == "value"
        elif continues_text(before, after):
            runs_on = True
        else:
            return False
    return runs_on or fills_value


def merge_row(last: list[str], first: list[str], vocabulary: set[str] | None = None) -> list[str]:
    """The cells of a row cut by a page break, its two halves joined cell by cell."""
    return [join(a, b, vocabulary or set()) if a and b else a or b for a, b in zip(last, first)]


def table_rows(parts: list[TableRegion]) -> list[tuple[list[str], TableRegion, int]]:
    """Rows of a stitched table with their region and row index: repeated header rows dropped,
    a row the page break cut read once (`continues_row`: its rest on the next page joins it; its
    place stays where it starts), and the columns empty in every row (spacers)."""
    rows: list[tuple[list[str], TableRegion, int]] = []
    for index_part, part in enumerate(parts):
        skip = part.headers() if index_part > 0 else 0
        for index, row in enumerate(part.rows):
            if index < skip:
                continue
            if index == skip and index_part > 0 and rows:
                last, last_part, last_index = rows[-1]
                if last_part is parts[index_part - 1] and last_index >= last_part.headers() and continues_row(last, row):
                    rows[-1] = (merge_row(last, row), last_part, last_index)
                    continue
            rows.append((row, part, index))
    width = max(len(row) for row, _, _ in rows)
    kept = [i for i in range(width) if any(i < len(row) and row[i].strip() for row, _, _ in rows)]
    if len(kept) == width:
        return rows
    return [([row[i] if i < len(row) else "" for i in kept], part, index) for row, part, index in rows]
