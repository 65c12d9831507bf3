"""Test helper: a Deadline written back as a canonical French phrase that
`phrase_to_deadline` reads back to the same value (the round-trip tests and the
property tests use it; the product only reads deadlines)."""

from __future__ import annotations

import datetime as dt

from editiondiff.schemas.values import Deadline
from editiondiff.vocabulary.deadlines import last_day, quarter, season, semester

_MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

_ORDINAL = {1: "1er", 2: "2e", 3: "3e", 4: "4e"}
_MASCULINE_PHASES = {"déploiement", "lancement", "projet", "cadrage"}


def _period(day: dt.date, granularity: str) -> tuple[dt.date, dt.date] | None:
    """The interval of `granularity` that starts on `day`, as the grammar reads it."""
    if granularity == "quarter":
        return quarter(day.year, (day.month - 1) // 3 + 1)
    if granularity == "semester":
        return semester(day.year, 1 if day.month <= 6 else 2)
    if granularity in ("year", "years"):
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if granularity == "month":
        if (day.month, day.day) == (6, 1):
            return day, dt.date(day.year, 7, 31)
        return day, last_day(day.year, day.month)
    if granularity == "season":
        name = {(3, 20): "printemps", (6, 21): "ete", (9, 23): "automne", (12, 21): "hiver"}.get((day.month, day.day))
        return season(day.year, name) if name else None
    return day, day


def _month_phrase(start: dt.date, end: dt.date) -> str:
    name = f"{_MONTH_NAMES[start.month - 1]} {start.year}"
    if start.day == 1 and end == last_day(start.year, start.month):
        return name
    part = {1: "début", 11: "mi", 21: "fin"}.get(start.day)
    if part is None:  # the first bound of a range read at another granularity ("automne 2019 – janvier"): its date
        return f"{start.day} {name}"
    return f"{part} {name}" if part != "mi" else f"mi-{name}"


def _one_period_phrase(start: dt.date, end: dt.date, granularity: str) -> str:
    """The phrase of one period of `granularity` (start..end is exactly that period)."""
    if granularity == "quarter":
        return f"{_ORDINAL[(start.month - 1) // 3 + 1]} trimestre {start.year}"
    if granularity == "semester":
        return f"{'1er' if start.month <= 6 else '2nd'} semestre {start.year}"
    if granularity in ("year", "years"):
        return str(start.year)
    if granularity == "month":
        if (start.month, start.day, end.month, end.day) == (6, 1, 7, 31):
            return f"mi-{start.year}"
        return _month_phrase(start, end)
    season = {3: "printemps", 6: "été", 9: "automne", 12: "hiver"}.get(start.month) if granularity == "season" else None
    if season:
        return f"{season} {start.year}"
    # a day, or the first bound of a range read at a coarser granularity ("2019 – automne"): its date
    day = "1er" if start.day == 1 else str(start.day)
    return f"{day} {_MONTH_NAMES[start.month - 1]} {start.year}"


def _period_ending(day: dt.date, granularity: str) -> tuple[dt.date, dt.date]:
    """The interval of `granularity` that ends on `day`."""
    if granularity == "month":
        if (day.month, day.day) == (7, 31):
            return dt.date(day.year, 6, 1), day
        return dt.date(day.year, day.month, {10: 1, 20: 11}.get(day.day, 1)), day
    if granularity == "season":
        starts = {(6, 20): (3, 20), (9, 22): (6, 21), (12, 20): (9, 23)}
        if (day.month, day.day) in starts:
            month, first = starts[(day.month, day.day)]
            return dt.date(day.year, month, first), day
        return dt.date(day.year - 1, 12, 21), day
    if granularity == "day":
        return day, day
    period = _period(dt.date(day.year, day.month, 1), granularity)
    return (period[0] if period else day), day


def _span_phrase(start: dt.date, end: dt.date, granularity: str) -> str:
    """The canonical phrase of an interval: one period, or a range of two."""
    if granularity == "years":
        return f"{start.year}-{end.year}"
    if _period(start, granularity) == (start, end):
        return _one_period_phrase(start, end, granularity)
    first = _period(start, granularity) or (start, start)
    last = _period_ending(end, granularity)
    return f"{_one_period_phrase(*first, granularity)} – {_one_period_phrase(*last, granularity)}"


def _bound_phrase(day: dt.date, granularity: str, *, at_end: bool) -> str:
    """The phrase of the period of `granularity` that starts (or ends) on `day`."""
    if granularity == "years":
        granularity = "year"
    interval = _period_ending(day, granularity) if at_end else _period(day, granularity)
    return _one_period_phrase(*interval, granularity)


def _dated_phrase(kind: str, start: dt.date | None, end: dt.date | None, granularity: str) -> str:
    """The date words of one part, with the connector its kind needs."""
    if start is not None and end is not None:
        return _span_phrase(start, end, granularity)
    if end is not None:
        bound = _bound_phrase(end, granularity, at_end=True)
        if kind == "ongoing":
            connector = {"quarter": "jusqu'au", "semester": "jusqu'au", "season": "jusqu'à l'"}.get(granularity, "jusqu'en")
        else:
            connector = {"quarter": "d'ici le", "semester": "d'ici le", "season": "d'ici l'"}.get(granularity, "d'ici")
        if bound.startswith("mi-"):
            connector = "jusqu'à" if kind == "ongoing" else "d'ici"
        return f"{connector}{bound}" if connector.endswith("'") else f"{connector} {bound}"
    if start is not None:
        return f"à partir de {_bound_phrase(start, granularity, at_end=False)}"
    return ""


def _part_phrase(kind: str, start, end, granularity: str, phase: str | None) -> str:
    words = []
    if phase:
        words.append(phase)
    dates = _dated_phrase(kind, start, end, granularity)
    if kind == "done":
        words.append("fait" if not phase or phase in _MASCULINE_PHASES else "faite")
    elif kind == "ongoing" and not (start is None and end is not None):
        words.append("en cours")
    if dates:
        words.append(dates)
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:] if phrase else ""


def deadline_to_phrase(deadline: Deadline) -> str:
    """A canonical French phrase that `phrase_to_deadline` reads back to the same value.

    Unparsed deadlines give back their raw text.
    """
    if deadline.kind == "unparsed":
        return deadline.raw
    if deadline.milestones:
        return ". ".join(_part_phrase(m.kind, m.start, m.end, m.granularity, m.phase) for m in deadline.milestones)
    phases = [q for q in deadline.qualifiers if not q.startswith(("puis ", "montée en puissance", "amélioration continue", "à partir de"))]
    phrase = _part_phrase(deadline.kind, deadline.start, deadline.end, deadline.granularity, phases[0] if phases else None)
    for qualifier in deadline.qualifiers:
        if qualifier.startswith("puis "):
            phrase += " " + qualifier
        elif qualifier == "amélioration continue":
            phrase += ", amélioration continue"
    return phrase
