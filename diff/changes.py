"""Every kind of change between matched (or unmatched) elements of two editions.

Each function turns a matching into `Change`s that cite the place of the fact
in both editions (the side where an element is absent cites where it would
stand: its mission, or the table). Texts are compared on `fold()` (so a
change of typography is not a change), deadlines on their normalised
intervals (so "2nd semestre 2020" and "S2 2020" are the same), owners on
their canonical ids when the normaliser recognised them.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from ..schemas import Action, Deadline, Edition, IndicatorCell, Step
from ..schemas.diff import Change
from ..vocabulary import status
from ..vocabulary.text import fold
from .actions import ActionMatching
from .missions import MissionMatching
from .settings import DiffSettings
from .similarity import folded, match_key

#: Base importance of each kind (higher first in reports).
IMPORTANCE = {
    "mission_renamed": 100,
    "mission_added": 100,
    "mission_removed": 100,
    "action_dropped": 95,
    "action_added": 90,
    "action_completed": 85,
    "action_exited_completed": 80,
    "action_moved": 70,
    "deadline_changed": 60,
    "status_changed": 55,
    "owner_changed": 50,
    "indicator_added": 45,
    "indicator_removed": 45,
    "column_changed": 45,
    "action_retitled": 40,
    "action_recoded": 40,
    "indicator_revised": 35,
    "step_added": 30,
    "step_removed": 30,
    "mission_reworded": 30,
    "action_reworded": 25,
    "step_changed": 20,
}


def _change(kind: str, **fields) -> Change:
    importance = IMPORTANCE[kind] + fields.pop("bonus", 0)
    confidence = round(min(1.0, max(0.0, fields.pop("confidence"))), 4)
    return Change(kind=kind, importance=importance, confidence=confidence, **fields)


def _differs(a: str | None, b: str | None) -> bool:
    return folded(a or "") != folded(b or "")


# ---------------------------------------------------------------- missions


def mission_changes(old: Edition, new: Edition, missions: MissionMatching) -> list[Change]:
    changes = []
    for match in missions.matches:
        o, n = old.mission(match.old), new.mission(match.new)
        if o.code != n.code:
            changes.append(_change(
                "mission_renamed", mission=n.code, subject=o.code, before=o.code_printed, after=n.code_printed,
                detail={"evidence": ", ".join(match.evidence)}, confidence=match.score, old=o.provenance, new=n.provenance,
            ))
        # A description is a one-line summary on the web pages but an opening
        # paragraph in a brochure: only compared between editions of one kind.
        fields = ("name", "objective", "description") if old.level == new.level else ("name", "objective")
        for name in fields:
            a, b = getattr(o, name), getattr(n, name)
            if a and b and _differs(a, b):
                changes.append(_change(
                    "mission_reworded", mission=n.code, subject=n.code, before=a, after=b, detail={"field": name},
                    confidence=match.score, old=o.provenance, new=n.provenance,
                ))
    # The side where a mission is absent cites where that edition lists its missions (its count of missions).
    listed_old = next((c.provenance for c in old.claims if c.kind == "missions"), None)
    listed_new = next((c.provenance for c in new.claims if c.kind == "missions"), None)
    for o in missions.unmatched_old:
        changes.append(_change("mission_removed", mission=o.code, subject=o.code, before=o.name or o.description or o.code_printed,
                               confidence=1.0, old=o.provenance, new=listed_new))
    for n in missions.unmatched_new:
        changes.append(_change("mission_added", mission=n.code, subject=n.code, after=n.name or n.description or n.code_printed,
                               confidence=1.0, old=listed_old, new=n.provenance))
    return changes


# ---------------------------------------------------------------- deadlines and states

_DONE = status.DONE_OPENINGS
_ONGOING = status.ONGOING_PHRASES


def _phrase_state(deadline: Deadline | None, raw: str | None) -> str | None:
    """'done', 'ongoing' or None (a due date or nothing) for one deadline/status phrase."""
    if deadline is not None and deadline.kind in ("done", "ongoing"):
        return deadline.kind
    key = fold(raw or (deadline.raw if deadline else ""))
    if key.startswith(_DONE):
        return "done"
    if key.startswith(_ONGOING):
        return "ongoing"
    return None


def _card_deadlines(action: Action) -> list[tuple[str, Deadline | None]]:
    """(phrase as printed, its normalised interval or None) for the card-level deadlines."""
    if len(action.deadlines) == len(action.deadlines_printed):
        return list(zip(action.deadlines_printed, action.deadlines))
    return [(raw, None) for raw in action.deadlines_printed]


def _state(phrases: list[tuple[str, Deadline | None]]) -> str | None:
    states = [_phrase_state(d, raw) for raw, d in phrases]
    if "done" in states:
        return "done"
    if "ongoing" in states:
        return "ongoing"
    return None


def _due(phrases: list[tuple[str, Deadline | None]]) -> tuple[dt.date | None, list[str]]:
    """The latest end date among the phrases that set a date, and those phrases' folded text."""
    ends, dated = [], []
    for raw, d in phrases:
        if _phrase_state(d, raw) is not None:
            continue
        dated.append(fold(raw))
        if d is not None and d.end is not None:
            ends.append(d.end)
    return (max(ends) if ends else None), dated


