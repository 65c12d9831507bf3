"""Change kinds between matched elements: steps, status, owners, indicators, missions."""

from __future__ import annotations

from editiondiff.diff import editions_to_diff
from editiondiff.schemas import IndicatorCell, IndicatorRow, IndicatorTable, Owner, Step
from conftest import said

from test_diff_matching import MISSIONS, OLD_ACTIONS, card, edition, prov


def changes(old_actions, new_actions, **kw):
    diff = editions_to_diff(edition("old", MISSIONS, old_actions), edition("new", MISSIONS, new_actions), **kw)
    return diff, [(c.kind, said(c)) for c in diff.changes]


def replace_action(code, **update):
    return [a.model_copy(update=update) if a.code == code else a for a in OLD_ACTIONS]


def test_unchanged_editions_have_no_change():
    diff, kinds = changes(OLD_ACTIONS, [a.model_copy(deep=True) for a in OLD_ACTIONS])
    assert kinds == []
    assert all(m.score == 1.0 for m in diff.action_matches)


def test_steps_added_removed_and_reworded_with_their_own_provenance():
    la1 = OLD_ACTIONS[0]
    steps = [
        Step(text="Définir les règles de labellisation des produits", provenance=prov("…", 50)),
        Step(text="Publier un bilan annuel des résultats obtenus", provenance=prov("…", 51)),
    ]
    diff, kinds = changes(OLD_ACTIONS, replace_action("LA1", steps=steps))
    assert ("step_changed", "LA1 étape 1") in kinds
    assert ("step_added", "LA1 étape 2") in kinds
    assert ("step_removed", "LA1 étape 2 (ancienne)") in kinds
    changed = next(c for c in diff.changes if c.kind == "step_changed")
    assert changed.before == la1.steps[0].text and changed.after == steps[0].text
    assert changed.old.line_start == la1.steps[0].provenance.line_start and changed.new.line_start == 50


def test_completion_and_step_status():
    steps = [OLD_ACTIONS[3].steps[0].model_copy(update={"deadline_printed": "Fait", "status": "done"}), OLD_ACTIONS[3].steps[1]]
    old = replace_action("DA2", steps=[OLD_ACTIONS[3].steps[0].model_copy(update={"deadline_printed": "4e trimestre 2020"}), OLD_ACTIONS[3].steps[1]])
    new = [a.model_copy(update={"steps": steps}) if a.code == "DA2" else a for a in old]
    new = [a.model_copy(update={"completed": True, "status": "completed", "status_printed": "Objectif atteint ✓"}) if a.code == "LA2" else a for a in new]
    diff, kinds = changes(old, new)
    assert ("action_completed", "LA2") in kinds
    assert ("status_changed", "DA2 étape 1") in kinds
    assert not any(k == "deadline_changed" for k, _ in kinds)  # a date becoming "Fait" is a status, not a slip
    back, kinds_back = changes(new, old)
    assert ("status_changed", "LA2") in kinds_back  # no longer marked completed


def test_owner_change_uses_canonical_ids_when_the_normaliser_gave_them():
    economy = [Owner(raw="Ministère de l'Économie et des Finances", id="min-economie", name="Ministère de l'Économie", kind="ministry")]
    same_body = [Owner(raw="Ministères économiques et financiers", id="min-economie", name="Ministère de l'Économie", kind="ministry")]
    old = replace_action("DA2", owners_printed=["Ministère de l'Économie et des Finances"], owners=economy)
    reworded = [a.model_copy(update={"owners_printed": ["Ministères économiques et financiers"], "owners": same_body}) if a.code == "DA2" else a for a in old]
    _, kinds = changes(old, reworded)
    assert ("owner_changed", "DA2") not in kinds
    other = [a.model_copy(update={"owners_printed": ["DITP"], "owners": [Owner(raw="DITP", id="ditp", name="DITP", kind="directorate")]})
             if a.code == "DA2" else a for a in old]
    diff, kinds = changes(old, other)
    assert ("owner_changed", "DA2") in kinds
    change = next(c for c in diff.changes if c.kind == "owner_changed")
    assert change.before == "Ministère de l'Économie et des Finances" and change.after == "DITP"


def _table(columns, rows):
    return IndicatorTable(columns=columns, provenance=prov("Indicateurs de pilotage", 900), rows=[
        IndicatorRow(mission=m, label=label, cells=[IndicatorCell(column=c, raw=v) for c, v in zip(columns, values)], provenance=prov(label, 901 + i))
        for i, (m, label, values) in enumerate(rows)
    ])


def test_indicators_revised_per_cell_added_removed_and_column_replaced():
    old_table = _table(["en 2019", "projection fin 2020", "objectif fin 2022"], [
        ("LABEL", "Prototypes réalisés", ["0", "5", "10*"]),
        ("DATA", "Dossiers numériques du citoyen actifs", ["0", "0", "1 million*"]),
        ("DATA", "Dossiers numériques de l'agent actifs", ["0", "0", "100 000*"]),
    ])
    new_table = _table(["en 2019", "en 2020", "objectif fin 2022"], [
        ("LABEL", "Prototypes réalisés", ["0", "4", "10*"]),
        ("DATA", "Dossiers numériques du citoyen actifs", ["0", "0", "2 millions*"]),
        ("DATA", "Jeux de données de référence publiés", ["11", "14", "20"]),
    ])
    old = edition("old", MISSIONS, OLD_ACTIONS).model_copy(update={"indicators": old_table})
    new = edition("new", MISSIONS, OLD_ACTIONS).model_copy(update={"indicators": new_table})
    diff = editions_to_diff(old, new)
    found = {(c.kind, said(c), c.detail.get("column")) for c in diff.changes}
    assert ("column_changed", "en 2020", None) in found
    assert ("indicator_revised", "Prototypes réalisés", "en 2020") in found
    assert ("indicator_revised", "Dossiers numériques du citoyen actifs", "objectif fin 2022") in found
    assert ("indicator_removed", "Dossiers numériques de l'agent actifs", None) in found
    assert ("indicator_added", "Jeux de données de référence publiés", None) in found
    assert len([c for c in diff.changes if c.kind == "indicator_revised"]) == 2
    column = next(c for c in diff.changes if c.kind == "column_changed")
    assert column.before == "projection fin 2020" and column.after == "en 2020"
    assert all(c.old is not None and c.new is not None for c in diff.changes)


def test_mission_reworded_and_added():
    missions = [(c, n + " et des agents" if c == "LABEL" else n, o) for c, n, o in MISSIONS] + [("PILOT", "Accompagner le pilotage", None)]
    diff = editions_to_diff(edition("old", MISSIONS, OLD_ACTIONS), edition("new", missions, OLD_ACTIONS))
    kinds = {(c.kind, said(c)) for c in diff.changes}
    assert kinds == {("mission_reworded", "LABEL"), ("mission_added", "PILOT")}


def test_every_change_cites_both_editions_and_is_ordered_by_mission_then_importance():
    new = [a for a in OLD_ACTIONS if a.code != "LA2"] + [card("LA6", "LABEL", "Lab GovTech", "Favoriser les solutions GovTech", ["Assurer une veille"], new=True)]
    new = [a.model_copy(update={"title": "Règles de label"}) if a.code == "LA1" else a for a in new]
    diff, _ = changes(OLD_ACTIONS, new)
    assert diff.changes
    for c in diff.changes:
        assert c.old is not None and c.new is not None, c
        assert 0.0 <= c.confidence <= 1.0
    label = [c for c in diff.changes if c.mission == "LABEL"]
    assert [c.importance for c in label] == sorted((c.importance for c in label), reverse=True)
