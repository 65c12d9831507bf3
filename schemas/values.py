"""Normalised values that sit beside the raw text they came from.

Extraction keeps every phrase as printed; normalisation adds these typed
values next to it (never replacing it): deadlines as date intervals, owners as
canonical bodies, indicator cells as numbers with units.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Granularity = Literal["day", "month", "quarter", "semester", "season", "year", "years", "unknown"]
DeadlineKind = Literal["due", "done", "ongoing", "open_ended", "milestone", "unparsed"]


class Milestone(BaseModel):
    """One dated part of a deadline phrase ('Expérimentation 2020', 'Déploiement 1er semestre 2021')."""

    model_config = ConfigDict(extra="forbid")

    raw: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = "unknown"
    kind: DeadlineKind = Field(default="due", description="What this part says: due, done, ongoing, open_ended ('milestone' is never used here)")
    phase: str | None = Field(default=None, description="Phase word: expérimentation, déploiement, généralisation …")


class Deadline(BaseModel):
    """A French temporal expression as printed, and the interval it denotes."""

    model_config = ConfigDict(extra="forbid")

    raw: str = Field(description="The phrase exactly as extracted")
    start: dt.date | None = Field(default=None, description="First day of the interval (ISO); None when open ('jusqu'en 2021', 'd'ici 2022') or undated")
    end: dt.date | None = Field(default=None, description="Last day of the interval (ISO), inclusive; None when open ('à partir de 2020') or undated")
    granularity: Granularity = "unknown"
    kind: DeadlineKind = Field(
        default="unparsed",
        description="due (a date to meet), done, ongoing (en cours, jusqu'en …), open_ended (à partir de …), "
        "milestone (two or more dated parts), unparsed (nothing could be read; raw kept)",
    )
    qualifiers: list[str] = Field(default_factory=list, description="Phase words and modifiers ('puis maintenance', 'à partir de')")
    milestones: list[Milestone] = Field(default_factory=list, description="Dated parts when the phrase names several")
    year_inferred: bool = Field(default=False, description="The year was not printed and was taken from the edition's context")


OwnerKind = Literal["directorate", "ministry", "agency", "service", "organisation", "unknown"]


class Owner(BaseModel):
    """A body named as owner of an action, resolved against the gazetteer."""

    model_config = ConfigDict(extra="forbid")

    raw: str = Field(description="The owner as printed (one part of a compound owner line)")
    id: str = Field(description="Canonical id ('dinum', 'min-interieur'); 'unknown:<slug>' when not recognised")
    name: str = Field(description="Canonical display name")
    kind: OwnerKind = "unknown"
    qualifier: str | None = Field(default=None, description="A parenthesised programme or precision ('programme Identité numérique')")
    alias: str | None = Field(default=None, description="The former name used in print when it differs from the canonical one ('DINSIC')")
    recognised: bool = True


ValueKind = Literal["number", "percent", "range", "bound", "rank", "null", "unparsed"]


class IndicatorValue(BaseModel):
    """An indicator cell as a typed value. Percentages are stored in percent (5 % -> 5.0, unit '%').

    `value` holds the number of plain numbers, percentages and ranks; ranges and
    bounds leave it empty and use `low`/`high`. A cell that cannot be read is
    kind 'unparsed' with its raw text.
    """

    model_config = ConfigDict(extra="forbid")

    raw: str
    kind: ValueKind
    value: float | None = Field(default=None, description="The number (the midpoint is not computed for ranges)")
    low: float | None = Field(default=None, description="Lower bound (ranges, '>' bounds)")
    high: float | None = Field(default=None, description="Upper bound (ranges, '<' bounds)")
    unit: str | None = Field(default=None, description="'%', 'EUR', 'rank' or None for a plain count")
    footnote: bool = Field(default=False, description="The cell carries a footnote mark '*'")
    null_reason: Literal["not_measured", "not_significant", "not_available", "empty"] | None = None
