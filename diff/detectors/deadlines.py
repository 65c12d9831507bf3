"""A deadline that moved: compared on the latest end date of the phrases that set a date, slip in months
(positive a slip, negative an advance).

Phrases that state a state alone ('Fait', 'En cours') are left to `status.py`; a
state with an end ("En cours, jusqu'à fin 2022") sets a date like any other; when
either side's dated phrases were not read as intervals, the folded phrases are
compared instead (a slip then has no number of months).
"""

from __future__ import annotations

import datetime as dt

from ...vocabulary.text import fold
from ...schemas import Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import make_change, matched_cards
from .status import Phrases, card_deadlines, phrase_state


def months_between(before: dt.date, after: dt.date) -> int:
    """Slip in whole months from one interval end to another (positive = later)."""
    return (after.year - before.year) * 12 + (after.month - before.month)


def _sets_date(raw: str, d) -> bool:
    """A phrase that sets a date: no state, or work under way until an end ("En cours, jusqu'à fin 2022")."""
    state = phrase_state(d, raw)
    return state is None or (state == "ongoing" and d is not None and d.end is not None)


def _due(phrases: Phrases) -> tuple[dt.date | None, list[str]]:
    """The latest end date among the phrases that set a date, and those phrases' folded text."""
    ends, dated = [], []
    for raw, d in phrases:
        if not _sets_date(raw, d):
            continue
        dated.append(fold(raw))
        if d is not None and d.end is not None:
            ends.append(d.end)
    return (max(ends) if ends else None), dated


def deadline_change(subject, mission, old_phr: Phrases, new_phr: Phrases, old_prov, new_prov, confidence) -> Change | None:
    """`deadline_changed` between two sets of phrases of one card or step, or None when their due date is the same."""
    end_o, dated_o = _due(old_phr)
    end_n, dated_n = _due(new_phr)
    if not dated_o or not dated_n:
        return None
    if end_o is not None and end_n is not None:
        if end_o == end_n:
            return None
        slip = months_between(end_o, end_n)
        detail = {"slip_months": slip, "end_before": end_o.isoformat(), "end_after": end_n.isoformat()}
        bonus = min(abs(slip), 24)
    elif dated_o == dated_n:
        return None
    else:
        detail = {"slip_months": None, "end_before": None, "end_after": None}
        bonus = 0
    return make_change(
        "deadline_changed", mission=mission, subject=subject,
        before=" / ".join(r for r, d in old_phr if _sets_date(r, d)),
        after=" / ".join(r for r, d in new_phr if _sets_date(r, d)),
        detail=detail, bonus=bonus, confidence=confidence, old=old_prov, new=new_prov,
    )


def action_deadline(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A matched card whose card-level deadline moved."""
    changes = []
    for _, _, o, n, conf in matched_cards(old, new, matching):
        change = deadline_change(n.code, n.mission, card_deadlines(o), card_deadlines(n), o.provenance, n.provenance, conf)
        if change:
            changes.append(change)
    return changes
