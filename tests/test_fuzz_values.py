"""Fuzzing the value grammars: deadlines, indicator cells, action codes.

Properties that must hold for any input: the deadline grammar never raises
and gives ordered dates that its own canonical phrase reads back without
raising; an indicator cell never becomes a number that JSON cannot hold
(NaN, infinity); an action code canonicalises to one fixed form or is
refused with ValueError, and the canonical form is a fixed point.
"""

from __future__ import annotations

import json
import math
import re

from fuzzing import examples
from hypothesis import example, given
from hypothesis import strategies as st

from deadline_phrases import deadline_to_phrase
from editiondiff.normalize.indicators import cell_to_value
from editiondiff.vocabulary.codes import canonical_action_code
from editiondiff.vocabulary.deadlines import phrase_to_deadline

DEADLINE_WORDS = st.sampled_from([
    "fin", "début", "mi-", "courant", "1er", "2e", "3^e", "4e", "trimestre", "semestre", "T1", "T4", "S1", "S2", "été",
    "automne", "hiver", "janvier", "décembre", "2019", "2020", "2022", "1999", "9999", "0000", "20202", "2019-2022",
    "d'ici", "jusqu'en", "jusqu'à", "à compter de", "dès", "depuis", "puis", "En cours", "Fait", "Expérimentation",
    "Déploiement", "(", ")", ",", ".", "–", "-", "/", "31", "32", "29 février", "0", "📅", "\u202e", "\x1b", "\t", "\n",
])  # fmt: skip
PHRASES = st.one_of(st.lists(DEADLINE_WORDS, max_size=12).map(" ".join), st.text(max_size=60))


@examples(300)
@given(PHRASES, st.one_of(st.none(), st.integers(1900, 2100)))
@example("fin 9999", None)
@example("29 février 2021", None)
@example("T4 20202", 2020)
@example("2019 – automne", None)  # found by the fuzzer: a year-to-season range had no canonical phrase (KeyError)
@example("d'ici janvier à compter de automne", 1900)  # found by the fuzzer: two parts whose inferred dates contradict (start after end)
@example("fin 2019 – janvier", None)  # found by the fuzzer: a range whose end prints no year was turned inside out (Jan..Oct 2019); it ends in the next year
@example("automne 2019 – janvier", None)  # found by the fuzzer: the test writer had no phrase for a range starting on a season day
def test_deadline_grammar_never_raises_and_reads_its_own_phrase(raw, context_year):
    deadline = phrase_to_deadline(raw, context_year=context_year)
    if deadline.start and deadline.end:
        assert deadline.start <= deadline.end
    if deadline.kind != "unparsed":
        phrase_to_deadline(deadline_to_phrase(deadline))


NUMBERS = st.one_of(
    st.integers(0, 10**400).map(str),
    st.integers(0, 10**6).map(lambda n: f"{n:,}".replace(",", " ")),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x}".replace(".", ",")),
    st.sampled_from(["1e999", "9" * 400 + ",5", "NaN", "inf", "-0", "1 000 000 000 000 000 000 000 000 M€", "∞"]),
)
UNITS = st.sampled_from(["", " %", " M€", " k€", " €", " Md€", " agents", "+", " (1)", "*", " environ", " > ", "~"])


@examples(300)
@given(st.one_of(st.tuples(st.sampled_from(["", "~", "> ", "environ "]), NUMBERS, UNITS).map("".join), st.text(max_size=40)))
@example("9" * 400)
@example("1e999")
def test_indicator_cell_is_never_a_number_json_cannot_hold(raw):
    value = cell_to_value(raw)
    for number in (value.value, value.low, value.high):
        assert number is None or math.isfinite(number), (raw, value)
    json.loads(json.dumps(value.model_dump(mode="json"), allow_nan=False))


CODES = st.one_of(
    st.tuples(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefz", min_size=1, max_size=3), st.sampled_from(["", " ", "-", "\u00a0", "  ", "\t"]),
              st.integers(0, 1000).map(str)).map("".join),
    st.text(max_size=10),
)


@examples(300)
@given(CODES)
@example("LA 01")
@example("IN\u00a05")
def test_action_code_canonical_form_is_a_fixed_point(printed):
    try:
        code = canonical_action_code(printed)
    except ValueError:
        return
    assert re.fullmatch(r"[A-Z]+[0-9]+", code), code
    assert canonical_action_code(code) == code


def test_indicator_cell_beyond_float_range_is_kept_unparsed():
    """Found by the fuzzer: 400 nines parsed to inf, which `dump_json` would have written as `Infinity`."""
    value = cell_to_value("9" * 400)
    assert value.kind == "unparsed" and value.value is None and value.raw == "9" * 400
