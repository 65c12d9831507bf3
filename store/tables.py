"""The store's tables, as plain SQLite tables (sqlite-utils `create`): what datasette shows.

Two groups:

* primary tables hold what was ingested and cannot be re-derived:
  ``blobs`` (source bytes under their sha256), ``sources``, ``editions``,
  ``runs`` (each extraction, with its edition JSON, never overwritten);
* derived tables are a projection of each edition's current run and of the
  diffs between consecutive editions: ``missions``, ``actions``, ``steps``,
  ``deadlines``, ``owners``, ``indicators``, ``findings``, ``links`` (the
  matching), ``changes``, ``lineages`` (one row per action or mission followed
  across editions) and ``lineage`` (its events). They can be dropped and rebuilt
  from the runs at any time (that is how a projection schema change is migrated).

Dates are ISO text (``YYYY-MM-DD``), so that SQL compares them as dates.
"""

from __future__ import annotations

import sqlite_utils

_PROVENANCE = {"source": str, "page": int, "line_start": int, "line_end": int, "quote": str}

PRIMARY: dict[str, dict] = {
    "meta": {"columns": {"key": str, "value": str}, "pk": "key"},
    "blobs": {"columns": {"sha256": str, "size": int, "data": bytes}, "pk": "sha256"},
    "editions": {
        "columns": {
            "id": str, "label": str, "period": str, "published": str, "url": str, "retrieved": str,
            "fictitious": int, "retypeset": int, "current_run": int,
        },
        "pk": "id",
        "index": [("current_run",)],
    },
    "sources": {
        "columns": {
            "sha256": str, "edition_id": str, "ordinal": int, "source_id": str, "name": str, "path": str,
            "format": str, "size": int, "role": str, "published": str, "url": str, "retypeset": int, "retrieved": str,
            "ingested_at": str,
        },
        "pk": "sha256",
        "foreign_keys": [("sha256", "blobs", "sha256"), ("edition_id", "editions", "id")],
    },
    "runs": {
        "columns": {
            "id": int, "edition_id": str, "extractor_version": str, "schema_version": str, "profile": str,
            "settings_hash": str, "sources": str, "reason": str, "created_at": str, "level": str, "edition_json": str,
        },
        "pk": "id",
        "foreign_keys": [("edition_id", "editions", "id")],
        "unique": [("edition_id", "extractor_version", "settings_hash", "sources")],
    },
}

