"""A card's completion mark: a line of status words carrying the status icon.

Editions print a completed card's mark in their own words ("Objectif atteint ✓",
"Action achevée ✓", "Terminé ✓"). Whatever status words of the vocabulary it
uses, in any grammatical form, the mark is kept as printed in `status_printed`,
the card is completed, and the mark is never taken for the card's objective or
for a deadline phrase.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EDITION_SOURCES
from test_open_world import CARD

from editiondiff.extract.pipeline import extract_edition
from editiondiff.vocabulary.status import is_completion_mark

OBJECTIVE = "Ouvrir une offre d'hébergement qualifiée pour les communes de moins de 10 000 habitants"
TITLE_LINE = "ACTION NB 1 → Nuage des communes\n\n"


def _card_with(tmp_path: Path, mark: str):
    assert TITLE_LINE in CARD
    path = tmp_path / "status-mark-fictitious.txt"
    path.write_text(CARD.replace(TITLE_LINE, TITLE_LINE + mark + "\n\n"), encoding="utf-8")
    (action,) = extract_edition([path]).actions
    return action


@pytest.mark.parametrize(
    "mark",
    ["Objectif atteint ✓", "Objectif réalisé ✓", "Action achevée ✓", "Achevé ✓", "Terminé ✓", "Réalisé ✓",
     "Réalisée ✓", "Terminée ✓", "Fait ✓", "Faite ✓", "Objectif atteinte ✓", "Actions terminées ✓"],
)
def test_a_mark_of_status_words_and_the_icon_completes_the_card(tmp_path: Path, mark: str):
    action = _card_with(tmp_path, mark)
    assert action.status_printed == mark
    assert action.completed and action.status == "completed"
    assert action.objective == OBJECTIVE
    assert action.deadlines_printed == ["2nd semestre 2023"]


def test_a_mark_introduced_by_the_status_icon_completes_the_card(tmp_path: Path):
    action = _card_with(tmp_path, "✓ Action réalisée")
    assert action.status_printed == "Action réalisée"
    assert action.completed and action.objective == OBJECTIVE


@pytest.mark.parametrize("line", ["Réalisé", "Objectif réalisé", "Achevé sauf le volet territorial ✓", "Service lancé ✓", "Labo ✓"])
def test_what_is_not_a_completion_mark(line: str):
    assert not is_completion_mark(line)


def test_a_finished_word_without_the_icon_stays_a_deadline_phrase(tmp_path: Path):
    action = _card_with(tmp_path, "Terminé")
    assert action.status_printed is None and not action.completed
    assert action.deadlines_printed == ["Terminé", "2nd semestre 2023"]
    assert action.objective == OBJECTIVE


def test_seed_003_cards_are_read_as_before():
    golden = json.loads((Path(__file__).parent / "data" / "golden" / "edition-mi-2020.json").read_text(encoding="utf-8"))
    edition = extract_edition(EDITION_SOURCES["mi-2020"])
    assert len(edition.actions) == 38
    fields = ("code", "title", "objective", "status", "status_printed", "completed", "deadlines_printed")
    got = [{f: getattr(a, f) for f in fields} for a in edition.actions]
    assert got == [{f: a[f] for f in fields} for a in golden["actions"]]
