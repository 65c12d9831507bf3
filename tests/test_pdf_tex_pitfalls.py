"""What pdfTeX's output (LaTeX's article class) showed the reader getting wrong, each on lines made
by hand: an icon set against its word with no space, a list item's text indented past the run's
left edge, a table ruled by horizontal rules only (booktabs) whose records are set as tight as
their cells' lines, a cell running over into the gutter, a table continued on the next page
without its first column, and chart entries set as a list."""

from __future__ import annotations

from editiondiff.extract.layout.model import Line, Span
from editiondiff.schemas.blocks import Block, Provenance


def _settings():
    from editiondiff.extract.layout.settings import LayoutSettings

    return LayoutSettings().for_body(9.0)


def _at(text: str, x0: float, y0: float, x1: float, *, size: float = 9.0, page: int = 1, spans: list[Span] | None = None) -> Line:
    line = Line(page, spans or [Span(text, "LMRoman9-Regular", size, (x0, y0, x1, y0 + size))], (x0, y0, x1, y0 + size), size, text, base_left=56.7, col_right=538.9)
    line.starts_new_line = text.startswith("➔")
    line.first_word_width = (x1 - x0) / max(len(text), 1) * ((text.find(" ") if " " in text else len(text)) + 1)
    return line


def test_an_unknown_icon_set_against_its_word_is_an_icon_and_a_sign_of_text_is_not():
    from editiondiff.vocabulary.icons import unknown_icon

    assert unknown_icon("↑DINUM") == "↑" and unknown_icon("☞ 3e trimestre") == "☞"
    assert unknown_icon("©Alexia Perchant") is None and unknown_icon("© DINUM") is None  # a sign of text
    assert unknown_icon("≥10 %") is None and unknown_icon("±5") is None


def test_an_item_wrapped_under_its_text_stays_the_item_when_the_run_starts_further_left():
    """LaTeX's itemize sets the marker 14 pt left of the item's text, the text 30 pt right of the
    paragraph above: the item's wrapped line, under its text, is still the item."""
    from editiondiff.extract.layout.paragraphs import lines_to_groups

    above = _at("Évaluer les attentes et définir les règles de labellisation", 56.7, 253.0, 449.9)
    marker = Span("➔", "Dingbats", 10.0, (72.7, 262.3, 81.6, 272.2))
    text = Span("Définition des règles et mise en place d'une procédure de consultation avec les industriels", "LMRoman9-Regular", 9.0, (86.6, 264.3, 538.9, 273.3))
    item = _at("➔ Définition des règles et mise en place d'une procédure de consultation avec les industriels", 72.7, 264.3, 538.9, spans=[marker, text])
    wrapped = _at("du numérique", 86.6, 276.2, 146.4)
    groups = lines_to_groups([above, item, wrapped], _settings())
    assert [len(g.lines) for g in groups] == [3]  # one run: the item follows the paragraph as a list does
    # set further right than the item's text, the line is no wrapped line of it
    apart = _at("du numérique", 110.0, 276.2, 170.0)
    assert [len(g.lines) for g in lines_to_groups([above, item, apart], _settings())] == [2, 1]


def _table_lines() -> list[Line]:
    """A booktabs table: a header on two lines, records set as tight as their cells' lines, labels and
    figures wrapping, the last label running over its column into the gutter."""
    rows = [
        [("en 2018", 321, 357), ("projection", 426, 473)],
        [("fin 2020", 433, 473)],
        [("LABEL", 66.5, 97.7), ("Prototypes technologiques et numériques", 129.5, 300.0), ("0", 352, 357), ("5", 468, 473)],
        [("réalisés", 129.5, 160.0)],
        [("Outils et solutions numériques labellisés", 129.5, 300.0), ("0", 352, 357), ("5", 468, 473)],
        [("(au total)", 129.5, 170.0)],
        [("IDNUM", 66.5, 99.0), ("Identifications FranceConnect", 129.5, 250.0), ("40", 347, 357), ("80 millions", 430, 473)],
        [("millions*", 321, 357)],
        [("TRANSFO", 66.5, 111.8), ("Démarches phares disponibles en ligne", 129.5, 300.0), ("63%", 340, 357), ("73%", 455, 473)],
    ]
    lines = []
    for k, row in enumerate(rows):
        y = 130.0 + 11.0 * k
        lines += [_at(text, x0, y, x1) for text, x0, x1 in row]
    # the last record: "TECH.GOUV" wider than its column, met by the label's first word on one line
    y = 130.0 + 11.0 * len(rows)
    words = [("TECH.GOUV", 66.5, 123.8), ("Rang", 129.5, 150.6), ("de", 154.6, 163.8), ("la", 167.8, 174.9), ("France", 178.9, 205.7)]
    spans = []
    for i, (text, x0, x1) in enumerate(words):
        spans.append(Span(text, "LMRoman9-Regular", 9.0, (x0, y, x1, y + 9.0)))
        if i + 1 < len(words):
            spans.append(Span(" ", "LMRoman9-Regular", 9.0, (x1, y, words[i + 1][1], y + 9.0)))
    lines.append(_at("TECH.GOUV Rang de la France", 66.5, y, 205.7, spans=spans))
    lines += [_at("16e", 342, y, 357), _at("12e", 458, y, 473)]
    return lines


