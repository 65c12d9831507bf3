"""The one text normalisation shared by extract and diff, and its comparison keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editiondiff.vocabulary.text import fold, fold_chars, normalize_text, settles


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


def test_the_quads_are_the_only_characters_that_keep_a_normalised_text_from_settling():
    # U+2000 and U+2001 become the en and em spaces under NFC, which are themselves replaced: a text holding
    # one needs its normalisation again once joined, and `settles` says so.
    for quad in ("\u2000", "\u2001"):
        assert not settles(f"mise{quad}en ligne")
        assert normalize_text(f"mise{quad}en") != normalize_text(f"mise{quad}en", settled=True)
    assert settles(normalize_text("Objectif\u00a0: café\u0301 ﬁnal"))


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=4))
def test_settled_pieces_joined_with_spaces_need_no_normalisation_again(pieces):
    normalised = [normalize_text(p) for p in pieces]
    if all(settles(p) for p in normalised):
        joined = " ".join(normalised)
        assert normalize_text(joined, settled=True) == normalize_text(joined)
