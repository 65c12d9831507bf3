"""Nothing lost silently in a PDF: a line the reader drops (running headers and footers aside, which
are recognised) reaches `Edition.unassigned` with its page and place, as an unassigned text block does."""

from __future__ import annotations

from pathlib import Path

from editiondiff.extract.layout.model import Line, Span
from editiondiff.extract.pdf import _lines_in_no_block, read_pdf
from editiondiff.extract.pipeline import extract_edition
from editiondiff.schemas.blocks import Block
from editiondiff.schemas.provenance import Provenance

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _brochure(path: Path, stray_on: int, stray: str) -> Path:
    """Four pages, each with a running header in its top margin and one card; on page `stray_on` a
    stray note stands in the header's place instead (same place, same size, its words nowhere else)."""
    import pymupdf

    doc = pymupdf.open()
    for n in range(1, 5):
        page = doc.new_page(width=595, height=842)

        def text(x, y, s, size=10.0):
            page.insert_text((x, y), s, fontsize=size, fontfile=FONT, fontname="dv")

        text(60, 40, stray if n == stray_on else "Feuille de route du programme", 8)
        text(60, 120, f"ACTION QZ{n} → Carte numéro {n}", 12)
        text(60, 140, f"Objectif de la carte {n} en une phrase")
        text(60, 156, f"➔ Première étape de la carte {n}")
    doc.save(path)
    return path


def test_a_stray_line_in_a_running_headers_place_is_unassigned_with_its_page(tmp_path):
    stray = "Brouillon transmis pour relecture interne"
    path = _brochure(tmp_path / "stray.pdf", 3, stray)
    document = read_pdf(path)
    assert all(stray not in b.text for b in document.blocks)  # not read into a card
    assert [(p.page, p.quote) for p in document.unplaced] == [(3, stray)]
    edition = extract_edition([path], edition_id="stray", manifest=None)
    assert sorted(a.code for a in edition.actions) == ["QZ1", "QZ2", "QZ3", "QZ4"]
    places = [p for p in edition.unassigned if p.quote == stray]
    assert len(places) == 1 and places[0].page == 3
    x0, y0, x1, y1 = places[0].bbox
    assert x0 < 70 and y1 < 50  # its place on the page: the top margin where it is printed
    assert edition.coverage is not None and edition.coverage < 1.0
    # the running header itself is page furniture: not reported
    assert not any("Feuille de route du programme" in p.quote for p in edition.unassigned)


def _line(text: str, page: int, y: float) -> Line:
    bbox = (50.0, y, 50.0 + 5 * len(text), y + 12)
    return Line(page, [Span(text, "DejaVuSans", 10.0, bbox)], bbox, 10.0, text=text)


def _block(text: str, page: int) -> Block:
    return Block(kind="paragraph", text=text, provenance=Provenance(source="t", page=page, quote=text))


def test_lines_that_reach_no_block_are_found_whatever_the_hyphenation_ligatures_or_page_breaks():
    pages = [
        [_line("Une phrase qui se pour-", 1, 100), _line("suit et s'achève là.", 1, 113), _line("Un paragraphe qui passe à", 1, 800)],
        [_line("la page suivante sans bloc à lui", 2, 60), _line("Une ligne perdue en route", 2, 200), _line("eﬃcace", 2, 220)],
        [_line("3. Un point numéroté", 3, 60)],
    ]
    blocks = [
        _block("Une phrase qui se poursuit et s'achève là.", 1),
        _block("Un paragraphe qui passe à la page suivante sans bloc à lui", 1),
        _block("efficace", 2),
        Block(kind="list_item", text="Un point numéroté", attrs={"number": "3"}, provenance=Provenance(source="t", page=3, quote="3. Un point numéroté")),
    ]
    assert [(l.page, l.text) for l in _lines_in_no_block(pages, blocks)] == [(2, "Une ligne perdue en route")]


def test_a_short_line_lost_from_its_row_is_found_though_its_text_stands_elsewhere_on_the_page():
    # a table row whose two figures never reached a block; the same figures are printed elsewhere on
    # the page, each of them in a place another line holds: the lost cells are not placed there
    pages = [
        [
            _line("Sites raccordés en 2019 : 40", 1, 60),
            _line("Indicateur", 1, 100),
            _line("Sites raccordés", 1, 113),
            _line("40", 1, 126),
            _line("50*", 1, 139),
            _line("Cible 2022 : 50", 1, 200),
        ]
    ]
    blocks = [
        _block("Sites raccordés en 2019 : 40", 1),
        Block(kind="table_row", text="", cells=["Indicateur"], provenance=Provenance(source="t", page=1, quote="Indicateur")),
        _block("Sites raccordés", 1),
        _block("Cible 2022 : 50", 1),
    ]
    assert [(l.page, l.text) for l in _lines_in_no_block(pages, blocks)] == [(1, "40"), (1, "50*")]

    # a short line read before the long ones that hold its letters still takes its own place
    pages = [[_line("5", 1, 60), _line("Coût : 6205 €", 1, 80), _line("6205", 1, 100)]]
    blocks = [_block("5", 1), _block("Coût : 6205 €", 1), _block("6205", 1)]
    assert _lines_in_no_block(pages, blocks) == []

    # a table's header printed again on the page it runs on to is read once, where the table begins
    pages = [[_line("Indicateur", 1, 60), _line("en 2018", 1, 73), _line("12", 1, 86)], [_line("en 2018", 2, 60), _line("14", 2, 73)]]
    blocks = [_block("Indicateur en 2018", 1), _block("12", 1), _block("14", 2)]
    assert [(l.page, l.text) for l in _lines_in_no_block(pages, blocks)] == [(2, "en 2018")]
    assert _lines_in_no_block(pages, blocks, {2: ["en 2018"]}) == []
