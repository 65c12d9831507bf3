"""What a troff-like producer does that the reader first got wrong, each on a PDF built here by hand
(no groff needed): symbol glyphs named by number in a /Differences array, a lost icon opening a
line, an icon of no known role, a raised space after a superscript, and hyphenation with an ASCII
hyphen."""

from __future__ import annotations

from pathlib import Path

import pytest

from editiondiff.extract.layout.hyphenation import join, vocabulary
from editiondiff.extract.layout.model import Line, Span

pymupdf = pytest.importorskip("pymupdf")


def _pdf_with_fonts(path: Path, content: str) -> Path:
    """A one-page PDF whose fonts are the base Times-Roman (F1) and ZapfDingbats (F2), neither
    embedded, ZapfDingbats re-encoded by a /Differences array that names its glyphs by number
    (code 1 = /a12, a pointing hand; code 2 = /a160, an arrow; code 3 = /a19, a check mark), as
    gropdf writes it. Written without a cross-reference table: MuPDF rebuilds it on opening."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 7 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats /Encoding 6 0 R /FirstChar 1 /LastChar 3 /Widths [939 894 755] >>",
        "<< /Type /Encoding /Differences [1 /a12 /a160 /a19] >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
    ]
    body = "%PDF-1.4\n" + "".join(f"{i} 0 obj\n{o}\nendobj\n" for i, o in enumerate(objects, start=1)) + "trailer\n<< /Root 1 0 R /Size 8 >>\n%%EOF\n"
    raw = path.with_suffix(".raw.pdf")
    raw.write_bytes(body.encode("latin-1"))
    with pymupdf.open(raw) as doc:
        doc.save(path)
    return path


def _text(x: float, y: float, font: str, size: float, text: str) -> str:
    return f"BT /{font} {size} Tf 1 0 0 1 {x} {842 - y} Tm ({text}) Tj ET"


def test_glyphs_named_by_number_in_a_differences_array_are_the_symbols_they_name(tmp_path):
    from editiondiff.extract.layout.icons import font_kinds, icon_text

    path = _pdf_with_fonts(tmp_path / "dingbats.pdf", "\n".join([
        _text(60, 100, "F2", 10, "\\002"), _text(75, 100, "F1", 10, "Une étape"),
    ]))
    with pymupdf.open(path) as doc:
        kinds = font_kinds(doc, doc[0])
        assert kinds == {"ZapfDingbats": "symbol"}  # re-encoded, yet its codes number glyphs
        spans = [s for b in doc[0].get_text("dict")["blocks"] for l in b["lines"] for s in l["spans"]]
        read = [icon_text(kinds.get(s["font"], "text"), s["text"]).strip() for s in spans]
        assert [t for t in read if t] == ["➔", "Une étape"]


def test_a_text_font_with_named_letters_is_no_symbol_font(tmp_path):
    from editiondiff.extract.layout.icons import names_glyphs_by_number

    path = _pdf_with_fonts(tmp_path / "fonts.pdf", _text(60, 100, "F1", 10, "w"))
    with pymupdf.open(path) as doc:
        assert not names_glyphs_by_number(doc, 4)  # a named encoding, no /Differences
        assert names_glyphs_by_number(doc, 5)


def test_a_card_whose_deadline_icon_is_lost_reads_its_step_and_deadline_apart(tmp_path):
    """The pointing hand has no Unicode meaning (MuPDF gives U+000C): an icon whose picture is lost
    opens a paragraph of its own, so the deadline is not read into the step above it."""
    lines = [
        _text(60, 100, "F1", 12, "ACTION LA1 - Regles de labellisation"),
        _text(60, 120, "F1", 10, "Evaluer les attentes et definir les regles de labellisation"),
        _text(60, 136, "F2", 10, "\\002"), _text(75, 136, "F1", 10, "Definir les regles et consulter les industriels"),
        _text(75, 148, "F1", 10, "du numerique"),
        _text(60, 164, "F2", 10, "\\001"), _text(75, 164, "F1", 10, "4e trimestre 2020"),
    ]
    path = _pdf_with_fonts(tmp_path / "card.pdf", "\n".join(lines))
    from editiondiff.extract.pdf import read_pdf

    blocks = [(b.kind, b.text) for b in read_pdf(path).blocks]
    assert blocks[-2:] == [("list_item", "Definir les regles et consulter les industriels du numerique"), ("paragraph", "4e trimestre 2020")]


def test_an_icon_of_no_known_role_opens_a_block_read_by_its_words(tmp_path):
    from editiondiff.extract.text import lines_to_drafts

    drafts = lines_to_drafts(["Suivre et ameliorer l'impact du label", "↑ DINUM", "☞ 1er trimestre 2021"])
    assert [(d.text, d.attrs.get("glyph"), d.attrs.get("lost_icon")) for d in drafts] == [
        ("Suivre et ameliorer l'impact du label", None, None), ("DINUM", "↑", "true"), ("1er trimestre 2021", "☞", "true")]
    # ASCII and the icons the vocabulary knows are not taken for unknown ones
    assert [d.attrs.get("glyph") for d in lines_to_drafts(["+ 5 % en 2021"])] == [None]


def test_a_raised_space_after_a_superscript_is_the_gap_before_the_next_word():
    from editiondiff.extract.layout.settings import LayoutSettings
    from editiondiff.extract.layout.spans import line_text

    spans = [Span(" 3", "Times-Roman", 9.5, (71, 394, 78, 404)), Span("e", "Times-Roman", 7.5, (78, 391, 82, 398), sup=True),
             Span(" ", "Times-Roman", 9.5, (82, 389, 84, 404), sup=True), Span("trimestre 2020", "Times-Roman", 9.5, (84, 394, 139, 404))]
    line = Line(1, spans, (71, 389, 139, 404), 9.5)
    assert line_text(line, LayoutSettings().for_body(9.5)).strip() == "3e trimestre 2020"


def _line(text: str) -> Line:
    return Line(1, [], (0, 0, 10, 10), 10, text)


def test_a_document_that_hyphenates_with_an_ascii_hyphen_has_its_other_cuts_joined_by_the_patterns():
    """Three line ends cut words the document holds whole elsewhere: it hyphenates so, and the
    French patterns settle the cuts its own words cannot ("appro-" + "priation")."""
    lines = ["le numé-", "rique et le numérique", "la docu-", "mentation et la documentation", "une solu-", "tion, la solution",
             "l'appro-", "priation du label", "des in-", "dustriels in fine", "des elles-", "mêmes et les mêmes"]
    words = vocabulary([[_line(t) for t in lines]])
    assert words.hyphenates
    assert "rique" not in words and "priation" not in words  # the rest of a cut word is no word either
    assert join("l'appro-", "priation du label", words) == "l'appropriation du label"
    assert join("des in-", "dustriels in fine", words) == "des industriels in fine"  # a prefix that is a word too
    assert join("des elles-", "mêmes et les mêmes", words) == "des elles-mêmes et les mêmes"  # its rest is a word: a compound


def test_a_document_that_never_hyphenates_keeps_the_hyphen_of_a_compound_cut_at_a_line_end():
    words = vocabulary([[_line(t) for t in ("une étude technico-", "économique", "et une carrière (corps-", "grade, contrats)")]])
    assert not words.hyphenates
    assert join("une étude technico-", "économique", words) == "une étude technico-économique"
    assert join("(corps-", "grade, contrats)", words) == "(corps-grade, contrats)"


def test_capitals_cut_at_a_line_end_are_joined_when_the_document_holds_the_word():
    words = vocabulary([[_line("la DINUM et"), _line("le service DI-"), _line("NUM (appui)")]])
    assert join("le service DI-", "NUM (appui)", words) == "le service DINUM (appui)"
    assert join("le CNAM-", "DINUM", words) == "le CNAM- DINUM"


# -- a card's steps set as a borderless table in a narrow column (tbl), on troff's baseline grid ------

def _at(text: str, x0: float, y0: float, x1: float, *, size: float = 9.5, bold: bool = False, block: int = 0, col_right: float = 530.0) -> Line:
    line = Line(1, [Span(text, "Times-Bold" if bold else "Times-Roman", size, (x0, y0, x1, y0 + size), bold=bold)], (x0, y0, x1, y0 + size), size, text,
                block=block, col_right=col_right)
    line.starts_new_line = text.startswith("➔")
    line.first_word_width = (x1 - x0) / max(len(text), 1) * ((text.find(" ") if " " in text else len(text)) + 1)
    return line


def _settings():
    from editiondiff.extract.layout.settings import LayoutSettings

    return LayoutSettings().for_body(9.5)


def test_a_justified_row_in_a_cell_narrower_than_its_column_is_one_line():
    """The row's words stand apart by wider gaps than a line may hold (2.5 em), and its last word ends
    where the step's lines end (the cell's edge), far left of the column's edge: one line again."""
    from editiondiff.extract.layout.justified import join_justified

    above = _at("➔ Suivre les offres de tous les cercles du", 312, 674, 461)
    row = [_at("Suivre", 328, 686, 353), _at("l'industrialisation", 377, 686, 425), _at("des", 449, 686, 461)]
    below = _at("offres (ministère de l'Intérieur, ministères", 328, 698, 461)
    out = join_justified([above, *row, below], _settings())
    assert [line.text for line in out] == [above.text, "Suivre l'industrialisation des", below.text]
    # without a line of its paragraph ending there, the row is a row of pieces (cells, a scale)
    alone = [_at("Suivre", 328, 686, 353), _at("l'industrialisation", 377, 686, 425), _at("des", 449, 686, 461)]
    assert len(join_justified(alone, _settings())) == 3


