"""Actions and missions followed across every stored edition: stable identifiers and lineage events.

The editions of the store form one chain, oldest first (publication date, then
id; undated editions after dated ones). `relink` keeps, for that chain:

* the diff of each pair of consecutive editions (``diffs``, ``links``, ``changes``);
* for actions, the diff of consecutive editions *that have action cards*,
  across editions known only at mission level (a "skip" pair), and a second
  look at cards that went missing for one edition (``recovered`` links: a
  card absent from edition B but matched again in C is an extraction gap in
  B, not a drop and a creation);
* merges and splits: a card left unmatched whose match score with a card
  that was taken by another is above the diff's own threshold (it would have
  been matched had that card been free), and a card an edition says was
  transformed into another one;
* each action's and mission's identifier (``uid``), inherited along the
  matches: ``XY3@mi-2020`` is the card printed XY3 when first seen in
  mi-2020, whatever its code becomes (codes are reused: XY3 became XY2 once
  XY2 was dropped);
* its events (``lineage``): created, retitled, recoded, moved, merged, split,
  completed, exited, dropped, not_found (an extraction gap, said as such),
  and for missions created, renamed, dropped.

Only the pairs whose runs changed are diffed again; everything else is read back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import sqlite_utils

from ..schemas import Edition
from ..schemas.diff import Change, Diff
from .projection import load_run_edition
from .tables import DERIVED

#: Change kinds that are lineage events of the matched card, and the event name.
CHANGE_EVENTS = {"action_retitled": "retitled", "action_recoded": "recoded", "action_moved": "moved", "action_completed": "completed"}


@dataclass(frozen=True)
class ChainEdition:
    id: str
    run: int
    level: str


def chain(db: sqlite_utils.Database) -> list[ChainEdition]:
    """The stored editions with a run, oldest first."""
    rows = db.query(
        "SELECT e.id, e.current_run, r.level FROM editions e JOIN runs r ON r.id = e.current_run "
        "ORDER BY e.published IS NULL, e.published, e.id"
    )
    return [ChainEdition(r["id"], r["current_run"], r["level"]) for r in rows]


@dataclass(frozen=True)
class Pair:
    old: ChainEdition
    new: ChainEdition
    purpose: str  # 'next' (consecutive), 'skip' (consecutive among editions with cards), 'recover' (a gap of one edition)
    middle: ChainEdition | None = None

    @property
    def runs(self) -> str:
        runs = [self.old.run, self.middle.run if self.middle else None, self.new.run]
        return ",".join(str(r) for r in runs if r is not None)


def chain_pairs(editions: list[ChainEdition]) -> list[Pair]:
    pairs = [Pair(a, b, "next") for a, b in zip(editions, editions[1:])]
    carded = [e for e in editions if e.level == "actions"]
    consecutive = {(a.id, b.id) for a, b in zip(editions, editions[1:])}
    pairs += [Pair(a, b, "skip") for a, b in zip(carded, carded[1:]) if (a.id, b.id) not in consecutive]
    pairs += [Pair(a, c, "recover", middle=b) for a, b, c in zip(carded, carded[1:], carded[2:])]
    return pairs


class _Editions:
    """Editions of the chain loaded from their runs once per relink."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.cache: dict[int, Edition] = {}

    def __call__(self, e: ChainEdition) -> Edition:
        if e.run not in self.cache:
            self.cache[e.run] = load_run_edition(self.db, e.run)
        return self.cache[e.run]


def _where(p) -> str | None:
    return p.where() if p is not None else None


