"""The store under SIGKILL, two writers at once, damaged or foreign files, and databases of other versions."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editiondiff.store import StoreError, open_store
from editiondiff.store.db import APPLICATION_ID

from conftest import SOURCES
from store_editions import small_series

EXE = Path(sys.executable).parent / "editiondiff"
ADDED = re.compile(r"^(\S+): added to edition (\S+) ")


@pytest.fixture(scope="module")
def series(tmp_path_factory) -> list[Path]:
    return small_series(tmp_path_factory.mktemp("series"), 5)


def ingest_process(db: Path, files: list[Path]) -> subprocess.Popen:
    return subprocess.Popen([str(EXE), "ingest", "--db", str(db), *map(str, files)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def added_lines(stderr: str) -> set[str]:
    return {m.group(1) for line in stderr.splitlines() if (m := ADDED.match(line.strip().split("\r")[-1]))}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted (read through SQLite, so committed pages still in the WAL count)."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(conn.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def assert_consistent(db: Path, tmp: Path) -> set[str]:
    """Integrity, foreign keys, every source in its edition's current run, and derived tables equal to a re-projection."""
    from editiondiff.store.migrations import reproject_all

    with open_store(db, create=False) as store:
        assert store.check() == []
        for row in store.db.query("SELECT s.sha256, r.sources FROM sources s JOIN editions e ON e.id = s.edition_id JOIN runs r ON r.id = e.current_run"):
            assert row["sha256"] in row["sources"].split(",")
        assert store.db.execute("SELECT count(*) FROM sources s LEFT JOIN editions e ON e.id = s.edition_id WHERE e.current_run IS NULL").fetchone()[0] == 0
        copy = tmp / f"copy-{time.monotonic_ns()}.db"
        target = sqlite3.connect(copy)
        store.db.conn.backup(target)
        target.close()
        paths = {r["path"] for r in store.db.query("SELECT path FROM sources")}
    before = snapshot(copy)
    with open_store(copy, create=False) as again:
        reproject_all(again.db)
    after = snapshot(copy)
    ignored = {"meta"}
    assert {t: rows for t, rows in before.items() if t not in ignored} == {t: rows for t, rows in after.items() if t not in ignored}
    return paths


def test_sigkill_at_many_points_leaves_a_consistent_store_holding_exactly_the_completed_sources(series, tmp_path):
    db = tmp_path / "killed.db"
    rng = random.Random(11)
    # Kill points are drawn inside the time one whole ingest takes on this machine (measured first), so
    # that a fast machine is killed mid-ingest as often as a slow one.
    timed = tmp_path / "timed.db"
    started = time.monotonic()
    ingest_process(timed, series).communicate()
    whole = time.monotonic() - started
    printed: set[str] = set()
    kills, deadline = 0, time.monotonic() + 45
    while kills < 6 and time.monotonic() < deadline:
        process = ingest_process(db, series)
        time.sleep(rng.uniform(0.15, 0.9) * whole)
        if process.poll() is not None:  # it finished before the kill: start again on a new database
            process.communicate()
            for leftover in tmp_path.glob("killed.db*"):
                leftover.unlink()
            printed = set()
            continue
        process.send_signal(signal.SIGKILL)
        _, err = process.communicate()
        kills += 1
        printed |= added_lines(err)
        if not db.exists():
            continue
        stored = assert_consistent(db, tmp_path)
        # Committed and reported, or committed just before the kill and not yet reported: never half a source.
        assert printed <= stored and len(stored - printed) <= 1
        printed = stored
    assert kills >= 3
    done = subprocess.run([str(EXE), "ingest", "--quiet", "--db", str(db), *map(str, series)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert assert_consistent(db, tmp_path) == {str(p) for p in series}
    with open_store(db, create=False) as store:
        assert [len(store.runs(e.id)) for e in store.editions()] == [1] * len(series)


def test_two_processes_ingesting_at_once_lose_nothing_and_duplicate_nothing(series, tmp_path):
    db = tmp_path / "shared.db"
    # The two share one file, and each brings one of the two sources of the 2019 edition.
    page, editorial = SOURCES / "000_4cc161b88c2c8238.txt", SOURCES / "002_e30a017923331587.txt"
    first = ingest_process(db, [page, *series[:3]])
    second = ingest_process(db, [editorial, *reversed(series[2:])])
    results = [p.communicate(timeout=180) + (p.returncode,) for p in (first, second)]
    assert [rc for *_, rc in results] == [0, 0], [err for _, err, _ in results]
    assert assert_consistent(db, tmp_path) == {str(p) for p in series} | {str(page), str(editorial)}
    with open_store(db, create=False) as store:
        assert store.db.execute("SELECT count(*) FROM blobs").fetchone()[0] == len(series) + 2
        runs = {e.id: len(store.runs(e.id)) for e in store.editions()}
        assert runs.pop("2019") == 2 and list(runs.values()) == [1] * len(series)
        assert [s.id for s in store.edition("2019").sources] == ["000", "002"]  # the last run holds both, in manifest order
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_created_while_another_connection_holds_the_file_waits_instead_of_failing(tmp_path):
    # Two processes creating one store at once: the second switches the file to WAL while the first holds a
    # lock on it. SQLite refuses that switch at once without calling its busy handler; the store waits instead.
    import threading

    db = tmp_path / "new.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE t (x)")
    release = threading.Timer(0.4, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        started = time.monotonic()
        with open_store(db) as store:
            assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert store.check() == []
        assert time.monotonic() - started >= 0.3
    finally:
        release.join()
        holder.close()


def test_a_store_whose_creation_fails_leaves_no_file_behind(tmp_path, monkeypatch):
    # The store is made beside its place and linked there whole: a process stopped while making it (here an
    # error in the middle; a SIGKILL stops it at the same point) leaves no empty store that later commands refuse.
    from editiondiff.store import migrations

    def broken(db, path):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "ensure_current", broken)
    with pytest.raises(StoreError):
        open_store(tmp_path / "new.db")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    with open_store(tmp_path / "new.db") as store:
        assert store.check() == [] and store.editions() == []
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["new.db"]


def one_line(args: list[str]) -> subprocess.CompletedProcess:
    result = subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=120)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    return result


