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
The actions are walked again only from the edition before the first one whose
place in the chain or run changed (appending an edition re-walks its last two
steps, not the whole chain); `relink(db, from_scratch=True)` walks everything,
and gives the same rows (tests/test_store_relink.py).
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
from .words import detail

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
    unlisted: int = 0  # appearances before a resumed walk, counted but not listed (the first and the last are)
    frozen: list[dict] = field(default_factory=list)  # events before a resumed walk's cut, as stored


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










@dataclass
class _Walk:
    """Where the walk over the editions with cards stands before step `step` (the index of an edition among them)."""

    step: int = 0
    lineages: dict[str, _Lineage] = field(default_factory=dict)
    live: dict[str, str] = field(default_factory=dict)  # uid -> its code in the last carded edition
    lost_codes: dict[str, str] = field(default_factory=dict)  # code -> uid of the cards the last step lost
    merged_into: dict[str, str] = field(default_factory=dict)  # uid -> the uid it merged into


def _follow_actions(editions: list[ChainEdition], cards: dict[str, list[dict]], links, changes, taken: set[str],
                    walk: _Walk | None = None) -> tuple[dict[tuple[str, int], str], dict[str, _Lineage]]:
    """uid of every (edition, card ordinal) from step `walk.step` on, and the lineages with their events (from scratch without `walk`)."""
    position = {e.id: i for i, e in enumerate(editions)}
    carded = [e for e in editions if e.level == "actions"]
    uid_of: dict[tuple[str, int], str] = {}
    walk = walk or _Walk()
    lineages, live, merged_into, lost_codes = walk.lineages, walk.live, walk.merged_into, walk.lost_codes
    prev = carded[walk.step - 1] if walk.step else None
    for k in range(walk.step, len(carded)):
        e = carded[k]
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
                lineages[uid].events.append(_event(pos, e.id, "created", code, r["title"], r["mission"], detail=detail("code_printed_twice")))
            elif prev and code in old_code_of:
                old_code = old_code_of[code]
                uid = old_uid.get(old_code) or _new_uid(code, e.id, taken)
                lineage = lineages.setdefault(uid, _Lineage(uid, "action"))
                for m in between:
                    lineage.events.append(_event(position[m.id], m.id, "not_found", None, None, None,
                                                 detail=detail("gap_mission_level", edition=m.id)))
                for c in pair_changes.get(code, []):
                    lineage.events.append(_event(pos, e.id, CHANGE_EVENTS[c["kind"]], code, r["title"], r["mission"],
                                                 detail=detail("change", before=c['before'] or '', after=c['after'] or '')))
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
                                             detail=detail("gap_found_again", missing=prev.id, found=e.id)))
            else:
                uid = _new_uid(code, e.id, taken)
                lineage = lineages[uid] = _Lineage(uid, "action")
                source = splits.get(code)
                if source and old_uid.get(source):
                    parent = old_uid[source]
                    lineage.events.append(_event(pos, e.id, "split", code, r["title"], r["mission"], other=parent, detail=detail("split_from", code=source)))
                    lineages[parent].events.append(_event(pos, e.id, "split", source, None, None, other=uid, detail=detail("split_off", code=code)))
                else:
                    lineage.events.append(_event(pos, e.id, "created", code, r["title"], r["mission"]))
                if r["completed"]:
                    lineage.events.append(_event(pos, e.id, "completed", code, r["title"], r["mission"], detail=detail("completed_first_seen")))
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
                    lineage.events.append(_event(pos, e.id, "merged", code, last, None, other=target, detail=detail("merged_into", code=merges[code])))
                    if target:
                        lineages[target].events.append(_event(pos, e.id, "merged", merges[code], None, None, other=uid, detail=detail("merged_in", code=code)))
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
                                                       detail=detail("gap_mission_level", edition=m.id)))
    return uid_of, lineages


def _follow_missions(editions: list[ChainEdition], cards: dict[str, list[dict]], links, taken: set[str]) -> tuple[dict[tuple[str, int], str], dict[str, _Lineage]]:
    uid_of: dict[tuple[str, int], str] = {}
    lineages: dict[str, _Lineage] = {}
    live: dict[str, str] = {}
    prev = None
    for pos, e in enumerate(editions):
        rows = cards.get(e.id, [])
        matched = dict(links.get((prev.id, e.id, "mission"), [])) if prev else {}
        old_uid = {code: uid for uid, code in live.items()}
        new_live = {}
        for r in rows:
            code = r["code"]
            old_code = next((o for o, n in matched.items() if n == code), None)
            if old_code and old_code in old_uid:
                uid = old_uid[old_code]
                if old_code != code:
                    lineages[uid].events.append(_event(pos, e.id, "renamed", code, r["title"], code, detail=detail("change", before=old_code, after=code)))
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


