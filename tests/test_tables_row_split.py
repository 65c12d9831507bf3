"""A table row broken across a page break (issue 13): LibreOffice lets a row's cells run on at the top of
the next page, so that the first row there holds only the rest of the label ("… obtenant au" / "moins une
note …"), the values on the first page or on the second. That rest joins the row it continues instead of
making a row (and an indicator) of its own; two genuine rows on either side of the break stay two rows.
The tables are ruled (pdfplumber) and borderless, with and without the header printed again on the next
page, each written by ReportLab and by PyMuPDF."""

from __future__ import annotations

import pytest

from tables_producers import PRODUCERS, Page, Rule, Text, indicator_table, prose, table_cells, write

HEADER = ["", "", "valeur 2016", "valeur 2020", "visée 2024"]
XS = [50, 110, 330, 410, 490]
RIGHT = 560
LEADING, PAD = 11.0, 5.0
# (mission, label's lines as typeset, values)
FILLER = [
    ("NORD", ["Bornes de recharge installées sur", "les aires publiques"], ["3", "41", "120"]),
    ("", ["Part des trajets domicile-travail", "faits à vélo"], ["2 %", "5 %", "9 %"]),
    ("", ["Parcs relais ouverts aux abords", "des gares"], ["1", "6", "10"]),
]
CUT = ("", ["Usagers des lignes express", "déclarant une satisfaction au", "moins égale à sept sur dix", "auprès des enquêteurs"], ["NM", "14 500", "30 000"])
AFTER = [
    ("SUD", ["Lignes de car express"], ["0", "2", "8*"]),
    ("", ["Gares rénovées"], ["0", "3", "12"]),
]


def _cells(row) -> list[str]:
    mission, label, values = row
    return [mission, " ".join(label), *values]


def _draw(rows, top: float, ruled: bool) -> tuple[list[Text], list[Rule], float]:
    """Rows drawn from `top` (each a list of (mission, label lines, values) with values or mission possibly
    left out): texts, rules and the bottom."""
    texts, ys = [], [top]
    y = top
    for mission, label, values in rows:
        base = y + PAD + 8
        if mission:
            texts.append(Text(XS[0], base, mission, 9))
        for k, line in enumerate(label):
            texts.append(Text(XS[1], base + k * LEADING, line, 9))
        for x, value in zip(XS[2:], values):
            if value:
                texts.append(Text(x, base, value, 9))
        y += max(len(label), 1) * LEADING + 2 * PAD
        ys.append(y)
    rules = [Rule(XS[0] - 4, t, RIGHT, t) for t in ys] + [Rule(x, top, x, y) for x in [XS[0] - 4, *[x - 4 for x in XS[1:]], RIGHT]] if ruled else []
    return texts, rules, y


def _pages(before, after, *, ruled: bool, repeat: bool) -> list[Page]:
    """`before` rows end page 1 at its foot, `after` rows start page 2 (under the header again if `repeat`)."""
    head = [("", [], HEADER[2:])]
    height = sum(max(len(r[1]), 1) * LEADING + 2 * PAD for r in head + before)
    texts1, rules1, _ = _draw(head + before, 790 - height, ruled)
    first = Page(texts=[Text(50, 60, "Suivi des mesures", 14, bold=True)] + prose(50, 90, 90, 40) + texts1, rules=rules1)
    texts2, rules2, bottom = _draw((head if repeat else []) + after, 60, ruled)
    second = Page(texts=texts2 + prose(50, bottom + 30, 90, 6, seed=5), rules=rules2)
    return [first, second]


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize("repeat", [True, False], ids=["header-repeated", "no-header"])
@pytest.mark.parametrize("values_after", [False, True], ids=["values-before", "values-after"])
def test_row_cut_by_the_page_break_is_read_once(tmp_path, producer, ruled, repeat, values_after):
    mission, label, values = CUT
    blank = [""] * len(values)
    half1 = (mission, label[:2], blank if values_after else values)
    half2 = ("", label[2:], values if values_after else blank)
    path = write(tmp_path, producer, _pages(FILLER + [half1], [half2] + AFTER, ruled=ruled, repeat=repeat))
    rows = [_cells(r) for r in FILLER + [CUT] + AFTER]
    assert table_cells(path) == [HEADER] + rows
    table = indicator_table(path)
    assert [r.label for r in table.rows] == [r[1] for r in rows]
    assert [c.raw for c in table.rows[3].cells] == values
    assert table.rows[3].provenance.page == 1


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize("repeat", [True, False], ids=["header-repeated", "no-header"])
def test_two_rows_either_side_of_the_break_stay_two(tmp_path, producer, ruled, repeat):
    """A row ending page 1 whole and the next starting page 2 stay two rows, the second's label lower-case
    and the first's values missing even."""
    last = ("", ["Navettes électriques mises en", "service"], ["0", "1", ""])
    nxt = ("", ["parcs relais ouverts la nuit"], ["0", "1", "4"])
    path = write(tmp_path, producer, _pages(FILLER + [last], [nxt] + AFTER, ruled=ruled, repeat=repeat))
    rows = [_cells(r) for r in FILLER + [last, nxt] + AFTER]
    assert table_cells(path) == [HEADER] + rows
    assert [r.label for r in indicator_table(path).rows] == [r[1] for r in rows]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_a_note_under_a_borderless_table_is_no_cut_row(tmp_path, producer):
    """Words under the table at the foot of page 1 (a note in the mission column) do not join the row
    opening page 2, though that row fills the cells the note leaves empty."""
    note = ("Source", [], ["", "", ""])
    after = [("", label, values) for _, label, values in AFTER]
    path = write(tmp_path, producer, _pages(FILLER + [note], after, ruled=False, repeat=False))
    table = indicator_table(path)
    assert [r.label for r in table.rows] == [" ".join(r[1]) for r in FILLER + after]
    assert {r.mission for r in table.rows} == {"NORD"}
