"""Acceptance: each re-typeset mid-2020 PDF gives the same Edition as the text of seed 003, provenance aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import without_provenance

ROOT = Path(__file__).resolve().parents[1]
SEED_003 = ROOT / "corpus" / "sources" / "003_dc8a99c2b477ef56.txt"
PDFS = {
    "pymupdf": ROOT / "corpus" / "pdf" / "mi-2020_retypeset_pymupdf.pdf",
    "reportlab": ROOT / "corpus" / "pdf" / "mi-2020_retypeset_reportlab.pdf",
}


@pytest.fixture(scope="module")
def text_edition():
    from editiondiff.extract.pipeline import extract_edition

    return extract_edition([SEED_003])


@pytest.fixture(scope="module", params=sorted(PDFS))
def pdf_edition(request):
    from editiondiff.extract.pipeline import extract_edition

    return request.param, extract_edition([PDFS[request.param]])


def test_pdf_edition_counts(pdf_edition):
    engine, edition = pdf_edition
    assert edition.id == "mi-2020"
    assert len(edition.actions) == 38
    assert sum(a.completed for a in edition.actions) == 5
    assert sum(a.new for a in edition.actions) == 3
    assert sorted(a.code for a in edition.actions if a.completed) == ["BE1", "DA1", "IN5", "PI1", "TA1"]
    assert sorted(a.code for a in edition.actions if a.new) == ["DA6", "IN6", "LA5"]


def test_pdf_edition_equals_text_edition_field_by_field(pdf_edition, text_edition):
    engine, edition = pdf_edition
    expected = without_provenance(text_edition.model_dump(mode="json"))
    actual = without_provenance(edition.model_dump(mode="json"))
    for field in expected:
        if field == "actions":
            for want, got in zip(expected["actions"], actual["actions"], strict=True):
                assert got == want, f"{engine}: action {want['code']} differs"
        else:
            assert actual[field] == expected[field], f"{engine}: field {field} differs"


def test_pdf_edition_details(pdf_edition):
    """Some facts written from my own reading of the brochure."""
    engine, edition = pdf_edition
    id1 = edition.action("ID1")
    assert [s.deadline_printed for s in id1.steps] == [
        "Fait",
        "Expérimentation faite 1er semestre 2020",
        "Fait",
        "Fait, amélioration continue",
        "En cours, jusqu'à fin 2022",
        "1er trimestre 2021",
    ]
    assert edition.action("PI3").owners_printed == ["Ministère de la Transition écologique et DINUM"]
    assert edition.action("LA1").deadlines_printed == ["3e trimestre 2020"]
    table = edition.indicators
    assert table.columns == ["en 2018", "en 2019", "projection fin 2020", "objectif fin 2022"]
    assert len(table.rows) == 32
    desi = next(r for r in table.rows if "DESI" in r.label)
    assert [c.raw for c in desi.cells] == ["16e", "13e", "12e", "10e"]
    assert {c.kind for c in edition.claims} >= {"actions", "completed", "new"}
    assert any(s.kind == "mission_renamed" and s.subject == "FABRIQUE" for s in edition.stated_changes)


def test_pdf_provenance_is_page_and_box(pdf_edition):
    engine, edition = pdf_edition
    for action in edition.actions:
        prov = action.provenance
        assert prov.page is not None and prov.page >= 1
        x0, y0, x1, y1 = prov.bbox
        assert 0 <= x0 < x1 <= 596 and 0 <= y0 < y1 <= 842
        assert prov.quote.startswith("ACTION")
        assert prov.line_start is None
    pages = [a.provenance.page for a in edition.actions]
    assert pages == sorted(pages), "cards are read in page order"