def _portability_step(pour_ends: float = 387, ensemble_ends: float = 438):
    """A step wrapped in a narrow cell (troff's tbl), two of its rows cut at their wide spaces, and
    the next step: (item line, first cut row, second cut row, next item)."""
    item = _at("➔ Mettre en place la portabilité des", 312, 674, 461, block=5)
    row = [_at("données", 328, 686, 361, block=5), _at("pour", 369, 686, pour_ends, block=5), _at("l'ensemble", 397, 686, ensemble_ends, block=5),
           _at("des", 449, 686, 461, block=5)]
    rest = [_at("agents", 328, 698, 355, block=5), _at("publics,", 365, 698, 397, block=5), _at("titulaires", 408, 698, 444, block=5),
            _at("et", 454, 698, 461, block=5)]
    nxt = _at("➔ Offrir la possibilité aux agents", 312, 722, 461, block=6)
    return item, row, rest, nxt


def test_the_last_word_of_a_justified_row_beside_a_step_is_no_deadline():
    """A step wrapped in a narrow cell, one of its rows cut at its wide spaces: the row's last word,
    at the cell's edge, stands from the word before it as the row's words do, and is no aside."""
    from editiondiff.extract.layout.asides import attach_asides

    item, row, rest, nxt = _portability_step()
    end = _at("contractuels", 328, 710, 374, block=5)
    lines = attach_asides([item, *row, *rest, end, nxt], _settings())
    assert all(not line.aside for line in lines) and len(lines) == 11