def test_a_table_ruled_by_horizontal_rules_only_reads_its_records_and_columns():
    from editiondiff.extract.layout.borderless import page_tables

    tables = page_tables(_table_lines(), 1, set(), _settings())
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == ["", "", "en 2018", "projection fin 2020"]  # a header cell on two lines
    assert rows[1] == ["LABEL", "Prototypes technologiques et numériques réalisés", "0", "5"]  # a label wrapped
    assert rows[2] == ["", "Outils et solutions numériques labellisés (au total)", "0", "5"]
    assert rows[3] == ["IDNUM", "Identifications FranceConnect", "40 millions*", "80 millions"]  # a figure and its unit
    assert rows[-1] == ["TECH.GOUV", "Rang de la France", "16e", "12e"]  # the cell run over is cut at the gutter


def test_a_part_on_the_next_page_without_the_first_column_continues_the_table():
    """Every row of the part under one mission: its mission column is empty and not found; its
    columns stand in the first part's, and its header, printed again, is the first part's."""
    from editiondiff.extract.layout.tables import TableRegion, stitch

    first = TableRegion(1, (60.0, 100.0, 535.0, 760.0), [["", "", "en 2018", "en 2019"], ["LABEL", "Prototypes", "0", "0"], ["", "Outils", "0", "5"]],
                        [], [(66.0, 112.0), (129.0, 300.0), (321.0, 357.0), (379.0, 414.0)])
    first.header_rows = 1
    part = TableRegion(2, (60.0, 60.0, 535.0, 120.0), [["", "en 2018", "en 2019"], ["Organisations publiques", "NM", "40"]], [],
                       [(129.5, 300.0), (321.0, 357.0), (379.0, 414.0)])
    part.header_rows = 1
    tables = stitch([first, part], _settings())
    assert len(tables) == 1 and len(tables[0]) == 2
    assert part.rows[1] == ["", "Organisations publiques", "NM", "40"]


def _para(text: str, kind: str = "paragraph", icon=None, y0: float = 100.0) -> Block:
    return Block(kind=kind, text=text, icon=icon, provenance=Provenance(source="s", page=17, bbox=(56.0, y0, 300.0, y0 + 10), quote=text))


def test_chart_entries_set_as_a_list_are_entries_and_a_step_is_not():
    from editiondiff.extract.chart import _entry_like, _Facts
    from editiondiff.extract.landmarks import Landmarks
    from editiondiff.profiles import load_profile

    marks = Landmarks(load_profile())
    blocks = [_para("Catalogue", "list_item"), _para("(nouveau) Lab GovTech", "list_item"), _para("Réaliser une étude", "list_item", "arrow")]
    facts = _Facts([False] * 3, [None] * 3, [False] * 3)
    assert [_entry_like(blocks, j, 80, marks, facts) for j in range(3)] == [True, True, False]


def test_a_table_continued_under_its_header_printed_again_over_two_lines_goes_on():
    """The page holds the header again (a cell of it on two lines) and one record whose label wraps:
    too few rows for a table of their own, they continue the table of the page before."""
    from editiondiff.extract.layout.borderless import continued_rows
    from editiondiff.extract.layout.tables import TableRegion

    previous = TableRegion(1, (60.0, 100.0, 535.0, 760.0), [["", "", "en 2018", "projection fin 2020"], ["LABEL", "Prototypes", "0", "5"],
                                                            ["", "Outils", "0", "5"]], [], [(66.0, 112.0), (129.0, 300.0), (321.0, 357.0), (426.0, 473.0)])
    previous.header_rows = 1
    lines = [_at("en 2018", 321, 60, 357, page=2), _at("projection", 426, 60, 473, page=2), _at("fin 2020", 433, 70, 473, page=2),
             _at("Organisations privées contribuant à l'ini-", 129.5, 84, 300, page=2), _at("NM", 345, 84, 357, page=2), _at("15", 463, 84, 473, page=2),
             _at("tiative TECH.GOUV", 129.5, 94, 200, page=2)]
    region = continued_rows(lines, previous, 2, {"initiative"}, _settings())
    assert region is not None and region.header_rows == 1
    assert region.rows == [["", "", "en 2018", "projection fin 2020"], ["", "Organisations privées contribuant à l'initiative TECH.GOUV", "NM", "15"]]


