"""A page's visual lines -> the same lines, with the phrases printed beside list items attached to them.

    attach_asides(lines, settings) -> lines (asides removed, kept in `Line.aside`)

A step and its deadline are often set as one row: the step on the left,
wrapping over several lines, the deadline pushed to the right edge and
wrapping too ("Expérimentation / faite 1er semestre / 2020"). Read by rows
the two interleave; read by columns the deadline floats away from its step.
An aside is the run of right-aligned lines that starts beside a line of a list
item (a line of a MuPDF block opened by a bullet or a line icon), well clear of
it, narrow, and ending where other rows' asides on the page end; its
continuation lines end there too and stop before the next item. A paragraph of
a column beside a list is none: it does not start beside the item, or it runs
on past the next one. The logical
line of the item gets the aside after a wide gap, as the text conventions
print a step and its status (`logical`).
"""

from __future__ import annotations

from .model import Line
from .settings import LayoutSettings


def _beside(a: Line, b: Line, share: float) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap > share * min(a.y1 - a.y0, b.y1 - b.y0)


def attach_asides(lines: list[Line], settings: LayoutSettings) -> list[Line]:
    s = settings
    item_blocks = {l.block for l in lines if l.starts_new_line}
    if not item_blocks:
        return lines
    blocks: dict[int, list[Line]] = {}
    for l in lines:
        blocks.setdefault(l.block, []).append(l)
    # the first line of each candidate aside, with the list line it stands beside
    pairs: list[tuple[Line, Line]] = []
    for line in lines:
        if line.block not in item_blocks:
            continue
        best = None
        for other in lines:
            if other.x0 <= line.x1 or other.starts_new_line or not _beside(line, other, s.beside_overlap_share):
                continue
            if other.x0 - line.x1 < s.aside_gap_em * line.size or other.x1 - other.x0 > s.aside_max_share * (other.x1 - line.x0):
                continue
            if other.block != line.block and min(blocks[other.block], key=lambda l: l.y0) is not other:
                continue  # the middle of a paragraph of its own (a column beside a list), no aside
            if best is None or other.x0 < best.x0:
                best = other
        if best is not None:
            pairs.append((line, best))
    if not pairs:
        return lines
    slack = s.edge_slack_pt
    ends = [r.x1 for _, r in pairs]
    taken: set[int] = set()
    for line, first in pairs:
        if id(first) in taken or sum(1 for e in ends if abs(e - first.x1) <= slack) < s.aside_min_rows:
            continue
        # the next item below, in the same list: where this row ends
        below = [l for l in lines if l.starts_new_line and l.y0 > line.y1 and abs(l.x0 - line.x0) <= s.hanging_indent_max_pt and l.x1 < first.x0]
        limit = min((l.y0 for l in below), default=float("inf"))
        if first.block != line.block and max(l.y1 for l in blocks[first.block]) > limit:
            continue  # a paragraph running on past the next item: a column, no aside
        run = [first]
        for other in sorted(lines, key=lambda l: l.y0):
            last = run[-1]
            if other.y0 <= last.y0 or id(other) in taken or other.starts_new_line or other.y0 >= limit:
                continue
            gap = other.y0 - last.y1
            if gap > s.paragraph_gap_em * max(last.size, other.size) or abs(other.x1 - first.x1) > slack or abs(other.size - first.size) > s.continued_size_change_pt:
                continue
            if other.x1 - other.x0 > s.aside_max_share * (other.x1 - line.x0):
                continue
            run.append(other)
        line.aside.extend(run)
        taken.update(id(r) for r in run)
    return [l for l in lines if id(l) not in taken] if taken else lines
