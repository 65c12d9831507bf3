"""A trial layout drawn by fpdf2, a producer the reader was not written around (measured, not tuned for).

    render_pdf(edition, style) -> PDF bytes
    typeset_pdfs([(edition, style, out), ...])

fpdf2 writes a report the way a script does: it draws every line itself. Headings
are white text on filled bands; a card's code stands in a filled box of its own
before its title; each step is a two-column row, the step wrapped in a left
cell and its deadline right-aligned in a narrower cell beside it, both from the
row's top; owners follow an arrow up, deadlines a clock face; paragraphs are
justified by fpdf2's own word spacing; the indicators are an fpdf2 table with
horizontal rules only and a shaded header, its cells wrapped. The font is
DejaVu Sans, embedded as a TrueType subset.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from editiondiff.schemas import Edition

from .content import Card, Section, edition_sections, marked_up
from .styles import Style

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SANS_ITALIC = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"
#: The icons: an arrow up for an owner, a clock face for a deadline, a heavy arrow for a step.
ICONS = {"owner": "⬆", "deadline": "◷", "step": "➔"}
BLUE = (0, 0, 145)


def fpdf2() -> str | None:
    """None when fpdf2 and the DejaVu faces are installed, else why not."""
    try:
        import fpdf  # noqa: F401
    except ImportError:
        return "fpdf2 is not installed (the test extra)"
    missing = [p for p in (SANS, SANS_BOLD, SANS_ITALIC) if not Path(p).is_file()]
    return f"DejaVu fonts missing: {', '.join(missing)} (Debian package fonts-dejavu-core)" if missing else None


def _plain(text: str) -> str:
    """Source markup -> the text fpdf2 prints: superscripts as they read ("1er"), bold marks and links dropped."""
    return marked_up(text, str, sup=str, bold=str)


class _Report:
    def __init__(self, style: Style) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(format="Letter" if style.page == "Letter" else "A4")
        self.pdf.set_creation_date(datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc))
        self.pdf.set_margins(18, 16, 18)
        self.pdf.set_auto_page_break(True, margin=18)
        self.pdf.add_font("dv", "", SANS)
        self.pdf.add_font("dv", "B", SANS_BOLD)
        self.pdf.add_font("dv", "I", SANS_ITALIC)
        self.size = style.size_pt
        self.width = self.pdf.w - self.pdf.l_margin - self.pdf.r_margin

    def text(self, text: str, *, style: str = "", size: float | None = None, align: str = "J", indent: float = 0.0, after: float = 1.6) -> None:
        pdf = self.pdf
        pdf.set_font("dv", style, size or self.size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(self.width - indent, (size or self.size) * 0.5, _plain(text), align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(after)

    def band(self, text: str, size: float) -> None:
        pdf = self.pdf
        pdf.set_font("dv", "B", size)
        pdf.set_fill_color(*BLUE)
        pdf.set_text_color(255, 255, 255)
        pdf.multi_cell(self.width, size * 0.6, _plain(text), fill=True, align="L", new_x="LMARGIN", new_y="NEXT", padding=(1.5, 2, 1.5, 2))
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)

    def card(self, card: Card) -> None:
        pdf = self.pdf
        if pdf.will_page_break(self.size * 4):
            pdf.add_page()
        pdf.ln(2)
        pdf.set_font("dv", "B", self.size)
        pdf.set_fill_color(225, 228, 245)
        code = _plain(card.code)
        pdf.cell(pdf.get_string_width(code) + 6, self.size * 0.6, code, fill=True, align="C")
        pdf.cell(3)
        pdf.set_text_color(*BLUE)
        pdf.multi_cell(0, self.size * 0.6, "→ " + _plain(card.title), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1)
        if card.status:
            self.text(card.status, style="I", align="L")
        for text in card.paragraphs:
            self.text(text)
        for owner in card.owners:
            self.text(f"{ICONS['owner']} {owner}", align="L")
        for text, deadline in card.steps:
            self.step(text, deadline)
        for deadline in card.deadlines:
            self.text(f"{ICONS['deadline']} {deadline}", align="L")
        for note in card.notes:
            self.text(note)

    def step(self, text: str, deadline: str | None) -> None:
        """The step wrapped in a left cell, its deadline right-aligned beside it, both from the row's top."""
        pdf = self.pdf
        line = self.size * 0.5
        left = self.width * 0.68
        pdf.set_font("dv", "", self.size)
        if pdf.will_page_break(line * 3):
            pdf.add_page()
        top, x = pdf.get_y(), pdf.l_margin
        pdf.set_xy(x, top)
        pdf.cell(5, line, ICONS["step"])
        pdf.multi_cell(left - 5, line, _plain(text), align="L", new_x="LMARGIN", new_y="NEXT")
        bottom = pdf.get_y()
        if deadline:
            pdf.set_font("dv", "I", self.size)
            pdf.set_xy(x + left + 4, top)
            pdf.multi_cell(self.width - left - 4, line, _plain(deadline), align="R", new_x="LMARGIN", new_y="NEXT")
            bottom = max(bottom, pdf.get_y())
        pdf.set_xy(x, bottom + 1.2)

    def table(self, section: Section) -> None:
        from fpdf.fonts import FontFace

        pdf = self.pdf
        for role, text in section.blocks:
            self.block(role, text)
        values = len(section.rows[0]) - 2
        widths = (20, 66, *([(self.width - 86) / values] * values))
        pdf.set_font("dv", "", self.size - 1.5)
        with pdf.table(col_widths=widths, borders_layout="HORIZONTAL_LINES", text_align=("LEFT", "LEFT", *(["RIGHT"] * values)),
                       headings_style=FontFace(emphasis="BOLD", fill_color=(225, 228, 245)), line_height=(self.size - 1.5) * 0.5,
                       repeat_headings=1, width=self.width) as table:
            for row in section.rows:
                cells = table.row()
                for cell in row:
                    cells.cell(_plain(cell))

    def block(self, role: str, text: str) -> None:
        if role == "title":
            self.band(text, self.size + 8)
        elif role == "heading":
            self.text(text, style="B", size=self.size + 3, align="L", after=2.5)
        elif role == "lead":
            self.text(text, style="B", size=self.size + 1, align="L")
        elif role == "caption":
            self.text(text, size=self.size - 2, align="L", after=0.8)
        else:
            self.text(text)


def render_pdf(edition: Edition, style: Style) -> bytes:
    report = _Report(style)
    pdf = report.pdf
    for section in edition_sections(edition):
        if section.kind != "back" or pdf.page == 0:
            pdf.add_page()
        if section.kind == "table":
            report.table(section)
            continue
        for role, text in section.blocks:
            report.block(role, text)
        for card in section.cards:
            report.card(card)
    return bytes(pdf.output())


def typeset_pdfs(jobs: list[tuple[Edition, Style, Path]]) -> None:
    missing = fpdf2()
    if missing:
        raise RuntimeError(missing)
    for edition, style, out in jobs:
        out.write_bytes(render_pdf(edition, style))
