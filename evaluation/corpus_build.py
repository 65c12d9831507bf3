"""`python -m evaluation corpus-build`: re-typeset the corpus sources into PDFs under corpus/pdf/.

    build_corpus_pdfs(manifest, out_dir=None) -> [one human line per file]

For every edition of the manifest: each brochure text source is typeset as a
brochure by both engines (`<edition>_retypeset_pymupdf.pdf`,
`<edition>_retypeset_reportlab.pdf`); each publication page or press release
is printed as a saved web page (`<edition>_webpage_<source>_retypeset.pdf`).
The files are deterministic; their sha256 are written into the manifest as
the edition's `[[editions.renditions]]` (alternative renderings of the same
edition, never extra sources to merge). With `out_dir`, the PDFs go there and
the manifest is left alone (used by the test that rebuilds and compares).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from editiondiff.atomic import write_atomic
from editiondiff.errors import InputError

PDF_DIR = "pdf"


@dataclass(frozen=True)
class Rendition:
    edition: str
    id: str
    of: str  # the source it was rendered from
    path: str  # relative to the manifest's folder
    engine: str
    role: str
    sha256: str


def plan_renditions(manifest_path: Path) -> list[tuple[str, str, str, str, str]]:
    """(edition id, rendition id, source id, file name, engine) for every PDF to build."""
    from editiondiff.extract.manifest import load_manifest

    manifest = load_manifest(manifest_path)
    plan = []
    for edition in manifest.editions:
        for source in edition.sources:
            if source.role == "brochure_text":
                for engine in ("pymupdf", "reportlab"):
                    plan.append((edition.id, f"{source.id}-{engine}", source.id, f"{edition.id}_retypeset_{engine}.pdf", engine))
            elif source.role in ("publication_page", "press_release"):
                plan.append((edition.id, f"{source.id}-webpage", source.id, f"{edition.id}_webpage_{source.id}_retypeset.pdf", "pymupdf-webpage"))
    return plan


def render_rendition(manifest_path: Path, edition_id: str, source_id: str, engine: str) -> bytes:
    """The PDF bytes of one rendition."""
    from editiondiff.extract.manifest import load_manifest
    from .render.brochure import render_brochure_pdf
    from .render.webpage import render_webpage_pdf

    manifest = load_manifest(manifest_path)
    edition = next(e for e in manifest.editions if e.id == edition_id)
    source = next(s for s in edition.sources if s.id == source_id)
    path = manifest.resolve(source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the source to re-typeset ({exc})") from None
    note = f"re-typeset by editiondiff from source {source.id} ({Path(source.path).name}), not the original publication"
    if engine == "pymupdf-webpage":
        url = source.url or f"source {source.id} ({Path(source.path).name})"
        return render_webpage_pdf(text, url=url, title=edition.label)
    return render_brochure_pdf(text, engine=engine, title=edition.label, retypeset_note=note)  # type: ignore[arg-type]


def build_corpus_pdfs(manifest: Path, out_dir: Path | None = None) -> list[str]:
    """Render every rendition; record their sha256 in the manifest (unless `out_dir` is given)."""
    manifest = Path(manifest)
    target = out_dir if out_dir is not None else manifest.parent / PDF_DIR
    target.mkdir(parents=True, exist_ok=True)
    renditions: list[Rendition] = []
    lines = []
    for edition_id, rendition_id, source_id, name, engine in plan_renditions(manifest):
        data = render_rendition(manifest, edition_id, source_id, engine)
        file = target / name
        write_atomic(file, data)
        digest = hashlib.sha256(data).hexdigest()
        role = "brochure_pdf" if engine in ("pymupdf", "reportlab") else "publication_page"
        renditions.append(Rendition(edition_id, rendition_id, source_id, f"{PDF_DIR}/{name}", engine, role, digest))
        lines.append(f"{file}: {len(data)} bytes, sha256 {digest[:16]}… (edition {edition_id}, from source {source_id}, {engine})")
    if out_dir is None:
        write_renditions(manifest, renditions)
        lines.append(f"{manifest}: renditions updated")
    return lines


_HEADER = re.compile(r"^\s*\[\[?([^\]]+)\]\]?\s*$")


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_renditions(manifest: Path, renditions: list[Rendition]) -> None:
    """Replace every edition's `[[editions.renditions]]` tables, leaving the rest of the file as it is."""
    lines = manifest.read_text(encoding="utf-8").splitlines()
    # drop the existing rendition tables (header, its keys, and the blank lines that follow)
    kept: list[str] = []
    skipping = False
    for line in lines:
        match = _HEADER.match(line)
        if match:
            skipping = match.group(1).strip() == "editions.renditions"
        if not skipping:
            kept.append(line)
    # insert each edition's tables at the end of its [[editions]] chunk
    starts = [i for i, line in enumerate(kept) if _HEADER.match(line) and _HEADER.match(line).group(1).strip() == "editions"]
    ids: dict[int, str] = {}
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(kept)
        for line in kept[start:end]:
            m = re.match(r'^\s*id\s*=\s*"([^"]*)"', line)
            if m:
                ids[start] = m.group(1)
                break
    out: list[str] = []
    for index, line in enumerate(kept):
        next_start = any(index == s for s in starts[1:])
        if next_start:
            _append_tables(out, renditions, ids[starts[starts.index(index) - 1]])
        out.append(line)
    if starts:
        _append_tables(out, renditions, ids[starts[-1]])
    text = "\n".join(out).rstrip("\n") + "\n"
    write_atomic(manifest, text)


def _append_tables(out: list[str], renditions: list[Rendition], edition_id: str) -> None:
    mine = [r for r in renditions if r.edition == edition_id]
    if not mine:
        return
    while out and not out[-1].strip():
        out.pop()
    for r in mine:
        out.extend(
            [
                "",
                "[[editions.renditions]]",
                f"id = {_toml_string(r.id)}",
                f"of = {_toml_string(r.of)}",
                f"path = {_toml_string(r.path)}",
                'format = "pdf"',
                f"role = {_toml_string(r.role)}",
                f"engine = {_toml_string(r.engine)}",
                f"sha256 = {_toml_string(r.sha256)}",
                "retypeset = true",
            ]
        )
    out.append("")
