"""The overview chart matched to the action cards.

The chart prints every action's title under its mission, without codes, and
its titles differ from the cards' (the card "Résilience RIE et Rimba" is
"Résilience RIE et Rimbaud" in the chart; "Sac à dos numérique de l'agent" is
"… de l'agent public"). Entries are matched to the cards of the same mission
by an optimal one-to-one assignment on a title similarity score (`assignment.assign`).
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz

from ..assignment import assign
from ..normalize.text import fold
from ..schemas.edition import Action, ChartEntry


def title_similarity(card: str, chart: str) -> float:
    """0-100: how likely two printed titles name the same action (one may be a truncation of the other)."""
    return _folded_similarity(fold(card), fold(chart))


def _folded_similarity(a: str, b: str) -> float:
    """`title_similarity` of two titles already folded."""
    if not a or not b:
        return 0.0
    score = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        score = max(score, 80.0 + 20.0 * len(short) / len(long_))
    return float(score)


def match_chart_to_cards(chart: list[ChartEntry], actions: list[Action], *, threshold: float) -> tuple[list[ChartEntry], list[Action]]:
    """Copies of the chart and actions with entries matched to cards (chart_title, new, completed set)."""
    # matching sets top-level fields only, so shallow copies leave the inputs untouched
    chart = [entry.model_copy() for entry in chart]
    actions = [action.model_copy() for action in actions]
    for mission in sorted({entry.mission for entry in chart}):
        rows = [e for e in chart if e.mission == mission]
        cols = [a for a in actions if a.mission == mission]
        if not rows or not cols:
            continue
        card_titles = [fold(a.title) for a in cols]
        entry_titles = [fold(e.title) for e in rows]
        scores = np.array([[_folded_similarity(card, entry) for card in card_titles] for entry in entry_titles])
        for r, c, score in assign(scores, threshold):
            entry, action = rows[r], cols[c]
            entry.action = action.code
            entry.match_score = round(score, 1)
            action.chart_title = entry.title
            if entry.new:
                action.new = True
            if entry.completed:
                action.completed = True
                action.status = "completed"
    return chart, actions
