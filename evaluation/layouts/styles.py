"""The layouts of the family: one `Style` each, read by the HTML and word-processor producers.

A style says where things go (cards as boxes, a side panel left or right, two
cards side by side, a strip under the steps, the code in a pill), how the
narrative is set (one or two justified, hyphenated columns), which face and
page size, how icons are drawn (glyphs, images, none) and how the indicator
table looks (ruled or borderless, on a landscape page). What is printed, and in
which order within each card, never changes: only its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CardPlace = Literal["flow", "panel-right", "panel-left", "side-by-side", "strip"]


@dataclass(frozen=True)
class Style:
    name: str
    producer: Literal["chromium", "libreoffice", "pymupdf", "reportlab", "groff", "latex", "fpdf2"]
    summary: str
    cards: CardPlace = "flow"
    boxed: bool = False
    pill: bool = False
    columns: int = 1
    justify: bool = False
    hyphenate: bool = False
    font: str = "DejaVu Sans"
    size_pt: float = 9.5
    small_caps: bool = False
    page: Literal["A4", "Letter"] = "A4"
    icons: Literal["glyph", "image", "none"] = "glyph"
    table: Literal["ruled", "borderless"] = "ruled"
    table_landscape: bool = False


FAMILY: tuple[Style, ...] = (
    Style("pymupdf-story", "pymupdf", "the project's own PyMuPDF Story brochure (two-column narrative, boxed cards)"),
    Style("reportlab-platypus", "reportlab", "the project's own ReportLab brochure (two-column narrative, boxed cards)"),
    Style(
        "chromium-columns-hyphenated", "chromium", "two justified columns with real hyphenation, serif face",
        columns=2, justify=True, hyphenate=True, font="DejaVu Serif",
    ),
    Style("chromium-panel-right", "chromium", "one column, cards as bordered boxes, owner and deadlines in a side panel on the right", cards="panel-right", boxed=True),
    Style("chromium-panel-left", "chromium", "the same with the panel on the left, condensed face", cards="panel-left", boxed=True, font="DejaVu Sans Condensed"),
    Style("chromium-side-by-side", "chromium", "two cards side by side on each row", cards="side-by-side", boxed=True, size_pt=8.5),
    Style("chromium-pill", "chromium", "the code in a pill apart from the title, small capitals, US Letter", pill=True, boxed=True, small_caps=True, page="Letter"),
    Style("chromium-icon-images", "chromium", "icons drawn as images, owner and deadline in a strip under the steps", cards="strip", boxed=True, icons="image"),
    Style("chromium-no-icons", "chromium", "no icon at all, borderless table on a landscape page", icons="none", table="borderless", table_landscape=True, font="Liberation Sans Narrow"),
    Style("chromium-letter-serif", "chromium", "US Letter, serif face, panel on the right, ruled table on a landscape page", cards="panel-right", boxed=True,
          font="Liberation Serif", page="Letter", table_landscape=True),
    Style("libreoffice-writer", "libreoffice", "word-processor document (python-docx) with real list styles and a real table, exported by LibreOffice"),
    Style("libreoffice-writer-serif", "libreoffice", "the same in a serif face on US Letter", font="Liberation Serif", page="Letter"),
    Style("groff-ms-columns", "groff", "troff's ms macros through gropdf: everything in two justified columns hyphenated by troff's French patterns "
          "(an ASCII hyphen), cards running on from column to column, steps and deadlines as a borderless tbl table, icons from the "
          "Symbol and ZapfDingbats base fonts (not embedded), tbl's ruled table with its header repeated", columns=2, justify=True,
          hyphenate=True, font="Times"),
    Style("latex-article", "latex", "LaTeX's article class through pdfTeX: no space characters in the text layer, justified and hyphenated "
          "by babel's French patterns, Latin Modern with ligatures, steps as a list marked by ZapfDingbats arrows with the deadline "
          "at the right margin, a long table ruled by booktabs' horizontal rules only", justify=True, hyphenate=True, font="Latin Modern",
          size_pt=10),
)

#: Layouts by producers the reader was not written around, scored beside the family but not held to
#: its target: each measures how the reader does on a typesetter it meets for the first time. The
#: groff and LaTeX layouts were trials (41.0 % and 59.9 % of fields at their first reading) until the
#: reader was made to read them; they are in the family now.
TRIALS: tuple[Style, ...] = (
    Style("fpdf2-report", "fpdf2", "a report drawn line by line by fpdf2: headings on filled bands, each card's code in a filled box before "
          "its title, each step beside its deadline in two cells from the row's top, a clock face before deadlines, a table with "
          "horizontal rules only and a shaded header; DejaVu Sans embedded as a TrueType subset"),
)


def style(name: str) -> Style:
    for s in FAMILY + TRIALS:
        if s.name == name:
            return s
    raise KeyError(f"no layout named {name!r}; layouts: {', '.join(s.name for s in FAMILY + TRIALS)}")