def _lineage_rows(lineages: dict[str, _Lineage], cut: int = 0) -> tuple[list[dict], list[dict]]:
    """Head and event rows of `lineages`; with `cut`, only their events at chain positions from `cut` on."""
    heads, events = [], []
    for uid in sorted(lineages):
        lineage = lineages[uid]
        if not lineage.appearances:
            continue
        heads.append({"uid": uid, "kind": lineage.kind, "first_edition": lineage.appearances[0][0], "last_edition": lineage.appearances[-1][0],
                      "first_code": lineage.appearances[0][1], "last_code": lineage.appearances[-1][1], "title": lineage.title,
                      "editions": len(lineage.appearances) + lineage.unlisted})
        seen = set()
        for ev in sorted(lineage.events, key=lambda ev: ev["position"]):
            key = (ev["position"], ev["event"])
            if key in seen or ev["position"] < cut:
                continue
            seen.add(key)
            events.append({"uid": uid, **ev})
    return heads, events


def _sync(db: sqlite_utils.Database, table: str, rows: list[dict], pk: tuple[str, ...], where: str = "", params: list | None = None) -> None:
    """Make `table` (its rows matching `where`) hold exactly `rows`, writing only the rows that differ."""
    columns = list(DERIVED[table]["columns"])
    existing = {}
    for values in db.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] {where}", params or []).fetchall():
        row = dict(zip(columns, values))
        existing[tuple(row[k] for k in pk)] = row
    wanted = {tuple(r[k] for k in pk): r for r in rows}
    for key in existing.keys() - wanted.keys():
        db[table].delete(list(key) if len(key) > 1 else key[0])
    fresh = [r for key, r in wanted.items() if existing.get(key) != r]
    if fresh:
        db[table].upsert_all(fresh, pk=list(pk) if len(pk) > 1 else pk[0])


def unchanged_head(db: sqlite_utils.Database, editions: list[ChainEdition]) -> int:
    """How many editions at the head of the chain stand where the last relink left them, with the same runs.

    Read from the consecutive pairs the last relink diffed (``diffs``, purpose
    'next', with their runs): the chain is a path of those pairs, so an edition
    whose pair with its predecessor is stored with both runs unchanged stands
    at the same place, and so does everything before it.
    """
    stored = {(old, new): runs for old, new, runs in db.execute("SELECT old_edition, new_edition, runs FROM diffs WHERE purpose = 'next'").fetchall()}
    if len(editions) < 2 or any(new == editions[0].id for _, new in stored):
        return 0
    if stored.get((editions[0].id, editions[1].id), "").split(",")[0] != str(editions[0].run):
        # The head may still be the same with a new successor: one of its old pairs tells its run.
        if not any(old == editions[0].id and runs.split(",")[0] == str(editions[0].run) for (old, _), runs in stored.items()):
            return 0
    n = 1
    while n < len(editions) and stored.get((editions[n - 1].id, editions[n].id)) == f"{editions[n - 1].run},{editions[n].run}":
        n += 1
    return n


def _marks(values) -> str:
    return ",".join("?" * len(values))


def _card_uids(db: sqlite_utils.Database, e: ChainEdition) -> list[tuple[str, str, str]]:
    return db.execute("SELECT uid, code, title FROM actions WHERE run_id = ? ORDER BY ordinal", [e.run]).fetchall()


