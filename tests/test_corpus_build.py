"""`python -m evaluation corpus-build` is reproducible: rebuilding gives the committed PDFs byte for byte."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "corpus" / "manifest.toml"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    from evaluation.corpus_build import build_corpus_pdfs

    out = tmp_path_factory.mktemp("pdf")
    before = MANIFEST.read_bytes()
    lines = build_corpus_pdfs(MANIFEST, out_dir=out)
    assert MANIFEST.read_bytes() == before, "a build into another folder leaves the manifest alone"
    return out, lines


def _renditions():
    data = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    return [(edition["id"], r) for edition in data["editions"] for r in edition.get("renditions", [])]


def test_manifest_lists_every_rendition_as_retypeset():
    renditions = _renditions()
    names = {Path(r["path"]).name for _, r in renditions}
    assert {"mi-2020_retypeset_pymupdf.pdf", "mi-2020_retypeset_reportlab.pdf"} <= names
    assert any(e == "2019" for e, _ in renditions) and any(e == "mi-2021" for e, _ in renditions)
    for _, rendition in renditions:
        assert rendition["retypeset"] is True
        assert rendition["format"] == "pdf"
        assert "retypeset" in rendition["path"] or "fictitious" in rendition["path"]
        assert rendition["engine"]


def test_rebuild_matches_committed_bytes(rebuilt):
    out, lines = rebuilt
    assert len(lines) == len(_renditions())
    for _, rendition in _renditions():
        committed = ROOT / "corpus" / rendition["path"]
        fresh = out / Path(rendition["path"]).name
        assert hashlib.sha256(committed.read_bytes()).hexdigest() == rendition["sha256"], f"{committed} drifted from the manifest"
        assert fresh.read_bytes() == committed.read_bytes(), f"{fresh.name} is not reproduced byte for byte"


def test_renditions_are_not_merged_as_sources():
    """The edition built from the manifest reads its sources only; the PDFs are other renderings of it."""
    from editiondiff.extract.manifest import load_manifest

    edition = next(e for e in load_manifest(MANIFEST).editions if e.id == "mi-2020")
    assert [s.id for s in edition.sources] == ["003"]
    assert all(r.retypeset for r in edition.renditions)


def test_pdf_metadata_never_passes_as_the_original():
    import pymupdf

    for _, rendition in _renditions():
        meta = pymupdf.open(ROOT / "corpus" / rendition["path"]).metadata
        assert "re-typeset" in meta["subject"] and "editiondiff" in meta["subject"]
