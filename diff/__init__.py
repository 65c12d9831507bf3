"""The edition diff: match missions and actions across two editions and report every change, with evidence.

Importing this package is cheap; numpy, rapidfuzz and scipy load on the first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..schemas import Edition
    from ..schemas.diff import Diff


def editions_to_diff(old: "Edition", new: "Edition", *, threshold: float | None = None) -> "Diff":
    """What changed from `old` to `new` (see `diff.editions`)."""
    from .editions import editions_to_diff as run

    return run(old, new, threshold=threshold)


__all__ = ["editions_to_diff"]
