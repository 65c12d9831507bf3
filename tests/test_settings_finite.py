"""Settings refuse numbers that are not finite: a NaN compares false with every bound, so a NaN
threshold would match nothing and a NaN time limit bound nothing, silently; an infinite time limit
overflows the timer. The CLI says so in one usage line (exit 2), the library raises ValueError."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from click.testing import CliRunner

from editiondiff.cli import main
from editiondiff.diff.settings import DEFAULT_SETTINGS, DiffSettings
from editiondiff.extract.layout.settings import LayoutSettings
from editiondiff.extract.settings import StructureSettings
from editiondiff.limits import ReadLimits

SEED = "corpus/sources/003_dc8a99c2b477ef56.txt"


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf"])
def test_the_cli_refuses_a_threshold_that_is_not_finite(value):
    result = CliRunner().invoke(main, ["diff", SEED, SEED, f"--threshold={value}"])
    assert result.exit_code == 2
    assert "Invalid value for '--threshold'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["nan", "inf"])
def test_the_cli_refuses_a_time_limit_that_is_not_finite(value, tmp_path):
    out = tmp_path / "edition.json"
    for arguments, env in ((["extract", SEED, "--max-seconds", value, "-o", str(out)], {}),
                           (["extract", SEED, "-o", str(out)], {"EDITIONDIFF_MAX_SECONDS": value})):
        result = CliRunner().invoke(main, arguments, env=env)
        assert result.exit_code == 2, result.output
        assert "Invalid value for '--max-seconds'" in result.output and "not a finite number" in result.output
        assert not out.exists()


@pytest.mark.parametrize("field", ["threshold", "mission_threshold", "step_threshold", "code_gate", "title_weight", "step_order_weight"])
@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_diff_settings_refuse_a_number_that_is_not_finite(field, value):
    with pytest.raises(ValueError, match=f"DiffSettings.{field} must be a finite number"):
        replace(DEFAULT_SETTINGS, **{field: value})


def test_diff_settings_check_their_ranges_and_counts():
    for bad in ({"threshold": 1.5}, {"mission_merge_share": -0.1}, {"sentence_words": 0}, {"block_above_pairs": 2.5},
                {"workers": 0}, {"workers": -2}, {"exact_first": 1}, {"threshold": True}):
        with pytest.raises(ValueError):
            DiffSettings(**bad)
    assert DiffSettings(workers=2, threshold=0.0).threshold == 0.0


def test_layout_structure_and_limit_settings_refuse_nan():
    with pytest.raises(ValueError, match="split_gap_em must be a finite number"):
        LayoutSettings(split_gap_em=math.nan)
    with pytest.raises(ValueError, match="finite"):
        LayoutSettings(split_gap_min_pt=math.inf)
    with pytest.raises(ValueError, match="chart_entry_max_chars must be a whole number"):
        StructureSettings(chart_entry_max_chars=math.nan)
    with pytest.raises(ValueError, match="chart_match_threshold"):
        StructureSettings(chart_match_threshold=math.nan)
    for value in (math.nan, math.inf):
        with pytest.raises(ValueError, match="max_seconds"):
            ReadLimits(max_seconds=value)
