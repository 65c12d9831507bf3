"""The edition diff: match missions and actions across two editions and report every change, with evidence.

Importing this package is cheap; numpy, rapidfuzz and scipy load on the first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .settings import DEFAULT_SETTINGS, DiffSettings

if TYPE_CHECKING:
    from ..schemas import Edition
    from ..schemas.diff import Diff


def editions_to_diff(old: "Edition", new: "Edition", *, settings: DiffSettings = DEFAULT_SETTINGS, threshold: float | None = None) -> "Diff":
    """What changed from `old` to `new` (see `diff.editions`); `threshold` overrides `settings.threshold`."""
    from .editions import editions_to_diff as run

    return run(old, new, settings=settings, threshold=threshold)


__all__ = ["DEFAULT_SETTINGS", "DiffSettings", "editions_to_diff"]
