"""Ruled tables in PDFs: found by pdfplumber, only on the pages that draw a grid.

pdfplumber's table finder is accurate on ruled tables but some 70 times
slower per page than PyMuPDF's text extraction, so pages are first screened
with PyMuPDF's vector drawings (a grid needs many horizontal and vertical
rules) and pdfplumber opens only those. Cell text is taken from PyMuPDF's
spans inside each cell box, so that superscripts and icons are read the same
way as everywhere else. A table continued on the next page is stitched into
one: the repeated header row is dropped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from .pdf_layout import Line, Span, _join, line_text


@dataclass
class TableRegion:
    page: int  # 1-based
    bbox: tuple[float, float, float, float]
    rows: list[list[str]] = field(default_factory=list)
    row_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)


def has_ruled_grid(page, *, continued: bool = False) -> bool:
    """Whether a PyMuPDF page draws enough straight rules to hold a ruled table.

    `continued`: the previous page holds a table, so a few rows (two rules) may be its end.
    """
    horizontal: set[int] = set()
    vertical: set[int] = set()
    for path in page.get_cdrawings():
        for item in path.get("items", ()):
            kind = item[0]
            if kind == "l":
                p, q = item[1], item[2]
                if abs(p[1] - q[1]) < 0.5:
                    horizontal.add(round(p[1]))
                elif abs(p[0] - q[0]) < 0.5:
                    vertical.add(round(p[0]))
            elif kind == "re":
                r = item[1]
                x0, y0, x1, y1 = r[0], r[1], r[2], r[3]
                if abs(y1 - y0) < 1.5:
                    horizontal.add(round(y0))
                elif abs(x1 - x0) < 1.5:
                    vertical.add(round(x0))
                else:
                    horizontal.update((round(y0), round(y1)))
                    vertical.update((round(x0), round(x1)))
    return len(vertical) >= 3 and len(horizontal) >= (2 if continued else 6)


def vector_copy(pages: list) -> bytes:
    """A PDF holding only the straight rules of the given PyMuPDF pages (no text, no fonts).

    pdfplumber's table finder needs the rules only (cell text is taken from
    PyMuPDF); without the text and its embedded fonts, pdfminer parses a
    page some ten times faster.
    """
    import pymupdf

    out = pymupdf.open()
    for page in pages:
        copy = out.new_page(width=page.rect.width, height=page.rect.height)
        shape = copy.new_shape()
        for path in page.get_cdrawings():
            drawn = False
            for item in path.get("items", ()):
                if item[0] == "l":
                    shape.draw_line(item[1], item[2])
                    drawn = True
                elif item[0] == "re":
                    shape.draw_rect(pymupdf.Rect(item[1]))
                    drawn = True
                elif item[0] == "qu":
                    shape.draw_quad(pymupdf.Quad(item[1]))
                    drawn = True
            if drawn:
                color = path.get("color")
                fill = path.get("fill")
                shape.finish(color=tuple(color) if color else None, fill=tuple(fill) if fill else None, width=path.get("width") or 0.5, closePath=False)
        shape.commit()
    data = out.tobytes()
    out.close()
    return data


def _cell_text(lines: list[Line], box: tuple[float, float, float, float], vocabulary: set[str]) -> str:
    x0, y0, x1, y1 = box
    parts: list[str] = []
    for line in lines:
        spans: list[Span] = [
            s for s in line.spans if x0 - 0.5 <= (s.bbox[0] + s.bbox[2]) / 2 <= x1 + 0.5 and y0 - 0.5 <= (s.bbox[1] + s.bbox[3]) / 2 <= y1 + 0.5
        ]
        if not spans:
            continue
        piece = Line(line.page, spans, line.bbox, line.size)
        text = line_text(piece, gap_marker=False).strip()
        if text:
            parts.append(text)
    out = ""
    for part in parts:
        out = _join(out, part, vocabulary, True) if out else part
    return out


def find_tables(rules: bytes, pages: list[int], lines_by_page: dict[int, list[Line]], vocabulary: set[str]) -> list[TableRegion]:
    """Tables on the given 1-based pages (`rules`: their `vector_copy`, in that order), cells read from PyMuPDF lines."""
    if not pages:
        return []
    import pdfplumber

    regions: list[TableRegion] = []
    with pdfplumber.open(io.BytesIO(rules)) as document:
        for number, page in zip(pages, document.pages):
            for table in page.find_tables():
                region = TableRegion(number, tuple(table.bbox))  # type: ignore[arg-type]
                lines = lines_by_page.get(number, [])
                for row in table.rows:
                    cells = [_cell_text(lines, cell, vocabulary) if cell is not None else "" for cell in row.cells]
                    if any(cells):
                        region.rows.append(cells)
                        region.row_boxes.append(tuple(row.bbox))  # type: ignore[arg-type]
                if region.rows:
                    regions.append(region)
    return regions


def stitch(regions: list[TableRegion]) -> list[list[TableRegion]]:
    """Consecutive regions of one table (same columns, the next one on a later page) grouped together."""
    tables: list[list[TableRegion]] = []
    for region in regions:
        if tables:
            first = tables[-1][0]
            last = tables[-1][-1]
            same_width = len(region.rows[0]) == len(first.rows[0])
            if same_width and region.page == last.page + 1:
                tables[-1].append(region)
                continue
        tables.append([region])
    # a lone row in a box is no table
    return [parts for parts in tables if sum(len(p.rows) for p in parts) >= 2]


def table_rows(parts: list[TableRegion]) -> list[tuple[list[str], TableRegion, int]]:
    """Rows of a stitched table with their region and row index; repeated header rows dropped."""
    header = parts[0].rows[0]
    rows = []
    for index_part, part in enumerate(parts):
        for index, row in enumerate(part.rows):
            if index_part > 0 and index == 0 and row == header:
                continue
            rows.append((row, part, index))
    return rows
