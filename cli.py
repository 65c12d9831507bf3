"""The `editiondiff` command: a thin layer of argument parsing over `editiondiff.pipeline`.

Exit codes: 0 success; 1 a check failed (`validate`, `corpus check`);
2 bad input (unreadable, empty, encrypted, unknown format, over a limit);
3 input read but no roadmap structure found in it;
70 internal error, a bug in editiondiff (sysexits' EX_SOFTWARE; set
EDITIONDIFF_DEBUG=1 for the traceback).

The test harness (scoring on perturbed editions, re-typesetting the corpus
PDFs) is not part of this command: it is `python -m evaluation` in a source
checkout.
"""

from __future__ import annotations

import functools
import gc
import math
import os
import re
import sys
from pathlib import Path

import click

from .errors import EXIT_FAILED, EXIT_INTERNAL, EditionDiffError
from .escape import json_for_terminal, one_line, terminal


def _one_line_errors(command):
    """Report pipeline errors as one line on stderr with their exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except EditionDiffError as exc:
            click.echo(f"editiondiff: {exc.line()}", err=True)
            sys.exit(exc.exit_code)
        except (OSError, UnicodeError) as exc:
            name = getattr(exc, "filename", None)
            click.echo(one_line(f"editiondiff: {str(name) + ': ' if name else ''}{getattr(exc, 'strerror', None) or exc}"), err=True)
            sys.exit(2)
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("EDITIONDIFF_DEBUG"):
                raise
            click.echo(one_line(f"editiondiff: internal error: {type(exc).__name__}: {exc}"), err=True)
            sys.exit(EXIT_INTERNAL)

    return wrapper


class _FiniteFloat(click.FloatRange):
    """A number within a range, NaN and infinities refused: click's FloatRange lets NaN through (it
    compares false with both bounds), and a NaN threshold or time limit would silently match or
    bound nothing."""

    name = "finite float"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


def _limit_options(command):
    """--max-bytes, --max-pdf-bytes, --max-pages, --max-seconds, --max-depth (or their environment
    variables), gathered into the build settings' reader limits, handed to the command as `build`."""
    options = [
        ("--max-bytes", "EDITIONDIFF_MAX_BYTES", int, "Largest markdown/text source, in bytes."),
        ("--max-pdf-bytes", "EDITIONDIFF_MAX_PDF_BYTES", int, "Largest PDF source or JSON file, in bytes."),
        ("--max-pages", "EDITIONDIFF_MAX_PAGES", int, "Most PDF pages."),
        ("--max-seconds", "EDITIONDIFF_MAX_SECONDS", float, "Longest time to read one source, in seconds."),
        ("--max-depth", "EDITIONDIFF_MAX_DEPTH", int, "Deepest nesting of JSON files and YAML front matter."),
    ]

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from .limits import DEFAULT_LIMITS
        from .settings import BuildSettings, ReaderSettings

        values = {name[2:].replace("-", "_"): kwargs.pop(name[2:].replace("-", "_")) for name, *_ in options}
        build = BuildSettings(reader=ReaderSettings(limits=DEFAULT_LIMITS.with_options(**values)))
        return command(*args, build=build, **kwargs)

    for name, envvar, kind, text in reversed(options):
        wrapper = click.option(name, envvar=envvar, type=click.IntRange(min=1) if kind is int else _FiniteFloat(min=0.001),
                               help=f"{text} [env {envvar}]")(wrapper)
    return wrapper


def _write(text: str, output: Path | None, *, json_text: bool = False) -> None:
    """Write to a file atomically (see `atomic.write_atomic`), or to stdout made safe for a terminal."""
    if output is None:
        click.echo(json_for_terminal(text) if json_text else terminal(text), nl=False)
        return
    from .atomic import write_atomic

    write_atomic(output, text)


def _json_text(model, kind: str) -> str:
    """Every JSON the tool writes is first read back as the model it came from.

    The checked-in JSON Schema files are generated from these models (`tests/test_schema.py`
    fails when they drift apart, and the tests validate every kind of output against the
    files), so reading the text back through pydantic checks the same contract in a few
    milliseconds; jsonschema over a whole edition took 0.1-0.3 s and its import 0.1 s. Input
    JSON from elsewhere (`validate`, `diff FILE.json`) is still checked against the files.
    """
    from pydantic import ValidationError

    from .schemas.registry import dump_json

    text = dump_json(model)
    try:
        type(model).model_validate_json(text)
    except ValidationError as exc:
        raise RuntimeError(f"output does not match the {kind} schema: {one_line(str(exc))}") from None
    return text


