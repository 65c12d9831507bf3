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
from .layouts.styles import FAMILY, Style
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
#: The producers of the layout family, in the order their rows are printed.
PRODUCERS: tuple[str, ...] = tuple(dict.fromkeys(s.producer for s in FAMILY))
#: The diff-through-PDF target of issue 13, per producer.
TARGET_F1 = 0.98
#: PDF trials typeset per batch: one Chromium process and one LibreOffice call per batch.
BATCH = 20


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
    return read_back(path, edition)


def read_back(path: Path, edition: Edition) -> Edition:
    """The edition read from `path` by the real pipeline and normalised, with `edition`'s id, label, fictitious mark and period."""
    from editiondiff.extract.pipeline import extract_edition

    extracted = _normalize(extract_edition([path], edition_id=edition.id, manifest=None))
    return extracted.model_copy(update={"id": edition.id, "label": edition.label, "fictitious": edition.fictitious, "period": edition.period})


def check_names(producers: list[str] | None = None, layouts: list[str] | None = None) -> None:
    """ValueError naming what is neither a producer of `PRODUCERS` nor a layout of `FAMILY`."""
    unknown = sorted(set(producers or ()) - set(PRODUCERS)) + sorted(set(layouts or ()) - {"all"} - {s.name for s in FAMILY})
    if unknown:
        raise ValueError(f"unknown producer or layout {', '.join(map(repr, unknown))}; producers: {', '.join(PRODUCERS)}; "
                         f"layouts: all, {', '.join(s.name for s in FAMILY)}")


def select_layouts(producers: list[str] | None = None, layouts: list[str] | None = None) -> tuple[list[Style], dict[str, str]]:
    """The layouts of the family a PDF trial is typeset in, and the producers asked for that are skipped, with why.

    `layouts`: names of `FAMILY` or ["all"]; `producers`: names of `PRODUCERS`. Given both, the layouts of
    those producers among those named; given one, all it selects; given neither, none.
    """
    from .layouts.build import producer_available

    check_names(producers, layouts)
    if not producers and not layouts:
        return [], {}
    chosen = [s for s in FAMILY if (not layouts or "all" in layouts or s.name in layouts) and (not producers or s.producer in producers)]
    skipped: dict[str, str] = {}
    usable = []
    for style in chosen:
        missing = producer_available(style)
        if missing:
            skipped[style.producer] = missing
        else:
            usable.append(style)
    return usable, skipped


class _Totals:
    """What every scoring run adds up per threshold: tallies by kind and by path (text or PDF),
    deadline slips (generated, equal to the shift) and the errors made."""

    def __init__(self, thresholds: tuple[float, ...]):
        self.by_threshold = {t: defaultdict(Tally) for t in thresholds}
        self.slips = {t: (0, 0) for t in thresholds}
        self.misses = {t: Counter() for t in thresholds}
        self.by_path = {path: {t: Tally() for t in thresholds} for path in ("text", "pdf")}

    def add(self, t: float, score, path: str) -> None:
        for kind, tally in score.by_kind.items():
            self.by_threshold[t][kind].add(tally)
            self.by_path[path][t].add(tally)
        s, e = self.slips[t]
        self.slips[t] = (s + score.slips, e + score.slips_exact)
        self.misses[t].update(score.misses)


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
    #: With layouts: the layouts used; per threshold, reading ("text" or a layout name) -> kind -> tally;
    #: per threshold, reading -> the errors made; the producers asked for and skipped, with why; readings
    #: that failed (reading -> [(seed, error)]), whose expected changes all count as missed.
    layouts: list[Style] = field(default_factory=list)
    by_reading: dict[float, dict[str, dict[str, Tally]]] = field(default_factory=dict)
    reading_misses: dict[float, dict[str, Counter]] = field(default_factory=dict)
    #: Per threshold, reading -> error -> the seed of the first trial that made it (to rerun it with --keep).
    first_seeds: dict[float, dict[str, dict[str, int]]] = field(default_factory=dict)
    #: Layout -> the face printed instead of the style's own, where that face is not installed.
    substitutes: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    failures: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def score_trials(*, trials: int, seed: int, pdf_every: int = 0, thresholds: tuple[float, ...] = THRESHOLDS, through_text: bool = True, settings=None,
                 profile: str = "default", progress: bool = False, layouts: list[Style] | None = None,
                 skipped: dict[str, str] | None = None, keep: Path | None = None) -> ScoringRun:
    """Run the trials (perturbations of `profile`, see `perturb.PROFILES`) and tally every kind at every threshold.

    `layouts`: typeset every `pdf_every`-th trial (every trial when 0) in each producer of these layouts of
    the family (see `select_layouts`), instead of alternating the two engines of `PDF_ENGINES`; `skipped`
    (producers left out, with why) is carried into the run for the printout; `keep`: a folder where the
    typeset files stay (else a temporary one, emptied as the trials go).
    `progress`: a tqdm bar of the trials on stderr.
    """
    from editiondiff.diff.editions import editions_to_diff
    from editiondiff.diff.settings import DEFAULT_SETTINGS

    settings = settings or DEFAULT_SETTINGS
    if layouts:
        return _score_layout_trials(trials=trials, seed=seed, pdf_every=pdf_every or 1, thresholds=thresholds, settings=settings,
                                    profile=profile, progress=progress, layouts=list(layouts), skipped=dict(skipped or {}), keep=keep)

    started = time.perf_counter()
    base = base_edition()
    totals = _Totals(thresholds)
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
                totals.add(t, score_changes(diff.changes, perturbation.expected), "pdf" if use_pdf else "text")
    return ScoringRun(trials, seed, totals.by_threshold, totals.slips, pdf_trials, time.perf_counter() - started, totals.misses,
                      totals.by_path, profile, through_text)


