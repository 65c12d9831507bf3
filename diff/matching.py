"""Everything of two editions matched, before any change is classified.

    editions_to_matching(old, new, settings) -> Matching

Missions first (`missions.py`), then, when both editions list their actions,
the cards (`actions.py`, old missions compared under their new codes), the
steps of every matched pair of cards (`steps.py`) and the indicator tables
(`indicators.py`). The change detectors (`detectors/`) only read this.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schemas import Edition
from .actions import ActionMatching, actions_to_matches
from .indicators import IndicatorMatching, tables_to_matches
from .missions import MissionMatching, missions_to_matches
from .settings import DiffSettings
from .steps import StepMatching, steps_to_matches


@dataclass
class Matching:
    """Which element of the older edition is which of the newer one, at every level both editions have."""

    missions: MissionMatching
    #: None when either edition lists only its missions.
    actions: ActionMatching | None = None
    #: Steps of each matched pair of cards, by (index in old, index in new).
    steps: dict[tuple[int, int], StepMatching] = field(default_factory=dict)
    #: None when either edition has no indicator table, or lists only its missions.
    indicators: IndicatorMatching | None = None

    @property
    def level(self) -> str:
        return "missions" if self.actions is None else "actions"


def editions_to_matching(old: Edition, new: Edition, settings: DiffSettings) -> Matching:
    """Missions, actions, steps and indicators of `old` matched to those of `new`."""
    missions = missions_to_matches(old, new, settings)
    matching = Matching(missions=missions)
    if old.level != "actions" or new.level != "actions":
        return matching
    # Cards of an old mission merged into another are compared under the mission they went into.
    matching.actions = actions_to_matches(old.actions, new.actions, missions.card_homes(), settings, threshold=settings.threshold)
    matching.steps = {(i, j): steps_to_matches(old.actions[i].steps, new.actions[j].steps, settings) for i, j, _ in matching.actions.pairs}
    if old.indicators is not None and new.indicators is not None:
        matching.indicators = tables_to_matches(old.indicators, new.indicators, missions.card_homes(), settings)
    return matching
