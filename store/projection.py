"""An edition's run into plain rows: missions, actions, steps, deadlines, owners, indicators, findings.

    edition_rows(edition, run_id)    Edition -> {table: [row, ...]}
    project_run(db, run_id)          replaces the derived rows of the run's edition with the rows of that run

Only the current run of each edition is projected; every run keeps its edition JSON in ``runs``.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from ..audit.phrases import finding_text
from ..schemas import Action, Edition
from ..schemas.provenance import Provenance

#: Deadline kinds that set a date to meet (a "done" or "ongoing" phrase is a state, not a due date).
DUE_KINDS = ("due", "milestone", "open_ended")


def _where(p: Provenance | None) -> dict:
    if p is None:
        return {"source": None, "page": None, "line_start": None, "line_end": None, "quote": None}
    return {"source": p.source, "page": p.page, "line_start": p.line_start, "line_end": p.line_end, "quote": p.quote}


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def action_end(action: Action) -> dt.date | None:
    """The latest end date the card's deadlines set (None when none sets a date)."""
    ends = [d.end for d in action.deadlines if d.kind in DUE_KINDS and d.end is not None]
    return max(ends) if ends else None


def action_id(run_id: int, ordinal: int) -> str:
    return f"{run_id}:{ordinal}"


def edition_rows(edition: Edition, run_id: int) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {k: [] for k in ("missions", "actions", "steps", "deadlines", "owners", "indicators", "findings")}
    for i, m in enumerate(edition.missions):
        rows["missions"].append({"run_id": run_id, "edition_id": edition.id, "ordinal": i, "code": m.code, "code_printed": m.code_printed,
                                 "name": m.name, "objective": m.objective, "uid": None, **_where(m.provenance)})
    for i, a in enumerate(edition.actions):
        aid = action_id(run_id, i)
        rows["actions"].append({
            "id": aid, "run_id": run_id, "edition_id": edition.id, "ordinal": i, "code": a.code, "code_printed": a.code_printed,
            "mission": a.mission, "title": a.title, "objective": a.objective, "status": a.status, "completed": int(a.completed),
            "new": int(a.new), "end_date": _date(action_end(a)), "uid": None, **_where(a.provenance),
        })
        for k, d in enumerate(a.deadlines):
            rows["deadlines"].append({"action_id": aid, "step": -1, "ordinal": k, "raw": d.raw, "start": _date(d.start), "end": _date(d.end),
                                      "granularity": d.granularity, "kind": d.kind})
        for s_i, s in enumerate(a.steps):
            rows["steps"].append({"action_id": aid, "ordinal": s_i, "text": s.text, "deadline_printed": s.deadline_printed, "status": s.status,
                                  "start": _date(s.deadline.start) if s.deadline else None, "end": _date(s.deadline.end) if s.deadline else None,
                                  **_where(s.provenance)})
            if s.deadline is not None:
                d = s.deadline
                rows["deadlines"].append({"action_id": aid, "step": s_i, "ordinal": 0, "raw": d.raw, "start": _date(d.start), "end": _date(d.end),
                                          "granularity": d.granularity, "kind": d.kind})
        for k, o in enumerate(a.owners):
            rows["owners"].append({"action_id": aid, "ordinal": k, "raw": o.raw, "owner_id": o.id, "name": o.name, "kind": o.kind,
                                   "recognised": int(o.recognised)})
    if edition.indicators is not None:
        columns = edition.indicators.columns
        for r, row in enumerate(edition.indicators.rows):
            for c, cell in enumerate(row.cells):
                v = cell.value
                rows["indicators"].append({
                    "run_id": run_id, "edition_id": edition.id, "row": r, "col": c, "mission": row.mission, "label": row.label,
                    "column_label": cell.column or (columns[c] if c < len(columns) else None), "raw": cell.raw,
                    "kind": v.kind if v else None, "value": v.value if v else None, "low": v.low if v else None,
                    "high": v.high if v else None, "unit": v.unit if v else None,
                })
    for i, f in enumerate(edition.findings):
        rows["findings"].append({"run_id": run_id, "edition_id": edition.id, "ordinal": i, "kind": f.kind, "severity": f.severity,
                                 "subject": f.subject, "code": f.code, "params": json.dumps(f.params, ensure_ascii=False, sort_keys=True),
                                 "message_fr": finding_text(f.code, f.params, f.message, "fr"), "message": f.message, **_where(f.provenance[0] if f.provenance else None)})
    return rows


def unproject_edition(db: sqlite_utils.Database, edition_id: str) -> None:
    """Remove the derived rows of one edition's run (not the chain tables: `lineage.relink` redoes those)."""
    ids = "SELECT id FROM actions WHERE edition_id = ?"
    for table in ("steps", "deadlines", "owners"):
        db.execute(f"DELETE FROM [{table}] WHERE action_id IN ({ids})", [edition_id])
    for table in ("actions", "missions", "indicators", "findings"):
        db[table].delete_where("edition_id = ?", [edition_id])


def load_run_edition(db: sqlite_utils.Database, run_id: int) -> Edition:
    row = db["runs"].get(run_id)
    return Edition.model_validate_json(row["edition_json"])


def project_run(db: sqlite_utils.Database, run_id: int, edition: Edition | None = None) -> None:
    """Make `run_id` the projected run of its edition."""
    edition = edition or load_run_edition(db, run_id)
    unproject_edition(db, edition.id)
    for table, rows in edition_rows(edition, run_id).items():
        if rows:
            db[table].insert_all(rows)
