"""A page's visual lines -> the same lines, with the phrases printed beside list items attached to them.

    attach_asides(lines, settings) -> lines (asides removed, kept in `Line.aside`)

A step and its deadline are often set as one row: the step on the left,
wrapping over several lines, the deadline pushed to the right edge and
wrapping too ("Expérimentation / faite 1er semestre / 2020"). Read by rows
the two interleave; read by columns the deadline floats away from its step.

Rows, not the content stream, decide: each list item (a line opened by a
bullet or a line icon) starts a row that ends where the next item of its list
begins. An aside is the run of right-aligned lines that starts beside a line
of a row (the nearest such line on its left: two cards may stand side by
side), well clear of it, narrow, and ends where other rows' asides on the page
end. Alone on its page, it must reach as far right as any line of its rows,
go on from nothing printed just above it but its own item's lines (a
deadline at a right tab stop of the item's wrapped line), and read as a deadline. Its
continuation lines stay in the row: a line level with the next item, or the
first line of the next item's aside, is no longer this one's. A paragraph of a
column beside a list is none: it does not start beside the item, or it runs on
past the next one; nor is a line under an item of a side panel's own list.

A word processor sets the deadline at a right tab stop in the item's own
paragraph: what wraps after the tab is the deadline's, not the step's
("Animer l'écosystème (…)  Fait, / amélioration continue"). The one line after
such an aside, in the same paragraph (MuPDF block) and row, continues it when
the two read as one deadline phrase. Set there, a deadline may be wider than
an aside when the grammar reads it as one.
A word of a justified row cut at its wide spaces (`justified`), spaced from
the piece before it as the row's pieces are from each other, is no aside.
A deadline set in another slant (italics) at the right edge, only a space from
the step, is cut from the step's line at that change of style when the
grammar reads it as a deadline.

The logical line of the item gets the aside after a wide gap, as the text
conventions print a step and its status (`logical`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...vocabulary.deadlines import is_deadline_phrase
from .model import Line, level_with, union
from .settings import LayoutSettings
from .spans import line_text


def _centre(line: Line) -> float:
    return (line.y0 + line.y1) / 2


def _split_styled_tail(lines: list[Line], right: float, s: LayoutSettings) -> tuple[list[Line], list[tuple[Line, Line]]]:
    """Item lines ending at the right edge in a run of another slant that reads as a deadline: cut in two,
    (the lines, [(item line, its aside)])."""
    out: list[Line] = []
    pairs: list[tuple[Line, Line]] = []
    for line in lines:
        cut = None
        if line.starts_new_line and len(line.spans) >= 2 and abs(line.x1 - right) <= s.edge_slack_pt:
            spans = sorted(line.spans, key=lambda sp: sp.bbox[0])
            slant = spans[-1].italic
            i = len(spans) - 1
            while i > 0 and (spans[i - 1].italic == slant or not spans[i - 1].text.strip()):
                i -= 1
            if i > 0 and spans[i - 1].italic != slant:
                cut = i
        if cut is None:
            out.append(line)
            continue
        head, tail = spans[:cut], spans[cut:]
        tail_text = "".join(sp.text for sp in tail).strip()
        if not tail_text or not is_deadline_phrase(tail_text) or tail[-1].bbox[2] - tail[0].bbox[0] > s.aside_max_share * (line.x1 - line.x0):
            out.append(line)
            continue
        first = Line(line.page, head, union(sp.bbox for sp in head), line.size, block=line.block)
        first.text = line_text(first, s)
        first.starts_new_line = True
        first.first_word_width = line.first_word_width
        second = Line(line.page, tail, union(sp.bbox for sp in tail), line.size, block=line.block)
        second.text = line_text(second, s).strip()
        out.extend((first, second))
        pairs.append((first, second))
    return out, pairs


def attach_asides(lines: list[Line], settings: LayoutSettings) -> list[Line]:
    s = settings
    item_blocks = {l.block for l in lines if l.starts_new_line}
    if not item_blocks:
        return lines
    right = max(l.x1 for l in lines if l.block in item_blocks)  # the right edge of the lists' text
    lines, styled = _split_styled_tail(lines, right, s)
    # top to bottom, left to right: the content stream's order decides nothing but ties (the index);
    # each line's rounded top is taken once, for the order and for bisecting
    places = sorted([(round(l.y0, 1), l.x0, i) for i, l in enumerate(lines)])
    by_place = [lines[i] for _, _, i in places]
    blocks: dict[int, list[Line]] = {}
    for l in by_place:
        blocks.setdefault(l.block, []).append(l)
    items = [l for l in by_place if l.starts_new_line]

    def row_end(line: Line) -> float:
        """Where the row of `line` ends: the top of the next item of its list below it."""
        return min((l.y0 for l in items if l.y0 > line.y1 - s.beside_overlap_share * (line.y1 - line.y0) and l is not line and abs(l.x0 - line.x0) <= s.hanging_indent_max_pt), default=float("inf"))

    ends_of_rows: dict[Line, float] = {}  # filled as asked: most pages have no aside

    def in_a_row_of_its_own(line: Line) -> bool:
        """`line` stands under an item of another list, at its left edge, within its row (a side panel's list)."""
        for i in items:
            if i is line or i.y0 >= line.y0 or abs(line.x0 - i.x0) > s.hanging_indent_max_pt:
                continue
            if i not in ends_of_rows:
                ends_of_rows[i] = row_end(i)
            if _centre(line) < ends_of_rows[i]:
                return True
        return False

    def just_above(line: Line, own: set[Line]) -> bool:
        """Some text ends just above `line`, over it, other than `own`: `line` goes on from a paragraph."""
        return any(
            o is not line and o not in own and o.y1 <= line.y0 + s.paragraph_overlap_em * line.size and line.y0 - o.y1 <= s.paragraph_gap_em * line.size and min(o.x1, line.x1) > max(o.x0, line.x0)
            for o in lines
        )

    def item_lines(line: Line, first: Line) -> set[Line]:
        """The lines of the item `line` belongs to, from its first (the nearest item line at or above it,
        at its edge) down to `line`, that start left of the aside `first`: the row's own text, which an
        aside set at a right tab stop of a wrapped line stands under."""
        tops = [i.y0 for i in items if i.y0 <= line.y0 and abs(i.x0 - line.x0) <= s.hanging_indent_max_pt]
        if not tops:
            return {line}
        top = max(tops)
        return {o for o in lines if top <= o.y0 <= line.y0 and o.x0 < first.x0}

    def alone_at_the_edge(line: Line, first: Line, limit: float) -> bool:
        """A lone aside: no text of its rows reaches further right, and it goes on from nothing above it
        but the lines of its own item."""
        band = [o.x1 for o in lines if o.y1 > line.y0 and _centre(o) < limit]
        return first.x1 >= max(band) - s.edge_slack_pt and not just_above(first, item_lines(line, first))

    # the first line of each candidate aside, with the list line it stands beside
    pairs: list[tuple[Line, Line]] = list(styled)
    styled_firsts = {first for _, first in styled}
    styled_lines = {line for line, _ in styled}
    # a line level with another starts less than the tallest line's height above it, and before it ends
    tops = [top for top, _, _ in places]
    tallest = max(l.y1 - l.y0 for l in by_place)
    for line in by_place:
        if line.block not in item_blocks or line in styled_lines:
            continue
        best = None
        level = by_place[bisect_left(tops, round(line.y0 - tallest, 1)) : bisect_right(tops, round(line.y1, 1))]
        for other in level:
            if other.x0 <= line.x1 or other.starts_new_line or other in styled_firsts or not level_with(line, other, s.beside_overlap_share):
                continue
            if other.x0 - line.x1 < s.aside_gap_em * line.size:
                continue
            if _spaced_as_its_row(line, other, level, s):
                continue  # one more word of a justified row cut at its wide spaces, no aside
            if other.x1 - other.x0 > s.aside_max_share * (other.x1 - line.x0) and not (other.block == line.block and is_deadline_phrase(other.text)):
                continue  # too wide for an aside, unless a deadline set at a tab stop of the item's own line
            if other.block != line.block and blocks[other.block][0] is not other:
                continue  # the middle of a paragraph of its own (a column beside a list), no aside
            if best is None or other.x0 < best.x0:
                best = other
        if best is not None and not in_a_row_of_its_own(best):
            pairs.append((line, best))
    # an aside beside several lines (two cards side by side) is the nearest one's, on its left
    nearest: dict[Line, tuple[Line, Line]] = {}
    for line, first in pairs:
        if first not in nearest or line.x1 > nearest[first][0].x1:
            nearest[first] = (line, first)
    pairs = list(nearest.values())
    if not pairs:
        return lines
    slack = s.edge_slack_pt
    ends = [r.x1 for _, r in pairs]
    firsts = {first: line for line, first in pairs}  # each aside's first line -> the line it stands beside
    taken: set[Line] = set()
    for line, first in sorted(pairs, key=lambda p: (p[1].y0, p[1].x0)):
        if first in taken:
            continue
        limit = row_end(line)
        lone = first not in styled_firsts and sum(1 for e in ends if abs(e - first.x1) <= slack) < s.aside_min_rows
        if lone and not alone_at_the_edge(line, first, limit):
            continue  # alone at its right end, and not a phrase set against the right edge of its rows
        if first.block != line.block and blocks[first.block][-1].y1 > limit:
            continue  # a paragraph running on past the next item: a column, no aside
        run = [first]
        # from the first line's place on: the lines before it on the page stand above it
        for other in by_place[bisect_left(tops, round(first.y0, 1)) :]:
            last = run[-1]
            if other.y0 <= last.y0 or other in taken or other.starts_new_line or _centre(other) >= limit:
                continue
            gap = other.y0 - last.y1
            if gap > s.paragraph_gap_em * max(last.size, other.size) or abs(other.x1 - first.x1) > slack or abs(other.size - first.size) > s.continued_size_change_pt:
                continue
            if other.x1 - other.x0 > s.aside_max_share * (other.x1 - line.x0):
                continue
            if firsts.get(other, line) is not line and firsts[other].starts_new_line:
                break  # the aside of the next item begins
            run.append(other)
        if len(run) == 1 and first.block == line.block and level_with(line, first, s.beside_overlap_share):
            run.extend(_tab_flow(line, first, blocks[line.block], limit, taken | set(firsts), s))
        if lone and not is_deadline_phrase(" ".join(r.text.strip() for r in run)):
            continue  # nothing but its words could say it is a deadline, and they do not
        line.aside.extend(run)
        taken.update(run)
    return [l for l in lines if l not in taken] if taken else lines


def _spaced_as_its_row(line: Line, other: Line, level: list[Line], s: LayoutSettings) -> bool:
    """`other` stands from the piece just left of it as the pieces of its row stand from each other:
    a justified row in a narrow measure, cut at spaces wider than a line may hold, whose next word it
    is (`justified`). The row is the run of pieces left of `other`, on `line`'s row, evenly spaced
    (another column's line, further left, is no piece of it): two pieces or more, each past the first
    a single word, as `other` is."""
    pieces = sorted((o for o in level if o is not other and o.x1 <= other.x0 and level_with(line, o, s.beside_overlap_share)), key=_left)
    if not pieces or " " in other.text.strip():
        return False
    spread = s.justified_gap_spread_em * line.size
    gap = other.x0 - pieces[-1].x1
    row = [pieces[-1]]
    for piece in reversed(pieces[:-1]):
        if abs(row[0].x0 - piece.x1 - gap) > spread or row[0].x0 - piece.x1 <= 0:
            break
        row.insert(0, piece)
    if len(row) < 2 or any(" " in piece.text.strip() for piece in row[1:]):
        return False  # evenly spread spaces cut a row at each of them: its pieces past the first are words
    return gap > 0


def _left(line: Line) -> float:
    return line.x0


def _tab_flow(line: Line, aside: Line, block: list[Line], limit: float, taken: set[Line], s: LayoutSettings) -> list[Line]:
    """Lines of the item's paragraph wrapped after a deadline set at a right tab stop on the item's line."""
    below = [
        l
        for l in block
        if l.y0 > aside.y1 - s.paragraph_overlap_em * aside.size and _centre(l) < limit and l not in taken and not l.starts_new_line and l.x1 < aside.x0
    ]
    if not below:
        return []
    nxt = below[0]
    if nxt.y0 - aside.y1 > s.paragraph_gap_em * max(aside.size, nxt.size) or nxt.x0 < line.x0 - s.align_slack_pt:
        return []
    if abs(nxt.size - aside.size) > s.continued_size_change_pt:
        return []  # set in another size (the next card's heading run into the block): not the deadline's
    if len(below) > 1:
        return []  # more than one line after the tab: the item's own text wrapping under it
    joined = aside.text.rstrip() + " " + nxt.text.strip()
    return [nxt] if is_deadline_phrase(joined) else []
