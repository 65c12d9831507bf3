"""The report of every edition: one folder of HTML, Markdown, JSON and CSV saying the same thing, byte-identical run to run."""

from __future__ import annotations

import csv
import io
import json

import pytest

from editiondiff.report.build import editions_to_report
from editiondiff.report.significance import RULES, RULES_VERSION
from editiondiff.report.write import _environment, csv_text, render_files
from editiondiff.schemas.registry import validation_errors

from conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_editions():
    from editiondiff.pipeline import build_corpus

    return build_corpus()


@pytest.fixture(scope="module")
def files(corpus_editions):
    return render_files(editions_to_report(corpus_editions), corpus_editions, root=CORPUS)


def test_every_file_of_the_folder_and_the_json_validates(files):
    assert sorted(files) == ["changes.csv", "claims.csv", "editions.csv", "findings.csv", "indicators.csv", "matches.csv",
                             "report.html", "report.json", "report.md", "rules.csv", "sources.csv", "timeline.csv"]
    document = json.loads(files["report.json"])
    assert validation_errors("report", document) == []
    assert document["rules_version"] == RULES_VERSION and len(document["rules"]) == len(RULES)


def test_two_runs_are_byte_identical(corpus_editions, files):
    again = render_files(editions_to_report(corpus_editions), corpus_editions, root=CORPUS)
    assert again == files


def test_overview_says_not_assessed_never_zero_for_editions_known_by_missions(files):
    rows = {r["edition"]: r for r in csv.DictReader(io.StringIO(files["editions.csv"]))}
    assert rows["mi-2020"]["actions"] == "38" and rows["mi-2020"]["completed"] == "5"
    assert rows["2019"]["actions"] == "non évalué" and rows["mi-2021"]["completed"] == "non évalué"
    claims = list(csv.DictReader(io.StringIO(files["claims.csv"])))
    assert {"edition": "mi-2021", "claim": "to_complete", "claimed": "1", "observed": "", "state": "not_assessed"} in claims
    html = files["report.html"]
    assert "non évalué" in html and "ne veut pas dire que rien n&#39;a été fait" in html


def test_changes_table_has_edition_columns_ids_and_places_in_separate_cells(files):
    (row,) = csv.DictReader(io.StringIO(files["changes.csv"]))
    assert (row["edition_old"], row["edition_new"], row["kind"], row["mission"]) == ("2019", "mi-2020", "mission_renamed", "BETA")
    assert row["change_id"].startswith("chg-") and row["rules"] == "mission_renamed +60"
    assert (row["old_source"], row["new_source"], row["new_line_start"]) == ("000", "003", "1070")


def test_audit_findings_sources_timeline_and_indicators_are_reported(files):
    findings = list(csv.DictReader(io.StringIO(files["findings.csv"])))
    assert {f["kind"] for f in findings} >= {"title_truncated", "objective_duplicated", "dangling_reference", "year_out_of_period"}
    sources = {s["source"]: s for s in csv.DictReader(io.StringIO(files["sources.csv"]))}
    assert set(sources) == {"000", "001", "002", "003", "004"} and all(len(s["sha256"]) == 64 for s in sources.values())
    timeline = list(csv.DictReader(io.StringIO(files["timeline.csv"])))
    assert len(timeline) == 38 and all(r["edition"] == "mi-2020" for r in timeline)
    html = files["report.html"]
    assert html.count("<svg ") == len({r["mission"] for r in timeline}) and "<figure>" in html
    assert "Résilience RIE et Rimba" in html  # a finding's subject title as printed


def test_html_is_self_contained_and_forbids_foreign_scripts(files):
    html = files["report.html"]
    assert 'http-equiv="Content-Security-Policy"' in html and "script-src 'none'" in html
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert "src=\"http" not in html and "url(http" not in html and "href=\"http" not in html


def test_excel_csv_has_a_bom_and_semicolons(corpus_editions):
    files = render_files(editions_to_report(corpus_editions[:2]), corpus_editions[:2], root=CORPUS, excel=True)
    text = files["changes.csv"]
    assert text.startswith("\ufeffedition_old;edition_new;rank;change_id")


def test_cells_and_markdown_from_documents_are_made_inert():
    assert csv_text([["=1+1", "+33", "-2", "@SUM(A1)", "plain"]], excel=False) == "'=1+1,'+33,'-2,'@SUM(A1),plain\n"
    inert = _environment().filters["md"]("[clic](javascript:alert(1)) <b>x</b>\n# titre \x1b[31m")
    assert inert.startswith("\\[clic\\](") and "<b>" not in inert and "\n" not in inert and "\x1b" not in inert


def test_english_rendering_changes_words_not_data(corpus_editions, files):
    english = render_files(editions_to_report(corpus_editions), corpus_editions, root=CORPUS, lang="en")
    assert english["report.json"] == files["report.json"]
    assert '<html lang="en">' in english["report.html"] and "not assessed" in english["report.html"]


