"""Whole-process `editiondiff report` on the bundled corpus, against baselines measured in the same run.

    .venv/bin/python benchmarks/bench_report.py [--runs 5]

Each command runs as a fresh subprocess several times (after one warm-up run);
the median wall time is printed with ratios to the baselines:
`python -c pass`, `editiondiff run` (the same editions extracted and diffed,
Markdown per pair, no report) and the matplotlib import the timelines pay.
The target of the issue is at most 5 s wall for the whole `editiondiff report`.
Also printed: where the report's own time goes (in-process, one run).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import wall  # the same fresh-process timing as the start-up benchmark

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
EDITIONDIFF = str(Path(PYTHON).with_name("editiondiff"))
TARGET = 5.0


def stages() -> list[tuple[str, float]]:
    """Seconds of each stage of one report, in this process."""
    from editiondiff.pipeline import DEFAULT_MANIFEST, build_corpus
    from editiondiff.report.build import editions_to_report
    from editiondiff.report.write import render_files, write_files

    out = Path(tempfile.mkdtemp())
    marks = [("start", time.perf_counter())]
    editions = build_corpus()
    marks.append(("extract 3 editions", time.perf_counter()))
    report = editions_to_report(editions)
    marks.append(("diff and rank 2 pairs", time.perf_counter()))
    files = render_files(report, editions, root=DEFAULT_MANIFEST.parent)
    marks.append(("render HTML, MD, JSON, CSV (timelines included)", time.perf_counter()))
    write_files(files, out)
    marks.append(("write 12 files", time.perf_counter()))
    return [(name, t - marks[i][1]) for i, (name, t) in enumerate(marks[1:])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "import matplotlib (svg backend)": [PYTHON, "-c", "from matplotlib.backends.backend_svg import FigureCanvasSVG"],
        "editiondiff run (baseline)": [EDITIONDIFF, "run", "--out", str(tmp / "run")],
        "editiondiff report": [EDITIONDIFF, "report", "-o", str(tmp / "report"), "--quiet"],
    }
    results = {name: wall(command, args.runs) for name, command in commands.items()}
    base, run = results["python -c pass"][0], results["editiondiff run (baseline)"][0]
    print(f"median wall time of {args.runs} fresh processes each (python {sys.version.split()[0]})")
    for name, (median, times) in results.items():
        print(f"  {name:34} {median:7.3f} s   min {min(times):.3f} max {max(times):.3f}   "
              f"x{median / base:6.1f} python -c pass   x{median / run:5.2f} editiondiff run")
    report = results["editiondiff report"][0]
    print(f"editiondiff report: {report:.3f} s wall, {'within' if report <= TARGET else 'OVER'} the {TARGET:.0f} s target")
    print("in-process stages of one report:")
    for name, seconds in stages():
        print(f"  {name:50} {seconds:6.3f} s")


if __name__ == "__main__":
    main()