def _layout_jobs(styles: list[Style], index: int) -> list[Style]:
    """The layouts the `index`-th PDF trial is typeset in: one per producer, each producer's layouts in turn."""
    by_producer: dict[str, list[Style]] = defaultdict(list)
    for style in styles:
        by_producer[style.producer].append(style)
    return [own[index % len(own)] for own in by_producer.values()]


def _file_stem(edition: Edition, style: Style | None) -> str:
    """A file name that says what the file is: a fictitious edition, re-typeset in one layout."""
    stem = edition.id if "fictitious" in edition.id else f"{edition.id}-fictitious"
    return f"{stem}_retypeset_{style.name}" if style else f"{stem}_text"


def _score_layout_trials(*, trials: int, seed: int, pdf_every: int, thresholds: tuple[float, ...], settings, profile: str, progress: bool,
                         layouts: list[Style], skipped: dict[str, str], keep: Path | None) -> ScoringRun:
    from editiondiff.diff.editions import editions_to_diff
    from editiondiff.errors import EditionDiffError
    from tqdm import tqdm

    from .layouts.build import build_layouts, face_substitute

    started = time.perf_counter()
    base = base_edition()
    totals = _Totals(thresholds)
    by_reading = {t: defaultdict(lambda: defaultdict(Tally)) for t in thresholds}
    reading_misses = {t: defaultdict(Counter) for t in thresholds}
    first_seeds = {t: defaultdict(dict) for t in thresholds}
    failures: dict[str, list[tuple[int, str]]] = defaultdict(list)
    pdf_trials = 0
    fictitious_base = base.model_copy(update={"id": f"{base.id}-fictitious-base", "fictitious": True})

    def tally(reading: str, old: Edition | None, new: Edition | None, perturbation, *, counted: bool) -> None:
        seed_of = perturbation.seed
        for t in thresholds:
            if old is None or new is None:  # the reading failed: every expected change is missed
                score = score_changes([], perturbation.expected)
            else:
                score = score_changes(editions_to_diff(old, new, threshold=t, settings=settings).changes, perturbation.expected)
            for kind, kind_tally in score.by_kind.items():
                by_reading[t][reading][kind].add(kind_tally)
            reading_misses[t][reading].update(score.misses)
            for miss in score.misses:
                first_seeds[t][reading].setdefault(miss, seed_of)
            if counted:
                totals.add(t, score, "text" if reading == "text" else "pdf")

    def read(path: Path, edition: Edition, reading: str, trial_seed: int) -> Edition | None:
        try:
            return read_back(path, edition)
        except EditionDiffError as exc:
            failures[reading].append((trial_seed, exc.line()))
            return None

    with tempfile.TemporaryDirectory(prefix="editiondiff-fictitious-") as tmp:
        workdir = keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        old_text = edition_roundtrip(fictitious_base, workdir, _file_stem(fictitious_base, None))
        schedule = {}  # trial -> the layouts it is typeset in
        for trial in range(0, trials, pdf_every):
            schedule[trial] = _layout_jobs(layouts, pdf_trials)
            pdf_trials += 1
        used = [style for style in layouts if any(style in styles for styles in schedule.values())]
        layouts = used
        # The base is typeset once per layout used, in the first batch (one producer start less).
        base_jobs = [(fictitious_base, style, workdir / f"{_file_stem(fictitious_base, style)}.pdf") for style in used]
        old: dict[str, Edition | None] = {}
        bar = tqdm(total=trials, desc=f"{profile} trials", unit="trial", disable=not progress, file=sys.stderr, leave=False)
        for start in range(0, trials, BATCH * pdf_every):
            chunk = []
            for trial in range(start, min(trials, start + BATCH * pdf_every)):
                chunk.append((trial, perturb_edition(base, seed + trial, profile=profile), schedule.get(trial, [])))
            jobs = [(p.edition, style, workdir / f"{_file_stem(p.edition, style)}.pdf") for _trial, p, styles in chunk for style in styles]
            paths = iter(build_layouts(base_jobs + jobs))
            for _edition, style, _out in base_jobs:
                old[style.name] = read(next(paths), fictitious_base, style.name, -1)
            base_jobs = []
            for trial, perturbation, styles in chunk:
                edition = perturbation.edition
                try:
                    new = edition_roundtrip(edition, workdir, _file_stem(edition, None))
                except EditionDiffError as exc:
                    failures["text"].append((seed + trial, exc.line()))
                    new = None
                tally("text", old_text, new, perturbation, counted=not styles)
                for style in styles:
                    path = next(paths)
                    tally(style.name, old[style.name], read(path, edition, style.name, seed + trial), perturbation, counted=True)
                    if keep is None:
                        path.unlink()
                bar.update(1)
        bar.close()
    return ScoringRun(trials, seed, totals.by_threshold, totals.slips, pdf_trials, time.perf_counter() - started, totals.misses,
                      totals.by_path, profile, True,
                      layouts=layouts, by_reading=by_reading, reading_misses=reading_misses, skipped=skipped, failures=dict(failures),
                      first_seeds=first_seeds, substitutes={s.name: face for s in layouts if (face := face_substitute(s))})


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
        + (f"; {run.pdf_trials} of them via PDF, " + (f"each typeset by {len(set(s.producer for s in run.layouts))} producers in {len(run.layouts)} layouts" if run.layouts
           else f"engines {' and '.join(PDF_ENGINES)} in turn") if run.pdf_trials else "") + f"; {run.seconds:.1f} s",
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
    if run.pdf_trials and not run.layouts:
        for path, label in (("text", f"{run.trials - run.pdf_trials} trials read back from text"), ("pdf", f"{run.pdf_trials} trials read back from PDF")):
            t = run.by_path[path][default]
            lines.append(f"  {label}: precision {t.precision:.4f}, recall {t.recall:.4f}, F1 {t.f1:.4f} ({t.fp} FP, {t.fn} FN)")
    n, exact = run.slips[default]
    if n:
        lines.append(f"deadline slips in months equal to the generated shift: {exact}/{n}")
    if run.layouts or run.skipped:
        lines += format_producers(run, default)
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


