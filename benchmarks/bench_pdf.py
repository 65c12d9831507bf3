"""PDF extraction speed, measured in one run on the same re-typeset brochure PDF (a script, not a test).

    .venv/bin/python benchmarks/bench_pdf.py [PDF] [--repeat N] [--no-table-routes]

Prints pages/s and ms/page for
  * raw PyMuPDF: `page.get_text()` over all pages (the baseline),
  * pdfplumber: `page.extract_text()` over all pages,
  * the PyMuPDF calls our reader makes, alone: its floor; the text (`get_text("dict")`) and the
    drawings (`get_cdrawings()`) first, then every call (fonts, pictures, resources, page boxes too),
  * ours: `read_pdf` (layout, tables) and `read_pdf` + the structure builder to an Edition,
with ratios against raw PyMuPDF measured in the same run (target: ours within
3x of raw PyMuPDF, and faster than pdfplumber); for the default PDF, the text
path from its seed text to the same Edition; then the whole-process wall time
of `editiondiff extract <pdf>` next to `python -c pass`; and, for the default PDF,
the two table routes (ours: pdfplumber's finder on PyMuPDF's rules; PyMuPDF's own
`page.find_tables()`) on every ruled page of the corpus and layout-family PDFs.
Each figure is the median of N runs (default 7; pdfplumber 3), in CPU time of the
process (a shared machine makes wall time wait for a core; wall is printed beside).

Last, the whole-process `editiondiff extract` of a fictitious 50-page brochure
(target <= 1.5 s): the default PDF followed by its first 18 pages again, put
together with PyMuPDF in a temporary folder (never committed, never in the
corpus; its file name says fictitious). Whole-process figures give wall and CPU
time (user + system of the child: the machine may be shared) and are measured
with a bytecode cache, as a pip-installed package has; when the environment
disables bytecode writing (PYTHONDONTWRITEBYTECODE), the cold figure, every
module compiled from source at each start, is printed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDF = ROOT / "corpus" / "pdf" / "mi-2020_retypeset_pymupdf.pdf"
#: The text the default PDF was typeset from: the text path to the same Edition, for reference.
SEED_TEXT = ROOT / "corpus" / "sources" / "003_dc8a99c2b477ef56.txt"


def _median_seconds(function, repeat: int) -> tuple[float, float]:
    """Median CPU seconds of this process (user + system) and median wall seconds of `repeat` calls."""
    cpus, walls = [], []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(cpus), statistics.median(walls)


def _interleaved(functions: list, repeat: int) -> list[tuple[float, float]]:
    """`_median_seconds` of each function, the runs taken in turn (one of each, `repeat` times), so
    that a change of load on a shared machine falls on every figure alike."""
    cpus: list[list[float]] = [[] for _ in functions]
    walls: list[list[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for index, function in enumerate(functions):
            cpu, wall = time.process_time(), time.perf_counter()
            function()
            cpus[index].append(time.process_time() - cpu)
            walls[index].append(time.perf_counter() - wall)
    return [(statistics.median(c), statistics.median(w)) for c, w in zip(cpus, walls)]


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


def every_pymupdf_call(path: Path) -> None:
    """Every PyMuPDF call `read_pdf` makes on a page that needs no turning, and nothing else.

    Beside the text and the drawings (`pymupdf_calls`): the document opened from its bytes, the
    page's rotation and box, its resource dictionary (`layout.icons.page_resources`), its fonts and
    their /ToUnicode, /Encoding and /Differences keys (`font_kinds`, once per resource dictionary and font object)
    and its pictures (`get_images` once per resource dictionary, `get_image_info` where there are
    any), the metadata. Its own Python (the loops, the caches) is the few lines below.
    """
    import pymupdf

    from editiondiff.extract.pdf import _text_flags

    flags = _text_flags()
    data = path.read_bytes()
    fonts: dict = {}
    pictured: dict = {}
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for index in range(doc.page_count):
            page = doc.load_page(index)
            if page.rotation:
                page.remove_rotation()
            raw = page.get_text("dict", flags=flags)
            kind, value = doc.xref_get_key(page.xref, "Resources")
            resources = value if kind in ("xref", "dict") else None
            if resources is None or resources not in fonts:
                for xref, ext, kind, *_ in page.get_fonts():
                    if xref not in fonts:
                        fonts[xref] = (ext == "n/a" and kind in ("Type1", "TrueType", "MMType1") and doc.xref_get_key(xref, "ToUnicode")[0] == "null"
                                       and (doc.xref_get_key(xref, "Encoding")[0] == "null" or doc.xref_get_key(xref, "Encoding/Differences")))
                fonts[resources] = True
            if any(block.get("lines") for block in raw["blocks"]):
                page.get_cdrawings()
                _ = page.rect
                if resources is None or resources not in pictured:
                    pictured[resources] = bool(page.get_images())
                if pictured[resources]:
                    page.get_image_info(hashes=True)
        _ = doc.metadata


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


def _process_seconds(args: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall and median CPU seconds (user + system) of `repeat` fresh runs of `args`, after one warm-up run."""
    subprocess.run(args, check=False, capture_output=True, env=env)
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def cached_bytecode_env(folder: Path) -> dict[str, str]:
    """The environment with bytecode written and read from `folder` (not the source tree), as an installed package has."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    return env


#: The fictitious brochure's pages: the default PDF, then its first pages again up to this count.
BROCHURE_PAGES = 50


def fictitious_brochure(source: Path, folder: Path, pages: int = BROCHURE_PAGES) -> Path:
    """A `pages`-page PDF made of `source`'s pages, repeated from its first page once it runs out."""
    import pymupdf

    out = folder / f"brochure-{pages}-pages-fictitious.pdf"
    with pymupdf.open(source) as src, pymupdf.open() as doc:
        while doc.page_count < pages:
            doc.insert_pdf(src, to_page=min(src.page_count, pages - doc.page_count) - 1)
        doc.set_metadata({"producer": "bench_pdf.py: fictitious brochure (corpus pages repeated)"})
        doc.save(out, garbage=3, deflate=True)
    return out


