"""The Report model: every edition, every consecutive pair's diff ranked, timeline, indicators, findings, sources.

What `editiondiff report` writes as `report.json`; `report.html`, `report.md`
and the CSV tables render the same data. Like the diff, it holds no sentence
of ours: labels are rendered by the report in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .diff import Diff
from .edition import Finding
from .enums import described

REPORT_SCHEMA_VERSION = "1.2.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


ClaimState = described(Literal["agrees", "differs", "not_assessed"], {
    "agrees": "The count extracted equals the count the edition claims",
    "differs": "The count extracted differs from the claim",
    "not_assessed": "The edition is not known at the level needed to count (e.g. only its missions): nothing is said either way",
})


class ClaimRow(_Model):
    kind: str = Field(description="What is counted (enjeux, missions, actions, completed, to_complete, new)")
    claimed: int
    observed: int | None = Field(description="What extraction counted; None when not assessed")
    state: ClaimState


class EditionOverview(_Model):
    id: str
    label: str
    published: dt.date | None = None
    level: described(Literal["actions", "missions"], {  # type: ignore[valid-type]
        "actions": "Action cards were extracted", "missions": "Only the missions are known: actions not assessed"})
    fictitious: bool = False
    missions: int
    actions: int | None = Field(description="Action cards extracted; None when the edition is known at mission level only (not assessed)")
    completed: int | None = Field(description="Cards marked completed; None when not assessed")
    findings: int
    claims: list[ClaimRow] = Field(default_factory=list)


class RuleHit(_Model):
    rule: str = Field(description="Id of a significance rule (see `rules`)")
    points: int


class RankedChange(_Model):
    change_id: str
    significance: int = Field(description="Sum of the points of the rules met")
    rules: list[RuleHit]


class PairReport(_Model):
    old: str
    new: str
    diff: Diff
    ranking: list[RankedChange] = Field(description="The diff's changes, most significant first")


class TimelineRow(_Model):
    mission: str
    lineage: str = Field(description="Stable id of the action across every edition: '<first edition id>:<code there>'")
    code: str
    title: str
    edition: str
    start: dt.date | None = None
    end: dt.date | None = None
    deadline: str = Field(description="The card's deadline phrases as printed")
    slip_months: int | None = Field(default=None, description="Months the end moved since the action's previous edition (positive: later)")


class IndicatorPoint(_Model):
    edition: str
    column: str
    raw: str


class IndicatorTrend(_Model):
    indicator_id: str
    mission: str
    label: str
    values: list[IndicatorPoint]
    revised_in: list[str] = Field(default_factory=list, description="Editions where a value of this row was revised (diff pairs 'old→new')")


class EditionFinding(_Model):
    edition: str
    finding: Finding


class SourceRow(_Model):
    edition: str
    id: str
    title: str = Field(description="The edition's label and the source's role")
    role: str
    format: str
    published: dt.date | None = None
    url: str | None = None
    path: str
    sha256: str
    retypeset: bool = Field(description="A re-typesetting made by this project, not the original publication")


class RuleRow(_Model):
    id: str
    points: int


class Report(_Model):
    schema_version: str = REPORT_SCHEMA_VERSION
    tool_version: str
    rules_version: str
    editions: list[EditionOverview]
    pairs: list[PairReport]
    timeline: list[TimelineRow]
    indicators: list[IndicatorTrend]
    findings: list[EditionFinding]
    sources: list[SourceRow]
    rules: list[RuleRow]