def test_a_cell_run_over_into_the_gutter_on_the_next_page_is_cut_at_the_first_part_s_columns():
    """On the page a table runs on to, one record only names its mission, wider than its column and
    met by the label on one line: the columns of the page before tell where to cut it."""
    from editiondiff.extract.layout.borderless import continued_rows
    from editiondiff.extract.layout.tables import TableRegion

    previous = TableRegion(1, (60.0, 100.0, 535.0, 760.0), [["", "", "en 2018", "projection fin 2020"], ["LABEL", "Prototypes", "0", "5"],
                                                            ["", "Outils", "0", "5"]], [], [(66.0, 112.0), (129.0, 300.0), (321.0, 357.0), (426.0, 473.0)])
    previous.header_rows = 1
    words = [("TECH.GOUV", 66.5, 123.8), ("Rang", 129.5, 150.6), ("de", 154.6, 163.8), ("la", 167.8, 174.9), ("France", 178.9, 205.7)]
    spans = []
    for i, (text, x0, x1) in enumerate(words):
        spans.append(Span(text, "LMRoman9-Regular", 9.0, (x0, 84.0, x1, 93.0)))
        if i + 1 < len(words):
            spans.append(Span(" ", "LMRoman9-Regular", 9.0, (x1, 84.0, words[i + 1][1], 93.0)))
    lines = [_at("en 2018", 321, 60, 357, page=2), _at("projection fin 2020", 426, 60, 473, page=2),
             _at("TECH.GOUV Rang de la France", 66.5, 84, 205.7, page=2, spans=spans), _at("16e", 342, 84, 357, page=2), _at("12e", 458, 84, 473, page=2)]
    region = continued_rows(lines, previous, 2, set(), _settings())
    assert region is not None and region.rows[-1] == ["TECH.GOUV", "Rang de la France", "16e", "12e"]


def _overflowing(text_left: str, x1_left: float, text_right: str, y: float) -> Line:
    words = [(text_left, 66.5, x1_left), (text_right, 129.5, 129.5 + 5.0 * len(text_right))]
    spans = [Span(words[0][0], "LMRoman9-Regular", 9.0, (66.5, y, x1_left, y + 9.0)), Span(" ", "LMRoman9-Regular", 9.0, (x1_left, y, 129.5, y + 9.0)),
             Span(words[1][0], "LMRoman9-Regular", 9.0, (129.5, y, words[1][2], y + 9.0))]
    return _at(f"{text_left} {text_right}", 66.5, y, words[1][2], spans=spans)


def test_cells_run_over_into_the_gutter_in_several_rows_are_cut_where_the_next_column_starts():
    """Two mission codes wider than their column (a renamed mission, the programme's own row): no
    gap is clear of every line but one, yet the labels of every row start at one place."""
    from editiondiff.extract.layout.borderless import page_tables

    lines = [_overflowing("CONFIANCE", 125.0, "Prototypes réalisés", 130.0), _at("0", 352, 130, 357), _at("5", 468, 130, 473)]
    for k, label in enumerate(["Outils labellisés", "Produits utilisés", "Économies réalisées"], start=1):
        y = 130.0 + 11.0 * k
        lines += [_at(label, 129.5, y, 230.0), _at(f"{k}0", 347, y, 357), _at(f"{k}5", 463, y, 473)]
    lines += [_overflowing("TECH.GOUV", 123.8, "Rang de la France", 174.0), _at("16e", 342, 174, 357), _at("12e", 458, 174, 473)]
    tables = page_tables(lines, 1, set(), _settings())
    assert len(tables) == 1
    assert [row[:2] for row in tables[0].rows] == [["CONFIANCE", "Prototypes réalisés"], ["", "Outils labellisés"], ["", "Produits utilisés"],
                                                    ["", "Économies réalisées"], ["TECH.GOUV", "Rang de la France"]]


def test_a_single_word_reaching_into_the_next_column_is_read_in_its_own():
    from editiondiff.extract.layout.borderless import page_tables

    lines = []
    codes = ["LABEL", "IDNUM", "COMPETENCES", "TRANSFO"]
    for k, code in enumerate(codes):
        y = 130.0 + 11.0 * k
        x1 = 139.0 if code == "COMPETENCES" else 100.0  # one code is wider than its column
        lines += [_at(code, 66.5, y, x1), _at(f"Indicateur {k + 1}", 129.5, y, 230.0), _at(f"{k}0", 347, y, 357), _at(f"{k}5", 463, y, 473)]
    tables = page_tables(lines, 1, set(), _settings())
    assert len(tables) == 1
    assert [row[:2] for row in tables[0].rows] == [[code, f"Indicateur {k + 1}"] for k, code in enumerate(codes)]


def test_a_line_s_box_is_its_words_height_an_icon_taller_than_them_aside():
    """A check mark from another font stands taller than the words it follows: the line's box keeps
    the words' top and foot, so the gap to the line above is the gap between their words."""
    from editiondiff.extract.layout.spans import _line_box

    words = Span("Inclusion numérique ", "LMRoman10-Regular", 10.0, (56.7, 495.0, 150.0, 504.9))
    mark = Span("✓", "Dingbats", 10.0, (150.0, 493.0, 155.3, 504.0))
    assert _line_box([words, mark]) == (56.7, 495.0, 155.3, 504.9)
    assert _line_box([words]) == words.bbox
