"""The diff report: Markdown for a journalist (French by default, English on request), JSON, CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from editiondiff.diff import editions_to_diff
from editiondiff.report.pair import render_report
from editiondiff.schemas.registry import validation_errors

from test_diff_matching import MISSIONS, OLD_ACTIONS, card, edition


@pytest.fixture(scope="module")
def pair():
    new_actions = [a for a in OLD_ACTIONS if a.code not in ("DA2", "DA1")] + [
        card("DA6", "DATA", "Éclairer les décisions publiques par la donnée", "Systématiser l'usage des données", ["Sensibiliser les responsables publics"], new=True, line=40),
    ]
    new_actions = [a.model_copy(update={"deadlines_printed": ["1er trimestre 2021"]}) if a.code == "LA1" else a for a in new_actions]
    old = edition("old", MISSIONS, OLD_ACTIONS)
    new = edition("new", MISSIONS, new_actions).model_copy(update={"fictitious": True})
    return editions_to_diff(old, new), old, new


def test_markdown_in_french_groups_by_mission_with_quotes_and_references(pair):
    diff, old, new = pair
    text = render_report(diff, old, new, fmt="md", lang="fr")
    assert text.startswith("# Ce qui a changé")
    assert "ÉDITION FICTIVE" in text
    data = text.index("## Mission DATA")
    label = text.index("## Mission LABEL")
    assert data < label  # DATA holds the most important changes (a drop, an addition)
    assert "### Action disparue sans être achevée : DA2" in text
    assert "### Action achevée, sortie du programme : DA1" in text
    assert "- Avant : « Datapedia » — source t, l. 1" in text
    assert "- Après : « Éclairer les décisions publiques par la donnée » — source t, l. 40" in text
    assert "« 3e trimestre 2020 »" in text and "« 1er trimestre 2021 »" in text
    dropped = text.index("### Action disparue")
    added = text.index("### Action ajoutée")
    assert dropped < added  # most important first within a mission
    assert "confiance : " in text


def test_markdown_in_english(pair):
    diff, old, new = pair
    text = render_report(diff, old, new, fmt="md", lang="en")
    assert text.startswith("# What changed")
    assert "### Action added: DA6" in text.replace(" : ", ": ")
    assert "Avant" not in text


def test_json_follows_the_diff_schema_and_csv_has_one_row_per_change(pair):
    diff, old, new = pair
    document = json.loads(render_report(diff, old, new, fmt="json", lang="fr"))
    assert validation_errors("diff", document) == []
    assert len(document["changes"]) == len(diff.changes)
    rows = list(csv.DictReader(io.StringIO(render_report(diff, old, new, fmt="csv", lang="fr"))))
    assert len(rows) == len(diff.changes)
    added = next(r for r in rows if r["kind"] == "action_added")
    assert added["subject"] == "DA6" and added["new_where"] == "source t, l. 40" and added["old_where"]
    assert render_report(diff, old, new, fmt="md", lang="fr") == render_report(diff, old, new, fmt="md", lang="fr")
