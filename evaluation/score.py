"""How well the diff finds what changed, measured on seeded perturbations of a real edition.

Each trial perturbs the mid-2020 edition (seed 003) with `perturb_edition`,
renders both the unperturbed and the perturbed edition back to brochure text
(and every `pdf_every`-th trial to PDF), extracts them again through the real
pipeline, diffs them at several match thresholds and compares the reported
changes with the recorded ground truth, kind by kind. Rendering the
unperturbed edition too means both sides of the diff went through the same
renderer and extractor, so what is measured is the diff, not a difference
between the original text and our re-rendering of it.

Three perturbation profiles (`perturb.PROFILES`): "default", mild edits,
"hard" (`perturb_hard`), paraphrased and stacked edits, code swaps and
look-alike additions, and "vocabulary" (`perturb_vocabulary`), missions,
prefixes, code separators, owners and status words the corpus never used. With `through_text=False` the perturbed edition is
only normalised and diffed directly: what is then measured is the diff alone,
without what the renderer and the extractor lose (the hard profile's deadline
wordings such as "T3 2020" on a step line are not all read back).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from editiondiff.pipeline import DEFAULT_MANIFEST
from editiondiff.schemas import Edition
from editiondiff.schemas.diff import Change, ChangeKind
from editiondiff.vocabulary.text import fold
from .perturb import Expected, perturb_edition

SEED_003 = DEFAULT_MANIFEST.parent / "sources" / "003_dc8a99c2b477ef56.txt"
THRESHOLDS = (0.25, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.70)
KINDS: tuple[str, ...] = ChangeKind.__args__  # type: ignore[attr-defined]
#: Kinds that must be perfect (the issue's targets).
STRICT_KINDS = ("action_added", "action_exited_completed", "mission_renamed")


def change_key(change: Change) -> tuple[str, ...]:
    """The key a reported change is scored on (the same shape as `Expected.key`)."""
    if change.kind in ("indicator_revised",):
        return (fold(change.subject.label or ""), fold(str(change.detail.get("column") or "")))
    if change.kind in ("indicator_added", "indicator_removed"):
        return (fold(change.subject.label or ""),)
    if change.kind == "column_changed":
        return (fold(change.after or change.before or ""),)
    return (change.subject.head,)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TrialScore:
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    slips: int = 0
    slips_exact: int = 0
    misses: list[str] = field(default_factory=list)


def score_changes(changes: list[Change], expected: list[Expected]) -> TrialScore:
    """Multiset comparison of reported and expected (kind, key) pairs."""
    result = TrialScore()
    got = Counter((c.kind, change_key(c)) for c in changes)
    want = Counter((e.kind, e.key) for e in expected)
    for item in set(got) | set(want):
        tp = min(got[item], want[item])
        tally = result.by_kind[item[0]]
        tally.tp += tp
        tally.fp += got[item] - tp
        tally.fn += want[item] - tp
        if got[item] != want[item]:
            result.misses.append(f"{'FP' if got[item] > want[item] else 'FN'} {item[0]} {'/'.join(item[1])}")
    slips = {change_key(c): c.detail.get("slip_months") for c in changes if c.kind == "deadline_changed"}
    for e in expected:
        if e.kind == "deadline_changed" and e.slip_months is not None:
            result.slips += 1
            result.slips_exact += int(slips.get(e.key) == e.slip_months)
    return result


# ----------------------------------------------------------------- through the real pipeline


def _normalize(edition: Edition) -> Edition:
    from editiondiff.normalize import normalize_edition

    return normalize_edition(edition)


def base_edition() -> Edition:
    """Seed 003 extracted and normalised: the real edition the perturbations start from."""
    from editiondiff.extract.pipeline import extract_edition

    return _normalize(extract_edition([SEED_003]))


PDF_ENGINES = ("pymupdf", "reportlab")


def edition_roundtrip(edition: Edition, workdir: Path, stem: str, *, pdf_engine: str | None = None) -> Edition:
    """Render an edition as brochure text (or as PDF with `pdf_engine`), extract and normalise it again.

    The result keeps the edition's id, label and fictitious mark.
    """
    from editiondiff.extract.pipeline import extract_edition

    from .render.brochure import render_brochure_pdf
    from .render.edition_text import edition_to_text

    text = edition_to_text(edition)
    if pdf_engine:
        path = workdir / f"{stem}-{pdf_engine}.pdf"
        path.write_bytes(render_brochure_pdf(text, engine=pdf_engine, title=edition.label, fictitious=True,
                                            retypeset_note="Édition fictive composée pour mesurer la comparaison d'éditions ; jamais publiée"))
    else:
        path = workdir / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
    extracted = _normalize(extract_edition([path], edition_id=edition.id, manifest=None))
    return extracted.model_copy(update={"id": edition.id, "label": edition.label, "fictitious": edition.fictitious, "period": edition.period})


@dataclass
class ScoringRun:
    trials: int
    seed: int
    by_threshold: dict[float, dict[str, Tally]]
    slips: dict[float, tuple[int, int]]
    pdf_trials: int
    seconds: float
    misses: dict[float, Counter]
    #: Totals over all kinds per threshold, for the trials read back from text and from PDF separately.
    by_path: dict[str, dict[float, Tally]] = field(default_factory=dict)
    #: The perturbation profile the trials used (one of `perturb.PROFILES`).
    profile: str = "default"
    #: Whether the perturbed editions went through the renderer and the extractor (else: diffed directly).
    through_text: bool = True


def score_trials(*, trials: int, seed: int, pdf_every: int = 0, thresholds: tuple[float, ...] = THRESHOLDS, through_text: bool = True, settings=None,
                 profile: str = "default", progress: bool = False) -> ScoringRun:
    """Run the trials (perturbations of `profile`, see `perturb.PROFILES`) and tally every kind at every threshold.

    `progress`: a tqdm bar of the trials on stderr.
    """
    from editiondiff.diff.editions import editions_to_diff
    from editiondiff.diff.settings import DEFAULT_SETTINGS

    settings = settings or DEFAULT_SETTINGS

    started = time.perf_counter()
    base = base_edition()
    by_threshold = {t: defaultdict(Tally) for t in thresholds}
    slips = {t: (0, 0) for t in thresholds}
    misses = {t: Counter() for t in thresholds}
    by_path = {path: {t: Tally() for t in thresholds} for path in ("text", "pdf")}
    pdf_trials = 0
    with tempfile.TemporaryDirectory(prefix="editiondiff-fictitious-") as tmp:
        workdir = Path(tmp)
        fictitious_base = base.model_copy(update={"id": f"{base.id}-fictitious-base", "fictitious": True})
        old = edition_roundtrip(fictitious_base, workdir, "fictitious-base") if through_text else fictitious_base
        old_pdf: dict[str, Edition] = {}
        from tqdm import tqdm

        for trial in tqdm(range(trials), desc=f"{profile} trials", unit="trial", disable=not progress, file=sys.stderr, leave=False):
            perturbation = perturb_edition(base, seed + trial, profile=profile)
            use_pdf = pdf_every > 0 and trial % pdf_every == 0
            if use_pdf:
                engine = PDF_ENGINES[pdf_trials % len(PDF_ENGINES)]
                if engine not in old_pdf:
                    old_pdf[engine] = edition_roundtrip(fictitious_base, workdir, "fictitious-base", pdf_engine=engine)
                new = edition_roundtrip(perturbation.edition, workdir, f"fictitious-{seed + trial}", pdf_engine=engine)
                pdf_trials += 1
            elif through_text:
                new = edition_roundtrip(perturbation.edition, workdir, f"fictitious-{seed + trial}")
            else:
                new = _normalize(perturbation.edition)
            for t in thresholds:
                diff = editions_to_diff(old_pdf[engine] if use_pdf else old, new, threshold=t, settings=settings)
                score = score_changes(diff.changes, perturbation.expected)
                for kind, tally in score.by_kind.items():
                    by_threshold[t][kind].add(tally)
                    by_path["pdf" if use_pdf else "text"][t].add(tally)
                s, e = slips[t]
                slips[t] = (s + score.slips, e + score.slips_exact)
                misses[t].update(score.misses)
    return ScoringRun(trials, seed, by_threshold, slips, pdf_trials, time.perf_counter() - started, misses, by_path, profile, through_text)


def _total(tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    for t in tallies.values():
        total.add(t)
    return total


def format_run(run: ScoringRun, default: float) -> str:
    lines = [
        f"Diff accuracy over {run.trials} seeded trials of the {run.profile!r} perturbation profile (seeds {run.seed}..{run.seed + run.trials - 1}), "
        + ("each perturbed edition re-rendered and re-extracted through the real pipeline" if run.through_text
           else "each perturbed edition normalised and diffed directly (the diff alone, no rendering or extraction)")
        + (f"; {run.pdf_trials} of them via PDF (engines {' and '.join(PDF_ENGINES)} in turn)" if run.pdf_trials else "") + f"; {run.seconds:.1f} s",
    ]
    tallies = run.by_threshold[default]
    lines += ["", f"Per change kind at the default threshold {default:.2f}:", "",
              f"{'kind':26} {'expected':>8} {'TP':>6} {'FP':>5} {'FN':>5} {'precision':>9} {'recall':>7} {'F1':>6}"]
    for kind in KINDS:
        t = tallies.get(kind, Tally())
        if t.tp + t.fp + t.fn == 0:
            lines.append(f"{kind:26} {0:>8} {'-':>6} {'-':>5} {'-':>5} {'-':>9} {'-':>7} {'-':>6}  (not generated)")
            continue
        lines.append(f"{kind:26} {t.tp + t.fn:>8} {t.tp:>6} {t.fp:>5} {t.fn:>5} {t.precision:>9.4f} {t.recall:>7.4f} {t.f1:>6.4f}")
    total = _total(tallies)
    lines.append(f"{'ALL KINDS':26} {total.tp + total.fn:>8} {total.tp:>6} {total.fp:>5} {total.fn:>5} {total.precision:>9.4f} {total.recall:>7.4f} {total.f1:>6.4f}")
    if run.pdf_trials:
        for path, label in (("text", f"{run.trials - run.pdf_trials} trials read back from text"), ("pdf", f"{run.pdf_trials} trials read back from PDF")):
            t = run.by_path[path][default]
            lines.append(f"  {label}: precision {t.precision:.4f}, recall {t.recall:.4f}, F1 {t.f1:.4f} ({t.fp} FP, {t.fn} FN)")
    n, exact = run.slips[default]
    if n:
        lines.append(f"deadline slips in months equal to the generated shift: {exact}/{n}")
    lines += ["", "How the scores move with the match threshold:", ""]
    strict = " ".join(f"{k.replace('action_', '').replace('mission_', 'm_')[:14]:>14}" for k in STRICT_KINDS + ("action_moved", "action_retitled", "action_recoded", "action_dropped"))
    lines.append(f"{'threshold':>9} {'P':>7} {'R':>7} {'F1':>7} {strict}")
    for t in sorted(run.by_threshold):
        tt = run.by_threshold[t]
        total = _total(tt)
        cols = " ".join(f"{tt.get(k, Tally()).f1:>14.4f}" for k in STRICT_KINDS + ("action_moved", "action_retitled", "action_recoded", "action_dropped"))
        mark = "  <- default" if abs(t - default) < 1e-9 else ""
        lines.append(f"{t:>9.2f} {total.precision:>7.4f} {total.recall:>7.4f} {total.f1:>7.4f} {cols}{mark}")
    best = max(run.by_threshold, key=lambda t: (round(_total(run.by_threshold[t]).f1, 4), -abs(t - default)))
    lines += ["", f"Best overall F1 at threshold {best:.2f} ({_total(run.by_threshold[best]).f1:.4f})."]
    common = run.misses[default].most_common(8)
    if common:
        lines += ["", "Most frequent errors at the default threshold:"] + [f"  {n:>4} × {m}" for m, n in common]
    return "\n".join(lines) + "\n"


def run_scoring(*, trials: int, seed: int, pdf_every: int, profile: str = "default", progress: bool = False) -> str:
    """What `python -m evaluation score` prints."""
    from editiondiff.diff.settings import DEFAULT_SETTINGS

    run = score_trials(trials=trials, seed=seed, pdf_every=pdf_every, profile=profile, progress=progress)
    return format_run(run, DEFAULT_SETTINGS.threshold)
