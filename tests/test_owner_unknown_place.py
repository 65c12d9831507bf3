"""Owners found by their place: a card's owner line with no icon, naming a body the gazetteer does not know.

The cards are drawn with PyMuPDF in wording of their own (not the mid-2020 brochure's, nor the names the
vocabulary perturbations invent): no icon anywhere, steps as bulleted list items. The owner line stands
where a card's owner stands, after the objective and before the steps, or at the card's foot in a narrow
column beside a note, wrapped onto a second line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SIZE = 9.5

CARDS = [
    ("ACTION FX1 → Guichet des bourses d'étude", "Verser les bourses d'étude sans pièce justificative à fournir",
     "Conseil supérieur imaginaire des aides aux étudiants"),
    ("ACTION FX2 → Annuaire des fablabs publics", "Tenir à jour la liste des ateliers ouverts au public",
     "Institut inventé pour la fabrication locale"),
    ("ACTION FX3 → Registre des ponts communaux", "Savoir en un clic quels ouvrages attendent une inspection",
     "Cour régionale fictive des comptes publics"),
]
STEPS = ["Recenser les sources de données existantes", "Ouvrir le service aux premiers usagers"]
#: Owners at the card's foot, in a column narrow enough to wrap them (the second line in lower case).
FOOT = [
    ("ACTION FX4 → Carnet de santé des forêts", "Suivre l'état des forêts domaniales d'une saison à l'autre",
     ("Secrétariat provisoire", "aux observatoires forestiers")),
    ("ACTION FX5 → Prêt de matériel aux écoles", "Prêter aux écoles des tablettes reconditionnées",
     ("Service interdépartemental", "du réemploi informatique")),
]
NOTE = "Premiers retours attendus après la rentrée."


def _cards_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)

    def write(x: float, y: float, text: str) -> None:
        page.insert_text((x, y), text, fontsize=SIZE, fontfile=SANS, fontname="dv")

    y = 70.0
    write(57, y, "FABRIQ")
    write(57, y + 18, "Fabriquer des services publics utiles au quotidien")
    write(57, y + 36, "OBJECTIF : que chaque démarche courante se fasse en ligne en moins de dix minutes")
    def card(y: float, *texts: str) -> float:
        """The card's heading lines, then its steps; the height under them."""
        for text in texts:
            write(57, y, text)
            y += 17
        for step in STEPS:
            write(65, y, "• " + step)
            y += 15
        return y

    y += 70
    for heading, objective, owner in CARDS:
        y = card(y, heading, objective, owner) + 18
    for heading, objective, (first, second) in FOOT:
        y = card(y, heading, objective) + 6
        write(57, y, first)
        write(57, y + 12, second)
        write(250, y, NOTE)  # beside the owner, in the next column
        y += 42
    doc.save(path)
    return path


def test_owners_no_gazetteer_knows_are_kept_as_owners_by_their_place(tmp_path):
    from editiondiff.pipeline import build_edition

    edition = build_edition([_cards_pdf(tmp_path / "cards.pdf")])
    actions = {a.code: a for a in edition.actions}
    expected = {f"FX{i + 1}": owner for i, (_h, _o, owner) in enumerate(CARDS)}
    expected |= {f"FX{i + 4}": " ".join(lines) for i, (_h, _o, lines) in enumerate(FOOT)}
    for code, owner in expected.items():
        action = actions[code]
        assert action.owners_printed == [owner], code
        assert [(o.name, o.recognised) for o in action.owners] == [(owner, False)], code
        assert owner not in " ".join(action.notes) and owner not in (action.description or ""), code
        assert [s.text for s in action.steps] == STEPS, code
    for code in ("FX4", "FX5"):
        assert actions[code].notes == [NOTE]


def test_a_sentence_opening_with_an_organisation_word_stays_a_note():
    """Place alone does not make an owner: a sentence about a body, closed by a full stop, is prose."""
    from editiondiff.extract.cards import owner_by_words
    from editiondiff.extract.landmarks import discover_landmarks
    from editiondiff.profiles import load_profile

    marks = discover_landmarks([], load_profile(), objective_window=3, chart_entry_max_chars=90, chart_group_min_entries=2)
    assert owner_by_words("Mission accomplie pour la première vague.", marks, after_objective=True) is None
    assert owner_by_words("service rendu aux usagers", marks, after_objective=True) is None
    assert owner_by_words("Office imaginaire des cartes scolaires", marks, after_objective=True) == "Office imaginaire des cartes scolaires"
    assert owner_by_words("Office imaginaire des cartes scolaires", marks, after_objective=False) is None