def _write_json(model, kind: str, output: Path | None) -> None:
    _write(_json_text(model, kind), output, json_text=True)


#: The diff settings users tune, as command-line options: (option, DiffSettings field, help).
_TUNED = (
    ("--threshold", "threshold", "Action match threshold"),
    ("--mission-threshold", "mission_threshold", "Mission match threshold"),
    ("--step-threshold", "step_threshold", "Step match threshold (steps of matched cards)"),
)


def _diff_options(command):
    """The tuned DiffSettings fields as options, handed to the command as one `settings` object."""
    from .diff.settings import DEFAULT_SETTINGS

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from dataclasses import replace

        tuned = {field: kwargs.pop(field) for _, field, _ in _TUNED}
        kwargs["settings"] = replace(DEFAULT_SETTINGS, **{k: v for k, v in tuned.items() if v is not None})
        return command(*args, **kwargs)

    for option, field, text in reversed(_TUNED):
        wrapper = click.option(option, field, type=_FiniteFloat(0.0, 1.0),
                               help=f"{text} (default {getattr(DEFAULT_SETTINGS, field)}).")(wrapper)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="editiondiff")
def main() -> None:
    """Extract the TECH.GOUV roadmap editions into JSON and report what changed between them."""
    # A command is one short process that builds its objects and exits: the collector's default
    # thresholds (a young-generation pass every 700 net allocations) spent 150-240 ms of a 32-page
    # `extract` walking objects made at import (pydantic's schemas, numpy, PyMuPDF), which are never
    # garbage. Collection starts after 200,000 net allocations instead (mypy's setting), so the cyclic
    # garbage of a large input is still collected; `benchmarks/bench_startup.py` measures the process.
    # Restored when the command ends, for programs and tests that invoke it in their own process
    # (`_restore_collector`).
    click.get_current_context().call_on_close(functools.partial(_restore_collector, gc.get_threshold()))
    gc.set_threshold(200_000, 30, 30)


def _restore_collector(thresholds: tuple[int, ...]) -> None:
    """The collector's thresholds as they were, without the pass over every young object that
    setting them back would start at once (some 40 ms at the end of each `extract`): the objects
    go to the oldest generation first, where the collector's usual rules reach them."""
    gc.freeze()
    gc.set_threshold(*thresholds)
    gc.unfreeze()


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the JSON here instead of stdout.")
@click.option("--edition", "edition_id", help="Edition id from the manifest (default: inferred from the sources).")
@click.option("--profile", "profile_path", type=click.Path(path_type=Path), help="Profile TOML of hints (default: the bundled TECH.GOUV profile).")
@_limit_options
@_one_line_errors
def extract(sources: tuple[Path, ...], output: Path | None, edition_id: str | None, profile_path: Path | None, build) -> None:
    """Extract one edition from its SOURCES (markdown, text or PDF; several merge into one edition)."""
    from .pipeline import build_edition, deadline_counts
    from .profiles import load_profile

    edition = build_edition(list(sources), edition_id, settings=build, profile=load_profile(profile_path))
    _write_json(edition, "edition", output)
    total, unparsed = deadline_counts(edition)
    coverage = f"{edition.coverage:.1%}" if edition.coverage is not None else "n/a"
    click.echo(
        terminal(f"{edition.id}: {len(edition.missions)} missions, {len(edition.actions)} actions, "
                 f"{len(edition.findings)} findings; {total} deadline phrases, {unparsed} unparsed; "
                 f"coverage {coverage} of the words ({len(edition.unassigned)} blocks unassigned)"),
        err=True,
    )


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@_limit_options
@_one_line_errors
def validate(file: Path, build) -> None:
    """Check an edition, diff or report JSON FILE against the JSON Schema."""
    from .pipeline import read_json
    from .schemas.registry import validation_errors

    document = read_json(file, settings=build)
    keys = document if isinstance(document, dict) else {}
    kind = "report" if "pairs" in keys and "rules" in keys else ("diff" if "changes" in keys else "edition")
    errors = validation_errors(kind, document)
    if errors:
        for error in errors[:20]:
            click.echo(one_line(f"editiondiff: {file}: {error}"), err=True)
        sys.exit(EXIT_FAILED)
    click.echo(one_line(f"{file}: valid {kind}"))


