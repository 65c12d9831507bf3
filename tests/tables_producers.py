"""Small table PDFs for the tests/test_tables_*.py files, written by more than one producer.

A page is described once (`Page`: texts anchored left, right or centre at a
baseline, rules, size as shown, turned by /Rotate or not) and drawn by
ReportLab (Times faces) or PyMuPDF (Helvetica faces), each measuring text with
its own font metrics; `chromium_pdf` prints an HTML table with headless
Chromium (the layout family's printer) for the cases HTML says best.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

PRODUCERS = ("reportlab", "pymupdf")


@dataclass
class Text:
    x: float  # the anchor: left end, right end or centre, as `align` says
    y: float  # baseline, from the top of the page as shown
    text: str
    size: float = 9.0
    bold: bool = False
    align: str = "left"


@dataclass
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    width: float = 595.0  # as shown
    height: float = 842.0
    texts: list[Text] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    rotate: bool = False  # a portrait sheet turned by /Rotate 90 to show this landscape page
    sideways: bool = False  # this landscape page printed sideways on a portrait sheet, no /Rotate


def grid(rows: list[list[str]], xs: list[float], top: float, pitch: float, *, size: float = 9.0, bold_rows: int = 0,
         right: tuple[int, ...] = ()) -> list[Text]:
    """Cell texts of a table: row r at baseline top + r * pitch, column c anchored at xs[c] (right-aligned if c in `right`)."""
    out = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell:
                out.append(Text(xs[c], top + r * pitch, cell, size, bold=r < bold_rows, align="right" if c in right else "left"))
    return out


def prose(x: float, top: float, width_chars: int, count: int, *, seed: int = 0, size: float = 9.0, leading: float = 11.0) -> list[Text]:
    """Lines of running text (no numbers) in one column."""
    words = ("la", "mission", "porte", "une", "action", "pour", "les", "agents", "publics", "et", "elle", "vise",
             "à", "simplifier", "démarches", "usagers", "dans", "chaque", "territoire", "avec", "des", "outils", "communs")
    out, k = [], seed
    for i in range(count):
        line = []
        while sum(len(w) + 1 for w in line) < width_chars:
            line.append(words[k % len(words)])
            k += 7
        out.append(Text(x, top + i * leading, " ".join(line), size))
    return out


def reportlab_pdf(pages: list[Page]) -> bytes:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for page in pages:
        w, h = page.width, page.height
        # ReportLab writes the MediaBox of a page it turns by 90 degrees with the sides swapped
        c.setPageSize((h, w) if page.sideways else (w, h))
        c.setPageRotation(90 if page.rotate else 0)
        if page.rotate or page.sideways:
            # shown (x, y up) -> the portrait sheet's user space, the sheet turned clockwise when shown
            c.transform(0, 1, -1, 0, h, 0)
        for t in page.texts:
            font = "Times-Bold" if t.bold else "Times-Roman"
            width = stringWidth(t.text, font, t.size)
            x = t.x - width if t.align == "right" else t.x - width / 2 if t.align == "centre" else t.x
            c.setFont(font, t.size)
            c.drawString(x, h - t.y, t.text)
        c.setLineWidth(0.6)
        for r in page.rules:
            c.line(r.x0, h - r.y0, r.x1, h - r.y1)
        c.showPage()
    c.save()
    return buf.getvalue()


def pymupdf_pdf(pages: list[Page]) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for page in pages:
        if page.rotate or page.sideways:
            p = doc.new_page(width=page.height, height=page.width)
            p.set_rotation(90)
            turn = p.derotation_matrix
            if page.sideways:
                p.set_rotation(0)
        else:
            p = doc.new_page(width=page.width, height=page.height)
            turn = pymupdf.Identity
        for t in page.texts:
            font = "hebo" if t.bold else "helv"
            width = pymupdf.get_text_length(t.text, fontname=font, fontsize=t.size)
            x = t.x - width if t.align == "right" else t.x - width / 2 if t.align == "centre" else t.x
            p.insert_text(pymupdf.Point(x, t.y) * turn, t.text, fontname=font, fontsize=t.size, rotate=90 if page.rotate or page.sideways else 0)
        for r in page.rules:
            p.draw_line(pymupdf.Point(r.x0, r.y0) * turn, pymupdf.Point(r.x1, r.y1) * turn, width=0.6)
    data = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return data


def produce(producer: str, pages: list[Page]) -> bytes:
    return {"reportlab": reportlab_pdf, "pymupdf": pymupdf_pdf}[producer](pages)


def write(tmp_path: Path, producer: str, pages: list[Page], name: str = "table") -> Path:
    path = tmp_path / f"{name}-{producer}.pdf"
    path.write_bytes(produce(producer, pages))
    return path


def chromium_pdf(html_body: str, out: Path, *, css: str = "") -> Path | None:
    """`html_body` printed by headless Chromium (None when it is not installed)."""
    from evaluation.layouts.html import chromium, print_pdf

    if chromium() is None:
        return None
    page = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>'
        "@page { size: A4; margin: 15mm; } body { font-family: 'DejaVu Sans'; font-size: 9pt; }"
        "table { border-collapse: collapse; } td, th { padding: 2pt 8pt; text-align: left; font-weight: normal; }"
        f"{css}</style></head><body>{html_body}</body></html>"
    )
    print_pdf(page, out)
    return out


def html_table(rows: list[list[str]], *, head: int = 1, spans: dict[tuple[int, int], int] | None = None) -> str:
    """An HTML table: the first `head` rows in <thead>; `spans`: (row, column) -> colspan."""
    spans = spans or {}

    def tr(r: int, row: list[str], tag: str) -> str:
        cells, c = [], 0
        while c < len(row):
            span = spans.get((r, c), 1)
            attr = f' colspan="{span}"' if span > 1 else ""
            cells.append(f"<{tag}{attr}>{row[c] or '&#160;'}</{tag}>")
            c += span
        return "<tr>" + "".join(cells) + "</tr>"

    thead = "".join(tr(r, row, "th") for r, row in enumerate(rows[:head]))
    tbody = "".join(tr(r, row, "td") for r, row in enumerate(rows) if r >= head)
    return f"<table><thead>{thead}</thead><tbody>{tbody}</tbody></table>"


def table_cells(path: Path) -> list[list[str]]:
    """The cells of every table row the PDF reader makes of the file."""
    from editiondiff.extract.pdf import read_pdf

    return [b.cells for b in read_pdf(path).blocks if b.kind == "table_row"]


def indicator_table(path: Path):
    from editiondiff.extract.indicators import rows_to_indicator_table
    from editiondiff.extract.pdf import read_pdf

    return rows_to_indicator_table([b for b in read_pdf(path).blocks if b.kind == "table_row"])
