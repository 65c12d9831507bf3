"""The vocabulary perturbation profile through the real pipeline: a few seeded trials, every change found."""

from __future__ import annotations

from evaluation.perturb import perturb_edition
from evaluation.score import score_trials


def test_vocabulary_perturbations_record_what_they_change():
    from evaluation.score import base_edition

    base = base_edition()
    kinds = set()
    for seed in range(1, 30):
        kinds |= {e.kind for e in perturb_edition(base, seed, profile="vocabulary").expected}
    assert {"mission_renamed", "mission_added", "mission_removed", "action_recoded", "owner_changed", "action_added"} <= kinds


def test_vocabulary_trials_are_all_found():
    run = score_trials(trials=2, seed=11, thresholds=(0.5,), profile="vocabulary")
    tallies = run.by_threshold[0.5]
    assert sum(t.tp for t in tallies.values()) > 0
    assert all(t.fp == 0 and t.fn == 0 for t in tallies.values()), {k: (t.fp, t.fn) for k, t in tallies.items() if t.fp or t.fn}
