"""Comparison keys and vectorised similarity matrices for matching.

Texts are compared on a key: the shared `fold()` (accents, case, punctuation
removed) with French plural endings stripped from longer words and function
words left out, so that "Règles de labellisation" and "Règle de labellisation"
agree and two unrelated sentences do not look alike for sharing "de", "des"
and "les". (Plural stripping does what spaCy lemmas would do here, for a
fraction of the cost: the tokenizer alone takes 0.25 s to load.) Matrices are
computed with rapidfuzz's `process.cdist` (C++, multi-threaded) and returned
as float32 arrays in [0, 1]; a pair where either side has no text gets NaN, so
that callers can leave the field out of the score instead of counting it as a
disagreement.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from ..vocabulary.text import fold

_PLURAL = re.compile(r"(?<=\w{3})(s|x)\b")


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """`fold()`, memoised: the same titles and steps are compared many times."""
    return fold(text)


#: French function words, left out of match keys: they make unrelated sentences look alike.
STOPWORDS = frozenset(
    "a au aux avec ce ces d dans de des du en et l la le les leur leurs ou par pour qu que qui sa se ses son sur un une".split()
)


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    return " ".join(w for w in _PLURAL.sub("", folded(text)).split() if w not in STOPWORDS)


def match_key(text: str | None) -> str:
    """The comparison key of a title, objective or step ('' for nothing)."""
    return _key(text) if text else ""


def similarity_matrix(left: list[str], right: list[str], *, scorer=fuzz.token_sort_ratio, workers: int = -1) -> np.ndarray:
    """Similarity in [0, 1] of every (left, right) pair of keys; NaN where either key is empty."""
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    matrix = process.cdist(left, right, scorer=scorer, dtype=np.float32, workers=workers)
    matrix /= 100.0
    empty_left = np.fromiter((not k for k in left), dtype=bool, count=len(left))
    empty_right = np.fromiter((not k for k in right), dtype=bool, count=len(right))
    if empty_left.any() or empty_right.any():
        matrix[empty_left, :] = np.nan
        matrix[:, empty_right] = np.nan
    return matrix


def equality_matrix(left: list[str], right: list[str]) -> np.ndarray:
    """1.0 where the strings are equal, 0.0 elsewhere (codes, missions)."""
    a = np.asarray(left, dtype=object)[:, None]
    b = np.asarray(right, dtype=object)[None, :]
    return (a == b).astype(np.float32)


def text_similarity(a: str | None, b: str | None, *, scorer=fuzz.token_sort_ratio) -> float:
    """Similarity in [0, 1] of two texts on their keys (1.0 when both are empty)."""
    ka, kb = match_key(a), match_key(b)
    if not ka and not kb:
        return 1.0
    return scorer(ka, kb) / 100.0
