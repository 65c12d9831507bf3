"""One DiffSettings object: what `compare` and `editions_to_diff` take, and what the CLI's tuning options build."""

from __future__ import annotations

import json
from dataclasses import replace

from click.testing import CliRunner

from editiondiff.cli import main
from editiondiff.diff.settings import DEFAULT_SETTINGS
from editiondiff.pipeline import compare
from conftest import said

from test_diff_matching import MISSIONS, OLD_ACTIONS, edition


def test_compare_takes_one_settings_object_and_records_its_threshold():
    old = edition("before-fictitious", MISSIONS, OLD_ACTIONS)
    moved = [a.model_copy(update={"code": "LA8", "code_printed": "LA8", "mission": "LABEL"}) if a.code == "DA2" else a for a in OLD_ACTIONS]
    new = edition("after-fictitious", MISSIONS, moved)
    default = compare(old, new)
    assert default.threshold == DEFAULT_SETTINGS.threshold
    assert [(c.kind, said(c)) for c in default.changes] == [("action_moved", "LA8")]
    # A card keeping only its content (no code, no mission) scores 0.65: under a threshold of 0.7 it is dropped and added.
    strict = compare(old, new, settings=replace(DEFAULT_SETTINGS, threshold=0.7))
    assert strict.threshold == 0.7
    assert {(c.kind, said(c)) for c in strict.changes} == {("action_dropped", "DA2"), ("action_added", "LA8")}


def test_cli_exposes_the_tuned_settings(tmp_path):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    from editiondiff.schemas.registry import dump_json

    old.write_text(dump_json(edition("before-fictitious", MISSIONS, OLD_ACTIONS)), encoding="utf-8")
    new.write_text(dump_json(edition("after-fictitious", MISSIONS, OLD_ACTIONS)), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "json", "--threshold", "0.7", "--step-threshold", "0.9"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["threshold"] == 0.7
    bad = CliRunner().invoke(main, ["diff", str(old), str(new), "--threshold", "2"])
    assert bad.exit_code == 2
