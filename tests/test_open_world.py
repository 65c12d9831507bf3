"""Open-world editions: structure discovered from each edition, with nothing known in advance.

Seed 003 with every mission and every action code prefix renamed to invented
ones, read with a profile that knows no mission, must give the same edition,
field for field, under the renaming. A card in the brochure's format for a
mission nobody has heard of is read like any other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import MANIFEST, SEED_003, without_provenance

from editiondiff.extract.pipeline import extract_edition
from editiondiff.profiles import load_profile

#: Invented codes (fictitious missions of a fictitious programme), one per mission of seed 003.
RENAMED_MISSIONS = {
    "LABEL": "QUALIX",
    "IDNUM": "PORTAIL",
    "DATA": "SOCLE",
    "INFRA": "RESEAU",
    "PILOT": "BOUSSOLE",
    "TALENTS": "VIVIER",
    "BETA": "ATELIER",
    "FABRIQUE": "FORGE",
    "TRANSFO": "MUTATION",
}
RENAMED_PREFIXES = {"LA": "QX", "ID": "PO", "DA": "SO", "IN": "RZ", "PI": "BO", "TA": "VV", "BE": "AT", "TR": "MU"}
_MISSION = re.compile(r"\b(" + "|".join(RENAMED_MISSIONS) + r")\b")
_CODE = re.compile(r"\b(" + "|".join(RENAMED_PREFIXES) + r")(\s?)(\d{1,2})\b")


def rename(text: str) -> str:
    text = _MISSION.sub(lambda m: RENAMED_MISSIONS[m.group(1)], text)
    return _CODE.sub(lambda m: RENAMED_PREFIXES[m.group(1)] + m.group(2) + m.group(3), text)


def _structure(edition) -> dict:
    data = without_provenance(json.loads(edition.model_dump_json()))
    return {k: data[k] for k in ("missions", "actions", "chart", "stated_changes", "references", "enjeux", "claims", "indicators")}


@pytest.fixture(scope="module")
def renamed_edition(tmp_path_factory):
    path = tmp_path_factory.mktemp("renamed") / "003-renamed-fictitious.txt"
    path.write_text(rename(SEED_003.read_text(encoding="utf-8")), encoding="utf-8")
    return extract_edition([path], profile=load_profile().without_missions())


def test_every_mission_and_prefix_renamed_gives_the_same_edition(renamed_edition, edition_mi2020):
    assert len(renamed_edition.missions) == 8 and len(renamed_edition.actions) == 38
    expected = json.loads(rename(json.dumps(_structure(edition_mi2020), ensure_ascii=False)))
    got = _structure(renamed_edition)
    for field in expected:
        assert got[field] == expected[field], f"{field} differs"


def test_renamed_edition_states_its_own_mission_rename(renamed_edition):
    renames = [(c.subject, c.target) for c in renamed_edition.stated_changes if c.kind == "mission_renamed"]
    assert renames == [("FORGE", "ATELIER")]
    assert renamed_edition.mission("ATELIER").aliases == ["FORGE"]


CARD = """\
NEBULA

Offrir aux communes un nuage souverain pour leurs données

OBJECTIF : héberger les données des collectivités sur une infrastructure de confiance

Les collectivités manquent d'une offre d'hébergement qualifiée.

ACTION NB 1 → Nuage des communes

Ouvrir une offre d'hébergement qualifiée pour les communes de moins de 10 000 habitants

- ➔ Qualifier deux opérateurs d'hébergement
- ➔ Raccorder les cent premières communes

⬆️ DINUM et Agence nationale de la cohésion des territoires

