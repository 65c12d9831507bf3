"""Which changes matter most: published, versioned rules that score each change.

A change's significance is the sum of the points of every rule it meets; the
report lists each pair's changes by that score (highest first; ties keep the
diff's order) and shows, for every item, the rules behind its score. The
rules are data of this module (`RULES`), printed in the report with their
version, so a reader can check any ranking by hand. Change the rules, change
`RULES_VERSION`.

The order they encode: an action dropped without explanation above a mission
removed or added, above a mission merged or split, above a slip of more than six months, above an indicator value lowered, above a retitle; a
change the diff is unsure of (confidence under 0.7) loses points, and an exit
that is an extraction gap (the code is named, no card was read) is not
counted as a decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..schemas.diff import Change

RULES_VERSION = "1.1.0"


@dataclass(frozen=True)
class Rule:
    id: str
    points: int
    applies: Callable[[Change], bool]


def _slip(c: Change) -> int | None:
    return c.detail.get("slip_months") if c.kind == "deadline_changed" else None


def _lowered(c: Change) -> bool:
    """An indicator cell whose number went down (both sides read as numbers)."""
    if c.kind != "indicator_revised":
        return False
    from ..normalize.indicators import cell_to_value

    before, after = cell_to_value(c.before or ""), cell_to_value(c.after or "")
    return before.value is not None and after.value is not None and before.unit == after.unit and after.value < before.value


def _kind(*kinds: str) -> Callable[[Change], bool]:
    return lambda c: c.kind in kinds


def _reason(reason: str) -> Callable[[Change], bool]:
    return lambda c: c.kind == "action_dropped" and c.detail.get("reason") == reason


#: The rules, in the order the report prints them.
RULES: tuple[Rule, ...] = (
    Rule("dropped_unexplained", 100, _reason("dropped")),
    Rule("mission_gone_or_new", 90, _kind("mission_removed", "mission_added")),
    Rule("slip_over_6_months", 80, lambda c: (_slip(c) or 0) > 6),
    Rule("action_added", 70, _kind("action_added")),
    Rule("mission_merged_or_split", 85, _kind("mission_merged", "mission_split")),
    Rule("mission_renamed", 60, _kind("mission_renamed")),
    Rule("indicator_lowered", 60, _lowered),
    Rule("slip_up_to_6_months", 50, lambda c: 0 < (_slip(c) or 0) <= 6),
    Rule("transformed", 45, _reason("transformed")),
    Rule("completed", 40, _kind("action_completed", "action_exited_completed")),
    Rule("action_moved", 40, _kind("action_moved")),
    Rule("deadline_earlier_or_reworded", 30, lambda c: c.kind == "deadline_changed" and (_slip(c) is None or _slip(c) < 0)),
    Rule("owner_changed", 30, _kind("owner_changed")),
    Rule("status_changed", 30, _kind("status_changed")),
    Rule("indicator_revised", 25, lambda c: c.kind == "indicator_revised" and not _lowered(c)),
    Rule("indicator_row_gone_or_new", 25, _kind("indicator_added", "indicator_removed")),
    Rule("column_changed", 20, _kind("column_changed")),
    Rule("retitled_or_recoded", 20, _kind("action_retitled", "action_recoded")),
    Rule("not_extracted", 15, _reason("not_extracted")),
    Rule("steps_added_or_removed", 10, _kind("step_added", "step_removed")),
    Rule("reworded", 10, _kind("action_reworded", "mission_reworded", "step_changed")),
    Rule("unsure", -20, lambda c: c.confidence < 0.7),
)


def score_change(change: Change) -> list[tuple[str, int]]:
    """(rule id, points) of every rule the change meets, in the rules' order."""
    return [(rule.id, rule.points) for rule in RULES if rule.applies(change)]
