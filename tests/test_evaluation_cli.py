"""`python -m evaluation`, the developer's entry point to the harness, from a source checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from editiondiff.cli import main as editiondiff_main
from evaluation.__main__ import main

ROOT = Path(__file__).resolve().parents[1]


def test_module_entry_point_lists_its_commands():
    result = subprocess.run([sys.executable, "-m", "evaluation", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "score" in result.stdout and "corpus-build" in result.stdout


def test_score_prints_the_table():
    result = CliRunner().invoke(main, ["score", "--trials", "1", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert "Best overall F1 at threshold" in result.output


def test_corpus_build_reports_a_missing_manifest_on_one_line(tmp_path):
    missing = tmp_path / "manifest.toml"
    result = CliRunner().invoke(main, ["corpus-build", "--manifest", str(missing)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and str(missing) in result.output


def test_the_harness_verbs_are_not_the_users():
    """Scoring and re-typesetting the corpus are `python -m evaluation`, not `editiondiff`."""
    runner = CliRunner()
    assert runner.invoke(editiondiff_main, ["score"]).exit_code == 2
    assert runner.invoke(editiondiff_main, ["corpus", "build"]).exit_code == 2
    assert "check" in runner.invoke(editiondiff_main, ["corpus", "--help"]).output
