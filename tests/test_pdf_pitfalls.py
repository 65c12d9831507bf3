"""Pitfalls of other producers' text layers, each on a page dictionary as PyMuPDF gives it
(`page.get_text("dict")`), so that each is tested alone, then through the layout steps."""

from __future__ import annotations

from editiondiff.extract.layout.asides import attach_asides
from editiondiff.extract.layout.icons import icon_text
from editiondiff.extract.layout.regions import order_regions, page_boxes
from editiondiff.extract.layout.settings import DEFAULT_LAYOUT
from editiondiff.extract.layout.spans import page_lines


def _span(text, x0, y0, *, size=10.0, font="DejaVuSans", width=None):
    width = width if width is not None else 0.5 * size * len(text)
    return {"text": text, "font": font, "size": size, "flags": 0, "bbox": (x0, y0, x0 + width, y0 + 1.2 * size)}


def _page(*lines):
    """One MuPDF block per line, each line a list of spans."""
    return {"blocks": [{"type": 0, "lines": [{"spans": list(spans)}]} for spans in lines]}


def _texts(lines):
    return [l.text for l in lines]


def test_private_use_bullets_of_word_processors_are_bullets():
    assert icon_text("OpenSymbol", "\uf0b7") == "•"
    assert icon_text("Wingdings", "\uf0e8") == "➔"
    lines = page_lines(_page([_span("\uf0b7", 57, 100, width=4)], [_span("Promouvoir le label", 75, 100)]), 1, DEFAULT_LAYOUT)
    assert _texts(lines) == ["• Promouvoir le label"] and lines[0].starts_new_line


def test_a_glyph_without_unicode_meaning_is_a_lost_icon_not_garbage():
    """A Type 3 arrow that extracts as a control code, a missing emoji as U+FFFD: a space where the icon was."""
    for code in ("\x02", "\x00", "\ufffd"):
        assert icon_text("T3Font_0", code + " 1er trimestre 2021") == "  1er trimestre 2021"
    # the dingbat codes that do mean an icon keep their meaning
    assert icon_text("symbol", "\x13") == "✓"


def test_code_in_a_pill_runs_on_into_its_title():
    lines = page_lines(_page([_span("ACTION LA1", 63, 53)], [_span("→ Règles de labellisation", 130, 52)]), 1, DEFAULT_LAYOUT)
    assert _texts(lines) == ["ACTION LA1 → Règles de labellisation"]


def test_two_columns_are_not_glued_like_labels():
    page = _page([_span("fin de ligne.", 50, 100)], [_span("Début de la colonne de droite", 300, 100)])
    assert len(page_lines(page, 1, DEFAULT_LAYOUT)) == 2


def _step_rows():
    """Two steps, each wrapping, with their deadlines right-aligned at x = 393 and wrapping too."""
    return page_lines(
        _page(
            [_span("➔ Offrir une délégation d'identité", 56, 317, width=190)],
            [_span("pour les aidants et représentants", 56, 330, width=170)],
            [_span("Expérimentation", 314, 317, width=79)],
            [_span("faite 1er semestre", 307, 330, width=86)],
            [_span("➔ Déployer FranceConnect", 56, 360, width=150)],
            [_span("En cours, jusqu'à fin", 297, 360, width=96)],
            [_span("2022", 369, 373, width=24)],
        ),
        1,
        DEFAULT_LAYOUT,
    )


def test_a_deadline_printed_beside_a_step_belongs_to_that_step():
    lines = attach_asides(_step_rows(), DEFAULT_LAYOUT)
    by_text = {l.text: [a.text for a in l.aside] for l in lines}
    assert by_text["➔ Offrir une délégation d'identité"] == ["Expérimentation", "faite 1er semestre"]
    assert by_text["➔ Déployer FranceConnect"] == ["En cours, jusqu'à fin", "2022"]
    assert "Expérimentation" not in by_text


def test_a_column_beside_a_list_is_no_aside():
    lines = page_lines(
        _page(
            [_span("• Un élément de liste", 50, 100, width=100)],
            [_span("Un paragraphe de la colonne de droite qui", 300, 88, width=200)],
            [_span("continue à hauteur de l'élément", 300, 100, width=160)],
            [_span("et plus bas encore.", 300, 112, width=100)],
        ),
        1,
        DEFAULT_LAYOUT,
    )
    assert all(not l.aside for l in attach_asides(lines, DEFAULT_LAYOUT))


