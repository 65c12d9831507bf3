"""The whole pipeline as plain functions: what the CLI calls, and what programs can call too.

    build_edition(paths, settings=…)  sources -> Edition  (extract, normalise, audit)
    build_corpus(manifest)         the manifest's editions -> [Edition]
    compare(old, new, settings=)   Edition, Edition -> Diff  (settings: diff.settings.DiffSettings)

Heavy libraries (PyMuPDF, pdfplumber, spaCy) are imported inside the stages
that use them, so that a command pays only for what it touches.

Settings: `BuildSettings` holds one settings object per stage (`reader`,
`structure`, `normalize`, `audit`), each with named defaults, checked when made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .diff.settings import DEFAULT_SETTINGS as DEFAULT_DIFF_SETTINGS, DiffSettings
from .limits import Deadline, read_regular_file, time_bound
from .schemas import Edition
from .profiles import Profile
from .settings import DEFAULT_SETTINGS, AuditSettings, BuildSettings, NormalizeSettings, ReaderSettings, StructureSettings

if TYPE_CHECKING:  # the diff models cost 0.1 s to build; `extract` never needs them
    from .schemas.diff import Diff

__all__ = [
    "AuditSettings",
    "BuildSettings",
    "DiffSettings",
    "NormalizeSettings",
    "ReaderSettings",
    "StructureSettings",
    "build_corpus",
    "build_edition",
    "compare",
    "deadline_counts",
    "load_edition",
]

DEFAULT_MANIFEST = Path(__file__).resolve().parent / "corpus" / "manifest.toml"


def build_edition(
    paths: list[Path],
    edition_id: str | None = None,
    *,
    manifest: Path | None = DEFAULT_MANIFEST,
    settings: BuildSettings = DEFAULT_SETTINGS,
    profile: Profile | None = None,
) -> Edition:
    """Read the sources of one edition, build it, normalise its values and audit it (each stage with its settings).

    `profile`: what is known of this family of roadmaps (`editiondiff.profiles`), used as hints only;
    the bundled TECH.GOUV profile when None.
    """
    from .audit import audit_edition
    from .extract.pipeline import collector_paused, extract_edition
    from .normalize import normalize_edition
    from .profiles import load_profile

    profile = profile or load_profile()
    deadline = Deadline(settings.reader.limits.max_seconds, paths[0] if paths else None, "to build the edition")
    # every stage, not the readers alone: a huge text is slow in all of them; the collector finds no
    # garbage among the objects the stages build (`extract.pipeline.collector_paused`)
    with time_bound(deadline), collector_paused():
        edition = extract_edition(paths, edition_id=edition_id, manifest=manifest, settings=settings, profile=profile)
        deadline.check(" (after extraction)")
        edition = normalize_edition(edition, settings=settings.normalize, profile=profile)
        deadline.check(" (after normalisation)")
        return audit_edition(edition, settings.audit)


def build_corpus(
    manifest: Path = DEFAULT_MANIFEST, *, only: list[str] | None = None, settings: BuildSettings = DEFAULT_SETTINGS, profile: Profile | None = None
) -> list[Edition]:
    """Every edition the manifest declares, oldest first."""
    from .extract.manifest import load_manifest

    editions = []
    for entry in load_manifest(manifest).editions:
        if only and entry.id not in only:
            continue
        editions.append(build_edition([manifest.parent / s.path for s in entry.sources], entry.id, manifest=manifest, settings=settings, profile=profile))
    return editions


def compare(old: Edition, new: Edition, *, settings: DiffSettings = DEFAULT_DIFF_SETTINGS, concordance: Path | None = None) -> Diff:
    """What changed from `old` to `new`, under `settings` (thresholds and weights, with named defaults).

    `concordance`: a TOML file of old code -> new code pairs with their sources (`editiondiff.diff.concordance`),
    weighed like the editions' own statements.
    """
    from .diff import editions_to_diff

    if concordance is not None:
        from .diff.concordance import load_concordance, with_concordance

        new = with_concordance(old, new, *load_concordance(concordance))
    return editions_to_diff(old, new, settings=settings)


def read_json(path: Path, *, settings: BuildSettings = DEFAULT_SETTINGS) -> object:
    """A JSON file the tool wrote (edition, diff), read within the reader limits: bytes, nesting, strict numbers."""
    from .schemas.registry import load_json

    limits = settings.reader.limits
    return load_json(path, read_regular_file(path, limits, json_file=True), max_depth=limits.max_depth)


def load_edition(path: Path, *, settings: BuildSettings = DEFAULT_SETTINGS) -> Edition:
    """An Edition from an extracted JSON file (validated) or from a source document."""
    from .errors import InputError
    from .schemas.registry import load_json, validation_errors

    limits = settings.reader.limits
    data = read_regular_file(path, limits, json_file=True)
    if data.lstrip()[:1] == b"{":
        document = load_json(path, data, max_depth=limits.max_depth)
        errors = validation_errors("edition", document)
        if errors:
            raise InputError(path, f"not a valid edition JSON: {errors[0]}")
        return Edition.model_validate(document)
    return build_edition([path], settings=settings)


def deadline_counts(edition: Edition) -> tuple[int, int]:
    """(deadline phrases, of which unparsed) over the edition's actions and steps."""
    deadlines = [d for a in edition.actions for d in a.deadlines]
    deadlines += [s.deadline for a in edition.actions for s in a.steps if s.deadline is not None]
    return len(deadlines), sum(1 for d in deadlines if d.kind == "unparsed")