def _resume(db: sqlite_utils.Database, editions: list[ChainEdition], step: int, cut: int, links) -> _Walk:
    """The walk over the editions with cards as it stood before `step` (>= 1), read back from the store.

    Only the lineages that step `step` and later can touch are restored: the
    cards of the last edition walked (live) and those it lost (lost_codes, with
    their merges); their events before position `cut` and their appearances
    are read back from the rows the previous relink wrote.
    """
    carded = [e for e in editions if e.level == "actions"]
    last = carded[step - 1]
    walk = _Walk(step=step)
    for uid, code, _ in _card_uids(db, last):
        walk.live[uid] = code
    titles = {uid: title for uid, _, title in _card_uids(db, last)}
    last_seen = {uid: (last.id, code) for uid, code in walk.live.items()}
    if step >= 2:
        before = carded[step - 2]
        older = {}
        for uid, code, title in _card_uids(db, before):
            older[uid] = code
            titles.setdefault(uid, title)
            last_seen.setdefault(uid, (before.id, code))
        inherited_old = {o for o, _ in links.get((before.id, last.id, "action"), [])}
        merges = dict(links.get((before.id, last.id, "merged"), []))
        old_uid = {code: uid for uid, code in older.items()}
        for uid, code in older.items():
            if code in inherited_old:
                continue
            if code in merges and old_uid.get(code):
                target = next((u for u, c in walk.live.items() if c == merges[code]), None)
                if target:
                    walk.merged_into[uid] = target
            walk.lost_codes[code] = uid
    restored = sorted(set(walk.live) | set(walk.lost_codes.values()))
    if not restored:
        return walk
    heads = {uid: (first_edition, first_code) for uid, first_edition, first_code in db.execute(
        f"SELECT uid, first_edition, first_code FROM lineages WHERE uid IN ({_marks(restored)})", restored).fetchall()}
    prefix = [e.id for e in editions[:cut]]
    counts = dict(db.execute(
        f"SELECT a.uid, count(*) FROM actions a JOIN editions e ON e.current_run = a.run_id "
        f"WHERE a.uid IN ({_marks(restored)}) AND a.edition_id IN ({_marks(prefix)}) GROUP BY a.uid", restored + prefix).fetchall())
    columns = list(DERIVED["lineage"]["columns"])
    for uid in restored:
        first, seen = heads[uid], last_seen[uid]
        appearances = [first] if first == seen else [first, seen]
        walk.lineages[uid] = _Lineage(uid, "action", appearances=appearances, title=titles[uid], unlisted=counts[uid] - len(appearances))
    for values in db.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM lineage WHERE uid IN ({_marks(restored)}) "
                             "AND position < ? ORDER BY uid, position, event", restored + [cut]).fetchall():
        row = dict(zip(columns, values))
        walk.lineages[row.pop("uid")].frozen.append(row)
    for lineage in walk.lineages.values():
        lineage.events = list(lineage.frozen)
    return walk


def _links(db: sqlite_utils.Database, new_editions: list[str] | None = None, kind: str | None = None) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """The links into `new_editions` (default: all), of one `kind` or all."""
    out: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    tests, params = [], []
    if new_editions is not None:
        tests.append(f"new_edition IN ({_marks(new_editions)})")
        params += new_editions
    if kind is not None:
        tests.append("kind = ?")
        params.append(kind)
    where = f"WHERE {' AND '.join(tests)} " if tests else ""
    for old, new, kind, old_code, new_code in db.execute(
            f"SELECT old_edition, new_edition, kind, old_code, new_code FROM links {where}"
            "ORDER BY old_edition, new_edition, kind, old_code, new_code", params).fetchall():
        out[(old, new, kind)].append((old_code, new_code))
    return out


def _change_index(db: sqlite_utils.Database, new_editions: list[str] | None = None) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    where, params = (f"WHERE new_edition IN ({_marks(new_editions)}) ", new_editions) if new_editions is not None else ("", [])
    sql = f"SELECT old_edition, new_edition, kind, subject, before, after FROM changes {where}ORDER BY old_edition, new_edition, ordinal"
    for values in db.execute(sql, params).fetchall():
        out[(values[0], values[1])].append(dict(zip(("old_edition", "new_edition", "kind", "subject", "before", "after"), values)))
    return out


def _cards(db: sqlite_utils.Database, table: str, edition_ids: list[str] | None = None) -> dict[str, list[dict]]:
    by_edition: dict[str, list[dict]] = defaultdict(list)
    cols = "e.edition_id, e.ordinal, e.code, " + ("e.title, e.mission, e.completed" if table == "actions" else "e.name, e.code, 0")
    where, params = (f"WHERE e.edition_id IN ({_marks(edition_ids)}) ", edition_ids) if edition_ids is not None else ("", [])
    sql = (f"SELECT {cols} FROM {table} e JOIN editions d ON d.id = e.edition_id AND d.current_run = e.run_id {where}"
           "ORDER BY e.edition_id, e.ordinal")
    for values in db.execute(sql, params).fetchall():
        r = dict(zip(("edition_id", "ordinal", "code", "title", "mission", "completed"), values))
        by_edition[r["edition_id"]].append(r)
    return by_edition


