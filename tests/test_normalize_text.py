"""The one text normalisation shared by extract and diff, and its comparison keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editiondiff.vocabulary.text import fold, fold_chars, normalize_text


def test_nfc_quotes_spaces_ligatures_soft_hyphens():
    text = normalize_text("l\u2019E\u0301tat\u00a0: e\ufb03cace\u00ad, \u201cok\u201d\u202f!\u200b")
    assert text == 'l\'État : efficace, "ok" !'
    assert normalize_text("Déploiement   progressif") == "Déploiement progressif"
    assert normalize_text("a  b", collapse_spaces=False) == "a  b"


def test_icons_and_newlines_are_kept():
    assert normalize_text("📅 Fait.\nMontée") == "📅 Fait.\nMontée"
    assert normalize_text("⬆\ufe0f DINUM") == "⬆ DINUM"


def test_fold_is_a_comparison_key():
    assert fold("Ministère de l’Économie") == fold("ministere de l'economie") == "ministere de l economie"


@given(st.text())
def test_fold_chars_keeps_positions(text):
    assert len(fold_chars(text)) == len(text)


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
