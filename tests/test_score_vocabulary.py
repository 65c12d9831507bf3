"""The vocabulary perturbation profile through the real pipeline: a few seeded trials, every change found."""

from __future__ import annotations

from evaluation.perturb import perturb_edition
from evaluation.score import score_trials


def test_vocabulary_perturbations_record_what_they_change():
    from evaluation.score import base_edition

    base = base_edition()
    kinds = set()
    for seed in range(1, 10):
        kinds |= {e.kind for e in perturb_edition(base, seed, profile="vocabulary").expected}
    assert {"mission_renamed", "mission_added", "mission_removed", "action_recoded", "owner_changed", "action_added"} <= kinds


#: Completed-card marks the extractor does not yet read as a status (they are read as the card's objective,
#: so the card is reported reworded); known gap of issue 9, measured by the vocabulary profile.
UNREAD_COMPLETED_MARKS = ("Objectif réalisé ✓", "Action achevée ✓")


def test_vocabulary_trials_are_all_found():
    from evaluation.score import base_edition

    run = score_trials(trials=2, seed=11, thresholds=(0.5,), profile="vocabulary")
    tallies = run.by_threshold[0.5]
    assert sum(t.tp for t in tallies.values()) > 0
    wrong = {k: (t.fp, t.fn) for k, t in tallies.items() if (t.fp or t.fn) and k != "action_reworded"}
    assert not wrong, wrong
    # The only errors left are cards reported reworded because their completed mark was read as their objective.
    base = base_edition()
    marks = {a.code: a.status_printed for seed in (11, 12) for a in perturb_edition(base, seed, profile="vocabulary").edition.actions}
    reworded = [m.split(" ")[2] for m in run.misses[0.5] if m.startswith("FP action_reworded")]
    assert tallies["action_reworded"].fn == 0 and all(marks.get(code) in UNREAD_COMPLETED_MARKS for code in reworded), (reworded, marks)
