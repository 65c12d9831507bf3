"""`editiondiff extract` from the command line: bad inputs give one line and exit 2, output is deterministic."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EDITION_SOURCES, MANIFEST, SEED_003

from editiondiff.cli import main
from editiondiff.audit import audit_edition
from editiondiff.extract.pipeline import extract_edition
from editiondiff.schemas.registry import dump_json, validation_errors


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("brochure.txt", "ACTION LA1 → Règles de labellisation")
    return buffer.getvalue()


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "garbage.txt": (bytes(range(256)) * 8, "binary data"),
    "brochure.zip": (_zip_bytes(), "zip archive"),
    "latin1.txt": ("Stratégie et feuille de route 2019-2022, édition actualisée mi-2020".encode("latin-1"), "not UTF-8"),
    "document.rtf": (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Feuille de route}", "unknown format"),
}


def _run(args: list[str]):
    return CliRunner().invoke(main, args)


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, name: str):
    data, message = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = _run(["extract", str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and message in lines[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.json").exists()


def test_missing_file_exit_2(tmp_path: Path):
    result = _run(["extract", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2
    assert "nowhere.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_text_without_roadmap_exit_3(tmp_path: Path):
    path = tmp_path / "recipe.txt"
    path.write_text("Une recette de cuisine.\n\nFaire cuire les pâtes dix minutes dans l'eau salée.\n", encoding="utf-8")
    result = _run(["extract", str(path)])
    assert result.exit_code == 3
    assert "recipe.txt" in result.stderr and "no roadmap structure found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("edition_id", sorted(EDITION_SOURCES))
def test_extraction_is_deterministic(edition_id: str):
    runs = [dump_json(audit_edition(extract_edition(EDITION_SOURCES[edition_id], manifest=MANIFEST))) for _ in range(2)]
    assert runs[0] == runs[1]


def test_extract_command_end_to_end(tmp_path: Path):
    outputs = []
    for n in range(2):
        out = tmp_path / f"mi2020-{n}.json"
        result = _run(["extract", str(SEED_003), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    document = json.loads(outputs[0])
    assert validation_errors("edition", document) == []
    assert document["id"] == "mi-2020" and len(document["actions"]) == 38
    assert "mi-2020: 8 missions, 38 actions" in result.stderr
    validated = _run(["validate", str(tmp_path / "mi2020-0.json")])
    assert validated.exit_code == 0 and "valid edition" in validated.output


def test_sources_of_one_edition_merge(tmp_path: Path):
    out = tmp_path / "2019.json"
    result = _run(["extract", *map(str, EDITION_SOURCES["2019"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["id"] == "2019" and [s["id"] for s in document["sources"]] == ["000", "002"]
    assert document["level"] == "missions" and len(document["missions"]) == 8
