"""Real-world PDFs that are not roadmaps: one clear line and exit 2, or exit 3 "no roadmap structure found".

The files live in ../shared/pdfs-wild (never copied into the project); the
tests skip when that folder is absent.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

WILD = Path(__file__).resolve().parents[2] / "shared" / "pdfs-wild"
FILES = sorted(p for p in WILD.iterdir() if p.is_file()) if WILD.is_dir() else []

pytestmark = pytest.mark.skipif(not WILD.is_dir(), reason=f"wild PDF folder {WILD} is absent")

#: What each file must give, from reading the folder's README: (exit code, words of the message).
EXPECTED = {
    "empty.pdf": (2, "empty file"),
    "password-example.pdf": (2, "password protected"),
    "issue-948.zip": (2, "zip archive"),
}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_cli_gives_one_line_and_a_documented_exit_code(path):
    from click.testing import CliRunner

    from editiondiff.cli import main

    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code in (2, 3), (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"editiondiff: {path}")
    if result.exit_code == 3:
        assert "no roadmap structure found" in lines[0]
    if path.name in EXPECTED:
        code, words = EXPECTED[path.name]
        assert result.exit_code == code and words in lines[0]
    if path.suffix == ".pdf" and path.stat().st_size > 0 and path.name not in EXPECTED:
        assert result.exit_code == 3, f"{path.name} is a readable PDF"


def test_whole_process_no_traceback():
    """The installed command itself, on the broken and the encrypted file."""
    for name in ("malformed-from-issue-932.pdf", "password-example.pdf"):
        proc = subprocess.run(
            [sys.executable, "-m", "editiondiff.cli", "extract", str(WILD / name)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode in (2, 3)
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_wild_pdfs_read_into_blocks():
    """The readable ones give blocks with page provenance: two-column notice, rotated table, ligatures, fake bold."""
    from editiondiff.extract.pdf import read_pdf

    register = read_pdf(WILD / "federal-register-2020-17221.pdf")
    assert register.page_count == 15 and len(register.blocks) > 100
    assert all(b.provenance.page and b.provenance.bbox for b in register.blocks)
    # a list item whose full last line ends a sentence ends there: the next paragraph, set as close, is its own
    item = next(b for b in register.blocks if b.kind == "list_item" and b.text.startswith("Requiring, for operators who wish"))
    assert item.text.endswith("existing FAA-approved MEL.")
    assert any(b.kind == "paragraph" and b.text.startswith("This proposed AD would also require the following actions.") for b in register.blocks)
    ligatures = read_pdf(WILD / "line-char-render-example.pdf")
    assert not any("ﬁ" in b.text for b in ligatures.blocks)
    duplicated = read_pdf(WILD / "issue-71-duplicate-chars-2.pdf")
    texts = [b.text for b in duplicated.blocks]
    # the objectives are drawn twice (fake bold): read once
    assert "Prescrire et interpréter un examen des gaz du sang et un ionogramme sanguin en fonction d'une situation clinique donnée." in texts
    assert sum(t.count("Prescrire et interpréter") for t in texts[:20]) == 1
