"""The perturbation generator and the Edition-to-text renderer, on the real mid-2020 edition."""

from __future__ import annotations

from collections import Counter

import pytest

from evaluation.perturb import month_to_phrase, perturb_edition, phrase_end_month
from evaluation.score import base_edition, edition_roundtrip
from evaluation.render.edition_text import edition_to_text


@pytest.fixture(scope="module")
def base():
    return base_edition()


def test_same_seed_same_edits_and_different_seeds_differ(base):
    a, b, c = perturb_edition(base, 11), perturb_edition(base, 11), perturb_edition(base, 12)
    assert a.edits == b.edits and a.expected == b.expected
    assert edition_to_text(a.edition) == edition_to_text(b.edition)
    assert a.edits != c.edits
    assert base.id == "mi-2020" and not base.fictitious  # the base edition is left untouched
    assert len(base.actions) == 38


def test_perturbed_editions_are_labelled_fictitious(base):
    p = perturb_edition(base, 3)
    assert p.edition.fictitious
    assert "fictitious" in p.edition.id
    text = edition_to_text(p.edition)
    assert "ÉDITION FICTIVE" in text.splitlines()[8]


def test_every_change_kind_is_generated_over_sixty_seeds(base):
    kinds = Counter(e.kind for seed in range(60) for e in perturb_edition(base, seed).expected)
    expected = {
        "action_added", "action_exited_completed", "action_completed", "action_dropped", "action_retitled", "action_recoded",
        "action_moved", "action_reworded", "mission_renamed", "mission_reworded", "deadline_changed", "status_changed",
        "owner_changed", "step_added", "step_removed", "step_changed", "indicator_revised", "indicator_added",
        "indicator_removed", "column_changed", "mission_added", "mission_removed",
    }
    assert expected <= set(kinds), expected - set(kinds)


def test_rendered_text_reads_back_as_the_same_edition(base, tmp_path):
    back = edition_roundtrip(base.model_copy(update={"fictitious": True}), tmp_path, "fictitious-roundtrip")
    assert [a.code for a in back.actions] == [a.code for a in base.actions]
    for a, b in zip(base.actions, back.actions):
        assert (a.title, a.mission, a.objective, a.owners_printed, a.deadlines_printed, a.completed) == (
            b.title, b.mission, b.objective, b.owners_printed, b.deadlines_printed, b.completed), a.code
        assert [(s.text, s.deadline_printed) for s in a.steps] == [(s.text, s.deadline_printed) for s in b.steps], a.code
    assert [(r.label, [c.raw for c in r.cells]) for r in back.indicators.rows] == [(r.label, [c.raw for c in r.cells]) for r in base.indicators.rows]
    assert back.fictitious


def test_a_stated_rename_is_written_in_the_brochure_phrasing_and_read_back(base, tmp_path):
    seed = next(s for s in range(50) if any(e.kind == "mission_renamed" for e in perturb_edition(base, s).expected))
    p = perturb_edition(base, seed)
    rename = next(s for s in p.edition.stated_changes if s.kind == "mission_renamed")
    assert f"La mission {rename.subject} devient la **mission {rename.target}**" in edition_to_text(p.edition)
    back = edition_roundtrip(p.edition, tmp_path, "fictitious-rename")
    assert any(s.kind == "mission_renamed" and (s.subject, s.target) == (rename.subject, rename.target) for s in back.stated_changes)


@pytest.mark.parametrize("phrase, granularity, shift, shifted", [
    ("4e trimestre 2020", "quarter", 3, "1er trimestre 2021"),
    ("1er semestre 2021", "semester", 6, "2nd semestre 2021"),
    ("2nd semestre 2020", "semester", -6, "1er semestre 2020"),
    ("fin 2020", "end", 12, "fin 2021"),
    ("2021", "year", 12, "2022"),
])
def test_deadline_shifts_are_written_in_the_documents_phrasing(phrase, granularity, shift, shifted):
    kind, end = phrase_end_month(phrase)
    assert kind == granularity
    assert month_to_phrase(kind, end + shift) == shifted
