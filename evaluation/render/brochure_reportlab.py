"""The brochure typeset with ReportLab's platypus (`invariant=1`: same input, same bytes).

Narrative and chart sections flow in two balanced columns after a
full-width lead; cards are boxed tables that may split between their rows;
the indicator table is a ruled table. Icons are drawn partly from the
ZapfDingbats base font (➔ and ✓ there come out of text extraction as other
letters, which the extractor maps back by font and code point) and partly
from DejaVu Sans.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from .brochure_layout import Element, Section, inline_runs
from .fonts import BOLD, OBLIQUE, REGULAR, dejavu

#: Icons drawn with ZapfDingbats (the glyph ReportLab picks for the Unicode character).
DINGBAT_ICONS = {"➔": "➔", "✓": "✓", "📅": "✇"}

PAGE_W, PAGE_H = 595.2756, 841.8898  # reportlab.lib.pagesizes.A4
MARGIN_X, TOP, BOTTOM = 50.0, 62.0, 60.0
GUTTER = 22.0
LEAD_H = 96.0  # height of the full-width band above the columns on a mission page


def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DV" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("DV", str(dejavu(REGULAR))))
    pdfmetrics.registerFont(TTFont("DV-Bold", str(dejavu(BOLD))))
    pdfmetrics.registerFont(TTFont("DV-Oblique", str(dejavu(OBLIQUE))))
    addMapping("DV", 0, 0, "DV")
    addMapping("DV", 1, 0, "DV-Bold")
    addMapping("DV", 0, 1, "DV-Oblique")
    addMapping("DV", 1, 1, "DV-Bold")


def _markup(lines: list[str]) -> str:
    """Source lines -> ReportLab paragraph markup, hard line breaks kept."""
    out: list[str] = []
    bold = False
    for line in lines:
        runs, bold_after = inline_runs(line, bold=bold)
        parts = []
        for run in runs:
            text = escape(run.text)
            for icon, glyph in DINGBAT_ICONS.items():
                if icon in text and icon != "➔":
                    text = text.replace(icon, f'<font name="ZapfDingbats">{glyph}</font>')
            if run.sup:
                text = f"<super>{text}</super>"
            if run.href is not None:
                text = f'<u><font color="#000091">{text}</font></u>'
            if run.bold:
                text = f"<b>{text}</b>"
            parts.append(text)
        out.append("".join(parts))
        bold = bold_after
    return "<br/>".join(out)


def _icon(icon: str) -> str:
    if icon in DINGBAT_ICONS:
        return f'<font name="ZapfDingbats" color="#000091">{DINGBAT_ICONS[icon]}</font> '
    return f'<font color="#000091">{escape(icon)}</font> '


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib.colors import HexColor
        from reportlab.lib.styles import ParagraphStyle

        blue = HexColor("#000091")
        base = ParagraphStyle("base", fontName="DV", fontSize=9, leading=11.5, spaceAfter=5)
        self.body = base
        self.heading = ParagraphStyle("h", parent=base, fontName="DV-Bold", fontSize=13, leading=16, textColor=blue, spaceBefore=6, spaceAfter=6)
        self.cover = ParagraphStyle("cover", parent=base, fontName="DV-Bold", fontSize=16, leading=20, spaceAfter=14)
        self.ctitle = ParagraphStyle("ct", parent=base, fontName="DV-Bold", fontSize=10.5, leading=13, textColor=blue, spaceAfter=6)
        self.item = ParagraphStyle("item", parent=base, spaceAfter=6)
        self.item1 = ParagraphStyle("item1", parent=self.item, leftIndent=14)
        self.item_tight = ParagraphStyle("item_t", parent=base, spaceAfter=1)
        self.item1_tight = ParagraphStyle("item1_t", parent=self.item_tight, leftIndent=14)
        self.aside = ParagraphStyle("aside", parent=base, fontName="DV-Oblique", leftIndent=270, spaceAfter=4)
        self.lost = ParagraphStyle("lost", parent=base, leftIndent=16)
        self.mission = ParagraphStyle("m", parent=base, fontName="DV-Bold", fontSize=11, leading=14, textColor=blue, spaceBefore=8)
        self.entry = ParagraphStyle("e", parent=base, spaceAfter=6)
        self.headline = ParagraphStyle("hl", parent=base, fontName="DV-Oblique", fontSize=8, leading=10, spaceAfter=6)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9, spaceAfter=0)
        self.headcell = ParagraphStyle("hcell", parent=self.cell, fontName="DV-Bold")


def _flowables(element: Element, st: _Styles) -> list:
    from reportlab.platypus import Paragraph

    body = _markup(element.lines)
    if element.kind == "heading":
        return [Paragraph(body, st.heading)]
    if element.kind == "card_title":
        return [Paragraph(body, st.ctitle)]
    if element.kind == "chart_mission":
        return [Paragraph(body, st.mission)]
    if element.kind == "chart_headline":
        return [Paragraph(body, st.headline)]
    if element.kind == "chart_entry":
        return [Paragraph(body, st.entry)]
    if element.kind == "item":
        text = element.lines[0]
        bullet = "•"
        if text.startswith("➔"):
            bullet, text = "➔", text[1:].lstrip()
        style = (st.item1 if element.depth else st.item) if element.group_end else (st.item1_tight if element.depth else st.item_tight)
        out = [Paragraph(_icon(bullet) + _markup([text, *element.lines[1:]]), style)]
        if element.aside:
            out.append(Paragraph(_markup([element.aside]), st.aside))
        return out
    if element.kind == "icon":
        if element.lost_icon:
            return [Paragraph(body, st.lost)]
        return [Paragraph(_icon(element.icon or "") + body, st.body)]
    return [Paragraph(body, st.body)]


def _column_flowables(elements: list[Element], st: _Styles) -> list:
    """Flowables of a column flow; a paragraph cut mid-sentence is kept together with the next one."""
    from reportlab.platypus import KeepTogether

    out: list = []
    held: list = []
    for element in elements:
        flowables = _flowables(element, st)
        if held or element.keep_with_next:
            held.extend(flowables)
            if not element.keep_with_next:
                out.append(KeepTogether(held))
                held = []
            continue
        out.extend(flowables)
    if held:
        out.append(KeepTogether(held))
    return out


def _chart_boxes(elements: list[Element], st: _Styles) -> list:
    """The chart's missions, each kept whole in one column (a column break inside would join its lines)."""
    from reportlab.platypus import KeepTogether

    boxes: list[list] = []
    for element in elements:
        if element.kind == "chart_mission" or not boxes:
            boxes.append([])
        boxes[-1].extend(_flowables(element, st))
    return [KeepTogether(box) for box in boxes]


