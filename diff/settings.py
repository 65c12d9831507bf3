"""The diff's tunable numbers, in one typed object.

The default match threshold is not a guess: `python -m evaluation score` measures
precision and recall of every change kind over seeded perturbations at several
thresholds. Over 200 trials of the default profile (seeds 1-200, 20 via PDF)
F1 over all kinds is 1.0 from 0.45 to 0.60 and falls on both sides (0.998 at
0.40, 0.94 at 0.70 where moved cards, which share no code and no mission with
their old selves, are lost). That profile is kind to the matcher; the hard
profile (`python -m evaluation score --profile hard`: paraphrased titles with reworded
objectives, stacked edits, code swaps, look-alike drop+add) separates the
plateau: over the same seeds its F1 peaks at 0.50 (0.9994 on the diff alone,
0.9768 through text and PDF extraction, against 0.9968 and 0.9742 at 0.55),
where a moved card whose objective was reworded and that prints no steps is
still found, while the look-alike additions are still not matched (their F1
is higher at 0.50 than at 0.55). Hence 0.50, in the middle of both plateaus.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class DiffSettings:
    #: Minimum action match score for two cards to be the same action.
    threshold: float = 0.50
    #: Minimum mission match score.
    mission_threshold: float = 0.55
    #: A mission of the older edition went into a mission of the newer one (merge) when at least this
    #: share of its cards (found by title, code or objective) stand there; a part of a split holds at
    #: least `mission_split_share` of its cards, and the old mission's cards are most of that part's.
    mission_merge_share: float = 0.50
    mission_split_share: float = 0.20
    #: Cards a part of a merge or split must hold (a mission of fewer cards: all of them), so that one card moving is a move, not a split.
    mission_part_cards: int = 2
    #: Weights of the content fields inside the content similarity (renormalised over the fields both cards have).
    title_weight: float = 0.45
    objective_weight: float = 0.30
    steps_weight: float = 0.25
    #: Weights of the three parts of an action match score (they sum to 1).
    content_weight: float = 0.65
    code_weight: float = 0.25
    mission_weight: float = 0.10
    #: A shared code only counts when the cards' content is at least this similar:
    #: codes are strong evidence, but not trusted blindly (a code can be reused).
    #: Measured on seed 003: new content written for the perturbations reaches 0.55
    #: against the real cards; a card keeping its objective and steps scores 0.9 and more.
    code_gate: float = 0.60
    #: Objective and steps at least this similar make the card's content on their own (a title rewritten).
    #: Sibling cards of the real editions reach 0.76 (two cards of seed 003 share an objective copied by mistake).
    body_agree: float = 0.90
    #: Objective and steps under this similarity contradict a title that agrees: the content is then
    #: taken as no more alike than the body. A follow-up card ("Bilan de « X »") added where X was
    #: dropped reaches 0.88 on its title and 0.46-0.56 on its objective; an objective reworded with
    #: synonyms and a sentence added keeps 0.59-0.96.
    body_disagree: float = 0.58
    #: An objective of at least this many words (match key) is a full sentence: it may stand alone as the
    #: card's body, and is compared on the words it keeps (token_set) as well as their order.
    sentence_words: int = 6
    #: A field "agrees" (is cited as evidence) at or above this similarity.
    agree_at: float = 0.80
    #: Minimum similarity (token_set) for two steps of matched cards to be the same step. Two different
    #: steps of one card reach 0.69 in seed 003 (one of its cards); a step with a few words changed or added, 0.93 and more.
    step_threshold: float = 0.75
    #: Weight of the position difference between two steps in their assignment: a tie-breaker only
    #: (equal texts prefer the same position), far under any difference of similarity.
    step_order_weight: float = 1e-4
    #: Steps left over on both sides that print the same deadline phrase pair up at this similarity
    #: and above: a short step reworded ("Développer ProConnect" -> "Construire ProConnect").
    step_same_deadline_threshold: float = 0.45
    #: Indicator rows whose labels differ (after the rows with identical labels are paired) are the same
    #: row at this label similarity and above, within one (matched) mission.
    indicator_row_threshold: float = 0.80
    #: Above this many candidate pairs, score within blocks (same mission) first,
    #: then the leftovers across missions; below, score every pair.
    block_above_pairs: int = 40_000
    #: First match cards whose whole content is identical and unique on both sides, whatever their codes
    #: (two cards of a mission swapping codes stay themselves), and when blocking, without fuzzy scoring.
    exact_first: bool = True
    #: rapidfuzz worker threads for cdist (-1: all cores).
    workers: int = -1

    def __post_init__(self) -> None:
        """Each value checked when the settings are made: a ValueError names the field and the value.

        A NaN threshold would compare false with every score and match nothing, silently: every
        number must be finite; scores, shares, weights and gates lie in [0, 1]; counts are whole."""
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "exact_first":
                if not isinstance(value, bool):
                    raise ValueError(f"DiffSettings.exact_first must be true or false, got {value!r}")
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValueError(f"DiffSettings.{f.name} must be a finite number, got {value!r}")
            if f.name in ("mission_part_cards", "sentence_words", "block_above_pairs"):
                if not isinstance(value, int) or value < 1:
                    raise ValueError(f"DiffSettings.{f.name} must be a whole number of at least 1, got {value!r}")
            elif f.name == "workers":
                if not isinstance(value, int) or value == 0 or value < -1:
                    raise ValueError(f"DiffSettings.workers must be -1 (all cores) or a whole number of at least 1, got {value!r}")
            elif not 0 <= value <= 1:
                raise ValueError(f"DiffSettings.{f.name} must lie within 0-1, got {value!r}")


DEFAULT_SETTINGS = DiffSettings()
