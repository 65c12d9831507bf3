"""A family layout as a word-processor document (python-docx), exported to PDF by LibreOffice.

    edition_docx(edition, style) -> docx.Document
    export_pdf(edition, style, out)

Real paragraph styles (Title, Heading 1/2), steps in the "List Bullet" list
style with the deadline after a right-aligned tab stop at the margin, owner
and deadline lines with their icon glyphs, and the indicators as a real Word
table ("Table Grid"). LibreOffice (`soffice --headless --convert-to pdf`)
lays the document out and writes the PDF.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..render.brochure_layout import inline_runs
from editiondiff.schemas import Edition

from .content import Card, edition_sections
from .html import ICONS
from .styles import Style


def _runs(paragraph, text: str, *, bold: bool = False, italic: bool = False, size=None) -> None:
    runs, _ = inline_runs(text)
    for run in runs:
        r = paragraph.add_run(run.text)
        if size is not None:
            r.font.size = size
        r.bold = bold or run.bold
        r.italic = italic
        if run.sup:
            r.font.superscript = True


def _card(doc, card: Card, width) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT

    title = doc.add_paragraph(style="Heading 3")
    _runs(title, f"{card.code} → {card.title}")
    if card.status:
        _runs(doc.add_paragraph(), card.status, italic=True)
    for text in card.paragraphs:
        _runs(doc.add_paragraph(), text)
    for owner in card.owners:
        _runs(doc.add_paragraph(), f"{ICONS['owner']} {owner}")
    for text, deadline in card.steps:
        p = doc.add_paragraph(style="List Bullet")
        p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        _runs(p, text)
        if deadline:
            p.add_run("\t")
            _runs(p, deadline, italic=True)
    for deadline in card.deadlines:
        _runs(doc.add_paragraph(), f"{ICONS['deadline']} {deadline}")
    for note in card.notes:
        _runs(doc.add_paragraph(), note)


def edition_docx(edition: Edition, style: Style):
    import docx
    from docx.shared import Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    if style.page == "Letter":
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    width = section.page_width - section.left_margin - section.right_margin
    normal = doc.styles["Normal"]
    normal.font.name = style.font
    normal.font.size = Pt(style.size_pt)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        heading = doc.styles[name]
        heading.font.name = style.font
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.paragraph_format.space_before = Pt(10)
        heading.paragraph_format.space_after = Pt(4)
    first = True
    for part in edition_sections(edition):
        if not first and part.kind != "back":
            doc.add_page_break()
        first = False
        for role, text in part.blocks:
            kind = {"title": "Heading 1", "heading": "Heading 2"}.get(role)
            p = doc.add_paragraph(style=kind) if kind else doc.add_paragraph()
            _runs(p, text, bold=role == "lead")
        for card in part.cards:
            _card(doc, card, width)
        if part.rows:
            table = doc.add_table(rows=0, cols=len(part.rows[0]))
            table.style = "Table Grid"
            table.autofit = False
            values = len(part.rows[0]) - 2
            widths = [Mm(22), width - Mm(22) - Mm(24) * values] + [Mm(24)] * values
            for index, row in enumerate(part.rows):
                cells = table.add_row().cells
                for cell, text, cell_width in zip(cells, row, widths):
                    cell.width = cell_width
                    _runs(cell.paragraphs[0], text, bold=index == 0, size=Pt(7.5))
            for column, cell_width in zip(table.columns, widths):
                column.width = cell_width
    core = doc.core_properties
    core.title = f"{edition.label} (re-typeset)"
    core.author = "editiondiff"
    core.created = core.modified = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    core.revision = 1
    return doc


def export_pdf(edition: Edition, style: Style, out: Path) -> None:
    export_pdfs([(edition, style, out)])


def export_pdfs(jobs: list[tuple[Edition, Style, Path]]) -> None:
    """Many documents exported by one LibreOffice call (`soffice --convert-to pdf a.docx b.docx ...`)."""
    if not jobs:
        return
    exe = shutil.which("soffice")
    if exe is None:
        raise RuntimeError("LibreOffice is not installed (Debian package libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for index, (edition, style, _out) in enumerate(jobs):
            source = Path(tmp) / f"layout-{index}.docx"
            edition_docx(edition, style).save(source)
            sources.append(source)
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf", "--outdir", tmp, *map(str, sources)],
            check=True, capture_output=True, timeout=180 + 20 * len(jobs),
        )
        for source, (_edition, _style, out) in zip(sources, jobs):
            pdf = source.with_suffix(".pdf")
            if not pdf.is_file():
                raise RuntimeError(f"LibreOffice wrote no PDF for {out.name}")
            shutil.move(str(pdf), out)
