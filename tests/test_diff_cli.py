"""`editiondiff diff` end to end: sources or extracted JSON in, a report out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from editiondiff.schemas.registry import validation_errors

SOURCES = Path(__file__).resolve().parents[1] / "corpus" / "sources"
EDITIONDIFF = Path(sys.executable).with_name("editiondiff")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(EDITIONDIFF), *args], capture_output=True, text=True, timeout=120)


def test_diff_of_two_sources_as_json_and_markdown(tmp_path):
    out = tmp_path / "diff.json"
    result = run("diff", str(SOURCES / "000_4cc161b88c2c8238.txt"), str(SOURCES / "003_dc8a99c2b477ef56.txt"), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert validation_errors("diff", document) == []
    assert [c["kind"] for c in document["changes"]] == ["mission_renamed"]
    md = run("diff", str(SOURCES / "000_4cc161b88c2c8238.txt"), str(SOURCES / "003_dc8a99c2b477ef56.txt"))
    assert md.returncode == 0
    assert "### Mission renommée : FABRIQUE" in md.stdout
    assert "source 000, l. 112" in md.stdout and "source 003" in md.stdout


def test_diff_accepts_extracted_json_and_says_so_in_english(tmp_path):
    edition = tmp_path / "mi-2020.json"
    assert run("extract", str(SOURCES / "003_dc8a99c2b477ef56.txt"), "-o", str(edition)).returncode == 0
    result = run("diff", str(edition), str(SOURCES / "003_dc8a99c2b477ef56.txt"), "--lang", "en", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "No change observed." in result.stdout
    csv_out = run("diff", str(edition), str(edition), "--format", "csv")
    assert csv_out.stdout.splitlines() == [csv_out.stdout.splitlines()[0]]  # header only: nothing changed


def test_a_missing_file_is_one_line_and_exit_2(tmp_path):
    result = run("diff", str(tmp_path / "absent.txt"), str(SOURCES / "003_dc8a99c2b477ef56.txt"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "absent.txt" in result.stderr and "Traceback" not in result.stderr
