"""The report's data turned into what the HTML, Markdown and CSV renderings show, in one language.

Every rendering reads these rows, so the three say the same thing: the
HTML and Markdown templates lay them out, the CSV writer puts them in cells.
Texts from the editions pass through unchanged here; each rendering escapes
them for its own format.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ..schemas import Edition, Provenance
from ..schemas.diff import Change
from ..schemas.report import Report
from .crops import crop_data_uri, source_paths
from .pair import subject_label
from .words import KINDS, RULES, WORDS


@dataclass
class Place:
    source: str
    page: int | None
    line_start: int | None
    line_end: int | None
    quote: str
    text: str
    crop: str | None = None


def place(p: Provenance | None, lang: str, pdfs: dict[str, Path] | None = None) -> Place | None:
    if p is None:
        return None
    w = WORDS[lang]
    parts = [f"{w['source'].lower()} {p.source}"]
    if p.page is not None:
        parts.append(f"{w['page']} {p.page}")
    if p.line_start is not None:
        parts.append(f"{w['lines']} {p.line_start}" + (f"-{p.line_end}" if p.line_end and p.line_end != p.line_start else ""))
    return Place(p.source, p.page, p.line_start, p.line_end, p.quote, ", ".join(parts), crop_data_uri(p, pdfs or {}))


def word_diff(before: str | None, after: str | None) -> list[tuple[str, str]]:
    """(op, text) segments of the words from `before` to `after`: 'same', 'del' or 'ins'."""
    a, b = (before or "").split(), (after or "").split()
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("del", " ".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("ins", " ".join(b[j1:j2])))
    return segments


@dataclass
class Item:
    change: Change
    rank: int
    significance: int
    #: (rule id, rule in words, points)
    rules: list[tuple[str, str, int]]
    label: str
    subject: str
    old: Place | None
    new: Place | None
    segments: list[tuple[str, str]]
    slip: str | None
    reason: str | None
    confidence: str
    #: For a change of state, the states on both sides in words ("à échéance → fait").
    state: str | None = None


@dataclass
class MatchRow:
    old: str
    new: str
    score: str
    similarities: str
    rival: str
    margin: str
    tie: bool


@dataclass
class PairView:
    old: str
    new: str
    level: str
    items: list[Item]
    matches: list[MatchRow]
    checks: list[tuple[str, str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def number(x: float | None, lang: str, digits: int = 2) -> str:
    if x is None:
        return "—"
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text


def _item(change: Change, rank: int, ranked, lang: str, pdfs) -> Item:
    w = WORDS[lang]
    slip = change.detail.get("slip_months")
    slip_text = None
    if slip:
        slip_text = f"{abs(slip)} {w['months']} {w['later'] if slip > 0 else w['earlier']} ({change.detail.get('end_before')} → {change.detail.get('end_after')})"
    reason = change.detail.get("reason")
    reason_text = None
    if reason:
        reason_text = w["reasons"][reason] + (f" ({w['became']} {change.detail.get('target')})" if change.detail.get("target") else "")
    return Item(change=change, rank=rank, significance=ranked.significance, rules=[(h.rule, RULES[lang][h.rule], h.points) for h in ranked.rules],
                label=KINDS[lang][change.kind], subject=subject_label(change, lang, quote_printed=False),
                old=place(change.old, lang, pdfs), new=place(change.new, lang, pdfs), segments=word_diff(change.before, change.after),
                slip=slip_text, reason=reason_text, confidence=number(change.confidence, lang),
                state=f"{w['states'][change.detail.get('state_before')]} → {w['states'][change.detail.get('state_after')]}"
                if change.kind == "status_changed" else None)


def pair_views(report: Report, editions: list[Edition], lang: str, root: Path) -> list[PairView]:
    from .pair import _Sentences

    pdfs = source_paths(editions, root)
    views = []
    for pair in report.pairs:
        diff = pair.diff
        by_id = {c.id: c for c in diff.changes}
        items = [_item(by_id[r.change_id], n, r, lang, pdfs) for n, r in enumerate(pair.ranking, 1)]
        matches = [MatchRow(m.old, m.new, number(m.score, lang), ", ".join(f"{k} {number(v, lang)}" for k, v in m.similarities.items()),
                            m.rival or WORDS[lang]["none"], number(m.margin, lang), m.tie)
                   for m in diff.mission_matches + diff.action_matches]
        sentences = _Sentences(lang)
        w = WORDS[lang]
        checks = [(sentences.statement(s), w["yes"] if s.agrees else (w["unknown"] if s.agrees is None else w["no"]), sentences.observed(s),
                   s.evidence.where()) for s in diff.contradictions + diff.agreements + diff.unchecked]
        views.append(PairView(diff.old, diff.new, diff.level, items, matches, checks, sentences.notes(diff)))
    return views
