"""Canonical action and mission codes, and the alias history of names (missions and the directorate)."""

from __future__ import annotations

import pytest

from editiondiff.vocabulary.codes import (
    ACTION_CODE_IN_TEXT,
    canonical_action_code,
    canonical_directorate,
    canonical_mission_code,
    directorate_lineage,
    mission_lineage,
    mission_of_action,
)


@pytest.mark.parametrize("printed, code", [("IN 5", "IN5"), ("TR 1", "TR1"), ("IN5", "IN5"), ("la 5", "LA5"), ("DA\u00a06", "DA6"), (" BE 01 ", "BE1")])
def test_action_codes(printed, code):
    assert canonical_action_code(printed) == code


@pytest.mark.parametrize("printed", ["", "IN", "5", "INFRA 5", "ID 123", "I N5"])
def test_not_action_codes(printed):
    with pytest.raises(ValueError):
        canonical_action_code(printed)


def test_codes_found_in_running_text():
    text = "les travaux sur le cloud (actions IN 3 et IN 4) et l'action TR5"
    assert [canonical_action_code(" ".join(m.groups())) for m in ACTION_CODE_IN_TEXT.finditer(text)] == ["IN3", "IN4", "TR5"]


def test_missions_and_their_history():
    assert canonical_mission_code("- LABEL -") == "LABEL"
    assert canonical_mission_code("Fabrique") == "FABRIQUE"
    assert mission_of_action("IN 5") == "INFRA"
    assert mission_of_action("BE2") == "BETA"
    assert mission_lineage("BETA") == {"BETA", "FABRIQUE"}
    assert mission_lineage("FABRIQUE") == {"BETA", "FABRIQUE"}
    assert mission_lineage("DATA") == {"DATA"}
    with pytest.raises(ValueError):
        canonical_mission_code("SANTE")


def test_directorate_rename():
    assert canonical_directorate("DINSIC") == "DINUM"
    assert canonical_directorate("dinum") == "DINUM"
    assert canonical_directorate("DITP") == "DITP"
    assert directorate_lineage("DINUM") == {"DINUM", "DINSIC"}
    assert directorate_lineage("DINSIC") == {"DINUM", "DINSIC"}
