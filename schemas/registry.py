"""JSON Schema (2020-12) files generated from the models, and validation against them.

The checked-in files (`edition.schema.json`, …) are what other tools consume;
`tests/test_schema.py` fails when the models and the files drift apart.
Regenerate with `editiondiff schema --out schemas/`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .edition import SCHEMA_VERSION, Edition

SCHEMA_DIR = Path(__file__).resolve().parent
BASE_ID = "https://editiondiff.example/schemas"


def models() -> dict[str, type[BaseModel]]:
    """Name -> root model of every JSON document the tool writes."""
    from .diff import Diff  # the diff contract lives in its own module

    return {"edition": Edition, "diff": Diff}


def model_to_schema(name: str, model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}/{SCHEMA_VERSION}/{name}.schema.json",
        **schema,
    }


def schema_text(name: str) -> str:
    """The JSON Schema file content for one model, deterministic."""
    return json.dumps(model_to_schema(name, models()[name]), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    """Every schema file into `out_dir`, each written atomically."""
    from ..atomic import write_atomic

    written = []
    for name in models():
        path = out_dir / f"{name}.schema.json"
        write_atomic(path, schema_text(name))
        written.append(path)
    return written


#: A JSON token that opens or closes nesting, or a whole string (whose brackets do not count).
_JSON_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]')


def json_depth_over(text: str, limit: int) -> int | None:
    """The depth reached once it passes `limit`, or None: found by a scan, before any parsing."""
    depth = 0
    for match in _JSON_NESTING.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return depth
        elif token in "]}":
            depth -= 1
    return None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text} is out of the range of a JSON number")
    return value


def load_json(path: Path, data: bytes, *, max_depth: int) -> Any:
    """A JSON document the tool reads (an edition, a diff): strict JSON, nesting bounded.

    Refused with InputError (one line): text that is not UTF-8 or not JSON,
    NaN / Infinity / numbers out of float range (not JSON numbers, RFC 8259),
    nesting deeper than `max_depth` (LimitExceeded, checked before parsing).
    """
    from ..errors import InputError
    from ..limits import over_limit

    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid JSON (not UTF-8: invalid byte at offset {exc.start})") from None
    depth = json_depth_over(text, max_depth)
    if depth is not None:
        raise over_limit(path, f"JSON nested more than {max_depth} levels deep", "max_depth", max_depth)
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        raise InputError(path, f"not valid JSON ({exc})") from None


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
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
