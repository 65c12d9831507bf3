"""A page's visual lines -> the same lines, the items of a list printed with no marker at all given a bullet.

    unmarked_items(lines, settings)   one page, before asides are attached

A producer may print a list with neither a bullet nor an icon: each item a
paragraph of its own, set closer to the next than paragraphs are. Nothing in
the text layer marks the items; their place does, on a page whose lists carry
no marker anywhere (a page with one marked list is left alone):

* a row with a narrow phrase set beside it, right-aligned with the phrases
  beside other rows of the page (a step and its deadline), is an item, unless
  its line goes on from the row above; a line of a column beside (lines that
  start where it starts and end anywhere) is no such phrase;
* a line under another at the same edge, close to it, starts an item when the
  line above fell short (its next word would have fitted before the measure
  of the lines at that edge near it, and before the phrase beside it) and the
  producer wrote the two apart (another text block of the page), or the line
  above is an item, or its run is broken so more than once (a list in one
  text block; one short line is only the end of a paragraph);
* a line goes on with the one above after a hyphen, beside the rest of a
  phrase that wraps with it, and, written in one text block with it, from a
  full line or in lower case (written apart: both), so a wrapped item stays
  one item; the list's first line is an item too.

Nothing on an item's row stands left of it, and no line set in bold is an
item. Items get the bullet the text conventions write, so that the phrase
beside each one attaches to it (`asides`) and the card reader sees a list;
what each item says (a step, an owner, a deadline) is read from its words
(`extract.cards`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from operator import attrgetter, sub

from ...vocabulary.sentences import ends_a_sentence_within, opens_sentence
from .icons import STARTERS
from .model import Line, level_with, line_y0, line_y1
from .settings import LayoutSettings


_starts_new_line, _size = attrgetter("starts_new_line"), attrgetter("size")


def _core(line: Line) -> tuple[float, float]:
    """The line's top and bottom without its superscripts (a raised '1er' does not move the line)."""
    if len(line.spans) == 1:
        box = line.spans[0].bbox
        return box[1], box[3]
    boxes = [sp.bbox for sp in line.spans if not sp.sup] or [sp.bbox for sp in line.spans]
    if len(boxes) == 1:
        return boxes[0][1], boxes[0][3]
    return min(b[1] for b in boxes), max(b[3] for b in boxes)


def _tight(prev: Line, line: Line, s: LayoutSettings, bottom: float | None = None, cores: dict | None = None) -> bool:
    """`line` stands close under `prev` (`bottom`: where the row of `prev` ends, when a phrase beside
    it reaches lower; `cores`: each line's `_core`, when known)."""
    top = cores[line][0] if cores else _core(line)[0]
    end = cores[prev][1] if cores else _core(prev)[1]
    if bottom is not None and bottom > end:
        end = bottom
    gap = top - end
    size, other = prev.size, line.size
    # the larger size spelled out (it is asked of most lines of a page): a tie keeps the first, as max does
    return -s.paragraph_overlap_em * size <= gap <= s.unmarked_item_gap_em * (other if other > size else size) and abs(other - size) <= s.continued_size_change_pt


def _plain(line: Line) -> bool:
    """Not set in bold throughout (a heading or a label is no item)."""
    for sp in line.spans:
        if not sp.bold and sp.text.strip():
            return True
    return False


