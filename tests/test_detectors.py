"""Each change detector alone, on a small before/after pair of fictitious editions.

A detector is a plain function (old, new, matching, settings) -> changes; the
matching is built once by `editions_to_matching`, then only the detector under
test runs, so each test shows exactly what one detector emits.
"""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from editiondiff.diff.detectors import DETECTORS, detect_changes
from editiondiff.diff.detectors.additions import action_added
from editiondiff.diff.detectors.deadlines import action_deadline
from editiondiff.diff.detectors.exits import action_exited
from editiondiff.diff.detectors.indicators import column_changed, indicator_rows
from editiondiff.diff.detectors.missions import mission_removed_or_added, mission_renamed, mission_reworded
from editiondiff.diff.detectors.owners import owner_changed
from editiondiff.diff.detectors.placement import action_moved_or_recoded
from editiondiff.diff.detectors.status import action_status
from editiondiff.diff.detectors.steps import step_changes
from editiondiff.diff.detectors.wording import action_retitled, action_reworded
from editiondiff.diff.matching import editions_to_matching
from editiondiff.diff.settings import DEFAULT_SETTINGS
from editiondiff.schemas import Deadline, IndicatorCell, IndicatorRow, IndicatorTable, StatedChange, Step
from editiondiff.schemas.diff import ChangeKind
from conftest import said

from test_diff_matching import MISSIONS, OLD_ACTIONS, card, edition, prov


def run(detector, old, new):
    """What `detector` alone finds between the fictitious editions `old` and `new`: (kind, subject, before, after)."""
    matching = editions_to_matching(old, new, DEFAULT_SETTINGS)
    return [(c.kind, said(c), c.before, c.after) for c in detector(old, new, matching, DEFAULT_SETTINGS)]


def editions(update: dict[str, dict] | None = None, *, missions=MISSIONS, drop=(), add=()):
    """The fictitious 'before' edition and an 'after' one: cards updated by code, dropped, added."""
    update = update or {}
    after = [a.model_copy(update=update[a.code]) if a.code in update else a for a in OLD_ACTIONS if a.code not in drop] + list(add)
    return edition("before-fictitious", MISSIONS, OLD_ACTIONS), edition("after-fictitious", missions, after)


def test_every_kind_of_change_has_a_detector_and_detectors_share_one_signature():
    import inspect

    assert all(list(inspect.signature(d).parameters) == ["old", "new", "matching", "settings"] for d in DETECTORS)
    text = "\n".join(inspect.getsource(inspect.getmodule(d)) for d in DETECTORS)
    assert [kind for kind in typing.get_args(ChangeKind) if f'"{kind}"' not in text] == []


def test_unchanged_editions_give_nothing_from_any_detector():
    old, new = editions()
    matching = editions_to_matching(old, new, DEFAULT_SETTINGS)
    for detector in DETECTORS:
        assert detector(old, new, matching, DEFAULT_SETTINGS) == [], detector.__name__


def test_mission_renamed():
    renamed = [("BETA",) + MISSIONS[2][1:] if code == "FABRIQUE" else (code, n, o) for code, n, o in MISSIONS]
    old, new = editions(missions=renamed)
    assert run(mission_renamed, old, new) == [("mission_renamed", "FABRIQUE", "FABRIQUE", "BETA")]


def test_mission_reworded():
    reworded = [(c, n + " et des agents" if c == "LABEL" else n, o) for c, n, o in MISSIONS]
    old, new = editions(missions=reworded)
    assert run(mission_reworded, old, new) == [("mission_reworded", "LABEL", MISSIONS[0][1], MISSIONS[0][1] + " et des agents")]


def test_mission_removed_or_added():
    old, new = editions(missions=MISSIONS + [("PILOT", "Accompagner le pilotage", None)])
    assert run(mission_removed_or_added, old, new) == [("mission_added", "PILOT", None, "Accompagner le pilotage")]
    assert run(mission_removed_or_added, new, old) == [("mission_removed", "PILOT", "Accompagner le pilotage", None)]
    # An edition that lists no missions says nothing about them.
    assert run(mission_removed_or_added, old, edition("after-fictitious", [], OLD_ACTIONS)) == []


def test_action_moved_or_recoded():
    old, new = editions({"LA2": {"code": "LA7", "code_printed": "LA7"}, "DA2": {"code": "LA8", "code_printed": "LA8", "mission": "LABEL"}})
    assert run(action_moved_or_recoded, old, new) == [
        ("action_recoded", "LA7", "LA2", "LA7"),
        ("action_moved", "LA8", "DATA (DA2)", "LABEL (LA8)"),
    ]


def test_action_retitled():
    old, new = editions({"LA1": {"title": "Principes de certification"}, "LA2": {"title": "CATALOGUE"}})
    # Typography is not a change: "CATALOGUE" folds to "catalogue".
    assert run(action_retitled, old, new) == [("action_retitled", "LA1", "Règles de labellisation", "Principes de certification")]


def test_action_reworded():
    objective = "Évaluer les attentes des usagers et définir les règles de labellisation"
    old, new = editions({"LA1": {"objective": objective}})
    assert run(action_reworded, old, new) == [("action_reworded", "LA1", OLD_ACTIONS[0].objective, objective)]