def _change_rows(old: str, new: str, changes: list[Change]) -> list[dict]:
    return [{
        # The subject's code or label (a step change names its card; its step number is in the detail).
        "old_edition": old, "new_edition": new, "ordinal": i, "kind": c.kind, "mission": c.mission, "subject": c.subject.head,
        "before": c.before, "after": c.after,
        "slip_months": c.detail.get("slip_months") if c.kind == "deadline_changed" else None,
        "confidence": c.confidence, "importance": c.importance,
        "detail": json.dumps({**c.detail.model_dump(mode="json"), "change_id": c.id, "subject": c.subject.model_dump(mode="json", exclude_none=True)},
                             ensure_ascii=False, sort_keys=True), "old_where": _where(c.old), "new_where": _where(c.new),
    } for i, c in enumerate(changes)]


def _link(pair: Pair, kind: str, old_code: str, new_code: str, score: float, evidence: str = "") -> dict:
    return {"old_edition": pair.old.id, "new_edition": pair.new.id, "kind": kind, "old_code": old_code, "new_code": new_code,
            "score": round(score, 4), "evidence": evidence}


def merges_and_splits(old: Edition, new: Edition, diff: Diff) -> list[tuple[str, str, str, float, str]]:
    """(kind 'merged'|'split', old code, new code, score, evidence) for cards left unmatched by the one-to-one matching."""
    from ..diff.actions import action_keys, score_matrix
    from ..diff.settings import DEFAULT_SETTINGS

    matched_old = {m.old for m in diff.action_matches}
    matched_new = {m.new for m in diff.action_matches}
    lone_old = [i for i, a in enumerate(old.actions) if a.code not in matched_old]
    lone_new = [j for j, a in enumerate(new.actions) if a.code not in matched_new]
    found: list[tuple[str, str, str, float, str]] = []
    stated = {(s.subject, s.target) for s in old.stated_changes + new.stated_changes if s.kind == "action_transformed" and s.target}
    for i in lone_old:
        target = next((t for s, t in stated if s == old.actions[i].code and t in matched_new), None)
        if target:
            found.append(("merged", old.actions[i].code, target, 1.0, "stated"))
            lone_old = [k for k in lone_old if k != i]
    if not (lone_old or lone_new) or not old.actions or not new.actions:
        return found
    missions = {m.old: m.new for m in diff.mission_matches}
    keys_old = [action_keys(a, missions.get(a.mission)) for a in old.actions]
    keys_new = [action_keys(a) for a in new.actions]
    score = score_matrix(keys_old, keys_new, DEFAULT_SETTINGS).score
    threshold = diff.threshold
    taken_new = [j for j, a in enumerate(new.actions) if a.code in matched_new]
    taken_old = [i for i, a in enumerate(old.actions) if a.code in matched_old]
    for i in lone_old:
        best = max(taken_new, key=lambda j: score[i, j], default=None)
        if best is not None and score[i, best] >= threshold:
            found.append(("merged", old.actions[i].code, new.actions[best].code, float(score[i, best]), "score"))
    for j in lone_new:
        best = max(taken_old, key=lambda i: score[i, j], default=None)
        if best is not None and score[best, j] >= threshold:
            found.append(("split", old.actions[best].code, new.actions[j].code, float(score[best, j]), "score"))
    return found


def _diff_pair(db: sqlite_utils.Database, pair: Pair, load: _Editions) -> tuple[list[dict], list[dict]]:
    """(links, change rows) of one pair."""
    from ..diff.actions import actions_to_matches
    from ..diff.missions import missions_to_matches
    from ..diff.settings import DEFAULT_SETTINGS
    from ..pipeline import compare

    old, new = load(pair.old), load(pair.new)
    if pair.purpose == "recover":
        # The pairs (old, middle) and (middle, new) were linked first: read which cards they matched.
        def matched(a: str, b: str, side: str) -> set[str]:
            return {r[side] for r in db.query("SELECT old_code, new_code FROM links WHERE old_edition = ? AND new_edition = ? AND kind = 'action'", [a, b])}

        into_middle = matched(pair.old.id, pair.middle.id, "old_code")
        from_middle = matched(pair.middle.id, pair.new.id, "new_code")
        lost = [a for a in old.actions if a.code not in into_middle and not a.completed]
        back = [a for a in new.actions if a.code not in from_middle]
        if not lost or not back:
            return [], []
        missions = {m.old: m.new for m in missions_to_matches(old, new, DEFAULT_SETTINGS).matches}
        matching = actions_to_matches(lost, back, missions, DEFAULT_SETTINGS, threshold=DEFAULT_SETTINGS.threshold)
        return [_link(pair, "recovered", lost[i].code, back[j].code, s) for i, j, s in matching.pairs], []
    diff = compare(old, new)
    links = [_link(pair, "mission", m.old, m.new, m.score, ", ".join(m.evidence)) for m in diff.mission_matches]
    links += [_link(pair, "action", m.old, m.new, m.score, ", ".join(m.evidence)) for m in diff.action_matches]
    links += [_link(pair, kind, o, n, s, ev) for kind, o, n, s, ev in merges_and_splits(old, new, diff)]
    return links, _change_rows(pair.old.id, pair.new.id, diff.changes)


