"""The whole pipeline as plain functions: what the CLI calls, and what programs can call too.

    build_edition(paths)           sources -> Edition  (extract, normalise, audit)
    build_corpus(manifest)         the manifest's editions -> [Edition]
    compare(old, new)              Edition, Edition -> Diff

Heavy libraries (PyMuPDF, pdfplumber, spaCy) are imported inside the stages
that use them, so that a command pays only for what it touches.
"""

from __future__ import annotations

from pathlib import Path

from .limits import DEFAULT_LIMITS, ReadLimits, read_regular_file
from .schemas import Edition
from .schemas.diff import Diff

DEFAULT_MANIFEST = Path(__file__).resolve().parent / "corpus" / "manifest.toml"


def build_edition(
    paths: list[Path], edition_id: str | None = None, *, manifest: Path | None = DEFAULT_MANIFEST, limits: ReadLimits = DEFAULT_LIMITS
) -> Edition:
    """Read the sources of one edition, build it, normalise its values and audit it (within `limits`)."""
    from .extract.audit import audit_edition
    from .extract.pipeline import extract_edition
    from .normalize import normalize_edition

    edition = extract_edition(paths, edition_id=edition_id, manifest=manifest, limits=limits)
    edition = normalize_edition(edition)
    return audit_edition(edition)


def build_corpus(manifest: Path = DEFAULT_MANIFEST, *, only: list[str] | None = None, limits: ReadLimits = DEFAULT_LIMITS) -> list[Edition]:
    """Every edition the manifest declares, oldest first."""
    from .extract.manifest import load_manifest

    editions = []
    for entry in load_manifest(manifest).editions:
        if only and entry.id not in only:
            continue
        editions.append(build_edition([manifest.parent / s.path for s in entry.sources], entry.id, manifest=manifest, limits=limits))
    return editions


def compare(old: Edition, new: Edition, *, threshold: float | None = None) -> Diff:
    """What changed from `old` to `new`."""
    from .diff import editions_to_diff

    return editions_to_diff(old, new, threshold=threshold)


def read_json(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> object:
    """A JSON file the tool wrote (edition, diff), read within the limits: bytes, nesting, strict numbers."""
    from .schemas.registry import load_json

    return load_json(path, read_regular_file(path, limits, json_file=True), max_depth=limits.max_depth)


def load_edition(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> Edition:
    """An Edition from an extracted JSON file (validated) or from a source document."""
    from .errors import InputError
    from .schemas.registry import validation_errors

    data = read_regular_file(path, limits, json_file=True)
    if data.lstrip()[:1] == b"{":
        from .schemas.registry import load_json

        document = load_json(path, data, max_depth=limits.max_depth)
        errors = validation_errors("edition", document)
        if errors:
            raise InputError(path, f"not a valid edition JSON: {errors[0]}")
        return Edition.model_validate(document)
    return build_edition([path], limits=limits)


def deadline_counts(edition: Edition) -> tuple[int, int]:
    """(deadline phrases, of which unparsed) over the edition's actions and steps."""
    deadlines = [d for a in edition.actions for d in a.deadlines]
    deadlines += [s.deadline for a in edition.actions for s in a.steps if s.deadline is not None]
    return len(deadlines), sum(1 for d in deadlines if d.kind == "unparsed")
