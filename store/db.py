"""The store's database: one SQLite file, opened, checked, created and written in transactions.

The SQL side goes through sqlite-utils (table creation, inserts, upserts,
parameterised queries), so the tables stay plain SQLite tables that datasette
or any SQLite client browses as they are.

    open_database(path)        -> Database, checked to be ours and current (migrated if older)
    transaction(db)            BEGIN IMMEDIATE ... COMMIT: one writer at a time, readers never blocked (WAL)

A file that is not SQLite, a SQLite file that is not an editiondiff store, a
damaged file or one made by a newer editiondiff gets a StoreError: one line,
exit 2. Opening a current store writes nothing, so a re-ingest of a file
already stored leaves the database file byte-identical.
A new store is made whole in a file beside its place and linked there, so a
process killed while creating it leaves no empty or half-made store.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from ..errors import EXIT_BAD_INPUT, EditionDiffError

#: Where the store is when neither --db nor the environment variable names it.
DEFAULT_DB = Path("editiondiff.db")
#: Environment variable naming the store (overridden by --db).
DB_ENV = "EDITIONDIFF_DB"
#: PRAGMA application_id of an editiondiff store ("EDIF"): how a file is known to be ours.
APPLICATION_ID = 0x45444946
#: How long a writer waits for another process's transaction to finish, in milliseconds.
BUSY_TIMEOUT_MS = 60_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(EditionDiffError):
    """The store cannot be used: not ours, damaged, from a newer version, or locked too long."""

    exit_code = EXIT_BAD_INPUT


def resolve_db_path(path: str | Path | None = None) -> Path:
    """--db, else $EDITIONDIFF_DB, else ./editiondiff.db."""
    if path:
        return Path(path)
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return DEFAULT_DB


def _check_file(path: Path) -> bool:
    """True when the file exists with content (to be checked as ours); StoreError when it is no SQLite file."""
    if path.is_dir():
        raise StoreError(path, "is a directory, expected an editiondiff database file")
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC:
        raise StoreError(path, "not an editiondiff database (not an SQLite file)")
    return True


def connect(path: Path, *, create: bool) -> sqlite_utils.Database:
    """An open connection to the store at `path`, created when absent and `create`; checked otherwise."""
    from .migrations import ensure_current

    existed = _check_file(path)
    if not existed and not create:
        raise StoreError(path, "no editiondiff database here (create one with `editiondiff ingest`)")
    try:
        if not existed:
            path.parent.mkdir(parents=True, exist_ok=True)
            _create(path)
        db = _open(path)
        ensure_current(db, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, database_problem(exc)) from None
    return db


def _open(path: Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = sqlite_utils.Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    # WAL with synchronous NORMAL: a commit survives a crash or SIGKILL of the process (only a power cut can lose the last ones), and never leaves the file inconsistent.
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def _create(path: Path) -> None:
    """A new, empty store at `path`, put there whole: made in a file of its own beside it, then linked into
    place, so that a process killed while creating it leaves no half-made or empty store behind. A store
    another process linked there first is kept (the link never replaces a file); on a file system without
    hard links, the store is made in place."""
    from .migrations import ensure_current

    made = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.new")
    os.close(os.open(made, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # the mode SQLite gives a file it creates (umask applied)
    try:
        db = _open(made)
        try:
            ensure_current(db, made)
        finally:
            db.close()  # the last connection: the WAL is checkpointed into the file and removed
        try:
            os.link(made, path)
        except FileExistsError:
            pass
        except OSError:
            return
    finally:
        for leftover in (made, made.with_name(made.name + "-wal"), made.with_name(made.name + "-shm")):
            leftover.unlink(missing_ok=True)


def database_problem(exc: sqlite3.DatabaseError) -> str:
    """One line for an SQLite error met on a store file."""
    text = str(exc)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"damaged or not an editiondiff database ({text})"
    if _is_busy(exc):
        return f"the database stayed locked by another process for {BUSY_TIMEOUT_MS // 1000} s ({text})"
    return f"database error ({text})"


def enter_wal(db: sqlite_utils.Database) -> None:
    """Put the store in WAL mode, waiting up to the busy timeout for other connections to let go.

    SQLite changes the journal mode under a read lock it must then upgrade, and it
    does not call the busy handler for that upgrade: a second process creating the
    store at the same moment gets "database is locked" at once. So the wait is here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _is_busy(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction, taken at once (BEGIN IMMEDIATE) so that concurrent writers queue on the busy timeout
    instead of failing on a read lock that cannot be upgraded. sqlite-utils calls inside nest as savepoints."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    db.execute("COMMIT")


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """What PRAGMA integrity_check and foreign_key_check report (empty when the database is sound)."""
    problems = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]
    problems += [f"foreign key: {row}" for row in db.execute("PRAGMA foreign_key_check").fetchall()]
    return problems
