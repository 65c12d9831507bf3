"""JSON Schema (2020-12) files generated from the models, and validation against them.

The checked-in files (`edition.schema.json`, …) are what other tools consume;
`tests/test_schema.py` fails when the models and the files drift apart.
Regenerate with `editiondiff schema --out schemas/`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .edition import SCHEMA_VERSION, Edition

SCHEMA_DIR = Path(__file__).resolve().parent


def schema_id(name: str, version: str) -> str:
    """The schema's `$id`: a URN naming the document kind and its version (no domain to pretend to)."""
    return f"urn:editiondiff:schema:{name}:{version}"


def versions() -> dict[str, str]:
    """Name -> version of every JSON document the tool writes."""
    from .diff import DIFF_SCHEMA_VERSION
    from .report import REPORT_SCHEMA_VERSION

    return {"edition": SCHEMA_VERSION, "diff": DIFF_SCHEMA_VERSION, "report": REPORT_SCHEMA_VERSION}


def models() -> dict[str, type[BaseModel]]:
    """Name -> root model of every JSON document the tool writes."""
    from .diff import Diff  # the diff and report contracts live in their own modules
    from .report import Report

    return {"edition": Edition, "diff": Diff, "report": Report}


def model_to_schema(name: str, model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(name, versions()[name]),
        **schema,
    }


def schema_text(name: str) -> str:
    """The JSON Schema file content for one model, deterministic."""
    return json.dumps(model_to_schema(name, models()[name]), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in models():
        path = out_dir / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


@lru_cache(maxsize=None)
def _validator(name: str):
    import jsonschema

    path = SCHEMA_DIR / f"{name}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validation_errors(name: str, document: Any) -> list[str]:
    """Messages for every place where `document` breaks the checked-in schema `name`."""
    errors = sorted(_validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors]


def dump_json(model: BaseModel) -> str:
    """Serialise a model as the tool writes it: UTF-8, 2-space indent, fields in model order, final newline."""
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
