"""The bundled corpus editions keep every field they had before the open-world work.

`tests/data/golden/edition-*.json` are the outputs of `editiondiff run` on main
before the restructuring (issue 8) and the open-world work (issue 9). Every
field they hold must come out with the same value; new fields may be added.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MANIFEST

GOLDEN = Path(__file__).parent / "data" / "golden"


def _missing(reference, actual, path="$"):
    """The first place where `actual` lacks or changes what `reference` holds, else None."""
    if isinstance(reference, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object"
        for key, value in reference.items():
            if key not in actual:
                return f"{path}.{key}: missing"
            found = _missing(value, actual[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(reference, list):
        if not isinstance(actual, list) or len(actual) != len(reference):
            return f"{path}: expected {len(reference)} items, got {len(actual) if isinstance(actual, list) else actual!r}"
        for i, (a, b) in enumerate(zip(reference, actual)):
            found = _missing(a, b, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if reference == actual else f"{path}: expected {reference!r}, got {actual!r}"


@pytest.fixture(scope="module")
def corpus_editions():
    from editiondiff.pipeline import build_corpus
    from editiondiff.schemas.registry import dump_json

    return {e.id: json.loads(dump_json(e)) for e in build_corpus(MANIFEST)}


@pytest.mark.parametrize("reference", sorted(GOLDEN.glob("edition-*.json")), ids=lambda p: p.stem)
def test_corpus_edition_keeps_every_reference_field(reference: Path, corpus_editions):
    expected = json.loads(reference.read_text(encoding="utf-8"))
    # The schema version moves with every change of the JSON shape (test_schema.py checks it); the fields are what is kept.
    expected.pop("schema_version")
    assert _missing(expected, corpus_editions[expected["id"]]) is None
