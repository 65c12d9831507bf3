"""Perturbed (fictitious) editions typeset as PDF read back like their text: the diff's PDF trials rely on it."""

from __future__ import annotations

import pytest
from conftest import without_provenance



@pytest.fixture(scope="module")
def base():
    from evaluation.score import base_edition

    return base_edition()


@pytest.mark.parametrize("seed", [5, 6, 12])
def test_perturbed_edition_reads_back_the_same_from_pdf_and_text(base, seed, tmp_path):
    from evaluation.perturb import perturb_edition
    from evaluation.score import edition_roundtrip

    edition = perturb_edition(base, seed)
    edition = getattr(edition, "edition", edition).model_copy(update={"fictitious": True})
    expected = without_provenance(edition_roundtrip(edition, tmp_path, f"fictitious-{seed}").model_dump(mode="json"))
    for engine in ("pymupdf", "reportlab"):
        got = without_provenance(edition_roundtrip(edition, tmp_path, f"fictitious-{seed}", pdf_engine=engine).model_dump(mode="json"))
        for field in expected:
            assert got[field] == expected[field], f"seed {seed}, {engine}: {field} differs"
