"""The English report is English throughout; the French report is unchanged by it.

Only what the editions print stays French in an English report (titles,
labels, quoted markers such as « objectif atteint »), and always inside
quotation marks.
"""

from __future__ import annotations

import csv
import io
import re
import typing
from pathlib import Path

import pytest

from editiondiff.diff import editions_to_diff
from evaluation.perturb import perturb_edition
from editiondiff.diff.phrases import PHRASES, phrase_to_text
from editiondiff.report.pair import render_report
from evaluation.score import _normalize, base_edition
from editiondiff.pipeline import build_corpus
from editiondiff.schemas.edition import StatedChangeKind
from conftest import said

from test_diff_matching import MISSIONS, OLD_ACTIONS, card, edition

DATA = Path(__file__).resolve().parent / "data"

#: French connectives and words of the diff's own sentences, which an English report must not contain outside quotes.
FRENCH = [
    " appariée ", " annonce ", "n'est connue", "non vérifiable", "l'édition", " dans ", " de ", " des ", " est ",
    "étape", "fiche", "ancienne", "achevée", "absente", "aucune", " pas ", "hors du champ", "non comparé", "Les deux documents",
    "en annonçait", "nouveaux", "marquée", "given in French",
]


def outside_quotes(text: str) -> str:
    """`text` with every «…» and “…” span emptied, innermost first (a quoted label may hold a quoted title)."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"«[^«»]*»", "«»", text)
        text = re.sub(r"“[^“”]*”", "“”", text)
    return text


def french_left(text: str) -> list[str]:
    bare = outside_quotes(text)
    return [f"{word!r} in {line!r}" for line in bare.splitlines() for word in FRENCH if word in line]


@pytest.fixture(scope="module")
def corpus_diff():
    editions = {e.id: e for e in build_corpus()}
    old, new = editions["2019"], editions["mi-2020"]
    return editions_to_diff(old, new), old, new


@pytest.fixture(scope="module")
def base():
    return base_edition()


@pytest.fixture(scope="module")
def perturbed_diffs(base):
    """The text edition against fictitious editions derived from it, both ways (the older edition then states departures)."""
    diffs = []
    for seed in (1, 3):
        fictitious = _normalize(perturb_edition(base, seed).edition)
        diffs.append((editions_to_diff(base, fictitious), base, fictitious))
        diffs.append((editions_to_diff(fictitious, base), fictitious, base))
    return diffs


def test_english_report_of_2019_to_mid_2020_has_no_french_sentence(corpus_diff):
    diff, old, new = corpus_diff
    text = render_report(diff, old, new, fmt="md", lang="en")
    assert french_left(text) == []
    assert "- Stated: Mission FABRIQUE becomes mission BETA — source 003, l. 226" in text
    assert "  Observed: mission FABRIQUE of 2019 matched to BETA of mi-2020 — source 000, l. 112" in text
    assert "Observed: 2019 claimed 35; 35 + 3 = 38" in text
    assert "Observed: card DA1 marked “objectif atteint” (goal reached) in mi-2020" in text
    assert "Observed: cannot be checked: edition 2019 is known only at mission level" in text
    assert "- Edition 2019 is known only at mission level (sources 000, 002; 35 actions announced without cards)" in text
    assert "- Indicators not compared: no indicator table in edition 2019." in text
    assert "## Mission BETA — “" in text  # the mission's name is the edition's, quoted


def test_french_report_of_2019_to_mid_2020_keeps_its_sentences(corpus_diff):
    diff, old, new = corpus_diff
    text = render_report(diff, old, new, fmt="md", lang="fr")
    assert "- Déclaré : La mission FABRIQUE devient la mission BETA — source 003, l. 226" in text
    assert "  Observé : mission FABRIQUE de 2019 appariée à BETA de mi-2020 — source 000, l. 112 ; source 003, l. 1070-1074" in text
    assert "Observé : 2019 en annonçait 35 ; 35 + 3 = 38 — source 000, l. 10-13 ; source 003, l. 254" in text
    assert "Observé : fiche DA1 marquée « objectif atteint » dans mi-2020 — source 003, l. 601-615" in text
    assert "Observé : non vérifiable : l'édition 2019 n'est connue qu'au niveau des missions" in text
    assert ("- L'édition 2019 n'est connue qu'au niveau des missions (sources 000, 002, 35 actions annoncées sans fiches) : "
            "actions, échéances, pilotes, étapes et statuts ne sont pas comparés ; seules les missions et les chiffres annoncés le sont.") in text
    assert "- Indicateurs non comparés : pas de tableau d'indicateurs dans l'édition 2019." in text
    assert "## Mission BETA — Concevoir" in text
    assert "given in French" not in text and "“" not in text


def test_english_reports_of_text_against_fictitious_editions_have_no_french_sentence(perturbed_diffs):
    seen = set()
    for diff, old, new in perturbed_diffs:
        text = render_report(diff, old, new, fmt="md", lang="en")
        assert french_left(text) == [], (old.id, new.id)
        seen |= {s.observed_phrase.code for s in diff.agreements + diff.contradictions + diff.unchecked}
    # the diffs exercise departures announced by the older edition, additions and "(nouveau)" marks
    assert {"action_exit_still_present", "new_mark_matched", "added_without_mark_unmatched", "completed_cards_observed"} <= seen


def test_english_step_and_indicator_subjects(perturbed_diffs):
    diff, old, new = perturbed_diffs[0]
    text = render_report(diff, old, new, fmt="md", lang="en")
    steps = [c for c in diff.changes if c.kind.startswith("step_")]
    indicators = [c for c in diff.changes if c.kind.startswith("indicator_")]
    assert steps and indicators
    for c in steps:
        code, number = said(c).split(" ")[0], said(c).split(" ")[2]
        assert re.search(rf"^### .*: {code} step {number}( \(old\))?$", text, re.M)
    for c in indicators:
        assert f": “{said(c)}”\n" in text


def test_csv_in_english_names_steps_in_english_and_french_csv_is_unchanged(perturbed_diffs):
    diff, old, new = perturbed_diffs[0]
    english = list(csv.DictReader(io.StringIO(render_report(diff, old, new, fmt="csv", lang="en"))))
    french = list(csv.DictReader(io.StringIO(render_report(diff, old, new, fmt="csv", lang="fr"))))
    assert len(english) == len(french) == len(diff.changes)
    assert [r["subject"] for r in french] == [said(c) for c in diff.changes]
    for en, fr, c in zip(english, french, diff.changes):
        assert {k: v for k, v in en.items() if k != "subject"} == {k: v for k, v in fr.items() if k != "subject"}
        if c.kind.startswith("step_"):
            assert " step " in en["subject"] and "étape" not in en["subject"]
        else:
            assert en["subject"] == said(c)


def test_french_report_is_byte_identical_to_the_one_before_phrases():
    # Captured from the report code as it stood before sentences were recorded as phrases.
    new_actions = [a for a in OLD_ACTIONS if a.code not in ("DA2", "DA1")] + [
        card("DA6", "DATA", "Éclairer les décisions publiques par la donnée", "Systématiser l'usage des données",
             ["Sensibiliser les responsables publics"], new=True, line=40),
    ]
    new_actions = [a.model_copy(update={"deadlines_printed": ["1er trimestre 2021"]}) if a.code == "LA1" else a for a in new_actions]
    old = edition("old", MISSIONS, OLD_ACTIONS)
    new = edition("new", MISSIONS, new_actions).model_copy(update={"fictitious": True})
    diff = editions_to_diff(old, new)
    expected = (DATA / "report_synthetic_pair.fr.md").read_text(encoding="utf-8")
    assert render_report(diff, old, new, fmt="md", lang="fr") == expected
    english = render_report(diff, old, new, fmt="md", lang="en")
    assert "- Indicators not compared: no indicator table in editions old, new." in english
    assert "- Stated: DA6 marked “(nouveau)” (new) — source t, l. 40\n  Observed: addition observed" in english
    assert french_left(english) == []


def test_the_diff_stores_phrases_only_and_each_is_worded_in_both_languages(corpus_diff, perturbed_diffs):
    for diff, _, _ in [corpus_diff, *perturbed_diffs]:
        data = diff.model_dump(mode="json")
        assert "not_compared" not in data
        checks = data["agreements"] + data["contradictions"] + data["unchecked"]
        assert all("statement" not in s and "observed" not in s for s in checks)
        phrases = diff.not_compared_phrases + [p for s in diff.agreements + diff.contradictions + diff.unchecked
                                               for p in (s.statement_phrase, s.observed_phrase)]
        for p in phrases:
            assert phrase_to_text(p, "fr") and phrase_to_text(p, "en")


def test_every_sentence_has_an_english_wording():
    assert set(PHRASES["fr"]) <= set(PHRASES["en"])
    for kind in typing.get_args(StatedChangeKind):
        assert f"stated_{kind}" in PHRASES["en"] and f"announced_{kind}" in PHRASES["en"]


def test_a_statement_in_the_editions_own_words_is_quoted_in_french_and_worded_in_english(corpus_diff):
    diff, _, _ = corpus_diff
    stated = next(s for s in diff.agreements if s.statement_phrase.code == "stated_mission_renamed")
    assert phrase_to_text(stated.statement_phrase, "fr") == stated.statement_phrase.params["summary"]
    assert phrase_to_text(stated.statement_phrase, "en") == "Mission FABRIQUE becomes mission BETA"
