"""The indicator tables: columns renamed, added or removed; cells revised; rows added or removed.

Cells are compared on their normalised value (kind, value, bounds, unit), or
on their folded text when they were not read as a value.
"""

from __future__ import annotations

from ...vocabulary.text import fold
from ...schemas import Edition, IndicatorCell
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import column_subject, differs, indicator_subject, make_change


def _cell_key(cell: IndicatorCell) -> tuple:
    v = cell.value
    if v is None:
        return ("raw", fold(cell.raw))
    return (v.kind, v.value, v.low, v.high, v.unit)


def column_changed(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """A column whose header changed, or that is only in one table."""
    if matching.indicators is None:
        return []
    to, tn, m = old.indicators, new.indicators, matching.indicators
    changes = []
    for i, j in m.column_pairs:
        if differs(to.columns[i], tn.columns[j]):
            changes.append(make_change("column_changed", mission=None, subject=column_subject(tn.columns[j]), before=to.columns[i], after=tn.columns[j],
                                       confidence=1.0, old=to.provenance, new=tn.provenance))
    for i in m.columns_gone:
        changes.append(make_change("column_changed", mission=None, subject=column_subject(to.columns[i]), before=to.columns[i], after=None,
                                   confidence=1.0, old=to.provenance, new=tn.provenance))
    for j in m.columns_added:
        changes.append(make_change("column_changed", mission=None, subject=column_subject(tn.columns[j]), before=None, after=tn.columns[j],
                                   confidence=1.0, old=to.provenance, new=tn.provenance))
    return changes


def indicator_rows(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """`indicator_revised` per cell whose value changed in a matched row (and column); rows removed and added."""
    if matching.indicators is None:
        return []
    to, tn, m = old.indicators, new.indicators, matching.indicators
    col_of_old = {to.columns[i]: tn.columns[j] for i, j in m.column_pairs}
    new_of_old = matching.missions.new_of_old
    changes = []
    for i, j, sim in m.row_pairs:
        ro, rn = to.rows[i], tn.rows[j]
        cells_n = {c.column: c for c in rn.cells}
        for co in ro.cells:
            cn = cells_n.get(col_of_old.get(co.column, ""))
            if cn is not None and _cell_key(co) != _cell_key(cn):
                changes.append(make_change("indicator_revised", mission=rn.mission, subject=indicator_subject(rn.mission, rn.label), before=co.raw, after=cn.raw,
                                           detail={"column": cn.column, "column_before": co.column}, confidence=sim,
                                           old=ro.provenance, new=rn.provenance))
    for i in m.rows_gone:
        r = to.rows[i]
        changes.append(make_change("indicator_removed", mission=new_of_old.get(r.mission, r.mission), subject=indicator_subject(new_of_old.get(r.mission, r.mission), r.label),
                                   before=" | ".join(c.raw for c in r.cells), confidence=1.0, old=r.provenance, new=tn.provenance))
    for j in m.rows_added:
        r = tn.rows[j]
        changes.append(make_change("indicator_added", mission=r.mission, subject=indicator_subject(r.mission, r.label), after=" | ".join(c.raw for c in r.cells),
                                   confidence=1.0, old=to.provenance, new=r.provenance))
    return changes
