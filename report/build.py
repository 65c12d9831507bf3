"""Every edition and every pair of consecutive editions -> one Report (what report.json holds).

    editions_to_report(editions, settings=, progress=) -> Report

Editions are taken in the order given (oldest first); each consecutive pair is
diffed (`pipeline.compare`), its changes ranked by the significance rules.
Actions are followed across all editions by chaining the pairs' matches, so
the timeline can say how far an end date moved since the previous edition.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import __version__
from ..diff.detectors.change import indicator_subject
from ..diff.settings import DEFAULT_SETTINGS, DiffSettings
from ..schemas import Action, Edition
from ..schemas.diff import Diff
from ..schemas.report import (
    ClaimRow,
    EditionFinding,
    EditionOverview,
    IndicatorPoint,
    IndicatorTrend,
    PairReport,
    RankedChange,
    Report,
    RuleHit,
    RuleRow,
    SourceRow,
    TimelineRow,
)
from .pair import compare_skipping
from .significance import RULES, RULES_VERSION, score_change


def edition_overview(edition: Edition) -> EditionOverview:
    """Counts claimed and observed; what the extraction could not assess is None, never 0."""
    cards = edition.level == "actions"
    claims = [ClaimRow(kind=c.kind, claimed=c.claimed, observed=c.extracted,
                       state="not_assessed" if c.agrees is None else ("agrees" if c.agrees else "differs"))
              for c in edition.claim_checks]
    return EditionOverview(
        id=edition.id, label=edition.label, published=edition.published, level=edition.level, fictitious=edition.fictitious,
        missions=len(edition.missions), actions=len(edition.actions) if cards else None,
        completed=sum(1 for a in edition.actions if a.completed or a.status == "completed") if cards else None,
        findings=len(edition.findings), claims=claims,
    )


def rank(diff: Diff) -> list[RankedChange]:
    """The diff's changes by significance, highest first; equal scores keep the diff's order."""
    ranked = []
    for c in diff.changes:
        hits = score_change(c)
        ranked.append(RankedChange(change_id=c.id, significance=sum(p for _, p in hits), rules=[RuleHit(rule=r, points=p) for r, p in hits]))
    return sorted(ranked, key=lambda r: -r.significance)


def _interval(action: Action):
    starts = [d.start for d in action.deadlines if d.start is not None]
    ends = [d.end for d in action.deadlines if d.end is not None]
    return (min(starts) if starts else None), (max(ends) if ends else None)


def lineages(editions: list[Edition], diffs: list[Diff]) -> dict[tuple[str, str], str]:
    """(edition id, action code) -> '<first edition id>:<code there>', following each pair's matches."""
    lineage: dict[tuple[str, str], str] = {}
    for i, edition in enumerate(editions):
        previous = {m.new: m.old for m in diffs[i - 1].action_matches} if i > 0 else {}
        for a in edition.actions:
            prior = previous.get(a.code)
            lineage[edition.id, a.code] = lineage.get((editions[i - 1].id, prior), f"{edition.id}:{a.code}") if prior else f"{edition.id}:{a.code}"
    return lineage


def timeline(editions: list[Edition], diffs: list[Diff]) -> list[TimelineRow]:
    """Each action's planned interval in each edition that lists its cards, and the slip since its previous edition."""
    from ..diff.detectors.deadlines import months_between

    lineage = lineages(editions, diffs)
    last_end: dict[str, object] = {}
    rows = []
    for edition in editions:
        for a in edition.actions:
            start, end = _interval(a)
            uid = lineage[edition.id, a.code]
            before = last_end.get(uid)
            slip = months_between(before, end) if before is not None and end is not None else None
            rows.append(TimelineRow(mission=a.mission, lineage=uid, code=a.code, title=a.title or a.chart_title or "", edition=edition.id,
                                    start=start, end=end, deadline=" / ".join(a.deadlines_printed), slip_months=slip))
            if end is not None:
                last_end[uid] = end
    return sorted(rows, key=lambda r: (r.mission, r.lineage, [e.id for e in editions].index(r.edition)))


def indicator_trends(editions: list[Edition], diffs: list[Diff]) -> list[IndicatorTrend]:
    """Each indicator row's values across the editions that print a table; the pairs where a value was revised."""
    trends: dict[str, IndicatorTrend] = {}
    for edition in editions:
        if edition.indicators is None:
            continue
        for row in edition.indicators.rows:
            ident = indicator_subject(row.mission, row.label).indicator_id or ""
            trend = trends.setdefault(ident, IndicatorTrend(indicator_id=ident, mission=row.mission, label=row.label, values=[]))
            trend.values.extend(IndicatorPoint(edition=edition.id, column=c.column, raw=c.raw) for c in row.cells)
    for diff in diffs:
        for c in diff.changes:
            trend = trends.get(c.subject.indicator_id or "")
            if c.kind == "indicator_revised" and trend is not None and f"{diff.old}→{diff.new}" not in trend.revised_in:
                trend.revised_in.append(f"{diff.old}→{diff.new}")
    return sorted(trends.values(), key=lambda t: (t.mission, t.indicator_id))


def sources(editions: list[Edition]) -> list[SourceRow]:
    return [SourceRow(edition=e.id, id=s.id, title=f"{e.label} ({s.role})", role=s.role, format=s.format, published=s.published,
                      url=s.url, path=s.path, sha256=s.sha256, retypeset=s.retypeset) for e in editions for s in e.sources]


def editions_to_report(editions: list[Edition], *, settings: DiffSettings = DEFAULT_SETTINGS, pairs: list[tuple[str, str]] = (),
                       progress: Callable[[str], None] | None = None) -> Report:
    """The whole report of `editions` (oldest first): every consecutive pair, then each of `pairs` (old id, new id) asked for."""
    from ..errors import InputError

    by_id = {e.id: e for e in editions}
    for old_id, new_id in pairs:
        for ident in (old_id, new_id):
            if ident not in by_id:
                raise InputError(ident, f"no such edition (known: {', '.join(by_id)})")
    consecutive = list(zip(editions, editions[1:]))
    asked = [(by_id[o], by_id[n]) for o, n in pairs if (o, n) not in {(a.id, b.id) for a, b in consecutive}]
    diffs = []
    position = {e.id: i for i, e in enumerate(editions)}
    for old, new in consecutive + asked:
        if progress:
            progress(f"{old.id} → {new.id}")
        # A pair that skips editions takes what they state about missions as evidence (report/pair.py).
        between = [e for e in editions if position[old.id] < position[e.id] < position[new.id]]
        diffs.append(compare_skipping(old, new, between, settings=settings))
    chained = diffs[:len(consecutive)]
    return Report(
        tool_version=__version__, rules_version=RULES_VERSION,
        editions=[edition_overview(e) for e in editions],
        pairs=[PairReport(old=d.old, new=d.new, diff=d, ranking=rank(d)) for d in diffs],
        timeline=timeline(editions, chained),
        indicators=indicator_trends(editions, diffs),
        findings=[EditionFinding(edition=e.id, finding=f) for e in editions for f in e.findings],
        sources=sources(editions),
        rules=[RuleRow(id=r.id, points=r.points) for r in RULES],
    )
