"""Sources -> SourceDocuments -> one Edition: the extraction stage.

    read_source(path)                      one file -> SourceDocument (format from content)
    extract_edition(paths, settings=…)     the files of one edition -> Edition (not yet normalised or audited)

The edition's identity (id, label, period, publication date) and each
source's role come from the corpus manifest when the file is listed there
(matched by sha256, then by path); otherwise they are inferred from the text
("édition actualisée mi-2020", "feuille de route 2019-2022").
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, NoRoadmapFound
from ..limits import Deadline, read_regular_file, time_bound
from ..schemas.blocks import SourceDocument
from ..schemas.edition import Edition, SourceRef
from .detect import decode_text, detect_format
from .manifest import Manifest, ManifestEdition, load_manifest
from .structure import blocks_to_edition


if TYPE_CHECKING:
    from ..profiles import Profile
    from ..settings import BuildSettings, ReaderSettings


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused for the block, then restored as it was.

    Extraction builds hundreds of thousands of small objects that live until the edition is
    made (span dicts, lines, blocks) and are freed by reference counting: the collector's
    passes over them find no garbage, and they took about a sixth of the time of a PDF's
    extraction (`benchmarks/bench_pdf.py`). A nested or concurrent pause leaves the
    collector to the outermost one; any cyclic garbage is collected once it runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_source(path: Path, source_id: str | None = None, *, reader: ReaderSettings | None = None) -> SourceDocument:
    """One source file as a block stream; the format is detected from the content."""
    from ..settings import ReaderSettings

    path = Path(path)
    reader = reader or ReaderSettings()
    return _bytes_to_document(path, read_regular_file(path, reader.limits), source_id or path.stem, reader)


def _bytes_to_document(path: Path, data: bytes, source: str, reader: ReaderSettings, sha256: str | None = None) -> SourceDocument:
    """The reader the content needs, within the time bound (`reader.limits.max_seconds`, every format).

    `sha256`: the digest of `data` when the caller has it already."""
    limits = reader.limits
    deadline = Deadline(limits.max_seconds, path)
    with time_bound(deadline):
        kind = detect_format(path, data)
        if kind == "pdf":
            from .pdf import read_pdf

            return read_pdf(path, source, limits=reader.pdf_limits(), layout=reader.layout, data=data)
        text = decode_text(path, data)
        sha256 = sha256 or hashlib.sha256(data).hexdigest()
        if kind == "markdown":
            from .markdown import markdown_to_document

            return markdown_to_document(path, text, source, sha256, limits=limits, deadline=deadline)
        from .text import text_to_document

        return text_to_document(path, text, source, sha256, deadline=deadline)


_EDITION_PHRASE = re.compile(r"édition actualisée\s+(mi-\d{4}|fin\s+\d{4}|\d{4})", re.IGNORECASE)
_PERIOD = re.compile(r"feuille de route\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)


def _infer_identity(documents: list[SourceDocument]) -> tuple[str | None, str | None, str | None]:
    """(edition id, label, period) read from the text of the documents."""
    edition_id = period = None
    for document in documents:
        texts = [str(v) for v in document.front_matter.values() if isinstance(v, str)] + [b.text for b in document.blocks]
        for text in texts:
            if edition_id is None and (m := _EDITION_PHRASE.search(text)):
                edition_id = re.sub(r"\s+", "-", m.group(1).lower())
            if period is None and (m := _PERIOD.search(text)):
                period = f"{m.group(1)}-{m.group(2)}"
    if edition_id is None and period is not None:
        edition_id = period.split("-")[0]
    label = None
    if period:
        label = f"Stratégie et feuille de route {period}"
        if edition_id and not edition_id.isdigit():
            label += f", édition actualisée {edition_id}"
    return edition_id, label, period


_FICTITIOUS = re.compile(r"\b(?:éditions? fictives?|fictitious)\b", re.IGNORECASE)


def _is_fictitious(paths: list[Path], documents: list[SourceDocument]) -> bool:
    """A generated test edition says so on its cover, in its PDF metadata or in its file name."""
    if any(_FICTITIOUS.search(Path(p).name) for p in paths):
        return True
    for document in documents:
        if document.producer and _FICTITIOUS.search(document.producer):
            return True
        if any(_FICTITIOUS.search(b.text) for b in document.blocks[:60]):
            return True
    return False


def _require_roadmap_structure(path: Path, edition: Edition, profile: Profile | None, *, names_a_roadmap: bool) -> None:
    """NoRoadmapFound (exit 3) unless the document holds an action card or a mission structure (sections,
    chart groups, mission lists), or holds roadmap claims: counts or enjeux in a document that names itself
    a roadmap edition ("feuille de route 2019-2022", "édition actualisée mi-2021": a publication page).

    Count sentences alone ("le plan compte 14 actions", "quatre axes prioritaires") and numbered
    items alone do not make a roadmap: any action plan counts its measures. The line says what was looked for.
    """
    if edition.actions or edition.missions or ((edition.claims or edition.enjeux) and names_a_roadmap):
        return
    from ..profiles import load_profile

    profile = profile or load_profile()
    card = profile.cards.keywords[0] if profile.cards.keywords else "ACTION"
    objective = profile.missions.objective_keywords[0] if profile.missions.objective_keywords else "OBJECTIF"
    found = []
    if edition.claims:
        found.append(f"{len(edition.claims)} count sentences alone")
    if edition.enjeux:
        found.append(f"{len(edition.enjeux)} numbered items alone")
    which = f" ({' and '.join(found)}, which are not a roadmap)" if found else ""
    raise NoRoadmapFound(
        path,
        f"looked for action cards ('{card} XY 1 → title'), mission sections (a code word then '{objective} :'), "
        f"overview chart groups and mission lists, found none{which}: no roadmap structure found",
    )


def extract_edition(
    paths: list[Path],
    edition_id: str | None = None,
    manifest: Path | None = None,
    *,
    settings: BuildSettings | None = None,
    profile: Profile | None = None,
) -> Edition:
    """One Edition from the sources of one edition (several sources merge; the first wins on conflicts).

    `settings`: the reader and structure fields of the build settings are used here. `profile`: hints
    about this family of roadmaps (the bundled TECH.GOUV profile by default).
    """
    with collector_paused():
        return _extract_edition(paths, edition_id, manifest, settings=settings, profile=profile)


def _extract_edition(
    paths: list[Path], edition_id: str | None, manifest: Path | None, *, settings: BuildSettings | None, profile: Profile | None
) -> Edition:
    from ..settings import DEFAULT_SETTINGS

    settings = settings or DEFAULT_SETTINGS
    if not paths:
        raise InputError(None, "no source given")
    loaded: Manifest | None = load_manifest(manifest) if manifest is not None and Path(manifest).is_file() else None
    documents: list[SourceDocument] = []
    refs: list[SourceRef] = []
    listed_in: dict[str, ManifestEdition] = {}
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        data = read_regular_file(path, settings.reader.limits)
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in seen:
            continue  # the same file given twice
        seen.add(sha256)
        found = loaded.find_source(path, sha256) if loaded else None
        document = _bytes_to_document(path, data, found[1].id if found else path.stem, settings.reader, sha256)
        documents.append(document)
        if found:
            edition_entry, source = found
            listed_in.setdefault(edition_entry.id, edition_entry)
            refs.append(
                SourceRef(
                    id=source.id,
                    path=source.path,
                    role=source.role,
                    format=document.format,
                    sha256=sha256,
                    published=source.published,
                    url=source.url,
                    retypeset=source.retypeset,
                )
            )
        else:
            refs.append(SourceRef(id=document.source, path=str(path), format=document.format, sha256=sha256))

    if edition_id is None and len(listed_in) > 1:
        raise InputError(paths[0], f"the sources belong to different editions of the manifest ({', '.join(listed_in)}); give --edition or extract them apart")
    entry_edition = next(iter(listed_in.values()), None)
    if edition_id and loaded and (named := next((e for e in loaded.editions if e.id == edition_id), None)):
        entry_edition = named
    inferred_id, inferred_label, inferred_period = _infer_identity(documents)
    final_id = edition_id or (entry_edition.id if entry_edition else None) or inferred_id or Path(paths[0]).stem
    if entry_edition is not None and entry_edition.id == final_id:
        label, period, published = entry_edition.label, entry_edition.period, entry_edition.published
    else:
        label, period, published = inferred_label or f"Édition {final_id}", inferred_period, None
    if published is None:
        dates = [r.published for r in refs if r.published]
        published = min(dates) if dates else None
    # A generated edition is never presented as the publication it was derived from.
    fictitious = not listed_in and _is_fictitious(paths, documents)
    if fictitious:
        if edition_id is None:
            final_id = f"{final_id}-fictitious" if not final_id.endswith("fictitious") and "fictitious" not in final_id else final_id
        label = f"ÉDITION FICTIVE (jamais publiée), dérivée de : {label}"

    edition = blocks_to_edition(
        documents,
        edition_id=final_id,
        label=label,
        period=period,
        published=published if isinstance(published, dt.date) else None,
        sources=refs,
        settings=settings.structure,
        profile=profile,
    )
    _require_roadmap_structure(paths[0], edition, profile, names_a_roadmap=inferred_id is not None or inferred_period is not None)
    return edition.model_copy(update={"fictitious": True}) if fictitious else edition
