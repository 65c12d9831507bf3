"""Missions renamed, reworded, added and removed.

An edition that lists no mission says nothing about missions: nothing is then
reported removed or added.
"""

from __future__ import annotations

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import differs, make_change, missions_listed


def _both_list_missions(old: Edition, new: Edition) -> bool:
    return bool(old.missions) and bool(new.missions)


def mission_renamed(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A matched mission whose code changed (GAMMA -> DELTA), with the evidence of the match."""
    if not _both_list_missions(old, new):
        return []
    changes = []
    for match in matching.missions.matches:
        o, n = old.mission(match.old), new.mission(match.new)
        if o.code != n.code:
            changes.append(make_change(
                "mission_renamed", mission=n.code, subject=o.code, before=o.code_printed, after=n.code_printed,
                detail={"evidence": ", ".join(match.evidence)}, confidence=match.score, old=o.provenance, new=n.provenance,
            ))
    return changes


def mission_reworded(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A matched mission whose name, objective or description changed."""
    if not _both_list_missions(old, new):
        return []
    # A description is a one-line summary on the web pages but an opening
    # paragraph in a brochure: only compared between editions of one kind.
    fields = ("name", "objective", "description") if old.level == new.level else ("name", "objective")
    changes = []
    for match in matching.missions.matches:
        o, n = old.mission(match.old), new.mission(match.new)
        for name in fields:
            a, b = getattr(o, name), getattr(n, name)
            if a and b and differs(a, b):
                changes.append(make_change(
                    "mission_reworded", mission=n.code, subject=n.code, before=a, after=b, detail={"field": name},
                    confidence=match.score, old=o.provenance, new=n.provenance,
                ))
    return changes


def mission_removed_or_added(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """Missions left unmatched on either side; the side where one is absent cites where that edition lists its missions."""
    if not _both_list_missions(old, new):
        return []
    listed_old, listed_new = missions_listed(old), missions_listed(new)
    changes = []
    for o in matching.missions.unmatched_old:
        changes.append(make_change("mission_removed", mission=o.code, subject=o.code, before=o.name or o.description or o.code_printed,
                                   confidence=1.0, old=o.provenance, new=listed_new))
    for n in matching.missions.unmatched_new:
        changes.append(make_change("mission_added", mission=n.code, subject=n.code, after=n.name or n.description or n.code_printed,
                                   confidence=1.0, old=listed_old, new=n.provenance))
    return changes
