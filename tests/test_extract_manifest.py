"""The corpus manifest: typed loading, sha256 checks, unknown keys and renditions."""

from __future__ import annotations

import shutil

import pytest
from conftest import CORPUS

from editiondiff.errors import InputError
from editiondiff.extract.manifest import check_manifest, load_manifest


def test_load_manifest(manifest_path):
    manifest = load_manifest(manifest_path)
    assert [e.id for e in manifest.editions] == ["2019", "mi-2020", "mi-2021"]
    assert [[s.id for s in e.sources] for e in manifest.editions] == [["000", "002"], ["003"], ["001", "004"]]
    mid2020 = manifest.editions[1]
    assert mid2020.period == "2019-2022" and str(mid2020.published) == "2020-08-27"
    source = mid2020.sources[0]
    assert (source.role, source.format, source.url) == ("brochure_text", "text", "/uploads/20200827_Plaquette_Techgouv_DINUM.pdf")
    assert manifest.resolve(source).is_file()


def test_check_manifest_passes_on_the_corpus(manifest_path):
    assert check_manifest(manifest_path) == []


def test_check_manifest_reports_drift_and_missing_files(tmp_path):
    shutil.copytree(CORPUS / "sources", tmp_path / "sources")
    shutil.copytree(CORPUS / "pdf", tmp_path / "pdf")  # the re-typeset renditions the manifest lists
    text = (CORPUS / "manifest.toml").read_text(encoding="utf-8")
    text += '\n[[editions.renditions]]\nid = "r1"\npath = "pdf/missing.pdf"\nformat = "pdf"\nrole = "brochure_pdf"\nretypeset = true\nsha256 = "00"\nfuture_key = 1\n'
    (tmp_path / "manifest.toml").write_text(text, encoding="utf-8")
    (tmp_path / "sources" / "002_e30a017923331587.txt").write_text("changed", encoding="utf-8")
    problems = check_manifest(tmp_path / "manifest.toml")
    assert len(problems) == 2
    assert "002_e30a017923331587.txt: sha256" in problems[0] and "source 002" in problems[0]
    assert "missing.pdf: missing" in problems[1]
    manifest = load_manifest(tmp_path / "manifest.toml")
    assert manifest.editions[-1].renditions[-1].id == "r1"


def test_unreadable_manifest_is_one_line(tmp_path):
    bad = tmp_path / "manifest.toml"
    bad.write_text("[[editions]\nid=", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_manifest(bad)
    assert "\n" not in info.value.line() and str(bad) in info.value.line()
