"""The store's commands: ingest (progress bar, --quiet, $EDITIONDIFF_DB), history, diff ID ID, reindex, corpus add, run."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from editiondiff.cli import main

from conftest import MANIFEST, SOURCES

ALL = sorted(str(p) for p in SOURCES.glob("*.txt"))


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "editiondiff.db"
    result = invoke("ingest", "--db", str(path), *ALL)
    assert result.exit_code == 0, result.output
    return path


def test_ingest_shows_a_progress_bar_and_a_line_per_file_and_quiet_silences_both(tmp_path):
    result = invoke("ingest", "--db", str(tmp_path / "a.db"), *ALL[:2])
    assert result.exit_code == 0
    assert "source/s" in result.stderr and result.stderr.count("added to edition") == 2
    assert "2 sources added, 0 already stored" in result.stderr
    quiet = invoke("ingest", "--quiet", "--db", str(tmp_path / "b.db"), *ALL[:2])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_the_store_is_found_through_the_environment(tmp_path):
    path = tmp_path / "env.db"
    result = invoke("ingest", "-q", ALL[3], env={"EDITIONDIFF_DB": str(path)})
    assert result.exit_code == 0 and path.exists()
    again = invoke("ingest", ALL[3], env={"EDITIONDIFF_DB": str(path)})
    assert "already stored" in again.stderr and "0 sources added, 1 already stored" in again.stderr


def test_history_in_every_format(db):
    md = invoke("history", "ID3", "--db", str(db), "--lang", "en")
    assert md.exit_code == 0 and "| mi-2020 | 2020-08-27 | ID3 | AgentConnect | IDNUM | DINUM |" in md.stdout
    assert "known only at mission level" in md.stdout
    french = invoke("history", "ID3", "--db", str(db))
    assert french.exit_code == 0 and french.stdout.startswith("# Historique de ID3")
    assert "n'est connue qu'au niveau des missions" in french.stdout
    data = json.loads(invoke("history", "ID3", "--db", str(db), "--format", "json").stdout)
    assert data["lineages"][0]["uid"] == "ID3@mi-2020"
    assert data == json.loads(invoke("history", "ID3", "--db", str(db), "--format", "json", "--lang", "en").stdout)
    assert invoke("history", "ID3", "--db", str(db), "--format", "csv", "--lang", "en").stdout.startswith("uid,kind,edition")
    assert invoke("history", "ID3", "--db", str(db), "--format", "csv").stdout.startswith("identifiant,nature,édition")
    missing = invoke("history", "ZZ9", "--db", str(db))
    assert missing.exit_code == 1 and missing.stdout == "" and "nothing in the store matches" in missing.stderr


def test_diff_between_stored_editions_reads_the_stored_runs(db, tmp_path, monkeypatch):
    from editiondiff import pipeline

    files = invoke("diff", str(SOURCES / "003_dc8a99c2b477ef56.txt"), str(tmp_path / "mi2021.json"))
    assert files.exit_code == 2  # a missing file is still a missing file
    from editiondiff.schemas.registry import dump_json

    extracted = pipeline.build_corpus(only=["2019", "mi-2020"])
    expected = dump_json(pipeline.compare(*extracted))
    monkeypatch.setattr(pipeline, "build_edition", lambda *a, **k: pytest.fail("a stored edition was extracted again"))
    stored = invoke("diff", "2019", "mi-2020", "--db", str(db), "--format", "json")
    assert stored.exit_code == 0
    assert stored.stdout == expected  # the same diff as from freshly extracted editions
    assert json.loads(stored.stdout)["old"] == "2019"
    unknown = invoke("diff", "2019", "mi-2099", "--db", str(db))
    assert unknown.exit_code == 2 and "no edition 'mi-2099' in the store" in unknown.stderr


def test_diff_of_stored_editions_that_skip_one_takes_its_statements_as_evidence(db):
    # 2019 -> mi-2021 skips mi-2020, the edition that states FABRIQUE becomes BETA: the pair reads a rename, not a
    # mission removed and another added, and mi-2021's counts since mi-2020 are not checked against 2019.
    stored = json.loads(invoke("diff", "2019", "mi-2021", "--db", str(db), "--format", "json").stdout)
    missions = [(c["kind"], c["before"], c["after"]) for c in stored["changes"] if c["kind"].startswith("mission_") and c["kind"] != "mission_reworded"]
    assert missions == [("mission_renamed", "FABRIQUE", "BETA")]
    assert stored["contradictions"] == []
    [agreed] = [c for c in stored["agreements"] if c["statement_phrase"]["code"].startswith("stated_mission")]
    assert agreed["evidence"]["source"] == "003"  # cited in the skipped edition
    assert any(c["observed_phrase"]["code"] == "counted_since_skipped" for c in stored["unchecked"])


def test_reindex_says_what_it_did(db, tmp_path):
    copy = tmp_path / "r.db"
    shutil.copyfile(db, copy)
    result = invoke("reindex", "--db", str(copy))
    assert result.exit_code == 0 and result.stderr.count("up to date") == 3


def test_corpus_add_copies_the_file_and_writes_its_sha256_into_the_manifest(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(MANIFEST.parent / "sources", corpus / "sources")
    shutil.copytree(MANIFEST.parent / "pdf", corpus / "pdf")
    shutil.copyfile(MANIFEST, corpus / "manifest.toml")
    comment = (corpus / "manifest.toml").read_text(encoding="utf-8").splitlines()[0]
    new = tmp_path / "mi-2022-page.txt"
    new.write_bytes((SOURCES / "001_89056a133386d998.txt").read_bytes().replace(b"mi-2021", b"mi-2022"))
    result = invoke("corpus", "add", str(new), "--edition", "mi-2022", "--role", "publication_page",
                    "--published", "2022-09-01", "--manifest", str(corpus / "manifest.toml"))
    assert result.exit_code == 0, result.output
    text = (corpus / "manifest.toml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == comment  # comments and layout kept
    data = tomllib.loads(text)
    entry = next(e for e in data["editions"] if e["id"] == "mi-2022")
    [source] = entry["sources"]
    digest = hashlib.sha256(new.read_bytes()).hexdigest()
    assert source["sha256"] == digest and source["id"] == "005" and source["role"] == "publication_page"
    assert (corpus / source["path"]).read_bytes() == new.read_bytes()
    assert "mi-2021" in entry["label"] or "mi-2022" in entry["label"]
    check = invoke("corpus", "check", "--manifest", str(corpus / "manifest.toml"))
    assert check.exit_code == 0
    again = invoke("corpus", "add", str(new), "--edition", "mi-2022", "--manifest", str(corpus / "manifest.toml"))
    assert "already in the corpus" in again.stdout and (corpus / "manifest.toml").read_text(encoding="utf-8") == text
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    refused = invoke("corpus", "add", str(bad), "--edition", "mi-2022", "--manifest", str(corpus / "manifest.toml"))
    assert refused.exit_code == 2 and "empty file" in refused.stderr
    assert (corpus / "manifest.toml").read_text(encoding="utf-8") == text


def test_corpus_add_appends_to_an_existing_edition(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(MANIFEST.parent / "sources", corpus / "sources")
    shutil.copyfile(MANIFEST, corpus / "manifest.toml")
    extra = tmp_path / "erratum.md"
    extra.write_text("---\ntitle: Erratum\n---\n\n# Erratum\n\nLa mission BETA publie un erratum de la feuille de route mi-2020.\n", encoding="utf-8")
    result = invoke("corpus", "add", str(extra), "--edition", "mi-2020", "--manifest", str(corpus / "manifest.toml"))
    assert result.exit_code == 0, result.output
    entry = next(e for e in tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))["editions"] if e["id"] == "mi-2020")
    assert [s["id"] for s in entry["sources"]] == ["003", "005"] and entry["sources"][1]["format"] == "markdown"
    assert len(entry["renditions"]) == 2


def test_the_main_job_ingests_the_bundled_corpus_into_the_store(tmp_path):
    db = tmp_path / "run.db"
    result = invoke("run", "--out", str(tmp_path / "out"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert f"store {db}: 5 sources added, 0 already stored; 3 editions" in result.stdout
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    again = invoke("run", "--out", str(tmp_path / "out2"), "--db", str(db))
    assert "0 sources added, 5 already stored" in again.stdout
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    skipped = invoke("run", "--out", str(tmp_path / "out3"), "--db", str(tmp_path / "none.db"), "--no-store")
    assert skipped.exit_code == 0 and not (tmp_path / "none.db").exists()
