"""One action (or mission) across every stored edition.

    find_lineages(db, query)        a code, a title (or part of one) or a uid -> the uids it names
    lineage_history(db, query)      -> History: per edition code, title, mission, owners, status and
                                       deadlines with their provenance, the lineage events, the slip
    render_history(history, fmt, lang) -> markdown or CSV worded in French (default) or English, or JSON
                                       (codes and values, no sentences); deterministic: no time stamps

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
from .words import WORDS, read_detail


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
    #: What the history says about the query, as codes and values (`note_text` words them):
    #: {"kind": "code_reused", "code": ..., "lineages": [[uid, [codes printed]], ...]} or {"kind": "no_match", "query": ...}
    notes: list[dict] = field(default_factory=list)


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
            ev = {k: r[k] for k in ("event", "code", "other_uid") if r[k] is not None}
            if r["detail"] is not None:
                ev["detail"] = read_detail(r["detail"])
            events.setdefault(r["edition_id"], []).append(ev)
        entries = (_action_entries if kind == "action" else _mission_entries)(db, uid, editions, events)
        ends = [x.end_date for x in entries if x.present and x.end_date]
        first, last = (ends[0], ends[-1]) if ends else (None, None)
        slip = months_between(dt.date.fromisoformat(first), dt.date.fromisoformat(last)) if first and last else None
        codes = list(dict.fromkeys(x.code for x in entries if x.code))
        lineages.append(LineageHistory(uid, kind, codes, entries, first, last, slip))
    notes = []
    code = _canonical_code(query.strip())
    if code and len(lineages) > 1:
        notes.append({"kind": "code_reused", "code": code, "lineages": [[h.uid, h.codes] for h in lineages]})
    if not lineages:
        notes.append({"kind": "no_match", "query": query})
    return History(query, lineages, notes)


def _event_text(ev: dict, w: dict) -> str:
    text = w["events"].get(ev["event"], ev["event"])
    said = ev.get("detail")
    if said:
        wording = said["text"] if said["kind"] == "text" else w["details"][said["kind"]].format(**{k: v for k, v in said.items() if k != "kind"})
        text += f" ({wording})"
    if ev.get("other_uid"):
        text += f" [{ev['other_uid']}]"
    return text


def _deadline_text(d: dict, w: dict) -> str:
    span = f"{d['start'] or '…'} – {d['end'] or '…'}" if d["start"] or d["end"] else w["deadline_kind"].get(d["kind"], d["kind"])
    return f"{d['raw']} ({span})"


def _status_text(x: EditionEntry, kind: str, w: dict) -> str | None:
    if x.status is None or kind == "mission":  # a mission's status is its count of actions ("5 actions"), the same in both languages
        return x.status
    return w["status"].get(x.status, x.status)


def note_text(note: dict, lang: str = "fr") -> str:
    """One note of a History, worded in `lang`."""
    w = WORDS[lang]
    if note["kind"] == "code_reused":
        items = w["sep"].join(w["code_reused_item"].format(uid=uid, codes=", ".join(codes)) for uid, codes in note["lineages"])
        return w["code_reused"].format(code=note["code"], n=len(note["lineages"]), lineages=items)
    return w["no_match"].format(query=note["query"])


def _cell(text) -> str:
    from ..escape import markdown_inline

    return markdown_inline("" if text is None else str(text))


def _markdown(history: History, lang: str) -> str:
    w = WORDS[lang]
    out = [f"# {w['title'].format(query=_cell(history.query))}", ""]
    out += [f"> {_cell(note_text(note, lang))}" for note in history.notes]
    if history.notes:
        out.append("")
    for h in history.lineages:
        out += [f"## {w[h.kind]} {h.uid}", ""]
        if h.kind == "action":
            if h.slip_months is not None:
                out += [w["end_date"].format(first=h.first_end, last=h.last_end, slip=f"{h.slip_months:+d}"), ""]
            else:
                out += [w["no_end_date"], ""]
        out += ["| " + " | ".join(w["columns"]) + " |", "|" + " --- |" * len(w["columns"])]
        for x in h.entries:
            edition = " ".join([x.edition] + ([w["fictitious"]] if x.fictitious else []) + ([w["retypeset"]] if x.retypeset else []))
            events = w["sep"].join(_event_text(ev, w) for ev in x.events)
            if not x.present:
                out.append(f"| {_cell(edition)} | {x.published or ''} | | | | | | | | {_cell(events)} |")
                continue
            out.append("| " + " | ".join(_cell(v) for v in (
                edition, x.published, x.code, x.title, x.mission, ", ".join(x.owners), _status_text(x, h.kind, w),
                w["sep"].join(_deadline_text(d, w) for d in x.deadlines), x.where, events)) + " |")
        out.append("")
    return "\n".join(out)


def _csv(history: History, lang: str) -> str:
    from ..escape import csv_cell

    w = WORDS[lang]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(w["csv_columns"])
    for h in history.lineages:
        for x in h.entries:
            writer.writerow([csv_cell(v) for v in (
                h.uid, h.kind, x.edition, x.published, int(x.fictitious), int(x.present), x.code, x.title, x.mission, "; ".join(x.owners),
                _status_text(x, h.kind, w), w["sep"].join(_deadline_text(d, w) for d in x.deadlines), x.end_date, x.where,
                w["sep"].join(_event_text(ev, w) for ev in x.events), h.slip_months)])
    return buffer.getvalue()


def render_history(history: History, fmt: str = "md", lang: str = "fr") -> str:
    """History as text: markdown or CSV worded in `lang` ('fr' by default, or 'en'); JSON holds codes and values only."""
    if fmt == "json":
        return json.dumps(asdict(history), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "csv":
        return _csv(history, lang)
    return _markdown(history, lang)
