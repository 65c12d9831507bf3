"""The speed paths of the vocabulary readers give what the plain ones give."""

from __future__ import annotations

import random
import re

from editiondiff.extract.landmarks import Landmarks, _DIGIT, _holds_digit
from editiondiff.extract.stated import _ANY_CLAIM_WORD, _ANY_NEED, _words_held
from editiondiff.profiles import load_profile
from editiondiff.vocabulary.text import caseless

_PIECES = (
    "action", "Action", "ACTION", "actions", "l'action XY 5", "AB-3", "ab 3", "IN 12", "XY5", "action 10", "Action 7",
    "**", " ", "  ", "\n", "\u00a0", "-", "–", ".", "/", "_", "é", "İ", "i\u0307", "ı", "ſ", "✓", "٣", "1", "42", "123",
    "missions", "Projets", "réorientée", "transformée en", "sort du programme", "quittent", "fusionnent", "x", "Z",
)


def _texts(seed: int, count: int) -> list[str]:
    """Random texts of `_PIECES`; for an odd seed, none holding the two characters `caseless` moves (İ, U+0307)."""
    rng = random.Random(seed)
    pieces = [piece for piece in _PIECES if seed % 2 == 0 or not ("İ" in piece or "\u0307" in piece)]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_references_in_reads_each_text_as_alone() -> None:
    marks = Landmarks(load_profile()).with_codes(prefixes=frozenset({"AB", "IN", "XY"}))
    lowercase = Landmarks(load_profile()).with_codes(prefixes=frozenset({"AB", "ab", "IN"}))  # patterns keep their `\b`
    for seed in range(40):
        texts = _texts(seed, 30)
        for landmarks in (marks, lowercase):
            assert landmarks.references_in(texts) == [landmarks.action_references(text) for text in texts]


def test_holds_digit_is_the_digit_pattern() -> None:
    for text in _texts(7, 400) + ["", "abc", "é1", "٣", "x\u00b2", "\u00bd"]:
        assert _holds_digit(text) == bool(_DIGIT.search(text))


def test_words_held_is_a_test_per_text() -> None:
    for seed in range(20):
        texts = [caseless(text) for text in _texts(seed, 50)]
        for words in (_ANY_NEED, _ANY_CLAIM_WORD):
            held = _words_held(texts, words)
            expected = {i: {w for w in words if w in t} for i, t in enumerate(texts) if any(w in t for w in words)}
            assert held == expected
    assert _words_held([], _ANY_NEED) == {}
    assert _words_held(["", "fusion", ""], ("fusion",)) == {1: {"fusion"}}


def test_pieces_are_in_the_patterns_reach() -> None:
    # the random texts do hold references, so the comparisons above compare something
    marks = Landmarks(load_profile()).with_codes(prefixes=frozenset({"AB", "IN", "XY"}))
    assert sum(bool(marks.action_references(text)) for text in _texts(3, 200)) > 10
    assert re.search(r"\d", "".join(_PIECES))


def test_sentences_split_where_the_lookbehind_split() -> None:
    from editiondiff.extract.stated import _sentences

    lookbehind = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«(])")

    def plain(text: str) -> list[tuple[int, str]]:
        out, start = [], 0
        for m in lookbehind.finditer(text):
            out.append((start, text[start : m.start()].strip()))
            start = m.end()
        out.append((start, text[start:].strip()))
        return [(o, s) for o, s in out if s]

    rng = random.Random(5)
    pieces = (".", "!", "?", " ", "  ", "\n", "\u00a0", "A", "É", "«", "(", "a", "x", "..", ". ", "?!")
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        assert _sentences(text) == plain(text)


def test_heading_stamp_skips_only_lines_without_a_stamp() -> None:
    marks = Landmarks(load_profile())
    rng = random.Random(11)
    pieces = ("ACTION", "ACTION XY 2", "ACTION XY 2 → Titre", "Fait ✓", "✓", "Réalisé", " ", "  ", "x", "-", "Objectif atteint")
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        stripped = text.strip()
        if marks.heading_stamp(text) is None:
            m = marks._after_stamp.search(stripped)
            stamp = stripped[: m.start()].strip() if m else ""
            assert not (stamp and (marks.is_status_mark(stamp) or marks.is_status_mark(stamp, icon=True) and len(stamp.split()) <= 3))
        else:
            assert marks._after_stamp.search(stripped)
