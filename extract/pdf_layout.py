"""Page layout of a PDF's text: spans -> visual lines -> reading order -> logical text lines.

The PDF reader does layout here and leaves meaning to the text conventions
(`editiondiff.extract.text`): a page's text is turned back into the lines a
careful human would type from the printed page, then read like any text.

* Visual lines: MuPDF's lines of spans (font, size, flags, bbox); duplicated
  glyphs drawn twice for fake bold are dropped; symbol-font codes become the
  icons they draw (`pdf_icons`); a raised, smaller span (superscript) is glued
  to the word before it ("1" + "er" -> "1er"), even when MuPDF put it on a line
  of its own.
* Running headers and footers: lines in the top or bottom band of the page
  whose position, size and text (digits aside) recur on other pages, and bare
  page numbers there. Text near the margins that does not recur is kept.
* Reading order: a page is two-column when a gutter near the middle is
  crossed by few lines and the lines on its right side run beside lines on
  its left side (a status printed under a step, pushed right, is not a
  column). Lines crossing the gutter (titles, leads) cut the page into bands;
  in each band the left column is read before the right one.
* Logical lines: lines of one paragraph (small vertical gap, same column) are
  joined with a space; a paragraph cut by a column or page break is joined
  back when its last line was full; a hyphen at the end of a wrapped line is
  dropped when the joined word occurs elsewhere in the document and kept
  otherwise ("Dites-le-" + "nous"); bullets become "- ", icons start lines;
  a paragraph indented from its column's left edge gets a leading space
  (an icon slot), and a short phrase pushed right under a list item is
  printed after it beyond a wide gap (a step and its status side by side).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .pdf_icons import BULLETS, icon_text

#: Icons that start a line of their own.
LINE_ICONS = ("📅", "□", "▣", "⬆", "✓", "➔", "→")
_STARTERS = tuple(BULLETS) + LINE_ICONS
#: Icons that may end a phrase ("Objectif atteint ✓") and so be pushed to the next line by wrapping.
_TRAILING_ICONS = "✓"


@dataclass
class Span:
    text: str
    font: str
    size: float
    bbox: tuple[float, float, float, float]
    sup: bool = False
    bold: bool = False
    italic: bool = False


@dataclass
class Line:
    page: int  # 1-based
    spans: list[Span]
    bbox: tuple[float, float, float, float]
    size: float
    text: str = ""
    column: int = 0  # 0 single/full width, 1 left, 2 right
    band: int = 0
    base_left: float = 0.0
    col_right: float = 0.0
    block: int = 0  # MuPDF's text block the line came from
    # read many times while paragraphs are formed: set with the line's text (`page_lines`)
    starts_new_line: bool = False  # it starts with a bullet or a line icon
    first_word_width: float = 0.0

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def y0(self) -> float:
        return self.bbox[1]

    @property
    def y1(self) -> float:
        return self.bbox[3]



@dataclass
class LogicalLine:
    text: str
    page: int
    bbox: tuple[float, float, float, float]
    bold: bool = False


@dataclass
class Group:
    lines: list[Line] = field(default_factory=list)


def _union(boxes) -> tuple[float, float, float, float]:
    """The smallest box holding all the given boxes (one pass: it is called for every line)."""
    iterator = iter(boxes)
    x0, y0, x1, y1 = next(iterator)
    for b in iterator:
        if b[0] < x0:
            x0 = b[0]
        if b[1] < y0:
            y0 = b[1]
        if b[2] > x1:
            x1 = b[2]
        if b[3] > y1:
            y1 = b[3]
    return (x0, y0, x1, y1)


# -- visual lines ----------------------------------------------------------------


def page_lines(page_dict: dict, page_number: int) -> list[Line]:
    """Visual lines of one page from `page.get_text("dict")`, superscripts merged."""
    lines: list[Line] = []
    seen: dict[str, list[tuple[float, float]]] = {}
    for block_number, block in enumerate(page_dict.get("blocks", ())):
        if block.get("type", 0) != 0:
            continue
        for raw in block.get("lines", ()):
            spans = []
            for s in raw.get("spans", ()):
                text = s.get("text", "")
                if not text:
                    continue
                bbox = tuple(s["bbox"])
                places = seen.setdefault(text.strip(), [])
                if places and _drawn_near(places, bbox[0], bbox[1]):
                    continue  # the same glyphs drawn again, slightly offset (fake bold, shadows)
                places.append((bbox[0], bbox[1]))
                font = s.get("font", "")
                flags = s.get("flags", 0)
                spans.append(
                    Span(
                        text=icon_text(font, text),
                        font=font,
                        size=float(s.get("size", 0.0)),
                        bbox=bbox,  # type: ignore[arg-type]
                        sup=bool(flags & 1),
                        italic=bool(flags & 2),
                        bold=bool(flags & 16) or "bold" in font.lower(),
                    )
                )
            if not any(s.text.strip() for s in spans):
                continue
            for piece in _split_at_gaps(spans):
                size = max(s.size for s in piece if not s.sup) if any(not s.sup for s in piece) else piece[0].size
                lines.append(Line(page_number, piece, _union(s.bbox for s in piece), size, block=block_number))
    _merge_raised(lines)
    for line in lines:
        line.text = line_text(line)
        line.starts_new_line = _starts_new_line(line.text)
        line.first_word_width = _first_word_width(line)
    return [line for line in lines if line.text.strip()]


def _drawn_near(places: list[tuple[float, float]], x: float, y: float) -> bool:
    """Whether one of the places lies within 1.5 pt of (x, y) both ways."""
    for px, py in places:
        if abs(px - x) < 1.5 and abs(py - y) < 1.5:
            return True
    return False


def _split_at_gaps(spans: list[Span]) -> list[list[Span]]:
    """MuPDF joins text on one baseline into a line even across a column gutter: cut it at wide gaps.

    One of the spans at least holds some text, so a single span is a line of its own.
    """
    if len(spans) == 1:
        return [spans]
    spans = sorted(spans, key=lambda s: s.bbox[0])
    pieces = [[spans[0]]]
    for span in spans[1:]:
        prev = pieces[-1][-1]
        size = max(prev.size, span.size)
        if span.bbox[0] - prev.bbox[2] > max(1.2 * size, 8.0) and not span.sup:
            pieces.append([span])
        else:
            pieces[-1].append(span)
    return [p for p in pieces if any(s.text.strip() for s in p)]


def _merge_raised(lines: list[Line]) -> None:
    """Glue a line made only of small raised text to the line it sits on (MuPDF sometimes splits them)."""
    i = 0
    while i < len(lines):
        small = lines[i]
        if len(small.spans) <= 2 and all(s.sup or s.size < 0.85 * small.size for s in small.spans):
            for other in lines:
                if other is small or other.size <= small.size * 1.1:
                    continue
                overlap = min(other.y1, small.y1) - max(other.y0, small.y0)
                if overlap > 0.3 * (small.y1 - small.y0) and -1.5 <= small.x0 - other.x1 <= 2.5 and small.y0 < other.y0 + 1:
                    for span in small.spans:
                        span.sup = True
                    other.spans.extend(small.spans)
                    other.bbox = _union([other.bbox, small.bbox])
                    del lines[i]
                    i -= 1
                    break
        i += 1


def _is_raised(span: Span, line: Line) -> bool:
    if span.sup:
        return True
    return span.size < 0.85 * line.size and span.bbox[3] < line.bbox[3] - 0.2 * line.size


def line_text(line: Line, *, gap_marker: bool = True) -> str:
    """A line's text: spans in x order, superscripts glued to their word, a wide gap as two spaces."""
    if len(line.spans) == 1:
        return line.spans[0].text.rstrip()  # nothing to glue to, no gap
    out = ""
    prev: Span | None = None
    for span in sorted(line.spans, key=lambda s: s.bbox[0]):
        text = span.text
        if _is_raised(span, line) and out.strip():
            out = out.rstrip() + text.strip()
            prev = span
            continue
        if prev is not None:
            gap = span.bbox[0] - prev.bbox[2]
            if gap_marker and gap > 2.5 * line.size:
                out = out.rstrip() + "  " + text.lstrip()
                prev = span
                continue
            if gap > 0.2 * line.size and not out.endswith(" ") and not text.startswith(" "):
                out += " "
        out += text
        prev = span
    return out.rstrip()