📅 2nd semestre 2023
"""


def test_a_card_for_an_unknown_mission_is_extracted(tmp_path: Path):
    path = tmp_path / "nebula-fictitious.txt"
    path.write_text(CARD, encoding="utf-8")
    edition = extract_edition([path])
    assert [(m.code, m.objective) for m in edition.missions] == [("NEBULA", "héberger les données des collectivités sur une infrastructure de confiance")]
    (action,) = edition.actions
    assert (action.code, action.code_printed, action.mission, action.title) == ("NB1", "NB 1", "NEBULA", "Nuage des communes")
    assert [s.text for s in action.steps] == ["Qualifier deux opérateurs d'hébergement", "Raccorder les cent premières communes"]
    assert action.owners_printed == ["DINUM et Agence nationale de la cohésion des territoires"]
    assert action.deadlines_printed == ["2nd semestre 2023"]


@pytest.mark.parametrize("separator", ["-", "–", ".", "\u00a0", ""])
def test_code_separators_are_learned_from_the_headings(tmp_path: Path, separator: str):
    path = tmp_path / "separator-fictitious.txt"
    path.write_text(CARD.replace("ACTION NB 1", f"ACTION NB{separator}1"), encoding="utf-8")
    (action,) = extract_edition([path]).actions
    assert action.code == "NB1" and action.mission == "NEBULA"


def test_a_card_printed_outside_its_prefixs_section_stays_where_it_is_printed(tmp_path: Path):
    second = CARD.replace("NEBULA", "ORBITE").replace("ACTION NB 1 → Nuage des communes", "ACTION OR 1 → Orbite")
    stray = "\nACTION NB 2 → Carte des nuages\n\nCartographier les offres d'hébergement des collectivités\n\n📅 2024\n"
    path = tmp_path / "stray-fictitious.txt"
    path.write_text(CARD + "\n" + second + stray, encoding="utf-8")
    edition = extract_edition([path])
    nb2 = edition.action("NB2")
    assert nb2.mission == "ORBITE"
    (finding,) = [f for f in edition.findings if f.kind == "prefix_mismatch"]
    assert finding.subject == "NB2" and "NEBULA" in finding.message


def test_audit_errors_reach_the_report(edition_mi2020):
    from editiondiff.audit import audit_edition
    from editiondiff.report.pair import render_report
    from editiondiff.pipeline import compare

    fewer = audit_edition(edition_mi2020.model_copy(update={"actions": edition_mi2020.actions[1:]}))
    (error,) = [f for f in fewer.findings if f.severity == "error"]
    diff = compare(edition_mi2020, fewer)
    assert [(e.edition, e.kind, e.message) for e in diff.edition_errors] == [(fewer.id, "claim_mismatch", error.message)]
    assert error.message in render_report(diff, edition_mi2020, fewer, fmt="md", lang="en")
    french = render_report(diff, edition_mi2020, fewer, fmt="md", lang="fr")
    assert "L'édition annonce 38 actions, l'extraction en a trouvé 37" in french and error.message not in french


def test_coverage_and_unassigned_blocks(edition_mi2020):
    assert 0.5 < edition_mi2020.coverage < 1
    assert edition_mi2020.unassigned and all(p.quote and p.line_start for p in edition_mi2020.unassigned)
    # the editorial's opening words are prose of no element: kept, with their place
    assert any(p.quote.startswith("Pour rendre l'action publique plus proche") for p in edition_mi2020.unassigned)


def test_mission_rename_comes_from_the_edition_own_sentence(edition_2019, edition_mi2020):
    from editiondiff.pipeline import compare

    diff = compare(edition_2019, edition_mi2020)
    (rename,) = [c for c in diff.changes if c.kind == "mission_renamed"]
    assert (rename.subject.head, rename.after) == ("FABRIQUE", "BETA")
    (match,) = [m for m in diff.mission_matches if m.old == "FABRIQUE"]
    assert "stated" in match.evidence


def test_a_concordance_file_is_evidence_cited_in_the_report(tmp_path: Path, edition_2019, edition_mi2020):
    from editiondiff.report.pair import render_report
    from editiondiff.pipeline import compare

    silent = edition_mi2020.model_copy(
        update={
            "stated_changes": [c for c in edition_mi2020.stated_changes if c.kind != "mission_renamed"],
            "missions": [m.model_copy(update={"aliases": []}) for m in edition_mi2020.missions],
        }
    )
    concordance = tmp_path / "concordance.toml"
    concordance.write_text('[[codes]]\nold = "FABRIQUE"\nnew = "BETA"\nsource = "Note de la DINUM, juillet 2020 (fictive)"\n', encoding="utf-8")
    diff = compare(edition_2019, silent, concordance=concordance)
    (match,) = [m for m in diff.mission_matches if m.old == "FABRIQUE"]
    assert match.new == "BETA" and "stated" in match.evidence
    assert "Note de la DINUM, juillet 2020 (fictive)" in render_report(diff, edition_2019, silent, fmt="md")


def test_a_bad_concordance_is_one_line_exit_2(tmp_path: Path):
    from click.testing import CliRunner

    from editiondiff.cli import main

    bad = tmp_path / "bad.toml"
    bad.write_text('[[codes]]\nold = "A"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(SEED_003), str(SEED_003), "--concordance", str(bad)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1 and "bad.toml" in result.stderr


@pytest.mark.parametrize(
    "before, after, months",
    [
        ("En cours, jusqu'à fin 2022", "En cours, jusqu'à mi-2022", -5),
        ("En cours, jusqu'à mi-2022", "En cours, jusqu'à fin 2022", 5),
        ("2nd semestre 2023", "1er semestre 2023", -6),
        ("D'ici fin 2023", "Fin 2024", 12),
    ],
)
def test_deadline_changes_of_every_wording_advances_and_slips(tmp_path: Path, before: str, after: str, months: int):
    from editiondiff.pipeline import build_edition, compare

    editions = []
    for name, phrase in (("old", before), ("new", after)):
        path = tmp_path / f"{name}-fictitious.txt"
        path.write_text(CARD.replace("📅 2nd semestre 2023", f"📅 {phrase}"), encoding="utf-8")
        editions.append(build_edition([path], name, manifest=None))
    (change,) = [c for c in compare(*editions).changes if c.kind == "deadline_changed"]
    assert (change.subject.head, change.detail["slip_months"]) == ("NB1", months)


def test_stated_counts_read_per_edition_or_cumulatively(edition_mi2020):
    from editiondiff.pipeline import compare

    def claiming(edition, actions: int, new: int):
        claims = [c.model_copy(update={"value": {"actions": actions, "new": new}.get(c.kind, c.value)}) for c in edition.claims]
        return edition.model_copy(update={"claims": claims})

    fewer = edition_mi2020.model_copy(update={"id": "fewer-fictitious", "actions": edition_mi2020.actions[2:]})
    per_edition = compare(edition_mi2020, claiming(fewer, 36, 0))  # 38 printed, 2 gone, none new: 36 printed now
    codes = [s.observed_phrase.code for s in per_edition.agreements if s.statement_phrase and s.statement_phrase.code == "claims_total_and_new"]
    assert codes == ["claimed_total_adds_up_per_edition"]
    cumulative = compare(edition_mi2020, claiming(fewer, 38, 0))  # every project since the start: still 38
    codes = [s.observed_phrase.code for s in cumulative.agreements if s.statement_phrase and s.statement_phrase.code == "claims_total_and_new"]
    assert codes == ["claimed_total_adds_up"]
    neither = compare(edition_mi2020, claiming(fewer, 41, 0))
    codes = [s.observed_phrase.code for s in neither.contradictions if s.statement_phrase and s.statement_phrase.code == "claims_total_and_new"]
    assert codes == ["claimed_total_adds_up_neither"]


def test_an_incomplete_card_is_kept_with_a_finding(tmp_path: Path):
    path = tmp_path / "incomplete-fictitious.txt"
    path.write_text(CARD.replace("Ouvrir une offre d'hébergement qualifiée pour les communes de moins de 10 000 habitants\n", "") + "\nACTION NB 2 →\n", encoding="utf-8")
    edition = extract_edition([path])
    nb2 = edition.action("NB2")
    assert nb2 is not None and nb2.title == "" and nb2.mission == "NEBULA"
    kinds = {(f.subject, f.kind) for f in edition.findings}
    assert ("NB2", "card_incomplete") in kinds
    nb1 = edition.action("NB1")
    assert nb1.objective is None and ("NB1", "card_incomplete") in kinds and nb1.steps
