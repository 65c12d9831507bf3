"""What every detector uses to build a change: the base importance of each kind, and one constructor."""

from __future__ import annotations

from collections.abc import Iterator

from ...schemas import Action, Edition
from ...schemas.diff import Change, Subject
from ..similarity import folded, match_key

#: Base importance of each kind (higher first in reports).
IMPORTANCE = {
    "mission_renamed": 100,
    "mission_added": 100,
    "mission_removed": 100,
    "mission_merged": 100,
    "mission_split": 100,
    "action_dropped": 95,
    "action_added": 90,
    "action_completed": 85,
    "action_exited_completed": 80,
    "action_moved": 70,
    "deadline_changed": 60,
    "status_changed": 55,
    "owner_changed": 50,
    "indicator_added": 45,
    "indicator_removed": 45,
    "column_changed": 45,
    "action_retitled": 40,
    "action_recoded": 40,
    "indicator_revised": 35,
    "step_added": 30,
    "step_removed": 30,
    "mission_reworded": 30,
    "action_reworded": 25,
    "step_changed": 20,
}


def make_change(kind: str, **fields) -> Change:
    """A Change of `kind`: its importance from the kind (plus `bonus`), its confidence clipped to [0, 1]."""
    importance = IMPORTANCE[kind] + fields.pop("bonus", 0)
    confidence = round(min(1.0, max(0.0, fields.pop("confidence"))), 4)
    return Change(kind=kind, importance=importance, confidence=confidence, **fields)


def differs(a: str | None, b: str | None) -> bool:
    """Whether two texts differ once folded (a change of typography is not a change)."""
    return folded(a or "") != folded(b or "")


def matched_cards(old: Edition, new: Edition, matching) -> Iterator[tuple[int, int, Action, Action, float]]:
    """(index in old, index in new, old card, new card, confidence) for every matched pair of cards (none at mission level).

    The confidence of a change about a matched pair is the pair's match score, at most 1.
    """
    if matching.actions is None:
        return
    for i, j, score in matching.actions.pairs:
        yield i, j, old.actions[i], new.actions[j], (score if score < 1 else 1.0)


def missions_listed(edition):
    """Where an edition lists its missions (its count of missions): cited for a mission absent from it."""
    return next((c.provenance for c in edition.claims if c.kind == "missions"), None)


def mission_subject(code: str) -> Subject:
    return Subject(type="mission", mission=code)


def card_subject(older: Edition | None, old: Action | None, newer: Edition | None, new: Action | None, mission: str) -> Subject:
    """A card's subject: uid from the older card when there is one, code from the newer card when there is one."""
    uid = f"{older.id}:{old.code}" if old is not None and older is not None else f"{newer.id}:{new.code}"  # type: ignore[union-attr]
    return Subject(type="action", mission=mission, action_uid=uid, action_code=(new or old).code)  # type: ignore[union-attr]


def step_of(card: Subject, number: int, side: str) -> Subject:
    """The subject of step `number` (from 1) of the card `card`, counted in the card of `side`."""
    return card.model_copy(update={"type": "step", "step": number, "step_of": side})


def indicator_subject(mission: str | None, label: str) -> Subject:
    return Subject(type="indicator", mission=mission, indicator_id=f"{mission or ''}:{match_key(label).replace(' ', '-')}", label=label)


def column_subject(header: str) -> Subject:
    return Subject(type="column", label=header)
