"""One action (or mission) across every stored edition.

    find_lineages(db, query)        a code, a title (or part of one) or a uid -> the uids it names
    lineage_history(db, query)      -> History: per edition code, title, mission, owners, status and
                                       deadlines with their provenance, the lineage events, the slip
    render_history(history, fmt)    -> markdown, JSON or CSV text (deterministic: no time stamps)

A code is not an identity: the same printed code can name different actions
in different editions (XY3 became XY2 once XY2 was dropped). A query by code
returns every lineage that ever printed it, and says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass, field

import sqlite_utils

from ..vocabulary.text import fold


@dataclass
class EditionEntry:
    edition: str
    published: str | None
    fictitious: bool
    present: bool
    retypeset: bool = False
    code: str | None = None
    title: str | None = None
    mission: str | None = None
    owners: list[str] = field(default_factory=list)
    status: str | None = None
    deadlines: list[dict] = field(default_factory=list)
    end_date: str | None = None
    where: str | None = None
    events: list[dict] = field(default_factory=list)


@dataclass
class LineageHistory:
    uid: str
    kind: str
    codes: list[str]
    entries: list[EditionEntry]
    first_end: str | None = None
    last_end: str | None = None
    slip_months: int | None = None


@dataclass
class History:
    query: str
    lineages: list[LineageHistory]
    notes: list[str] = field(default_factory=list)


#: The order in which events of one edition are told.
EVENT_ORDER = ("created", "split", "renamed", "recoded", "moved", "retitled", "completed", "merged", "exited", "dropped", "not_found")


def months_between(before: dt.date, after: dt.date) -> int:
    return (after.year - before.year) * 12 + (after.month - before.month)


def _canonical_code(query: str) -> str | None:
    from ..vocabulary.codes import canonical_action_code

    try:
        return canonical_action_code(query)
    except ValueError:
        return None


def find_lineages(db: sqlite_utils.Database, query: str) -> list[tuple[str, str]]:
    """(uid, kind) of every lineage the query names, oldest first: a uid, an action or mission code, or (part of) an action title,
    else of a mission headline."""
    q = query.strip()
    rows = list(db.query("SELECT uid, kind FROM lineages WHERE uid = ?", [q]))
    if rows:
        return [(r["uid"], r["kind"]) for r in rows]
    order = ("SELECT l.uid, l.kind FROM lineages l JOIN editions e ON e.id = l.first_edition "
             "WHERE l.uid IN ({}) ORDER BY e.published IS NULL, e.published, e.id, l.uid")
    code = _canonical_code(q)
    if code:
        sub = "SELECT a.uid FROM actions a JOIN editions e ON e.current_run = a.run_id WHERE a.code = ?"
        rows = list(db.query(order.format(sub), [code]))
        if rows:
            return [(r["uid"], r["kind"]) for r in rows]
    sub = "SELECT m.uid FROM missions m JOIN editions e ON e.current_run = m.run_id WHERE m.code = ?"
    rows = list(db.query(order.format(sub), [q.upper()]))
    if rows:
        return [(r["uid"], r["kind"]) for r in rows]
    key = fold(q)
    if not key:
        return []
    uids = sorted({r["uid"] for r in db.query(
        "SELECT a.uid, a.title FROM actions a JOIN editions e ON e.current_run = a.run_id") if key in fold(r["title"] or "")})
    uids = uids or sorted({r["uid"] for r in db.query(
        "SELECT m.uid, m.name FROM missions m JOIN editions e ON e.current_run = m.run_id") if key in fold(r["name"] or "")})
    if not uids:
        return []
    rows = db.query(order.format(",".join("?" * len(uids))), uids)
    return [(r["uid"], r["kind"]) for r in rows]


def _editions(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT id, published, fictitious, retypeset, current_run FROM editions WHERE current_run IS NOT NULL "
                         "ORDER BY published IS NULL, published, id"))


def _where(row: dict) -> str | None:
    if not row.get("source"):
        return None
    parts = [f"source {row['source']}"]
    if row.get("page"):
        parts.append(f"p. {row['page']}")
    if row.get("line_start"):
        end = row.get("line_end")
        parts.append(f"l. {row['line_start']}" + (f"-{end}" if end and end != row["line_start"] else ""))
    return ", ".join(parts)


def _action_entries(db: sqlite_utils.Database, uid: str, editions: list[dict], events: dict[str, list[dict]]) -> list[EditionEntry]:
    cards = {r["edition_id"]: r for r in db.query(
        "SELECT a.* FROM actions a JOIN editions e ON e.current_run = a.run_id WHERE a.uid = ?", [uid])}
    ids = [c["id"] for c in cards.values()]
    owners: dict[str, list[str]] = {}
    deadlines: dict[str, list[dict]] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in db.query(f"SELECT action_id, raw, name FROM owners WHERE action_id IN ({marks}) ORDER BY action_id, ordinal", ids):
            owners.setdefault(r["action_id"], []).append(r["name"] or r["raw"])
        for r in db.query(f"SELECT action_id, raw, start, end, kind FROM deadlines WHERE action_id IN ({marks}) AND step = -1 "
                          "ORDER BY action_id, ordinal", ids):
            deadlines.setdefault(r["action_id"], []).append({"raw": r["raw"], "start": r["start"], "end": r["end"], "kind": r["kind"]})
    def fields(card: dict) -> dict:
        return {"code": card["code"], "title": card["title"], "mission": card["mission"], "owners": owners.get(card["id"], []),
                "status": "completed" if card["completed"] or card["status"] == "completed" else card["status"],
                "deadlines": deadlines.get(card["id"], []), "end_date": card["end_date"], "where": _where(card)}

    return _entries(editions, cards, events, fields)


def _entries(editions: list[dict], rows: dict[str, dict], events: dict[str, list[dict]], fields) -> list[EditionEntry]:
    """One entry per edition where the lineage stands (`fields(row)`) or has an event (an absence told)."""
    entries = []
    for e in editions:
        row, evs = rows.get(e["id"]), events.get(e["id"], [])
        if row is None and not evs:
            continue
        entries.append(EditionEntry(e["id"], e["published"], bool(e["fictitious"]), row is not None, bool(e["retypeset"]), events=evs,
                                    **(fields(row) if row is not None else {})))
    return entries


def _mission_entries(db: sqlite_utils.Database, uid: str, editions: list[dict], events: dict[str, list[dict]]) -> list[EditionEntry]:
    rows = {r["edition_id"]: r for r in db.query(
        "SELECT m.* FROM missions m JOIN editions e ON e.current_run = m.run_id WHERE m.uid = ?", [uid])}
    counts = {(r["edition_id"], r["mission"]): r["n"] for r in db.query(
        "SELECT a.edition_id, a.mission, count(*) AS n FROM actions a JOIN editions e ON e.current_run = a.run_id GROUP BY a.edition_id, a.mission")}
    def fields(row: dict) -> dict:
        n = counts.get((row["edition_id"], row["code"]))
        return {"code": row["code"], "title": row["name"], "mission": row["code"], "status": f"{n} actions" if n is not None else None,
                "where": _where(row)}

    return _entries(editions, rows, events, fields)


def lineage_history(db: sqlite_utils.Database, query: str) -> History:
    found = find_lineages(db, query)
    editions = _editions(db)
    lineages = []
    for uid, kind in found:
        events: dict[str, list[dict]] = {}
        rows = db.query("SELECT position, edition_id, event, code, other_uid, detail FROM lineage WHERE uid = ?", [uid])
        for r in sorted(rows, key=lambda r: (r["position"], EVENT_ORDER.index(r["event"]) if r["event"] in EVENT_ORDER else 99)):
            events.setdefault(r["edition_id"], []).append({k: r[k] for k in ("event", "code", "other_uid", "detail") if r[k] is not None})
        entries = (_action_entries if kind == "action" else _mission_entries)(db, uid, editions, events)
        ends = [x.end_date for x in entries if x.present and x.end_date]
        first, last = (ends[0], ends[-1]) if ends else (None, None)
        slip = months_between(dt.date.fromisoformat(first), dt.date.fromisoformat(last)) if first and last else None
        codes = list(dict.fromkeys(x.code for x in entries if x.code))
        lineages.append(LineageHistory(uid, kind, codes, entries, first, last, slip))
    notes = []
    code = _canonical_code(query.strip())
    if code and len(lineages) > 1:
        notes.append(f"the code {code} names {len(lineages)} different actions across the stored editions: "
                     + "; ".join(f"{h.uid} (printed {', '.join(h.codes)})" for h in lineages))
    if not lineages:
        notes.append(f"nothing in the store matches {query!r} (an action or mission code, a title or a uid)")
    return History(query, lineages, notes)


_EVENT_WORDS = {"created": "created", "retitled": "retitled", "recoded": "recoded", "moved": "moved", "merged": "merged",
                "split": "split", "completed": "completed", "exited": "exited", "dropped": "dropped", "not_found": "not found",
                "renamed": "renamed"}


def _event_text(ev: dict) -> str:
    text = _EVENT_WORDS.get(ev["event"], ev["event"])
    if ev.get("detail"):
        text += f" ({ev['detail']})"
    if ev.get("other_uid"):
        text += f" [{ev['other_uid']}]"
    return text


def _deadline_text(d: dict) -> str:
    span = f"{d['start'] or '…'} – {d['end'] or '…'}" if d["start"] or d["end"] else d["kind"]
    return f"{d['raw']} ({span})"


def _cell(text: str | None) -> str:
    from ..escape import markdown_inline

    return markdown_inline(text or "")


def _markdown(history: History) -> str:
    out = [f"# History of {_cell(history.query)}", ""]
    out += [f"> {_cell(note)}" for note in history.notes]
    if history.notes:
        out.append("")
    for h in history.lineages:
        label = "Action" if h.kind == "action" else "Mission"
        out += [f"## {label} {h.uid}", ""]
        if h.kind == "action":
            if h.slip_months is not None:
                out += [f"End date: {h.first_end} at first appearance, {h.last_end} last; total slip {h.slip_months:+d} months.", ""]
            else:
                out += ["End date: no dated deadline printed on the card.", ""]
        out += ["| edition | published | code | title | mission | owners | status | deadlines | where | events |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for x in h.entries:
            edition = x.edition + (" (fictitious)" if x.fictitious else "") + (" (retypeset)" if x.retypeset else "")
            events = "; ".join(_event_text(ev) for ev in x.events)
            if not x.present:
                out.append(f"| {_cell(edition)} | {x.published or ''} | | | | | | | | {_cell(events)} |")
                continue
            out.append("| " + " | ".join(_cell(v) for v in (
                edition, x.published, x.code, x.title, x.mission, ", ".join(x.owners), x.status,
                "; ".join(_deadline_text(d) for d in x.deadlines), x.where, events)) + " |")
        out.append("")
    return "\n".join(out)


def _csv(history: History) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["uid", "kind", "edition", "published", "fictitious", "present", "code", "title", "mission", "owners", "status",
                     "deadlines", "end_date", "where", "events", "slip_months"])
    from ..escape import csv_cell

    for h in history.lineages:
        for x in h.entries:
            writer.writerow([csv_cell(v) for v in (
                h.uid, h.kind, x.edition, x.published, int(x.fictitious), int(x.present), x.code, x.title, x.mission, "; ".join(x.owners),
                x.status, "; ".join(_deadline_text(d) for d in x.deadlines), x.end_date, x.where,
                "; ".join(_event_text(ev) for ev in x.events), h.slip_months)])
    return buffer.getvalue()


def render_history(history: History, fmt: str = "md") -> str:
    if fmt == "json":
        return json.dumps(asdict(history), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "csv":
        return _csv(history)
    return _markdown(history)
