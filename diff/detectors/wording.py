"""A matched card whose title or objective was rewritten (compared on folded text)."""

from __future__ import annotations

from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import card_subject, differs, make_change, matched_cards


def action_retitled(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A matched card whose title changed."""
    changes = []
    for _, _, o, n, conf in matched_cards(old, new, matching):
        if differs(o.title, n.title):
            changes.append(make_change("action_retitled", mission=n.mission, subject=card_subject(old, o, new, n, n.mission), before=o.title, after=n.title,
                                       confidence=conf, old=o.provenance, new=n.provenance))
    return changes


def action_reworded(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A matched card whose objective changed (both cards print one)."""
    changes = []
    for _, _, o, n, conf in matched_cards(old, new, matching):
        if o.objective and n.objective and differs(o.objective, n.objective):
            changes.append(make_change("action_reworded", mission=n.mission, subject=card_subject(old, o, new, n, n.mission), before=o.objective, after=n.objective,
                                       detail={"field": "objective"}, confidence=conf, old=o.provenance, new=n.provenance))
    return changes
