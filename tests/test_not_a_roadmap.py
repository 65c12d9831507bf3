"""Documents that are not roadmaps are refused with exit 3 and one line saying what was looked for.

A count sentence alone (« quatre axes prioritaires », « 18 mesures ») is not a
roadmap; neither are numbered items. The wild PDFs are real third-party files
read from ../shared/pdfs-wild at test time (never copied into the project).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from editiondiff.cli import main

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]
#: The shared folder stands beside the project, or beside the folder of worktrees holding it.
WILD = next((p for p in (ROOT.parent / "shared" / "pdfs-wild", ROOT.parent.parent / "shared" / "pdfs-wild") if p.is_dir()), None)
WILD_FILES = sorted(p for p in WILD.iterdir() if p.is_file()) if WILD else []


def test_a_municipal_action_plan_is_not_a_roadmap():
    path = DATA / "plan-action-municipal-fictitious.md"
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 3, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"editiondiff: {path}: no roadmap structure found")
    assert "action cards" in line and "mission sections" in line


def test_count_sentences_and_numbered_items_alone_are_not_a_roadmap(tmp_path: Path):
    text = (DATA / "plan-action-municipal-fictitious.md").read_text(encoding="utf-8")
    path = tmp_path / "plan-counted-fictitious.md"
    path.write_text(text + "\nLe plan se décline en 8 missions et 35 actions, autour de six enjeux.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 3, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "count sentence" in line and "alone are not a roadmap" in line


def test_the_same_plan_with_a_card_is_an_edition(tmp_path: Path):
    text = (DATA / "plan-action-municipal-fictitious.md").read_text(encoding="utf-8")
    card = "\n\nACTION CL 1 → Pédibus\n\nCréer deux lignes de pédibus pour les écoles\n\n📅 Rentrée 2024\n"
    path = tmp_path / "plan-with-card-fictitious.md"
    path.write_text(text + card, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0, result.stderr
    assert "1 actions" in result.stderr and "coverage" in result.stderr


@pytest.mark.skipif(WILD is None, reason="the shared folder pdfs-wild is absent (looked beside the project and beside its worktree folder)")
@pytest.mark.parametrize("path", WILD_FILES, ids=[p.name for p in WILD_FILES])
def test_every_wild_file_is_refused_with_one_line(path: Path):
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code in (2, 3), (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"editiondiff: {path}")
    if result.exit_code == 3:
        assert "no roadmap structure found: looked for action cards" in lines[0]
