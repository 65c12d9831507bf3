"""Sources into the store: content-addressed bytes, editions, runs, and the chain relinked.

    ingest_sources(db, paths, ...)   files -> [IngestOutcome], one transaction per source
    reindex(db, ...)                 editions whose run was made by another extractor -> a new run each

A source is kept once under its sha256 (``blobs``); a file already stored adds
nothing and writes nothing. Each source belongs to an edition, named with
``edition=`` or detected as `extract` detects it (the corpus manifest by
sha256, else the edition phrase and period printed in the text). An edition's
run is built from all its stored sources, the way `extract` merges several
sources of one edition; the bytes are read back from the store and verified
against their sha256. Extraction happens outside the write lock; the write
(blob, source, edition, run, projection, relinked chain) is one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..errors import NoRoadmapFound
from ..schemas import Edition
from ..settings import DEFAULT_SETTINGS, BuildSettings
from .db import StoreError, transaction
from .identity import printed_published, printed_url
from .lineage import relink
from .projection import project_run
from .versions import PROFILE, extractor_version, settings_hash

@dataclass(frozen=True)
class IngestOutcome:
    path: str
    sha256: str
    status: str  # 'added' | 'already_stored'
    edition_id: str
    run_id: int | None = None

    def line(self) -> str:
        if self.status == "added":
            return f"{self.path}: added to edition {self.edition_id} (sha256 {self.sha256[:12]}, run {self.run_id})"
        return f"{self.path}: already stored (sha256 {self.sha256[:12]}, edition {self.edition_id}); nothing added"


@dataclass(frozen=True)
class _Source:
    """A source about to be stored or already stored."""

    sha256: str
    name: str
    path: str
    data: bytes


def now() -> str:
    """The time stamps of runs and sources: UTC, to the second; SOURCE_DATE_EPOCH when set (reproducible stores)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _read(path: Path, settings: BuildSettings) -> bytes:
    """The bytes of a source, within the readers' bounds (a missing, special or oversized file is refused in one line)."""
    from ..limits import read_regular_file

    return read_regular_file(path, settings.reader.limits)


def blob(db: sqlite_utils.Database, sha256: str) -> bytes:
    """The stored bytes of a source, verified against their sha256."""
    rows = list(db.query("SELECT data FROM blobs WHERE sha256 = ?", [sha256]))
    if not rows:
        raise StoreError(None, f"source {sha256[:12]} is listed but its bytes are missing from the store")
    data = rows[0]["data"]
    if hashlib.sha256(data).hexdigest() != sha256:
        raise StoreError(None, f"source {sha256[:12]}: stored bytes do not match their sha256 (the database was altered)")
    return data


def stored_sources(db: sqlite_utils.Database, edition_id: str) -> list[_Source]:
    rows = db.query("SELECT sha256, name, path FROM sources WHERE edition_id = ? ORDER BY ordinal", [edition_id])
    return [_Source(r["sha256"], r["name"], r["path"], blob(db, r["sha256"])) for r in rows]


def build_from_sources(sources: list[_Source], edition_id: str | None, manifest: Path | None,
                       settings: BuildSettings = DEFAULT_SETTINGS) -> Edition:
    """The edition of these sources, built from their bytes as `extract` builds it from files.

    Each source is written under its own file name into a private folder (the
    readers and the fictitious mark look at names); the paths recorded in the
    edition are the ones the sources were ingested from.
    """
    from ..pipeline import build_edition

    with tempfile.TemporaryDirectory(prefix="editiondiff-store-") as tmp:
        paths = []
        for i, source in enumerate(sources):
            folder = Path(tmp) / str(i)
            folder.mkdir()
            path = folder / source.name
            path.write_bytes(source.data)
            paths.append(path)
        edition = build_edition(paths, edition_id, manifest=manifest, settings=settings)
        given = {str(p): s.path for p, s in zip(paths, sources)}
    refs = [r.model_copy(update={"path": given[r.path]}) if r.path in given else r for r in edition.sources]
    return edition.model_copy(update={"sources": refs})


def _edition_hint(path: Path, sha256: str, edition: str | None, manifest: Path | None) -> tuple[str | None, dt.date | None]:
    """The edition a source is known to belong to before reading it (--edition, or the manifest), and its publication date."""
    if edition:
        return edition, None
    if manifest is not None and Path(manifest).is_file():
        from ..extract.manifest import load_manifest

        found = load_manifest(manifest).find_source(path, sha256)
        if found:
            entry, source = found
            # A re-typesetting of an edition is kept as an edition of its own (flagged), never merged into the original.
            if source in entry.sources:
                return entry.id, None
            return f"{entry.id}-{source.id}", entry.published
    return None, None


