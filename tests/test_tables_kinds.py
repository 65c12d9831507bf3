"""Tables of every kind on one page: borderless, spacer columns, merged header cells, partly ruled,
a header told by its content, and prose set in columns that is no table. Each PDF is written here by
ReportLab and by PyMuPDF (their own fonts and metrics), some also printed by Chromium from HTML."""

from __future__ import annotations

import pytest

from tables_producers import PRODUCERS, Page, Rule, Text, chromium_pdf, grid, html_table, indicator_table, prose, table_cells, write

HEADER = ["", "", "en 2017", "en 2021", "cible 2025"]
ROWS = [
    ["ALPHA", "Guichets ouverts au public", "12", "18", "30"],
    ["", "Dossiers traités en ligne", "40 %", "55 %", "80 %"],
    ["", "Délai moyen de réponse", "21 j", "14 j", "7 j"],
    ["OMEGA", "Agents formés", "NM", "350", "1 200*"],
    ["", "Sites raccordés", "0", "4", "25"],
]
XS = [50, 110, 370, 440, 510]  # values right-aligned at their anchors
PITCH = 14


def _page(table: list[Text], rules: list[Rule] | None = None, *, below: float = 260) -> Page:
    texts = [Text(50, 60, "Tableau de bord", 14, bold=True)] + prose(50, 90, 90, 4) + table + prose(50, below, 90, 4, seed=3)
    return Page(texts=texts, rules=rules or [])


def _rules(top: float, rows: int, xs: list[float], *, right: float = 520) -> list[Rule]:
    """A full grid around `rows` rows whose first baseline is `top`: a rule above and below each row, one left of each column."""
    ys = [top - 10 + r * PITCH for r in range(rows + 1)]
    rules = [Rule(xs[0], y, right, y) for y in ys]
    rules += [Rule(x, ys[0], x, ys[-1]) for x in xs + [right]]
    return rules


@pytest.mark.parametrize("producer", PRODUCERS)
def test_borderless_table(tmp_path, producer):
    path = write(tmp_path, producer, [_page(grid([HEADER] + ROWS, XS, 150, PITCH, right=(2, 3, 4)))])
    assert table_cells(path) == [HEADER] + ROWS
    table = indicator_table(path)
    assert table.columns == HEADER[2:]
    assert [(r.mission, r.label) for r in table.rows] == [("ALPHA", ROWS[0][1]), ("ALPHA", ROWS[1][1]), ("ALPHA", ROWS[2][1]), ("OMEGA", ROWS[3][1]), ("OMEGA", ROWS[4][1])]
    assert [c.raw for c in table.rows[3].cells] == ["NM", "350", "1 200*"]


def test_borderless_table_chromium(tmp_path):
    path = chromium_pdf("<h1>Tableau de bord</h1>" + html_table([HEADER] + ROWS), tmp_path / "borderless.pdf")
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    assert table_cells(path) == [HEADER] + ROWS


@pytest.mark.parametrize("producer", PRODUCERS)
def test_ruled_table_with_spacer_columns(tmp_path, producer):
    """Narrow empty columns between the label and the values, and between the values: dropped."""
    xs = [50, 110, 300, 320, 380, 400, 460]  # column left edges; 300-320 and 380-400 are spacers
    rows = [[r[0], r[1], "", r[2], "", r[3], r[4]] for r in [HEADER] + ROWS]
    texts = grid(rows, [x + 3 for x in xs], 150, PITCH)
    path = write(tmp_path, producer, [_page(texts, _rules(150, len(rows), xs))])
    assert table_cells(path) == [HEADER] + ROWS
    assert indicator_table(path).columns == HEADER[2:]


def test_spacer_columns_chromium(tmp_path):
    rows = [[r[0], r[1], "", r[2], "", r[3], "", r[4]] for r in [HEADER] + ROWS]
    css = "td, th { border: 0.6pt solid #333; } td:nth-child(3), td:nth-child(5), td:nth-child(7), th:nth-child(3), th:nth-child(5), th:nth-child(7) { width: 6pt; padding: 0; }"
    path = chromium_pdf("<h1>Tableau de bord</h1>" + html_table(rows), tmp_path / "spacers.pdf", css=css)
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    assert table_cells(path) == [HEADER] + ROWS


