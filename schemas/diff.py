"""The Diff model: what changed between two editions, with evidence in both."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .edition import SCHEMA_VERSION
from .provenance import Provenance

ChangeKind = Literal[
    "action_added",
    "action_exited_completed",
    "action_completed",
    "action_dropped",
    "action_retitled",
    "action_recoded",
    "action_moved",
    "action_reworded",
    "mission_added",
    "mission_removed",
    "mission_renamed",
    "mission_reworded",
    "deadline_changed",
    "status_changed",
    "owner_changed",
    "step_added",
    "step_removed",
    "step_changed",
    "indicator_revised",
    "indicator_added",
    "indicator_removed",
    "column_changed",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Change(_Model):
    kind: ChangeKind
    mission: str | None = Field(default=None, description="Mission code in the newer edition (older if gone)")
    subject: str = Field(description="Action code, mission code or indicator label the change is about")
    before: str | None = None
    after: str | None = None
    detail: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    confidence: float = Field(ge=0.0, le=1.0)
    importance: int = Field(default=0, description="Higher first in reports")
    old: Provenance | None = Field(default=None, description="Where it stands in the older edition")
    new: Provenance | None = Field(default=None, description="Where it stands in the newer edition")


class Match(_Model):
    old: str
    new: str
    score: float
    evidence: list[str] = Field(description="Fields that agreed ('code', 'title', 'objective', 'steps', 'mission')")
    similarities: dict[str, float] = Field(default_factory=dict, description="Per-field similarity in [0, 1] behind the score")


class Phrase(_Model):
    """A sentence of the diff in machine-readable form: what it says (`code`) and about what (`params`).

    Reports render it in the reader's language; the French text stored next to it is its French rendering.
    """

    code: str = Field(description="Short identifier of the sentence, e.g. 'mission_renamed_observed', 'edition_missions_only'")
    params: dict[str, str | int] = Field(default_factory=dict, description="Edition ids, codes and counts the sentence names")


class StatedCheck(_Model):
    """A statement of either edition reconciled with what the diff observed."""

    statement: str = Field(description="What the edition says, paraphrased (French)")
    statement_phrase: Phrase | None = Field(default=None, description="The statement in machine-readable form")
    agrees: bool | None = Field(description="None when the diff cannot check it at the level the editions are known")
    observed: str = Field(description="What the diff observed, or why it cannot tell (French)")
    observed_phrase: Phrase | None = Field(default=None, description="The observation in machine-readable form")
    evidence: Provenance
    observed_at: list[Provenance] = Field(default_factory=list, description="Where the observed facts stand")


class EditionError(_Model):
    """An error-level finding of the audit of either edition: the report shows it, as it bears on every change."""

    edition: str = Field(description="Id of the edition the audit found it in")
    kind: str
    subject: str | None = None
    message: str
    provenance: list[Provenance]


class Diff(_Model):
    schema_version: str = SCHEMA_VERSION
    old: str = Field(description="Id of the older edition")
    new: str = Field(description="Id of the newer edition")
    level: Literal["actions", "missions"]
    threshold: float
    mission_matches: list[Match] = Field(default_factory=list)
    action_matches: list[Match] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    agreements: list[StatedCheck] = Field(default_factory=list)
    contradictions: list[StatedCheck] = Field(default_factory=list)
    unchecked: list[StatedCheck] = Field(default_factory=list, description="Statements the diff cannot check, and why")
    not_compared: list[str] = Field(default_factory=list, description="What could not be compared, and why (French)")
    not_compared_phrases: list[Phrase] = Field(
        default_factory=list, description="The `not_compared` notes in machine-readable form, in the same order"
    )
    edition_errors: list[EditionError] = Field(
        default_factory=list, description="Error-level findings of the audit of either edition (a claimed count the extraction does not reach…)"
    )
