"""A matched card whose owners changed: compared on canonical owner ids when the normaliser gave them."""

from __future__ import annotations

from ...vocabulary.text import fold
from ...schemas import Action, Edition
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import card_subject, make_change, matched_cards


def owner_keys(action: Action) -> tuple[str, ...]:
    """The card's canonical owner ids, or else its printed owners split and folded."""
    if action.owners:
        return tuple(sorted({o.id for o in action.owners}))
    parts = []
    for line in action.owners_printed:
        parts.extend(p for p in (fold(x) for x in line.replace(" et ", ",").split(",")) if p)
    return tuple(sorted(set(parts)))


def owner_changed(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A matched pair of cards, both naming owners, whose owners are not the same bodies."""
    changes = []
    for _, _, o, n, conf in matched_cards(old, new, matching):
        owners_o, owners_n = owner_keys(o), owner_keys(n)
        if owners_o and owners_n and owners_o != owners_n:
            changes.append(make_change("owner_changed", mission=n.mission, subject=card_subject(old, o, new, n, n.mission), before="; ".join(o.owners_printed),
                                       after="; ".join(n.owners_printed), detail={"ids_before": list(owners_o), "ids_after": list(owners_n)},
                                       confidence=conf, old=o.provenance, new=n.provenance))
    return changes
