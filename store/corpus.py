"""The bundled corpus and the store: ingesting it (the main job), and adding a file to it.

    ingest_corpus(store, manifest, editions)     every source the manifest lists -> the store (reusing what `run` built)
    add_to_corpus(manifest, file, edition_id)    copy a file under sources/ and declare it, with its sha256, in the manifest

The manifest is rewritten with tomlkit, which keeps its comments and layout:
nobody computes a sha256 by hand any more.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from ..schemas import Edition


def ingest_corpus(store, manifest: Path, editions: list[Edition] | None = None) -> str:
    """Ingest every edition of the manifest; `editions` (built from the same manifest) are reused, not extracted again."""
    from ..extract.manifest import load_manifest

    loaded = load_manifest(manifest)
    built = {e.id: e for e in editions or []}
    outcomes = []
    for entry in loaded.editions:
        paths = [loaded.resolve(s) for s in entry.sources]
        prebuilt = {}
        if entry.id in built:
            prebuilt[tuple(s.sha256 for s in built[entry.id].sources)] = built[entry.id]
        outcomes += store.ingest(paths, edition=entry.id, manifest=manifest, prebuilt=prebuilt)
    added = sum(1 for o in outcomes if o.status == "added")
    return (f"store {store.path}: {added} source{'' if added == 1 else 's'} added, {len(outcomes) - added} already stored; "
            f"{len(store.editions())} editions")


def _next_source_id(sources: list) -> str:
    numbers = [int(s["id"]) for s in sources if str(s.get("id", "")).isdigit()]
    return f"{max(numbers, default=-1) + 1:03d}"


def add_to_corpus(manifest: Path, file: Path, edition_id: str, *, role: str = "other", published: dt.date | None = None,
                  url: str | None = None, label: str | None = None) -> str:
    """Copy `file` into the corpus and declare it in the manifest; refused (one line) when it is no readable source."""
    import tomlkit

    from ..atomic import write_atomic
    from ..extract.manifest import load_manifest
    from ..extract.pipeline import read_source

    file, manifest = Path(file), Path(manifest)
    document = read_source(file)  # refuses what `extract` refuses: missing, empty, binary, unknown format, over a limit
    data = file.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    loaded = load_manifest(manifest)
    found = loaded.find_source(file, sha)
    if found and found[1].sha256 == sha:
        return f"{file}: already in the corpus as source {found[1].id} of edition {found[0].id}; nothing changed"
    doc = tomlkit.parse(manifest.read_text(encoding="utf-8"))
    editions = doc.setdefault("editions", tomlkit.aot())
    all_sources = [s for e in editions for s in list(e.get("sources", [])) + list(e.get("renditions", []))]
    source_id = _next_source_id(all_sources)
    target = Path("sources") / f"{source_id}_{sha[:16]}{file.suffix or '.txt'}"
    entry = next((e for e in editions if e.get("id") == edition_id), None)
    if entry is None:
        entry = tomlkit.table()
        entry["id"] = edition_id
        entry["label"] = label or _extracted_label(file, edition_id)
        editions.append(entry)
    source = tomlkit.table()
    source["id"] = source_id
    source["path"] = target.as_posix()
    source["role"] = role
    source["format"] = document.format
    if published:
        source["published"] = published.isoformat()
    if url:
        source["url"] = url
    source["sha256"] = sha
    if "sources" not in entry:
        entry["sources"] = tomlkit.aot()
    entry["sources"].append(source)
    destination = manifest.parent / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    if not destination.exists():
        write_atomic(destination, data)
    write_atomic(manifest, tomlkit.dumps(doc))
    load_manifest(manifest)  # what was written reads back
    return f"{file}: copied to {destination} and declared as source {source_id} of edition {edition_id} (sha256 {sha})"


def _extracted_label(file: Path, edition_id: str) -> str:
    from ..errors import EditionDiffError
    from ..pipeline import build_edition

    try:
        return build_edition([file], edition_id, manifest=None).label
    except EditionDiffError:
        return f"Édition {edition_id}"


__all__ = ["ingest_corpus", "add_to_corpus"]
