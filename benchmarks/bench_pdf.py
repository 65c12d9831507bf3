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
of `editiondiff extract <pdf>` next to `python -c pass`; and, for the default PDF,
the two table routes (ours: pdfplumber's finder on PyMuPDF's rules; PyMuPDF's own
`page.find_tables()`) on every ruled page of the corpus and layout-family PDFs.
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


def table_routes(paths: list[Path], reference_cells: list[str]) -> list[tuple[str, int, float, float, float, float]]:
    """pdfplumber's finder on PyMuPDF's rules (ours) against PyMuPDF's own `page.find_tables()`.

    On each file's pages that draw a ruled grid: milliseconds per page, and the share of the
    reference's indicator cells (the text path's raw values, as a multiset) found as cells.
    """
    from collections import Counter

    import pymupdf

    from editiondiff.extract.layout.settings import DEFAULT_LAYOUT
    from editiondiff.extract.layout.tables import has_ruled_grid
    from editiondiff.extract.pdf import read_pdf

    want = Counter(c for c in reference_cells if c)
    out = []
    for path in paths:
        with pymupdf.open(path) as doc:
            grid = [page.number for page in doc if has_ruled_grid(page.get_cdrawings(), DEFAULT_LAYOUT, continued=True)]
            start = time.perf_counter()
            theirs: Counter = Counter()
            for number in grid:
                for table in doc[number].find_tables().tables:
                    theirs.update(" ".join((c or "").split()) for row in table.extract() for c in row if c)
            pymupdf_seconds = time.perf_counter() - start
        start = time.perf_counter()
        document = read_pdf(path)
        ours_seconds = time.perf_counter() - start  # the whole reader: an upper bound of its table route
        ours = Counter(c for b in document.blocks if b.cells for c in b.cells if c)
        total = sum(want.values()) or 1
        out.append((path.name, len(grid), sum((ours & want).values()) / total, sum((theirs & want).values()) / total,
                    1000 * ours_seconds / max(len(grid), 1), 1000 * pymupdf_seconds / max(len(grid), 1)))
    return out


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

    if path == DEFAULT_PDF:
        from editiondiff.extract.pipeline import extract_edition

        reference = extract_edition([SEED_TEXT])
        cells = [c.raw for row in reference.indicators.rows for c in row.cells] + [r.label for r in reference.indicators.rows]
        family = sorted((ROOT / "tests" / "data" / "layouts").glob("*.pdf"))
        print("tables on ruled pages: share of the text path's indicator cells found, ms per ruled page")
        print(f"{'':52} {'pages':>5} {'ours':>7} {'find_tables':>11} {'ours ms*':>9} {'ft ms':>7}")
        for name, n, ours, theirs, ours_ms, ft_ms in table_routes([*sorted((ROOT / "corpus" / "pdf").glob("mi-2020*.pdf")), *family], cells):
            if n:
                print(f"{name:52} {n:5d} {100 * ours:6.1f}% {100 * theirs:10.1f}% {ours_ms:9.1f} {ft_ms:7.1f}")
        print("* ours: the whole read_pdf of the file divided by its ruled pages (the table route alone is less)")

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
