"""Property tests of the deadline grammar: it never raises, and the canonical
phrase of a deadline reads back to the same deadline.

The expected intervals are computed here from calendar rules, independently of
the grammar's own code.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from deadline_phrases import deadline_to_phrase

from editiondiff.vocabulary.deadlines import phrase_to_deadline
from editiondiff.schemas.values import Deadline, Milestone

D = dt.date
PHASES = ["expérimentation", "déploiement", "généralisation", "industrialisation", "lancement", "finalisation", "préfiguration", "étude"]
WORDS = [
    "1er", "1^{er}", "2nd", "3^e", "4e", "trimestre", "semestre", "T1", "S2", "2020", "2021", "2019-2022", "mi-", "fin", "début",
    "courant", "automne", "hiver", "été", "novembre", "d'ici", "jusqu'en", "jusqu'à", "à compter de", "dès", "depuis", "Fait",
    "En cours", "puis", "maintenance", "Montée en puissance", "amélioration continue", ".", ",", ":", "–", "-", "(", ")", "^", "{",
    "}", "📅", "□", "▣", "\n", "  ", "l'", "de", "à", "et", "1", "31", "2e", "ᵉʳ", "Expérimentation", "Déploiement",
]  # fmt: skip


def last_day(year: int, month: int) -> D:
    return D(year, month, calendar.monthrange(year, month)[1])


@st.composite
def intervals(draw, granularities=("quarter", "semester", "year", "years", "month", "mid", "day", "season")):
    """(start, end, granularity) of one period as the conventions define it."""
    granularity = draw(st.sampled_from(granularities))
    year = draw(st.integers(2000, 2035))
    if granularity == "quarter":
        q = draw(st.integers(1, 4))
        return D(year, 3 * q - 2, 1), last_day(year, 3 * q), "quarter"
    if granularity == "semester":
        first = draw(st.booleans())
        return (D(year, 1, 1), D(year, 6, 30), "semester") if first else (D(year, 7, 1), D(year, 12, 31), "semester")
    if granularity == "year":
        return D(year, 1, 1), D(year, 12, 31), "year"
    if granularity == "years":
        return D(year, 1, 1), D(year + draw(st.integers(1, 4)), 12, 31), "years"
    if granularity == "month":
        month = draw(st.integers(1, 12))
        return D(year, month, 1), last_day(year, month), "month"
    if granularity == "mid":
        return D(year, 6, 1), D(year, 7, 31), "month"
    if granularity == "day":
        month = draw(st.integers(1, 12))
        day = D(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))
        return day, day, "day"
    season = draw(st.sampled_from([((3, 20), (6, 20)), ((6, 21), (9, 22)), ((9, 23), (12, 20)), ((12, 21), (3, 19))]))
    (m1, d1), (m2, d2) = season
    return D(year, m1, d1), D(year + (1 if m2 < m1 else 0), m2, d2), "season"


@st.composite
def single_deadlines(draw) -> Deadline:
    start, end, granularity = draw(intervals())
    kind = draw(st.sampled_from(["due", "done", "ongoing", "open_ended", "until", "by"]))
    phase = draw(st.none() | st.sampled_from(PHASES))
    qualifiers = [phase] if phase else []
    if kind == "open_ended":
        end = None
        granularity = "year" if granularity == "years" else granularity
        qualifiers.append("à partir de")  # compared by prefix below
    elif kind in ("until", "by"):
        if granularity == "years":
            granularity = "year"
            start = D(end.year, 1, 1)
        start = None
        kind = "ongoing" if kind == "until" else "due"
    return Deadline(raw="", start=start, end=end, granularity=granularity, kind=kind, qualifiers=qualifiers)


@st.composite
def milestone_deadlines(draw) -> Deadline:
    parts = []
    for _ in range(draw(st.integers(2, 3))):
        start, end, granularity = draw(intervals())
        kind = draw(st.sampled_from(["due", "done"]))
        parts.append(Milestone(raw="", start=start, end=end, granularity=granularity, kind=kind, phase=draw(st.sampled_from(PHASES))))
    last = max(parts, key=lambda m: m.end)
    return Deadline(
        raw="",
        start=min(m.start for m in parts),
        end=max(m.end for m in parts),
        granularity=last.granularity,
        kind="milestone",
        milestones=parts,
    )


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(raw):
    deadline = phrase_to_deadline(raw, context_year=2020)
    assert deadline.raw == raw


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), st.none() | st.integers(1990, 2040))
def test_never_raises_on_grammar_words(raw, year):
    deadline = phrase_to_deadline(raw, context_year=year)
    assert deadline.raw == raw
    if deadline.start and deadline.end:
        assert deadline.start <= deadline.end


@settings(max_examples=300, deadline=None)
@given(single_deadlines())
def test_single_deadline_round_trips(deadline):
    phrase = deadline_to_phrase(deadline)
    again = phrase_to_deadline(phrase)
    assert (again.kind, again.start, again.end, again.granularity) == (deadline.kind, deadline.start, deadline.end, deadline.granularity), phrase
    phases = [q for q in deadline.qualifiers if q in PHASES]
    assert [q for q in again.qualifiers if q in PHASES] == phases, phrase
    assert any(q.startswith("à partir de") for q in again.qualifiers) == (deadline.kind == "open_ended"), phrase


@settings(max_examples=200, deadline=None)
@given(milestone_deadlines())
def test_milestone_deadline_round_trips(deadline):
    phrase = deadline_to_phrase(deadline)
    again = phrase_to_deadline(phrase)
    assert (again.kind, again.start, again.end, again.granularity) == ("milestone", deadline.start, deadline.end, deadline.granularity), phrase
    assert [(m.kind, m.start, m.end, m.granularity, m.phase) for m in again.milestones] == [
        (m.kind, m.start, m.end, m.granularity, m.phase) for m in deadline.milestones
    ], phrase