@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Write the .schema.json files into this folder.")
@_one_line_errors
def schema(out_dir: Path | None) -> None:
    """Print the edition JSON Schema, or write every schema file into --out."""
    from .schemas.registry import schema_text, write_schemas

    if out_dir is None:
        click.echo(schema_text("edition"), nl=False)
        return
    for path in write_schemas(out_dir):
        click.echo(str(path))


def _db_option(command):
    return click.option("--db", "db_path", type=click.Path(path_type=Path),
                        help="The store (default: $EDITIONDIFF_DB, else ./editiondiff.db).")(command)


def _open_store(db_path: Path | None, *, create: bool = True):
    from .store import open_store
    from .store.migrations import NOTICES

    store = open_store(db_path, create=create)
    for notice in NOTICES:
        click.echo(f"editiondiff: {notice}", err=True)
    NOTICES.clear()
    return store


def _date(_ctx, _param, value: str | None):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@main.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True)
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path))
@click.option(
    "--concordance", type=click.Path(path_type=Path), help="TOML file of old code -> new code pairs, each with its source: evidence like a statement."
)
@_diff_options
@_limit_options
@_db_option
@_one_line_errors
def diff(
    old: str, new: str, fmt: str, lang: str, settings, output: Path | None, concordance: Path | None, build, db_path: Path | None
) -> None:
    """Report what changed from edition OLD to edition NEW: files (sources or extracted JSON) or ids of stored editions.

    Two stored editions with others stored between them: what those state about missions is evidence too."""
    from .report.pair import compare_skipping, render_report
    from .pipeline import load_edition

    # A file (missing files say so), else the id of a stored edition.
    files = [Path(arg).exists() or os.sep in arg or bool(Path(arg).suffix) for arg in (old, new)]
    editions, between = [], []
    if all(files):
        editions = [load_edition(Path(arg), settings=build) for arg in (old, new)]
    else:
        with _open_store(db_path, create=False) as store:
            editions = [load_edition(Path(arg), settings=build) if is_file else store.edition(arg) for arg, is_file in zip((old, new), files)]
            if not any(files):
                between = store.between(old, new)
    before, after = editions
    if concordance is not None:
        from .diff.concordance import load_concordance, with_concordance

        after = with_concordance(before, after, *load_concordance(concordance))
    result = compare_skipping(before, after, between, settings=settings)
    if fmt == "json":
        _write_json(result, "diff", output)
    else:
        _write(render_report(result, before, after, fmt=fmt, lang=lang), output)


#: Names `run` writes into its --out folder (the only ones it may replace there).
RUN_OUTPUT = re.compile(r"(?:edition-[^/]+\.json|diff-[^/]+\.(?:json|md))")


def _run_replaceable(name: str) -> bool:
    """What `run` may replace in its folder: its own outputs, and those of `report` (which writes run's too)."""
    from .report.write import REPORT_OUTPUT

    return bool(RUN_OUTPUT.fullmatch(name) or REPORT_OUTPUT.fullmatch(name))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--edition", "edition_id", help="The edition the files belong to (default: detected from their content).")
@click.option("--published", callback=_date, help="Publication date of the edition, YYYY-MM-DD (default: as printed or in the manifest).")
@click.option("--retrieved", callback=_date, help="When the files were retrieved, YYYY-MM-DD (default: today).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no line per file.")
@_limit_options
@_db_option
@_one_line_errors
def ingest(files: tuple[Path, ...], edition_id: str | None, published, retrieved, quiet: bool, db_path: Path | None, build) -> None:
    """Record source FILES in the store: bytes kept once under their sha256, one run per edition change."""
    from tqdm import tqdm

    with _open_store(db_path) as store, tqdm(total=len(files), unit="source", disable=quiet or len(files) < 2, file=sys.stderr, leave=False) as bar:
        def report(outcome) -> None:
            bar.update(1)
            if not quiet:
                bar.write(outcome.line(), file=sys.stderr)

        outcomes = store.ingest(list(files), edition=edition_id, published=published, retrieved=retrieved, on_outcome=report,
                                settings=build)
        editions = len(store.editions())
    added = sum(1 for o in outcomes if o.status == "added")
    if not quiet:
        click.echo(f"{store.path}: {added} source{'' if added == 1 else 's'} added, {len(outcomes) - added} already stored; "
                   f"{editions} editions", err=True)


