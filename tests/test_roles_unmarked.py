"""Roles of card lines by words and place, with no icon and no list marker (issue 13, "Icons by place and words").

The card PDF here is made with ReportLab in wording of its own (not the mid-2020 brochure's), steps set
as a borderless two-cell row each (the step, its deadline pushed right), no icon anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editiondiff.extract.cards import _lone_icons_to_next
from editiondiff.extract.layout.icons import font_kinds, icon_text
from editiondiff.schemas.blocks import Block
from editiondiff.schemas.provenance import Provenance

reportlab = pytest.importorskip("reportlab")

STEPS = [
    ("Recenser les guichets existants dans chaque préfecture", "Fait"),
    ("Ouvrir un formulaire unique pour les demandes de subvention", "2e semestre 2023"),
    ("Publier le code source du portail", None),
    ("Former les agents d'accueil à la nouvelle procédure", "Fin 2024"),
]


def _card_pdf(path: Path) -> Path:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=9)
    head = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold", fontSize=12, leading=15)
    step = ParagraphStyle("step", parent=body, spaceAfter=0)
    due = ParagraphStyle("due", parent=step, alignment=TA_RIGHT, fontName="Helvetica-Oblique")
    flow = [
        Paragraph("ACTION PX3 → Portail unique des démarches locales", head),
        Paragraph("Offrir aux associations un seul point d'entrée pour leurs démarches auprès des services de l'État", body),
        Paragraph("DINUM et Ministère de l'Intérieur", body),
    ]
    rows = [[Paragraph(text, step), Paragraph(deadline or "", due)] for text, deadline in STEPS]
    table = Table(rows, colWidths=[330, 130], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    flow.append(table)
    flow.append(Paragraph("ACTION PX4 → Annuaire des aides", head))
    flow.append(Paragraph("Tenir à jour la liste des aides ouvertes aux associations", body))
    SimpleDocTemplate(str(path), pagesize=A4).build(flow)
    return path


def test_a_card_with_no_icon_and_no_marker_gets_its_steps_owner_and_step_deadlines(tmp_path):
    from editiondiff.pipeline import build_edition

    edition = build_edition([_card_pdf(tmp_path / "card.pdf")])
    action = next(a for a in edition.actions if a.code == "PX3")
    assert action.objective.startswith("Offrir aux associations un seul point d'entrée")
    assert action.owners_printed == ["DINUM et Ministère de l'Intérieur"]
    assert [s.text for s in action.steps] == [text for text, _ in STEPS]
    assert [s.deadline_printed for s in action.steps] == [deadline for _, deadline in STEPS]
    other = next(a for a in edition.actions if a.code == "PX4")
    assert other.objective == "Tenir à jour la liste des aides ouvertes aux associations" and not other.steps


def test_prose_set_line_by_line_is_no_list(tmp_path):
    """Lines of one paragraph written one text object each stay one paragraph: each one fills the measure."""
    import pymupdf

    from editiondiff.extract.pdf import read_pdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    words = "Le portail réunit les démarches des associations et les oriente vers le bon service sans détour".split()
    lines, current = [], ""
    for word in words:  # wrap at a measure of 200 points
        trial = (current + " " + word).strip()
        if pymupdf.get_text_length(trial, fontsize=10) > 200 and current:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    for i, text in enumerate(lines):
        page.insert_text((60, 100 + 12 * i), text, fontsize=10)
    path = tmp_path / "prose.pdf"
    doc.save(path)
    blocks = read_pdf(path).blocks
    assert [b.kind for b in blocks] == ["paragraph"] and blocks[0].text == " ".join(words)


def test_symbol_fonts_are_told_by_their_properties_not_their_names(tmp_path):
    """A font read through its built-in codes is a symbol font whatever it is called; a text font
    with an encoding never is, so its 'w' stays a letter."""
    import pymupdf
    from reportlab.pdfgen import canvas

    path = tmp_path / "fonts.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("ZapfDingbats", 10)
    c.drawString(50, 700, "✓")
    c.setFont("Helvetica", 10)
    c.drawString(70, 700, "w 1er trimestre 2024")
    c.save()
    doc = pymupdf.open(path)
    kinds = font_kinds(doc, doc[0])
    assert list(kinds.values()) == ["symbol"] and len(kinds) == 1
    spans = [s for b in doc[0].get_text("dict")["blocks"] for l in b["lines"] for s in l["spans"]]
    read = [icon_text(kinds.get(s["font"], "text"), s["text"]) for s in spans]
    assert read == ["✓", "w 1er trimestre 2024"]


def _block(text: str, icon=None, y0=100.0, page=1) -> Block:
    return Block(kind="paragraph", text=text, icon=icon, provenance=Provenance(source="s", page=page, bbox=(50.0, y0, 300.0, y0 + 10), quote=text))


def test_a_lone_icon_confirms_the_text_on_its_row_and_nothing_else():
    icon, owner = _block("", "owner"), _block("DINUM")
    assert [(b.text, b.icon) for b in _lone_icons_to_next([icon, owner])] == [("DINUM", "owner")]
    # on another row, or in a text source without rows, the icon is not moved onto a neighbour
    below = _block("DINUM", y0=130.0)
    assert [(b.text, b.icon) for b in _lone_icons_to_next([icon, below])] == [("", "owner"), ("DINUM", None)]
    unplaced = Block(kind="paragraph", text="DINUM", provenance=Provenance(source="s", line_start=3, line_end=3, quote="DINUM"))
    assert [(b.text, b.icon) for b in _lone_icons_to_next([icon, unplaced])] == [("", "owner"), ("DINUM", None)]


def test_owner_lines_are_read_by_their_words_when_no_icon_marks_them():
    from editiondiff.extract.cards import owner_by_words
    from editiondiff.extract.landmarks import Landmarks
    from editiondiff.profiles import load_profile

    marks = Landmarks(load_profile())
    # a label plays the icon's part, wherever the line stands
    assert owner_by_words("Porteur : Agence nationale du sport", marks, after_objective=False) == "Agence nationale du sport"
    assert owner_by_words("Pilotes : DITP et DINUM", marks, after_objective=False) == "DITP et DINUM"
    # a body of the owner vocabulary, by a full name, or an organisation's name, after the objective
    assert owner_by_words("Direction interministérielle du numérique", marks, after_objective=True) == "Direction interministérielle du numérique"
    assert owner_by_words("Délégation à la sécurité routière", marks, after_objective=True) == "Délégation à la sécurité routière"
    assert owner_by_words("Délégation à la sécurité routière", marks, after_objective=False) is None
    # a step, a deadline, prose: no owner
    for text in ("Ouvrir un formulaire de saisie pour les communes", "2e semestre 2023", "Direction prise en 2020. Le projet continue."):
        assert owner_by_words(text, marks, after_objective=True) is None


def _story_pdf(path: Path) -> Path:
    """A card typeset by PyMuPDF's Story from HTML with no icon: items as divisions set close together."""
    import pymupdf

    html = (
        '<p class="h">ACTION QZ2 → Registre des équipements</p>'
        "<p>Recenser les équipements sportifs ouverts au public dans chaque commune et leur accessibilité</p>"
        "<p>Porteur : Ministère des Sports et Agence nationale du sport</p>"
        '<div class="s">Ouvrir un formulaire de saisie pour les communes</div>'
        '<div class="s">Croiser le registre avec les données cadastrales et les relevés des fédérations pour repérer les équipements absents</div>'
        '<div class="s">Publier le registre en données ouvertes</div>'
        '<p class="h">ACTION QZ3 → Carte des piscines</p>'
        "<p>Afficher sur une carte les horaires des piscines</p>"
    )
    css = "p { margin: 0 0 9pt 0; font-size: 10pt; } .h { font-weight: bold; font-size: 12pt; } .s { margin: 0 0 2pt 0; font-size: 10pt; }"
    story = pymupdf.Story(html=html, user_css=css)
    writer = pymupdf.DocumentWriter(str(path))
    more = True
    while more:
        device = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(pymupdf.Rect(72, 72, 523, 770))
        story.draw(device)
        writer.end_page()
    writer.close()
    return path


