"""Perturbed (fictitious) editions typeset as PDF read back like their text: the diff's PDF trials rely on it."""

from __future__ import annotations

import pytest

WHERE = {"provenance", "evidence", "sources"}


def _without_provenance(value):
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k not in WHERE}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value


@pytest.fixture(scope="module")
def base():
    from editiondiff.diff.score import base_edition

    return base_edition()


@pytest.mark.parametrize("seed", [5, 6, 12])
def test_perturbed_edition_reads_back_the_same_from_pdf_and_text(base, seed, tmp_path):
    from editiondiff.diff.perturb import perturb_edition
    from editiondiff.diff.score import edition_roundtrip

    edition = perturb_edition(base, seed)
    edition = getattr(edition, "edition", edition).model_copy(update={"fictitious": True})
    expected = _without_provenance(edition_roundtrip(edition, tmp_path, f"fictitious-{seed}").model_dump(mode="json"))
    for engine in ("pymupdf", "reportlab"):
        got = _without_provenance(edition_roundtrip(edition, tmp_path, f"fictitious-{seed}", pdf_engine=engine).model_dump(mode="json"))
        for field in expected:
            assert got[field] == expected[field], f"seed {seed}, {engine}: {field} differs"
