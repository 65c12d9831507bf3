"""The lineage is updated incrementally (walked again only from the first edition whose place or run changed);
a store built one ingest at a time, in and out of publication order, holds exactly what a walk from scratch gives."""

from __future__ import annotations

import datetime as dt
import sqlite3

import sqlite_utils

from editiondiff.store import open_store
from editiondiff.store.lineage import chain, relink, unchanged_head

from conftest import SOURCES
from store_editions import base_edition, scenario


def snapshot(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    return {
        "lineages": db.execute("SELECT * FROM lineages ORDER BY uid").fetchall(),
        "lineage": db.execute("SELECT uid, position, edition_id, event, code, title, mission, other_uid, detail FROM lineage "
                              "ORDER BY uid, position, event").fetchall(),
        "action uids": db.execute("SELECT run_id, ordinal, uid FROM actions ORDER BY run_id, ordinal").fetchall(),
        "mission uids": db.execute("SELECT run_id, ordinal, uid FROM missions ORDER BY run_id, ordinal").fetchall(),
    }


def from_scratch(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    copy = sqlite3.connect(":memory:")
    db.conn.backup(copy)
    fresh = sqlite_utils.Database(copy)
    relink(fresh, from_scratch=True)
    return snapshot(fresh)


def perturbed(folder, n: int):
    from evaluation.perturb import perturb_edition
    from evaluation.render.edition_text import edition_to_text

    path = folder / f"perturbed-{n}_fictitious.txt"
    path.write_text(edition_to_text(perturb_edition(base_edition(), n).edition), encoding="utf-8")
    return path


def test_an_incremental_store_holds_what_a_walk_from_scratch_gives(tmp_path, monkeypatch):
    from editiondiff.store import lineage

    resumed = []
    real = lineage._resume
    monkeypatch.setattr(lineage, "_resume", lambda db, editions, step, cut, links: resumed.append(step) or real(db, editions, step, cut, links))
    one, two, three = scenario(tmp_path)
    steps = [
        ([SOURCES / "003_dc8a99c2b477ef56.txt"], None, None),
        ([two[0]], two[1], two[2]),
        ([SOURCES / "004_e64644fe5c549ccc.txt"], None, None),  # known only at mission level
        ([one[0]], one[1], one[2]),  # before fict-2: the chain changes in its middle
        ([three[0]], three[1], three[2]),
        ([perturbed(tmp_path, 1)], "perturbed-1-fictitious", dt.date(2022, 2, 1)),
        ([perturbed(tmp_path, 2)], "perturbed-2-fictitious", dt.date(2022, 3, 1)),
        ([perturbed(tmp_path, 3)], "perturbed-3-fictitious", dt.date(2021, 3, 1)),  # between fict-1 and fict-2
        ([perturbed(tmp_path, 4)], "perturbed-4-fictitious", dt.date(2022, 4, 1)),
    ]
    heads = []
    with open_store(tmp_path / "inc.db") as store:
        for paths, edition, published in steps:
            before = chain(store.db)
            store.ingest(paths, edition=edition, published=published)
            after = chain(store.db)
            heads.append(sum(1 for a, b in zip(before, after) if a == b))
            assert snapshot(store.db) == from_scratch(store.db), f"after ingesting {paths[0].name}"
        assert unchanged_head(store.db, chain(store.db)) == len(chain(store.db))  # nothing changed since the last relink
        assert store.check() == []
        events = {r[0] for r in store.db.execute("SELECT DISTINCT event FROM lineage").fetchall()}
    # The walk was resumed (not started again from the first edition) for most ingests.
    assert sum(1 for n in heads if n >= 3) >= 4 and len([s for s in resumed if s >= 2]) >= 4, (heads, resumed)
    assert {"created", "recoded", "retitled", "moved", "completed", "exited", "dropped", "not_found"} <= events


def test_merges_splits_and_cards_back_after_a_gap_are_the_same_walked_incrementally(tmp_path):
    """A near-copy of LA3 (LA9) comes and goes: split from it, merged into it, back after one edition (not merged meanwhile), merged for good, back as a new card."""
    from store_editions import twin_series

    with open_store(tmp_path / "twins.db") as store:
        for path, edition_id, published in twin_series(tmp_path, (False, True, False, True, True, False, False, True)):
            store.ingest([path], edition=edition_id, published=published)
            assert snapshot(store.db) == from_scratch(store.db), f"after {edition_id}"
        events = {r[0] for r in store.db.execute("SELECT DISTINCT event FROM lineage").fetchall()}
    assert {"split", "merged", "not_found"} <= events