def test_side_panel_is_read_after_the_card_it_stands_in_and_cards_in_order():
    """Two cards as boxes, each with a filled panel on the right: card 1 (main, panel), then card 2."""
    drawings = [
        {"items": [("re", (50, 40, 550, 140), -1)]},
        {"items": [("re", (400, 60, 540, 130), -1)]},
        {"items": [("re", (50, 150, 550, 250), -1)]},
        {"items": [("re", (400, 170, 540, 240), -1)]},
    ]
    boxes = page_boxes(drawings, 595, 842, DEFAULT_LAYOUT)
    assert len(boxes) == 4
    lines = page_lines(
        _page(
            [_span("ACTION AA1 → Premier", 56, 45, width=150)],
            [_span("DINUM", 410, 65, width=40)],
            [_span("➔ Une étape du premier", 56, 65, width=150)],
            [_span("ACTION AA2 → Second", 56, 155, width=150)],
            [_span("Ministère", 410, 175, width=60)],
            [_span("➔ Une étape du second", 56, 175, width=150)],
        ),
        1,
        DEFAULT_LAYOUT,
    )
    ordered = order_regions(lines, boxes, 595, DEFAULT_LAYOUT)
    assert _texts(ordered) == ["ACTION AA1 → Premier", "➔ Une étape du premier", "DINUM", "ACTION AA2 → Second", "➔ Une étape du second", "Ministère"]
    assert len({l.column for l in ordered}) >= 4  # no paragraph runs from one box into another


def test_boxes_that_are_rules_or_the_page_background_are_no_regions():
    drawings = [{"items": [("re", (0, 0, 595, 842), -1)]}, {"items": [("re", (50, 100, 550, 101), -1)]}]
    assert page_boxes(drawings, 595, 842, DEFAULT_LAYOUT) == []


def test_a_title_opening_several_pages_is_no_running_header():
    """Recurring by place alone is not enough: the card under the title runs on from it."""
    from editiondiff.extract.layout.running import drop_running_lines

    titles = {1: "ACTION AA1 → Catalogue", 2: "ACTION AA2 → Label", 3: "ACTION AA3 → Service"}
    pages = []
    for number in range(1, 4):
        pages.append(
            page_lines(
                _page(
                    [_span("- LABEL -", 50, 20, size=8)],
                    [_span(titles[number], 50, 45, size=10.5)],
                    [_span("Objectif de la carte, une phrase", 50, 60)],
                ),
                number,
                DEFAULT_LAYOUT,
            )
        )
    kept = drop_running_lines(pages, [842.0] * 3, DEFAULT_LAYOUT)
    assert [_texts(p) for p in kept] == [[titles[n], "Objectif de la carte, une phrase"] for n in range(1, 4)]


def _pdf(tmp_path, text: str):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    page.insert_text((40, 60), text, fontsize=11, fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fontname="dv")
    path = tmp_path / "garbled.pdf"
    doc.save(path)
    return path


def test_fonts_without_unicode_mapping_are_an_unreadable_text_layer_exit_2(tmp_path):
    """Private-use garbage, as a font in a private encoding extracts, is refused like a scan."""
    import subprocess
    import sys

    import pytest

    from editiondiff.errors import NoTextLayer
    from editiondiff.extract.pdf import read_pdf

    path = _pdf(tmp_path, "".join(chr(0xE000 + i) for i in range(40)))
    with pytest.raises(NoTextLayer, match="text layer unreadable"):
        read_pdf(path)
    result = subprocess.run([sys.executable, "-m", "editiondiff.cli", "extract", str(path)], capture_output=True, text=True)
    assert result.returncode == 2 and "text layer unreadable" in result.stderr and "Traceback" not in result.stderr


def test_cid_tokens_count_as_unreadable():
    from editiondiff.extract.layout.readable import unreadable_chars

    assert unreadable_chars(_page([_span("(cid:12)(cid:40)(cid:7) ok", 10, 10)])) == (3, 5)