def months_between(before: dt.date, after: dt.date) -> int:
    """Slip in whole months from one interval end to another (positive = later)."""
    return (after.year - before.year) * 12 + (after.month - before.month)


def _deadline_change(subject, mission, old_phr, new_phr, old_prov, new_prov, confidence) -> Change | None:
    end_o, dated_o = _due(old_phr)
    end_n, dated_n = _due(new_phr)
    if not dated_o or not dated_n:
        return None
    if end_o is not None and end_n is not None:
        if end_o == end_n:
            return None
        slip = months_between(end_o, end_n)
        detail = {"slip_months": slip, "end_before": end_o.isoformat(), "end_after": end_n.isoformat()}
        bonus = min(abs(slip), 24)
    elif dated_o == dated_n:
        return None
    else:
        detail = {"slip_months": None, "end_before": None, "end_after": None}
        bonus = 0
    return _change(
        "deadline_changed", mission=mission, subject=subject,
        before=" / ".join(r for r, d in old_phr if _phrase_state(d, r) is None),
        after=" / ".join(r for r, d in new_phr if _phrase_state(d, r) is None),
        detail=detail, bonus=bonus, confidence=confidence, old=old_prov, new=new_prov,
    )


def _status_change(subject, mission, old_phr, new_phr, old_prov, new_prov, confidence) -> Change | None:
    state_o, state_n = _state(old_phr), _state(new_phr)
    if state_o == state_n:
        return None
    return _change(
        "status_changed", mission=mission, subject=subject,
        before=" / ".join(r for r, _ in old_phr) or None, after=" / ".join(r for r, _ in new_phr) or None,
        detail={"state_before": state_o or "due", "state_after": state_n or "due"},
        confidence=confidence, old=old_prov, new=new_prov,
    )


def _step_phrases(step: Step) -> list[tuple[str, Deadline | None]]:
    if step.deadline_printed:
        return [(step.deadline_printed, step.deadline)]
    if step.status:
        return [("Fait" if step.status == "done" else "En cours", None)]
    return []


# ---------------------------------------------------------------- owners


def _owner_keys(action: Action) -> tuple[str, ...]:
    if action.owners:
        return tuple(sorted({o.id for o in action.owners}))
    parts = []
    for line in action.owners_printed:
        parts.extend(p for p in (fold(x) for x in line.replace(" et ", ",").split(",")) if p)
    return tuple(sorted(set(parts)))


# ---------------------------------------------------------------- steps


