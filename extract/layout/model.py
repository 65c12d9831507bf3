"""What the layout steps hand each other: spans, visual lines, paragraph runs, logical lines.

    Span          a run of text in one font (MuPDF's span), its icon codes restored
    Line          a visual line of spans on one page, tagged by the layout steps
                  with its column, band and column edges
    Group         a paragraph run: lines the text convention writes without a blank line
    LogicalLine   one line of the brochure-text conventions, with page and box

Boxes are PDF points, origin top-left: (x0, y0, x1, y1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class Span:
    text: str
    font: str
    size: float
    bbox: Box
    sup: bool = False
    bold: bool = False
    italic: bool = False


@dataclass(init=False, slots=True, eq=False)
class Line:
    """A visual line, one place on a page: lines are told apart by identity, not by value, so
    they can key a dict or fill a set themselves (equal text at equal places is still two lines).

    Its box `bbox` and its sides x0, y0, x1, y1 are plain attributes, since the layout steps read
    the sides some 90,000 times on a 32-page brochure and the box some 13,000, and a property
    call each time cost more than its use: a step that moves a line's box gives it with
    `set_box`, which keeps the sides in step."""

    page: int  # 1-based
    spans: list[Span]
    bbox: Box
    size: float
    text: str
    column: int  # 0 single/full width, 1 left, 2 right
    band: int
    base_left: float
    col_right: float
    block: int  # MuPDF's text block the line came from
    # read many times while paragraphs are formed: set with the line's text (`spans.page_lines`)
    starts_new_line: bool  # it starts with a bullet or a line icon
    first_word_width: float
    #: Lines printed beside this one, right-aligned, that belong to it (a step's deadline, `asides`).
    aside: list["Line"]
    #: The line starts a paragraph whatever its place says (prose set under a list as close as its
    #: items, `unmarked`).
    opens_paragraph: bool
    x0: float = field(repr=False)
    y0: float = field(repr=False)
    x1: float = field(repr=False)
    y1: float = field(repr=False)

    # written out, not generated: a page makes hundreds of lines, most with their defaults
    def __init__(
        self,
        page: int,
        spans: list[Span],
        bbox: Box,
        size: float,
        text: str = "",
        column: int = 0,
        band: int = 0,
        base_left: float = 0.0,
        col_right: float = 0.0,
        block: int = 0,
        starts_new_line: bool = False,
        first_word_width: float = 0.0,
        aside: list[Line] | None = None,
    ) -> None:
        self.page = page
        self.spans = spans
        self.size = size
        self.text = text
        self.column = column
        self.band = band
        self.base_left = base_left
        self.col_right = col_right
        self.block = block
        self.starts_new_line = starts_new_line
        self.first_word_width = first_word_width
        self.aside = [] if aside is None else aside
        self.opens_paragraph = False
        self.bbox = bbox
        self.x0, self.y0, self.x1, self.y1 = bbox

    def set_box(self, box: Box) -> None:
        """Give the line a new box (the steps that glue lines together): its sides follow it."""
        self.bbox = box
        self.x0, self.y0, self.x1, self.y1 = box


#: A line's sides, read by C (min, max, sorted and numpy over many lines, without a Python call a line).
line_x0, line_y0, line_x1, line_y1 = attrgetter("x0"), attrgetter("y0"), attrgetter("x1"), attrgetter("y1")


@dataclass
class LogicalLine:
    text: str
    page: int
    bbox: Box
    bold: bool = False


@dataclass
class Group:
    lines: list[Line] = field(default_factory=list)


def has_word(text: str) -> bool:
    """Whether a text holds a letter or a digit (an icon, an arrow or a bullet holds none)."""
    for char in text:
        if char.isalnum():
            return True
    return False


def level_with(a: Line, b: Line, share: float) -> bool:
    """`a` and `b` stand on one row: they overlap vertically by more than `share` of the lower one's height."""
    # min and max spelled out (it is called for pairs of lines): a tie keeps the first, as they do
    ay0, ay1, by0, by1 = a.y0, a.y1, b.y0, b.y1
    top = by0 if by0 > ay0 else ay0
    bottom = by1 if by1 < ay1 else ay1
    ah, bh = ay1 - ay0, by1 - by0
    return bottom - top > share * (bh if bh < ah else ah)


def centre_in(line: Line, box: Box, slack: float) -> bool:
    """The line's centre lies in `box`, widened by `slack` on every side."""
    cx, cy = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
    return box[0] - slack <= cx <= box[2] + slack and box[1] - slack <= cy <= box[3] + slack


def union(boxes) -> Box:
    """The smallest box holding all the given boxes (one or more).

    It is called for every line, most often on a few boxes: one pass, each side compared as min and
    max compare (a tie keeps the first), costs less than gathering the sides for them."""
    them = iter(boxes)
    first = next(them, None)
    if first is None:
        raise ValueError("union of no boxes")
    x0, y0, x1, y1 = first
    for a0, b0, a1, b1 in them:
        if a0 < x0:
            x0 = a0
        if b0 < y0:
            y0 = b0
        if a1 > x1:
            x1 = a1
        if b1 > y1:
            y1 = b1
    return (x0, y0, x1, y1)