@main.command()
@click.option("--force", is_flag=True, help="Derive every edition again, even those made by the current extractor.")
@click.option("-q", "--quiet", is_flag=True)
@_limit_options
@_db_option
@_one_line_errors
def reindex(force: bool, quiet: bool, db_path: Path | None, build) -> None:
    """Derive again the editions whose current run was made by another extractor version or other settings (old runs kept)."""
    def report(edition_id: str, run_id: int | None) -> None:
        if not quiet:
            click.echo(f"{edition_id}: " + (f"new run {run_id}" if run_id else "up to date"), err=True)

    with _open_store(db_path, create=False) as store:
        store.reindex(force=force, on_edition=report, settings=build)


@main.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True)
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True, help="Language of the md and csv wording.")
@click.option("-o", "--output", type=click.Path(path_type=Path))
@_db_option
@_one_line_errors
def history(query: str, fmt: str, lang: str, output: Path | None, db_path: Path | None) -> None:
    """One action or mission (a CODE, a TITLE or part of one, or a UID) across every edition in the store."""
    from .store import render_history
    from .store.history import note_text

    with _open_store(db_path, create=False) as store:
        result = store.history(query)
    if not result.lineages:
        click.echo(one_line(f"editiondiff: {note_text(result.notes[0], 'en')}"), err=True)
        sys.exit(EXIT_FAILED)
    _write(render_history(result, fmt, lang), output)


@main.command()
@click.option("--manifest", type=click.Path(path_type=Path), help="Corpus manifest (default: the bundled corpus).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder of outputs, replaced as a whole (old set or new set, never a mix).")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@_diff_options
@_limit_options
@_db_option
@click.option("--no-store", is_flag=True, help="Do not ingest the corpus into the store.")
@_one_line_errors
def run(manifest: Path | None, out_dir: Path, lang: str, settings, build, db_path: Path | None, no_store: bool) -> None:
    """The main job: extract every edition of the corpus, diff consecutive ones, ingest the corpus into the store, print a summary."""
    from .atomic import replaced_folder, write_atomic
    from .report.pair import render_report
    from .pipeline import DEFAULT_MANIFEST, build_corpus, compare, deadline_counts

    editions = build_corpus(manifest or DEFAULT_MANIFEST, settings=build)
    lines: list[str] = []
    with replaced_folder(out_dir, replaceable=_run_replaceable) as staging:
        for edition in editions:
            write_atomic(staging / f"edition-{edition.id}.json", _json_text(edition, "edition"))
            total, unparsed = deadline_counts(edition)
            claims = ", ".join(f"{c.kind} {c.claimed}→{c.extracted if c.extracted is not None else '?'}" for c in edition.claim_checks)
            lines.append(
                f"{edition.id:8} {edition.level:8} {len(edition.missions)} missions, {len(edition.actions):2} actions, "
                f"{len(edition.findings)} findings, {total} deadlines ({unparsed} unparsed); claims: {claims or '-'}"
            )
        for old, new in zip(editions, editions[1:]):
            result = compare(old, new, settings=settings)
            stem = f"diff-{old.id}-{new.id}"
            write_atomic(staging / f"{stem}.json", _json_text(result, "diff"))
            write_atomic(staging / f"{stem}.md", render_report(result, old, new, fmt="md", lang=lang))
            count = len(result.changes)
            lines.append(f"{stem}: {count} change{'' if count == 1 else 's'} -> {out_dir / (stem + '.md')}")
    for line in lines:
        click.echo(terminal(line))
    if not no_store:
        from .store.corpus import ingest_corpus

        with _open_store(db_path) as store:
            click.echo(terminal(ingest_corpus(store, manifest or DEFAULT_MANIFEST, editions)))


@main.command()
@click.option("--manifest", type=click.Path(path_type=Path), help="Corpus manifest (default: the bundled corpus).")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder of report.html, report.md, report.json, the CSV tables and run's per-edition and per-pair files; "
                   "replaced as a whole.")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--excel", is_flag=True, help="CSV for spreadsheets: UTF-8 with BOM, semicolons.")
