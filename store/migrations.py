"""Store versions, and what happens to a database made by another version.

Two numbers are kept in the ``meta`` table:

* ``store_version``: the shape of the primary tables (blobs, sources, editions,
  runs), which hold what cannot be re-derived. A database of an older version
  is brought up by the steps of `PRIMARY_STEPS`, each in one transaction; one
  with no step to bring it up, or of a newer version, is refused with one
  line and left untouched.
* ``projection_version``: the shape of the derived tables. Those are a
  projection of the stored runs, so an older projection is migrated by
  dropping the derived tables and projecting every edition's current run
  again, in one transaction (nothing ingested is touched).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from .tables import DERIVED, DERIVED_DELETE_ORDER, PRIMARY, create_tables, drop_tables

#: Shape of the primary tables. 1: the first released store.
STORE_VERSION = 1
#: Shape of the derived tables. 1: the first released projection; 2: findings carry their code, params and French sentence.
PROJECTION_VERSION = 2
#: store_version N -> the step that turns a version-N database into version N+1.
PRIMARY_STEPS: dict[int, Callable[[sqlite_utils.Database], None]] = {}

#: Messages about migrations done on open (the CLI prints them on stderr).
NOTICES: list[str] = []


def _meta(db: sqlite_utils.Database) -> dict[str, str]:
    if not db["meta"].exists():
        return {}
    return {row["key"]: row["value"] for row in db["meta"].rows}


def _set_meta(db: sqlite_utils.Database, **values: int | str) -> None:
    db["meta"].upsert_all([{"key": k, "value": str(v)} for k, v in values.items()], pk="key")


def _initialise(db: sqlite_utils.Database) -> None:
    from .db import APPLICATION_ID, enter_wal, transaction

    # WAL lets readers go on while one process writes; it cannot be set inside a transaction.
    enter_wal(db)
    with transaction(db):
        if db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            return  # another process created it meanwhile
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        create_tables(db, PRIMARY)
        create_tables(db, DERIVED)
        _set_meta(db, store_version=STORE_VERSION, projection_version=PROJECTION_VERSION, made_by="editiondiff")


def ensure_current(db: sqlite_utils.Database, path: Path) -> None:
    """Create the store in an empty file, check a non-empty one is ours, and bring an older one up to date."""
    from .db import APPLICATION_ID, StoreError

    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        if db.table_names():
            raise StoreError(path, "not an editiondiff database (an SQLite file of another application)")
        _initialise(db)
        return
    meta = _meta(db)
    try:
        store_version = int(meta["store_version"])
        projection_version = int(meta["projection_version"])
    except (KeyError, ValueError):
        raise StoreError(path, "damaged editiondiff database: its version record is missing") from None
    if store_version > STORE_VERSION or projection_version > PROJECTION_VERSION:
        raise StoreError(path, f"made by a newer editiondiff (store version {store_version}.{projection_version}, "
                               f"this one reads up to {STORE_VERSION}.{PROJECTION_VERSION}); upgrade editiondiff")
    if store_version < STORE_VERSION:
        _migrate_primary(db, path, store_version)
    if projection_version < PROJECTION_VERSION:
        reproject_all(db)
        NOTICES.append(f"{path}: derived tables rebuilt from the stored runs (projection version {projection_version} -> {PROJECTION_VERSION})")


def _migrate_primary(db: sqlite_utils.Database, path: Path, version: int) -> None:
    from .db import StoreError, transaction

    start = version
    while version < STORE_VERSION:
        step = PRIMARY_STEPS.get(version)
        if step is None:
            raise StoreError(path, f"store version {version} is older than any this editiondiff can migrate "
                                   f"(it reads {STORE_VERSION}); ingest the sources into a new database")
        with transaction(db):
            step(db)
            version += 1
            _set_meta(db, store_version=version)
    NOTICES.append(f"{path}: migrated from store version {start} to {STORE_VERSION}")


def reproject_all(db: sqlite_utils.Database) -> None:
    """Drop the derived tables and project every edition's current run again, then relink the chain (one transaction)."""
    from .db import transaction
    from .lineage import relink
    from .projection import project_run

    with transaction(db):
        drop_tables(db, DERIVED_DELETE_ORDER)
        create_tables(db, DERIVED)
        for row in db.query("SELECT id, current_run FROM editions WHERE current_run IS NOT NULL ORDER BY id"):
            project_run(db, row["current_run"])
        relink(db)
        _set_meta(db, projection_version=PROJECTION_VERSION)
