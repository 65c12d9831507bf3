"""The tunables of the structure builder (a light module: settings are made before any reader is imported)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StructureSettings:
    """Every tunable of the structure builder, in one place."""

    #: Longest chart entry, in characters (longer blocks are prose).
    chart_entry_max_chars: int = 90
    #: Fewest entries for a mission group to count as a chart group.
    chart_group_min_entries: int = 2
    #: Lowest rapidfuzz score (0-100) for a chart entry to be matched to a card.
    chart_match_threshold: float = 60.0
    #: How far after a mission code the "OBJECTIF :" line may stand, in blocks.
    mission_objective_window: int = 3

    def __post_init__(self) -> None:
        for name in ("chart_entry_max_chars", "chart_group_min_entries", "mission_objective_window"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"StructureSettings.{name} must be a whole number of at least 1, got {value!r}")
        if not 0 <= self.chart_match_threshold <= 100:  # NaN too: it lies within no range
            raise ValueError(f"StructureSettings.chart_match_threshold must be within 0-100, got {self.chart_match_threshold}")