def _card(elements: list[Element], st: _Styles, width: float):
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    rows = []
    style = [
        ("BOX", (0, 0), (-1, -1), 0.8, HexColor("#000091")),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]
    for element in elements:
        flowables = _flowables(element, st)
        for index, flowable in enumerate(flowables):
            # inside a table cell spaceAfter is ignored: the gap between runs of lines is the cell padding
            last = index == len(flowables) - 1
            gap = 7 if (last and element.group_end) or element.kind == "card_title" else (5 if element.aside and not last else 1)
            style.append(("BOTTOMPADDING", (0, len(rows)), (0, len(rows)), gap))
            rows.append([flowable])
    table = Table(rows, colWidths=[width], splitByRow=1)
    table.setStyle(TableStyle(style))
    return table


def _indicator_table(rows: list[Element], header: list[str] | None, st: _Styles, width: float):
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = []
    head_rows = []
    for index, row in enumerate(rows):
        cells = row.cells or []
        is_head = header is not None and cells == header
        if is_head:
            head_rows.append(index)
        data.append([Paragraph(_markup([c]), st.headcell if is_head else st.cell) for c in cells])
    ncols = max(len(r) for r in data)
    for r in data:
        r.extend(Paragraph("", st.cell) for _ in range(ncols - len(r)))
    label = width * 0.4
    first = width * 0.14
    rest = (width - label - first) / max(ncols - 2, 1)
    # a table continued on the next page repeats its header there (when its first row is the header)
    repeat = 1 if head_rows[:1] == [0] else 0
    table = Table(data, colWidths=[first, label] + [rest] * (ncols - 2), repeatRows=repeat)
    style = [("GRID", (0, 0), (-1, -1), 0.5, HexColor("#333333")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for index in head_rows:
        style.append(("BACKGROUND", (0, index), (-1, index), HexColor("#e8e8f4")))
    table.setStyle(TableStyle(style))
    return table


def _lead_length(section: Section) -> int:
    for i, element in enumerate(section.elements[:4]):
        if element.kind == "para" and element.lines[0].upper().startswith("OBJECTIF"):
            return i + 1
    return 1 if section.elements and section.elements[0].kind == "heading" else 0


def render(sections: list[Section], *, metadata: dict[str, str], table_header: list[str] | None) -> bytes:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageBreak, PageTemplate

    _register_fonts()
    st = _Styles()
    width = PAGE_W - 2 * MARGIN_X
    state = {"header": None}

    def on_page(canvas, doc) -> None:
        number = canvas.getPageNumber()
        header = state["header"]
        canvas.saveState()
        if header and header != "cover":
            left, right = header
            canvas.setFont("DV", 8)
            if left:
                canvas.setFillColor(HexColor("#000091"))
                canvas.drawString(MARGIN_X, PAGE_H - 38, left)
                canvas.setFillColor(HexColor("#000000"))
            if right:
                canvas.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 38, right)
        if header != "cover":
            canvas.setFont("DV", 8)
            canvas.drawCentredString(PAGE_W / 2, 28, str(number))
        canvas.restoreState()

    from reportlab.platypus.flowables import Flowable

    class SetHeader(Flowable):
        """A zero-size flowable: the running header of the pages from here on."""

        def __init__(self, header):
            super().__init__()
            self.header = header

        def wrap(self, aw, ah):
            return (0, 0)

        def draw(self):
            state["header"] = self.header

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        invariant=1,
        title=metadata["title"],
        subject=metadata["subject"],
        keywords=metadata["keywords"],
        author=metadata["author"],
        creator=metadata["creator"],
        producer=metadata["producer"],
    )
    pad = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    height = PAGE_H - TOP - BOTTOM
    col_w = (width - GUTTER) / 2

    def columns(h: float) -> list:
        return [
            Frame(MARGIN_X, BOTTOM, col_w, h, id="left", **pad),
            Frame(MARGIN_X + col_w + GUTTER, BOTTOM, col_w, h, id="right", **pad),
        ]

    doc.addPageTemplates(
        [
            PageTemplate(id="full", frames=[Frame(MARGIN_X, BOTTOM, width, height, id="full", **pad)], onPageEnd=on_page),
            # a mission page: code, headline and objective across the page, then two columns
            PageTemplate(
                id="lead",
                frames=[Frame(MARGIN_X, BOTTOM + height - LEAD_H, width, LEAD_H, id="lead", **pad), *columns(height - LEAD_H - 8)],
                onPageEnd=on_page,
            ),
            PageTemplate(id="columns", frames=columns(height), onPageEnd=on_page),
        ]
    )

    story: list = []
    for index, section in enumerate(sections):
        in_columns = section.kind in ("narrative", "chart")
        story.append(NextPageTemplate("lead" if in_columns else "full"))
        if index:
            story.append(PageBreak())
        if in_columns:
            story.append(NextPageTemplate("columns"))
        story.append(SetHeader("cover" if section.kind == "cover" else section.header))
        if section.kind == "cover":
            from reportlab.platypus import Paragraph

            story.extend(Paragraph(_markup(e.lines), st.cover) for e in section.elements)
        elif section.kind == "table":
            story.append(_indicator_table(section.elements, table_header, st, width))
        elif section.kind == "cards":
            card: list[Element] = []
            for element in section.elements:
                if element.kind == "card_title":
                    if card:
                        story.append(_card(card, st, width))
                        story.append(_Spacer(9))
                    card = [element]
                elif card:
                    card.append(element)
                else:
                    story.extend(_flowables(element, st))
            if card:
                story.append(_card(card, st, width))
        elif section.kind == "contents":
            for element in section.elements:
                story.extend(_flowables(element, st))
        else:
            lead = _lead_length(section)
            for element in section.elements[:lead]:
                story.extend(_flowables(element, st))
            story.append(FrameBreak())
            if section.kind == "chart":
                story.extend(_chart_boxes(section.elements[lead:], st))
            else:
                story.extend(_column_flowables(section.elements[lead:], st))
    doc.build(story)
    return buffer.getvalue()


def _Spacer(height: float):
    from reportlab.platypus import Spacer

    return Spacer(1, height)