@click.option("--pair", "pairs", nargs=2, multiple=True, metavar="OLD NEW", help="Also compare these two editions (ids); repeatable.")
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
@_diff_options
@_limit_options
@_db_option
@click.option("--no-store", is_flag=True, help="Report the manifest's editions only, without the store.")
@_one_line_errors
def report(manifest: Path | None, out_dir: Path, lang: str, excel: bool, pairs: tuple[tuple[str, str], ...], quiet: bool,
           settings, build, db_path: Path | None, no_store: bool) -> None:
    """The main job: the corpus ingested into the store, every edition the store holds reported (HTML, MD, JSON, CSV)."""
    from .atomic import replaced_folder, write_atomic
    from .extract.manifest import load_manifest
    from .pipeline import DEFAULT_MANIFEST, build_edition
    from .report.build import editions_to_report
    from .report.pair import render_report
    from .report.write import render_files

    manifest = manifest or DEFAULT_MANIFEST
    entries = load_manifest(manifest).editions
    editions = []
    with click.progressbar(entries, label="editions", file=sys.stderr, hidden=quiet,
                           item_show_func=lambda e: e.id if e else None) as bar:
        for entry in bar:
            editions.append(build_edition([manifest.parent / s.path for s in entry.sources], entry.id, manifest=manifest, settings=build))
    if not no_store:
        from .store.corpus import ingest_corpus

        with _open_store(db_path) as store:
            # Idempotent: sources already stored add nothing; then every edition the store holds, an archivist's too.
            click.echo(terminal(ingest_corpus(store, manifest, editions)), err=True)
            editions = [store.edition(e.id) for e in store.editions() if e.current_run is not None]
    result = editions_to_report(editions, settings=settings, pairs=list(pairs))
    files = render_files(result, editions, lang=lang, excel=excel, root=manifest.parent)
    # The files `run` writes, so that the report's folder is the main job's whole output.
    by_id = {e.id: e for e in editions}
    for edition in editions:
        files[f"edition-{edition.id}.json"] = _json_text(edition, "edition")
    for pair in result.pairs:
        stem = f"diff-{pair.old}-{pair.new}"
        files[f"{stem}.json"] = _json_text(pair.diff, "diff")
        files[f"{stem}.md"] = render_report(pair.diff, by_id[pair.old], by_id[pair.new], fmt="md", lang=lang)
    with replaced_folder(out_dir, replaceable=_run_replaceable) as staging:
        for name in sorted(files):
            write_atomic(staging / name, files[name])
    for pair in result.pairs:
        count = len(pair.diff.changes)
        click.echo(terminal(f"{pair.old} -> {pair.new}: {count} change{'' if count == 1 else 's'}"))
    click.echo(terminal(f"{len(files)} files -> {out_dir / 'report.html'}"))


@main.group()
def corpus() -> None:
    """Check the bundled corpus (sha256 pins of its sources and re-typeset PDFs)."""


@corpus.command("check")
@click.option("--manifest", type=click.Path(path_type=Path), help="Corpus manifest (default: the bundled corpus).")
@_one_line_errors
def corpus_check(manifest: Path | None) -> None:
    """Verify every file of the manifest against its sha256."""
    from .extract.manifest import check_manifest
    from .pipeline import DEFAULT_MANIFEST

    problems = check_manifest(manifest or DEFAULT_MANIFEST)
    for problem in problems:
        click.echo(one_line(f"editiondiff: {problem}"), err=True)
    if problems:
        sys.exit(EXIT_FAILED)
    click.echo("corpus: every file matches its sha256")


@corpus.command("add")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--edition", "edition_id", required=True, help="Edition id (an existing one of the manifest, or a new one).")
@click.option("--role", type=click.Choice(["brochure_text", "brochure_pdf", "publication_page", "editorial", "press_release", "other"]),
              default="other", show_default=True)
@click.option("--published", callback=_date, help="Publication date of the file, YYYY-MM-DD.")
@click.option("--url", help="The URL printed on the document.")
@click.option("--label", help="Label of a new edition (default: as extracted).")
@click.option("--manifest", type=click.Path(path_type=Path), help="Corpus manifest (default: the bundled corpus).")
@_one_line_errors
def corpus_add(file: Path, edition_id: str, role: str, published, url: str | None, label: str | None, manifest: Path | None) -> None:
    """Copy FILE into corpus/sources and declare it, with its sha256, in the manifest."""
    from .pipeline import DEFAULT_MANIFEST
    from .store.corpus import add_to_corpus

    click.echo(add_to_corpus(manifest or DEFAULT_MANIFEST, file, edition_id, role=role, published=published, url=url, label=label))


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--page", "page_number", type=click.IntRange(min=1), default=1, show_default=True, help="Page to draw (1-based).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="PNG file to write.")
@_one_line_errors
def layout(source: Path, page_number: int, output: Path) -> None:
    """Draw what the PDF reader saw on one page: regions, reading order, each block's role (a PNG)."""
    from .errors import InputError
    from .extract.layout.debug import draw_page

    if not source.is_file():
        raise InputError(source, "no such file")
    draw_page(source, page_number, output)
    click.echo(f"{output}: page {page_number} of {source.name}")


if __name__ == "__main__":
    main()
