"""The indicator tables of two editions matched: columns by header, rows by label and unit.

Columns are paired by their folded header; headers that changed are paired by
position among the rest ("projection fin 2020" -> "en 2020"). A row is what it
measures, not the mission it is printed under: rows are paired first on a label
and unit that each table prints once (so a mission rename the diff missed never
turns rows into removed + added), then on an identical label key within the
same (matched) mission, then the rows left over by label similarity within a
mission, one to one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from ..assignment import assign
from ..vocabulary.text import fold
from ..schemas import IndicatorTable
from .settings import DiffSettings
from .similarity import match_key


@dataclass
class IndicatorMatching:
    """Which column and which row of the older table is which of the newer one."""

    column_pairs: list[tuple[int, int]] = field(default_factory=list)
    columns_gone: list[int] = field(default_factory=list)
    columns_added: list[int] = field(default_factory=list)
    #: (row index in old, row index in new, label similarity), by old row.
    row_pairs: list[tuple[int, int, float]] = field(default_factory=list)
    rows_gone: list[int] = field(default_factory=list)
    rows_added: list[int] = field(default_factory=list)


def column_pairs(old: list[str], new: list[str]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Columns paired by header; headers that changed are paired by position among the rest."""
    new_by_key = {fold(h): j for j, h in enumerate(new)}
    pairs = [(i, new_by_key[fold(h)]) for i, h in enumerate(old) if fold(h) in new_by_key]
    left_o = [i for i in range(len(old)) if i not in {p[0] for p in pairs}]
    left_n = [j for j in range(len(new)) if j not in {p[1] for p in pairs}]
    renamed = list(zip(left_o, left_n))
    return pairs + renamed, left_o[len(renamed):], left_n[len(renamed):]


def _measure(row) -> tuple[str, tuple[str, ...]]:
    """What a row measures: its label key and the units its cells print."""
    units = tuple(sorted({c.value.unit for c in row.cells if c.value is not None and c.value.unit}))
    return match_key(row.label), units


def _unique_measures(rows_o: list, rows_n: list) -> list[tuple[int, int, float]]:
    """Rows paired on a label and unit that each table prints exactly once, whatever mission they stand under."""
    def once(rows):
        seen: dict = {}
        for i, r in enumerate(rows):
            seen.setdefault(_measure(r), []).append(i)
        return {k: v[0] for k, v in seen.items() if len(v) == 1}

    in_old, in_new = once(rows_o), once(rows_n)
    return [(i, in_new[k], 1.0) for k, i in in_old.items() if k in in_new]


def tables_to_matches(old: IndicatorTable, new: IndicatorTable, new_of_old: dict[str, str], settings: DiffSettings) -> IndicatorMatching:
    """Columns and rows of two indicator tables matched; old missions are read under their new codes."""
    result = IndicatorMatching()
    result.column_pairs, result.columns_gone, result.columns_added = column_pairs(old.columns, new.columns)
    rows_o, rows_n = list(old.rows), list(new.rows)
    key = lambda r, mission: (mission, match_key(r.label))  # noqa: E731
    index_n = {key(r, r.mission): j for j, r in enumerate(rows_n)}
    row_pairs: list[tuple[int, int, float]] = _unique_measures(rows_o, rows_n)
    left_o = []
    for i, r in enumerate(rows_o):
        if i in {p[0] for p in row_pairs}:
            continue
        j = index_n.get(key(r, new_of_old.get(r.mission, r.mission)))
        if j is not None and j not in {p[1] for p in row_pairs}:
            row_pairs.append((i, j, 1.0))
        else:
            left_o.append(i)
    left_n = [j for j in range(len(rows_n)) if j not in {p[1] for p in row_pairs}]
    if left_o and left_n:
        sims = np.array([[fuzz.token_sort_ratio(match_key(rows_o[i].label), match_key(rows_n[j].label)) / 100.0
                          if new_of_old.get(rows_o[i].mission, rows_o[i].mission) == rows_n[j].mission else 0.0
                          for j in left_n] for i in left_o])
        for a, b, sim in assign(sims, settings.indicator_row_threshold):
            row_pairs.append((left_o[a], left_n[b], sim))
        left_o = [i for i in left_o if i not in {p[0] for p in row_pairs}]
        left_n = [j for j in left_n if j not in {p[1] for p in row_pairs}]
    result.row_pairs, result.rows_gone, result.rows_added = sorted(row_pairs), left_o, left_n
    return result
