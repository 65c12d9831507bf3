"""A matched card that moved to another mission, or kept its mission and changed its code."""

from __future__ import annotations

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import card_subject, make_change, matched_cards


def action_moved_or_recoded(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """`action_moved` when the card's mission is not its old mission's match (nor what it merged into or was split into),
    else `action_recoded` when its code changed."""
    missions = matching.missions
    changes = []
    for _, _, o, n, conf in matched_cards(old, new, matching):
        if n.mission not in (missions.successors(o.mission) or {o.mission}):
            changes.append(make_change("action_moved", mission=n.mission, subject=card_subject(old, o, new, n, n.mission), before=f"{o.mission} ({o.code_printed})",
                                       after=f"{n.mission} ({n.code_printed})",
                                       detail={"mission_before": o.mission, "mission_after": n.mission, "code_before": o.code, "code_after": n.code},
                                       confidence=conf, old=o.provenance, new=n.provenance))
        elif o.code != n.code:
            changes.append(make_change("action_recoded", mission=n.mission, subject=card_subject(old, o, new, n, n.mission), before=o.code_printed, after=n.code_printed,
                                       detail={"code_before": o.code, "code_after": n.code}, confidence=conf, old=o.provenance, new=n.provenance))
    return changes
