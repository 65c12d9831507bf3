"""The audit of each edition: claim checks and findings, each with provenance."""

from __future__ import annotations

from editiondiff.audit import audit_edition


def _findings(edition, kind):
    return [f for f in edition.findings if f.kind == kind]


def test_mi2020_claims_agree(edition_mi2020):
    checks = {(c.kind, c.claimed): (c.extracted, c.agrees) for c in edition_mi2020.claim_checks}
    assert checks == {
        ("actions", 38): (38, True),
        ("completed", 5): (5, True),
        ("new", 3): (3, True),
        ("enjeux", 6): (6, True),
        ("missions", 8): (8, True),
    }
    assert _findings(edition_mi2020, "claim_mismatch") == []


def test_truncated_titles(edition_mi2020):
    truncated = {f.subject: f for f in _findings(edition_mi2020, "title_truncated")}
    assert set(truncated) == {"IN1", "IN2", "IN3", "IN6"}
    rimba = truncated["IN1"]
    assert rimba.severity == "warning"
    assert "Résilience RIE et Rimba" in rimba.message and "Résilience RIE et Rimbaud" in rimba.message
    assert [p.line_start for p in rimba.provenance] == [849, 683]
    assert truncated["IN6"].severity == "info"  # cut at a word boundary


def test_objective_copied_from_another_action(edition_mi2020):
    (finding,) = _findings(edition_mi2020, "objective_duplicated")
    assert finding.subject == "IN1"
    assert "LA1" in finding.message
    assert [p.line_start for p in finding.provenance] == [849, 441]
    assert finding.provenance[0].quote.startswith("Évaluer les attentes et définir les règles de labellisation")


def test_dangling_reference(edition_mi2020):
    (finding,) = _findings(edition_mi2020, "dangling_reference")
    assert "'action 10'" in finding.message
    assert finding.provenance[0].line_start == 843
    assert "sac à dos numérique de l'agent public (action 10)" in finding.provenance[0].quote


def test_year_outside_the_period(edition_mi2020):
    (finding,) = _findings(edition_mi2020, "year_out_of_period")
    assert finding.subject == "INFRA"
    assert "2014" in finding.message and "2019-2022" in finding.message
    assert finding.provenance[0].line_start == 841
    assert "à compter de fin 2014" in finding.provenance[0].quote


def test_no_chart_gaps(edition_mi2020):
    assert _findings(edition_mi2020, "chart_unmatched") == []


def test_mission_level_editions_leave_action_counts_unknown(edition_2019, edition_mi2021):
    checks = {(c.kind, c.claimed): (c.extracted, c.agrees) for c in edition_2019.claim_checks}
    assert checks == {("actions", 35): (None, None), ("missions", 8): (8, True), ("enjeux", 6): (6, True)}
    checks = {(c.kind, c.claimed): (c.extracted, c.agrees) for c in edition_mi2021.claim_checks}
    assert checks[("actions", 43)] == (None, None)
    assert checks[("to_complete", 1)] == (None, None)
    assert checks[("missions", 8)] == (8, True)
    assert edition_2019.findings == [] and edition_mi2021.findings == []


def test_mismatch_is_reported(edition_mi2020):
    fewer = edition_mi2020.model_copy(update={"actions": edition_mi2020.actions[:-1]})
    audited = audit_edition(fewer)
    (mismatch,) = [f for f in audited.findings if f.kind == "claim_mismatch" and "actions" in f.message]
    assert "38" in mismatch.message and "37" in mismatch.message
    assert mismatch.provenance[0].line_start == 349


def test_audit_is_idempotent(edition_mi2020):
    again = audit_edition(edition_mi2020)
    assert again.findings == edition_mi2020.findings
    assert again.claim_checks == edition_mi2020.claim_checks


def test_values_normalisation_could_not_read_become_findings(edition_mi2020):
    from editiondiff.normalize import normalize_edition

    edition = normalize_edition(edition_mi2020)
    assert _findings(audit_edition(edition), "unparsed_deadline") == []
    assert _findings(audit_edition(edition), "unknown_owner") == []

    la4 = edition.action("LA4")
    odd_deadline = la4.deadlines[0].model_copy(update={"raw": "quand ce sera prêt", "kind": "unparsed", "start": None, "end": None})
    odd_owner = la4.owners[0].model_copy(update={"raw": "Agence imaginaire", "id": "unknown:agence-imaginaire", "recognised": False})
    la4 = la4.model_copy(update={"deadlines": [odd_deadline], "owners": [odd_owner]})
    edited = edition.model_copy(update={"actions": [la4 if a.code == "LA4" else a for a in edition.actions]})
    audited = audit_edition(edited)
    (deadline,) = _findings(audited, "unparsed_deadline")
    (owner,) = _findings(audited, "unknown_owner")
    assert deadline.subject == owner.subject == "LA4"
    assert "quand ce sera prêt" in deadline.message and "Agence imaginaire" in owner.message
    assert deadline.provenance[0].line_start == edition.action("LA4").provenance.line_start
