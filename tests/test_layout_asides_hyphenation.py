"""Pieces of a text wrapped over lines -> one text: ranges, typeset hyphens, soft hyphens (`hyphenation`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editiondiff.extract.layout.hyphenation import join, vocabulary
from editiondiff.extract.layout.model import Line, Span

SOFT, HYPHEN = "\u00ad", "\u2010"


def _line(text: str) -> Line:
    return Line(1, [Span(text, "Sans", 9.0, (0, 0, 10, 10))], (0, 0, 10, 10), 9.0, text=text)


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ("2020-", "2021", "2020-2021"),  # a range cut after its dash: no space
        ("Généralisation 2021-", "2022", "Généralisation 2021-2022"),
        ("fin 2019 -", "2020", "fin 2019 - 2020"),  # a dash standing apart stays apart
        ("numé-", "rique", "numérique"),  # a known word cut at a hyphen
        ("Dites-le-", "nous", "Dites-le-nous"),  # a compound is kept
        ("du nu" + HYPHEN, "mérique", "du numérique"),
        ("de péren" + HYPHEN, "nité et", "de pérennité et"),  # a piece that is no word: a cut word
        ("pé" + SOFT + "ren" + SOFT + HYPHEN, "ni" + SOFT + "té", "pé" + SOFT + "renni" + SOFT + "té"),
        ("dites-le" + HYPHEN, "nous", "dites-le-nous"),  # the piece is a word, the joined one is not
        ("auto" + SOFT, "matique", "automatique"),  # a soft hyphen is always a cut
        ("fin", "2022", "fin 2022"),
    ],
)
def test_join(left, right, expected):
    words = vocabulary([[_line(t) for t in ("le numérique", "dites-le", "Dites-le-nous")]])
    assert join(left, right, words) == expected


def test_a_piece_cut_at_the_end_of_a_line_is_no_word_of_the_vocabulary():
    words = vocabulary([[_line("la péren" + HYPHEN), _line("nité des données"), _line("numé-"), _line("rique"), _line("pé" + SOFT + "ren" + SOFT + "nité")]])
    assert "péren" not in words and "numé" not in words
    # nor is the rest of it, opening the next line
    assert "nité" not in words and "rique" not in words
    assert {"la", "des", "données", "pérennité"} <= words


def test_a_paragraph_hyphenated_by_a_browser_reads_whole(tmp_path: Path):
    pymupdf = pytest.importorskip("pymupdf")
    from editiondiff.extract.pdf import read_pdf

    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = [
        "Les solutions doivent garantir la protection des données person" + HYPHEN,
        "nelles, de réversibilité, de péren" + HYPHEN,
        "nité et de conformité aux grands principes.",
    ]
    for i, text in enumerate(lines):
        page.insert_text((56, 100 + 12 * i), text, fontsize=9.5, fontfile=font, fontname="dv")
    doc.save(tmp_path / "hyphenated.pdf")
    texts = [b.text for b in read_pdf(tmp_path / "hyphenated.pdf", "test").blocks]
    assert texts == ["Les solutions doivent garantir la protection des données personnelles, de réversibilité, de pérennité et de conformité aux grands principes."]
