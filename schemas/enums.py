"""Enumerations whose every value is described in the JSON Schema.

`described(Literal[...], {value: description})` is the Literal itself for
pydantic, and in the schema a `oneOf` of `const` values, each with its
description, so that a tool (or a person) reading the schema knows what every
value means.
"""

from __future__ import annotations

import typing
from typing import Annotated, Any

from pydantic import WithJsonSchema


def described(literal: Any, descriptions: dict[str, str]) -> Any:
    """`literal` annotated with a JSON Schema that describes each of its values."""
    values = typing.get_args(literal)
    missing = set(values) ^ set(descriptions)
    if missing:
        raise ValueError(f"values described and values of the enumeration differ: {sorted(missing)}")
    schema = {"type": "string", "oneOf": [{"const": v, "description": descriptions[v]} for v in values]}
    return Annotated[literal, WithJsonSchema(schema)]