DERIVED: dict[str, dict] = {
    "missions": {
        "columns": {"run_id": int, "edition_id": str, "ordinal": int, "code": str, "code_printed": str, "name": str,
                    "objective": str, "uid": str, **_PROVENANCE},
        "pk": ("run_id", "ordinal"),
        "foreign_keys": [("run_id", "runs", "id"), ("edition_id", "editions", "id")],
        "index": [("edition_id",), ("code",), ("uid",), ("run_id",)],
    },
    "actions": {
        "columns": {"id": str, "run_id": int, "edition_id": str, "ordinal": int, "code": str, "code_printed": str,
                    "mission": str, "title": str, "objective": str, "status": str, "completed": int, "new": int,
                    "end_date": str, "uid": str, **_PROVENANCE},
        "pk": "id",
        "foreign_keys": [("run_id", "runs", "id"), ("edition_id", "editions", "id")],
        "index": [("edition_id",), ("code",), ("uid",), ("run_id", "ordinal")],
    },
    "steps": {
        "columns": {"action_id": str, "ordinal": int, "text": str, "deadline_printed": str, "status": str,
                    "start": str, "end": str, **_PROVENANCE},
        "pk": ("action_id", "ordinal"),
        "foreign_keys": [("action_id", "actions", "id")],
    },
    "deadlines": {
        "columns": {"action_id": str, "step": int, "ordinal": int, "raw": str, "start": str, "end": str,
                    "granularity": str, "kind": str},
        "pk": ("action_id", "step", "ordinal"),
        "foreign_keys": [("action_id", "actions", "id")],
    },
    "owners": {
        "columns": {"action_id": str, "ordinal": int, "raw": str, "owner_id": str, "name": str, "kind": str, "recognised": int},
        "pk": ("action_id", "ordinal"),
        "foreign_keys": [("action_id", "actions", "id")],
        "index": [("owner_id",)],
    },
    "indicators": {
        "columns": {"run_id": int, "edition_id": str, "row": int, "col": int, "mission": str, "label": str,
                    "column_label": str, "raw": str, "kind": str, "value": float, "low": float, "high": float, "unit": str},
        "pk": ("run_id", "row", "col"),
        "foreign_keys": [("run_id", "runs", "id"), ("edition_id", "editions", "id")],
    },
    "findings": {
        # `code` and `params` say what the finding says; `message_fr` and `message` word it in French and English
        "columns": {"run_id": int, "edition_id": str, "ordinal": int, "kind": str, "severity": str, "subject": str,
                    "code": str, "params": str, "message_fr": str, "message": str, **_PROVENANCE},
        "pk": ("run_id", "ordinal"),
        "foreign_keys": [("run_id", "runs", "id"), ("edition_id", "editions", "id")],
    },
    "diffs": {
        "columns": {"old_edition": str, "new_edition": str, "purpose": str, "runs": str, "links": int, "changes": int},
        "pk": ("old_edition", "new_edition", "purpose"),
        "foreign_keys": [("old_edition", "editions", "id"), ("new_edition", "editions", "id")],
    },
    "links": {
        "columns": {"old_edition": str, "new_edition": str, "kind": str, "old_code": str, "new_code": str,
                    "score": float, "evidence": str},
        "pk": ("old_edition", "new_edition", "kind", "old_code", "new_code"),
        "foreign_keys": [("old_edition", "editions", "id"), ("new_edition", "editions", "id")],
    },
    "changes": {
        "columns": {"old_edition": str, "new_edition": str, "ordinal": int, "kind": str, "mission": str, "subject": str,
                    "before": str, "after": str, "slip_months": int, "confidence": float, "importance": int,
                    "detail": str, "old_where": str, "new_where": str},
        "pk": ("old_edition", "new_edition", "ordinal"),
        "foreign_keys": [("old_edition", "editions", "id"), ("new_edition", "editions", "id")],
        "index": [("kind",), ("subject",)],
    },
    "lineages": {
        "columns": {"uid": str, "kind": str, "first_edition": str, "last_edition": str, "first_code": str,
                    "last_code": str, "title": str, "editions": int},
        "pk": "uid",
    },
    "lineage": {
        "columns": {"uid": str, "position": int, "edition_id": str, "event": str, "code": str, "title": str,
                    "mission": str, "other_uid": str, "detail": str},
        "pk": ("uid", "position", "event"),
        "foreign_keys": [("uid", "lineages", "uid"), ("edition_id", "editions", "id")],
        "index": [("edition_id",), ("event",), ("code",)],
    },
}

#: Child tables first: the order in which derived rows are deleted.
DERIVED_DELETE_ORDER = ("steps", "deadlines", "owners", "actions", "missions", "indicators", "findings",
                        "lineage", "lineages", "changes", "links", "diffs")


def create_tables(db: sqlite_utils.Database, tables: dict[str, dict]) -> None:
    """Create the tables that do not exist yet, with their primary keys, foreign keys and indexes."""
    for name, spec in tables.items():
        db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys", []), if_not_exists=True)
        for columns in spec.get("unique", []):
            db[name].create_index(list(columns), unique=True, if_not_exists=True)
        for columns in spec.get("index", []):
            db[name].create_index(list(columns), if_not_exists=True)


def drop_tables(db: sqlite_utils.Database, names) -> None:
    for name in names:
        if db[name].exists():
            db[name].drop()
