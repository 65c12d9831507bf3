"""Shared settings of the fuzz tests (tests/test_fuzz_*.py).

Each fuzz test runs `examples(n)` examples: n in the suite (derandomised in CI
by the `ci` profile of conftest.py, a fixed sequence so a red build
reproduces), n × EDITIONDIFF_FUZZ_SCALE for a longer local run:

    EDITIONDIFF_FUZZ_SCALE=50 .venv/bin/pytest -q tests/test_fuzz_*.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SCALE = max(1, int(os.environ.get("EDITIONDIFF_FUZZ_SCALE", "1")))


def examples(n: int) -> settings:
    """Hypothesis settings for a fuzz test of `n` examples (scaled), without a per-example deadline."""
    return settings(
        max_examples=n * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