MERGED = ["Mission", "Indicateur", "Valeurs", "", ""]  # "Valeurs" spans the three value columns
MERGED_COLUMNS = ["Valeurs en 2017", "Valeurs en 2021", "Valeurs cible 2025"]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_merged_header_cell_ruled(tmp_path, producer):
    xs = [50, 110, 330, 400, 460]
    texts = grid([MERGED, HEADER] + ROWS, [x + 3 for x in xs], 150, PITCH)
    rules = _rules(150, 2 + len(ROWS), xs)
    # no rule between the value columns in the first row: one cell spans them
    rules = [r for r in rules if not (r.x0 == r.x1 and r.x0 in xs[3:])] + [Rule(x, 140 + PITCH, x, 140 + (2 + len(ROWS)) * PITCH) for x in xs[3:]]
    path = write(tmp_path, producer, [_page(texts, rules, below=300)])
    cells = table_cells(path)
    assert cells[0] == MERGED and cells[1:] == [HEADER] + ROWS
    assert indicator_table(path).columns == MERGED_COLUMNS


@pytest.mark.parametrize("producer", PRODUCERS)
def test_merged_header_cell_borderless(tmp_path, producer):
    """The merged cell is centred over its columns, no rule says how far it reaches."""
    texts = grid([HEADER] + ROWS, XS, 164, PITCH, right=(2, 3, 4))
    texts += [Text(50, 150, "Mission"), Text(110, 150, "Indicateur"), Text((335 + 510) / 2, 150, "Valeurs", align="centre")]
    path = write(tmp_path, producer, [_page(texts, below=290)])
    assert table_cells(path)[1:] == [HEADER] + ROWS
    assert indicator_table(path).columns == MERGED_COLUMNS


def test_merged_header_cell_chromium(tmp_path):
    body = html_table([MERGED, HEADER] + ROWS, head=2, spans={(0, 2): 3})
    path = chromium_pdf("<h1>Tableau de bord</h1>" + body, tmp_path / "merged.pdf", css="td, th { border: 0.6pt solid #333; }")
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    assert indicator_table(path).columns == MERGED_COLUMNS
    assert table_cells(path)[-len(ROWS):] == ROWS


@pytest.mark.parametrize("producer", PRODUCERS)
def test_partly_ruled_table(tmp_path, producer):
    """Rules above the table and under its header only, none between columns."""
    rules = [Rule(50, 140, 520, 140), Rule(50, 154, 520, 154), Rule(50, 140 + 6 * PITCH, 520, 140 + 6 * PITCH)]
    path = write(tmp_path, producer, [_page(grid([HEADER] + ROWS, XS, 150, PITCH, bold_rows=1, right=(2, 3, 4)), rules)])
    assert table_cells(path) == [HEADER] + ROWS


def test_partly_ruled_table_chromium(tmp_path):
    css = "thead th { border-bottom: 0.8pt solid #000; font-weight: bold; }"
    path = chromium_pdf("<h1>Tableau de bord</h1>" + html_table([HEADER] + ROWS), tmp_path / "partly.pdf", css=css)
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    assert table_cells(path) == [HEADER] + ROWS


LABELLED = ["Mission", "Indicateur", "2017", "2021", "2025"]  # a header whose first cells are labels
GAPPY = [["ALPHA", "Guichets ouverts au public", "", "", "30"]] + ROWS[1:]  # the first data row has empty cells


@pytest.mark.parametrize("producer", PRODUCERS)
def test_header_row_by_content_first_data_row_with_empty_cells(tmp_path, producer):
    path = write(tmp_path, producer, [_page(grid([LABELLED] + GAPPY, XS, 150, PITCH, right=(2, 3, 4)))])
    assert table_cells(path) == [LABELLED] + GAPPY
    table = indicator_table(path)
    assert table.columns == ["2017", "2021", "2025"]
    assert len(table.rows) == len(GAPPY)
    assert [c.raw for c in table.rows[0].cells] == ["", "", "30"]


