"""The JSON Schema files match the models, and every extracted edition validates against them."""

from __future__ import annotations

import json

import pytest

from editiondiff.schemas import SCHEMA_VERSION
from editiondiff.schemas.registry import SCHEMA_DIR, dump_json, models, schema_text, validation_errors


@pytest.mark.parametrize("name", sorted(models()))
def test_checked_in_schema_matches_the_models(name):
    path = SCHEMA_DIR / f"{name}.schema.json"
    assert path.is_file(), f"{path} missing: run `editiondiff schema --out schemas/`"
    assert path.read_text(encoding="utf-8") == schema_text(name), f"{path.name} drifted from the models: run `editiondiff schema --out schemas/`"


def test_schema_id_carries_the_version():
    schema = json.loads((SCHEMA_DIR / "edition.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:editiondiff:schema:edition:{SCHEMA_VERSION}"
    from editiondiff.schemas.diff import DIFF_SCHEMA_VERSION

    diff = json.loads((SCHEMA_DIR / "diff.schema.json").read_text(encoding="utf-8"))
    assert diff["$id"] == f"urn:editiondiff:schema:diff:{DIFF_SCHEMA_VERSION}"


@pytest.mark.parametrize("fixture", ["edition_2019", "edition_mi2020", "edition_mi2021"])
def test_extracted_editions_validate(fixture, request):
    edition = request.getfixturevalue(fixture)
    document = json.loads(dump_json(edition))
    assert validation_errors("edition", document) == []
    assert document["schema_version"] == SCHEMA_VERSION


def test_validation_catches_a_broken_document(edition_mi2020):
    document = json.loads(dump_json(edition_mi2020))
    document["actions"][0]["status"] = "finished"
    del document["missions"][0]["code"]
    errors = validation_errors("edition", document)
    assert any(e.startswith("actions/0/status") for e in errors)
    assert any(e.startswith("missions/0") and "'code'" in e for e in errors)
