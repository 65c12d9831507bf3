"""The main job, `editiondiff run`, on the bundled corpus: what `make run` does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editiondiff.schemas.registry import validation_errors

EXE = Path(sys.executable).parent / "editiondiff"


def _run(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), "run", "--out", str(out), "--db", str(out.parent / f"{out.name}.db")], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    return _run(first), first, _run(second), second


def test_run_writes_every_edition_and_every_consecutive_diff(two_runs):
    result, out, _, _ = two_runs
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "diff-2019-mi-2020.json",
        "diff-2019-mi-2020.md",
        "diff-mi-2020-mi-2021.json",
        "diff-mi-2020-mi-2021.md",
        "edition-2019.json",
        "edition-mi-2020.json",
        "edition-mi-2021.json",
    ]
    for path in out.glob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        kind = "diff" if path.name.startswith("diff-") else "edition"
        assert validation_errors(kind, document) == [], path.name
    # the summary names each edition with its counts and claims
    lines = result.stdout.splitlines()
    assert lines[1].startswith("mi-2020") and "38 actions" in lines[1] and "completed 5→5" in lines[1]
    assert "FABRIQUE → BETA" in (out / "diff-2019-mi-2020.md").read_text(encoding="utf-8")


def test_run_is_deterministic(two_runs):
    _, first, _, second = two_runs
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_a_failed_run_keeps_what_was_written_before(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    kept = out / "edition-mi-2020.json"
    kept.write_text("earlier result\n", encoding="utf-8")
    manifest = tmp_path / "manifest.toml"
    manifest.write_text('manifest_version = 1\n[[editions]]\nid = "x"\nlabel = "x"\n[[editions.sources]]\nid = "s"\npath = "missing.txt"\nformat = "text"\nsha256 = "0"\n', encoding="utf-8")
    result = subprocess.run([str(EXE), "run", "--manifest", str(manifest), "--out", str(out), "--db", str(tmp_path / "store.db")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert kept.read_text(encoding="utf-8") == "earlier result\n"


REFERENCE = Path(__file__).resolve().parent / "data" / "run-outputs.sha256"


def test_run_outputs_are_the_reference_bytes(two_runs):
    """`make run` writes, byte for byte, the files whose sha256 are checked in (`make run-reference` records them anew)."""
    import hashlib

    _, out, _, _ = two_runs
    expected = dict(reversed(line.split("  ", 1)) for line in REFERENCE.read_text(encoding="utf-8").splitlines())
    produced = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}
    assert sorted(produced) == sorted(expected)
    changed = [name for name in produced if produced[name] != expected[name]]
    assert not changed, f"outputs of `editiondiff run` differ from {REFERENCE.name}: {changed}"