def test_a_file_that_is_not_our_database_is_one_line_and_exit_2(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database\n")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    source = str(Path(__file__).parent.parent / "corpus/sources/003_dc8a99c2b477ef56.txt")
    for db, words, args in ((text, "not an SQLite file", ["history", "ID3"]), (other, "another application", ["ingest", source])):
        before = db.read_bytes()
        if True:
            result = one_line([*args, "--db", str(db)])
            assert result.returncode == 2 and words in result.stderr and str(db) in result.stderr
        assert db.read_bytes() == before


def test_a_damaged_database_is_one_line_and_exit_2(series, tmp_path):
    db = tmp_path / "damaged.db"
    with open_store(db) as store:
        store.ingest(series[:2])
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # every page after the first two overwritten with noise
        data[offset:offset + 200] = bytes(random.Random(offset).randrange(256) for _ in range(200))
    db.write_bytes(bytes(data))
    result = one_line(["history", "LA1", "--db", str(db)])
    assert result.returncode == 2 and "damaged" in result.stderr


def test_a_missing_store_is_one_line_for_reading_commands(tmp_path):
    result = one_line(["history", "ID3", "--db", str(tmp_path / "absent.db")])
    assert result.returncode == 2 and "no editiondiff database" in result.stderr
    assert not (tmp_path / "absent.db").exists()


def store_of_version(db: Path, files: list[Path], version: int) -> Path:
    """A store of `files` whose record says it is of store version `version`."""
    with open_store(db) as store:
        store.ingest(files)
        store.db.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", [str(version)])
        store.db.conn.commit()
    return db


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(series, tmp_path):
    db = store_of_version(tmp_path / "newer.db", series[:1], 99)
    before = snapshot(db)
    with pytest.raises(StoreError, match="newer editiondiff"):
        open_store(db)
    assert snapshot(db) == before


def test_an_older_store_version_without_a_migration_step_is_refused_in_one_line(series, tmp_path):
    db = store_of_version(tmp_path / "older.db", series[:1], 0)
    before = snapshot(db)
    result = one_line(["history", "LA1", "--db", str(db)])
    assert result.returncode == 2 and "store version 0 is older" in result.stderr
    assert snapshot(db) == before


def test_an_older_projection_is_migrated_by_projecting_the_stored_runs_again(series, tmp_path):
    db = tmp_path / "projection.db"
    with open_store(db) as store:
        store.ingest(series[:3])
    reference = snapshot(db)
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE lineage")
    conn.execute("DELETE FROM steps")
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'projection_version'")
    conn.commit()
    conn.close()
    result = subprocess.run([str(EXE), "history", "LA1", "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "derived tables rebuilt from the stored runs (projection version 0 -> 2)" in result.stderr
    assert snapshot(db) == reference
    assert os.path.getsize(db) > 0


def test_stored_findings_carry_their_code_and_a_french_sentence(series, tmp_path):
    """The findings table is read by people in SQL too: the French sentence stands beside the English one."""
    with open_store(tmp_path / "findings.db") as store:
        store.ingest(series[:3])
        rows = list(store.db["findings"].rows)
    assert rows, "the series' editions have findings"
    for row in rows:
        assert row["code"] and row["message_fr"] and row["message"]
        params = json.loads(row["params"])
        assert isinstance(params, dict)
    # French wording differs from the English one for at least one finding, and names the same subject
    assert any(r["message_fr"] != r["message"] for r in rows)


def test_our_database_is_marked_with_its_application_id(series, tmp_path):
    with open_store(tmp_path / "mark.db") as store:
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
