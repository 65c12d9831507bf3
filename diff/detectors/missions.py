"""Missions renamed, reworded, merged, split, added and removed.

A mission merged into another or split in two is one change (`mission_merged`,
`mission_split`), never also a removal and an addition, nor the rename of a
split mission to one of its parts.

An edition that lists no mission says nothing about missions: nothing is then
reported removed or added.
"""

from __future__ import annotations

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import differs, make_change, mission_subject, missions_listed


def _both_list_missions(old: Edition, new: Edition) -> bool:
    return bool(old.missions) and bool(new.missions)


def mission_renamed(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A matched mission whose code changed (GAMMA -> DELTA), with the evidence of the match."""
    if not _both_list_missions(old, new):
        return []
    changes = []
    split = {s.old for s in matching.missions.splits}
    for match in matching.missions.matches:
        o, n = old.mission(match.old), new.mission(match.new)
        if o.code != n.code and o.code not in split:
            changes.append(make_change(
                "mission_renamed", mission=n.code, subject=mission_subject(o.code), before=o.code_printed, after=n.code_printed,
                detail={"evidence": list(match.evidence)}, confidence=match.score, old=o.provenance, new=n.provenance,
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
                    "mission_reworded", mission=n.code, subject=mission_subject(n.code), before=a, after=b, detail={"field": name},
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
        changes.append(make_change("mission_removed", mission=o.code, subject=mission_subject(o.code), before=o.name or o.description or o.code_printed,
                                   confidence=1.0, old=o.provenance, new=listed_new))
    for n in matching.missions.unmatched_new:
        changes.append(make_change("mission_added", mission=n.code, subject=mission_subject(n.code), after=n.name or n.description or n.code_printed,
                                   confidence=1.0, old=listed_old, new=n.provenance))
    return changes


def mission_merged_or_split(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """Old missions that went into a new mission beside another (merged), or were divided between new missions (split).

    The old side cites the old mission; the new side the mission it went into (for a split, its first part other than
    itself). The confidence is the share of its cards found there, 1 when an edition or the concordance states it.
    """
    if not _both_list_missions(old, new):
        return []
    changes = []
    for m in matching.missions.merges:
        o, n = old.mission(m.old), new.mission(m.into)
        confidence = 1.0 if "stated" in m.evidence or m.share is None else m.share
        changes.append(make_change(
            "mission_merged", mission=n.code, subject=mission_subject(o.code), before=o.code_printed, after=n.code_printed,
            detail={"into": n.code, "merged_with": list(m.merged_with), "evidence": list(m.evidence), "share": m.share,
                    "statements": list(m.statements)},
            confidence=confidence, old=o.provenance, new=n.provenance,
        ))
    for s in matching.missions.splits:
        o = old.mission(s.old)
        parts = [new.mission(code) for code in s.into]
        first = next((p for p in parts if p.code != o.code), parts[0])
        confidence = 1.0 if "stated" in s.evidence or not s.shares else min(1.0, sum(s.shares.values()))
        changes.append(make_change(
            "mission_split", mission=o.code, subject=mission_subject(o.code), before=o.code_printed,
            after=" + ".join(p.code_printed for p in parts),
            detail={"into": [p.code for p in parts], "evidence": list(s.evidence), "shares": dict(s.shares), "statements": list(s.statements)},
            confidence=confidence, old=o.provenance, new=first.provenance,
        ))
    return changes