def manifest_order(sources: list[_Source], manifest: Path | None) -> list[_Source]:
    """Sources in the order the manifest lists them (the first wins on conflicts, as in `extract`); others after, as ingested."""
    if manifest is None or not Path(manifest).is_file():
        return sources
    from ..extract.manifest import load_manifest

    listed = [s.sha256 for e in load_manifest(manifest).editions for s in e.sources + e.renditions]
    return sorted(sources, key=lambda s: (listed.index(s.sha256) if s.sha256 in listed else len(listed), sources.index(s)))


def _run_row(edition: Edition, sources: list[_Source], reason: str, settings: BuildSettings) -> dict:
    return {
        "edition_id": edition.id, "extractor_version": extractor_version(), "schema_version": edition.schema_version,
        "profile": PROFILE, "settings_hash": settings_hash(settings), "sources": ",".join(s.sha256 for s in sources),
        "reason": reason, "created_at": now(), "level": edition.level, "edition_json": edition.model_dump_json(),
    }


def _edition_row(db: sqlite_utils.Database, edition: Edition, sources: list[_Source], *, published: dt.date | None,
                 retrieved: dt.date | None) -> dict:
    """The edition's row: what the run says, what the sources print, what the archivist gave."""
    existing = db["editions"].get(edition.id) if db["editions"].count_where("id = ?", [edition.id]) else None
    printed_dates = [d for d in (printed_published(s.data) for s in sources) if d]
    date = published or edition.published or (min(printed_dates) if printed_dates else None)
    if date is None and existing:
        date = existing["published"]
    urls = [r.url for r in edition.sources if r.url] + [u for u in (printed_url(s.data) for s in sources) if u]
    today = dt.date.fromisoformat(now()[:10])
    when = (retrieved or today).isoformat()
    return {
        "id": edition.id, "label": edition.label, "period": edition.period,
        "published": date.isoformat() if isinstance(date, dt.date) else date,
        "url": urls[0] if urls else (existing["url"] if existing else None),
        "retrieved": min(existing["retrieved"], when) if existing and existing["retrieved"] else when,
        "fictitious": int(edition.fictitious),
        "retypeset": int(bool(edition.sources) and all(r.retypeset for r in edition.sources)),
        "current_run": existing["current_run"] if existing else None,
    }


def _store_source(db: sqlite_utils.Database, new: _Source, edition: Edition, sources: list[_Source], fmt: str, *,
                  published: dt.date | None, retrieved: dt.date | None, settings: BuildSettings) -> int:
    """Write one source and the run it makes (the caller holds the transaction)."""
    db["editions"].upsert(_edition_row(db, edition, sources, published=published, retrieved=retrieved), pk="id")
    if not db["blobs"].count_where("sha256 = ?", [new.sha256]):
        db["blobs"].insert({"sha256": new.sha256, "size": len(new.data), "data": new.data})
    ref = next((r for r in edition.sources if r.sha256 == new.sha256), None)
    day = (retrieved or dt.date.fromisoformat(now()[:10])).isoformat()
    db["sources"].insert({
        "sha256": new.sha256, "edition_id": edition.id, "ordinal": db["sources"].count_where("edition_id = ?", [edition.id]),
        "source_id": ref.id if ref else Path(new.name).stem, "name": new.name, "path": new.path, "format": ref.format if ref else fmt,
        "size": len(new.data), "role": ref.role if ref else "other", "published": ref.published.isoformat() if ref and ref.published else None,
        "url": ref.url if ref else printed_url(new.data), "retypeset": int(bool(ref and ref.retypeset)), "retrieved": day, "ingested_at": now(),
    })
    run_id = db["runs"].insert(_run_row(edition, sources, "ingest", settings)).last_pk
    db["editions"].update(edition.id, {"current_run": run_id})
    project_run(db, run_id, edition)
    relink(db)
    return run_id


def _stored_edition_of(db: sqlite_utils.Database, sha256: str) -> str | None:
    rows = list(db.query("SELECT edition_id FROM sources WHERE sha256 = ?", [sha256]))
    return rows[0]["edition_id"] if rows else None


