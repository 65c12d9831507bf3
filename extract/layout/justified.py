"""Rows of justified text cut at every word space -> one visual line each.

    join_justified(lines, settings) -> lines (in reading order, after `regions.order_regions`)

Justified in a narrow column, with long words, a line's spaces can widen past
the gap at which a line is cut in two (`split_gap_em`, a column gutter): MuPDF
and `spans` then give each word, or each run of words, a line of its own, and
the paragraph falls apart into paragraphs of one word ("renforcer", "la",
"performance"...). Such a row is told by its place, whoever typeset it: pieces
that follow each other in reading order in one column and band, on one row,
of one size, at least `justified_min_lines` of them, spaced by gaps no wider
than `justified_gap_max_em` and equal within `justified_gap_spread_em` (a
justified line spreads its spaces evenly), the last piece reaching the
column's right edge (a justified line fills its measure), most of them holding
words (not the figures of a scale). In a measure narrower than the column (a
table's cell, a box), the row's last piece reaches where the lines of its
paragraph just above or below end, and its spaces may grow wider, up to
`justified_measure_gap_max_em`; a row of two pieces there is one line when the
second opens in lower case. The row's last piece may have an aside (a step's
deadline beside it): the line made of the row keeps it. Other rows with
gaps in them keep their pieces: a step's deadline beside it is an aside by
then, a status stamp before a heading has one gap alone, cells of a table
stand at uneven distances or are read as a table before.
"""

from __future__ import annotations

from .model import Line, level_with, union
from .settings import LayoutSettings


def join_justified(lines: list[Line], settings: LayoutSettings) -> list[Line]:
    """The page's lines with each justified row that was cut at its spaces made one line again."""
    s = settings
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        first = lines[i]
        j = i + 1
        while j < n and _goes_on(first, lines[j - 1], lines[j], s):
            j += 1
        run = lines[i:j]
        measure = _measure(run, out[-1] if out else None, lines[j] if j < n else None, s) if j - i >= 2 else None
        if (j - i >= s.justified_min_lines and _justified(run, s, measure)) or (j - i == 2 and _two_words_in_measure(run, s, measure)):
            out.append(_joined(run))
        else:
            out.extend(run)
        i = j
    return out


def _goes_on(first: Line, prev: Line, line: Line, s: LayoutSettings) -> bool:
    """`line` may be the next piece of the row `first` opens, `prev` its piece before."""
    return (
        line.page == first.page
        and line.column == first.column
        and line.band == first.band
        and not prev.aside  # an aside stands right of its line: nothing of the row goes on past it
        and not line.starts_new_line  # a bullet or an icon opens a line of its own
        and line.x0 > prev.x1
        and abs(line.size - first.size) <= s.paragraph_size_change_pt
        and level_with(first, line, s.beside_overlap_share)
    )


def _measure(run: list[Line], before: Line | None, after: Line | None, s: LayoutSettings) -> float | None:
    """Where the lines of the row's paragraph end (the further of the two), when the line just before
    the row `run` in reading order (as read: a row joined already is one line) or the one after it is one of them:
    starting left of the row's second piece, a line away at most, reaching past the start of its
    last piece (a cell of a table, a column narrower than the page's, has its own measure). None
    when neither is."""
    first, second, last = run[0], run[1], run[-1]
    ends = []
    for other in (after, before):
        if other is None or other.page != first.page or other.column != first.column or other.band != first.band:
            continue
        near = min(abs(other.y0 - first.y1), abs(first.y0 - other.y1)) <= s.justified_measure_gap_em * first.size
        if near and other.x0 < second.x0 and other.x1 > last.x0:
            ends.append(other.x1)
    return max(ends) if ends else None  # a paragraph's last line may end short of its measure


def _justified(run: list[Line], s: LayoutSettings, measure: float | None = None) -> bool:
    """The pieces are spaced as a justified line's words: evenly, not too widely, up to the column's
    edge; or, in a narrower measure (`measure`: where the lines of the row's paragraph end), up to
    that measure's edge, the spaces allowed to grow wider (a few long words in a narrow cell)."""
    em = max(piece.size for piece in run)
    gaps = [b.x0 - a.x1 for a, b in zip(run, run[1:])]
    widest = max(gaps)
    if run[-1].x1 >= run[0].col_right - s.edge_slack_pt:
        wide = s.justified_gap_max_em
    elif measure is not None and abs(run[-1].x1 - measure) <= s.edge_slack_pt:
        wide = s.justified_measure_gap_max_em
    else:
        return False  # a justified line fills its measure
    return (
        min(gaps) > s.word_gap_em * em  # pieces that touch were parted for another reason than spacing
        and widest <= wide * em
        and widest - min(gaps) <= s.justified_gap_spread_em * em
        # words, not the figures of a scale or of a table's row
        and 2 * sum(any(c.isalpha() for c in piece.text) for piece in run) > len(run)
    )


def _two_words_in_measure(run: list[Line], s: LayoutSettings, measure: float | None) -> bool:
    """A justified row of two pieces in a narrow measure (a cell): one gap, so its evenness tells
    nothing; the second piece ends where the paragraph's lines end, opens in lower case (the sentence
    goes on: a deadline beside a step opens with a capital or a figure) and the gap is no wider than
    a narrow measure's spaces may grow."""
    first, last = run
    if measure is None or abs(last.x1 - measure) > s.edge_slack_pt:
        return False
    em = max(first.size, last.size)
    gap = last.x0 - first.x1
    text = last.text.strip()
    return s.word_gap_em * em < gap <= s.justified_measure_gap_max_em * em and text[:1].islower() and any(c.isalpha() for c in first.text)


def _joined(run: list[Line]) -> Line:
    """One line of the pieces, a space between each two: it keeps the first piece's place in the
    reading order and its column, band and edges."""
    first = run[0]
    spans = [span for piece in run for span in piece.spans]
    line = Line(
        first.page,
        spans,
        union([piece.bbox for piece in run]),
        max(piece.size for piece in run),
        " ".join(piece.text.strip() for piece in run),
        column=first.column,
        band=first.band,
        base_left=first.base_left,
        col_right=first.col_right,
        block=first.block,
        starts_new_line=first.starts_new_line,
        first_word_width=first.first_word_width,
    )
    if first.text[:1].isspace():
        line.text = first.text[: len(first.text) - len(first.text.lstrip())] + line.text
    line.aside = [aside for piece in run for aside in piece.aside]  # the last piece's deadline, beside it
    line.opens_paragraph = first.opens_paragraph
    return line