def step_pairs(old: list[Step], new: list[Step], threshold: float) -> tuple[list[tuple[int, int, float]], list[int], list[int]]:
    """One-to-one matching of the steps of two matched cards."""
    if not old or not new:
        return [], list(range(len(old))), list(range(len(new)))
    from rapidfuzz import process

    # token_set: a step that gained or lost a few words stays the same step.
    sims = process.cdist([match_key(s.text) for s in old], [match_key(s.text) for s in new], scorer=fuzz.token_set_ratio, dtype=np.float32) / 100.0
    # Order is a weak tie-breaker: equal texts prefer the same position.
    order = -np.abs(np.subtract.outer(np.arange(len(old)), np.arange(len(new)))) * 1e-4
    rows, cols = linear_sum_assignment(-(sims + order))
    pairs = [(int(i), int(j), float(sims[i, j])) for i, j in zip(rows, cols) if sims[i, j] >= threshold]
    mo, mn = {p[0] for p in pairs}, {p[1] for p in pairs}
    # A short step reworded ("Développer ProConnect" -> "Construire ProConnect") shares few words
    # but keeps its deadline phrase: left-over steps with the same phrase and some words in common pair up.
    left_o = [i for i in range(len(old)) if i not in mo and old[i].deadline_printed]
    left_n = [j for j in range(len(new)) if j not in mn and new[j].deadline_printed]
    if left_o and left_n:
        kept = np.array([[sims[i, j] if folded(old[i].deadline_printed) == folded(new[j].deadline_printed) and sims[i, j] >= 0.45 else 0.0
                          for j in left_n] for i in left_o])
        for a, b in zip(*linear_sum_assignment(-kept)):
            if kept[a, b] > 0:
                pairs.append((left_o[a], left_n[b], float(kept[a, b])))
        mo, mn = {p[0] for p in pairs}, {p[1] for p in pairs}
    pairs.sort()
    return pairs, [i for i in range(len(old)) if i not in mo], [j for j in range(len(new)) if j not in mn]


# ---------------------------------------------------------------- actions


def _was_completed(action: Action, stated_completed: set[str]) -> bool:
    return action.completed or action.status == "completed" or action.code in stated_completed


