"""Reader limits given to `ingest` and `reindex`: an over-limit source is refused with nothing written; the run's
settings hash says which limits made it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from click.testing import CliRunner

from editiondiff.cli import main
from editiondiff.settings import BuildSettings, ReaderSettings
from editiondiff.limits import DEFAULT_LIMITS
from editiondiff.store import open_store
from editiondiff.store.versions import settings_hash

from conftest import SOURCES

MI2020 = SOURCES / "003_dc8a99c2b477ef56.txt"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_byte_limit_given_to_ingest_refuses_the_file_and_writes_nothing(tmp_path):
    db = tmp_path / "s.db"
    assert invoke("ingest", "-q", "--db", str(db), str(SOURCES / "004_e64644fe5c549ccc.txt")).exit_code == 0
    before = digest(db)
    size = MI2020.stat().st_size
    refused = invoke("ingest", "-q", "--db", str(db), "--max-bytes", str(size - 1), str(MI2020))
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1 and str(MI2020) in refused.stderr and "--max-bytes" in refused.stderr
    assert digest(db) == before
    with open_store(db) as store:
        assert [e.id for e in store.editions()] == ["mi-2021"]
    # The same file under a limit it fits in is stored.
    assert invoke("ingest", "-q", "--db", str(db), "--max-bytes", str(size), str(MI2020)).exit_code == 0


def test_a_time_limit_given_to_ingest_refuses_the_build_and_writes_nothing(tmp_path):
    db = tmp_path / "t.db"
    refused = invoke("ingest", "-q", "--db", str(db), "--max-seconds", "0.001", str(MI2020))
    assert refused.exit_code == 2 and "--max-seconds" in refused.stderr
    if db.exists():
        with open_store(db) as store:
            assert store.editions() == []


def test_the_run_records_the_hash_of_the_limits_it_was_made_under(tmp_path):
    limited = BuildSettings(reader=ReaderSettings(limits=DEFAULT_LIMITS.with_options(max_pages=500)))
    assert settings_hash() == settings_hash(BuildSettings()) != settings_hash(limited)
    db = tmp_path / "h.db"
    assert invoke("ingest", "-q", "--db", str(db), "--max-pages", "500", str(MI2020)).exit_code == 0
    with open_store(db) as store:
        (run,) = store.runs("mi-2020")
    assert run["settings_hash"] == settings_hash(limited)
    # Reindex under the default limits sees a run made under others and derives the edition again (the old run kept);
    # under the same limits, it is up to date.
    copy = tmp_path / "h2.db"
    shutil.copyfile(db, copy)
    same = invoke("reindex", "--db", str(copy), "--max-pages", "500")
    assert same.exit_code == 0 and "up to date" in same.stderr
    other = invoke("reindex", "--db", str(copy))
    assert other.exit_code == 0 and "new run" in other.stderr
    with open_store(copy) as store:
        assert [r["settings_hash"] for r in store.runs("mi-2020")] == [settings_hash(limited), settings_hash()]
