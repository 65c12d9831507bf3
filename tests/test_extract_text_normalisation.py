"""The readers' normalisation takes shortcuts (only the characters found are replaced, runs of
spaces collapsed only where there are some): it must give what the plain definition gives."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from editiondiff.extract.text import clean_inline
from editiondiff.vocabulary.text import _REPLACEMENTS, fold, normalize_text

_TABLE = str.maketrans(_REPLACEMENTS)


def _plain_normalize(text: str, collapse_spaces: bool = True) -> str:
    text = unicodedata.normalize("NFC", text.translate(_TABLE))
    return re.sub(r" {2,}", " ", text) if collapse_spaces else text


_CHARS = st.sampled_from(list(_REPLACEMENTS) + list("aeé e\u0301  \t-*^[]()#1xÉ\u2000\u2001’'\"ﬁ"))


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS | st.characters(), max_size=40).map("".join), st.booleans())
def test_normalize_text_equals_its_plain_definition(text: str, collapse: bool) -> None:
    assert normalize_text(text, collapse_spaces=collapse) == _plain_normalize(text, collapse)


def _plain_fold(text: str) -> str:
    text = _plain_normalize(text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS | st.characters(), max_size=40).map("".join))
def test_fold_equals_its_plain_definition(text: str) -> None:
    assert fold(text) == _plain_fold(text)


def _plain_clean_inline(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]*)\)", r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text).replace("**", "")
    text = re.sub(r"(\d)\s?\^\{?(er|re|ère|e|ème|nd|nde|d)\}?", r"\1\2", text)
    return _plain_normalize(text).strip()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["**", "[", "]", "(", ")", "x", "1", "^", "{er}", "e", " ", "#", "’", "url"]), max_size=25).map("".join))
def test_clean_inline_shortcuts_keep_the_result(text: str) -> None:
    assert clean_inline(text)[0] == _plain_clean_inline(text)


def test_examples() -> None:
    assert fold("Élaborer l’ACTION  ﬁnale") == "elaborer l action finale"
    assert clean_inline("le 1^{er} **avril** [ici](https://x.fr)") == ("le 1er avril ici", False, "https://x.fr")
    assert normalize_text("l\u2019\ufb01n\u00a0\u00a0 de") == "l'fin de"