def _set_uids(db: sqlite_utils.Database, table: str, uids: dict[tuple[str, int], str], runs: dict[str, int]) -> None:
    editions = sorted({edition for edition, _ in uids})
    if not editions:
        return
    current = {(edition, ordinal): uid for edition, ordinal, uid in db.execute(
        f"SELECT t.edition_id, t.ordinal, t.uid FROM {table} t JOIN editions e ON e.id = t.edition_id AND e.current_run = t.run_id "
        f"WHERE t.edition_id IN ({_marks(editions)})", editions).fetchall()}
    for (edition, ordinal), uid in uids.items():
        if current.get((edition, ordinal)) != uid:
            db.execute(f"UPDATE {table} SET uid = ? WHERE run_id = ? AND ordinal = ?", [uid, runs[edition], ordinal])


def relink(db: sqlite_utils.Database, *, from_scratch: bool = False) -> None:
    """Bring diffs, links, changes, uids and lineage events up to date with the editions' current runs (inside a transaction).

    Actions are walked again only from the edition before the first one whose
    place or run changed since the last relink (`unchanged_head`), the walk
    resumed from what the store holds for the editions before it; with
    `from_scratch`, or when the change is at the head, the whole chain is walked.
    Missions (a few per edition) are always walked whole.
    """
    editions = chain(db)
    head = 0 if from_scratch else unchanged_head(db, editions)
    load = _Editions(db)
    _refresh_pairs(db, chain_pairs(editions), load)
    position = {e.id: i for i, e in enumerate(editions)}
    carded = [e for e in editions if e.level == "actions"]
    first_changed = next((k for k, e in enumerate(carded) if position[e.id] >= head), len(carded))
    step = max(first_changed - 1, 0)  # the step before also: the next one may take back its drops (a gap, not a drop)
    cut = position[carded[step].id] if step else 0
    taken: set[str] = set()
    walked = [e.id for e in carded[max(step - 2, 0):]]
    links = _links(db, walked if step else None)
    walk = None
    if step:
        walk = _resume(db, editions, step, cut, links)
        taken.update(uid for (uid,) in db.execute(
            "SELECT uid FROM lineages WHERE kind = 'action' AND first_edition IN (SELECT value FROM json_each(?))",
            [json.dumps([e.id for e in editions[:cut]])]).fetchall())
    changes = _change_index(db, walked if step else None)
    cards = _cards(db, "actions", [e.id for e in carded[step:]] if step else None)
    action_uids, action_lineages = _follow_actions(editions, cards, links, changes, taken, walk)
    mission_uids, mission_lineages = _follow_missions(editions, _cards(db, "missions"), _links(db, kind="mission"), taken)
    runs = {e.id: e.run for e in editions}
    _set_uids(db, "actions", action_uids, runs)
    _set_uids(db, "missions", mission_uids, runs)
    # Actions: the lineages walked again (restored or new) and those the previous walk made from the same editions on.
    heads, events = _lineage_rows(action_lineages, cut)
    for lineage in action_lineages.values():
        events += [{"uid": lineage.uid, **ev} for ev in lineage.frozen]
    suffix = json.dumps([e.id for e in editions[cut:]])
    scope = sorted(set(action_lineages) | {uid for (uid,) in db.execute(
        "SELECT uid FROM lineages WHERE kind = 'action' AND first_edition IN (SELECT value FROM json_each(?))", [suffix]).fetchall()})
    _write_lineages(db, scope, heads, events)
    mission_heads, mission_events = _lineage_rows(mission_lineages)
    missions = sorted(set(mission_lineages) | {uid for (uid,) in db.execute("SELECT uid FROM lineages WHERE kind = 'mission'").fetchall()})
    _write_lineages(db, missions, mission_heads, mission_events)


def _write_lineages(db: sqlite_utils.Database, scope: list[str], heads: list[dict], events: list[dict]) -> None:
    """Make the lineages of `scope` (uids) hold exactly `heads` and `events`: the events of lineages gone first, then heads, then events."""
    in_scope = "WHERE uid IN (SELECT value FROM json_each(?))"
    db.execute(f"DELETE FROM lineage {in_scope} AND uid NOT IN (SELECT value FROM json_each(?))",
               [json.dumps(scope), json.dumps([h["uid"] for h in heads])])
    _sync(db, "lineages", heads, ("uid",), in_scope, [json.dumps(scope)])
    _sync(db, "lineage", events, ("uid", "position", "event"), in_scope, [json.dumps(scope)])