def _rows(ordered: list[Line], tops: list[float], s: LayoutSettings) -> dict[Line, list[Line]]:
    """The other lines printed on each line's row, by the line, for the lines that have any (most
    have none) (`ordered`: the page's lines by their top, `tops` those tops: a line on the row of
    one above it starts before that one ends; each pair is tested once)."""
    rows: dict[Line, list[Line]] = {}
    share = s.beside_overlap_share
    for i, line in enumerate(ordered):
        for other in ordered[i + 1 : bisect_right(tops, line.y1)]:
            if level_with(line, other, share):
                rows.setdefault(line, []).append(other)
                rows.setdefault(other, []).append(line)
    return rows


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
    if len(lines) < 2 or any(map(_starts_new_line, lines)):
        return  # a page whose lists carry their markers: an unmarked run there is no list
    # so no line of the page starts with a marker below (until the items found get theirs, at the end)
    # lines by their top, to look only at the lines near one (a page may hold hundreds)
    ordered = sorted(lines, key=line_y0)
    tops = list(map(line_y0, ordered))
    tallest = max(map(sub, map(line_y1, lines), map(line_y0, lines)))
    size = max(map(_size, lines))

    def near(y_from: float, y_to: float) -> list[Line]:
        return ordered[bisect_left(tops, y_from) : bisect_right(tops, y_to)]

    reach_up = tallest + 2 * s.unmarked_item_gap_em * size
    slack = s.align_slack_pt
    cores = {}
    for l in lines:
        spans = l.spans
        if len(spans) == 1:  # most lines: the core is the one span's box
            box = spans[0].bbox
            cores[l] = box[1], box[3]
        else:
            cores[l] = _core(l)
    rows = _rows(ordered, tops, s)

    def alone_on_left(line: Line) -> bool:
        """Nothing on the line's row is printed left of it."""
        return not any(o.x1 <= line.x0 + slack for o in rows.get(line, ()))

    candidates = []
    for l in ordered:
        row = rows.get(l)
        # a row of one other line at most, which then does not stand left of it
        if (row is None or (len(row) == 1 and row[0].x1 > l.x0 + slack)) and _plain(l):
            candidates.append(l)
    # rows with a narrow phrase beside them (kept below where it is a phrase of its own, right-aligned
    # with the phrases beside other such rows)
    flanked = [(l, a) for l in candidates if l in rows and (a := _aside_of(l, rows[l], s)) is not None]  # (most rows hold the line alone)
    # lines by the whole point their left edge stands at, and by text block (asked only of a phrase beside a row)
    starting_at: dict[int, list[Line]] = {}
    blocks: dict[int, list[Line]] = {}
    if flanked:
        for l in lines:
            starting_at.setdefault(round(l.x0), []).append(l)
            blocks.setdefault(l.block, []).append(l)

    def at_edge(x: float) -> Iterator[Line]:
        key = round(x)
        for k in (key - 1, key, key + 1):
            for l in starting_at.get(k, ()):
                if abs(l.x0 - x) <= slack:
                    yield l

    def phrase_beside(line: Line, aside: Line) -> bool:
        """The aside is a phrase of its own, not a line of a paragraph in a column beside: no column of
        lines starts where it starts, and it is written with the line, or opens its text block and ends
        before the line under the line does."""
        # lines of a column start where it starts and end where they end; phrases set flush right do not
        in_column = 0  # counted until there are enough for a column
        for l in at_edge(aside.x0):
            if in_column >= s.aside_min_rows:
                break
            if l is not aside and abs(l.x1 - aside.x1) > s.edge_slack_pt:
                in_column += 1
        if in_column >= s.aside_min_rows:
            return False
        if aside.block == line.block:
            return True
        own = blocks[aside.block]
        if min(own, key=lambda l: l.y0) is not aside:
            return False
        below = [l for l in at_edge(line.x0) if l.y0 > line.y1]
        return max(l.y1 for l in own) <= min((l.y1 for l in below), default=float("inf"))

    besides = [(l, a) for l, a in flanked if phrase_beside(l, a)]
    asides = {l: a for l, a in besides if sum(1 for _, o in besides if abs(o.x1 - a.x1) <= s.edge_slack_pt) >= s.aside_min_rows}

    # each line's line above: the nearest one above it whose width covers its start;
    # the lines joined to the line above them (each line is only ever read against that one): under
    # it, at its edge, as close as lines of one paragraph or items of one list (measured from the
    # end of the row of the line above, the phrase beside it included);
    # runs of joined lines, top to bottom; a run with text beside it that is no aside stands in a
    # column of a band with several: its measure is its own reach, else the reach of the lines at
    # its edge near it
    overlap = s.paragraph_overlap_em
    above: dict[Line, Line | None] = {}
    under: set[Line] = set()
    run_of: dict[Line, list[Line]] = {}
    for line in ordered:
        lowest = line.y0 + overlap * line.size  # where a line above may end at the latest
        start = line.x0
        prev = None
        for other in ordered[bisect_left(tops, line.y0 - reach_up) : bisect_right(tops, line.y1)]:
            if other is line or other.y1 > lowest or not (other.x0 - slack <= start <= other.x1):
                continue
            if prev is None or other.y1 > prev.y1:
                prev = other
        above[line] = prev
        if prev is not None and abs(start - prev.x0) <= slack:
            aside = asides.get(prev)
            if _tight(prev, line, s, None if aside is None else aside.y1, cores):
                under.add(line)
                run = run_of.get(prev)
                if run is not None and run[-1] is prev:
                    run.append(line)
                    run_of[line] = run
                    continue
        run_of[line] = [line]
    measures: dict[Line, float] = {}

    def measure(prev: Line) -> float:
        """Where a full line at the edge of `prev` ends: the reach of the lines at that edge, in that size,
        near it (a run in a band of columns: its own reach), short of the phrase set beside it."""
        if prev not in measures:
            run = run_of[prev]
            if any(m in rows and m not in asides for m in run):
                measures[prev] = max(m.x1 for m in run)
            else:
                span = s.unmarked_measure_span_em * prev.size
                measures[prev] = max(
                    l.x1 for l in near(prev.y0 - span, prev.y0 + span) if abs(l.x0 - prev.x0) <= s.edge_slack_pt and abs(l.size - prev.size) <= s.continued_size_change_pt
                )
        aside = asides.get(prev)
        return measures[prev] if aside is None else min(measures[prev], aside.x0 - s.aside_gap_em * prev.size)

    def phrase_goes_on(upper: Line | None, lower: Line | None) -> bool:
        """The phrase beside a row goes on beside the next one (it breaks at a hyphen, or the next
        part opens in lower case): the two rows are one item."""
        if upper is None or lower is None or abs(upper.x1 - lower.x1) > s.edge_slack_pt or not _tight(upper, lower, s, None, cores):
            return False
        return upper.text.rstrip().endswith("-") or lower.text.lstrip()[:1].islower()

    said: dict[Line, bool] = {}

    def continues(line: Line) -> bool:
        if line not in said:
            said[line] = _continues(line)
        return said[line]

    def _continues(line: Line) -> bool:
        """`line` goes on with the text of the line above it: after a hyphen or beside the rest of the
        phrase beside that one; written in one text block with it, when the line above was full (the
        next word would not have fitted before its measure) or `line` opens in lower case; written
        apart, when both hold."""
        if line not in under:
            return False
        prev = above[line]
        assert prev is not None
        if prev.text.rstrip().endswith("-") or phrase_goes_on(asides.get(prev), asides.get(line)):
            return True
        lower = line.text.lstrip()[:1].islower()
        if prev.block == line.block:
            if lower:
                return True
        elif not lower:
            return False  # written apart: it goes on only from a full line, in lower case (a block cut at a raised letter)
        return prev.x1 + line.first_word_width > measure(prev) - s.wrap_slack_pt

    breaks: dict[int, int] = {}

    def listed(run: list[Line]) -> bool:
        """The run is broken more than once where a line fell short: a list even when written in one
        text block (one short last line is only the end of a paragraph set close to the next); counted
        only for a run that is asked about."""
        if id(run) not in breaks:
            breaks[id(run)] = sum(1 for m in run if m in under and not continues(m))
        return breaks[id(run)] >= 2

    starts: dict[Line, Line] = {}
    chosen = set(candidates)  # plain lines, most of the lines above one (asked again as `prev` below)
    for line in candidates:  # top to bottom
        prev = above[line]
        if line in asides and not continues(line):
            starts[line] = line
            if prev is None or (prev not in chosen and not _plain(prev)) or line not in under:
                continue
        else:
            if line not in under or (prev not in chosen and not _plain(prev)) or continues(line):  # (a line under another has one above)
                continue
            # set apart by the producer, or after a row already known as an item
            if prev.block == line.block and prev not in starts and prev not in asides and not listed(run_of[line]):
                continue
        first = prev  # the list's item above: from the first line of its paragraph
        while continues(first):
            first = above[first]  # type: ignore[assignment]
        if _plain(first) and alone_on_left(first):
            starts.setdefault(first, first)
        starts[line] = line
    for run in {id(run): run for run in run_of.values()}.values():
        _prose_after(run, starts, s)
    for line in starts.values():
        line.text = "• " + line.text.lstrip()
        line.starts_new_line = line.text.startswith(STARTERS)


def _prose_after(run: list[Line], starts: dict[Line, Line], s: LayoutSettings) -> None:
    """The last item of a run whose other items are phrases, when it reads as prose, is no item: a note
    set under the list as close as its items ("• Investiguer …, IoT, etc.)" / "Expérimenté avec succès
    sur IA. Action transformée…"). Its items, at least `unmarked_prose_min_items` of them besides, end
    with no punctuation; it ends with a stop and holds a sentence's start (`vocabulary.sentences`) or
    a sentence's end within it. A list whose last item only closes its punctuation ("…;" / "….") keeps it."""
    items: list[list[str]] = []
    for line in run:
        if line in starts:
            items.append([line.text.strip()])
        elif items:
            items[-1].append(line.text.strip())
    if len(items) <= s.unmarked_prose_min_items:
        return
    texts = [" ".join(parts) for parts in items]
    last = texts[-1]
    if not last.endswith((".", "!", "?")) or any(t[-1:] in ".;,:!?" for t in texts[:-1]):
        return
    if opens_sentence(last) or ends_a_sentence_within(last):
        last_item = next(line for line in reversed(run) if line in starts)
        del starts[last_item]
        last_item.opens_paragraph = True  # nor a line of the item above (`paragraphs`)