def _row(name: str, t: Tally, *extra: str) -> str:
    cells = "".join(f" {e:>11}" for e in extra)
    return f"{name:28}{cells} {t.tp + t.fn:>8} {t.tp:>6} {t.fp:>5} {t.fn:>5} {t.precision:>9.4f} {t.recall:>7.4f} {t.f1:>6.4f}"


def _header(name: str, *extra: str) -> str:
    cells = "".join(f" {e:>11}" for e in extra)
    return f"{name:28}{cells} {'expected':>8} {'TP':>6} {'FP':>5} {'FN':>5} {'precision':>9} {'recall':>7} {'F1':>6}"


def format_producers(run: ScoringRun, default: float) -> list[str]:
    """Per producer, per layout, and per change kind and producer, at the `default` threshold; skipped producers and failed readings."""
    readings = run.by_reading.get(default, {})
    producers = list(dict.fromkeys(s.producer for s in run.layouts))
    layouts_of = {p: [s.name for s in run.layouts if s.producer == p] for p in producers}
    per_producer = {p: defaultdict(Tally) for p in producers}
    for style in run.layouts:
        for kind, t in readings.get(style.name, {}).items():
            per_producer[style.producer][kind].add(t)
    lines = ["", f"Per producer at the default threshold {default:.2f} (each PDF trial typeset once by every producer, its layouts in turn; "
                 "the text row reads every trial back from its text):", "", _header("producer", "layouts", "readings")]
    lines.append(_row("text (reference)", _total(readings.get("text", {})), "", str(run.trials)))
    for producer in producers:
        lines.append(_row(producer, _total(per_producer[producer]), str(len(layouts_of[producer])), str(run.pdf_trials)))
    for producer, why in run.skipped.items():
        lines.append(f"{producer:28} skipped: {why}")
    low = [f"{p} {_total(per_producer[p]).f1:.4f}" for p in producers if _total(per_producer[p]).f1 < TARGET_F1]
    lines.append(f"target F1 >= {TARGET_F1} in each producer: " + (f"below it, {', '.join(low)}" if low else "met by every producer"))
    if len(run.layouts) > len(producers):
        lines += ["", "Per layout:", "", _header("layout", "producer", "readings")]
        for style in run.layouts:
            own = layouts_of[style.producer]
            count = run.pdf_trials // len(own) + (own.index(style.name) < run.pdf_trials % len(own))
            lines.append(_row(style.name, _total(readings.get(style.name, {})), style.producer, str(count)))
    for name, face in run.substitutes.items():
        font = next(s.font for s in run.layouts if s.name == name)
        lines.append(f"  {name}: its face {font!r} is not installed here; the producer printed it in {face!r}")
    columns = {"text": readings.get("text", {}), **per_producer}
    kinds = [k for k in KINDS if any(k in tallies for tallies in columns.values())]
    lines += ["", "F1 per change kind and producer, then FP/FN ('-': not generated):", "",
              f"{'kind':26}" + "".join(f" {c[:14]:>14}" for c in columns)]
    for kind in kinds:
        cells = []
        for tallies in columns.values():
            t = tallies.get(kind)
            cells.append(f" {'-':>14}" if t is None or t.tp + t.fp + t.fn == 0 else f" {t.f1:.3f} {t.fp:>3}/{t.fn:<3}".rjust(15))
        lines.append(f"{kind:26}" + "".join(cells))
    errors = run.reading_misses.get(default, {})
    for column in columns:
        names = layouts_of.get(column, ["text"])
        counted: Counter = Counter()
        where: dict[str, Counter] = defaultdict(Counter)
        for name in names:
            for miss, n in errors.get(name, Counter()).items():
                counted[miss] += n
                where[miss][name] += n
        if counted:
            lines += ["", f"Most frequent errors, {column}:"]
            seeds = run.first_seeds.get(default, {})
            for miss, n in counted.most_common(6):
                spread = [f"{name} {k}" for name, k in where[miss].most_common()] if len(names) > 1 else []
                first = min((seeds.get(name, {}).get(miss) for name in names if miss in seeds.get(name, {})), default=None)
                spread += [f"first seed {first}"] if first is not None else []
                lines.append(f"  {n:>4} × {miss}  ({', '.join(spread)})")
    for reading, failed in run.failures.items():
        lines.append(f"\n{reading}: {len(failed)} readings failed (their expected changes count as missed); first, seed {failed[0][0]}: {failed[0][1]}")
    return lines


def run_scoring(*, trials: int, seed: int, pdf_every: int, profile: str = "default", progress: bool = False,
                producers: list[str] | None = None, layouts: list[str] | None = None, keep: Path | None = None) -> str:
    """What `python -m evaluation score` prints."""
    from editiondiff.diff.settings import DEFAULT_SETTINGS

    chosen, skipped = select_layouts(producers, layouts)
    if (producers or layouts) and not chosen:
        return "".join(f"{producer}: skipped, {why}\n" for producer, why in skipped)
    run = score_trials(trials=trials, seed=seed, pdf_every=pdf_every, profile=profile, progress=progress, layouts=chosen, skipped=skipped, keep=keep)
    return format_run(run, DEFAULT_SETTINGS.threshold)