def action_changes(old: Edition, new: Edition, actions: ActionMatching, missions: MissionMatching, settings: DiffSettings) -> list[Change]:
    changes: list[Change] = []
    new_of_old = missions.new_of_old
    stated_completed = {s.subject for s in old.stated_changes if s.kind == "action_completed"}
    # Where a card of a mission that is itself gone would stand: where the edition lists its missions.
    listed_new = next((c.provenance for c in new.claims if c.kind == "missions"), None)
    listed_old = next((c.provenance for c in old.claims if c.kind == "missions"), None)
    for i, j, score in actions.pairs:
        o, n = old.actions[i], new.actions[j]
        conf = score if score < 1 else 1.0
        m = n.mission
        moved = new_of_old.get(o.mission, o.mission) != n.mission
        if moved:
            changes.append(_change("action_moved", mission=m, subject=n.code, before=f"{o.mission} ({o.code_printed})",
                                   after=f"{n.mission} ({n.code_printed})",
                                   detail={"mission_before": o.mission, "mission_after": n.mission, "code_before": o.code, "code_after": n.code},
                                   confidence=conf, old=o.provenance, new=n.provenance))
        elif o.code != n.code:
            changes.append(_change("action_recoded", mission=m, subject=n.code, before=o.code_printed, after=n.code_printed,
                                   detail={"code_before": o.code, "code_after": n.code}, confidence=conf, old=o.provenance, new=n.provenance))
        if _differs(o.title, n.title):
            changes.append(_change("action_retitled", mission=m, subject=n.code, before=o.title, after=n.title,
                                   confidence=conf, old=o.provenance, new=n.provenance))
        if o.objective and n.objective and _differs(o.objective, n.objective):
            changes.append(_change("action_reworded", mission=m, subject=n.code, before=o.objective, after=n.objective,
                                   detail={"field": "objective"}, confidence=conf, old=o.provenance, new=n.provenance))
        was_done, is_done = _was_completed(o, set()), _was_completed(n, set())
        if is_done and not was_done:
            changes.append(_change("action_completed", mission=m, subject=n.code, before=o.status_printed, after=n.status_printed or "✓",
                                   confidence=conf, old=o.provenance, new=n.provenance))
        elif was_done and not is_done:
            changes.append(_change("status_changed", mission=m, subject=n.code, before=o.status_printed or "✓", after=n.status_printed,
                                   detail={"state_before": "completed", "state_after": "active"}, confidence=conf, old=o.provenance, new=n.provenance))
        else:
            status = _status_change(n.code, m, _card_deadlines(o), _card_deadlines(n), o.provenance, n.provenance, conf)
            if status:
                changes.append(status)
        deadline = _deadline_change(n.code, m, _card_deadlines(o), _card_deadlines(n), o.provenance, n.provenance, conf)
        if deadline:
            changes.append(deadline)
        owners_o, owners_n = _owner_keys(o), _owner_keys(n)
        if owners_o and owners_n and owners_o != owners_n:
            changes.append(_change("owner_changed", mission=m, subject=n.code, before="; ".join(o.owners_printed), after="; ".join(n.owners_printed),
                                   detail={"ids_before": ", ".join(owners_o), "ids_after": ", ".join(owners_n)},
                                   confidence=conf, old=o.provenance, new=n.provenance))
        changes.extend(_step_changes(o, n, m, conf, settings))
    for i in actions.unmatched_old:
        o = old.actions[i]
        kind = "action_exited_completed" if _was_completed(o, stated_completed) else "action_dropped"
        m = new_of_old.get(o.mission, o.mission)
        where = new.mission(m)
        changes.append(_change(kind, mission=m, subject=o.code, before=o.title, detail={"code": o.code, "mission_before": o.mission},
                               confidence=1.0 - actions.best_old.get(i, 0.0), old=o.provenance, new=where.provenance if where else listed_new))
    old_of_new = missions.old_of_new()
    for j in actions.unmatched_new:
        n = new.actions[j]
        where = old.mission(old_of_new.get(n.mission, n.mission))
        changes.append(_change("action_added", mission=n.mission, subject=n.code, after=n.title, detail={"code": n.code, "marked_new": n.new},
                               confidence=1.0 - actions.best_new.get(j, 0.0), old=where.provenance if where else listed_old, new=n.provenance))
    return changes


#: How a step is named as a change subject: "LA1 étape 2", or "LA1 étape 2 (ancienne)" for a step of the older card.
STEP_SUBJECT = re.compile(r"^(?P<code>\S+) étape (?P<number>\d+)(?P<former> \(ancienne\))?$")


def step_subject(code: str, number: int, *, former: bool = False) -> str:
    """The subject of a change about step `number` (from 1) of the card `code`."""
    return f"{code} étape {number}" + (" (ancienne)" if former else "")


def _step_changes(o: Action, n: Action, mission: str, conf: float, settings: DiffSettings) -> list[Change]:
    changes = []
    pairs, gone, added = step_pairs(o.steps, n.steps, settings.step_threshold)
    for i, j, sim in pairs:
        so, sn = o.steps[i], n.steps[j]
        subject = step_subject(n.code, j + 1)
        if _differs(so.text, sn.text):
            changes.append(_change("step_changed", mission=mission, subject=subject, before=so.text, after=sn.text,
                                   detail={"step_before": i + 1, "step_after": j + 1}, confidence=conf * max(sim, 0.5),
                                   old=so.provenance, new=sn.provenance))
        po, pn = _step_phrases(so), _step_phrases(sn)
        status = _status_change(subject, mission, po, pn, so.provenance, sn.provenance, conf)
        if status:
            changes.append(status)
        deadline = _deadline_change(subject, mission, po, pn, so.provenance, sn.provenance, conf)
        if deadline:
            changes.append(deadline)
    for i in gone:
        s = o.steps[i]
        changes.append(_change("step_removed", mission=mission, subject=step_subject(n.code, i + 1, former=True), before=s.text,
                               detail={"step_before": i + 1}, confidence=conf, old=s.provenance, new=n.provenance))
    for j in added:
        s = n.steps[j]
        changes.append(_change("step_added", mission=mission, subject=step_subject(n.code, j + 1), after=s.text,
                               detail={"step_after": j + 1}, confidence=conf, old=o.provenance, new=s.provenance))
    return changes


