"""Cards of the newer edition matched to none of the older one.

The older side cites where the card would stand: its mission there, or where
that edition lists its missions. The confidence is how far the best candidate
stayed from a match.
"""

from __future__ import annotations

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import card_subject, make_change, missions_listed


def action_added(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """`action_added` for every unmatched card of the newer edition (with whether the edition marks it new)."""
    if matching.actions is None:
        return []
    old_of_new = matching.missions.old_of_new()
    listed_old = missions_listed(old)
    changes = []
    for j in matching.actions.unmatched_new:
        n = new.actions[j]
        where = old.mission(old_of_new.get(n.mission, n.mission))
        changes.append(make_change("action_added", mission=n.mission, subject=card_subject(None, None, new, n, n.mission), after=n.title, detail={"code": n.code, "marked_new": n.new},
                                   confidence=1.0 - matching.actions.best_new.get(j, 0.0), old=where.provenance if where else listed_old,
                                   new=n.provenance))
    return changes
