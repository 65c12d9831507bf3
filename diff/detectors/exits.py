"""Cards of the older edition matched to none of the newer one: completed and gone, or dropped.

A card leaves completed when it was marked completed or its edition states it
completed; otherwise it was dropped. The confidence is how far the best
candidate stayed from a match. The newer side cites where the card would
stand: its mission, or where the edition lists its missions.
"""

from __future__ import annotations

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import make_change, missions_listed
from .status import was_completed


def action_exited(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """`action_exited_completed` or `action_dropped` for every unmatched card of the older edition."""
    if matching.actions is None:
        return []
    new_of_old = matching.missions.new_of_old
    stated_completed = {s.subject for s in old.stated_changes if s.kind == "action_completed"}
    listed_new = missions_listed(new)
    changes = []
    for i in matching.actions.unmatched_old:
        o = old.actions[i]
        kind = "action_exited_completed" if was_completed(o, stated_completed) else "action_dropped"
        m = new_of_old.get(o.mission, o.mission)
        where = new.mission(m)
        changes.append(make_change(kind, mission=m, subject=o.code, before=o.title, detail={"code": o.code, "mission_before": o.mission},
                                   confidence=1.0 - matching.actions.best_old.get(i, 0.0), old=o.provenance,
                                   new=where.provenance if where else listed_new))
    return changes
