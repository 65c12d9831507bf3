"""Pitfall: a status stamp printed on a card heading's line, before its code ("Fait ✓  ACTION LA2 …"),
beside it or in a box of its own on its left. The card must keep its code, its title and the stamp
as its status; the card above must not take the stamp."""

from __future__ import annotations

from pathlib import Path

import pytest

from editiondiff.extract.landmarks import Landmarks
from editiondiff.extract.pipeline import extract_edition
from editiondiff.profiles import load_profile

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _actions(path: Path):
    edition = extract_edition([path], edition_id="stamp", manifest=None)
    return {a.code: a for a in edition.actions}


def test_a_stamp_before_the_code_is_no_part_of_the_heading():
    marks = Landmarks(load_profile())
    assert marks.parse_action_heading("Fait ✓  ACTION LA2 → Catalogue") == ("LA2", "LA2", "Catalogue")
    assert marks.heading_stamp("Objectif atteint ✓ ACTION IN 5 → Environnement") == ("Objectif atteint ✓", "ACTION IN 5 → Environnement")
    assert marks.heading_stamp("Fait ✓ACTION TA1 : Talents") == ("Fait ✓", "ACTION TA1 : Talents")
    # words that are no status before a heading-like phrase: not a heading, not a stamp
    assert marks.parse_action_heading("Voir ACTION LA2 → Catalogue") is None
    assert marks.heading_stamp("ACTION LA2 → Catalogue") is None


def _two_cards(path: Path, stamp_at: str) -> Path:
    """Two cards; the second's heading has the stamp "Fait ✓" on its line, on its left."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)

    def text(x, y, s, size=10.0):
        page.insert_text((x, y), s, fontsize=size, fontfile=FONT, fontname="dv")

    text(60, 80, "ACTION LA1 → Premier titre", 12)
    text(60, 100, "Définir les règles de la première action")
    text(60, 116, "➔ Une étape de la première action")
    y, x = 160, {"glued": 105, "apart": 160, "box": 160}[stamp_at]
    if stamp_at == "box":
        page.draw_rect(pymupdf.Rect(55, y - 14, 120, y + 5), color=(0, 0.5, 0), width=1)
    # the stamp set one point higher than the heading's baseline, in the heading's size: read first by rows
    text(60, y - 1, "Fait ✓", 12)
    text(x, y, "ACTION LA2 → Catalogue", 12)
    text(x, y + 20, "Construire le catalogue des solutions")
    text(x, y + 36, "➔ Une étape de la seconde action")
    doc.save(path)
    return path


@pytest.mark.parametrize("stamp_at", ["glued", "apart", "box"])
def test_a_stamp_on_the_heading_line_gives_its_card_status_and_code_in_a_pdf(tmp_path, stamp_at):
    actions = _actions(_two_cards(tmp_path / f"stamp-{stamp_at}.pdf", stamp_at))
    assert sorted(actions) == ["LA1", "LA2"]
    assert actions["LA2"].title == "Catalogue"
    assert actions["LA2"].completed and actions["LA2"].status_printed == "Fait ✓"
    assert not actions["LA1"].completed and actions["LA1"].status_printed is None
    assert actions["LA2"].objective == "Construire le catalogue des solutions"


@pytest.mark.parametrize("gap", ["  ", " "])
def test_a_stamp_on_the_heading_line_in_a_text_edition(tmp_path, gap):
    """The text conventions print things side by side with a wide gap; a single space glues them."""
    path = tmp_path / "stamp.txt"
    path.write_text(
        "ACTION LA1 → Premier titre\n\nDéfinir les règles de la première action\n\n➔ Une étape de la première action\n\n"
        f"Fait ✓{gap}ACTION LA2 → Catalogue\n\nConstruire le catalogue des solutions\n\n➔ Une étape de la seconde action\n",
        encoding="utf-8",
    )
    actions = _actions(path)
    assert sorted(actions) == ["LA1", "LA2"]
    assert actions["LA2"].completed and actions["LA2"].status_printed == "Fait ✓" and actions["LA2"].title == "Catalogue"
    assert not actions["LA1"].completed


def test_the_layout_view_draws_the_stamp_where_the_reader_reads_it(tmp_path):
    """The layout view numbers the lines in the reader's own order (`pdf.ReadingTrace`): the stamp
    comes after the heading it stands before, not at the end of the card above."""
    from editiondiff.extract.layout.debug import draw_page
    from editiondiff.extract.pdf import ReadingTrace, read_pdf

    path = _two_cards(tmp_path / "stamp-apart.pdf", "apart")
    seen: list[ReadingTrace] = []
    read_pdf(path, trace=seen)
    texts = [line.text for line in seen[0].ordered_pages[0]]
    assert texts.index("Fait ✓") == texts.index("ACTION LA2 → Catalogue") + 1
    assert seen[0].settings.body_reference_pt == 10.0  # scaled to the body text, as read
    out = draw_page(path, 1, tmp_path / "page.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
