"""The scoring of the diff against perturbation ground truth (a handful of trials; the full run is `python -m evaluation score`)."""

from __future__ import annotations

from evaluation.perturb import Expected
from evaluation.score import Tally, format_run, score_changes, score_trials
from editiondiff.schemas.diff import Change, Subject


def test_tally_precision_recall_f1():
    t = Tally(tp=8, fp=2, fn=0)
    assert t.precision == 0.8 and t.recall == 1.0
    assert abs(t.f1 - 2 * 0.8 / 1.8) < 1e-12
    assert Tally().f1 == 1.0  # nothing expected and nothing reported: perfect, never a division by zero


def test_score_changes_is_a_multiset_comparison_on_kind_and_key():
    changes = [
        Change(kind="step_added", subject=Subject(type="step", action_code="LA1", step=2, step_of="new"), detail={"step_after": 2}, confidence=1.0),
        Change(kind="step_added", subject=Subject(type="step", action_code="LA1", step=3, step_of="new"), detail={"step_after": 3}, confidence=1.0),
        Change(kind="deadline_changed", subject=Subject(type="action", action_code="LA2"), detail={"slip_months": 3}, confidence=1.0),
        Change(kind="action_dropped", subject=Subject(type="action", action_code="DA2"),
               detail={"code": "DA2", "mission_before": "DATA", "reason": "dropped"}, confidence=1.0),
    ]
    expected = [
        Expected("step_added", ("LA1",)),
        Expected("deadline_changed", ("LA2",), slip_months=6),
        Expected("action_moved", ("DA9",)),
    ]
    score = score_changes(changes, expected)
    assert (score.by_kind["step_added"].tp, score.by_kind["step_added"].fp) == (1, 1)
    assert score.by_kind["deadline_changed"].tp == 1
    assert (score.by_kind["action_dropped"].fp, score.by_kind["action_moved"].fn) == (1, 1)
    assert (score.slips, score.slips_exact) == (1, 0)


def test_a_few_seeded_trials_through_the_real_pipeline_meet_the_targets():
    run = score_trials(trials=6, seed=100, thresholds=(0.3, 0.55))
    tallies = run.by_threshold[0.55]
    total = Tally()
    for t in tallies.values():
        total.add(t)
    assert total.tp > 40
    assert total.f1 >= 0.98, run.misses[0.55]
    for kind in ("action_added", "action_exited_completed", "mission_renamed", "action_dropped"):
        if kind in tallies:
            assert tallies[kind].f1 == 1.0, (kind, run.misses[0.55])
    text = format_run(run, 0.55)
    assert "ALL KINDS" in text and "<- default" in text