def _refresh_pairs(db: sqlite_utils.Database, pairs: list[Pair], load: _Editions) -> None:
    """Diff again the pairs whose runs changed; forget the pairs that are no longer in the chain."""
    wanted = {(p.old.id, p.new.id, p.purpose): p for p in pairs}
    stored = {(r["old_edition"], r["new_edition"], r["purpose"]): r["runs"] for r in db["diffs"].rows}
    for key, runs in stored.items():
        if key in wanted and wanted[key].runs == runs:
            continue
        old, new, purpose = key
        db["diffs"].delete_where("old_edition = ? AND new_edition = ? AND purpose = ?", [old, new, purpose])
        kinds = "('recovered')" if purpose == "recover" else "('mission', 'action', 'merged', 'split')"
        db.execute(f"DELETE FROM links WHERE old_edition = ? AND new_edition = ? AND kind IN {kinds}", [old, new])
        if purpose != "recover":
            db["changes"].delete_where("old_edition = ? AND new_edition = ?", [old, new])
    for key, pair in wanted.items():
        if stored.get(key) == pair.runs:
            continue
        links, changes = _diff_pair(db, pair, load)
        db["diffs"].insert({"old_edition": pair.old.id, "new_edition": pair.new.id, "purpose": pair.purpose, "runs": pair.runs,
                            "links": len(links), "changes": len(changes)})
        if links:
            db["links"].insert_all(links)
        if changes:
            db["changes"].insert_all(changes)


@dataclass
class _Lineage:
    uid: str
    kind: str
    events: list[dict] = field(default_factory=list)
    appearances: list[tuple[str, str]] = field(default_factory=list)  # (edition, code)
    title: str | None = None


def _new_uid(code: str, edition: str, taken: set[str]) -> str:
    uid = f"{code}@{edition}"
    n = 2
    while uid in taken:
        uid, n = f"{code}@{edition}#{n}", n + 1
    taken.add(uid)
    return uid


def _event(position: int, edition: str, event: str, code: str | None, title: str | None, mission: str | None,
           other: str | None = None, detail: str | None = None) -> dict:
    return {"position": position, "edition_id": edition, "event": event, "code": code, "title": title, "mission": mission,
            "other_uid": other, "detail": detail}


def _rows(db: sqlite_utils.Database, sql: str, names: tuple[str, ...]):
    """Rows as dicts of `names`, fetched by the sqlite3 cursor at once (the chain is read whole at every relink)."""
    return (dict(zip(names, values)) for values in db.execute(sql).fetchall())


def _cards(db: sqlite_utils.Database, table: str) -> dict[str, list[dict]]:
    by_edition: dict[str, list[dict]] = defaultdict(list)
    cols = "e.edition_id, e.ordinal, e.code, " + ("e.title, e.mission, e.completed" if table == "actions" else "e.name, e.code, 0")
    sql = f"SELECT {cols} FROM {table} e JOIN editions d ON d.id = e.edition_id AND d.current_run = e.run_id ORDER BY e.edition_id, e.ordinal"
    for r in _rows(db, sql, ("edition_id", "ordinal", "code", "title", "mission", "completed")):
        by_edition[r["edition_id"]].append(r)
    return by_edition


