"""Build the layout family of an edition: one PDF per style, metadata fixed and marked re-typeset.

    build_layout(edition, style, out)   one PDF
    build_family(out_dir)               every style of `FAMILY` whose producer is installed

The mid-2020 edition is the one read from seed 003's text; each producer
prints it through its own engine (PyMuPDF Story, ReportLab, Chromium,
LibreOffice). Files are saved again by PyMuPDF with fixed metadata dates and
no new document id, so that a rebuild with the same producer gives the same
text layer (Chromium and LibreOffice embed their own ids and dates).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from editiondiff.schemas import Edition

from .styles import FAMILY, Style

ROOT = Path(__file__).resolve().parents[2]
SEED_003 = ROOT / "corpus" / "sources" / "003_dc8a99c2b477ef56.txt"
FIXED_DATE = "D:20200101000000Z"


def mid_2020() -> Edition:
    """The mid-2020 edition as the text path reads it (extraction only: no normalisation needed)."""
    from editiondiff.extract.pipeline import extract_edition

    return extract_edition([SEED_003])


def producer_available(style: Style) -> str | None:
    """None when the style's producer is installed, else why not."""
    if style.producer == "chromium":
        from .html import chromium

        return None if chromium() else "chromium is not installed (Debian package chromium)"
    if style.producer == "libreoffice":
        try:
            import docx  # noqa: F401
        except ImportError:
            return "python-docx is not installed (the test extra)"
        return None if shutil.which("soffice") else "LibreOffice is not installed (Debian package libreoffice-writer-nogui)"
    return None


def _finish(raw: Path, out: Path, edition: Edition, style: Style) -> None:
    import pymupdf

    with pymupdf.open(raw) as doc:
        engine = " / ".join(v for v in (doc.metadata.get("producer"), doc.metadata.get("creator")) if v)
        doc.set_metadata(
            {
                "title": f"{edition.label} (re-typeset, layout {style.name})",
                "subject": f"Re-typesetting by editiondiff of the {edition.id} edition, layout {style.name}: {style.summary}; not the original brochure",
                "keywords": f"re-typeset, editiondiff, {style.producer}",
                "author": "editiondiff",
                "creator": f"editiondiff evaluation.layouts ({style.producer})",
                "producer": engine or style.producer,
                "creationDate": FIXED_DATE,
                "modDate": FIXED_DATE,
            }
        )
        doc.del_xml_metadata()
        doc.save(out, garbage=3, deflate=True, no_new_id=True)


def build_layout(edition: Edition, style: Style, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.pdf"
        if style.producer == "chromium":
            from .html import edition_html, print_pdf

            print_pdf(edition_html(edition, style), raw)
        elif style.producer == "libreoffice":
            from .wordprocessor import export_pdf

            export_pdf(edition, style, raw)
        else:
            from ..render.brochure import render_brochure_pdf
            from ..render.edition_text import edition_to_text

            engine = "pymupdf" if style.producer == "pymupdf" else "reportlab"
            raw.write_bytes(render_brochure_pdf(edition_to_text(edition), engine=engine, title=edition.label, retypeset_note=style.summary))
        _finish(raw, out, edition, style)
    return out


def build_family(out_dir: Path, names: list[str] | None = None) -> list[tuple[Style, Path | None, str | None]]:
    edition = mid_2020()
    done = []
    for style in FAMILY:
        if names and style.name not in names:
            continue
        missing = producer_available(style)
        if missing:
            done.append((style, None, missing))
            continue
        done.append((style, build_layout(edition, style, out_dir / f"mi-2020_retypeset_{style.name}.pdf"), None))
    return done
