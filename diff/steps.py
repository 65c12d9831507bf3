"""The steps of two matched cards, matched one to one.

Steps are compared on their match keys with `token_set_ratio` (a step that
gained or lost a few words stays the same step); their order is a weak
tie-breaker (equal texts prefer the same position). A short step reworded
("Développer ProConnect" -> "Construire ProConnect") shares few words but
keeps its deadline phrase: the steps left over on both sides that print the
same phrase and have some words in common are then paired too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from ..assignment import assign
from ..schemas import Step
from .settings import DiffSettings
from .similarity import folded, match_key


@dataclass
class StepMatching:
    """Pairs (index in the old card, index in the new card, similarity) and the steps left on each side."""

    pairs: list[tuple[int, int, float]] = field(default_factory=list)
    gone: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)


def steps_to_matches(old: list[Step], new: list[Step], settings: DiffSettings) -> StepMatching:
    """One-to-one matching of the steps of two matched cards."""
    if not old or not new:
        return StepMatching([], list(range(len(old))), list(range(len(new))))
    sims = process.cdist([match_key(s.text) for s in old], [match_key(s.text) for s in new], scorer=fuzz.token_set_ratio, dtype=np.float32) / 100.0
    order = -np.abs(np.subtract.outer(np.arange(len(old)), np.arange(len(new)))) * settings.step_order_weight
    pairs = assign(sims, settings.step_threshold, tie_break=order)
    mo, mn = {p[0] for p in pairs}, {p[1] for p in pairs}
    left_o = [i for i in range(len(old)) if i not in mo and old[i].deadline_printed]
    left_n = [j for j in range(len(new)) if j not in mn and new[j].deadline_printed]
    if left_o and left_n:
        floor = settings.step_same_deadline_threshold
        same_phrase = np.array([[sims[i, j] if folded(old[i].deadline_printed) == folded(new[j].deadline_printed) and sims[i, j] >= floor else 0.0
                                 for j in left_n] for i in left_o])
        for a, b, sim in assign(same_phrase, floor):
            pairs.append((left_o[a], left_n[b], sim))
        mo, mn = {p[0] for p in pairs}, {p[1] for p in pairs}
    pairs.sort()
    return StepMatching(pairs, [i for i in range(len(old)) if i not in mo], [j for j in range(len(new)) if j not in mn])
