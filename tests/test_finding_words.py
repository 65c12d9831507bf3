"""Audit findings are stored as a code and params, and worded in the report's language (issue 12: no language in data)."""

from __future__ import annotations

import csv
import html
import io
from typing import get_args

import pytest

from editiondiff.audit.phrases import FINDING_PHRASES, finding, finding_text
from editiondiff.report.build import editions_to_report
from editiondiff.report.write import render_files
from editiondiff.schemas.edition import FINDING_CODES, FindingCode

from conftest import CORPUS

FRENCH_TRUNCATED = ("Le titre de la fiche « Résilience RIE et Rimba » est tronqué par rapport au titre du tableau de synthèse "
                    "« Résilience RIE et Rimbaud » (coupé au milieu d'un mot)")
ENGLISH_TRUNCATED = "Card title 'Résilience RIE et Rimba' is cut short of the chart title 'Résilience RIE et Rimbaud' (cut inside a word)"


@pytest.fixture(scope="module")
def corpus_editions():
    from editiondiff.pipeline import build_corpus

    return build_corpus()


@pytest.fixture(scope="module")
def reports(corpus_editions):
    report = editions_to_report(corpus_editions)
    return {lang: render_files(report, corpus_editions, lang=lang, root=CORPUS) for lang in ("fr", "en")}


def test_every_code_is_described_and_worded_in_both_languages():
    codes = set(get_args(FindingCode))
    assert set(FINDING_CODES) == codes
    assert all(set(words) == codes for words in FINDING_PHRASES.values())


def test_mi2020_findings_carry_codes_and_the_english_message_is_their_english_wording(corpus_editions):
    mi2020 = next(e for e in corpus_editions if e.id == "mi-2020")
    assert mi2020.findings and all(f.code for f in mi2020.findings)
    assert {"card_title_cut_mid_word", "card_title_cut_short", "objective_copied"} <= {f.code for f in mi2020.findings}
    for f in mi2020.findings:
        assert f.message == finding_text(f.code, f.params, f.message, "en")
    assert ENGLISH_TRUNCATED in {f.message for f in mi2020.findings}


def test_french_report_words_mi2020_findings_in_french_and_shows_no_english_message(corpus_editions, reports):
    mi2020 = next(e for e in corpus_editions if e.id == "mi-2020")
    fr = reports["fr"]
    for name in ("report.html", "report.md"):
        text = html.unescape(fr[name]) if name.endswith(".html") else fr[name]
        assert FRENCH_TRUNCATED in text, name
        for f in mi2020.findings:
            assert finding_text(f.code, f.params, f.message, "fr") in text, (name, f.code)
            assert f.message not in text, (name, f.message)
    rows = [r for r in csv.DictReader(io.StringIO(fr["findings.csv"].lstrip("\ufeff"))) if r["edition"] == "mi-2020"]
    assert FRENCH_TRUNCATED in {r["message"] for r in rows}
    assert not {f.message for f in mi2020.findings} & {r["message"] for r in rows}
    assert {r["code"] for r in rows} == {f.code for f in mi2020.findings}


def test_english_report_words_mi2020_findings_in_english(reports):
    en = reports["en"]
    assert ENGLISH_TRUNCATED in en["report.md"]
    assert FRENCH_TRUNCATED not in en["report.md"] and FRENCH_TRUNCATED not in en["findings.csv"]


def test_card_findings_name_the_printed_code_and_the_missing_parts():
    f = finding("card_incomplete", "card_part_missing", [], subject="AB1", code="AB 1", part="objective")
    assert f.message == "card AB 1 was read without its objective; what was read is kept"
    assert finding_text(f.code, f.params, f.message, "fr") == "La fiche AB 1 a été lue sans son objectif ; ce qui a été lu est gardé"


def test_a_finding_stored_before_codes_is_shown_with_its_message():
    assert finding_text(None, {}, "an old message", "fr") == "an old message"
