"""The archive: one SQLite database of every edition ingested, and the history of each action across them.

    store = open_store("editiondiff.db")            # created when absent; checked, migrated or refused otherwise
    store.ingest([Path("new-edition.pdf")], edition="mi-2022")
    store.editions()                                 # [StoredEdition], oldest first
    store.edition("mi-2020")                         # the Edition of its current run
    store.diff("mi-2020", "mi-2021")                 # a Diff from the stored runs, nothing extracted again
    store.history("XY3")                             # History of every action that printed XY3
    store.reindex()                                  # new runs where the extractor changed, old runs kept

The CLI (`editiondiff ingest | reindex | history | diff ID ID`) is a thin layer over these calls.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..schemas import Edition
from ..schemas.diff import Diff
from .db import DB_ENV, DEFAULT_DB, StoreError, connect, database_problem, integrity_problems, resolve_db_path
from .history import History, lineage_history, render_history
from .ingest import IngestOutcome, blob, ingest_sources, reindex


@dataclass(frozen=True)
class StoredEdition:
    id: str
    label: str
    period: str | None
    published: str | None
    url: str | None
    retrieved: str | None
    fictitious: bool
    retypeset: bool
    current_run: int | None
    sources: int
    runs: int


class Store:
    """An open store. Every method is safe to call while other processes ingest (WAL, busy timeout)."""

    def __init__(self, db: sqlite_utils.Database, path: Path):
        self.db = db
        self.path = path

    def _guard(self, call: Callable, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, database_problem(exc)) from None

    def ingest(self, paths: list[Path], *, edition: str | None = None, published: dt.date | None = None,
               retrieved: dt.date | None = None, manifest: Path | None = None,
               on_outcome: Callable[[IngestOutcome], None] | None = None, prebuilt: dict | None = None,
               settings=None) -> list[IngestOutcome]:
        """`settings`: a BuildSettings (reader limits and every stage's settings), default the built-in ones."""
        from ..pipeline import DEFAULT_MANIFEST, DEFAULT_SETTINGS

        return self._guard(ingest_sources, self.db, [Path(p) for p in paths], edition=edition, published=published, retrieved=retrieved,
                           manifest=manifest or DEFAULT_MANIFEST, on_outcome=on_outcome, prebuilt=prebuilt,
                           settings=settings or DEFAULT_SETTINGS)

    def editions(self) -> list[StoredEdition]:
        rows = self._guard(lambda: list(self.db.query(
            "SELECT e.*, (SELECT count(*) FROM sources s WHERE s.edition_id = e.id) AS n_sources, "
            "(SELECT count(*) FROM runs r WHERE r.edition_id = e.id) AS n_runs FROM editions e "
            "ORDER BY e.published IS NULL, e.published, e.id")))
        return [StoredEdition(r["id"], r["label"], r["period"], r["published"], r["url"], r["retrieved"], bool(r["fictitious"]),
                              bool(r["retypeset"]), r["current_run"], r["n_sources"], r["n_runs"]) for r in rows]

    def edition(self, edition_id: str, *, run: int | None = None) -> Edition:
        """The Edition of the edition's current run (or of one of its older runs)."""
        def load():
            rows = list(self.db.query("SELECT r.edition_json FROM editions e JOIN runs r ON r.id = coalesce(?, e.current_run) "
                                      "AND r.edition_id = e.id WHERE e.id = ?", [run, edition_id]))
            if not rows:
                known = ", ".join(e.id for e in self.editions()) or "none"
                raise StoreError(self.path, f"no edition {edition_id!r} in the store (stored: {known})")
            return Edition.model_validate_json(rows[0]["edition_json"])
        return self._guard(load)

    def between(self, old_id: str, new_id: str) -> list[Edition]:
        """The stored editions that come after `old_id` and before `new_id` in the store's order (by publication), oldest first."""
        order = [e.id for e in self.editions() if e.current_run is not None]
        if old_id not in order or new_id not in order or order.index(old_id) >= order.index(new_id):
            return []
        return [self.edition(i) for i in order[order.index(old_id) + 1:order.index(new_id)]]

    def runs(self, edition_id: str) -> list[dict]:
        return self._guard(lambda: list(self.db.query(
            "SELECT id, extractor_version, schema_version, profile, settings_hash, sources, reason, created_at, level "
            "FROM runs WHERE edition_id = ? ORDER BY id", [edition_id])))

    def source_bytes(self, sha256: str) -> bytes:
        return self._guard(blob, self.db, sha256)

    def diff(self, old_id: str, new_id: str, *, settings=None) -> Diff:
        """What changed between two stored editions, from their current runs (`settings`: a DiffSettings, default the diff's own)."""
        from ..pipeline import DEFAULT_DIFF_SETTINGS, compare

        return compare(self.edition(old_id), self.edition(new_id), settings=settings or DEFAULT_DIFF_SETTINGS)

    def history(self, query: str) -> History:
        return self._guard(lineage_history, self.db, query)

    def reindex(self, *, force: bool = False, manifest: Path | None = None, on_edition=None,
                settings=None) -> list[tuple[str, int | None]]:
        from ..pipeline import DEFAULT_MANIFEST, DEFAULT_SETTINGS

        return self._guard(reindex, self.db, manifest=manifest or DEFAULT_MANIFEST, force=force, on_edition=on_edition,
                           settings=settings or DEFAULT_SETTINGS)

    def check(self) -> list[str]:
        return self._guard(integrity_problems, self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | Path | None = None, *, create: bool = True) -> Store:
    """The store at `path` (default: $EDITIONDIFF_DB, else ./editiondiff.db)."""
    resolved = resolve_db_path(path)
    return Store(connect(resolved, create=create), resolved)


__all__ = ["DB_ENV", "DEFAULT_DB", "History", "IngestOutcome", "Store", "StoreError", "StoredEdition", "open_store",
           "render_history", "resolve_db_path"]
