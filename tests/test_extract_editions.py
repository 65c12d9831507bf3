"""The 2019 edition (page 000 + editorial 002) and the mid-2021 edition (page 001 + press release 004)."""

from __future__ import annotations

from conftest import MANIFEST, SOURCES

from editiondiff.extract.pipeline import extract_edition

PRODUCTS = "Des produits et des services numériques pour développer les nouveaux usages"
EXPERTISE = "Des expertises numériques accélérant la transformation du service public"


def test_2019_identity_and_level(edition_2019):
    e = edition_2019
    assert (e.id, e.period, e.level, str(e.published)) == ("2019", "2019-2021", "missions", "2019-04-16")
    assert [(s.id, s.role, s.format) for s in e.sources] == [("000", "publication_page", "markdown"), ("002", "editorial", "text")]
    assert e.actions == [] and e.chart == [] and e.indicators is None


def test_2019_missions_with_fabrique(edition_2019):
    missions = edition_2019.missions
    assert [m.code for m in missions] == ["LABEL", "IDNUM", "DATA", "INFRA", "PILOT", "TALENTS", "FABRIQUE", "TRANSFO"]
    assert [m.axis for m in missions] == [PRODUCTS] * 4 + [EXPERTISE] * 4
    fabrique = edition_2019.mission("FABRIQUE")
    assert fabrique.description == "diffuser et mettre en œuvre la résolution des problèmes par l'innovation, l'expérimentation et l'amélioration continue"
    assert fabrique.provenance.source == "000" and fabrique.provenance.line_start == 112
    assert edition_2019.mission("LABEL").description.startswith("labelliser des solutions et des outils numériques de qualité")


def test_2019_enjeux(edition_2019):
    assert [(j.number, j.name) for j in edition_2019.enjeux] == [
        (1, "Simplification"),
        (2, "Inclusion"),
        (3, "Attractivité"),
        (4, "Maîtrise"),
        (5, "Économies"),
        (6, "Alliances"),
    ]
    assert edition_2019.enjeux[1].description.startswith("Le numérique doit permettre aux usagers")
    assert edition_2019.enjeux[0].provenance.line_start == 52


def test_2019_claims(edition_2019):
    assert {(c.kind, c.value) for c in edition_2019.claims} == {("actions", 35), ("missions", 8), ("enjeux", 6)}
    actions = next(c for c in edition_2019.claims if c.kind == "actions")
    assert actions.provenance.source == "000" and (actions.provenance.line_start, actions.provenance.line_end) == (10, 13)
    assert "35 actions prioritaires" in actions.provenance.quote


def test_editorial_alone_gives_missions_and_enjeux():
    """Seed 002 on its own: the 8 missions named in parentheses along two axes, and the 6 numbered enjeux."""
    e = extract_edition([SOURCES / "002_e30a017923331587.txt"], edition_id="2019", manifest=MANIFEST)
    assert [m.code for m in e.missions] == ["LABEL", "IDNUM", "DATA", "INFRA", "PILOT", "TALENTS", "FABRIQUE", "TRANSFO"]
    assert e.mission("LABEL").code_printed == "Label"
    assert e.mission("PILOT").axis.startswith("Le deuxième axe est celui des expertises numériques")
    assert e.mission("IDNUM").description.startswith("construction d'une identification unifiée")
    assert [j.name for j in e.enjeux] == ["Simplification", "Inclusion", "Attractivité", "Maîtrise", "Économies", "Alliances"]
    assert e.enjeux[3].provenance.line_start == 22
    assert {(c.kind, c.value) for c in e.claims} == {("enjeux", 6), ("missions", 8)}
    assert any(c.kind == "directorate_renamed" for c in e.stated_changes) is False


def test_mi2021(edition_mi2021):
    e = edition_mi2021
    assert (e.id, e.period, e.level) == ("mi-2021", "2019-2022", "missions")
    assert [m.code for m in e.missions] == ["LABEL", "IDNUM", "DATA", "INFRA", "PILOT", "TALENTS", "BETA", "TRANSFO"]
    assert all(m.provenance.source == "004" and m.provenance.line_start == 33 for m in e.missions)
    claims = {(c.kind, c.value) for c in e.claims}
    assert {("actions", 43), ("completed", 9), ("to_complete", 1), ("new", 5)} <= claims
    assert claims == {("actions", 43), ("completed", 9), ("to_complete", 1), ("new", 5), ("enjeux", 6), ("missions", 8)}
    assert [(s.id, s.role) for s in e.sources] == [("001", "publication_page"), ("004", "press_release")]


def test_edition_id_inferred_without_manifest(tmp_path):
    copy = tmp_path / "brochure.txt"
    copy.write_bytes((SOURCES / "003_dc8a99c2b477ef56.txt").read_bytes())
    e = extract_edition([copy], manifest=None)
    assert e.id == "mi-2020"
    assert e.period == "2019-2022"
    assert e.label == "Stratégie et feuille de route 2019-2022, édition actualisée mi-2020"
    assert e.sources[0].id == "brochure" and e.sources[0].role == "other"
    assert e.sources[0].sha256 == "ed7efdbff50405fbda6e53b45bf1be0df0a6c9fb574dc693e11b94e335599acc"
    assert len(e.actions) == 38


def test_source_found_in_manifest_by_sha256_from_another_path(tmp_path):
    copy = tmp_path / "renamed.md"
    copy.write_bytes((SOURCES / "004_e64644fe5c549ccc.txt").read_bytes())
    e = extract_edition([copy], manifest=MANIFEST)
    assert e.id == "mi-2021"
    assert e.sources[0].id == "004" and e.sources[0].role == "press_release"


def test_sources_of_different_editions_are_refused():
    import pytest

    from editiondiff.errors import InputError

    with pytest.raises(InputError) as info:
        extract_edition([SOURCES / "003_dc8a99c2b477ef56.txt", SOURCES / "004_e64644fe5c549ccc.txt"], manifest=MANIFEST)
    assert "different editions" in info.value.line() and "mi-2020, mi-2021" in info.value.line()


def test_same_source_twice_counts_once():
    e = extract_edition([SOURCES / "004_e64644fe5c549ccc.txt", SOURCES / "004_e64644fe5c549ccc.txt"], manifest=MANIFEST)
    assert [s.id for s in e.sources] == ["004"]


def test_roadmap_without_edition_name_takes_the_file_name(tmp_path):
    path = tmp_path / "cards.txt"
    path.write_text("ACTION LA1 → Règles de labellisation\n\nÉvaluer les attentes\n\nDINUM\n", encoding="utf-8")
    e = extract_edition([path], manifest=None)
    assert e.id == "cards" and [a.code for a in e.actions] == ["LA1"] and e.actions[0].owners_printed == ["DINUM"]


def test_a_generated_edition_is_labelled_fictitious_not_as_the_edition_it_came_from(tmp_path, edition_mi2020):
    from editiondiff.extract.pipeline import extract_edition
    from evaluation.render.edition_text import edition_to_text

    text = edition_to_text(edition_mi2020.model_copy(update={"fictitious": True}))
    assert "ÉDITION FICTIVE" in text
    path = tmp_path / "edition.txt"  # the file name does not say it: the cover does
    path.write_text(text, encoding="utf-8")
    edition = extract_edition([path])
    assert edition.fictitious
    assert edition.id == "mi-2020-fictitious"
    assert edition.label.startswith("ÉDITION FICTIVE")
    # the real seed stays a real edition
    assert not edition_mi2020.fictitious and edition_mi2020.id == "mi-2020"
