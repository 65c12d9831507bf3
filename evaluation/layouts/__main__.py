"""`python -m evaluation.layouts build|score`: rebuild or score the layout family."""

from __future__ import annotations

import hashlib
from pathlib import Path

import click

from .score import FAMILY_DIR


@click.group()
def main() -> None:
    """The layout family of the mid-2020 edition."""


@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=FAMILY_DIR, show_default=True)
@click.argument("names", nargs=-1)
def build(out_dir: Path, names: tuple[str, ...]) -> None:
    """Rebuild the PDFs of the family (all, or the NAMES given) and rewrite SHA256SUMS."""
    from .build import build_family

    for style, path, missing in build_family(out_dir, list(names) or None):
        click.echo(f"{style.name}: {'skipped, ' + missing if missing else path}")
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in sorted(out_dir.glob("*.pdf"))]
    (out_dir / "SHA256SUMS").write_text("\n".join(lines) + "\n")


@main.command()
@click.option("--dir", "folder", type=click.Path(path_type=Path), default=FAMILY_DIR, show_default=True)
@click.option("--wrong", type=int, default=0, help="Also print the first N differing fields of each layout.")
def score(folder: Path, wrong: int) -> None:
    """One row per layout: the share of fields equal to the text path of the same edition."""
    from .score import format_table, score_family

    click.echo(format_table(score_family(folder), wrong=wrong))


if __name__ == "__main__":
    main()
