"""One settings object for building an edition: one field per stage, each with named defaults.

    build_edition(paths, settings=BuildSettings(structure=StructureSettings(chart_match_threshold=70)))

Every settings class checks its values when it is made (a ValueError names the
field), so a bad value fails before any file is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .audit.edition import AuditSettings
from .extract.layout.settings import LayoutSettings
from .extract.pdf import PdfLimits
from .extract.settings import StructureSettings
from .limits import ReadLimits


@dataclass(frozen=True)
class ReaderSettings:
    """Limits of the readers, and the PDF layout thresholds."""

    #: Every resource bound of every reader: bytes, pages, seconds, nesting (`limits.ReadLimits`;
    #: the CLI options --max-bytes … and EDITIONDIFF_MAX_* variables set it).
    limits: ReadLimits = field(default_factory=ReadLimits)
    #: Layout bands of the PDF reader (its byte, page and time bounds come from `limits`).
    pdf: PdfLimits = field(default_factory=PdfLimits)
    #: Thresholds of the PDF layout steps (relative to each page's body text).
    layout: LayoutSettings = field(default_factory=LayoutSettings)

    def pdf_limits(self) -> PdfLimits:
        """The PDF reader's limits: its bands, with the bounds of `limits`."""
        return replace(self.pdf, max_bytes=self.limits.max_pdf_bytes, max_pages=self.limits.max_pages, max_seconds=self.limits.max_seconds)


@dataclass(frozen=True)
class NormalizeSettings:
    """Settings of the normalisation stage."""

    #: The year a deadline phrase without one takes; None: the edition's own year
    #: (its publication date, else the year in its id, else the start of its period).
    context_year: int | None = None

    def __post_init__(self) -> None:
        if self.context_year is not None and not 1900 <= self.context_year <= 2100:
            raise ValueError(f"NormalizeSettings.context_year must be a year between 1900 and 2100, got {self.context_year}")


@dataclass(frozen=True)
class BuildSettings:
    """Everything `build_edition` can be told, stage by stage."""

    reader: ReaderSettings = field(default_factory=ReaderSettings)
    structure: StructureSettings = field(default_factory=StructureSettings)
    normalize: NormalizeSettings = field(default_factory=NormalizeSettings)
    audit: AuditSettings = field(default_factory=AuditSettings)


DEFAULT_SETTINGS = BuildSettings()
