"""extract -> normalize on the real seeds: every deadline phrase of seed 003 read, every owner recognised.

Figures written from reading the brochure (seed 003, action cards): 27 card-level
deadline or status phrases and 28 printed against steps (55 in all); 25 owner
lines on 25 cards naming 31 owners, 7 distinct bodies.
"""

from __future__ import annotations

import datetime as dt
import json

from editiondiff.normalize import normalize_edition
from editiondiff.pipeline import deadline_counts
from editiondiff.schemas import Edition
from editiondiff.schemas.registry import dump_json, validation_errors


def test_every_deadline_phrase_of_seed_003_is_parsed(edition_mi2020):
    edition = normalize_edition(edition_mi2020)
    card = [(a.code, p, d) for a in edition.actions for p, d in zip(a.deadlines_printed, a.deadlines, strict=True)]
    steps = [(a.code, s.deadline_printed, s.deadline) for a in edition.actions for s in a.steps if s.deadline_printed]
    assert (len(card), len(steps)) == (27, 28)
    assert deadline_counts(edition) == (55, 0)
    for code, printed, deadline in card + steps:
        assert deadline is not None and deadline.raw == printed, code
        assert deadline.kind != "unparsed", (code, printed)
        assert not deadline.year_inferred, (code, printed)  # every phrase of the brochure prints its year


def test_seed_003_deadlines_in_place(edition_mi2020):
    edition = normalize_edition(edition_mi2020)
    da3 = edition.action("DA3").deadlines[0]
    assert (da3.kind, da3.start, da3.end, len(da3.milestones)) == ("milestone", dt.date(2020, 1, 1), dt.date(2021, 6, 30), 2)
    la1 = edition.action("LA1").deadlines[0]
    assert (la1.kind, la1.start, la1.end, la1.granularity) == ("due", dt.date(2020, 7, 1), dt.date(2020, 9, 30), "quarter")
    id1 = {s.deadline_printed: s.deadline for s in edition.action("ID1").steps if s.deadline}
    assert id1["En cours, jusqu'à fin 2022"].kind == "ongoing"
    assert id1["En cours, jusqu'à fin 2022"].end == dt.date(2022, 12, 31)
    kinds = [d.kind for a in edition.actions for d in a.deadlines]
    assert kinds.count("done") == 11  # LA5, DA1, IN5, PI1, PI2, TA1, TA2, BE1, BE2, TR1, TR2 say it is done


def test_every_owner_of_seed_003_is_recognised(edition_mi2020):
    edition = normalize_edition(edition_mi2020)
    with_owner = [a for a in edition.actions if a.owners_printed]
    owners = [o for a in edition.actions for o in a.owners]
    assert len(with_owner) == 25
    assert len(owners) == 31
    assert all(o.recognised for o in owners)
    assert {o.id for o in owners} == {
        "dinum", "ditp", "min-interieur", "min-economie", "min-culture", "min-transition-ecologique", "min-armees",
    }  # fmt: skip
    assert [(o.id, o.qualifier) for o in edition.action("ID2").owners] == [("min-interieur", "programme Identité numérique")]
    assert [o.id for o in edition.action("DA5").owners] == ["min-culture", "min-transition-ecologique"]
    assert [o.id for o in edition.action("TA4").owners] == ["dinum", "min-economie"]


def test_indicator_cells_all_get_a_value(edition_mi2020):
    edition = normalize_edition(edition_mi2020)
    cells = [c for row in edition.indicators.rows for c in row.cells]
    assert cells and all(c.value is not None and c.value.raw == c.raw for c in cells)
    assert not [c.raw for c in cells if c.value.kind == "unparsed"]


def test_raw_text_is_kept_and_the_input_left_alone(edition_mi2020):
    before = dump_json(edition_mi2020)
    edition = normalize_edition(edition_mi2020)
    assert dump_json(edition_mi2020) == before
    for old, new in zip(edition_mi2020.actions, edition.actions, strict=True):
        assert (old.deadlines_printed, old.owners_printed) == (new.deadlines_printed, new.owners_printed)
        assert [s.deadline_printed for s in old.steps] == [s.deadline_printed for s in new.steps]


def test_deterministic_and_valid(edition_2019, edition_mi2020, edition_mi2021):
    for extracted in (edition_2019, edition_mi2020, edition_mi2021):
        first, second = dump_json(normalize_edition(extracted)), dump_json(normalize_edition(extracted))
        assert first == second
        assert validation_errors("edition", json.loads(first)) == []


def _hand_built(published, deadline_printed, owners_printed):
    return Edition.model_validate(
        {
            "id": "fictive",
            "label": "Édition fictive de test",
            "published": published,
            "fictitious": True,
            "level": "actions",
            "sources": [],
            "actions": [
                {
                    "code": "LA1",
                    "code_printed": "LA 1",
                    "mission": "LABEL",
                    "title": "Règles",
                    "owners_printed": owners_printed,
                    "deadlines_printed": [deadline_printed],
                    "steps": [{"text": "Étape", "deadline_printed": "fin d'année", "provenance": {"source": "x", "quote": "Étape"}}],
                    "provenance": {"source": "x", "quote": "ACTION LA 1"},
                }
            ],
        }
    )


def test_year_comes_from_the_edition_when_not_printed():
    edition = normalize_edition(_hand_built("2021-09-14", "2nd semestre", ["DINSIC et Cour des comptes"]))
    action = edition.actions[0]
    deadline = action.deadlines[0]
    assert (deadline.start, deadline.end, deadline.year_inferred) == (dt.date(2021, 7, 1), dt.date(2021, 12, 31), True)
    step = action.steps[0].deadline
    assert (step.start, step.end, step.year_inferred) == (dt.date(2021, 10, 1), dt.date(2021, 12, 31), True)
    assert [(o.id, o.alias, o.recognised) for o in action.owners] == [
        ("dinum", "DINSIC", True),
        ("unknown:cour-des-comptes", None, False),
    ]


def test_without_any_context_year_nothing_is_invented():
    edition = normalize_edition(_hand_built(None, "2nd semestre", []))
    deadline = edition.actions[0].deadlines[0]
    assert (deadline.start, deadline.end, deadline.year_inferred) == (None, None, False)
