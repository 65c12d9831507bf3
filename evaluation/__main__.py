"""`python -m evaluation`: the developer's commands over the test harness (not the user's `editiondiff`).

    python -m evaluation score [--trials N] [--seed S] [--pdf-every K] [--profile default|hard|vocabulary]
                               [--producers pymupdf,reportlab,chromium,libreoffice] [--layouts all|NAME,...] [--keep DIR]
    python -m evaluation corpus-build [--manifest corpus/manifest.toml]

Errors are reported like the user's CLI: one line, its documented exit code.
"""

from __future__ import annotations

from pathlib import Path

import click

from editiondiff.cli import _one_line_errors

from .perturb import PROFILES


def _names(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    """A comma-separated list of producers or layouts of the family, checked before the command runs."""
    from .score import check_names

    if not value:
        return None
    names = [n.strip() for n in value.split(",") if n.strip()]
    try:
        check_names(**{param.name: names})
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    return names


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Measure editiondiff on perturbed editions, and rebuild the re-typeset corpus PDFs."""


@main.command()
@click.option("--trials", type=int, default=200, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--pdf-every", type=int, default=0, help="Also re-render every Nth trial as PDF and extract it (0: never).")
@click.option("--profile", type=click.Choice(list(PROFILES)), default="default", show_default=True,
              help="Perturbations: mild edits (default), paraphrased, stacked, swapped and look-alike edits (hard), or "
                   "missions, prefixes, separators, owners and status words never seen (vocabulary).")
@click.option("--producers", callback=_names, help="Typeset each PDF trial in every one of these producers (comma-separated: "
                                    "pymupdf, reportlab, chromium, libreoffice), each producer's layouts of the family in turn; "
                                    "with --pdf-every 0, every trial.")
@click.option("--layouts", callback=_names, help="The layouts of the family to use (comma-separated names, or 'all'); alone, their producers.")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), help="With --producers or --layouts: keep the typeset files in this folder.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar on stderr.")
@_one_line_errors
def score(trials: int, seed: int, pdf_every: int, profile: str, producers: list[str] | None, layouts: list[str] | None, keep: Path | None,
          quiet: bool) -> None:
    """Measure the diff on seeded perturbations: precision, recall and F1 per change kind and threshold
    (and per producer and layout, with --producers or --layouts)."""
    from .score import run_scoring

    click.echo(run_scoring(trials=trials, seed=seed, pdf_every=pdf_every, profile=profile, progress=not quiet, keep=keep,
                           producers=producers, layouts=layouts), nl=False)


@main.command("corpus-build")
@click.option("--manifest", type=click.Path(path_type=Path), help="Corpus manifest (default: the bundled corpus).")
@_one_line_errors
def corpus_build(manifest: Path | None) -> None:
    """Re-typeset the editions into PDFs under corpus/pdf (deterministic) and record their sha256."""
    from editiondiff.pipeline import DEFAULT_MANIFEST

    from .corpus_build import build_corpus_pdfs

    for line in build_corpus_pdfs(manifest or DEFAULT_MANIFEST):
        click.echo(line)


if __name__ == "__main__":
    main()
