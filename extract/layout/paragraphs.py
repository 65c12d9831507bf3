"""Ordered visual lines -> paragraph runs (what the text convention writes without a blank line).

    lines_to_groups(lines, settings) -> [Group]

Lines of one paragraph (small vertical gap, same size (a size change with a gap ends one), same column and band,
aligned or in a list indented under it) form a run, and so do an item whose
marker is drawn and its wrapped lines, set back under the marker; an indented
first line (books, notices) starts one, and so does a line not in bold under a
line set wholly in bold (a heading), when the bold line did not wrap or the
line under it is a status stamp; a paragraph cut by a column or page break is
joined back when its last line was full and the next word would not have fit;
after a list item's line that ends a sentence and did not wrap, a sentence set
as close as the item's lines is a paragraph of its own (a note under a step).
"""

from __future__ import annotations

from ...vocabulary.sentences import opens_sentence
from ...vocabulary.status import is_completion_mark
from .icons import BULLETS
from .model import Group, Line, has_word
from .settings import LayoutSettings


#: What opens an item of a list (bullets and arrows, not the icons of owner or deadline lines).
_ITEM_MARKS = tuple(BULLETS)


def was_wrapped(prev: Line, nxt: Line, settings: LayoutSettings) -> bool:
    """The text of `prev` went on to `nxt` because the next word did not fit (not a hard break)."""
    return prev.x1 + nxt.first_word_width > prev.col_right - settings.wrap_slack_pt


def _wrapped_before(prev: Line, line: Line, s: LayoutSettings) -> bool:
    """`was_wrapped`; a line with an aside wraps in a cell of its own whose edge is not printed (a step
    beside its deadline), so it is taken as wrapped."""
    return bool(prev.aside) or was_wrapped(prev, line, s)


def _reads_on(prev: Line, line: Line) -> bool:
    """The sentence of `prev` goes on in `line`: it ends with no stop and `line` starts in lower case
    (a wrap the estimate of the next word's width missed)."""
    text, nxt = prev.text.rstrip(), line.text.lstrip()
    return bool(text) and text[-1] not in ".:;!?" and nxt[:1].islower()


def _same_paragraph(prev: Line, line: Line, group_x0: float, s: LayoutSettings) -> bool:
    if line.page != prev.page or line.column != prev.column or line.band != prev.band:
        return False
    gap = line.y0 - prev.y1
    size, prev_size = line.size, prev.size
    if gap < -s.paragraph_overlap_em * prev_size or gap > s.paragraph_gap_em * (size if size > prev_size else prev_size):
        return False
    change = abs(size - prev_size)
    if change > s.paragraph_size_change_pt:
        return False
    if change > s.paragraph_size_break_share * s.body_reference_pt and gap > s.paragraph_size_break_gap_em * min(prev.size, line.size):
        return False  # a smaller caption (or a larger heading) set under the text, a gap away
    indent = group_x0 - line.base_left
    first_line_indent = abs(line.x0 - line.base_left) < s.edge_slack_pt and s.first_indent_min_pt < indent <= s.first_indent_max_pt and prev.x0 == group_x0
    if first_line_indent and not line.starts_new_line and was_wrapped(prev, line, s):
        return True  # a paragraph whose first line is indented, as in books and notices
    if prev.starts_new_line and not line.starts_new_line and line.x0 < group_x0 - s.paragraph_left_slack_pt:
        # an item whose marker is drawn left of its text: its wrapped lines go back under the marker
        return prev.x0 - line.x0 <= s.marker_outdent_em * prev.size and (_wrapped_before(prev, line, s) or _reads_on(prev, line))
    if not line.starts_new_line and line.x0 > group_x0 + s.paragraph_left_slack_pt and (prev.starts_new_line or prev.x0 > group_x0 + s.paragraph_left_slack_pt):
        # a wrapped line of an item set under the item's text (right of its marker), or under the
        # line of it before: the run's left edge is further left (the paragraph the list follows)
        left = _text_left(prev) if prev.starts_new_line else prev.x0
        if abs(line.x0 - left) < s.paragraph_left_slack_pt and (_wrapped_before(prev, line, s) or _reads_on(prev, line)):
            return True
    if line.x0 < group_x0 - s.paragraph_left_slack_pt or line.x0 > group_x0 + s.paragraph_indent_max_pt:
        return False
    if line.starts_new_line:
        return True  # a new item of the same list: a new logical line, same run
    if prev.spans[0].bold and not line.spans[0].bold and _all_bold(prev) and (not was_wrapped(prev, line, s) or is_completion_mark(line.text)):
        # a heading set in bold ends at its line's end: the line under it, not in bold, starts anew
        # when the heading did not wrap, or when it is a status stamp ("Objectif atteint ✓") set
        # under a title too long for its first word to have fitted beside it
        return False
    return abs(line.x0 - group_x0) < s.paragraph_left_slack_pt or (line.x0 >= group_x0 - s.align_slack_pt and line.x0 - group_x0 < s.hanging_indent_max_pt)


