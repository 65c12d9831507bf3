"""Documents that are not roadmaps are refused with exit 3 and one line saying what was looked for.

A count sentence alone (« quatre axes prioritaires », « 18 mesures ») is not a
roadmap; neither are numbered items. (The wild PDFs of ../shared/pdfs-wild are
tested in `test_hardening_no_roadmap.py`.)
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from editiondiff.cli import main

DATA = Path(__file__).parent / "data"


def test_a_municipal_action_plan_is_not_a_roadmap():
    path = DATA / "plan-action-municipal-fictitious.md"
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 3, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"editiondiff: {path}: looked for action cards") and line.endswith("no roadmap structure found")
    assert "mission sections" in line and "chart groups" in line


def test_count_sentences_and_numbered_items_alone_are_not_a_roadmap(tmp_path: Path):
    text = (DATA / "plan-action-municipal-fictitious.md").read_text(encoding="utf-8")
    path = tmp_path / "plan-counted-fictitious.md"
    path.write_text(text + "\nLe plan se décline en 8 missions et 35 actions, autour de six enjeux.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 3, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "count sentences alone" in line and "not a roadmap" in line


def test_the_same_plan_with_a_card_is_an_edition(tmp_path: Path):
    text = (DATA / "plan-action-municipal-fictitious.md").read_text(encoding="utf-8")
    card = "\n\nACTION CL 1 → Pédibus\n\nCréer deux lignes de pédibus pour les écoles\n\n📅 Rentrée 2024\n"
    path = tmp_path / "plan-with-card-fictitious.md"
    path.write_text(text + card, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0, result.stderr
    assert "1 actions" in result.stderr and "coverage" in result.stderr
