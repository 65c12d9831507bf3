"""A page's visual lines -> the same lines, the items of a list printed with no marker at all given a bullet.

    unmarked_items(lines, settings)   one page, before asides are attached

A producer may print a list with neither a bullet nor an icon: each item a
paragraph of its own, set without space between them. Nothing in the text
layer marks the items; their place does. A line starts an item of such a list
when the line above it (the nearest one over its start) stands at the same
left edge, close above it as lines of one paragraph are, yet ended where this
line's first word would have fitted, and the producer wrote it apart (another
text block of the page), and when nothing on its row is printed left of it
(a phrase set beside an item, right-aligned, is that item's aside, not an
item). The list's first line is an item too. Items get the bullet the text
conventions write, so that the phrase beside each one attaches to it
(`asides`) and the card reader sees a list; which role each item has is
then read from its words (`extract.cards`).
"""

from __future__ import annotations

from .icons import STARTERS
from .model import Line
from .settings import LayoutSettings


def _row_overlap(a: Line, b: Line) -> float:
    return min(a.y1, b.y1) - max(a.y0, b.y0)


def _above(line: Line, lines: list[Line], s: LayoutSettings) -> Line | None:
    """The nearest line above `line` whose width covers its start."""
    best = None
    for other in lines:
        if other is line or other.y1 > line.y0 + s.paragraph_overlap_em * line.size:
            continue
        if not (other.x0 - s.align_slack_pt <= line.x0 <= other.x1):
            continue
        if best is None or other.y1 > best.y1:
            best = other
    return best


def _alone_on_left(line: Line, lines: list[Line], s: LayoutSettings) -> bool:
    """Nothing on the line's row is printed left of it."""
    height = line.y1 - line.y0
    return not any(
        other is not line and other.x1 <= line.x0 + s.align_slack_pt and _row_overlap(line, other) > s.beside_overlap_share * min(height, other.y1 - other.y0)
        for other in lines
    )


def _core(line: Line) -> tuple[float, float]:
    """The line's top and bottom without its superscripts (a raised '1er' does not move the line)."""
    spans = [sp for sp in line.spans if not sp.sup] or line.spans
    return min(sp.bbox[1] for sp in spans), max(sp.bbox[3] for sp in spans)


def _tight(prev: Line, line: Line, s: LayoutSettings) -> bool:
    gap = _core(line)[0] - _core(prev)[1]
    return -s.paragraph_overlap_em * prev.size <= gap <= s.unmarked_item_gap_em * max(prev.size, line.size) and abs(line.size - prev.size) <= s.continued_size_change_pt


def _plain(line: Line) -> bool:
    """Not set in bold throughout (a heading or a label is no item)."""
    return not all(sp.bold for sp in line.spans if sp.text.strip())


def _row(line: Line, lines: list[Line], s: LayoutSettings) -> list[Line]:
    """The other lines printed on the line's row."""
    height = line.y1 - line.y0
    return [o for o in lines if o is not line and _row_overlap(line, o) > s.beside_overlap_share * min(height, o.y1 - o.y0)]


def _aside_of(line: Line, row: list[Line], s: LayoutSettings) -> Line | None:
    """The one phrase set beside the line, well clear of it and narrow (a step's deadline, right-aligned)."""
    if len(row) != 1:
        return None  # nothing beside it, or the cells of a table row
    other = row[0]
    if other.x0 - line.x1 < s.aside_gap_em * line.size or other.x1 - other.x0 > s.aside_max_share * (other.x1 - line.x0):
        return None
    return other


def unmarked_items(lines: list[Line], settings: LayoutSettings) -> None:
    """Give a bullet to the lines of `lines` (one page) that start items of a list printed with no marker."""
    s = settings
    if len(lines) < 2 or any(l.starts_new_line for l in lines):
        return  # a page whose lists carry their markers: an unmarked run there is no list
    rows = {id(l): _row(l, lines, s) for l in lines}
    candidates = [l for l in lines if not l.starts_new_line and _plain(l) and len(rows[id(l)]) <= 1 and _alone_on_left(l, lines, s)]
    starts: dict[int, Line] = {}
    # a line with a narrow phrase beside it, right-aligned with the phrases beside other such lines: a list's row
    besides = [(l, a) for l in candidates if (a := _aside_of(l, rows[id(l)], s)) is not None and not a.starts_new_line]
    for line, aside in besides:
        prev = _above(line, lines, s)
        if prev is not None and prev.block == line.block and line.y0 - prev.y1 <= s.paragraph_gap_em * line.size:
            continue  # a wrapped line of the item above, beside the end of its phrase
        if sum(1 for _, other in besides if abs(other.x1 - aside.x1) <= s.edge_slack_pt) >= s.aside_min_rows:
            starts[id(line)] = line
    for line in candidates:
        prev = _above(line, lines, s)
        if prev is None or prev.starts_new_line or not _plain(prev) or not _tight(prev, line, s):
            continue
        if abs(line.x0 - prev.x0) > s.align_slack_pt or prev.block == line.block:
            continue
        # how far lines starting at that edge reach on the page: the measure the line above fell short of
        measure = max(l.x1 for l in lines if abs(l.x0 - prev.x0) <= s.edge_slack_pt)
        if prev.text.rstrip().endswith("-") or prev.x1 + line.first_word_width > measure - s.wrap_slack_pt:
            continue  # the line above was full: this one goes on with its text
        # an item of a list: so is the first line of the paragraph the line above belongs to
        first = prev
        while True:
            up = _above(first, lines, s)
            if up is None or up.starts_new_line or not _plain(up) or not _tight(up, first, s) or abs(up.x0 - first.x0) > s.align_slack_pt or up.block != first.block:
                break
            first = up
        if id(first) not in starts and _alone_on_left(first, lines, s):
            starts[id(first)] = first
        starts[id(line)] = line
    for line in starts.values():
        line.text = "• " + line.text.lstrip()
        line.starts_new_line = line.text.startswith(STARTERS)
