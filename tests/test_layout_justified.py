"""A row of justified text whose spaces grew wider than a line's cut (`split_gap_em`) is one line again.

End to end on a page built here with PyMuPDF (each word of the loose row put on its own, as a
browser prints justified text), on the committed layout-family PDF where the fault was seen, and
on the join's own rules with lines made by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from editiondiff.extract.layout.justified import join_justified
from editiondiff.extract.layout.model import Line, Span
from editiondiff.extract.layout.settings import DEFAULT_LAYOUT

pymupdf = pytest.importorskip("pymupdf")

ROOT = Path(__file__).resolve().parents[1]
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SIZE = 9.5
LEFT, RIGHT = 56.0, 280.0  # one column's measure (a second column stands right of it)


def _justified_page(tmp_path: Path) -> Path:
    """Two columns; in the left one a paragraph whose second row is spread to the measure word by word."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = pymupdf.Font(fontfile=SANS)

    def put(x: float, y: float, text: str) -> None:
        page.insert_text((x, y), text, fontsize=SIZE, fontfile=SANS, fontname="dv")

    def spread(y: float, words: list[str]) -> None:
        widths = [font.text_length(w, SIZE) for w in words]
        gap = (RIGHT - LEFT - sum(widths)) / (len(words) - 1)
        assert 1.3 * SIZE < gap < 2.2 * SIZE  # wider than the reader's cut between two lines on one row
        x = LEFT
        for word, width in zip(words, widths):
            put(x, y, word)
            x += width + gap

    rows = [
        "Les agents publics disposent d'outils",
        None,
        "qui facilitent leur travail quotidien.",
        "Le service est ouvert à tous depuis",
        "la rentrée et sera étendu.",
    ]
    y = 100.0
    for row in rows:
        if row is None:
            spread(y, ["numériques", "très", "modernes", "et", "sûrs"])
        else:
            put(LEFT, y, row)
        y += 12.5
    for k in range(6):  # the right column: the gutter is a gutter on every row
        put(310, 100 + 12.5 * k, f"Colonne de droite, ligne {k + 1} du texte.")
    path = tmp_path / "justified.pdf"
    doc.save(path)
    return path


def test_a_row_spread_word_by_word_reads_as_one_line_of_its_paragraph(tmp_path):
    from editiondiff.extract.pdf import read_pdf

    texts = [block.text for block in read_pdf(_justified_page(tmp_path), "test").blocks]
    assert "Les agents publics disposent d'outils numériques très modernes et sûrs qui facilitent leur travail quotidien." in " ".join(texts)
    assert not {"très", "modernes", "et", "sûrs"} & set(texts)  # no word left as a paragraph of its own


def test_the_justified_layout_keeps_the_mission_objective_whole():
    from editiondiff.extract.pipeline import extract_edition

    edition = extract_edition([ROOT / "tests" / "data" / "layouts" / "mi-2020_retypeset_chromium-columns-hyphenated.pdf"])
    pilot = next(m for m in edition.missions if m.code.startswith("PILOT"))
    assert pilot.objective == "développer la culture du pilotage et renforcer la performance du système d'information de l'État"
    assert pilot.description.startswith("Pour fournir un meilleur service")


def _row(pieces: list[tuple[float, float, str]], *, right: float = RIGHT, y: float = 100.0) -> list[Line]:
    """Lines on one row, in reading order, of one left column whose full lines end at `right`."""
    lines = []
    for x0, x1, text in pieces:
        box = (x0, y, x1, y + SIZE)
        line = Line(1, [Span(text, "Sans", SIZE, box)], box, SIZE, text, column=1, base_left=LEFT, col_right=right)
        lines.append(line)
    return lines


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in join_justified(lines, DEFAULT_LAYOUT)]


def test_even_gaps_up_to_the_edge_join():
    assert _texts(_row([(56, 110, "numériques"), (125, 170, "modernes"), (185, 195, "et"), (210, 280, "sûrs")])) == ["numériques modernes et sûrs"]


def test_uneven_gaps_do_not_join():
    # a label, a value and a date set at tab stops: the gaps differ by far more than a justified line's
    assert _texts(_row([(56, 90, "Pilote"), (100, 170, "DINUM"), (240, 280, "2021")])) == ["Pilote", "DINUM", "2021"]


def test_a_row_short_of_the_edge_does_not_join():
    assert _texts(_row([(56, 80, "un"), (95, 120, "deux"), (135, 160, "trois")])) == ["un", "deux", "trois"]


def test_figures_of_a_scale_do_not_join():
    assert _texts(_row([(56, 70, "6,8"), (140, 154, "6,9"), (224, 238, "7,0"), (266, 280, "7,1")])) == ["6,8", "6,9", "7,0", "7,1"]


def test_two_pieces_alone_do_not_join():
    assert _texts(_row([(56, 150, "Fait ✓"), (165, 280, "ACTION AB1")])) == ["Fait ✓", "ACTION AB1"]


def test_gaps_wider_than_the_limit_do_not_join():
    # even gaps of 4 font sizes: a scale or a spread heading, not word spaces
    assert _texts(_row([(56, 80, "Nord"), (118, 150, "Centre"), (188, 242, "Sud-Ouest")], right=242)) == ["Nord", "Centre", "Sud-Ouest"]


def test_settings_name_the_join():
    from editiondiff.extract.layout.settings import LayoutSettings

    with pytest.raises(ValueError, match="justified_min_lines"):
        LayoutSettings(justified_min_lines=0)
    assert _texts(_row([(56, 80, "un"), (95, 120, "deux"), (135, 160, "trois")], right=160)) == ["un deux trois"]
