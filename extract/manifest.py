"""The corpus manifest (TOML): which editions exist and which sources each is read from.

`load_manifest` reads it into typed models; `check_manifest` verifies every
listed file against its sha256. Keys this model does not know are ignored,
so the manifest can grow (e.g. `renditions`, re-typeset PDFs of an edition,
which are not merged as sources).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import InputError
from ..escape import one_line
from ..schemas.edition import SourceFormat, SourceRole


class _Entry(BaseModel):
    model_config = ConfigDict(extra="ignore")


#: An id that can name a file: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def check_safe_id(value: str, what: str = "id") -> str:
    """`value` if it is a safe slug (no path separator, no '..', no control character), else ValueError."""
    if not SAFE_ID.fullmatch(value) or ".." in value:
        raise ValueError(
            f"{what} {one_line(repr(value))} is not a safe name (letters, digits, '.', '_', '-', starting with a letter or digit, "
            "at most 64 characters, no '..')"
        )
    return value


class ManifestSource(_Entry):
    id: str

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        return check_safe_id(value, "source id")
    path: str = Field(description="Relative to the manifest's folder")
    role: SourceRole = "other"
    format: SourceFormat
    sha256: str
    published: dt.date | None = None
    url: str | None = None
    retypeset: bool = False


class ManifestEdition(_Entry):
    id: str
    label: str
    period: str | None = None
    published: dt.date | None = None
    brochure_url: str | None = None
    sources: list[ManifestSource] = Field(default_factory=list)
    renditions: list[ManifestSource] = Field(default_factory=list, description="Re-typeset PDFs of the edition (not merged as sources)")

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        return check_safe_id(value, "edition id")


class Manifest(_Entry):
    manifest_version: int = 1
    editions: list[ManifestEdition] = Field(default_factory=list)
    #: Folder the relative paths are resolved against (not read from the file).
    root: Path = Path(".")

    @field_validator("editions")
    @classmethod
    def _distinct_ids(cls, editions: list[ManifestEdition]) -> list[ManifestEdition]:
        seen: dict[str, str] = {}
        for edition in editions:
            key = edition.id.casefold()  # 'A' and 'a' would be one file on a case-insensitive disk
            if key in seen:
                raise ValueError(f"edition id {edition.id!r} is given twice (as {seen[key]!r} too): each edition's outputs would overwrite the other's")
            seen[key] = edition.id
        return editions

    def resolve(self, source: ManifestSource) -> Path:
        return self.root / source.path

    def find_source(self, path: Path, sha256: str) -> tuple[ManifestEdition, ManifestSource] | None:
        """The edition and source entry of a file, by sha256 first, then by path."""
        for edition in self.editions:
            for source in edition.sources + edition.renditions:
                if source.sha256 == sha256:
                    return edition, source
        resolved = path.resolve()
        for edition in self.editions:
            for source in edition.sources + edition.renditions:
                if self.resolve(source).resolve() == resolved:
                    return edition, source
        return None


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_manifest(path: Path) -> Manifest:
    """The manifest at `path`; InputError (one line) when it cannot be read."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "manifest not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a valid TOML manifest ({exc})") from None
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise InputError(path, f"invalid manifest: {where}: {error['msg'].removeprefix('Value error, ')}") from None
    manifest.root = path.resolve().parent
    return manifest


def check_manifest(path: Path) -> list[str]:
    """One problem line per listed file that is missing or whose sha256 differs."""
    manifest = load_manifest(path)
    problems: list[str] = []
    for edition in manifest.editions:
        for source in edition.sources + edition.renditions:
            file = manifest.resolve(source)
            if not file.is_file():
                problems.append(f"{file}: missing (edition {edition.id}, source {source.id})")
                continue
            actual = file_sha256(file)
            if actual != source.sha256:
                problems.append(f"{file}: sha256 {actual} differs from the manifest's {source.sha256} (edition {edition.id}, source {source.id})")
    return problems