def _fictitious_pair():
    import datetime as dt

    from editiondiff.schemas import Deadline, IndicatorCell, IndicatorRow, IndicatorTable

    from test_diff_matching import MISSIONS, OLD_ACTIONS, edition, prov

    def due(raw, end):
        return {"deadlines_printed": [raw], "deadlines": [Deadline(raw=raw, kind="due", start=dt.date(2020, 1, 1), end=end, granularity="quarter")]}

    def table(value):
        return IndicatorTable(columns=["objectif 2022"], provenance=prov("Indicateurs", 900), rows=[
            IndicatorRow(mission="DATA", label="Jeux de données publiés", cells=[IndicatorCell(column="objectif 2022", raw=value)], provenance=prov("Jeux", 901))])

    old_cards = [a.model_copy(update=due("3e trimestre 2020", dt.date(2020, 9, 30))) if a.code == "LA1" else a for a in OLD_ACTIONS]
    new_cards = [a.model_copy(update={**due("2e trimestre 2021", dt.date(2021, 6, 30)), "title": "Principes de labellisation"}) if a.code == "LA1"
                 else a for a in OLD_ACTIONS if a.code != "DA2"]
    old = edition("before-fictitious", MISSIONS, old_cards).model_copy(update={"indicators": table("20")})
    new = edition("after-fictitious", MISSIONS, new_cards).model_copy(update={"indicators": table("15")})
    return [old, new]


def test_significance_orders_drop_then_long_slip_then_lowered_target_then_retitle():
    editions = _fictitious_pair()
    report = editions_to_report(editions)
    (pair,) = report.pairs
    kinds = {c.id: c.kind for c in pair.diff.changes}
    order = [kinds[r.change_id] for r in pair.ranking]
    assert order.index("action_dropped") < order.index("deadline_changed") < order.index("indicator_revised") < order.index("action_retitled")
    by_kind = {kinds[r.change_id]: r for r in pair.ranking}
    assert [(h.rule, h.points) for h in by_kind["deadline_changed"].rules] == [("slip_over_6_months", 80)]
    assert [h.rule for h in by_kind["indicator_revised"].rules] == ["indicator_lowered"]
    assert by_kind["action_dropped"].significance == sum(h.points for h in by_kind["action_dropped"].rules)


def test_timeline_follows_an_action_across_editions_and_labels_its_slip():
    editions = _fictitious_pair()
    report = editions_to_report(editions)
    la1 = [r for r in report.timeline if r.code == "LA1"]
    assert [(r.edition, r.end.isoformat(), r.slip_months) for r in la1] == [("before-fictitious", "2020-09-30", None), ("after-fictitious", "2021-06-30", 9)]
    assert {r.lineage for r in la1} == {"before-fictitious:LA1"}
    files = render_files(report, editions)
    label_svg = files["report.html"].split('aria-labelledby="timeline-LABEL-title"')[1].split("</svg>")[0]
    assert "+9 mois" in label_svg and "before-fictitious" in label_svg and "after-fictitious" in label_svg
    assert "fictitious" in files["report.md"]


def test_report_command_writes_the_folder_and_compares_pairs_asked_for(tmp_path):
    from click.testing import CliRunner

    from editiondiff.cli import main

    result = CliRunner().invoke(main, ["report", "-o", str(tmp_path), "--quiet", "--pair", "2019", "mi-2021", "--lang", "en", "--no-store"])
    assert result.exit_code == 0, result.output
    # FABRIQUE -> BETA is stated only by mi-2020, which this pair skips: the skipped edition's statement is
    # evidence for the pair, so the direct pair finds the one rename (not the mission removed and another added)
    assert "2019 -> mi-2021: 1 change" in result.output and (tmp_path / "report.html").is_file()
    document = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [(p["old"], p["new"]) for p in document["pairs"]] == [("2019", "mi-2020"), ("mi-2020", "mi-2021"), ("2019", "mi-2021")]
    bad = CliRunner().invoke(main, ["report", "-o", str(tmp_path / "x"), "--quiet", "--pair", "2019", "2030", "--no-store"])
    assert bad.exit_code == 2 and "2030: no such edition" in bad.output


def test_validate_recognises_a_report(tmp_path, files):
    from click.testing import CliRunner

    from editiondiff.cli import main

    path = tmp_path / "report.json"
    path.write_text(files["report.json"], encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0 and "valid report" in result.output


def test_report_ingests_the_corpus_once_and_reports_an_edition_an_archivist_ingested(tmp_path, edition_mi2020):
    import hashlib

    from click.testing import CliRunner

    from editiondiff.cli import main
    from evaluation.render.edition_text import edition_to_text

    db, runner = tmp_path / "archive.db", CliRunner()
    first = runner.invoke(main, ["report", "--db", str(db), "-o", str(tmp_path / "a"), "--quiet"])
    assert first.exit_code == 0, first.output
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    again = runner.invoke(main, ["report", "--db", str(db), "-o", str(tmp_path / "b"), "--quiet"])
    assert again.exit_code == 0 and hashlib.sha256(db.read_bytes()).hexdigest() == digest  # idempotent
    assert (tmp_path / "a" / "report.html").read_bytes() == (tmp_path / "b" / "report.html").read_bytes()
    later = tmp_path / "mi-2022-fictitious.txt"
    later.write_text(edition_to_text(edition_mi2020.model_copy(update={"label": "Édition fictive 2022"})), encoding="utf-8")
    ingested = runner.invoke(main, ["ingest", str(later), "--edition", "mi-2022-fictitious", "--published", "2022-06-01", "--db", str(db), "--quiet"])
    assert ingested.exit_code == 0, ingested.output
    third = runner.invoke(main, ["report", "--db", str(db), "-o", str(tmp_path / "c"), "--quiet"])
    assert third.exit_code == 0, third.output
    document = json.loads((tmp_path / "c" / "report.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in document["editions"]] == ["2019", "mi-2020", "mi-2021", "mi-2022-fictitious"]
    assert "mi-2021 -> mi-2022-fictitious" in third.output
