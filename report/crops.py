"""The region of a PDF page a fact was read from, as a PNG (PyMuPDF rasterises a clip of the page)."""

from __future__ import annotations

import base64
from pathlib import Path

from ..schemas import Edition, Provenance

#: Rendering scale (2 = 144 dpi) and the margin around the region, in PDF points.
ZOOM = 2.0
MARGIN = 6.0


def source_paths(editions: list[Edition], root: Path) -> dict[str, Path]:
    """Source id -> file, for the PDF sources of `editions` (relative paths resolved against `root`)."""
    paths = {}
    for e in editions:
        for s in e.sources:
            if s.format == "pdf":
                path = Path(s.path)
                paths[s.id] = path if path.is_absolute() else root / path
    return paths


def crop_data_uri(provenance: Provenance | None, pdfs: dict[str, Path]) -> str | None:
    """A data: URI of the PNG of the provenance's region, or None when it is not a place on a PDF page we have."""
    if provenance is None or provenance.page is None or provenance.bbox is None or provenance.source not in pdfs:
        return None
    import pymupdf

    path = pdfs[provenance.source]
    if not path.is_file():
        return None
    with pymupdf.open(path) as document:
        if provenance.page > document.page_count:
            return None
        page = document[provenance.page - 1]
        x0, y0, x1, y1 = provenance.bbox
        clip = pymupdf.Rect(x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN) & page.rect
        if clip.is_empty:
            return None
        png = page.get_pixmap(matrix=pymupdf.Matrix(ZOOM, ZOOM), clip=clip, alpha=False).tobytes("png")
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
