"""Shared fixtures: the bundled corpus and its three editions, extracted and audited once per session.

The editions here come from `extract_edition` + `audit_edition` (not the full
pipeline), so extraction tests do not depend on normalisation.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so a red build is
# always reproducible; elsewhere hypothesis keeps exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]

# No test may write the user's archive: commands that fall back to ./editiondiff.db (run, report,
# ingest without --db) get a database of the test session's own, in the process and in subprocesses.
if "EDITIONDIFF_DB" not in os.environ:
    import tempfile

    os.environ["EDITIONDIFF_DB"] = str(Path(tempfile.mkdtemp(prefix="editiondiff-tests-")) / "editiondiff.db")
CORPUS = ROOT / "corpus"
MANIFEST = CORPUS / "manifest.toml"
SOURCES = CORPUS / "sources"
SEED_003 = SOURCES / "003_dc8a99c2b477ef56.txt"
EDITION_SOURCES = {
    "2019": [SOURCES / "000_4cc161b88c2c8238.txt", SOURCES / "002_e30a017923331587.txt"],
    "mi-2020": [SEED_003],
    "mi-2021": [SOURCES / "001_89056a133386d998.txt", SOURCES / "004_e64644fe5c549ccc.txt"],
}


def extracted_edition(edition_id: str):
    from editiondiff.audit import audit_edition
    from editiondiff.extract.pipeline import extract_edition

    return audit_edition(extract_edition(EDITION_SOURCES[edition_id], manifest=MANIFEST))


@pytest.fixture(scope="session")
def manifest_path() -> Path:
    return MANIFEST


@pytest.fixture(scope="session")
def edition_2019():
    return extracted_edition("2019")


@pytest.fixture(scope="session")
def edition_mi2020():
    return extracted_edition("mi-2020")


@pytest.fixture(scope="session")
def edition_mi2021():
    return extracted_edition("mi-2021")


#: Fields that say where a fact stands, or which file it came from, and what of the rendition's own
#: text was left unassigned (its blocks and their share of words): they differ by design between renditions.
WHERE = {"provenance", "evidence", "sources", "unassigned", "coverage"}


def without_provenance(value):
    """A JSON-like value with every provenance field left out, for comparing renditions of one edition."""
    if isinstance(value, dict):
        return {k: without_provenance(v) for k, v in value.items() if k not in WHERE}
    if isinstance(value, list):
        return [without_provenance(v) for v in value]
    return value


def said(change) -> str:
    """A change's subject as the French report words it ("LA1", "LA1 étape 2", an indicator's label)."""
    from editiondiff.report.pair import subject_label

    return subject_label(change, "fr")
