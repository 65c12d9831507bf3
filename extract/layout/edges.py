"""Ordered pages -> the same pages with each sparse column's edges taken from the document.

    settle_edges(pages, settings)

A page holding only the end of a card (three indented status lines) has no
line at its column's left edge, and a page of short entries (a chart) no line
reaching its right edge; indentation and fullness are then measured from the
edges that column has on the document's fuller pages.
"""

from __future__ import annotations

from collections import Counter

from .model import Line
from .settings import LayoutSettings

#: The usual edges are counted rounded to whole points: an edge within half a point is the same edge.
_HALF_UNIT = 0.5


def settle_edges(pages: list[list[Line]], settings: LayoutSettings) -> None:
    """On sparse pages, measure indentation from the document's usual left edge of that column."""
    min_lines = settings.sparse_column_lines
    # each page's lines by column (columns are settled: only the edges change below), and the
    # left edges each column has over the document, counted in the order the lines come
    usual: dict[int, Counter] = {}
    page_columns: list[dict[int, list[Line]]] = []
    for lines in pages:
        by_column: dict[int, list[Line]] = {}
        for line in lines:
            members = by_column.get(line.column)
            if members is None:
                by_column[line.column] = [line]
            else:
                members.append(line)
        page_columns.append(by_column)
        for column, members in by_column.items():
            counts = usual.get(column)
            if counts is None:
                counts = usual[column] = Counter()
            counts.update([round(l.base_left) for l in members])
    commonest: dict[int, list[int]] = {}
    for by_column in page_columns:
        for column, members in by_column.items():
            if len(members) >= min_lines or column not in usual:
                continue
            if column not in commonest:
                commonest[column] = [x for x, _ in usual[column].most_common()]
            lowest = min(l.x0 for l in members)
            candidates = [x for x in commonest[column] if x <= lowest + _HALF_UNIT]
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
            if len(members) < min_lines or _short_lines(members, settings):
                if usual_edges:
                    edge = sorted(usual_edges)[len(usual_edges) // 2]
                    for line in members:
                        line.col_right = max(line.col_right, edge)


def _short_lines(lines: list[Line], settings: LayoutSettings) -> bool:
    """A column of short entries (a list of titles): most lines end well before the longest one."""
    widths = sorted([l.x1 - l.x0 for l in lines])
    return widths[len(widths) // 2] < settings.short_line_share * widths[-1]