def ingest_sources(
    db: sqlite_utils.Database,
    paths: list[Path],
    *,
    edition: str | None = None,
    published: dt.date | None = None,
    retrieved: dt.date | None = None,
    manifest: Path | None = None,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    prebuilt: dict[tuple[str, ...], Edition] | None = None,
    settings: BuildSettings = DEFAULT_SETTINGS,
) -> list[IngestOutcome]:
    """Store each file (one transaction each), in order; the first bad source raises, the ones before it stay stored.

    Sources are read and editions built under `settings` (the reader limits
    among them), and each run records their hash. `prebuilt` maps the sha256s of an edition's sources to that edition already
    built from them (the main job passes what it extracted), so they are not read twice.
    """
    from ..extract.detect import detect_format

    outcomes: list[IngestOutcome] = []
    report = on_outcome or (lambda outcome: None)
    queue: list[tuple[Path, bytes, str, str | None, dt.date | None]] = []
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        data = _read(path, settings)
        sha = hashlib.sha256(data).hexdigest()
        if sha in seen:
            continue
        seen.add(sha)
        queue.append((path, data, sha, *_edition_hint(path, sha, edition, manifest)))
    deferred: set[str] = set()
    while queue:
        path, data, sha, hint, hint_published = queue.pop(0)
        stored_in = _stored_edition_of(db, sha)
        if stored_in is not None:
            outcomes.append(IngestOutcome(str(path), sha, "already_stored", stored_in))
            report(outcomes[-1])
            continue
        fmt = detect_format(path, data)
        new = _Source(sha, path.name, str(path), data)
        try:
            edition_obj, sources = _build(db, new, hint, manifest, prebuilt, settings)
        except NoRoadmapFound:
            # A source that holds no roadmap alone (an editorial) may complete one with the other sources of its edition.
            if hint and sha not in deferred and any(item[3] == hint for item in queue):
                deferred.add(sha)
                queue.append((path, data, sha, hint, hint_published))
                continue
            raise
        with transaction(db):
            stored_in = _stored_edition_of(db, sha)
            if stored_in is None:
                current = {s.sha256 for s in stored_sources(db, edition_obj.id)}
                if current != {s.sha256 for s in sources} - {sha}:  # another process added a source to this edition meanwhile
                    edition_obj, sources = _build(db, new, edition_obj.id, manifest, None, settings)
                run_id = _store_source(db, new, edition_obj, sources, fmt, published=published or hint_published, retrieved=retrieved,
                                       settings=settings)
        if stored_in is not None:
            outcomes.append(IngestOutcome(str(path), sha, "already_stored", stored_in))
        else:
            outcomes.append(IngestOutcome(str(path), sha, "added", edition_obj.id, run_id))
        report(outcomes[-1])
    return outcomes


def _build(db, new: _Source, hint: str | None, manifest: Path | None, prebuilt,
           settings: BuildSettings) -> tuple[Edition, list[_Source]]:
    """The edition `new` belongs to, built from its stored sources and `new`, in manifest order."""
    if hint is None:
        alone = _prebuilt(prebuilt, [new]) or build_from_sources([new], None, manifest, settings)
        hint = alone.id
        others = stored_sources(db, hint)
        if not others:
            return alone, [new]
    sources = manifest_order(stored_sources(db, hint) + [new], manifest)
    edition = _prebuilt(prebuilt, sources) or build_from_sources(sources, hint, manifest, settings)
    return edition, sources


def _prebuilt(prebuilt, sources: list[_Source]) -> Edition | None:
    if not prebuilt:
        return None
    return prebuilt.get(tuple(s.sha256 for s in sources))


def reindex(db: sqlite_utils.Database, *, manifest: Path | None = None, force: bool = False,
            on_edition: Callable[[str, int | None], None] | None = None,
            settings: BuildSettings = DEFAULT_SETTINGS) -> list[tuple[str, int | None]]:
    """A new run for each edition whose current run was made by another extractor or other settings (all with `force`).

    The runs are built under `settings`; a run made under other settings (other reader limits) is out of date.

    Old runs are kept; each edition is one transaction. Returns (edition id, new run id or None when up to date).
    """
    done = []
    version, wanted = extractor_version(), settings_hash(settings)
    editions = list(db.query("SELECT e.id, r.extractor_version, r.settings_hash FROM editions e JOIN runs r ON r.id = e.current_run ORDER BY e.id"))
    for row in editions:
        if not force and row["extractor_version"] == version and row["settings_hash"] == wanted:
            done.append((row["id"], None))
            if on_edition:
                on_edition(row["id"], None)
            continue
        sources = manifest_order(stored_sources(db, row["id"]), manifest)
        edition = build_from_sources(sources, row["id"], manifest, settings)
        with transaction(db):
            run = _run_row(edition, sources, "reindex", settings)
            key = [run[k] for k in ("edition_id", "extractor_version", "settings_hash", "sources")]
            same = list(db.query("SELECT id FROM runs WHERE edition_id = ? AND extractor_version = ? AND settings_hash = ? AND sources = ?", key))
            run_id = same[0]["id"] if same else db["runs"].insert(run).last_pk
            db["editions"].update(row["id"], {"current_run": run_id, "label": edition.label, "period": edition.period,
                                              "fictitious": int(edition.fictitious)})
            project_run(db, run_id, edition)
            relink(db)
        done.append((row["id"], run_id))
        if on_edition:
            on_edition(row["id"], run_id)
    return done
