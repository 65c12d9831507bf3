"""Benchmark of the edition diff on synthetic editions of 500 to 5,000 actions (a script, not a test).

    .venv/bin/python benchmarks/bench_diff.py [--sizes 500,1000,2000,5000] [--missions 8]

Synthetic editions: N action cards spread over M missions (8 by default, as in
the real roadmap, which makes the blocks as large as they can be), each with a
code, a title, an objective and three steps drawn from a French vocabulary;
the newer edition retitles 5 %, recodes 2 %, moves 2 % to another mission
under a new code, drops 2 % and adds 2 %.

Printed, in one run on this machine:
* the unblocked baseline: every (old, new) pair scored by `process.cdist`
  and assigned with `linear_sum_assignment`, at 500 and 1,000 actions;
* the blocked matcher the diff uses above `block_above_pairs` (pairs within the
  same mission first, then all leftovers across missions, where moves are
  found), from 500 to 5,000 actions, with the growth of its time, the pairs
  it scores, and its speed-up over the baseline at the same size;
* that blocked and unblocked matching agree (same pairs) at 1,000 actions;
* the whole `editions_to_diff` (matching, every change, stated checks) at 5,000;
* peak memory: traced Python/numpy allocations (tracemalloc) and the
  process's maximum resident size.
Targets: 5,000 × 5,000 in under 5 s and under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # nothing else needed when installed

from editiondiff.diff.actions import ActionKeys, keys_to_matches  # noqa: E402
from editiondiff.diff.settings import DEFAULT_SETTINGS  # noqa: E402
from editiondiff.diff.similarity import match_key  # noqa: E402

WORDS = (
    "service numérique plateforme données agents usagers ministère déploiement identité réseau cloud "
    "interministériel catalogue label solution sécurité démarche accompagnement stratégie transformation "
    "projet talents formation outil mutualisé infrastructure qualité accessibilité inclusion pilotage "
    "budget expérimentation incubateur startup produit échange archivage dossier citoyen entreprise "
    "collectivité territoire administration offre conseil expertise communauté partenariat innovation"
).split()
PREFIXES = ["LA", "ID", "DA", "IN", "PI", "TA", "BE", "TR", "FA", "AA", "AB", "AC", "AD", "AE", "AF", "AG"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def synthetic_pair(n: int, missions: int, seed: int = 7) -> tuple[list[ActionKeys], list[ActionKeys], set[tuple[int, int]]]:
    """Comparison keys of an older and a newer synthetic edition, and the true (old, new) pairs."""
    rng = random.Random(seed)
    codes = [f"M{m}" for m in range(missions)]
    old = []
    for i in range(n):
        mission = codes[i % missions]
        old.append(dict(origin=i, code=f"{PREFIXES[i % missions % len(PREFIXES)]}{mission}-{i}", mission=mission,
                        title=_sentence(rng, rng.randint(2, 5)), objective=_sentence(rng, 12),
                        steps=[_sentence(rng, 8) for _ in range(3)]))
    new = []
    shared = 0
    for i, a in enumerate(old):
        r = rng.random()
        b = dict(a, steps=list(a["steps"]))
        if r < 0.02:  # dropped
            continue
        if r < 0.04:  # moved under a new code
            b["mission"] = rng.choice([c for c in codes if c != a["mission"]])
            b["code"] = f"{b['code']}-moved"
        elif r < 0.06:
            b["code"] = f"{b['code']}-recoded"
        elif r < 0.11:
            words = b["title"].split()
            b["title"] = " ".join(words[1:] + [rng.choice(WORDS)])
        new.append(b)
        shared += 1
    for i in range(n // 50):
        new.append(dict(origin=None, code=f"NEW-{i}", mission=rng.choice(codes), title=_sentence(rng, 4), objective=_sentence(rng, 12),
                        steps=[_sentence(rng, 8) for _ in range(3)]))
    rng.shuffle(new)

    def keys(cards):
        return [ActionKeys(code=c["code"], mission=c["mission"], title=match_key(c["title"]), objective=match_key(c["objective"]),
                           steps=" ".join(match_key(s) for s in c["steps"])) for c in cards]

    truth = {(c["origin"], j) for j, c in enumerate(new) if c["origin"] is not None}
    return keys(old), keys(new), truth


def measure(old, new, settings) -> tuple[float, float, object]:
    tracemalloc.start()
    start = time.perf_counter()
    result = keys_to_matches(old, new, settings, threshold=settings.threshold)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, result


def synthetic_editions(old_keys, new_keys):
    """Full Edition objects from the synthetic cards (for the end-to-end figure)."""
    from editiondiff.schemas import Action, Edition, Mission, Provenance, Step

    def edition(name, keys):
        missions = sorted({k.mission for k in keys})
        prov = Provenance(source=f"synthetic-{name}", line_start=1, quote="synthetic")
        actions = [Action(code=k.code, code_printed=k.code, mission=k.mission, title=k.title, objective=k.objective,
                          steps=[Step(text=s, provenance=prov) for s in _split_steps(k.steps)], provenance=prov) for k in keys]
        return Edition(id=f"synthetic-{name}", label=f"synthetic {name} (fictitious)", fictitious=True, level="actions", sources=[],
                       missions=[Mission(code=m, code_printed=m, name=f"mission {m}", provenance=prov) for m in missions], actions=actions)

    return edition("old", old_keys), edition("new", new_keys)


def _split_steps(steps: str) -> list[str]:
    words = steps.split()
    return [" ".join(words[i:i + 8]) for i in range(0, len(words), 8)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,5000")
    parser.add_argument("--missions", type=int, default=8)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    blocked = DEFAULT_SETTINGS
    blocks_only = replace(DEFAULT_SETTINGS, exact_first=False)
    unblocked = replace(DEFAULT_SETTINGS, block_above_pairs=10**12, exact_first=False)  # every pair scored, no exact first pass
    print(f"edition diff benchmark: {os.cpu_count()} cores, {args.missions} missions, threshold {blocked.threshold}")
    print("modes: unblocked = every pair scored; missions = blocks by mission then leftovers across missions;")
    print("       exact+msn = identical-content cards paired first (no fuzzy scoring), then the mission blocks, then leftovers (the default)")
    print()
    from rapidfuzz import fuzz, process

    old_k, new_k, _ = synthetic_pair(1000, args.missions)
    for name, field, scorer in (("titles", "title", fuzz.token_sort_ratio), ("steps", "steps", fuzz.token_set_ratio)):
        start = time.perf_counter()
        process.cdist([getattr(k, field) for k in old_k], [getattr(k, field) for k in new_k], scorer=scorer, workers=-1)
        seconds = time.perf_counter() - start
        mean_len = sum(len(getattr(k, field)) for k in old_k) / len(old_k)
        print(f"raw process.cdist {scorer.__name__} on {name} (mean {mean_len:.0f} chars), 1000 x {len(new_k)}: "
              f"{1000 * len(new_k) / seconds / 1e6:.2f} M pairs/s on all cores")
    print()
    print(f"{'mode':10} {'actions':>8} {'pairs scored':>13} {'seconds':>8} {'pairs/s':>11} {'traced MB':>10} {'matched':>8} {'correct':>8} {'true':>6}")
    baseline = {}
    for n in [s for s in sizes if s <= 1000]:
        old, new, shared = synthetic_pair(n, args.missions)
        seconds, peak, result = measure(old, new, unblocked)
        baseline[n] = (seconds, result)
        print(f"{'unblocked':10} {n:>8} {result.pairs_scored:>13,} {seconds:>8.3f} {result.pairs_scored / seconds:>11,.0f} {peak:>10.1f} {len(result.pairs):>8} {len(shared & {(i, j) for i, j, _ in result.pairs}):>8} {len(shared):>6}")
    for n in sizes:
        old, new, shared = synthetic_pair(n, args.missions)
        seconds, peak, result = measure(old, new, blocks_only)
        print(f"{'missions':10} {n:>8} {result.pairs_scored:>13,} {seconds:>8.3f} {result.pairs_scored / seconds:>11,.0f} {peak:>10.1f} {len(result.pairs):>8} {len(shared & {(i, j) for i, j, _ in result.pairs}):>8} {len(shared):>6}")
        if n in baseline:
            print(f"{'':10} {'':>8} speed-up over unblocked at {n}: {baseline[n][0] / seconds:.1f}x")
    timings = {}
    for n in sizes:
        old, new, shared = synthetic_pair(n, args.missions)
        seconds, peak, result = measure(old, new, blocked)
        timings[n] = seconds
        print(f"{'exact+msn':10} {n:>8} {result.pairs_scored:>13,} {seconds:>8.3f} {result.pairs_scored / seconds:>11,.0f} {peak:>10.1f} {len(result.pairs):>8} {len(shared & {(i, j) for i, j, _ in result.pairs}):>8} {len(shared):>6}")
        if n in baseline:
            base_seconds, base_result = baseline[n]
            same = {(i, j) for i, j, _ in base_result.pairs} == {(i, j) for i, j, _ in result.pairs}
            print(f"{'':10} {'':>8} speed-up over unblocked at {n}: {base_seconds / seconds:.1f}x; same pairs as unblocked: {same}")
    print()
    first = sizes[0]
    print("growth of the default (exact+msn) matcher (time relative to the smallest size; size ratio, and its square for comparison):")
    for n in sizes:
        print(f"  {n:>6} actions: {timings[n] / timings[first]:7.1f}x time for {n / first:4.1f}x actions ({(n / first) ** 2:6.1f}x pairs if unblocked)")
    if 1000 in baseline and sizes[-1] >= 5000:
        # unblocked cost grows with the square of the size: projected from the 1,000-action baseline
        projected = baseline[1000][0] * (sizes[-1] / 1000) ** 2
        print(f"  unblocked at {sizes[-1]} projected from the 1,000-action baseline: {projected:.1f} s "
              f"(exact+msn: {timings[sizes[-1]]:.2f} s, {projected / timings[sizes[-1]]:.0f}x faster)")
    print()
    from editiondiff.diff.editions import editions_to_diff

    n = sizes[-1]
    old_keys, new_keys, _ = synthetic_pair(n, args.missions)
    old_e, new_e = synthetic_editions(old_keys, new_keys)
    tracemalloc.start()
    start = time.perf_counter()
    diff = editions_to_diff(old_e, new_e)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    kinds = {}
    for c in diff.changes:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    print(f"whole editions_to_diff at {n} x {len(new_e.actions)} actions: {seconds:.2f} s, traced peak {peak:.0f} MB, "
          f"{len(diff.changes)} changes ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process maximum resident size over the whole run: {rss:.0f} MB (target < 1024 MB)")


if __name__ == "__main__":
    main()
