"""Benchmark of the store on 200 editions (a script, not a test).

    .venv/bin/python benchmarks/bench_store.py [--fictitious 197] [--queries 50]

Builds a store of 200 editions: the three bundled ones (five sources) and 197
fictitious editions, each a seeded perturbation of the real mid-2020 edition
(`perturb_edition`, every kind of change the diff reports), rendered as brochure
text, named and labelled "fictitious" and ingested one by one through
`Store.ingest`, with publication dates one week apart after mid-2021.

Printed, in one run on this machine:
* ingest throughput (sources/s) against the baseline of extracting the same
  files without a store (`build_edition`), so the cost of the store itself
  (bytes, run, projection, relinking the chain) is the difference;
* the database size, in total and per edition;
* `history` latency of one action (median and worst over --queries calls, in
  process), in the 200-edition store and, as the baseline measured in the same
  run, in a store of the three bundled editions; and the plain SQL lookup of
  the same action's rows as the floor.
Target: `history` of one action in the 200-edition store under 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the harness (`evaluation`) sits at the repository root

from editiondiff.pipeline import DEFAULT_MANIFEST, build_edition  # noqa: E402
from editiondiff.store import open_store  # noqa: E402

from evaluation.perturb import perturb_edition  # noqa: E402
from evaluation.render.edition_text import edition_to_text  # noqa: E402
from evaluation.score import base_edition  # noqa: E402

CORPUS = DEFAULT_MANIFEST.parent


def fictitious_files(folder: Path, count: int) -> list[tuple[Path, str, dt.date]]:
    base = base_edition()
    start = dt.date(2021, 10, 1)
    files = []
    for n in range(1, count + 1):
        edition = perturb_edition(base, n).edition
        path = folder / f"bench-{n:03d}_fictitious.txt"
        path.write_text(edition_to_text(edition), encoding="utf-8")
        files.append((path, f"bench-{n:03d}-fictitious", start + dt.timedelta(weeks=n)))
    return files


def timed_history(store, query: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        store.history(query)
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fictitious", type=int, default=197)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    from editiondiff.extract.manifest import load_manifest

    manifest = load_manifest(DEFAULT_MANIFEST)
    bundled = [(entry.id, [manifest.resolve(s) for s in entry.sources]) for entry in manifest.editions]
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        folder = Path(tmp)
        files = fictitious_files(folder, args.fictitious)
        n_sources = sum(len(paths) for _, paths in bundled) + len(files)
        n_editions = len(bundled) + len(files)
        build_edition(files[0][:1])  # warm up: spaCy and the readers are loaded once, outside every timing

        t = time.perf_counter()
        for edition_id, paths in bundled:
            for k in range(1, len(paths) + 1):  # the store builds an edition again as each of its sources comes
                build_edition(paths[:k], edition_id)
        for path, edition_id, _ in files:
            build_edition([path], edition_id)
        baseline = time.perf_counter() - t

        small = open_store(folder / "bundled.db")
        for edition_id, paths in bundled:
            small.ingest(paths, edition=edition_id)
        store = open_store(folder / "bench.db")
        t = time.perf_counter()
        for edition_id, paths in bundled:
            store.ingest(paths, edition=edition_id)
        for path, edition_id, published in files:
            store.ingest([path], edition=edition_id, published=published)
        ingest = time.perf_counter() - t
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = (folder / "bench.db").stat().st_size
        assert len(store.editions()) == n_editions, len(store.editions())
        assert store.check() == []
        fictitious = sum(1 for e in store.editions() if e.fictitious)

        query = "ID3"
        big = timed_history(store, query, args.queries)
        base_times = timed_history(small, query, args.queries)
        rows = len(store.history(query).lineages[0].entries)
        t = time.perf_counter()
        for _ in range(args.queries):
            list(store.db.query("SELECT a.*, e.published FROM actions a JOIN editions e ON e.current_run = a.run_id WHERE a.code = ?", [query]))
        floor = (time.perf_counter() - t) * 1000 / args.queries

        print(f"store of {n_editions} editions ({fictitious} fictitious, labelled so), {n_sources} sources")
        print(f"ingest: {ingest:.1f} s, {n_sources / ingest:.2f} sources/s; extraction alone (baseline, same files): "
              f"{baseline:.1f} s, {n_sources / baseline:.2f} sources/s; store overhead x{ingest / baseline:.2f}")
        print(f"database: {size / 1e6:.1f} MB, {size / n_editions / 1e3:.0f} kB per edition")
        print(f"history {query} ({rows} editions in its lineage): median {statistics.median(big):.1f} ms, worst {max(big):.1f} ms "
              f"in the {n_editions}-edition store; baseline {statistics.median(base_times):.1f} ms in the {len(bundled)}-edition store "
              f"(x{statistics.median(big) / statistics.median(base_times):.1f}); plain SQL lookup of its rows {floor:.2f} ms")
        verdict = "met" if max(big) < 100 else "NOT met"
        print(f"target: history under 100 ms in the {n_editions}-edition store: {verdict} (worst {max(big):.1f} ms)")
        small.close()
        store.close()


if __name__ == "__main__":
    main()
