"""Tables across pages: continued on the next page with and without the header printed again, and a
landscape table page among portrait ones (a landscape page, or a portrait sheet turned by /Rotate 90).
Each PDF is written here by ReportLab and by PyMuPDF, and printed by Chromium from HTML."""

from __future__ import annotations

import pytest

from tables_producers import PRODUCERS, Page, Text, chromium_pdf, grid, html_table, indicator_table, prose, table_cells, write

HEADER = ["", "", "valeur 2016", "valeur 2020", "visée 2024"]
ROWS = [
    ["NORD", "Bornes de recharge installées", "3", "41", "120"],
    ["", "Part des trajets à vélo", "2 %", "5 %", "9 %"],
    ["", "Parcs relais ouverts", "1", "6", "10"],
    ["SUD", "Lignes de car express", "0", "2", "8*"],
    ["", "Abonnés au réseau", "NM", "14 500", "30 000"],
    ["", "Gares rénovées", "0", "3", "12"],
]
XS = [50, 110, 370, 440, 510]
PITCH = 14


def _continued(repeat_header: bool, rows: list[list[str]] = ROWS) -> list[Page]:
    """Three rows at the foot of page 1, the last three at the top of page 2 (under the header again or not)."""
    first = [Text(50, 60, "Suivi des mesures", 14, bold=True)] + prose(50, 90, 90, 50)
    first += grid([HEADER] + rows[:3], XS, 660, PITCH, right=(2, 3, 4))
    rest = [HEADER] + rows[3:] if repeat_header else rows[3:]
    second = grid(rest, XS, 70, PITCH, right=(2, 3, 4)) + prose(50, 70 + 5 * PITCH + 20, 90, 6, seed=5)
    return [Page(texts=first), Page(texts=second)]


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "no-header"])
def test_table_continued_over_two_pages(tmp_path, producer, repeat_header):
    path = write(tmp_path, producer, _continued(repeat_header))
    assert table_cells(path) == [HEADER] + ROWS
    table = indicator_table(path)
    assert table.columns == HEADER[2:]
    assert [r.mission for r in table.rows] == ["NORD"] * 3 + ["SUD"] * 3
    assert {r.provenance.page for r in table.rows} == {1, 2}


@pytest.mark.parametrize("producer", PRODUCERS)
def test_table_continued_with_a_column_empty_on_the_next_page(tmp_path, producer):
    """No mission code on page 2: its rows still go into the five columns of page 1."""
    rows = ROWS[:3] + [["", *r[1:]] for r in ROWS[3:]]
    path = write(tmp_path, producer, _continued(False, rows))
    assert table_cells(path) == [HEADER] + rows
    assert [r.mission for r in indicator_table(path).rows] == ["NORD"] * 6


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "no-header"])
def test_table_continued_chromium(tmp_path, repeat_header):
    """Chromium repeats a <thead> on every page the table runs over; a table without one runs on bare."""
    words = ("bornes", "vélos", "gares", "lignes", "parcs", "abonnés", "trajets", "cars", "quais", "navettes")
    label = lambda i: f"{words[i % 10].capitalize()} du secteur {words[i // 10 % 10]}"  # no number: none recurs as a running line
    rows = [HEADER] + [[f"M{i // 6}" if i % 6 == 0 else "", label(i), str(i), str(2 * i), f"{3 * i} %"] for i in range(1, 80)]
    html = "<h1>Suivi des mesures</h1>" + html_table(rows, head=1 if repeat_header else 0)
    path = chromium_pdf(html, tmp_path / "long.pdf")
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    import pymupdf

    with pymupdf.open(path) as doc:
        assert doc.page_count >= 2
    assert table_cells(path) == rows
    assert len(indicator_table(path).rows) == len(rows) - 1


def _landscape(rotate: bool, sideways: bool = False) -> list[Page]:
    wide = ["", "", "valeur 2016", "valeur 2018", "valeur 2020", "valeur 2022", "visée 2024"]
    rows = [r[:3] + [r[2], r[3], r[3]] + r[4:] for r in ROWS]
    xs = [50, 110, 440, 530, 620, 710, 790]
    portrait = lambda seed: Page(texts=[Text(50, 60, "Suivi des mesures", 14, bold=True)] + prose(50, 90, 90, 30, seed=seed))
    table = Page(width=842, height=595, rotate=rotate, sideways=sideways, texts=[Text(50, 50, "Tableau des indicateurs", 12, bold=True)] + grid([wide] + rows, xs, 90, PITCH, right=(2, 3, 4, 5, 6)))
    return [portrait(1), table, portrait(2)], [wide] + rows


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("turn", ["landscape-page", "rotate-90", "sideways"])
def test_landscape_table_page_among_portrait_pages(tmp_path, producer, turn):
    """A landscape page; a portrait sheet turned by /Rotate 90 to show it; the same page printed sideways."""
    pages, expected = _landscape(turn == "rotate-90", turn == "sideways")
    path = write(tmp_path, producer, pages)
    assert table_cells(path) == expected
    from editiondiff.extract.pdf import read_pdf

    blocks = read_pdf(path).blocks
    assert {b.provenance.page for b in blocks if b.kind == "table_row"} == {2}
    # the portrait pages read as before: their prose is no table, and comes before and after it
    kinds = [(b.provenance.page, b.kind) for b in blocks]
    assert kinds.index((2, "table_row")) > max(i for i, k in enumerate(kinds) if k[0] == 1)
    assert any(page == 3 and kind != "table_row" for page, kind in kinds)


def test_landscape_table_page_chromium(tmp_path):
    pages, expected = _landscape(False)
    css = "@page wide { size: A4 landscape; } section.wide { page: wide; } section { break-before: page; } section.first { break-before: auto; }"
    prose_html = "<p>" + " ".join(t.text for t in pages[0].texts[1:]) + "</p>"
    html = (
        f'<section class="first"><h1>Suivi des mesures</h1>{prose_html}</section>'
        f'<section class="wide"><h2>Tableau des indicateurs</h2>{html_table(expected)}</section>'
        f"<section>{prose_html}</section>"
    )
    path = chromium_pdf(html, tmp_path / "landscape.pdf", css=css)
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    import pymupdf

    with pymupdf.open(path) as doc:
        assert doc[1].rect.width > doc[1].rect.height and doc[0].rect.width < doc[0].rect.height
    assert table_cells(path) == expected
