"""The brochure typeset with PyMuPDF's Story (HTML and CSS layout by MuPDF).

Each section of the plan is one Story, placed into page rectangles: one
full-width rectangle for cover, contents, cards and tables; two columns for
narrative and chart pages (after a full-width lead: the mission code,
headline and objective). Running headers and page numbers are drawn on the
finished pages.
"""

from __future__ import annotations

import html
import io

from .brochure_layout import Element, Section, inline_runs
from .fonts import BOLD, DEJAVU_DIR, OBLIQUE, REGULAR, dejavu

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN_X, TOP, BOTTOM = 50.0, 62.0, 60.0
GUTTER = 22.0

CSS = f"""
@font-face {{ font-family: dv; src: url({REGULAR}); }}
@font-face {{ font-family: dv; src: url({BOLD}); font-weight: bold; }}
@font-face {{ font-family: dv; src: url({OBLIQUE}); font-style: italic; }}
body {{ font-family: dv; font-size: 9pt; line-height: 1.25; color: #1a1a1a; }}
p {{ margin: 0 0 5pt 0; }}
h1 {{ font-size: 22pt; margin: 0 0 10pt 0; color: #000091; }}
h2 {{ font-size: 13pt; margin: 6pt 0 6pt 0; color: #000091; }}
.lead {{ font-size: 10pt; font-weight: bold; color: #000091; }}
.cover p {{ font-size: 16pt; margin: 0 0 14pt 0; }}
.card {{ border: 0.8pt solid #000091; padding: 5pt 7pt 3pt 7pt; margin: 0 0 9pt 0; }}
.ctitle {{ font-weight: bold; font-size: 10.5pt; color: #000091; margin-bottom: 6pt; }}
.item {{ margin: 0 0 6pt 0; }}
.tight {{ margin-bottom: 1pt; }}
.d1 {{ margin-left: 14pt; }}
.aside {{ margin: 0 0 4pt 270pt; font-style: italic; color: #444444; }}
.lost {{ margin-left: 16pt; }}
.icon {{ color: #000091; }}
.mission {{ font-weight: bold; font-size: 11pt; color: #000091; margin-top: 8pt; }}
.headline {{ font-style: italic; font-size: 8pt; margin: 0 0 6pt 0; color: #444444; }}
.entry {{ margin: 0 0 6pt 0; }}
a {{ color: #000091; text-decoration: underline; }}
table {{ border-collapse: collapse; width: 100%; }}
td {{ border: 0.5pt solid #333333; padding: 2pt 3pt; font-size: 7.5pt; vertical-align: top; }}
tr.head td {{ font-weight: bold; background-color: #e8e8f4; }}
"""


def _inline(lines: list[str]) -> str:
    """Source lines with their markup -> HTML, hard line breaks kept."""
    out: list[str] = []
    bold = False
    for line in lines:
        runs, bold_after = inline_runs(line, bold=bold)
        parts = []
        for run in runs:
            text = html.escape(run.text)
            if run.sup:
                text = f"<sup>{text}</sup>"
            if run.href is not None:
                text = f'<a href="{html.escape(run.href)}">{text}</a>'
            if run.bold:
                text = f"<b>{text}</b>"
            parts.append(text)
        out.append("".join(parts))
        bold = bold_after
    return "<br/>".join(out)


def _icon(icon: str) -> str:
    return f'<span class="icon">{html.escape(icon)}</span> '


def _element_html(element: Element) -> str:
    body = _inline(element.lines)
    if element.kind == "heading":
        return f"<h2>{body}</h2>"
    if element.kind == "card_title":
        return f'<p class="ctitle">{body}</p>'
    if element.kind == "chart_mission":
        return f'<p class="mission">{body}</p>'
    if element.kind == "chart_headline":
        return f'<p class="headline">{body}</p>'
    if element.kind == "chart_entry":
        return f'<p class="entry">{body}</p>'
    if element.kind == "item":
        text = element.lines[0]
        bullet = "•"
        if text.startswith("➔"):
            bullet, text = "➔", text[1:].lstrip()
        lines = [text, *element.lines[1:]]
        cls = ("item d1" if element.depth else "item") + ("" if element.group_end else " tight")
        out = f'<p class="{cls}">{_icon(bullet)}{_inline(lines)}</p>'
        if element.aside:
            out += f'<p class="aside">{_inline([element.aside])}</p>'
        return out
    if element.kind == "icon":
        if element.lost_icon:
            return f'<p class="lost">{body}</p>'
        return f"<p>{_icon(element.icon or '')}{body}</p>"
    return f"<p>{body}</p>"


def _table_html(rows: list[Element], header: list[str] | None) -> str:
    out = ["<table>"]
    for row in rows:
        cells = row.cells or []
        cls = ' class="head"' if header is not None and cells == header else ""
        tds = "".join(f"<td>{_inline([c]) if c else '&#160;'}</td>" for c in cells)
        out.append(f"<tr{cls}>{tds}</tr>")
    out.append("</table>")
    return "".join(out)


