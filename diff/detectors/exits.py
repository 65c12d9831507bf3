"""Cards of the older edition matched to none of the newer one: completed and gone, or dropped.

A card leaves completed when it was marked completed or its edition states it
completed; otherwise it was dropped, and `detail.reason` says how: transformed
into another action (the newer edition says so), not extracted (the newer
edition names its code but no card of it was read), or dropped without
explanation. The confidence is how far the best
candidate stayed from a match. The newer side cites where the card would
stand: its mission, or where the edition lists its missions.
"""

from __future__ import annotations

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import card_subject, make_change, missions_listed
from .status import was_completed


def _reason(kind: str, code: str, transformed: dict[str, str | None], named: set[str]) -> str:
    """Why a card left: completed; transformed (stated by the newer edition); named in the newer text with no card
    extracted (an extraction gap); else dropped without explanation."""
    if kind == "action_exited_completed":
        return "completed"
    if code in transformed:
        return "transformed"
    if code in named:
        return "not_extracted"
    return "dropped"


def action_exited(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """`action_exited_completed` or `action_dropped` for every unmatched card of the older edition."""
    if matching.actions is None:
        return []
    new_of_old = matching.missions.card_homes()  # a card of a mission merged into another stood there
    stated_completed = {s.subject for s in old.stated_changes if s.kind == "action_completed"}
    listed_new = missions_listed(new)
    transformed = {s.subject: s.target for s in new.stated_changes if s.kind == "action_transformed"}
    named = {r.code for r in new.references}
    changes = []
    for i in matching.actions.unmatched_old:
        o = old.actions[i]
        kind = "action_exited_completed" if was_completed(o, stated_completed) else "action_dropped"
        m = new_of_old.get(o.mission, o.mission)
        detail = {"code": o.code, "mission_before": o.mission, "reason": _reason(kind, o.code, transformed, named)}
        if kind == "action_dropped" and o.code in transformed:
            detail["target"] = transformed[o.code]
        where = new.mission(m)
        changes.append(make_change(kind, mission=m, subject=card_subject(old, o, None, None, m), before=o.title, detail=detail,
                                   confidence=1.0 - matching.actions.best_old.get(i, 0.0), old=o.provenance,
                                   new=where.provenance if where else listed_new))
    return changes
