"""The diff's JSON contract (version 2): stable change ids, structured subjects, typed details, sources and tool version."""

from __future__ import annotations

import json

from editiondiff import __version__
from editiondiff.diff import editions_to_diff
from editiondiff.schemas.diff import DIFF_SCHEMA_VERSION, DETAILS, Diff
from editiondiff.schemas.registry import dump_json, validation_errors

from test_diff_matching import MISSIONS, OLD_ACTIONS, card, edition, prov


def _pair():
    old = edition("before-fictitious", MISSIONS, OLD_ACTIONS)
    new_cards = [a.model_copy(update={"title": "Principes de certification", "steps": a.steps[:1]}) if a.code == "LA1" else a
                 for a in OLD_ACTIONS if a.code != "DA2"]
    new_cards.append(card("LA6", "LABEL", "Lab GovTech", "Favoriser les solutions GovTech", ["Assurer une veille"], new=True))
    return old, edition("after-fictitious", MISSIONS, new_cards)


def test_change_ids_are_stable_unique_and_independent_of_the_run():
    old, new = _pair()
    first, second = editions_to_diff(old, new), editions_to_diff(old, new)
    ids = [c.id for c in first.changes]
    assert ids == [c.id for c in second.changes]
    assert len(set(ids)) == len(ids) and all(i.startswith("chg-") for i in ids)
    # The id names the pair of editions: the same change between other editions has another id.
    other = editions_to_diff(old.model_copy(update={"id": "other-fictitious"}), new)
    assert not set(ids) & {c.id for c in other.changes}


def test_subjects_are_structured_and_details_typed_per_kind():
    old, new = _pair()
    diff = editions_to_diff(old, new)
    by_kind = {c.kind: c for c in diff.changes}
    step = by_kind["step_removed"].subject
    assert (step.type, step.action_code, step.step, step.step_of, step.action_uid) == ("step", "LA1", 2, "old", "before-fictitious:LA1")
    added = by_kind["action_added"]
    assert added.subject.action_uid == "after-fictitious:LA6" and added.detail.marked_new is True
    dropped = by_kind["action_dropped"]
    assert dropped.detail.reason == "dropped" and type(dropped.detail) is DETAILS["action_dropped"]
    assert all(type(c.detail) is DETAILS[c.kind] for c in diff.changes)
    # No sentence of ours in a change: every text field is either printed by an edition or an id.
    document = json.loads(dump_json(diff))
    assert "étape" not in json.dumps(document["changes"], ensure_ascii=False)


def test_diff_records_tool_version_sources_and_validates(edition_2019, edition_mi2020):
    diff = editions_to_diff(edition_2019, edition_mi2020)
    assert diff.schema_version == DIFF_SCHEMA_VERSION and diff.tool_version == __version__
    assert [(s.edition, s.source) for s in diff.sources] == [("2019", "000"), ("2019", "002"), ("mi-2020", "003")]
    assert all(len(s.sha256) == 64 for s in diff.sources)
    document = json.loads(dump_json(diff))
    assert validation_errors("diff", document) == []
    assert Diff.model_validate(document) == diff


def test_every_match_names_its_rival_and_margin(edition_mi2020):
    renamed = edition_mi2020.model_copy(update={"id": "mi-2020-fictitious"})
    diff = editions_to_diff(edition_mi2020, renamed)
    assert diff.action_matches and all(m.rival is not None and m.margin == round(m.score - m.rival_score, 4) for m in diff.action_matches)
    assert all(m.tie == (m.margin < 0.01) for m in diff.action_matches)


def test_every_enum_value_of_the_diff_and_report_schemas_is_described():
    from editiondiff.schemas.registry import SCHEMA_DIR

    for name in ("diff", "report"):
        schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert schema["$id"].startswith(f"urn:editiondiff:schema:{name}:")
        undescribed = []

        def walk(node, path=""):
            if isinstance(node, dict):
                if "enum" in node or ("const" in node and "description" not in node):
                    undescribed.append(path)
                for key, value in node.items():
                    walk(value, f"{path}/{key}")
            elif isinstance(node, list):
                for i, value in enumerate(node):
                    walk(value, f"{path}/{i}")

        walk(schema)
        assert undescribed == [], name