def _text_left(line: Line) -> float:
    """Where a list item's text starts: right of its marker when the marker is a span of its own."""
    if len(line.spans) > 1 and not has_word(min(line.spans, key=lambda span: span.bbox[0]).text):
        worded = [span.bbox[0] for span in line.spans if has_word(span.text)]
        if worded:
            return min(worded)
    return line.x0


def _all_bold(line: Line) -> bool:
    """Every span of the line that prints a letter or a digit is set in bold (an arrow or an icon
    between its words may come from a symbol font that has no bold)."""
    return all(span.bold for span in line.spans if has_word(span.text))


def _continues_across_break(prev: Line, line: Line, s: LayoutSettings) -> bool:
    """A paragraph cut at the bottom of a column or page and taken up at the top of the next."""
    if line.page == prev.page and line.column == prev.column and line.band == prev.band:
        return False
    same_page_next_column = line.page == prev.page and line.band == prev.band and prev.column >= 1 and line.column == prev.column + 1
    if not same_page_next_column and line.page != prev.page + 1:
        return False
    if line.starts_new_line or abs(line.size - prev.size) > s.continued_size_change_pt:
        return False
    if abs((line.x0 - line.base_left) - (prev.x0 - prev.base_left)) > s.edge_slack_pt and abs(line.x0 - line.base_left) > s.edge_slack_pt:
        return False
    text = prev.text.rstrip()
    if not text or text[-1] in ".:;!?":
        return False
    # the last line of the column must be (nearly) full: a short title ending there is no cut paragraph
    if prev.x1 < prev.base_left + s.continued_fullness_share * (prev.col_right - prev.base_left):
        return False
    return was_wrapped(prev, line, s)


def lines_to_groups(lines: list[Line], settings: LayoutSettings) -> list[Group]:
    """Paragraph runs in reading order."""
    groups: list[Group] = []
    # leftmost start of the last group's lines in each (page, column, band), kept as lines join it
    group_left: dict[tuple[int, int, int], float] = {}
    in_item = False  # the last line belongs to an item of a list (its first line or one wrapped from it)
    prev: Line | None = None  # the line before, the last of the last group
    for line in lines:
        key = (line.page, line.column, line.band)
        if prev is not None:
            group_x0 = group_left[prev_key]
            if line.opens_paragraph or (in_item and _ends_item(prev, line, settings)):
                pass  # a paragraph of its own after the item, though set as close as its lines
            elif _same_paragraph(prev, line, group_x0, settings) or _continues_across_break(prev, line, settings):
                groups[-1].lines.append(line)
                left = group_left.get(key)
                if left is None or line.x0 < left:
                    group_left[key] = line.x0
                if line.starts_new_line:
                    in_item = _is_item(line)
                prev, prev_key = line, key
                continue
        groups.append(Group([line]))
        group_left = {key: line.x0}
        in_item = _is_item(line)
        prev, prev_key = line, key
    return groups


def _is_item(line: Line) -> bool:
    """The line opens an item of a list: a bullet, not a line icon (an owner, a deadline)."""
    return line.starts_new_line and line.text.lstrip().startswith(_ITEM_MARKS)


def _ends_item(prev: Line, line: Line, s: LayoutSettings) -> bool:
    """After an item's line that ends a sentence or a parenthesis, a line that starts a sentence is no
    more of the item ("… IoT, etc.)" / "Expérimenté avec succès…"). A stop ends the sentence even
    where the item's line reaches the edge (a full line, after which the next word could not have
    fitted); a parenthesis or a semicolon alone only when the line did not wrap ("… ouverture
    (DINUM)" / "AgentConnect et…" goes on). A line that opens as only a sentence can (a capitalised
    article or pronoun, then a word in lower case: `vocabulary.sentences`) ends the item after any
    line but one that calls for more ("…, ", "… :", a hyphen)."""
    if line.starts_new_line or line.page != prev.page:
        return False
    text, nxt = prev.text.rstrip(), line.text.lstrip()
    if not text or not nxt[:1].isupper():
        return False
    if text[-1] not in ",:-\u2010" and opens_sentence(nxt):
        return True
    if text[-1] not in ".;!?)":
        return False
    if text.rstrip(")»\"'’”").endswith((".", "!", "?")):
        return True
    return not _wrapped_before(prev, line, s)
