"""Stable identifiers and lineage events across stored editions, `history`, and plain-SQL questions on the tables.

The editions are fictitious (the mid-2020 cards edited by hand, see `store_editions.scenario`) after the real
mid-2020 and mid-2021 editions, which is known only at mission level.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from editiondiff.store import open_store, render_history

from conftest import SOURCES
from store_editions import scenario


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lineage")
    store = open_store(folder / "lineage.db")
    store.ingest([SOURCES / "003_dc8a99c2b477ef56.txt", SOURCES / "001_89056a133386d998.txt", SOURCES / "004_e64644fe5c549ccc.txt"])
    for path, edition_id, published in scenario(folder):
        store.ingest([path], edition=edition_id, published=published)
    yield store
    store.close()


def events(store, uid: str) -> list[tuple[str, str]]:
    return [(r["edition_id"], r["event"]) for r in store.db.query("SELECT edition_id, event FROM lineage WHERE uid = ? ORDER BY position, event", [uid])]


def test_the_chain_is_in_publication_order_and_fictitious_editions_are_flagged(store):
    rows = store.editions()
    assert [e.id for e in rows] == ["mi-2020", "fict-1", "fict-2", "mi-2021", "fict-3"]
    assert [e.fictitious for e in rows] == [False, True, True, False, True]


def test_a_reused_code_names_two_lineages_and_history_says_so(store):
    history = store.history("ID2")
    assert [h.uid for h in history.lineages] == ["ID2@mi-2020", "ID3@mi-2020"]
    assert history.notes == [{"kind": "code_reused", "code": "ID2", "lineages": [["ID2@mi-2020", ["ID2"]], ["ID3@mi-2020", ["ID3", "ID2"]]]}]
    dropped, recoded = history.lineages
    assert [(x.edition, x.code) for x in recoded.entries if x.present] == [("mi-2020", "ID3"), ("fict-1", "ID3"), ("fict-2", "ID2"), ("fict-3", "ID2")]
    assert ("fict-2", "dropped") in events(store, dropped.uid)
    assert ("fict-2", "recoded") in events(store, recoded.uid)
    assert "names 2 different actions" in render_history(history, "md", "en")
    assert "le code ID2 désigne 2 actions différentes" in render_history(history, "md")


def test_events_created_retitled_moved_completed_exited(store):
    assert events(store, "LA3@mi-2020") == [("mi-2020", "created"), ("fict-2", "retitled"), ("mi-2021", "not_found")]
    assert ("fict-2", "moved") in events(store, "IN6@mi-2020")
    assert ("fict-2", "completed") in events(store, "LA4@mi-2020")
    assert events(store, "TA1@mi-2020")[-1] == ("fict-2", "exited")
    assert store.history("IN6").lineages[0].entries[-1].code == "TR6"  # the same uid under its new code


def test_an_action_missing_from_one_edition_is_an_extraction_gap_not_a_drop(store):
    evs = events(store, "DA5@mi-2020")
    assert ("fict-2", "not_found") in evs and ("fict-2", "dropped") not in evs
    detail = store.db.execute("SELECT detail FROM lineage WHERE uid = 'DA5@mi-2020' AND edition_id = 'fict-2'").fetchone()[0]
    assert "extraction gap" in detail
    assert [x.edition for x in store.history("DA5").lineages[0].entries if x.present] == ["mi-2020", "fict-1", "fict-3"]


def test_an_edition_known_only_at_mission_level_is_said_to_be_a_gap(store):
    detail = store.db.execute("SELECT detail FROM lineage WHERE uid = 'LA1@mi-2020' AND edition_id = 'mi-2021'").fetchone()[0]
    assert "known only at mission level" in detail


def test_history_gives_the_total_slip_of_the_end_date_with_provenance(store):
    [la1] = store.history("LA1").lineages
    assert (la1.first_end, la1.last_end, la1.slip_months) == ("2020-09-30", "2022-03-31", 18)
    first = la1.entries[0]
    assert first.where == "source 003, l. 441-449" and first.deadlines[0]["raw"] == "3e trimestre 2020"
    assert "total slip +18 months" in render_history(store.history("LA1"), "md", "en")
    assert "Glissement total de la date de fin depuis sa première apparition : +18 mois." in render_history(store.history("LA1"), "md")


def test_history_by_title_by_uid_and_of_a_mission(store):
    assert [h.uid for h in store.history("AgentConnect").lineages] == ["ID3@mi-2020"]
    assert [h.uid for h in store.history("ID3@mi-2020").lineages] == ["ID3@mi-2020"]
    [beta] = store.history("BETA").lineages
    assert beta.kind == "mission" and [x.edition for x in beta.entries if x.present][:2] == ["mi-2020", "fict-1"]
    assert [h.uid for h in store.history("services publics numériques autrement").lineages] == ["BETA@mi-2020"]
    assert store.history("no such thing").lineages == []


def test_history_formats_are_deterministic_and_parse(store):
    history = store.history("LA1")
    for fmt in ("md", "json", "csv"):
        assert render_history(history, fmt) == render_history(store.history("LA1"), fmt)
    data = json.loads(render_history(history, "json"))
    assert data["lineages"][0]["slip_months"] == 18
    rows = list(csv.DictReader(io.StringIO(render_history(history, "csv", "en"))))
    assert [r["edition"] for r in rows] == ["mi-2020", "fict-1", "fict-2", "mi-2021", "fict-3"]


def test_plain_sql_every_action_whose_deadline_slipped_more_than_six_months(store):
    slipped = store.db.execute(
        "SELECT subject, old_edition, new_edition, slip_months FROM changes "
        "WHERE kind = 'deadline_changed' AND slip_months > 6 ORDER BY subject, new_edition").fetchall()
    assert ("LA1", "fict-1", "fict-2", 12) in slipped
    # The same question over the whole life of each action: end date at first and last appearance, by uid.
    total = store.db.execute(
        "SELECT a.uid, min(e.published), max(e.published), "
        "(SELECT end_date FROM actions x JOIN editions y ON y.current_run = x.run_id WHERE x.uid = a.uid AND x.end_date IS NOT NULL "
        " ORDER BY y.published LIMIT 1) AS first_end, "
        "(SELECT end_date FROM actions x JOIN editions y ON y.current_run = x.run_id WHERE x.uid = a.uid AND x.end_date IS NOT NULL "
        " ORDER BY y.published DESC LIMIT 1) AS last_end "
        "FROM actions a JOIN editions e ON e.current_run = a.run_id GROUP BY a.uid "
        "HAVING julianday(last_end) - julianday(first_end) > 183").fetchall()
    assert [row[0] for row in total] == ["LA1@mi-2020"]


def test_plain_sql_on_every_table(store):
    for table in ("editions", "sources", "runs", "missions", "actions", "steps", "deadlines", "owners", "indicators",
                  "changes", "findings", "lineages", "lineage", "links"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    owners = store.db.execute("SELECT DISTINCT o.name FROM owners o JOIN actions a ON a.id = o.action_id WHERE a.code = 'DA5'").fetchall()
    assert ("Ministère de la Culture",) in owners
    done = store.db.execute("SELECT count(*) FROM lineage WHERE event IN ('completed', 'exited')").fetchone()[0]
    assert done >= 2


def test_merges_and_splits_from_the_matching(store):
    from editiondiff.pipeline import compare
    from editiondiff.store.lineage import merges_and_splits

    old = store.edition("fict-1")
    twin = next(a for a in old.actions if a.code == "LA3").model_copy(deep=True)
    twin.code, twin.code_printed, twin.title = "LA9", "LA 9", twin.title + " nationale"
    with_twin = old.model_copy(update={"actions": old.actions + [twin]})
    # Two cards of the older edition, one in the newer: the left-over one merged into it.
    merged = merges_and_splits(with_twin, old, compare(with_twin, old))
    assert [(k, o, n) for k, o, n, *_ in merged] == [("merged", "LA9", "LA3")] or [(k, n) for k, o, n, *_ in merged] == [("merged", "LA3")]
    # One card in the older edition, two alike in the newer: the new one split from it.
    split = merges_and_splits(old, with_twin, compare(old, with_twin))
    assert [(k, o) for k, o, n, *_ in split] == [("split", "LA3")]


def twins_store(folder, pattern: tuple[bool, ...]):
    """A store of fictitious editions printing LA3, and in the editions `pattern` marks a near-copy of it, LA9."""
    from store_editions import twin_series

    store = open_store(folder / "twins.db")
    for path, edition_id, published in twin_series(folder, pattern):
        store.ingest([path], edition=edition_id, published=published)
    return store


def twin_events(store) -> set[tuple]:
    return {(r["uid"], r["edition_id"], r["event"], r["other_uid"]) for r in store.db.query(
        "SELECT uid, edition_id, event, other_uid FROM lineage WHERE uid LIKE 'LA3@%' OR uid LIKE 'LA9@%'")}


def test_merge_and_split_are_lineage_events_in_the_store(tmp_path):
    """fict-twins-1 prints LA3; fict-twins-2 LA3 and a near-copy LA9 (split from it); fict-twins-3 only LA3 again (LA9 merged into it)."""
    with twins_store(tmp_path, (False, True, False)) as store:
        events = twin_events(store)
    assert {e for e in events if e[2] == "split"} == {("LA9@fict-twins-2", "fict-twins-2", "split", "LA3@fict-twins-1"),
                                                      ("LA3@fict-twins-1", "fict-twins-2", "split", "LA9@fict-twins-2")}
    assert {e for e in events if e[2] == "merged"} == {("LA9@fict-twins-2", "fict-twins-3", "merged", "LA3@fict-twins-1"),
                                                       ("LA3@fict-twins-1", "fict-twins-3", "merged", "LA9@fict-twins-2")}


def test_a_card_back_after_one_edition_was_not_merged_meanwhile(tmp_path):
    with twins_store(tmp_path, (True, False, True)) as store:
        events = twin_events(store)
    assert ("LA9@fict-twins-1", "fict-twins-2", "not_found", None) in events
    assert not {e for e in events if e[2] in ("merged", "dropped", "split")}


def _fragments(template) -> list[str]:
    """The literal words of a template (placeholders cut out), long enough to belong to one language only."""
    import re

    texts = template if isinstance(template, (tuple, list)) else list(template.values()) if isinstance(template, dict) else [template]
    return [piece.strip() for text in texts for piece in re.split(r"\{[^}]*\}", text) if len(piece.strip()) >= 6]


def unquoted(history, text: str) -> str:
    """`text` without the values the editions print or the store names (titles, codes, sources, deadline phrases, ids)."""
    from editiondiff.escape import markdown_inline

    values = {history.query}
    for h in history.lineages:
        values.add(h.uid)
        for x in h.entries:
            values.update(v for v in (x.edition, x.code, x.title, x.mission, x.where, *x.owners) if v)
            values.update(d["raw"] for d in x.deadlines)
            for ev in x.events:
                values.update(v for k, v in ev.get("detail", {}).items() if k != "kind")
                values.update(v for v in (ev.get("other_uid"), ev.get("code")) if v)
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(markdown_inline(value), "").replace(value, "")
    return text


@pytest.mark.parametrize("query", ["LA1", "ID2", "DA5", "BETA", "TA1", "IN6"])
def test_history_in_french_has_no_english_wording_and_in_english_no_french(store, query):
    from editiondiff.store.words import WORDS

    history = store.history(query)
    text = {lang: unquoted(history, render_history(history, "md", lang) + render_history(history, "csv", lang)) for lang in ("fr", "en")}
    for lang, other in (("fr", "en"), ("en", "fr")):
        for key, template in WORDS[other].items():
            if template == WORDS[lang][key]:
                continue
            for piece in _fragments(template):
                if piece not in _fragments(WORDS[lang][key]):
                    assert piece not in text[lang], (lang, key, piece)
    assert "actions actions" not in text["fr"] + text["en"]
    # What the editions print (titles, codes, deadline phrases) is quoted as printed in both languages.
    la1 = store.history("LA1")
    raw = la1.lineages[0].entries[0].deadlines[0]["raw"]
    assert raw in render_history(la1, "md", "en") and raw in render_history(la1, "md", "fr")


def test_history_json_holds_codes_and_values_not_sentences(store):
    data = json.loads(render_history(store.history("DA5"), "json"))
    details = [ev["detail"] for x in data["lineages"][0]["entries"] for ev in x["events"] if "detail" in ev]
    assert {"kind": "gap_found_again", "missing": "fict-2", "found": "fict-3"} in details
    assert all(d["kind"] != "text" for d in details)
    assert render_history(store.history("DA5"), "json", "en") == render_history(store.history("DA5"), "json", "fr")
