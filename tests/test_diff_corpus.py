"""The diff on the real editions of the corpus: what can and cannot be compared, and what the editions say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editiondiff.diff import editions_to_diff
from editiondiff.diff.phrases import phrase_to_text
from editiondiff.pipeline import build_corpus, build_edition
from editiondiff.schemas.registry import dump_json, validation_errors


def said(check) -> str:
    return phrase_to_text(check.statement_phrase, "fr")


def seen(check) -> str:
    return phrase_to_text(check.observed_phrase, "fr")


def notes(diff) -> list[str]:
    return [phrase_to_text(p, "fr") for p in diff.not_compared_phrases]

SEED_003 = Path(__file__).resolve().parents[1] / "corpus" / "sources" / "003_dc8a99c2b477ef56.txt"


@pytest.fixture(scope="module")
def editions():
    return {e.id: e for e in build_corpus()}


def test_2019_to_mid_2020_is_compared_at_mission_level_and_sees_fabrique_become_beta(editions):
    diff = editions_to_diff(editions["2019"], editions["mi-2020"])
    assert diff.level == "missions"
    assert not diff.action_matches
    assert {(m.old, m.new) for m in diff.mission_matches} >= {("FABRIQUE", "BETA"), ("LABEL", "LABEL"), ("TRANSFO", "TRANSFO")}
    assert len(diff.mission_matches) == 8
    renamed = [c for c in diff.changes if c.kind == "mission_renamed"]
    assert len(renamed) == 1 and renamed[0].before == "FABRIQUE" and renamed[0].after == "BETA"
    assert renamed[0].old.source == "000" and renamed[0].new.source == "003"
    # the rename the brochure states is observed
    assert any("FABRIQUE" in said(a) and "BETA" in seen(a) for a in diff.agreements)
    # 35 actions in 2019 plus the 3 new ones are the 38 the brochure counts
    assert any("35 + 3 = 38" in seen(a) for a in diff.agreements)
    # what cannot be checked is said, not silently dropped
    assert any("IN6" in said(u) for u in diff.unchecked)
    assert any("2019" in note and "missions" in note for note in notes(diff))
    assert not diff.contradictions


def test_mid_2020_to_mid_2021_counts_agree_and_departures_cannot_be_checked(editions):
    diff = editions_to_diff(editions["mi-2020"], editions["mi-2021"])
    assert diff.level == "missions"
    assert [c.kind for c in diff.changes] == []
    assert any("38 + 5 = 43" in seen(a) for a in diff.agreements)
    assert {said(u).split(" : ")[-1] for u in diff.unchecked if "annonce :" in said(u)}
    assert any("mi-2021" in note for note in notes(diff))


def test_an_edition_against_itself_has_no_change_and_the_json_is_deterministic_and_valid():
    a = build_edition([SEED_003])
    b = build_edition([SEED_003])
    diff = editions_to_diff(a, b)
    assert diff.changes == []
    assert len(diff.action_matches) == 38
    assert all(m.score == 1.0 for m in diff.action_matches)
    text = dump_json(diff)
    assert text == dump_json(editions_to_diff(a, b))
    assert validation_errors("diff", json.loads(text)) == []


@pytest.mark.parametrize("engine", ["pymupdf", "reportlab"])
def test_the_text_and_a_retypeset_pdf_of_one_edition_differ_in_nothing(engine):
    pdf = SEED_003.parents[1] / "pdf" / f"mi-2020_retypeset_{engine}.pdf"
    text, rendition = build_edition([SEED_003]), build_edition([pdf])
    diff = editions_to_diff(text, rendition)
    assert diff.level == "actions" and len(diff.action_matches) == 38
    assert all(m.old == m.new for m in diff.action_matches)
    assert diff.changes == []
    # its statements are about the 2019 edition, not about its own PDF
    assert not diff.agreements and not diff.contradictions and not diff.unchecked
    assert any("même édition" in note for note in notes(diff))
