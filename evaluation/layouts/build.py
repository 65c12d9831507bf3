"""Build the layout family of an edition: one PDF per style, metadata fixed and marked re-typeset.

    build_layout(edition, style, out)   one PDF
    build_layouts([(edition, style, out), ...])   many, batched by producer
    build_family(out_dir)               every style of `FAMILY` whose producer is installed

The family is the mid-2020 edition read from seed 003's text; any other
edition (the perturbed fictitious editions of `evaluation.score`) goes through
the same producers. Each producer prints it through its own engine (PyMuPDF
Story, ReportLab, Chromium, LibreOffice, groff, pdfTeX, fpdf2); Chromium and LibreOffice are slow to
start, so `build_layouts` prints all pages of a batch with one Chromium and
exports all documents with one `soffice` call. Files are saved again by
PyMuPDF with fixed metadata dates and no new document id, so that a rebuild
with the same producer gives the same text layer (Chromium and LibreOffice
embed their own ids and dates). The metadata says what the file is: a
re-typesetting, and for a fictitious edition, a fictitious test edition.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from editiondiff.schemas import Edition

from .styles import FAMILY, TRIALS, Style

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
    if style.producer == "groff":
        from .troff import groff

        return None if groff() else "groff cannot write PDF here (Debian package groff)"
    if style.producer == "fpdf2":
        from .fpdf import fpdf2

        return fpdf2()
    if style.producer == "latex":
        from .latex import pdflatex

        return None if pdflatex() else ("pdflatex cannot typeset the layout here (Debian packages texlive-latex-recommended, "
                                        "texlive-lang-french, texlive-fonts-recommended, lmodern)")
    return None


def face_substitute(style: Style) -> str | None:
    """When the style's face is not installed, the face fontconfig gives instead (what Chromium and LibreOffice
    print in), else None. The project's own renderers embed their font files and never substitute."""
    exe = shutil.which("fc-match")
    if exe is None or style.producer not in ("chromium", "libreoffice"):
        return None
    found = subprocess.run([exe, "-f", "%{family}", style.font], capture_output=True, text=True, timeout=30).stdout
    families = [f.strip() for f in found.split(",") if f.strip()]
    return None if style.font in families else (families[0] if families else "an unnamed face")


def _metadata(edition: Edition, style: Style, engine: str) -> dict[str, str]:
    if edition.fictitious:
        from ..render.brochure import FICTITIOUS_NOTE

        what, about = "FICTITIOUS test edition, re-typeset", f"{FICTITIOUS_NOTE}; typeset in layout {style.name}: {style.summary}"
        keywords = f"FICTITIOUS test edition, re-typeset, editiondiff, {style.producer}"
    else:
        what = "re-typeset"
        about = f"Re-typesetting by editiondiff of the {edition.id} edition, layout {style.name}: {style.summary}; not the original brochure"
        keywords = f"re-typeset, editiondiff, {style.producer}"
    return {
        "title": f"{edition.label} ({what}, layout {style.name})",
        "subject": about,
        "keywords": keywords,
        "author": "editiondiff",
        "creator": f"editiondiff evaluation.layouts ({style.producer})",
        "producer": engine or style.producer,
        "creationDate": FIXED_DATE,
        "modDate": FIXED_DATE,
    }


def _finish(raw: Path, out: Path, edition: Edition, style: Style) -> None:
    import pymupdf

    with pymupdf.open(raw) as doc:
        engine = " / ".join(v for v in (doc.metadata.get("producer"), doc.metadata.get("creator")) if v)
        doc.set_metadata(_metadata(edition, style, engine))
        doc.del_xml_metadata()
        doc.save(out, garbage=3, deflate=True, no_new_id=True)


def build_layout(edition: Edition, style: Style, out: Path) -> Path:
    return build_layouts([(edition, style, out)])[0]


def build_layouts(jobs: list[tuple[Edition, Style, Path]]) -> list[Path]:
    """Typeset each (edition, style) to its `out`, batched by producer; the paths written, in order."""
    from ..render.brochure import render_brochure_pdf
    from ..render.edition_text import edition_to_text

    with tempfile.TemporaryDirectory() as tmp:
        raws = [Path(tmp) / f"raw-{index}.pdf" for index in range(len(jobs))]
        from .html import edition_html

        pages = [(edition_html(edition, style), raw) for (edition, style, _out), raw in zip(jobs, raws) if style.producer == "chromium"]
        if pages:
            from .html import print_pdfs

            print_pdfs(pages)
        documents = [(edition, style, raw) for (edition, style, _out), raw in zip(jobs, raws) if style.producer == "libreoffice"]
        if documents:
            from .wordprocessor import export_pdfs

            export_pdfs(documents)
        typeset = [(edition, style, raw) for (edition, style, _out), raw in zip(jobs, raws) if style.producer == "groff"]
        if typeset:
            from .troff import typeset_pdfs

            typeset_pdfs(typeset)
        drawn = [(edition, style, raw) for (edition, style, _out), raw in zip(jobs, raws) if style.producer == "fpdf2"]
        if drawn:
            from . import fpdf

            fpdf.typeset_pdfs(drawn)
        typeset = [(edition, style, raw) for (edition, style, _out), raw in zip(jobs, raws) if style.producer == "latex"]
        if typeset:
            from . import latex

            latex.typeset_pdfs(typeset)
        for (edition, style, _out), raw in zip(jobs, raws):
            if style.producer in ("pymupdf", "reportlab"):
                raw.write_bytes(render_brochure_pdf(edition_to_text(edition), engine=style.producer, title=edition.label,
                                                    retypeset_note=style.summary, fictitious=edition.fictitious))
        for (edition, style, out), raw in zip(jobs, raws):
            out.parent.mkdir(parents=True, exist_ok=True)
            _finish(raw, out, edition, style)
    return [out for _edition, _style, out in jobs]


def build_family(out_dir: Path, names: list[str] | None = None) -> list[tuple[Style, Path | None, str | None]]:
    """The committed family, one producer process per file: Chromium numbers its tagged-PDF structure elements
    after the DOM nodes the process has made, so only a fresh process gives the same bytes each time."""
    edition = mid_2020()
    done = []
    for style in FAMILY + TRIALS:
        if names and style.name not in names:
            continue
        missing = producer_available(style)
        if missing:
            done.append((style, None, missing))
            continue
        done.append((style, build_layout(edition, style, out_dir / f"mi-2020_retypeset_{style.name}.pdf"), None))
    return done