# ---------------------------------------------------------------- indicators


def _cell_key(cell: IndicatorCell) -> tuple:
    v = cell.value
    if v is None:
        return ("raw", fold(cell.raw))
    return (v.kind, v.value, v.low, v.high, v.unit)


def column_pairs(old: list[str], new: list[str]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Columns paired by header; headers that changed are paired by position among the rest."""
    new_by_key = {fold(h): j for j, h in enumerate(new)}
    pairs = [(i, new_by_key[fold(h)]) for i, h in enumerate(old) if fold(h) in new_by_key]
    left_o = [i for i in range(len(old)) if i not in {p[0] for p in pairs}]
    left_n = [j for j in range(len(new)) if j not in {p[1] for p in pairs}]
    renamed = list(zip(left_o, left_n))
    return pairs + renamed, left_o[len(renamed):], left_n[len(renamed):]


def indicator_changes(old: Edition, new: Edition, missions: MissionMatching) -> list[Change]:
    to, tn = old.indicators, new.indicators
    if to is None or tn is None:
        return []
    changes: list[Change] = []
    new_of_old = missions.new_of_old
    pairs, gone, added = column_pairs(to.columns, tn.columns)
    for i, j in pairs:
        if _differs(to.columns[i], tn.columns[j]):
            changes.append(_change("column_changed", mission=None, subject=tn.columns[j], before=to.columns[i], after=tn.columns[j],
                                   confidence=1.0, old=to.provenance, new=tn.provenance))
    for i in gone:
        changes.append(_change("column_changed", mission=None, subject=to.columns[i], before=to.columns[i], after=None,
                               confidence=1.0, old=to.provenance, new=tn.provenance))
    for j in added:
        changes.append(_change("column_changed", mission=None, subject=tn.columns[j], before=None, after=tn.columns[j],
                               confidence=1.0, old=to.provenance, new=tn.provenance))
    col_of_old = {to.columns[i]: tn.columns[j] for i, j in pairs}

    rows_o = list(to.rows)
    rows_n = list(tn.rows)
    key = lambda r, mission: (mission, match_key(r.label))  # noqa: E731
    index_n = {key(r, r.mission): j for j, r in enumerate(rows_n)}
    row_pairs: list[tuple[int, int, float]] = []
    left_o = []
    for i, r in enumerate(rows_o):
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
        rr, cc = linear_sum_assignment(-sims)
        for a, b in zip(rr, cc):
            if sims[a, b] >= 0.8:
                row_pairs.append((left_o[a], left_n[b], float(sims[a, b])))
        left_o = [i for i in left_o if i not in {p[0] for p in row_pairs}]
        left_n = [j for j in left_n if j not in {p[1] for p in row_pairs}]
    for i, j, sim in sorted(row_pairs):
        ro, rn = rows_o[i], rows_n[j]
        cells_n = {c.column: c for c in rn.cells}
        for co in ro.cells:
            cn = cells_n.get(col_of_old.get(co.column, ""))
            if cn is None:
                continue
            if _cell_key(co) != _cell_key(cn):
                changes.append(_change("indicator_revised", mission=rn.mission, subject=rn.label, before=co.raw, after=cn.raw,
                                       detail={"column": cn.column, "column_before": co.column}, confidence=sim,
                                       old=ro.provenance, new=rn.provenance))
    for i in left_o:
        r = rows_o[i]
        changes.append(_change("indicator_removed", mission=new_of_old.get(r.mission, r.mission), subject=r.label,
                               before=" | ".join(c.raw for c in r.cells), confidence=1.0, old=r.provenance, new=tn.provenance))
    for j in left_n:
        r = rows_n[j]
        changes.append(_change("indicator_added", mission=r.mission, subject=r.label, after=" | ".join(c.raw for c in r.cells),
                               confidence=1.0, old=to.provenance, new=r.provenance))
    return changes


