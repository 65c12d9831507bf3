"""PDF extraction speed, measured in one run on the same re-typeset brochure PDF (a script, not a test).

    .venv/bin/python benchmarks/bench_pdf.py [PDF] [--repeat N]

Prints pages/s and ms/page for
  * raw PyMuPDF: `page.get_text()` over all pages (the baseline),
  * pdfplumber: `page.extract_text()` over all pages,
  * the PyMuPDF calls our reader makes (`get_text("dict")`, `get_cdrawings()`), alone: its floor,
  * ours: `read_pdf` (layout, tables) and `read_pdf` + the structure builder to an Edition,
with ratios against raw PyMuPDF measured in the same run (target: ours within
3x of raw PyMuPDF, and faster than pdfplumber); for the default PDF, the text
path from its seed text to the same Edition; then the whole-process wall time
of `editiondiff extract <pdf>` next to `python -c pass`.
Each figure is the median of N runs (default 5; pdfplumber 3).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDF = ROOT / "corpus" / "pdf" / "mi-2020_retypeset_pymupdf.pdf"
#: The text the default PDF was typeset from: the text path to the same Edition, for reference.
SEED_TEXT = ROOT / "corpus" / "sources" / "003_dc8a99c2b477ef56.txt"


def _median_seconds(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def raw_pymupdf(path: Path) -> None:
    import pymupdf

    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text()


def pymupdf_calls(path: Path) -> None:
    """The PyMuPDF calls `read_pdf` makes, and nothing else: the floor of ours.

    Spans as a dict on every page, vector drawings on the pages of eight MuPDF lines or
    more (the reader counts its own visual lines: about the same pages).
    """
    import pymupdf

    from editiondiff.extract.pdf import _text_flags

    flags = _text_flags()
    with pymupdf.open(path) as doc:
        for page in doc:
            raw = page.get_text("dict", flags=flags)
            if sum(len(block.get("lines", ())) for block in raw["blocks"]) >= 8:
                page.get_cdrawings()


def plumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def ours_blocks(path: Path) -> None:
    from editiondiff.extract.pdf import read_pdf

    read_pdf(path)


def ours_edition(path: Path) -> None:
    from editiondiff.extract.pipeline import extract_edition

    extract_edition([path])


def _process_seconds(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    path: Path = options.pdf

    import pymupdf

    with pymupdf.open(path) as doc:
        pages = doc.page_count
    # warm up: imports and caches outside the timed runs
    raw_pymupdf(path)
    ours_edition(path)

    rows = [
        ("raw PyMuPDF page.get_text()", _median_seconds(lambda: raw_pymupdf(path), options.repeat)),
        ("pdfplumber page.extract_text()", _median_seconds(lambda: plumber_text(path), max(1, min(3, options.repeat)))),
        ("PyMuPDF calls of ours (dict, drawings)", _median_seconds(lambda: pymupdf_calls(path), options.repeat)),
        ("ours: read_pdf (blocks)", _median_seconds(lambda: ours_blocks(path), options.repeat)),
        ("ours: read_pdf + builder (Edition)", _median_seconds(lambda: ours_edition(path), options.repeat)),
    ]
    base = rows[0][1]
    print(f"{path.name}: {pages} pages, median of {options.repeat} runs")
    print(f"{'':38} {'pages/s':>9} {'ms/page':>9} {'total ms':>9} {'x raw':>7}")
    for name, seconds in rows:
        print(f"{name:38} {pages / seconds:9.1f} {1000 * seconds / pages:9.2f} {1000 * seconds:9.1f} {seconds / base:7.2f}")
    plumber = rows[1][1]
    calls = rows[2][1]
    edition = rows[4][1]
    print(f"ours (Edition) vs raw PyMuPDF: {edition / base:.1f}x (target <= 3x); vs pdfplumber text: {plumber / edition:.1f}x faster")
    print(f"of which PyMuPDF's own calls: {1000 * calls:.1f} ms ({calls / base:.1f}x raw); our Python: {1000 * (edition - calls):.1f} ms ({(edition - calls) / base:.1f}x raw)")
    if path == DEFAULT_PDF and SEED_TEXT.exists():
        text = _median_seconds(lambda: ours_edition(SEED_TEXT), options.repeat)
        print(f"text path, {SEED_TEXT.name} to the same Edition: {1000 * text:.1f} ms (text reader and structure builder, no layout)")

    python = sys.executable
    command = [str(Path(python).with_name("editiondiff")), "extract", str(path), "-o", "/dev/null"]
    if not Path(command[0]).exists():
        command = [python, "-m", "editiondiff.cli", "extract", str(path), "-o", "/dev/null"]
    bare = _process_seconds([python, "-c", "pass"], options.repeat)
    whole = _process_seconds(command, options.repeat)
    importing = _process_seconds([python, "-c", "import pymupdf"], options.repeat)
    reading = _process_seconds([python, "-c", f"from editiondiff.extract.pipeline import extract_edition; extract_edition([{str(path)!r}])"], options.repeat)
    print(f"whole process: `python -c pass` {1000 * bare:.0f} ms; `python -c 'import pymupdf'` {1000 * importing:.0f} ms; "
          f"PDF to Edition (extract_edition, no normalisation) {1000 * reading:.0f} ms; "
          f"`editiondiff extract {path.name}` {1000 * whole:.0f} ms (extract, normalise with spaCy, audit, write JSON)")


if __name__ == "__main__":
    main()