def _links(db: sqlite_utils.Database) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    out: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for old, new, kind, old_code, new_code in db.execute(
            "SELECT old_edition, new_edition, kind, old_code, new_code FROM links ORDER BY old_edition, new_edition, kind, old_code, new_code").fetchall():
        out[(old, new, kind)].append((old_code, new_code))
    return out


def _change_index(db: sqlite_utils.Database) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    sql = "SELECT old_edition, new_edition, kind, subject, before, after FROM changes ORDER BY old_edition, new_edition, ordinal"
    for r in _rows(db, sql, ("old_edition", "new_edition", "kind", "subject", "before", "after")):
        out[(r["old_edition"], r["new_edition"])].append(r)
    return out


def _follow_actions(editions: list[ChainEdition], cards: dict[str, list[dict]], links, changes, taken: set[str]) -> tuple[dict[tuple[str, int], str], dict[str, _Lineage]]:
    """uid of every (edition, card ordinal), and the lineages with their events."""
    position = {e.id: i for i, e in enumerate(editions)}
    carded = [e for e in editions if e.level == "actions"]
    uid_of: dict[tuple[str, int], str] = {}
    lineages: dict[str, _Lineage] = {}
    live: dict[str, str] = {}  # uid -> its code in the last carded edition
    merged_into: dict[str, str] = {}  # uid -> the uid it merged into
    prev = None
    for k, e in enumerate(carded):
        rows = cards.get(e.id, [])
        by_code = {r["code"]: r for r in reversed(rows)}
        pos = position[e.id]
        matched = dict(links.get((prev.id, e.id, "action"), [])) if prev else {}
        old_code_of = {n: o for o, n in matched.items()}
        old_uid = {code: uid for uid, code in live.items()} if prev else {}
        gone_before = carded[k - 2] if k >= 2 else None
        recovered = {n: o for o, n in links.get((gone_before.id, e.id, "recovered"), [])} if gone_before else {}
        splits = {n: o for o, n in links.get((prev.id, e.id, "split"), [])} if prev else {}
        merges = dict(links.get((prev.id, e.id, "merged"), [])) if prev else {}
        pair_changes: dict[str, list[dict]] = defaultdict(list)
        for c in changes.get((prev.id, e.id), []) if prev else []:
            if c["kind"] in CHANGE_EVENTS:
                pair_changes[c["subject"]].append(c)
        between = [m for m in editions[position[prev.id] + 1:pos] if m.level != "actions"] if prev else []
        new_live: dict[str, str] = {}
        inherited_old = {o for o in matched}
        for r in rows:
            code = r["code"]
            if by_code.get(code) is not r:
                uid = _new_uid(code, e.id, taken)  # a code printed twice in one edition: each card its own lineage
                lineages[uid] = _Lineage(uid, "action")
                lineages[uid].events.append(_event(pos, e.id, "created", code, r["title"], r["mission"], detail="code printed twice in this edition"))
            elif prev and code in old_code_of:
                old_code = old_code_of[code]
                uid = old_uid.get(old_code) or _new_uid(code, e.id, taken)
                lineage = lineages.setdefault(uid, _Lineage(uid, "action"))
                for m in between:
                    lineage.events.append(_event(position[m.id], m.id, "not_found", None, None, None,
                                                 detail=f"extraction gap: edition {m.id} is known only at mission level (no action cards read)"))
                for c in pair_changes.get(code, []):
                    lineage.events.append(_event(pos, e.id, CHANGE_EVENTS[c["kind"]], code, r["title"], r["mission"],
                                                 detail=f"{c['before'] or ''} → {c['after'] or ''}"))
            elif code in recovered and recovered[code] in lost_codes:
                uid = lost_codes.pop(recovered[code])
                lineage = lineages[uid]
                # The drop recorded in the previous edition was a gap: the card is back.
                lineage.events = [ev for ev in lineage.events if not (ev["edition_id"] == prev.id and ev["event"] in ("dropped", "merged"))]
                target = merged_into.pop(uid, None)
                if target:  # nor did it merge into another card
                    other = lineages[target]
                    other.events = [ev for ev in other.events if not (ev["edition_id"] == prev.id and ev["event"] == "merged" and ev["other_uid"] == uid)]
                lineage.events.append(_event(position[prev.id], prev.id, "not_found", None, None, None,
                                             detail=f"extraction gap: not found in edition {prev.id}, found again in {e.id}"))
            else:
                uid = _new_uid(code, e.id, taken)
                lineage = lineages[uid] = _Lineage(uid, "action")
                source = splits.get(code)
                if source and old_uid.get(source):
                    parent = old_uid[source]
                    lineage.events.append(_event(pos, e.id, "split", code, r["title"], r["mission"], other=parent, detail=f"split from {source}"))
                    lineages[parent].events.append(_event(pos, e.id, "split", source, None, None, other=uid, detail=f"{code} split off"))
                else:
                    lineage.events.append(_event(pos, e.id, "created", code, r["title"], r["mission"]))
                if r["completed"]:
                    lineage.events.append(_event(pos, e.id, "completed", code, r["title"], r["mission"], detail="completed when first seen"))
            lineage = lineages[uid]
            lineage.appearances.append((e.id, code))
            lineage.title = r["title"]
            uid_of[(e.id, r["ordinal"])] = uid
            new_live[uid] = code
        lost_codes = {}
        if prev:
            for uid, code in live.items():
                if code in inherited_old:
                    continue
                lineage = lineages[uid]
                completed = any(ev["event"] == "completed" for ev in lineage.events)
                last = lineage_title = lineage.title
                if code in merges and old_uid.get(code):
                    target = next((u for u, c in new_live.items() if c == merges[code]), None)
                    lineage.events.append(_event(pos, e.id, "merged", code, last, None, other=target, detail=f"merged into {merges[code]}"))
                    if target:
                        lineages[target].events.append(_event(pos, e.id, "merged", merges[code], None, None, other=uid, detail=f"{code} merged in"))
                        merged_into[uid] = target
                else:
                    lineage.events.append(_event(pos, e.id, "exited" if completed else "dropped", code, lineage_title, None))
                lost_codes[code] = uid
        live, prev = new_live, e
    # Editions at mission level after the last edition with cards: every live card is not found there.
    if prev is not None:
        for m in editions[position[prev.id] + 1:]:
            if m.level != "actions":
                for uid in live:
                    lineages[uid].events.append(_event(position[m.id], m.id, "not_found", None, None, None,
                                                       detail=f"extraction gap: edition {m.id} is known only at mission level (no action cards read)"))
    return uid_of, lineages


