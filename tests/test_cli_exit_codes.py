"""Each exit code of `editiondiff` means one thing: a failed check (1) is not a bug (70)."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import SEED_003

from editiondiff.cli import main
from editiondiff.errors import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERNAL, EXIT_NO_ROADMAP, EXIT_OK


def test_codes_are_distinct():
    codes = [EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_NO_ROADMAP, EXIT_INTERNAL]
    assert len(set(codes)) == len(codes)
    assert EXIT_INTERNAL == 70  # sysexits' EX_SOFTWARE, as documented


def test_a_bug_exits_70_with_one_line(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a stage broke its contract")

    monkeypatch.setattr("editiondiff.pipeline.build_edition", broken)
    monkeypatch.delenv("EDITIONDIFF_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["extract", str(SEED_003)])
    assert result.exit_code == EXIT_INTERNAL
    assert result.output == "editiondiff: internal error: RuntimeError: a stage broke its contract\n"


def test_debugging_shows_the_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a stage broke its contract")

    monkeypatch.setattr("editiondiff.pipeline.build_edition", broken)
    monkeypatch.setenv("EDITIONDIFF_DEBUG", "1")
    result = CliRunner().invoke(main, ["extract", str(SEED_003)])
    assert isinstance(result.exception, RuntimeError)


def test_a_failed_check_still_exits_1(tmp_path):
    invalid = tmp_path / "edition.json"
    invalid.write_text(json.dumps({"id": 3}), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(invalid)])
    assert result.exit_code == EXIT_FAILED
    assert result.output.startswith(f"editiondiff: {invalid}: ")

