"""The store: sources kept once under their sha256, editions detected or given, runs never overwritten."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from editiondiff.schemas.registry import dump_json
from editiondiff.store import StoreError, open_store

from conftest import EDITION_SOURCES, SOURCES



def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "corpus.db"
    with open_store(path) as store:
        # 002 (the editorial) before 000: the edition is built again, in manifest order, when 000 comes.
        store.ingest([SOURCES / "002_e30a017923331587.txt", *sorted(SOURCES.glob("00[01345]_*.txt"))])
    return path


def test_the_corpus_is_stored_as_three_editions_built_as_extract_builds_them(corpus_store):
    from editiondiff.pipeline import build_edition

    with open_store(corpus_store) as store:
        assert [e.id for e in store.editions()] == ["2019", "mi-2020", "mi-2021"]
        assert [e.sources for e in store.editions()] == [2, 1, 2]
        for edition_id, paths in EDITION_SOURCES.items():
            assert dump_json(store.edition(edition_id)) == dump_json(build_edition(paths, edition_id))


def test_an_edition_row_keeps_its_dates_url_and_flags(corpus_store):
    with open_store(corpus_store) as store:
        rows = {e.id: e for e in store.editions()}
    assert rows["2019"].published == "2019-04-16" and rows["2019"].url == "/uploads/TECH-GOUV_2019-2021.pdf"
    assert rows["mi-2020"].published == "2020-08-27"
    assert all(r.retrieved and not r.fictitious and not r.retypeset for r in rows.values())


def test_the_same_file_twice_adds_nothing_and_leaves_the_database_byte_identical(corpus_store, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copyfile(corpus_store, db)
    before = sha(db)
    with open_store(db) as store:
        outcomes = store.ingest([SOURCES / "003_dc8a99c2b477ef56.txt"])
    assert [o.status for o in outcomes] == ["already_stored"]
    assert "already stored" in outcomes[0].line() and "nothing added" in outcomes[0].line()
    assert sha(db) == before
    assert not (tmp_path / "copy.db-wal").exists() or (tmp_path / "copy.db-wal").stat().st_size == 0


def test_bytes_are_verified_on_read(corpus_store, tmp_path):
    db = tmp_path / "altered.db"
    shutil.copyfile(corpus_store, db)
    digest = sha(SOURCES / "003_dc8a99c2b477ef56.txt")
    with open_store(db) as store:
        assert store.source_bytes(digest) == (SOURCES / "003_dc8a99c2b477ef56.txt").read_bytes()
        store.db.execute("UPDATE blobs SET data = ? WHERE sha256 = ?", [b"altered", digest])
        store.db.conn.commit()
        with pytest.raises(StoreError, match="do not match their sha256"):
            store.source_bytes(digest)


def test_every_run_is_kept_and_an_edition_of_two_sources_has_a_run_per_source(corpus_store):
    with open_store(corpus_store) as store:
        runs = store.runs("2019")
        assert [r["reason"] for r in runs] == ["ingest", "ingest"]
        assert len(runs[0]["sources"].split(",")) == 1 and len(runs[1]["sources"].split(",")) == 2
        assert store.editions()[0].current_run == runs[1]["id"]
        first = store.edition("2019", run=runs[0]["id"])
        assert [s.id for s in first.sources] == ["002"]
        run = runs[1]
        assert run["extractor_version"].startswith("0.1.0+") and run["schema_version"] == first.schema_version
        assert run["profile"] and len(run["settings_hash"]) == 16 and run["created_at"].endswith("Z")


def test_reindex_makes_new_runs_when_the_extractor_changes_and_keeps_the_old_ones(corpus_store, tmp_path, monkeypatch):
    from editiondiff.store import ingest

    db = tmp_path / "reindex.db"
    shutil.copyfile(corpus_store, db)
    with open_store(db) as store:
        assert all(run is None for _, run in store.reindex())  # up to date: nothing written
        before = {e.id: len(store.runs(e.id)) for e in store.editions()}
        monkeypatch.setattr(ingest, "extractor_version", lambda: "9.9.9+test")
        done = dict(store.reindex())
        assert all(done.values())
        for e in store.editions():
            runs = store.runs(e.id)
            assert len(runs) == before[e.id] + 1 and runs[-1]["extractor_version"] == "9.9.9+test" and runs[-1]["reason"] == "reindex"
            assert e.current_run == runs[-1]["id"]
        assert store.check() == []
        assert all(run is None for _, run in store.reindex())


def test_a_retypeset_rendition_is_an_edition_of_its_own_flagged_retypeset(tmp_path):
    pdf = Path(__file__).resolve().parents[1] / "corpus" / "pdf" / "mi-2021_webpage_004_retypeset.pdf"
    with open_store(tmp_path / "r.db") as store:
        [outcome] = store.ingest([pdf])
        [row] = store.editions()
    assert outcome.edition_id == "mi-2021-004-webpage"
    assert row.retypeset and row.published == "2021-09-14"


def test_given_edition_and_dates_win(tmp_path):
    import datetime as dt

    with open_store(tmp_path / "g.db") as store:
        store.ingest([SOURCES / "003_dc8a99c2b477ef56.txt"], edition="archive-copy", published=dt.date(2020, 9, 1),
                     retrieved=dt.date(2024, 5, 6))
        [row] = store.editions()
    assert (row.id, row.published, row.retrieved) == ("archive-copy", "2020-09-01", "2024-05-06")


@pytest.mark.parametrize("content, code", [(b"", 2), (b"PK\x03\x04zipped", 2), (b"Bonjour, ceci est un texte sans feuille de route aucune.", 3)])
def test_bad_sources_are_refused_as_extract_refuses_them_with_nothing_written(corpus_store, tmp_path, content, code):
    from editiondiff.errors import EditionDiffError

    db = tmp_path / "bad.db"
    shutil.copyfile(corpus_store, db)
    before = sha(db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with open_store(db) as store:
        with pytest.raises(EditionDiffError) as caught:
            store.ingest([bad])
    assert caught.value.exit_code == code and "bad.txt" in caught.value.line()
    assert sha(db) == before


def test_a_source_without_roadmap_alone_waits_for_the_other_sources_of_its_edition(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Note de l'archiviste : ce dossier réunit les pièces de la feuille de route conservées en 2020.\n", encoding="utf-8")
    with open_store(tmp_path / "w.db") as store:
        outcomes = store.ingest([note, SOURCES / "003_dc8a99c2b477ef56.txt"], edition="dossier-2020")
        assert [(Path(o.path).name, o.status) for o in outcomes] == [("003_dc8a99c2b477ef56.txt", "added"), ("note.txt", "added")]
        assert [s.path for s in store.edition("dossier-2020").sources][-1] == str(note)


def test_time_stamps_stay_in_the_runs_and_never_reach_what_the_tool_reports(tmp_path, monkeypatch):
    from editiondiff.store import render_history

    outputs = []
    for epoch in ("1600000000", "1700000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        with open_store(tmp_path / f"{epoch}.db") as store:
            store.ingest([SOURCES / "003_dc8a99c2b477ef56.txt", SOURCES / "001_89056a133386d998.txt"])
            [run] = store.runs("mi-2020")
            outputs.append((run["created_at"], [render_history(store.history("ID3"), f) for f in ("md", "json", "csv")],
                            dump_json(store.diff("mi-2020", "mi-2021"))))
    (first_time, *first), (second_time, *second) = outputs
    assert first_time == "2020-09-13T12:26:40Z" and second_time != first_time
    assert first == second
