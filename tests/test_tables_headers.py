"""Header rows told by their content (`extract.layout.headers`, `extract.indicators`), never by a count of
empty cells; merged header cells name every column they span."""

from __future__ import annotations

import pytest

from editiondiff.extract.indicators import header_columns, rows_to_indicator_table
from editiondiff.extract.layout.headers import cell_kind, header_count, value_columns
from editiondiff.schemas.blocks import Block
from editiondiff.schemas.provenance import Provenance


@pytest.mark.parametrize(
    "text, kind",
    [
        ("", "empty"),
        ("12", "value"),
        ("4,5 %", "value"),
        ("1 200*", "value"),
        ("30 à 45", "value"),
        ("2 millions", "value"),
        ("< 3 %", "value"),
        ("ND", "value"),
        ("—", "value"),
        ("2019", "year"),
        ("en 2017", "year"),
        ("cible fin 2030", "year"),
        ("2021-2022", "year"),
        ("Valeur initiale", "words"),
        ("(en %)", "words"),
        ("k€", "words"),
        ("voir la note 3 en bas de la page suivante", "words"),
    ],
)
def test_cell_kind(text, kind):
    assert cell_kind(text) == kind


def test_header_rows_by_content_not_by_empty_cells():
    rows = [
        ["Axe", "Mesure", "Départ", "Cible"],  # no empty cell, yet a header
        ["", "", "2016", "2024"],  # a second header row, empty first cells
        ["A", "Voies cyclables", "", "80"],  # data, with an empty cell
        ["", "Parcs relais", "3", "9"],
        ["B", "Bus propres", "NM", "40 %"],
    ]
    assert value_columns(rows) == [2, 3]
    assert header_count(rows) == 2


def test_no_header_when_the_table_starts_with_data():
    rows = [["A", "Voies cyclables", "12", "80"], ["", "Parcs relais", "3", "9"], ["B", "Bus propres", "NM", "40 %"]]
    assert header_count(rows) == 0


def test_merged_header_cells_name_the_columns_they_span():
    # a ruled table's finder puts a merged cell's text in its first column; a borderless one has it centred
    assert header_columns([["", "", "Réalisé", "", "Cible"], ["", "", "2016", "2020", "2024"]]) == ["Réalisé 2016", "Réalisé 2020", "Cible 2024"]
    assert header_columns([["", "", "", "Valeurs", ""], ["", "", "2016", "2020", "2024"]]) == ["Valeurs 2016", "Valeurs 2020", "Valeurs 2024"]
    assert header_columns([["", "", "2016", "2020", "2024"]]) == ["2016", "2020", "2024"]


def _rows(cells: list[list[str]]) -> list[Block]:
    where = Provenance(source="t", page=1, bbox=(0, 0, 1, 1), quote="q")
    return [Block(kind="table_row", text=" | ".join(c), cells=c, provenance=where) for c in cells]


def test_indicator_table_header_with_labels_and_first_data_row_with_empty_cells():
    table = rows_to_indicator_table(
        _rows([["Axe", "Mesure", "2016", "2024"], ["A", "Voies cyclables", "", "80"], ["", "Parcs relais", "3", "9"]])
    )
    assert table.columns == ["2016", "2024"]
    assert [(r.mission, r.label, [c.raw for c in r.cells]) for r in table.rows] == [
        ("A", "Voies cyclables", ["", "80"]),
        ("A", "Parcs relais", ["3", "9"]),
    ]


def test_indicator_table_sparse_merged_header_row_and_repeated_header():
    table = rows_to_indicator_table(
        _rows(
            [
                ["", "", "Valeurs", "", ""],
                ["", "", "2016", "2020", "2024"],
                ["A", "Voies cyclables", "1", "2", "80"],
                ["", "", "2016", "2020", "2024"],  # printed again over the next page
                ["B", "Bus propres", "NM", "5", "40 %"],
            ]
        )
    )
    assert table.columns == ["Valeurs 2016", "Valeurs 2020", "Valeurs 2024"]
    assert [r.label for r in table.rows] == ["Voies cyclables", "Bus propres"]


def test_a_sparse_row_before_data_is_no_header():
    """A row with a word in one value column, followed by data, names nothing."""
    table = rows_to_indicator_table(
        _rows([["", "", "2016", "2024"], ["A", "Voies cyclables", "Non mesuré", ""], ["", "Parcs relais", "3", "9"]])
    )
    assert table.columns == ["2016", "2024"]
    assert [r.label for r in table.rows] == ["Voies cyclables", "Parcs relais"]