def test_two_columns_of_prose_on_one_baseline_grid_are_no_table():
    """troff sets both columns on one grid, so their lines pair up as rows would; a column whose text
    runs on from row to row is running text, though another column holds figures."""
    from editiondiff.extract.layout.borderless import page_tables

    left = ["OBJECTIF : concentrer les efforts budgétaires et les", "compétences sur les infrastructures (réseaux et services",
            "de base) les plus essentielles au bon fonctionnement de", "l'État, qui sont partagées par toutes les administrations", "et leurs opérateurs."]
    steps = ["➔ Réaliser une étude technico-", "économique", "➔ Construire le cloud cercle 2", "avec l'industriel retenu", "➔ Déployer l'offre de service"]
    dates = ["12", "40 %", "15", "30 %", "8"]
    lines = []
    for k, (a, b, c) in enumerate(zip(left, steps, dates)):
        y = 100 + 12 * k
        lines += [_at(a, 62, y, 281), _at(b, 312, y, 440), _at(c, 470, y, 530)]
    assert page_tables(lines, 1, set(), _settings()) == []
    # the same dates beside labels that each end in their own row: a table
    labels = ["Prototypes réalisés", "Outils labellisés", "Produits utilisés", "Économies réalisées", "Identifications"]
    table = []
    for k, (a, c) in enumerate(zip(labels, dates)):
        y = 100 + 12 * k
        table += [_at(a, 62, y, 160), _at(f"{k + 1} 000", 312, y, 340), _at(c, 470, y, 530)]
    assert len(page_tables(table, 1, set(), _settings())) == 1


def test_a_status_stamp_under_a_bold_title_as_long_as_its_column_is_its_own_line():
    from editiondiff.extract.layout.paragraphs import lines_to_groups

    title = _at("ACTION DA1 → Guichet Dites-le-nous une fois, partout", 62, 336, 255, bold=True, col_right=281)
    stamp = _at("Objectif atteint ✓", 62, 348, 129, col_right=281)
    assert [len(g.lines) for g in lines_to_groups([title, stamp], _settings())] == [1, 1]
    # a bold phrase filling its line, the sentence going on under it in roman, stays one paragraph
    phrase = _at("du programme environnement de travail de l'agent", 62, 336, 280, bold=True, col_right=281)
    after = _at("(action IN 5). L'objectif de ce dernier est atteint.", 62, 348, 250, col_right=281)
    assert [len(g.lines) for g in lines_to_groups([phrase, after], _settings())] == [2]


def test_a_justified_row_of_two_pieces_in_a_cell_is_one_line_and_keeps_the_deadline_beside_it():
    from editiondiff.extract.layout.justified import join_justified

    item = _at("➔ Contribuer au", 312, 342, 387)
    word = _at("décloisonnement", 397, 343, 461)
    word.aside = [_at("Généralisation", 475, 343, 530)]
    below = _at("des applications ministérielles et à", 328, 355, 461)
    out = join_justified([item, word, below], _settings())
    assert [line.text for line in out] == ["➔ Contribuer au décloisonnement", below.text]
    assert [a.text for a in out[0].aside] == ["Généralisation"]
    # a piece opening with a capital beside a step is not its sentence going on
    other = join_justified([_at("➔ Contribuer au", 312, 342, 387), _at("Décembre", 420, 343, 461), below], _settings())
    assert len(other) == 3


def test_a_line_of_another_column_level_with_a_justified_row_is_no_piece_of_it():
    """Columns are not known when asides are read: the left column's line on the same baseline must
    not break the run of the row's evenly spaced words."""
    from editiondiff.extract.layout.asides import attach_asides

    left = _at("nistrations", 62, 686, 102, block=1)
    item, row, rest, nxt = _portability_step(pour_ends=389, ensemble_ends=441)
    owner = _at("↑ DINUM", 62, 698, 103, block=2)
    lines = attach_asides([left, owner, item, *row, *rest, nxt], _settings())
    assert all(not line.aside for line in lines) and len(lines) == 12
