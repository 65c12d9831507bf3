"""Canonical action and mission codes, and the alias history of names.

Action codes are printed with or without a space ("IN 5", "IN5", "TR 1");
the canonical form has none. Mission codes keep their history: FABRIQUE was
renamed BETA in the mid-2020 edition, and the directorate DINSIC became DINUM
in late 2019.
"""

from __future__ import annotations

import re

#: Mission code -> two-letter prefix of its action codes.
MISSION_PREFIX = {
    "LABEL": "LA",
    "IDNUM": "ID",
    "DATA": "DA",
    "INFRA": "IN",
    "PILOT": "PI",
    "TALENTS": "TA",
    "BETA": "BE",
    "FABRIQUE": "FA",
    "TRANSFO": "TR",
}
PREFIX_MISSION = {prefix: mission for mission, prefix in MISSION_PREFIX.items()}
# Actions of the FABRIQUE mission were numbered BE… in the brochures as well.
PREFIX_MISSION["BE"] = "BETA"

#: Old code -> (new code, edition id from which the new code is used).
MISSION_ALIASES = {"FABRIQUE": ("BETA", "mi-2020")}
#: Old directorate name -> (new name, year of the change).
DIRECTORATE_ALIASES = {"DINSIC": ("DINUM", 2019)}

_ACTION_CODE = re.compile(r"^\s*([A-Za-z]{2})\s*[-\u00a0 ]?\s*(\d{1,2})\s*$")
ACTION_CODE_IN_TEXT = re.compile(r"\b(LA|ID|DA|IN|PI|TA|BE|FA|TR)\s?(\d{1,2})\b")


def canonical_action_code(printed: str) -> str:
    """'IN 5' -> 'IN5', 'tr 1' -> 'TR1'. Raises ValueError on anything that is not a code."""
    m = _ACTION_CODE.match(printed)
    if not m:
        raise ValueError(f"not an action code: {printed!r}")
    return f"{m.group(1).upper()}{int(m.group(2))}"


def canonical_mission_code(printed: str, *, edition: str | None = None) -> str:
    """'Label' -> 'LABEL'; 'FABRIQUE' stays FABRIQUE (its renaming is a fact of the diff, not of spelling)."""
    code = re.sub(r"[^A-Za-z]", "", printed).upper()
    if code not in MISSION_PREFIX:
        raise ValueError(f"not a mission code: {printed!r}")
    return code


def mission_of_action(code: str) -> str:
    """The mission an action code belongs to by its prefix ('IN5' -> 'INFRA')."""
    return PREFIX_MISSION[canonical_action_code(code)[:2]]


def mission_lineage(code: str) -> set[str]:
    """Every code that names the same mission over time ('BETA' -> {'BETA', 'FABRIQUE'})."""
    names = {code}
    for old, (new, _) in MISSION_ALIASES.items():
        if code in (old, new):
            names |= {old, new}
    return names


def canonical_directorate(name: str) -> str:
    """'DINSIC' -> 'DINUM': the current name of a renamed directorate (other names unchanged, upper-cased)."""
    code = re.sub(r"[^A-Za-z]", "", name).upper()
    while code in DIRECTORATE_ALIASES:
        code = DIRECTORATE_ALIASES[code][0]
    return code


def directorate_lineage(name: str) -> set[str]:
    """Every name of the same directorate over time ('DINUM' -> {'DINUM', 'DINSIC'})."""
    current = canonical_directorate(name)
    return {current} | {old for old in DIRECTORATE_ALIASES if canonical_directorate(old) == current}
