"""A page with its layout drawn over it: regions, reading order and each block's role, as a PNG.

    draw_page(path, page_number, out, settings) -> out

What the reader saw on the page: the boxes it took as regions (blue), the
parts its whitespace cuts made of the text (`xycut`: orange, each leaf
labelled with its column path), the tables it found with their rows
(purple), its visual lines numbered in reading order and chained by a thin
line (red), and the blocks the text grammar made of them, each framed and
labelled with its kind and icon role (green). A user who gets a wrong
edition from a PDF looks here first: a panel read in the wrong place, a
deadline glued to the wrong step, a heading taken for a paragraph. All of it
is what `read_pdf` itself saw (`pdf.ReadingTrace`), with the settings scaled
to the document's body text, so the view cannot disagree with the reading.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from .settings import LayoutSettings
from .xycut import lines_to_regions, region_leaves

_BLUE, _RED, _GREEN, _ORANGE, _PURPLE = (0.1, 0.3, 0.9), (0.85, 0.1, 0.1), (0.1, 0.55, 0.2), (0.95, 0.55, 0.0), (0.55, 0.2, 0.7)


def draw_page(path: Path, page_number: int, out: Path, settings: LayoutSettings | dict | None = None, *, dpi: int = 110) -> Path:
    import pymupdf

    from ..pdf import ReadingTrace, read_pdf
    from ...vocabulary.icons import ICON_ROLES

    settings = LayoutSettings.resolve(settings)
    seen: list[ReadingTrace] = []
    document = read_pdf(path, layout=settings, trace=seen)  # what the reader saw is what is drawn
    with pymupdf.open(path) as doc:
        if not 1 <= page_number <= doc.page_count:
            raise InputError(path, f"no page {page_number}: the PDF has {doc.page_count} page(s)")
        trace = seen[0]
        settings = trace.settings  # scaled to the document's body text, as it was read
        page = doc[page_number - 1]
        boxes = trace.boxes[page_number - 1]
        ordered = trace.ordered_pages[page_number - 1]
        tables = [t for t in trace.tables if t.page == page_number]
        shape = page.new_shape()
        for box in boxes:
            shape.draw_rect(pymupdf.Rect(box))
            shape.finish(color=_BLUE, width=1.2, dashes="[3 2] 0")
        for table in tables:  # its lines are read as its rows, apart from the reading order
            shape.draw_rect(pymupdf.Rect(table.bbox) + (-4, -4, 4, 4))
            shape.finish(color=_PURPLE, width=1.2)
            for row in table.row_boxes:
                shape.draw_rect(pymupdf.Rect(row))
                shape.finish(color=_PURPLE, width=0.4, dashes="[1 1] 0")
        cuts = []
        for members in _by_box(ordered, boxes).values():
            for leaf, path in region_leaves(lines_to_regions(members, settings)):
                rect = pymupdf.Rect(leaf.bbox) + (-3, -3, 3, 3)
                shape.draw_rect(rect)
                shape.finish(color=_ORANGE, width=0.9, dashes="[2 1] 0")
                cuts.append((rect, ".".join(map(str, path)) or "·"))
        centres = []
        for line in ordered:
            for part in [line, *line.aside]:
                shape.draw_rect(pymupdf.Rect(part.bbox))
                shape.finish(color=_RED, width=0.4)
            centres.append(pymupdf.Point(line.x0, (line.y0 + line.y1) / 2))
        for a, b in zip(centres, centres[1:]):
            shape.draw_line(a, b)
        shape.finish(color=_RED, width=0.3, stroke_opacity=0.5)
        labels = []
        for block in document.blocks:
            where = block.provenance
            if where.page != page_number or where.bbox is None:
                continue
            rect = pymupdf.Rect(where.bbox) + (-2, -2, 2, 2)
            shape.draw_rect(rect)
            shape.finish(color=_GREEN, width=0.8)
            role = ICON_ROLES.get(block.icon, block.icon) if block.icon else None
            labels.append((rect, block.kind + (f" · {role}" if role else "")))
        shape.commit()
        for index, line in enumerate(ordered, start=1):
            page.insert_text((max(line.x0 - 14, 1), line.y1 - 1), str(index), fontsize=5.5, color=_RED)
        for rect, label in cuts:
            page.insert_text((rect.x0 + 1, rect.y1 + 4), label, fontsize=4.5, color=_ORANGE)
        for rect, label in labels:
            page.insert_text((rect.x1 + 2, rect.y0 + 5), label, fontsize=5, color=_GREEN)
        page.get_pixmap(dpi=dpi).save(out)
    return out


def _by_box(lines, boxes):
    """The lines by the smallest drawn box holding their centre (None: the page itself), as the reader cuts them."""
    out: dict = {}
    for line in lines:
        cx, cy = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
        holding = [b for b in boxes if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]]
        key = min(holding, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])) if holding else None
        out.setdefault(key, []).append(line)
    return out
