"""One settings object for building an edition: one field per stage, each with named defaults.

    build_edition(paths, settings=BuildSettings(structure=StructureSettings(chart_match_threshold=70)))

Every settings class checks its values when it is made (a ValueError names the
field), so a bad value fails before any file is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .audit.edition import AuditSettings
from .extract.layout.settings import LayoutSettings
from .extract.pdf import PdfLimits
from .extract.settings import StructureSettings


@dataclass(frozen=True)
class ReaderSettings:
    """Limits of the readers, and the PDF layout thresholds."""

    #: Largest text or markdown source read, in bytes (PDFs have their own limits).
    max_text_bytes: int = 20 * 1024 * 1024
    #: Limits and layout bands of the PDF reader.
    pdf: PdfLimits = field(default_factory=PdfLimits)
    #: Thresholds of the PDF layout steps (relative to each page's body text).
    layout: LayoutSettings = field(default_factory=LayoutSettings)

    def __post_init__(self) -> None:
        if self.max_text_bytes < 1:
            raise ValueError(f"ReaderSettings.max_text_bytes must be at least 1, got {self.max_text_bytes}")


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