def _follow_missions(editions: list[ChainEdition], cards: dict[str, list[dict]], links, changes, taken: set[str]) -> tuple[dict[tuple[str, int], str], dict[str, _Lineage]]:
    uid_of: dict[tuple[str, int], str] = {}
    lineages: dict[str, _Lineage] = {}
    live: dict[str, str] = {}
    prev = None
    for pos, e in enumerate(editions):
        rows = cards.get(e.id, [])
        matched = dict(links.get((prev.id, e.id, "mission"), [])) if prev else {}
        old_uid = {code: uid for uid, code in live.items()}
        pair_changes = changes.get((prev.id, e.id), []) if prev else []
        new_live = {}
        for r in rows:
            code = r["code"]
            old_code = next((o for o, n in matched.items() if n == code), None)
            if old_code and old_code in old_uid:
                uid = old_uid[old_code]
                if old_code != code:
                    lineages[uid].events.append(_event(pos, e.id, "renamed", code, r["title"], code, detail=f"{old_code} → {code}"))
            else:
                uid = _new_uid(code, e.id, taken)
                lineages[uid] = _Lineage(uid, "mission")
                lineages[uid].events.append(_event(pos, e.id, "created", code, r["title"], code))
            lineages[uid].appearances.append((e.id, code))
            lineages[uid].title = r["title"] or lineages[uid].title
            uid_of[(e.id, r["ordinal"])] = uid
            new_live[uid] = code
        if prev and rows:
            for uid, code in live.items():
                if uid not in new_live:
                    lineages[uid].events.append(_event(pos, e.id, "dropped", code, None, code))
        if rows:
            live = new_live
        prev = e
    return uid_of, lineages