def _extract_command(path: Path) -> list[str]:
    python = sys.executable
    command = [str(Path(python).with_name("editiondiff")), "extract", str(path), "-o", "/dev/null"]
    if not Path(command[0]).exists():
        command = [python, "-m", "editiondiff.cli", "extract", str(path), "-o", "/dev/null"]
    return command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-table-routes", action="store_true", help="Skip the comparison of the two table routes (the slowest part).")
    options = parser.parse_args()
    path: Path = options.pdf

    import pymupdf

    with pymupdf.open(path) as doc:
        pages = doc.page_count
    # warm up: imports and caches outside the timed runs
    raw_pymupdf(path)
    ours_edition(path)

    names = ["raw PyMuPDF page.get_text()", "PyMuPDF calls of ours (dict, drawings)", "every PyMuPDF call of ours", "ours: read_pdf (blocks)",
             "ours: read_pdf + builder (Edition)"]
    timed = _interleaved([lambda: raw_pymupdf(path), lambda: pymupdf_calls(path), lambda: every_pymupdf_call(path), lambda: ours_blocks(path),
                          lambda: ours_edition(path)], options.repeat)
    plumber_figure = _median_seconds(lambda: plumber_text(path), max(1, min(3, options.repeat)))
    rows = [(names[0], timed[0]), ("pdfplumber page.extract_text()", plumber_figure), *zip(names[1:], timed[1:])]
    base = rows[0][1][0]
    print(f"{path.name}: {pages} pages, median of {options.repeat} runs taken in turn; CPU time of this process "
          f"(wall time in the last column: on a shared machine it also waits for a core)")
    print(f"{'':38} {'pages/s':>9} {'ms/page':>9} {'total ms':>9} {'x raw':>7} {'wall ms':>9}")
    for name, (seconds, wall) in rows:
        print(f"{name:38} {pages / seconds:9.1f} {1000 * seconds / pages:9.2f} {1000 * seconds:9.1f} {seconds / base:7.2f} {1000 * wall:9.1f}")
    plumber = rows[1][1][0]
    main_calls, calls = rows[2][1][0], rows[3][1][0]
    edition = rows[5][1][0]
    print(f"ours (Edition) vs raw PyMuPDF: {edition / base:.1f}x (target <= 3x); vs pdfplumber text: {plumber / edition:.1f}x faster")
    print(f"of which PyMuPDF's own calls: {1000 * calls:.1f} ms ({calls / base:.1f}x raw; text and drawings alone {1000 * main_calls:.1f} ms); "
          f"our Python: {1000 * (edition - calls):.1f} ms ({(edition - calls) / base:.1f}x raw; target: no more than PyMuPDF's calls, "
          f"{'met' if edition - calls <= calls else 'NOT met'}; against text and drawings alone {1000 * (edition - main_calls):.1f} ms)")
    if path == DEFAULT_PDF and SEED_TEXT.exists():
        text = _median_seconds(lambda: ours_edition(SEED_TEXT), options.repeat)[0]
        print(f"text path, {SEED_TEXT.name} to the same Edition: {1000 * text:.1f} ms (text reader and structure builder, no layout)")

    if path == DEFAULT_PDF and not options.no_table_routes:
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
    folder = Path(tempfile.mkdtemp(prefix="bench_pdf-"))
    cached = cached_bytecode_env(folder / "pycache")
    brochure = fictitious_brochure(DEFAULT_PDF, folder)
    bare = _process_seconds([python, "-c", "pass"], options.repeat, cached)
    importing = _process_seconds([python, "-c", "import pymupdf"], options.repeat, cached)
    reading = _process_seconds([python, "-c", f"from editiondiff.extract.pipeline import extract_edition; extract_edition([{str(path)!r}])"],
                               options.repeat, cached)
    print(f"whole process, bytecode cached (median wall / CPU): `python -c pass` {_ms(bare)}; `python -c 'import pymupdf'` {_ms(importing)}; "
          f"PDF to Edition (extract_edition, no normalisation) {_ms(reading)}")
    for target in (path, brochure):
        whole = _process_seconds(_extract_command(target), options.repeat, cached)
        label = f"fictitious {BROCHURE_PAGES}-page brochure ({DEFAULT_PDF.name}, then its first pages again)" if target == brochure else target.name
        verdict = f" (target <= 1.5 s wall: {'met' if whole[0] <= 1.5 else 'NOT met'})" if target == brochure else ""
        print(f"  `editiondiff extract` {label}: {_ms(whole)}{verdict} (extract, normalise, audit, write JSON)")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            cold = _process_seconds(_extract_command(target), options.repeat)
            print(f"    cold, no bytecode cache (PYTHONDONTWRITEBYTECODE is set here): {_ms(cold)}")
    shutil.rmtree(folder, ignore_errors=True)


def _ms(figure: tuple[float, float]) -> str:
    wall, cpu = figure
    return f"{1000 * wall:.0f} / {1000 * cpu:.0f} ms"


if __name__ == "__main__":
    main()
