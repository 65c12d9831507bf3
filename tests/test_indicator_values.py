"""Indicator cells of seed 003's table (and the forms the issue lists) as typed values.

Percentages are stored in percent with unit '%' (5 % -> 5.0), never as fractions.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editiondiff.normalize.indicators import cell_to_value


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("40 millions*", dict(kind="number", value=40_000_000, footnote=True)),
        ("78 millions", dict(kind="number", value=78_000_000, footnote=False)),
        ("1 million*", dict(kind="number", value=1_000_000, footnote=True)),
        ("< 5%", dict(kind="bound", high=5.0, low=None, unit="%", value=None)),
        ("50 à 80", dict(kind="range", low=50, high=80, unit=None)),
        ("10 M€*", dict(kind="number", value=10_000_000, unit="EUR", footnote=True)),
        ("16 ^e", dict(kind="rank", value=16, unit="rank")),
        ("16e", dict(kind="rank", value=16, unit="rank")),
        ("13 ^e", dict(kind="rank", value=13, unit="rank")),
        ("100 000*", dict(kind="number", value=100_000, footnote=True)),
        ("1 000", dict(kind="number", value=1000)),
        ("NM", dict(kind="null", null_reason="not_measured", value=None)),
        ("Non significatif", dict(kind="null", null_reason="not_significant", value=None)),
        ("0%", dict(kind="percent", value=0.0, unit="%")),
        ("90%*", dict(kind="percent", value=90.0, unit="%", footnote=True)),
        ("100%", dict(kind="percent", value=100.0, unit="%")),
        ("0", dict(kind="number", value=0, unit=None)),
        ("20*", dict(kind="number", value=20, footnote=True)),
        ("", dict(kind="null", null_reason="empty")),
        ("1,5 million", dict(kind="number", value=1_500_000)),
        ("10 à 20 millions", dict(kind="range", low=10_000_000, high=20_000_000)),
        ("> 3", dict(kind="bound", low=3, high=None)),
        ("n.d.", dict(kind="null", null_reason="not_available")),
        ("beaucoup", dict(kind="unparsed", value=None)),
    ],
)
def test_cells(raw, expected):
    value = cell_to_value(raw)
    assert value.raw == raw
    for field, wanted in expected.items():
        assert getattr(value, field) == wanted, field


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises(raw):
    assert cell_to_value(raw).raw == raw


def test_seed_003_table_cells_are_all_read(edition_mi2020):
    table = edition_mi2020.indicators
    assert table is not None
    values = [cell_to_value(cell.raw) for row in table.rows for cell in row.cells]
    assert values and not [v.raw for v in values if v.kind == "unparsed"]
    ranks = [v.value for row in table.rows for v in map(cell_to_value, (c.raw for c in row.cells)) if v.kind == "rank"]
    assert ranks == [16, 13, 12, 10]  # the DESI row, as printed