def _lead_length(section: Section) -> int:
    """How many leading elements go full width: the mission code, its headline and objective."""
    elements = section.elements
    for i, element in enumerate(elements[:4]):
        if element.kind == "para" and element.lines[0].upper().startswith("OBJECTIF"):
            return i + 1
    return 1 if elements and elements[0].kind == "heading" else 0


def _section_html(section: Section, table_header: list[str] | None) -> tuple[str, str]:
    """(full-width lead HTML, body HTML) of a section."""
    if section.kind == "cover":
        return "", '<div class="cover">' + "".join(f"<p><b>{_inline(e.lines)}</b></p>" for e in section.elements) + "</div>"
    if section.kind == "table":
        return "", _table_html(section.elements, table_header)
    if section.kind == "cards":
        cards: list[list[Element]] = []
        loose: list[str] = []
        for element in section.elements:
            if element.kind == "card_title":
                cards.append([element])
            elif cards:
                cards[-1].append(element)
            else:
                loose.append(_element_html(element))
        html_cards = ['<div class="card">' + "".join(_element_html(e) for e in card) + "</div>" for card in cards]
        return "", "".join(loose) + "".join(html_cards)
    lead_n = _lead_length(section)
    lead = "".join(_element_html(e) for e in section.elements[:lead_n])
    body = "".join(_element_html(e) for e in section.elements[lead_n:])
    return lead, body


def _write_section(writer, section: Section, table_header: list[str] | None, archive, shrink: float) -> tuple[int, bool]:
    """One section on pages of its own: (pages written, whether MuPDF let content overflow a rectangle)."""
    import pymupdf

    mediabox = pymupdf.Rect(0, 0, PAGE_W, PAGE_H)
    full = pymupdf.Rect(MARGIN_X, TOP, PAGE_W - MARGIN_X, PAGE_H - BOTTOM - shrink)
    col_w = (full.width - GUTTER) / 2

    def columns(y0: float) -> list:
        return [
            pymupdf.Rect(full.x0, y0, full.x0 + col_w, full.y1),
            pymupdf.Rect(full.x1 - col_w, y0, full.x1, full.y1),
        ]

    lead_html, body_html = _section_html(section, table_header)
    two_columns = section.kind in ("narrative", "chart")
    device = writer.begin_page(mediabox)
    pages = 1
    overflow = False
    y0 = full.y0
    if lead_html:
        lead = pymupdf.Story(lead_html, user_css=CSS, archive=archive)
        more, filled = lead.place(full)
        lead.draw(device)
        y0 = pymupdf.Rect(filled).y1 + 10
    if body_html:
        story = pymupdf.Story(body_html, user_css=CSS, archive=archive)
        rects = columns(y0) if two_columns else [pymupdf.Rect(full.x0, y0, full.x1, full.y1)]
        while True:
            more = 0
            for rect in rects:
                more, filled = story.place(rect)
                story.draw(device)
                overflow = overflow or pymupdf.Rect(filled).y1 > rect.y1 + 20
                if not more:
                    break
            if not more:
                break
            writer.end_page()
            device = writer.begin_page(mediabox)
            pages += 1
            rects = columns(full.y0) if two_columns else [full]
    writer.end_page()
    return pages, overflow


def _write_all(sections: list[Section], table_header, archive, shrinks: dict[int, float]):
    """The whole brochure in one writer (fonts embedded once); the first section that overflowed, if any."""
    import pymupdf

    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    headers: list[tuple[str, str] | None] = []
    overflowed = None
    for index, section in enumerate(sections):
        pages, overflow = _write_section(writer, section, table_header, archive, shrinks.get(index, 0.0))
        header = ("", "\0cover") if section.kind == "cover" else section.header
        headers.extend([header] * pages)
        if overflow:
            overflowed = index
            break
    writer.close()
    return buffer.getvalue(), headers, overflowed


def render(sections: list[Section], *, title: str, table_header: list[str] | None) -> tuple[bytes, list[tuple[str, str] | None]]:
    """Typeset the sections; returns the PDF bytes and, per page, its running header.

    MuPDF's Story occasionally places a paragraph split between two columns
    below the bottom of the second one (the text would be lost off the page);
    when that happens the brochure is typeset again with slightly shorter
    columns in that section, which moves the split elsewhere.
    """
    import pymupdf

    dejavu()  # fail clearly when the fonts are missing
    archive = pymupdf.Archive(str(DEJAVU_DIR))
    shrinks: dict[int, float] = {}
    for _ in range(40):
        pdf, headers, overflowed = _write_all(sections, table_header, archive, shrinks)
        if overflowed is None:
            break
        shrinks[overflowed] = shrinks.get(overflowed, 0.0) + 3.0
        if shrinks[overflowed] > 36:
            raise RuntimeError("MuPDF Story kept overflowing a column; cannot typeset this brochure")
    else:
        raise RuntimeError("MuPDF Story kept overflowing columns; cannot typeset this brochure")
    return pdf, headers