def test_header_row_by_content_chromium(tmp_path):
    path = chromium_pdf("<h1>Tableau de bord</h1>" + html_table([LABELLED] + GAPPY), tmp_path / "gappy.pdf")
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    table = indicator_table(path)
    assert table.columns == ["2017", "2021", "2025"] and len(table.rows) == len(GAPPY)


@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("columns", [2, 3])
def test_prose_in_columns_is_no_table(tmp_path, producer, columns):
    width = 480 / columns
    texts = [Text(50, 60, "Une page de texte", 14, bold=True)]
    for c in range(columns):
        texts += prose(50 + c * width, 90, int(width / 5.2), 40, seed=c)
    path = write(tmp_path, producer, [Page(texts=texts)])
    assert table_cells(path) == []


@pytest.mark.parametrize("producer", PRODUCERS)
def test_borderless_cell_wrapped_over_two_lines(tmp_path, producer):
    """A long label set on two lines in its cell: one row, the label joined (rows 18 pt apart, lines 10)."""
    rows = [HEADER] + ROWS
    texts = grid(rows, XS, 150, 18, right=(2, 3, 4))
    first = next(t for t in texts if t.text == ROWS[1][1])
    first.text = "Dossiers traités en ligne par"
    texts.append(Text(first.x, first.y + 10, "les usagers eux-mêmes"))
    path = write(tmp_path, producer, [_page(texts, below=300)])
    expected = [list(r) for r in rows]
    expected[2][1] = "Dossiers traités en ligne par les usagers eux-mêmes"
    assert table_cells(path) == expected


def test_borderless_cell_wrapped_chromium(tmp_path):
    rows = [list(r) for r in [HEADER] + ROWS]
    rows[2][1] = "Dossiers traités en ligne par les usagers eux-mêmes, comptés chaque mois"
    css = "td:nth-child(2) { width: 90pt; } td, th { padding: 4pt 8pt; vertical-align: top; }"
    path = chromium_pdf("<h1>Tableau de bord</h1>" + html_table(rows), tmp_path / "wrapped.pdf", css=css)
    if path is None:
        pytest.skip("chromium is not installed (Debian package chromium)")
    import pymupdf

    with pymupdf.open(path) as doc:  # the label does wrap
        assert len([l for b in doc[0].get_text("dict")["blocks"] for l in b["lines"] if "comptés" in "".join(s["text"] for s in l["spans"])]) == 1
        assert not any(rows[2][1] in "".join(s["text"] for s in l["spans"]) for b in doc[0].get_text("dict")["blocks"] for l in b["lines"])
    assert table_cells(path) == rows


@pytest.mark.parametrize("producer", PRODUCERS)
def test_partly_ruled_table_on_a_page_with_enough_rules_for_a_grid(tmp_path, producer):
    """A box with rules between the columns, one under the header and none between the body rows, on a page
    whose other rules (a framed note, a rule under the title) pass the grid screen: the ruled finder sees
    one tall body row, which is read as the rows set side by side in it."""
    top, bottom = 140, 140 + 6 * PITCH
    rules = [Rule(48, top, 520, top), Rule(48, 154, 520, 154), Rule(48, bottom, 520, bottom)]
    rules += [Rule(x, top, x, bottom) for x in (48, 105, 330, 400, 470, 520)]
    rules += [Rule(50, 385, 520, 385), Rule(50, 420, 520, 420), Rule(50, 385, 50, 420), Rule(520, 385, 520, 420), Rule(50, 66, 300, 66), Rule(50, 440, 520, 440)]
    texts = grid([HEADER] + ROWS, XS, 150, PITCH, right=(2, 3, 4))
    texts += [Text(60, 400, "Note : les valeurs sont provisoires."), Text(60, 414, "Elles seront revues en fin d'année.")]
    path = write(tmp_path, producer, [_page(texts, rules)])
    assert table_cells(path) == [HEADER] + ROWS
