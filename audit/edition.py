"""The audit: what an edition claims against what was extracted, and its internal defects.

`audit_edition` returns a copy of the edition with `claim_checks` (each claimed
count beside the extracted one) and `findings`, each with provenance:

* ``claim_mismatch``: a claimed count differs from the extracted one;
* ``title_truncated``: a card title is a cut-off prefix of its chart title
  ("Résilience RIE et Rimba" / "Résilience RIE et Rimbaud");
* ``objective_duplicated``: a card's objective is word for word another
  card's (one card of seed 003 carries another's objective);
* ``dangling_reference``: the text names an action that has no card
  ("action 10", or a code no card carries);
* ``year_out_of_period``: a forward-looking date outside the edition's period
  ("à compter de fin 2014" in a 2019-2022 roadmap);
* ``chart_unmatched``: a chart entry without a card, or a card missing from
  the chart (when the edition prints a chart);
* ``unparsed_deadline``: a deadline phrase the normalisation could not read
  into dates (kept as printed, kind ``unparsed``);
* ``unknown_owner``: an owner the gazetteer does not know (kept as printed).

The last two read what `editiondiff.normalize` added, so the audit runs after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schemas.edition import Action, ClaimCheck, Edition, Finding
from ..schemas.provenance import Provenance
from ..vocabulary.text import fold
from .phrases import finding


@dataclass(frozen=True)
class AuditSettings:
    #: Shortest objective (characters) compared for duplication.
    min_objective_chars: int = 20


_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
#: Words that make a year in prose a deadline (rather than history: "depuis 2018", "en 2019").
_FORWARD = re.compile(
    r"(?:à compter de|à partir de|d'ici|jusqu'en|jusqu'à|fin|début|mi-|courant|prévue? (?:en|pour|au)|horizon)\s*(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _period(edition: Edition) -> tuple[int, int] | None:
    m = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", edition.period or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _claim_checks(edition: Edition) -> tuple[list[ClaimCheck], list[Finding]]:
    actions_known = edition.level == "actions"
    extracted_counts: dict[str, int | None] = {
        "enjeux": len(edition.enjeux) or None,
        "missions": len(edition.missions) or None,
        "actions": len(edition.actions) if actions_known else None,
        "completed": sum(a.completed for a in edition.actions) if actions_known else None,
        "new": sum(a.new for a in edition.actions) if actions_known else None,
        "to_complete": None,
    }
    checks: list[ClaimCheck] = []
    findings: list[Finding] = []
    for claim in edition.claims:
        extracted = extracted_counts.get(claim.kind)
        agrees = None if extracted is None else extracted == claim.value
        checks.append(ClaimCheck(kind=claim.kind, claimed=claim.value, extracted=extracted, agrees=agrees, provenance=claim.provenance))
        if agrees is False:
            findings.append(
                finding("claim_mismatch", "claimed_count_differs", [claim.provenance], severity="error",
                        count=claim.kind, claimed=claim.value, extracted=extracted)
            )
    return checks, findings


def _truncated_titles(edition: Edition) -> list[Finding]:
    findings = []
    chart_by_action = {entry.action: entry for entry in edition.chart if entry.action}
    for action in edition.actions:
        entry = chart_by_action.get(action.code)
        if entry is None:
            continue
        card, chart = fold(action.title), fold(entry.title)
        if card != chart and len(card) >= 3 and chart.startswith(card):
            mid_word = chart[len(card)] != " "
            findings.append(
                finding("title_truncated", "card_title_cut_mid_word" if mid_word else "card_title_cut_short",
                        [action.provenance, entry.provenance], severity="warning" if mid_word else "info", subject=action.code,
                        title=action.title, chart_title=entry.title)
            )
    return findings


def _duplicated_objectives(edition: Edition, settings: AuditSettings) -> list[Finding]:
    findings = []
    first: dict[str, Action] = {}
    for action in edition.actions:
        if not action.objective or len(action.objective) < settings.min_objective_chars:
            continue
        key = fold(action.objective)
        if key in first:
            original = first[key]
            findings.append(
                finding("objective_duplicated", "objective_copied",
                        [action.provenance.model_copy(update={"quote": action.objective}), original.provenance.model_copy(update={"quote": original.objective})],
                        subject=action.code, code=action.code, title=action.title, original=original.code,
                        original_title=original.title, objective=action.objective)
            )
        else:
            first[key] = action
    return findings


def _dangling_references(edition: Edition) -> list[Finding]:
    findings = []
    codes = {a.code for a in edition.actions}
    seen: set[tuple[str, str]] = set()
    for ref in edition.references:
        if ref.code is None:
            problem = "reference_without_code"
        elif edition.level == "actions" and ref.code not in codes:
            problem = "reference_to_missing_card"
        else:
            continue
        key = (ref.printed, ref.provenance.quote)
        if key in seen:
            continue
        seen.add(key)
        findings.append(finding("dangling_reference", problem, [ref.provenance], subject=ref.code, printed=ref.printed, code=ref.code))
    return findings


def _years_in(text: str, low: int, high: int, forward_only: bool) -> list[int]:
    years = []
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if low <= year <= high:
            continue
        if forward_only and not _FORWARD.search(text[max(0, m.start() - 40): m.start()]):
            continue
        years.append(year)
    return years


def _years_out_of_period(edition: Edition) -> list[Finding]:
    period = _period(edition)
    if period is None:
        return []
    low, high = period
    # years before the period are history in prose, but a deadline may cite the year the work started
    findings = []

    def report(subject: str | None, text: str, provenance: Provenance, forward_only: bool) -> None:
        for year in _years_in(text, low - (0 if forward_only else 1), high, forward_only):
            findings.append(
                finding("year_out_of_period", "year_outside_period", [provenance.model_copy(update={"quote": text})], subject=subject,
                        year=year, period=edition.period, text=text)
            )

    for action in edition.actions:
        for phrase in action.deadlines_printed:
            report(action.code, phrase, action.provenance, forward_only=False)
        for step in action.steps:
            if step.deadline_printed:
                report(action.code, step.deadline_printed, step.provenance, forward_only=False)
    for mission in edition.missions:
        for passage in mission.progress:
            for sentence in re.split(r"(?<=[.!?])\s+", passage.text):
                report(mission.code, sentence, passage.provenance, forward_only=True)
    return findings


def _chart_gaps(edition: Edition) -> list[Finding]:
    if not edition.chart:
        return []
    findings = []
    for entry in edition.chart:
        if entry.action is None:
            findings.append(
                finding("chart_unmatched", "chart_entry_unmatched", [entry.provenance], title=entry.title, mission=entry.mission)
            )
    charted = {entry.action for entry in edition.chart}
    for action in edition.actions:
        if action.code not in charted:
            findings.append(
                finding("chart_unmatched", "card_missing_from_chart", [action.provenance], subject=action.code, code=action.code, title=action.title)
            )
    return findings


def _unread_values(edition: Edition) -> list[Finding]:
    findings = []
    for action in edition.actions:
        for deadline in action.deadlines:
            if deadline.kind == "unparsed":
                findings.append(
                    finding("unparsed_deadline", "deadline_unread", [action.provenance], severity="info", subject=action.code, deadline=deadline.raw, code=action.code)
                )
        for step in action.steps:
            if step.deadline is not None and step.deadline.kind == "unparsed":
                findings.append(
                    finding("unparsed_deadline", "step_deadline_unread", [step.provenance], severity="info", subject=action.code,
                            deadline=step.deadline.raw, code=action.code)
                )
        for owner in action.owners:
            if not owner.recognised:
                findings.append(
                    finding("unknown_owner", "owner_unknown", [action.provenance], severity="info", subject=action.code, owner=owner.raw, code=action.code)
                )
    return findings


def audit_edition(edition: Edition, settings: AuditSettings | None = None) -> Edition:
    """A copy of `edition` with its claim checks and findings (earlier findings of other stages are kept)."""
    settings = settings or AuditSettings()
    checks, findings = _claim_checks(edition)
    findings += _truncated_titles(edition)
    findings += _duplicated_objectives(edition, settings)
    findings += _dangling_references(edition)
    findings += _years_out_of_period(edition)
    findings += _chart_gaps(edition)
    findings += _unread_values(edition)
    ours = {"claim_mismatch", "title_truncated", "objective_duplicated", "dangling_reference", "year_out_of_period", "chart_unmatched", "unparsed_deadline", "unknown_owner"}
    kept = [f for f in edition.findings if f.kind not in ours]
    return edition.model_copy(update={"claim_checks": checks, "findings": kept + findings})