# -- running headers and footers --------------------------------------------------


_DIGITS = re.compile(r"\d+")
#: A bare page number in a margin band: "12", "- 12 -", "12 / 40".
_PAGE_NUMBER = re.compile(r"[-–—\s]*\d{1,4}[-–—\s]*(?:/\s*\d{1,4})?")
_WORD = re.compile(r"\w+")


def _band_key(line: Line, height: float, band: float) -> tuple | None:
    if line.y1 <= height * band:
        where = "top"
    elif line.y0 >= height * (1 - band):
        where = "bottom"
    else:
        return None
    return (where, round(line.y0 / 3), round(line.size))


def drop_running_lines(pages: list[list[Line]], heights: list[float], *, band: float = 0.075) -> list[list[Line]]:
    """Pages without their running headers, footers and page numbers."""
    positions: Counter = Counter()
    texts: Counter = Counter()
    # (line, its band key, its text with digits masked) of the lines in a band, per page
    banded: list[list[tuple[Line, tuple, str]]] = []
    for lines, height in zip(pages, heights):
        in_band = []
        for line in lines:
            key = _band_key(line, height, band)
            if key is not None:
                in_band.append((line, key, _DIGITS.sub("#", line.text.strip())))
        banded.append(in_band)
        positions.update({key for _, key, _ in in_band})
        texts.update({masked for _, _, masked in in_band})
    recurring = max(2, (len(pages) + 9) // 10)
    kept_pages = []
    for lines, in_band in zip(pages, banded):
        dropped = set()
        for line, key, masked in in_band:
            if _PAGE_NUMBER.fullmatch(line.text.strip()) or positions[key] >= recurring or texts[masked] >= recurring:
                dropped.add(id(line))
        kept_pages.append([line for line in lines if id(line) not in dropped] if dropped else list(lines))
    return kept_pages


# -- reading order ----------------------------------------------------------------


def _overlaps_y(a: Line, b: Line) -> bool:
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.3 * min(a.y1 - a.y0, b.y1 - b.y0)


def _gutter(lines: list[Line], width: float, lo: float = 0.0) -> float | None:
    """The x of a column gutter between lo and lo + width, or None for one column."""
    if len(lines) < 4:
        return None
    import numpy as np

    x0 = np.fromiter((l.x0 for l in lines), float, len(lines))
    x1 = np.fromiter((l.x1 for l in lines), float, len(lines))
    candidates = lo + np.arange(width * 0.3, width * 0.7 + 1e-9, max(width / 150, 2.0))
    crossing = ((x0[:, None] < candidates - 1) & (x1[:, None] > candidates + 1)).sum(axis=0)
    # fewest lines crossed, then nearest the middle of the page
    order = np.lexsort((np.abs(candidates - (lo + width / 2)), crossing))
    cross, gx = int(crossing[order[0]]), float(candidates[order[0]])
    left = [l for l in lines if l.x1 <= gx + 1]
    right = [l for l in lines if l.x0 >= gx - 1]
    if len(left) < 2 or len(right) < 2 or cross > 0.35 * len(lines):
        return None
    # where both sides hold text, the right side must run beside the left one (not under it, like a status)
    top, bottom = max(min(l.y0 for l in left), min(r.y0 for r in right)), min(max(l.y1 for l in left), max(r.y1 for r in right))
    facing = [r for r in right if top <= (r.y0 + r.y1) / 2 <= bottom]
    # a right line runs beside the left column when a left line sits at about its height (within
    # 0.6 line); a status printed under its step is a full line lower than any left line
    ly0 = np.fromiter((l.y0 for l in left), float, len(left))
    ly1 = np.fromiter((l.y1 for l in left), float, len(left))
    beside = 0
    for r in facing:
        overlap = np.minimum(ly1, r.y1) - np.maximum(ly0, r.y0)
        if (overlap > 0.3 * np.minimum(ly1 - ly0, r.y1 - r.y0)).any():
            beside += 1
    if len(facing) < 2 or beside < 2 or beside < 0.5 * len(facing):
        # lists of short entries on both sides, in different rhythms (a chart): still columns when
        # hardly any line crosses the gutter and the right side holds paragraphs of its own,
        # not statuses set in italics under the steps of the left side
        blocks = Counter(r.block for r in right)
        paragraphs = sum(1 for n in blocks.values() if n >= 2)
        italic = sum(1 for r in right if all(s.italic for s in r.spans))
        clean = cross <= 0.1 * len(lines) and len(left) >= 4 and len(right) >= 4
        if not (clean and paragraphs >= 2 and italic < 0.5 * len(right)):
            return None
    # centre the gutter in the white space between the columns
    return (max(l.x1 for l in left) + min(r.x0 for r in right)) / 2


def _base_left(lines: list[Line]) -> float:
    if not lines:
        return 0.0
    counts = Counter(round(l.x0) for l in lines)
    top = max(counts.values())
    return float(min(x for x, n in counts.items() if n >= max(2, top * 0.6)) if top >= 2 else min(counts))


def _right_edge(lines: list[Line], width: float) -> float:
    """Where the lines of a column end when full: a high percentile of their right ends (a stray title aside)."""
    if not lines:
        return width
    ends = sorted(l.x1 for l in lines)
    return ends[min(len(ends) - 1, int(len(ends) * 0.9))]


def order_page(lines: list[Line], width: float) -> list[Line]:
    """A page's lines in reading order, each tagged with its column, band and column edges.

    Column 0 is a one-column page or a full-width band; columns 1, 2, … run left to right
    (a column that holds a gutter of its own, as on a three-column page, is split again).
    """
    lines = sorted(lines, key=lambda l: (round(l.y0, 1), l.x0))
    if not lines:
        return lines
    gx = _gutter(lines, width)
    if gx is None:
        left = _base_left(lines)
        right = _right_edge(lines, width)
        for line in lines:
            line.column, line.band, line.base_left, line.col_right = 0, 0, left, right
        return lines
    ordered: list[Line] = []
    band = 0
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            _order_columns(pending, gx, 1, band, ordered)
            pending.clear()

    full_left = min(l.x0 for l in lines)
    full_right = max(l.x1 for l in lines)
    # a paragraph that crosses the gutter is full width, short last lines included
    spanning = {l.block for l in lines if l.x0 < gx - 1 and l.x1 > gx + 1}
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
    _column_edges([l for l in ordered if l.column], width)
    return ordered


def _order_columns(lines: list[Line], gx: float, first: int, band: int, ordered: list[Line]) -> int:
    """Left side then right side of a gutter, each split again at a clean gutter of its own; next free column id."""
    for side in ([l for l in lines if l.x1 <= gx + 1], [l for l in lines if l.x1 > gx + 1]):
        if not side:
            continue
        lo = min(l.x0 for l in side)
        inner = _gutter(side, max(l.x1 for l in side) - lo, lo) if len(side) >= 8 else None
        if inner is not None and not any(l.x0 < inner - 1 and l.x1 > inner + 1 for l in side):
            first = _order_columns(side, inner, first, band, ordered)
            continue
        for line in side:
            line.column, line.band = first, band
            ordered.append(line)
        first += 1
    return first


def _column_edges(lines: list[Line], width: float) -> None:
    """Left edge and full-line right edge of each column; columns have equal widths, so the
    rightmost column's longest line (titles there never run wider) gives every column's width."""
    columns: dict[int, list[Line]] = {}
    for line in lines:
        columns.setdefault(line.column, []).append(line)
    if not columns:
        return
    edges = {c: (_base_left(ls), _right_edge(ls, width)) for c, ls in columns.items()}
    last = max(columns)
    span = max(l.x1 for l in columns[last]) - edges[last][0]
    for column, members in columns.items():
        left, right = edges[column]
        for line in members:
            line.base_left, line.col_right = left, max(right, left + span)


# -- logical lines ----------------------------------------------------------------


def settle_base_left(pages: list[list[Line]], *, min_lines: int = 8) -> None:
    """On sparse pages, measure indentation from the document's usual left edge of that column.

    A page holding only the end of a card (three indented status lines) has no
    line at the column's edge; the edge is then taken from the pages around it.
    """
    usual: dict[int, Counter] = {}
    for lines in pages:
        for line in lines:
            usual.setdefault(line.column, Counter())[round(line.base_left)] += 1
    # each page's lines by column (columns are settled: only the edges change below)
    page_columns: list[dict[int, list[Line]]] = []
    for lines in pages:
        by_column: dict[int, list[Line]] = {}
        for line in lines:
            by_column.setdefault(line.column, []).append(line)
        page_columns.append(by_column)
    commonest = {column: [x for x, _ in counts.most_common()] for column, counts in usual.items()}
    for by_column in page_columns:
        for column, members in by_column.items():
            if len(members) >= min_lines or column not in usual:
                continue
            lowest = min(l.x0 for l in members)
            candidates = [x for x in commonest[column] if x <= lowest + 0.5]
            if candidates:
                for line in members:
                    line.base_left = float(candidates[0])
    # where a full line of a column ends, on a page of short lines (a chart) that never reaches its
    # column's edge: the edge that column has on the document's fuller pages
    edges: dict[tuple[int, int], list[float]] = {}
    for by_column in page_columns:
        for column, members in by_column.items():
            if len(members) >= min_lines:
                edges.setdefault((column, round(members[0].base_left)), []).append(members[0].col_right)
    for by_column in page_columns:
        for column, members in by_column.items():
            usual_edges = edges.get((column, round(members[0].base_left)))
            if len(members) < min_lines or _short_lines(members):
                if usual_edges:
                    edge = sorted(usual_edges)[len(usual_edges) // 2]
                    for line in members:
                        line.col_right = max(line.col_right, edge)


def _short_lines(lines: list[Line]) -> bool:
    """A column of short entries (a list of titles): most lines end well before the longest one."""
    widths = sorted(l.x1 - l.x0 for l in lines)
    return widths[len(widths) // 2] < 0.6 * widths[-1]


def _starts_new_line(text: str) -> bool:
    return text.lstrip().startswith(_STARTERS)


def _first_word_width(line: Line) -> float:
    word = line.text.strip().split(" ", 1)[0]
    if not word:
        return 0.0
    span = line.spans[0]
    chars = max(len(span.text), 1)
    per_char = (span.bbox[2] - span.bbox[0]) / chars
    return per_char * (len(word) + 1)


def _was_wrapped(prev: Line, nxt: Line) -> bool:
    """The text of `prev` went on to `nxt` because the next word did not fit (not a hard break)."""
    return prev.x1 + nxt.first_word_width > prev.col_right - 0.5


def _same_paragraph(prev: Line, line: Line, group_x0: float) -> bool:
    if line.page != prev.page or line.column != prev.column or line.band != prev.band:
        return False
    gap = line.y0 - prev.y1
    if gap < -0.5 * prev.size or gap > 0.45 * max(prev.size, line.size):
        return False
    if abs(line.size - prev.size) > 1.5:
        return False
    first_line_indent = abs(line.x0 - line.base_left) < 2 and 3 < group_x0 - line.base_left <= 30 and prev.x0 == group_x0
    if first_line_indent and not line.starts_new_line and _was_wrapped(prev, line):
        return True  # a paragraph whose first line is indented, as in books and notices
    if line.x0 < group_x0 - 3 or line.x0 > group_x0 + 60:
        return False
    if line.starts_new_line:
        return True  # a new item of the same list: a new logical line, same run
    return abs(line.x0 - group_x0) < 3 or (line.x0 >= group_x0 - 1 and line.x0 - group_x0 < 20)


def _continues_across_break(prev: Line, line: Line) -> bool:
    """A paragraph cut at the bottom of a column or page and taken up at the top of the next."""
    if (line.page, line.column, line.band) == (prev.page, prev.column, prev.band):
        return False
    same_page_next_column = line.page == prev.page and line.band == prev.band and prev.column >= 1 and line.column == prev.column + 1
    if not same_page_next_column and line.page != prev.page + 1:
        return False
    if line.starts_new_line or abs(line.size - prev.size) > 0.5:
        return False
    if abs((line.x0 - line.base_left) - (prev.x0 - prev.base_left)) > 2 and abs(line.x0 - line.base_left) > 2:
        return False
    text = prev.text.rstrip()
    if not text or text[-1] in ".:;!?":
        return False
    # the last line of the column must be (nearly) full: a short title ending there is no cut paragraph
    if prev.x1 < prev.base_left + 0.8 * (prev.col_right - prev.base_left):
        return False
    return _was_wrapped(prev, line)


def lines_to_groups(lines: list[Line]) -> list[Group]:
    """Paragraph runs in reading order (a run is what the text convention writes without a blank line)."""
    groups: list[Group] = []
    # leftmost start of the last group's lines in each (page, column, band), kept as lines join it
    group_left: dict[tuple[int, int, int], float] = {}
    for line in lines:
        key = (line.page, line.column, line.band)
        if groups:
            last = groups[-1]
            prev = last.lines[-1]
            group_x0 = group_left[(prev.page, prev.column, prev.band)]
            if _same_paragraph(prev, line, group_x0) or _continues_across_break(prev, line):
                last.lines.append(line)
                group_left[key] = min(group_left.get(key, line.x0), line.x0)
                continue
        groups.append(Group([line]))
        group_left = {key: line.x0}
    return groups


_WORD_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")


def _join(left: str, right: str, vocabulary: set[str], wrapped: bool) -> str:
    right = right.lstrip()
    # the pattern needs a hyphen at the end (`$` also matches before a final newline): test that
    # first, as searching a long paragraph for it at every position is slow
    m = _WORD_END.search(left) if left.endswith(("-", "-\n")) else None
    if m and right[:1].isalpha() and right[:1].islower():  # a word cut at a hyphen, whether by wrapping or not
        start = _WORD_START.match(right)
        if start and right[:1].islower():
            joined = (m.group(1) + start.group(1)).lower()
            if joined in vocabulary and "-" not in m.group(0)[:-1]:
                return left[:-1] + right
        return left + right
    return left.rstrip() + " " + right


def _bullet(text: str) -> str:
    stripped = text.lstrip()
    for bullet, replacement in BULLETS.items():
        if stripped.startswith(bullet):
            rest = stripped[len(bullet):].lstrip()
            return ("- " + rest) if replacement == "-" else (replacement + " " + rest)
    return stripped


def groups_to_logical(groups: list[Group], vocabulary: set[str]) -> list[LogicalLine | None]:
    """Logical lines in the text conventions; None stands for a blank line between runs."""
    out: list[LogicalLine | None] = []
    last_item: LogicalLine | None = None
    last_item_line: Line | None = None
    for group in groups:
        first = group.lines[0]
        indent = first.x0 - first.base_left
        # a short phrase pushed right under a list item: the item's status, printed beside it
        if (
            last_item is not None
            and last_item_line is not None
            and indent > 120
            and first.page in (last_item_line.page, last_item_line.page + 1)
            and not first.starts_new_line
        ):
            text = " ".join(l.text.strip() for l in group.lines)
            last_item.text = last_item.text.rstrip() + "  " + text
            if last_item.page == first.page:
                last_item.bbox = _union([last_item.bbox, *(l.bbox for l in group.lines)])
            continue
        if out:
            out.append(None)
        current: LogicalLine | None = None
        current_last: Line | None = None
        for line in group.lines:
            text = line.text
            wrapped_here = current_last is not None and _was_wrapped(current_last, line)
            trailing_icon = text.lstrip()[:1] in _TRAILING_ICONS and wrapped_here
            if current is None or (line.starts_new_line and not trailing_icon):
                prefix = " " if current is None and 6 <= indent <= 60 else ""
                if current is not None:
                    prefix = " " if line.x0 - first.base_left >= 6 and line.x0 - first.x0 >= 6 else ""
                current = LogicalLine(prefix + _bullet(text), line.page, line.bbox, bold=all(s.bold for s in line.spans))
                out.append(current)
            else:
                current.text = _join(current.text, text, vocabulary, wrapped_here)
                if line.page == current.page:
                    current.bbox = _union([current.bbox, line.bbox])
                current.bold = current.bold and all(s.bold for s in line.spans)
            current_last = line
        last_item, last_item_line = (current, current_last) if current is not None and current.text.lstrip().startswith(("- ", "➔", "→")) else (None, None)
    return out


def vocabulary(pages: list[list[Line]]) -> set[str]:
    """Every word of the document, lower-cased, to tell hyphenation from compound words."""
    words: set[str] = set()
    for lines in pages:
        for line in lines:
            words.update(map(str.lower, _WORD.findall(line.text)))
    return words
