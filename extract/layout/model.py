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

Box = tuple[float, float, float, float]


@dataclass
class Span:
    text: str
    font: str
    size: float
    bbox: Box
    sup: bool = False
    bold: bool = False
    italic: bool = False


@dataclass
class Line:
    page: int  # 1-based
    spans: list[Span]
    bbox: Box
    size: float
    text: str = ""
    column: int = 0  # 0 single/full width, 1 left, 2 right
    band: int = 0
    base_left: float = 0.0
    col_right: float = 0.0
    block: int = 0  # MuPDF's text block the line came from
    # read many times while paragraphs are formed: set with the line's text (`spans.page_lines`)
    starts_new_line: bool = False  # it starts with a bullet or a line icon
    first_word_width: float = 0.0
    #: Lines printed beside this one, right-aligned, that belong to it (a step's deadline, `asides`).
    aside: list["Line"] = field(default_factory=list)

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
    bbox: Box
    bold: bool = False


@dataclass
class Group:
    lines: list[Line] = field(default_factory=list)


def union(boxes) -> Box:
    """The smallest box holding all the given boxes (it is called for every line: min and max in C)."""
    x0, y0, x1, y1 = zip(*boxes)
    return (min(x0), min(y0), max(x1), max(y1))
