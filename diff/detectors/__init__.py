"""The change detectors: one list of plain functions with one signature.

    detector(old, new, matching, settings) -> list[Change]

Each reads two editions and their matching (`diff.matching.Matching`) and
returns the changes of its kinds, each citing the place of the fact in both
editions (the side where an element is absent cites where it would stand).
Texts are compared on `fold()` (so a change of typography is not a change),
deadlines on their normalised intervals (so "2nd semestre 2020" and "S2 2020"
are the same), owners on their canonical ids when the normaliser recognised
them. A detector returns nothing when the matching lacks the level it reads
(actions of an edition listing only missions, a missing indicator table).

`DETECTORS` is the list `editions_to_diff` runs, in order; a program can run
any detector alone, or its own list, through `detect_changes`.
"""

from __future__ import annotations

from typing import Callable

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .additions import action_added
from .deadlines import action_deadline
from .exits import action_exited
from .indicators import column_changed, indicator_rows
from .missions import mission_merged_or_split, mission_removed_or_added, mission_renamed, mission_reworded
from .owners import owner_changed
from .placement import action_moved_or_recoded
from .status import action_status
from .steps import step_changes
from .wording import action_reworded, action_retitled

Detector = Callable[[Edition, Edition, Matching, DiffSettings], list[Change]]

#: Every detector, with the kinds of change it emits.
DETECTORS: list[Detector] = [
    mission_renamed,  # mission_renamed
    mission_reworded,  # mission_reworded
    mission_merged_or_split,  # mission_merged, mission_split
    mission_removed_or_added,  # mission_removed, mission_added
    action_moved_or_recoded,  # action_moved, action_recoded
    action_retitled,  # action_retitled
    action_reworded,  # action_reworded
    action_status,  # action_completed, status_changed
    action_deadline,  # deadline_changed
    owner_changed,  # owner_changed
    step_changes,  # step_changed, step_added, step_removed, and status_changed / deadline_changed of steps
    action_exited,  # action_exited_completed, action_dropped
    action_added,  # action_added
    column_changed,  # column_changed
    indicator_rows,  # indicator_revised, indicator_added, indicator_removed
]


def detect_changes(old: Edition, new: Edition, matching: Matching, settings: DiffSettings,
                   detectors: list[Detector] | None = None) -> list[Change]:
    """The changes every detector finds, in the detectors' order."""
    changes: list[Change] = []
    for detector in DETECTORS if detectors is None else detectors:
        changes.extend(detector(old, new, matching, settings))
    return changes


__all__ = ["DETECTORS", "Detector", "detect_changes"]
