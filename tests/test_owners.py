"""Owner lines of seed 003 (as printed, icons and line breaks included) and the gazetteer's variants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editiondiff.normalize.owners import line_to_owners

# (owner line as printed in seed 003, [(id, qualifier)])
SEED_003 = [
    ("DINUM", [("dinum", None)]),
    (" DINUM", [("dinum", None)]),
    (" Ministère de l'Intérieur (programme Identité numérique)", [("min-interieur", "programme Identité numérique")]),
    (" Ministères économiques et financiers", [("min-economie", None)]),
    ("Ministère de l'Économie\net des Finances", [("min-economie", None)]),
    ("Ministère de la Culture et\nministère de la Transition\nécologique", [("min-culture", None), ("min-transition-ecologique", None)]),
    ("DINUM et DITP", [("dinum", None), ("ditp", None)]),
    (" Ministère des Armées et DINUM", [("min-armees", None), ("dinum", None)]),
    ("⬆️ Ministère de la Transition écologique et DINUM", [("min-transition-ecologique", None), ("dinum", None)]),
    (" DINUM et ministères économiques et financiers", [("dinum", None), ("min-economie", None)]),
]


@pytest.mark.parametrize("line, expected", SEED_003)
def test_seed_003_owner_lines(line, expected):
    owners = line_to_owners(line)
    assert [(o.id, o.qualifier) for o in owners] == expected
    assert all(o.recognised for o in owners)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("DINSIC", "dinum"),
        ("direction interministérielle du numérique", "dinum"),
        ("DITP", "ditp"),
        ("ANCT", "anct"),
        ("agence nationale de la cohésion des territoires", "anct"),
        ("DGAFP", "dgafp"),
        ("direction générale de l'administration et de la fonction publique", "dgafp"),
        ("ANSSI", "anssi"),
        ("SGG", "sgg"),
        ("SIG", "sig"),
        ("service d'information du Gouvernement", "sig"),
        ("Ministère de l'Économie et des Finances", "min-economie"),
        ("ministère de l'Economie et des Finances", "min-economie"),
        ("ministères économiques et financiers", "min-economie"),
        ("Ministère de l'Économie, des Finances et de la Relance", "min-economie"),
        ("Ministère de la Transition écologique", "min-transition-ecologique"),
        ("ministère de la Transition écologique et solidaire", "min-transition-ecologique"),
        ("ministère des Armées", "min-armees"),
        ("MINISTÈRE DES ARMÉES", "min-armees"),
        ("Ministère de l'Intérieur", "min-interieur"),
        ("Ministère de la Culture", "min-culture"),
        ("Ministère de l'Agriculture", "min-agriculture"),
        ("ministère de l'Agriculture et de l'Alimentation", "min-agriculture"),
        ("Ministère de la Transformation et de la Fonction publiques", "min-transformation-fonction-publiques"),
    ],
)
def test_gazetteer_variants(line, expected):
    owners = line_to_owners(line)
    assert [o.id for o in owners] == [expected]
    assert owners[0].recognised and owners[0].raw


def test_former_name_is_recognised_and_recorded():
    (owner,) = line_to_owners("DINSIC")
    assert (owner.id, owner.name, owner.alias, owner.raw) == ("dinum", "DINUM", "DINSIC", "DINSIC")
    assert line_to_owners("DINUM")[0].alias is None


def test_display_names_and_kinds():
    dinum, ministry = line_to_owners("DINUM et ministères économiques et financiers")
    assert (dinum.name, dinum.kind) == ("DINUM", "directorate")
    assert (ministry.name, ministry.kind, ministry.raw) == ("Ministère de l'Économie et des Finances", "ministry", "ministères économiques et financiers")


def test_et_inside_a_name_does_not_split_it():
    assert [o.id for o in line_to_owners("Ministère de l'Économie et des Finances et DITP")] == ["min-economie", "ditp"]


def test_unknown_organisations_are_kept_and_flagged():
    owners = line_to_owners("DINUM, la Cour des comptes et Caisse nationale d'assurance vieillesse")
    assert [(o.id, o.recognised) for o in owners] == [
        ("dinum", True),
        ("unknown:cour-des-comptes", False),
        ("unknown:caisse-nationale-d-assurance-vieillesse", False),
    ]
    assert owners[0].kind == "directorate"
    # spaCy's French model tells named organisations from other text; either way the name is kept, unrecognised
    assert all(o.kind in ("organisation", "unknown") for o in owners[1:])
    assert owners[2].kind == "organisation"
    assert owners[1].name == "Cour des comptes"


def test_known_owners_need_no_spacy():
    import subprocess
    import sys

    code = (
        "import sys; from editiondiff.normalize.owners import line_to_owners; "
        "owners = line_to_owners(\"DINUM et ministères économiques et financiers\"); "
        "assert all(o.recognised for o in owners), owners; "
        "print('spacy' in sys.modules); "
        "line_to_owners('Agence nationale des fréquences'); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


def test_parenthesis_restating_the_acronym_is_not_a_qualifier():
    (owner,) = line_to_owners("direction interministérielle du numérique (DINUM)")
    assert (owner.id, owner.qualifier) == ("dinum", None)


def test_parenthesis_after_a_compound_goes_to_the_owner_just_before():
    owners = line_to_owners("DINUM et ministère de l'Intérieur (programme Identité numérique)")
    assert [(o.id, o.qualifier) for o in owners] == [("dinum", None), ("min-interieur", "programme Identité numérique")]


@pytest.mark.parametrize("line", ["", "   ", "➔", "et", "()"])
def test_empty_lines_give_no_owner(line):
    assert line_to_owners(line) == []


def test_repeated_owner_is_listed_once():
    assert [o.id for o in line_to_owners("DINUM et DINUM")] == ["dinum"]


@settings(max_examples=200, deadline=None)
@given(st.text() | st.lists(st.sampled_from(["DINUM", "et", "ministère", "de l'Intérieur", "(", ")", ",", "Cour", "des", "\n", "ⁱ", "İ", "ß"]), max_size=10).map(" ".join))
def test_never_raises_and_every_owner_has_an_id(line):
    for owner in line_to_owners(line):
        assert owner.id and owner.name and owner.raw
        assert owner.recognised == (not owner.id.startswith("unknown:"))
