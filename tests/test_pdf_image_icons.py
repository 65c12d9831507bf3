"""Icons placed as pictures (embedded images) beside card lines (issue 13, "icons drawn as images").

The reader's text flags leave image blocks out of `get_text`, so the pictures of a page are asked for
separately; a picture is told from another by its content, not only its size.
"""

from __future__ import annotations

import pymupdf

from editiondiff.extract.layout.drawn_icons import apply_drawn_icons, drawn_icons
from editiondiff.extract.layout.settings import DEFAULT_LAYOUT
from editiondiff.extract.layout.spans import page_lines


def _picture(colour: tuple[int, int, int], shape: str) -> bytes:
    """A 16x16 PNG: a filled triangle ('arrow') or a bar ('up'), in `colour`."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 16, 16), False)
    pix.clear_with(255)
    for y in range(16):
        for x in range(16):
            inside = x <= y // 2 + 8 and x >= 8 - y // 2 if shape == "up" else x <= 8 + (8 - abs(8 - y)) // 1 and x >= 3
            if inside:
                pix.set_pixel(x, y, colour)
    return pix.tobytes("png")


STEPS = [
    ("Dresser l'inventaire des registres tenus par les préfectures", "Fait"),
    ("Ouvrir un registre commun consultable en ligne", "1er semestre 2024"),
    ("Relier le registre aux téléservices des communes", "2025"),
]


def _card(path) -> None:
    arrow, up = _picture((0, 0, 145), "arrow"), _picture((200, 0, 0), "up")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((60, 80), "ACTION RG2 → Registre commun des associations", fontsize=13, fontname="hebo")
    page.insert_text((60, 110), "Simplifier la tenue des registres locaux pour les associations", fontsize=10, fontname="helv")
    page.insert_image(pymupdf.Rect(60, 127, 69, 136), stream=up)
    page.insert_text((74, 135), "Ministère de l'Intérieur", fontsize=10, fontname="helv")
    y = 165
    for text, deadline in STEPS:
        page.insert_image(pymupdf.Rect(60, y - 8, 69, y + 1), stream=arrow)
        page.insert_text((74, y), text, fontsize=10, fontname="helv")
        page.insert_text((440, y), deadline, fontsize=10, fontname="helv")
        y += 22
    doc.set_metadata({"title": "Carte fictive (test)", "producer": "editiondiff tests"})
    doc.save(path)


def test_pictures_beside_lines_are_their_icons_and_the_commonest_marks_the_list(tmp_path):
    path = tmp_path / "image-icons-fictitious.pdf"
    _card(path)
    doc = pymupdf.open(path)
    page = doc[0]
    flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_PRESERVE_LIGATURES
    lines = page_lines(page.get_text("dict", flags=flags), 1, DEFAULT_LAYOUT)
    pictures = [(tuple(i["bbox"]), i["digest"]) for i in page.get_image_info(hashes=True)]
    assert len(pictures) == 4
    found = drawn_icons(lines, [], pictures, DEFAULT_LAYOUT)
    # every line with a picture on its left, and the two pictures are two icons although of one size
    assert len(found) == 4
    assert len({signature for _, signature, _ in found}) == 2
    apply_drawn_icons(found, DEFAULT_LAYOUT)
    marked = [l.text.strip() for l in lines if l.text.lstrip().startswith("•")]
    assert [m.removeprefix("•").strip() for m in marked] == [text for text, _ in STEPS]


def test_a_card_with_picture_icons_reads_its_steps_owner_and_deadlines(tmp_path):
    from editiondiff.pipeline import build_edition

    path = tmp_path / "image-icons-fictitious.pdf"
    _card(path)
    edition = build_edition([path])
    action = next(a for a in edition.actions if a.code == "RG2")
    assert action.owners_printed == ["Ministère de l'Intérieur"]
    assert [s.text for s in action.steps] == [text for text, _ in STEPS]
    assert [s.deadline_printed for s in action.steps] == [d for _, d in STEPS]
