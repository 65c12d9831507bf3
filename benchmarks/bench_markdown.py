"""Markdown reader on kramdown attribute lines: n paragraphs each followed by `{: .x}` (issue 10, row 5).

Prints, for n = 1k, 2k, 4k, 8k, 20k, the time of `markdown_to_document` and,
as the baseline measured in the same run, the time markdown-it-py alone takes
to parse the same text; the ratio should stay flat as n grows (linear), where
the old attribute-line loop made it grow with n (quadratic).

    python benchmarks/bench_markdown.py
"""

from __future__ import annotations

import time
from pathlib import Path

from markdown_it import MarkdownIt

from editiondiff.extract.markdown import markdown_to_document


def attribute_page(pairs: int) -> str:
    return "".join(f"Paragraphe numéro {n} d'une page fictive.\n{{: .x}}\n\n" for n in range(pairs))


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    print(f"{'pairs':>6} {'KB':>6} {'reader s':>9} {'markdown-it s':>14} {'ratio':>6}")
    for pairs in (1000, 2000, 4000, 8000, 20000):
        text = attribute_page(pairs)
        reader = best_of(3, lambda: markdown_to_document(Path("bench.md"), text, "bench", "0"))
        parser = MarkdownIt("commonmark", {"html": True})
        baseline = best_of(3, lambda: parser.parse(text))
        print(f"{pairs:>6} {len(text.encode()) // 1024:>6} {reader:>9.3f} {baseline:>14.3f} {reader / baseline:>6.2f}")


if __name__ == "__main__":
    main()