def test_a_story_card_with_no_marker_and_a_labelled_owner(tmp_path):
    from editiondiff.pipeline import build_edition

    edition = build_edition([_story_pdf(tmp_path / "story.pdf")])
    action = next(a for a in edition.actions if a.code == "QZ2")
    assert action.owners_printed == ["Ministère des Sports et Agence nationale du sport"]
    assert [s.text for s in action.steps] == [
        "Ouvrir un formulaire de saisie pour les communes",
        "Croiser le registre avec les données cadastrales et les relevés des fédérations pour repérer les équipements absents",
        "Publier le registre en données ouvertes",
    ]
    assert not action.notes and not action.description


def _unmarked_card_action(tmp_path, steps: list[str], note: str | None = None):
    """Card QZ4 printed with no marker and no icon, one text object a line, its steps as close as list
    items and `note` under them at the same spacing, read back through the pipeline."""
    import pymupdf

    from editiondiff.pipeline import build_edition

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 80.0
    lines = [("ACTION QZ4 → Guichet unique des communes", 20), ("Offrir aux communes un seul point d'entrée pour leurs demandes", 20), ("DINUM", 20)]
    lines += [(t, 15) for t in steps] + ([(note, 30)] if note else [])
    for text, after in lines:
        page.insert_text((60, y), text, fontsize=10, fontname="hebo" if text.startswith("ACTION") else "helv")
        y += after
    path = tmp_path / "card.pdf"
    doc.save(path)
    return next(a for a in build_edition([path]).actions if a.code == "QZ4")


@pytest.mark.parametrize(
    "note",
    [
        "La mission TRANSFO rejoint la mission PILOT à compter de cette édition.",
        "Expérimenté avec succès sur deux sites. Action étendue aux départements (action QZ5).",
    ],
)
def test_a_note_set_under_unmarked_steps_as_close_as_they_are_is_no_step(tmp_path, note):
    """With no marker, a list's last line that reads as prose (a stop at its end, a sentence's start or
    end in it) after items that are phrases is a note; a last item that only closes the list's
    punctuation stays an item."""
    steps = ["Recenser les guichets existants", "Ouvrir un formulaire unique en ligne", "Publier le code source du portail"]
    action = _unmarked_card_action(tmp_path, steps, note)
    assert [s.text for s in action.steps] == steps
    assert action.notes == [note]


def test_a_list_whose_items_end_in_semicolons_keeps_its_last_item(tmp_path):
    steps = ["Recenser les guichets existants ;", "Ouvrir un formulaire unique en ligne ;", "Le portail est publié en code ouvert."]
    action = _unmarked_card_action(tmp_path, steps)
    assert [s.text for s in action.steps] == steps