def test_action_status():
    old, new = editions({"LA2": {"completed": True, "status": "completed", "status_printed": "Objectif atteint ✓"}})
    assert run(action_status, old, new) == [("action_completed", "LA2", None, "Objectif atteint ✓")]
    assert run(action_status, new, old) == [("status_changed", "LA2", "Objectif atteint ✓", None)]
    ongoing, _ = editions()
    later = ongoing.model_copy(update={"actions": [a.model_copy(update={"deadlines_printed": ["En cours"]}) if a.code == "LA1" else a
                                                   for a in ongoing.actions]})
    assert run(action_status, ongoing, later) == [("status_changed", "LA1", "3e trimestre 2020", "En cours")]


def test_action_deadline():
    def due(raw, end):
        return [Deadline(raw=raw, kind="due", start=None, end=end, granularity="quarter")]

    old, new = editions({"LA1": {"deadlines": due("3e trimestre 2020", dt.date(2020, 9, 30))}})
    later = new.model_copy(update={"actions": [a.model_copy(update={"deadlines_printed": ["2e trimestre 2021"],
                                                                    "deadlines": due("2e trimestre 2021", dt.date(2021, 6, 30))})
                                               if a.code == "LA1" else a for a in new.actions]})
    matching = editions_to_matching(new, later, DEFAULT_SETTINGS)
    (change,) = action_deadline(new, later, matching, DEFAULT_SETTINGS)
    assert (change.kind, said(change), change.detail["slip_months"]) == ("deadline_changed", "LA1", 9)
    assert change.importance == 60 + 9


def test_owner_changed():
    old, new = editions({"DA2": {"owners_printed": ["DITP"]}})
    assert run(owner_changed, old, new) == [("owner_changed", "DA2", "DINUM", "DITP")]


def test_step_changes():
    steps = [Step(text="Définir les règles de labellisation des produits", provenance=prov("…", 50)),
             Step(text="Publier un bilan annuel des résultats obtenus", provenance=prov("…", 51))]
    old, new = editions({"LA1": {"steps": steps}})
    assert sorted(run(step_changes, old, new)) == sorted([
        ("step_changed", "LA1 étape 1", "Définir les règles de labellisation", steps[0].text),
        ("step_removed", "LA1 étape 2 (ancienne)", "Consulter les industriels du numérique", None),
        ("step_added", "LA1 étape 2", None, steps[1].text),
    ])
    done = [OLD_ACTIONS[3].steps[0].model_copy(update={"deadline_printed": "Fait", "status": "done"}), OLD_ACTIONS[3].steps[1]]
    old, new = editions({"DA2": {"steps": done}})
    assert run(step_changes, old, new) == [("status_changed", "DA2 étape 1", None, "Fait")]


def test_action_exited():
    old, new = editions(drop=("DA1", "DA2"))
    assert run(action_exited, old, new) == [
        ("action_exited_completed", "DA1", "Guichet Dites-le-nous une fois", None),
        ("action_dropped", "DA2", "Datapedia", None),
    ]
    # A card its edition states completed leaves completed too.
    stated = old.model_copy(update={"stated_changes": [StatedChange(kind="action_completed", subject="DA2", summary="DA2 achevée",
                                                                    evidence=prov("DA2 achevée"))]})
    assert [k for k, *_ in run(action_exited, stated, new)] == ["action_exited_completed", "action_exited_completed"]


def test_action_added():
    fresh = card("LA6", "LABEL", "Lab GovTech", "Favoriser les solutions GovTech", ["Assurer une veille"], new=True)
    old, new = editions(add=[fresh])
    assert run(action_added, old, new) == [("action_added", "LA6", None, "Lab GovTech")]


def _table(columns, rows):
    return IndicatorTable(columns=columns, provenance=prov("Indicateurs de pilotage", 900), rows=[
        IndicatorRow(mission=m, label=label, cells=[IndicatorCell(column=c, raw=v) for c, v in zip(columns, values)], provenance=prov(label, 901 + i))
        for i, (m, label, values) in enumerate(rows)])


@pytest.fixture
def indicator_editions():
    old_table = _table(["en 2019", "projection fin 2020"], [("LABEL", "Prototypes réalisés", ["0", "5"]),
                                                              ("DATA", "Dossiers numériques actifs", ["0", "0"])])
    new_table = _table(["en 2019", "en 2020", "objectif 2022"], [("LABEL", "Prototypes réalisés", ["0", "4", "10"]),
                                                                  ("DATA", "Jeux de données publiés", ["11", "14", "20"])])
    old, new = editions()
    return old.model_copy(update={"indicators": old_table}), new.model_copy(update={"indicators": new_table})


def test_column_changed(indicator_editions):
    assert run(column_changed, *indicator_editions) == [
        ("column_changed", "en 2020", "projection fin 2020", "en 2020"),
        ("column_changed", "objectif 2022", None, "objectif 2022"),
    ]


def test_indicator_rows(indicator_editions):
    assert run(indicator_rows, *indicator_editions) == [
        ("indicator_revised", "Prototypes réalisés", "5", "4"),
        ("indicator_removed", "Dossiers numériques actifs", "0 | 0", None),
        ("indicator_added", "Jeux de données publiés", None, "11 | 14 | 20"),
    ]


def test_detect_changes_runs_a_chosen_list_and_action_detectors_skip_mission_only_editions():
    old, new = editions(drop=("DA2",))
    matching = editions_to_matching(old, new, DEFAULT_SETTINGS)
    assert [c.kind for c in detect_changes(old, new, matching, DEFAULT_SETTINGS, [action_exited])] == ["action_dropped"]
    missions_only = new.model_copy(update={"level": "missions", "actions": []})
    matching = editions_to_matching(old, missions_only, DEFAULT_SETTINGS)
    assert matching.actions is None and matching.level == "missions"
    assert detect_changes(old, missions_only, matching, DEFAULT_SETTINGS) == []
