"""`python -m evaluation score --producers ...`: the scoring run typesets its trials in every producer of the layout family.

One run of one trial through every producer installed (one Chromium process
and one LibreOffice call for all the files of the run) feeds the per-producer
tests; a producer is skipped only when its program is absent, with the reason
the harness gives. What is checked is the harness itself: every producer reads
back the same trials (the same expected changes as the text reference), each
reading is scored, the files are named and marked fictitious and re-typeset,
and the printout has a row per producer and layout. The scores are measured by
the command, not asserted here.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evaluation.layouts.build import producer_available
from evaluation.layouts.styles import FAMILY
from evaluation.score import PRODUCERS, _layout_jobs, check_names, format_run, score_trials, select_layouts

TRIALS = 1
SEED = 7
T = 0.5


def _installed() -> tuple[list, dict[str, str]]:
    return select_layouts(producers=list(PRODUCERS))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    layouts, skipped = _installed()
    if not layouts:
        pytest.skip("no producer installed")
    keep = tmp_path_factory.mktemp("typeset")
    return score_trials(trials=TRIALS, seed=SEED, thresholds=(T,), layouts=layouts, skipped=skipped, keep=keep), keep


@pytest.mark.parametrize("producer", PRODUCERS)
def test_every_installed_producer_reads_back_every_trial(run, producer):
    result, keep = run
    if producer in result.skipped:
        pytest.skip(f"{producer}: {result.skipped[producer]}")
    layouts = [s for s in result.layouts if s.producer == producer]
    assert layouts, f"{producer} installed but no layout of it used"
    assert result.pdf_trials == TRIALS
    assert not result.failures, result.failures
    readings = result.by_reading[T]
    want = sum(t.tp + t.fn for t in readings["text"].values())
    got = {kind: t for s in layouts for kind, t in readings[s.name].items()}
    # Same trials, same ground truth: the producer's readings expect exactly what the text reference expects.
    assert sum(t.tp + t.fn for s in layouts for t in readings[s.name].values()) == want > 0
    # The producer found some of it: a reading that lost the edition would have no true positive.
    assert sum(t.tp for t in got.values()) > 0
    for style in layouts:
        files = sorted(keep.glob(f"*_retypeset_{style.name}.pdf"))
        assert files and all("fictitious" in f.name for f in files), files
        import pymupdf

        with pymupdf.open(files[0]) as doc:
            meta = doc.metadata
        assert "FICTITIOUS" in meta["title"] and "re-typeset" in meta["title"] and style.name in meta["title"]
        assert "FICTITIOUS" in meta["subject"] and "re-typeset" in meta["keywords"]


def test_printout_has_a_row_per_producer_and_layout(run):
    result, _keep = run
    text = format_run(result, T)
    table = text[text.index("Per producer"):]
    assert "text (reference)" in table
    for style in result.layouts:
        assert any(line.startswith(style.producer) for line in table.splitlines())
        if len(result.layouts) > len({s.producer for s in result.layouts}):
            assert any(line.startswith(style.name) for line in table.splitlines())
    for producer, why in result.skipped.items():
        assert f"skipped: {why}" in table
    assert "F1 per change kind and producer" in table


def test_each_trial_goes_to_every_producer_its_layouts_in_turn():
    chosen = list(FAMILY)
    producers = list(dict.fromkeys(s.producer for s in chosen))
    seen = {p: [] for p in producers}
    for index in range(20):
        styles = _layout_jobs(chosen, index)
        assert [s.producer for s in styles] == producers
        for s in styles:
            seen[s.producer].append(s.name)
    for producer in producers:
        own = [s.name for s in chosen if s.producer == producer]
        assert seen[producer][: len(own)] == own


def test_selection_by_producer_and_layout_names():
    everything, skipped = select_layouts(layouts=["all"])
    assert {s.name for s in everything} | {s.name for s in FAMILY if s.producer in skipped} == {s.name for s in FAMILY}
    only, _ = select_layouts(producers=["pymupdf", "reportlab"])
    assert {s.producer for s in only} == {"pymupdf", "reportlab"}
    one = next(s for s in FAMILY if producer_available(s) is None)
    named, _ = select_layouts(layouts=[one.name])
    assert named == [one]
    assert select_layouts() == ([], {})
    with pytest.raises(ValueError, match="quark"):
        check_names(producers=["quark"])
    with pytest.raises(ValueError, match="no-such-layout"):
        check_names(layouts=["no-such-layout"])


def test_cli_refuses_an_unknown_producer():
    from evaluation.__main__ import main

    result = CliRunner().invoke(main, ["score", "--trials", "1", "--producers", "pymupdf,typewriter", "-q"])
    assert result.exit_code == 2
    assert "typewriter" in result.output


def test_a_face_that_is_not_installed_is_named_with_its_substitute():
    import dataclasses
    import shutil

    from evaluation.layouts.build import face_substitute

    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match is not installed")
    chromium = next(s for s in FAMILY if s.producer == "chromium")
    invented = dataclasses.replace(chromium, font="Nonexistent Face Editiondiff")
    got = face_substitute(invented)
    assert got and got != invented.font
    own = next(s for s in FAMILY if s.producer == "pymupdf")
    assert face_substitute(dataclasses.replace(own, font="Nonexistent Face Editiondiff")) is None  # embedded font files
