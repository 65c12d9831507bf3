"""A card (or step) completed, no longer completed, or changing state ('done', 'ongoing', a due date).

A phrase's state is read from the normaliser's deadline kind when there is
one, else from the words it starts with.
"""

from __future__ import annotations

from ...vocabulary import status
from ...vocabulary.text import fold
from ...schemas import Action, Deadline, Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import card_subject, make_change, matched_cards

_DONE = status.DONE_OPENINGS
_ONGOING = status.ONGOING_PHRASES

#: A deadline or status phrase as printed, with its normalised interval (None when it was not read as one).
Phrases = list[tuple[str, Deadline | None]]


def phrase_state(deadline: Deadline | None, raw: str | None) -> str | None:
    """'done', 'ongoing' or None (a due date or nothing) for one deadline/status phrase."""
    if deadline is not None and deadline.kind in ("done", "ongoing"):
        return deadline.kind
    key = fold(raw or (deadline.raw if deadline else ""))
    if key.startswith(_DONE):
        return "done"
    if key.startswith(_ONGOING):
        return "ongoing"
    return None


def card_deadlines(action: Action) -> Phrases:
    """(phrase as printed, its normalised interval or None) for the card-level deadlines."""
    if len(action.deadlines) == len(action.deadlines_printed):
        return list(zip(action.deadlines_printed, action.deadlines))
    return [(raw, None) for raw in action.deadlines_printed]


def _state(phrases: Phrases) -> str | None:
    states = [phrase_state(d, raw) for raw, d in phrases]
    if "done" in states:
        return "done"
    if "ongoing" in states:
        return "ongoing"
    return None


def status_change(subject, mission, old_phr: Phrases, new_phr: Phrases, old_prov, new_prov, confidence) -> Change | None:
    """`status_changed` between two sets of phrases of one card or step, or None when their state is the same."""
    state_o, state_n = _state(old_phr), _state(new_phr)
    if state_o == state_n:
        return None
    return make_change(
        "status_changed", mission=mission, subject=subject,
        before=" / ".join(r for r, _ in old_phr) or None, after=" / ".join(r for r, _ in new_phr) or None,
        detail={"state_before": state_o or "due", "state_after": state_n or "due"},
        confidence=confidence, old=old_prov, new=new_prov,
    )


def was_completed(action: Action, stated_completed: set[str]) -> bool:
    """Whether a card is marked completed, or is one its edition states completed."""
    return action.completed or action.status == "completed" or action.code in stated_completed


def action_status(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """`action_completed` for a card now marked completed, `status_changed` for one no longer marked, or whose phrases changed state."""
    changes = []
    for _, _, o, n, conf in matched_cards(old, new, matching):
        was_done, is_done = was_completed(o, set()), was_completed(n, set())
        if is_done and not was_done:
            changes.append(make_change("action_completed", mission=n.mission, subject=card_subject(old, o, new, n, n.mission), before=o.status_printed, after=n.status_printed or "✓",
                                       confidence=conf, old=o.provenance, new=n.provenance))
        elif was_done and not is_done:
            changes.append(make_change("status_changed", mission=n.mission, subject=card_subject(old, o, new, n, n.mission), before=o.status_printed or "✓", after=n.status_printed,
                                       detail={"state_before": "completed", "state_after": "active"}, confidence=conf, old=o.provenance, new=n.provenance))
        else:
            status = status_change(card_subject(old, o, new, n, n.mission), n.mission, card_deadlines(o), card_deadlines(n), o.provenance, n.provenance, conf)
            if status:
                changes.append(status)
    return changes