def _lineage_rows(lineages: dict[str, _Lineage]) -> tuple[list[dict], list[dict]]:
    heads, events = [], []
    for uid in sorted(lineages):
        lineage = lineages[uid]
        if not lineage.appearances:
            continue
        heads.append({"uid": uid, "kind": lineage.kind, "first_edition": lineage.appearances[0][0], "last_edition": lineage.appearances[-1][0],
                      "first_code": lineage.appearances[0][1], "last_code": lineage.appearances[-1][1], "title": lineage.title,
                      "editions": len(lineage.appearances)})
        seen = set()
        for ev in sorted(lineage.events, key=lambda ev: ev["position"]):
            key = (ev["position"], ev["event"])
            if key in seen:
                continue
            seen.add(key)
            events.append({"uid": uid, **ev})
    return heads, events


def _sync(db: sqlite_utils.Database, table: str, rows: list[dict], pk: tuple[str, ...]) -> None:
    """Make `table` hold exactly `rows`, writing only the rows that differ."""
    columns = list(DERIVED[table]["columns"])
    existing = {}
    for values in db.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]").fetchall():
        row = dict(zip(columns, values))
        existing[tuple(row[k] for k in pk)] = row
    wanted = {tuple(r[k] for k in pk): r for r in rows}
    for key in existing.keys() - wanted.keys():
        db[table].delete(list(key) if len(key) > 1 else key[0])
    fresh = [r for key, r in wanted.items() if existing.get(key) != r]
    if fresh:
        db[table].upsert_all(fresh, pk=list(pk) if len(pk) > 1 else pk[0])


def relink(db: sqlite_utils.Database) -> None:
    """Bring diffs, links, changes, uids and lineage events up to date with the editions' current runs (inside a transaction)."""
    editions = chain(db)
    load = _Editions(db)
    _refresh_pairs(db, chain_pairs(editions), load)
    links, changes = _links(db), _change_index(db)
    taken: set[str] = set()
    action_uids, action_lineages = _follow_actions(editions, _cards(db, "actions"), links, changes, taken)
    mission_uids, mission_lineages = _follow_missions(editions, _cards(db, "missions"), links, changes, taken)
    runs = {e.id: e.run for e in editions}
    for table, uids in (("actions", action_uids), ("missions", mission_uids)):
        current = {(edition, ordinal): uid for edition, ordinal, uid in db.execute(
            f"SELECT t.edition_id, t.ordinal, t.uid FROM {table} t JOIN editions e ON e.id = t.edition_id AND e.current_run = t.run_id").fetchall()}
        for (edition, ordinal), uid in uids.items():
            if current.get((edition, ordinal)) != uid:
                db.execute(f"UPDATE {table} SET uid = ? WHERE run_id = ? AND ordinal = ?", [uid, runs[edition], ordinal])
    heads, events = _lineage_rows({**action_lineages, **mission_lineages})
    db.execute("DELETE FROM lineage WHERE uid NOT IN (SELECT value FROM json_each(?))", [json.dumps([h["uid"] for h in heads])])
    _sync(db, "lineages", heads, ("uid",))
    _sync(db, "lineage", events, ("uid", "position", "event"))
