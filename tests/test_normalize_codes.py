"""Action and mission code shapes: learned from print, not from a list."""

from __future__ import annotations

import pytest

from editiondiff.vocabulary.codes import CodeShapes, canonical_action_code, canonical_mission_code, looks_like_mission_code, prefix_of


@pytest.mark.parametrize(
    "printed, code",
    [("IN 5", "IN5"), ("TR 1", "TR1"), ("IN5", "IN5"), ("la 5", "LA5"), ("DA\u00a06", "DA6"), (" BE 01 ", "BE1"), ("LB-3", "LB3"), ("SA 12", "SA12"), ("QXZ.4", "QXZ4")],
)
def test_action_codes(printed, code):
    assert canonical_action_code(printed) == code


@pytest.mark.parametrize("printed", ["", "IN", "5", "INFRA 5", "ID 123", "I N5"])
def test_not_action_codes(printed):
    with pytest.raises(ValueError):
        canonical_action_code(printed)


def test_codes_found_in_running_text_with_the_edition_prefixes():
    text = "les travaux sur le cloud (actions IN 3 et IN 4) et l'action TR5"
    assert [code for _, code, _ in CodeShapes(frozenset({"IN", "TR"})).codes_in(text)] == ["IN3", "IN4", "TR5"]


def test_unknown_prefixes_are_read_after_the_word_action():
    text = "l'action QX 7 et l'action LB-3 ; le code ZZ 4 seul n'est pas lu"
    assert [code for _, code, _ in CodeShapes(frozenset()).codes_in(text)] == ["QX7", "LB3"]


def test_mission_codes():
    assert canonical_mission_code("- LABEL -") == "LABEL"
    assert canonical_mission_code("Fabrique") == "FABRIQUE"
    assert canonical_mission_code("SANTE") == "SANTE"  # any code-like word: the edition says which are missions
    assert looks_like_mission_code("NOVA") and not looks_like_mission_code("Nova") and not looks_like_mission_code("AB")
    assert prefix_of("IN12") == "IN"
    with pytest.raises(ValueError):
        canonical_mission_code("--")