def test_layout_debug_view_draws_a_page(tmp_path):
    """`editiondiff layout FILE --page N -o page.png` writes a PNG; a page out of range is one line, exit 2."""
    from pathlib import Path

    from click.testing import CliRunner

    from editiondiff.cli import main

    pdf = Path(__file__).resolve().parents[1] / "tests" / "data" / "layouts" / "mi-2020_retypeset_chromium-panel-right.pdf"
    out = tmp_path / "page.png"
    result = CliRunner().invoke(main, ["layout", str(pdf), "--page", "4", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = CliRunner().invoke(main, ["layout", str(pdf), "--page", "99", "-o", str(out)])
    assert result.exit_code == 2 and "no page 99" in result.output


def test_layout_debug_view_draws_a_page_that_holds_a_table(tmp_path):
    """The reading the view draws is the page's lines as read, before the tables are stitched into
    the reading order (the view once met a table among the lines and failed)."""
    from pathlib import Path

    from click.testing import CliRunner

    from editiondiff.cli import main

    root = Path(__file__).resolve().parents[1]
    for pdf, page in ((root / "corpus" / "pdf" / "mi-2020_retypeset_pymupdf.pdf", "30"),
                      (root / "tests" / "data" / "layouts" / "mi-2020_retypeset_chromium-no-icons.pdf", "17")):
        out = tmp_path / f"{pdf.stem}.png"
        result = CliRunner().invoke(main, ["layout", str(pdf), "--page", page, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_icons_drawn_as_paths_mark_list_items_by_their_commonest_shape():
    """Steps drawn with an arrow path (twice as common as the owner's arrow up) become list items."""
    from editiondiff.extract.layout.drawn_icons import apply_drawn_icons, drawn_icons

    right = [("l", (0, 4), (6, 4)), ("l", (6, 4), (6, 1)), ("l", (6, 1), (10, 5)), ("l", (10, 5), (6, 9))]
    up = [("l", (5, 0), (10, 6)), ("l", (10, 6), (7, 6)), ("l", (7, 6), (7, 10)), ("l", (7, 10), (3, 10))]

    def at(shape, x, y):  # the shape drawn 8 pt wide at (x, y), a little off the point grid
        items = [(k, (x + 0.8 * p[0] + 0.03, y + 0.8 * p[1]), (x + 0.8 * q[0], y + 0.8 * q[1])) for k, p, q in shape]
        return {"items": items, "rect": (x, y, x + 8, y + 8), "fill": (0.0, 0.0, 0.57)}

    rows = [("Une étape", right), ("Une autre étape", right), ("DINUM", up), ("Une troisième étape", right)]
    lines = page_lines(_page(*([_span(text, 70, 100 + 20 * i)] for i, (text, _) in enumerate(rows))), 1, DEFAULT_LAYOUT)
    drawings = [at(shape, 60 + 0.1 * i, 101 + 20 * i) for i, (_, shape) in enumerate(rows)]
    apply_drawn_icons(drawn_icons(lines, drawings, [], DEFAULT_LAYOUT), DEFAULT_LAYOUT)
    assert _texts(lines) == ["• Une étape", "• Une autre étape", "DINUM", "• Une troisième étape"]
    assert [l.starts_new_line for l in lines] == [True, True, False, True]


def test_letter_spaced_capitals_are_closed_up_and_ordinary_short_words_kept():
    lines = page_lines(_page([_span("L A B E L", 50, 100)], [_span("M I S S I O N S  E T  A C T I O N S", 50, 130)], [_span("il y a à faire", 50, 160)]), 1, DEFAULT_LAYOUT)
    assert _texts(lines) == ["LABEL", "MISSIONS  ET  ACTIONS", "il y a à faire"]


def test_dot_leaders_before_a_right_aligned_deadline_are_a_wide_gap():
    lines = page_lines(_page([_span("- ➔ Publier le catalogue ........... 2nd semestre 2020", 50, 100)], [_span("Des contrats...", 50, 120)]), 1, DEFAULT_LAYOUT)
    assert _texts(lines) == ["- ➔ Publier le catalogue  2nd semestre 2020", "Des contrats..."]


def _one_page(tmp_path, name, draw):
    import pymupdf

    doc = pymupdf.open()
    draw(doc)
    path = tmp_path / name
    doc.save(path)
    return path


def test_rotated_pages_two_up_sheets_and_text_without_spaces(tmp_path):
    """/Rotate 90, pages imposed two-up through Form XObjects, words placed one by one without spaces (TeX)."""
    import pymupdf

    from editiondiff.extract.pdf import read_pdf

    def rotated(doc):
        page = doc.new_page(width=595, height=842)
        page.insert_text((50, 100), "Une phrase d'objectif assez longue pour la carte.", fontsize=10)
        page.set_rotation(90)

    def unspaced(doc):
        page, x = doc.new_page(width=595, height=842), 50.0
        for word in "Une phrase sans espaces dans le texte".split():
            page.insert_text((x, 100), word, fontsize=10)
            x += pymupdf.get_text_length(word, fontsize=10) + 3

    def two_up(doc):
        source = pymupdf.open()
        for n in (1, 2):
            p = source.new_page(width=297, height=420)
            p.insert_text((20, 60), f"Page {n} : début du texte de la page", fontsize=9)
            p.insert_text((20, 75), f"suite du texte de la page {n}.", fontsize=9)
        sheet = doc.new_page(width=594, height=420)
        sheet.show_pdf_page(pymupdf.Rect(0, 0, 297, 420), source, 0)
        sheet.show_pdf_page(pymupdf.Rect(297, 0, 594, 420), source, 1)

    def texts(path):
        return [b.text for b in read_pdf(path).blocks]

    assert texts(_one_page(tmp_path, "rotated.pdf", rotated)) == ["Une phrase d'objectif assez longue pour la carte."]
    assert texts(_one_page(tmp_path, "tex.pdf", unspaced)) == ["Une phrase sans espaces dans le texte"]
    assert texts(_one_page(tmp_path, "two-up.pdf", two_up)) == [
        "Page 1 : début du texte de la page suite du texte de la page 1.",
        "Page 2 : début du texte de la page suite du texte de la page 2.",
    ]


def test_drawn_icon_outlines_take_quads_rectangles_and_curves():
    from editiondiff.extract.layout.drawn_icons import _outline

    items = [("qu", ((0, 0), (8, 0), (0, 8), (8, 8))), ("re", (0, 0, 8, 8), -1), ("c", (0, 0), (2, 2), (4, 4), (8, 8)), ("l", (8, 8), (0, 0))]
    assert [k for k, _, _ in _outline(items, (0, 0, 8, 8))] == ["qu", "re", "c", "l"]
