"""Paragraph runs -> logical lines in the brochure-text conventions.

    groups_to_logical(groups, vocabulary, settings) -> [LogicalLine | None]

Lines of a run are joined (hyphenation settled by `hyphenation`); bullets
become "- ", icons start lines; a run indented from its column's left edge
gets a leading space (an icon slot); a short phrase pushed far right under a
list item is printed after it beyond a wide gap (a step and its status side by
side). None stands for the blank line between runs.
"""

from __future__ import annotations

from .hyphenation import join
from .icons import BULLETS, TRAILING_ICONS
from .model import Box, Group, Line, LogicalLine, union
from .paragraphs import was_wrapped
from .settings import LayoutSettings


#: What a bullet opens with, to tell in one test that a line has none.
_BULLET_MARKS = tuple(BULLETS)


def _bullet(text: str) -> str:
    stripped = text.lstrip()
    if not stripped.startswith(_BULLET_MARKS):
        return stripped
    for bullet, replacement in BULLETS.items():
        if stripped.startswith(bullet):
            rest = stripped[len(bullet):].lstrip()
            return ("- " + rest) if replacement == "-" else (replacement + " " + rest)
    return stripped


def _bold(line: Line) -> bool:
    """Every span of the line is set in bold."""
    for sp in line.spans:
        if not sp.bold:
            return False
    return True


def _finish(current: LogicalLine, boxes: list[Box], asides: list[Line], vocabulary: set[str]) -> None:
    """The logical line's box over the boxes of its lines on its page, and the phrase printed beside
    it, after a wide gap (then forgotten); called when it has more than one line or a phrase beside."""
    if len(boxes) > 1:
        current.bbox = union(boxes)
    if not asides:
        return
    text = ""
    for line in asides:
        text = join(text, line.text, vocabulary) if text else line.text.strip()
    current.text = current.text.rstrip() + "  " + text
    if all(l.page == current.page for l in asides):
        current.bbox = union([current.bbox, *(l.bbox for l in asides)])
    asides.clear()


def groups_to_logical(groups: list[Group], vocabulary: set[str], settings: LayoutSettings) -> list[LogicalLine | None]:
    """Logical lines in the text conventions; None stands for a blank line between runs."""
    s = settings
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
            and indent > s.status_indent_pt
            and first.page in (last_item_line.page, last_item_line.page + 1)
            and not first.starts_new_line
        ):
            text = " ".join(l.text.strip() for l in group.lines)
            last_item.text = last_item.text.rstrip() + "  " + text
            if last_item.page == first.page:
                last_item.bbox = union([last_item.bbox, *(l.bbox for l in group.lines)])
            continue
        if out:
            out.append(None)
        current: LogicalLine | None = None
        current_last: Line | None = None
        boxes: list[Box] = []  # the boxes of the current logical line's lines on its page
        asides: list[Line] = []  # printed beside the lines of the current logical line
        for line in group.lines:
            text = line.text
            # an icon the wrapping pushed to this line ends the line before
            trailing_icon = line.starts_new_line and current_last is not None and text.lstrip()[:1] in TRAILING_ICONS and was_wrapped(current_last, line, s)
            if current is None or (line.starts_new_line and not trailing_icon):
                if current is None:
                    prefix = " " if s.icon_slot_min_pt <= indent <= s.icon_slot_max_pt else ""
                else:
                    if len(boxes) > 1 or asides:
                        _finish(current, boxes, asides, vocabulary)
                    slot = s.icon_slot_min_pt
                    prefix = " " if line.x0 - first.base_left >= slot and line.x0 - first.x0 >= slot else ""
                box = line.bbox
                current = LogicalLine(prefix + _bullet(text), line.page, box, bold=_bold(line))
                out.append(current)
                boxes = [box]
            else:
                current.text = join(current.text, text, vocabulary)
                if line.page == current.page:
                    boxes.append(line.bbox)
                if current.bold:
                    current.bold = _bold(line)
            if line.aside:
                asides.extend(line.aside)
            current_last = line
        if current is not None and (len(boxes) > 1 or asides):
            _finish(current, boxes, asides, vocabulary)
        last_item, last_item_line = (current, current_last) if current is not None and current.text.lstrip().startswith(("- ", "➔", "→")) else (None, None)
    return out
