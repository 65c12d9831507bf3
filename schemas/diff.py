"""The Diff model: what changed between two editions, with evidence in both.

Version 2 of the contract: every change has a stable `id`; its `subject` is
structured (mission code, action uid and code, step number, indicator id),
never a sentence; its `detail` is typed per kind (one model per change kind,
told apart by `kind`). No language is stored in a change: the French and
English texts are renderings made by the reports. A diff records the tool
version and the sha256 of every source of both editions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .edition import FINDING_CODES, FindingCode
from .enums import described
from .provenance import Provenance

DIFF_SCHEMA_VERSION = "3.2.0"

CHANGE_KINDS = {
    "action_added": "A card of the newer edition matched to none of the older one",
    "action_exited_completed": "A card of the older edition matched to none of the newer one, marked or stated completed",
    "action_completed": "A matched card now marked completed",
    "action_dropped": "A card of the older edition matched to none of the newer one, not completed (see detail.reason)",
    "action_retitled": "A matched card whose title changed",
    "action_recoded": "A matched card whose code changed within its mission",
    "action_moved": "A matched card now in another mission (not its old mission's match)",
    "action_reworded": "A matched card whose objective changed",
    "mission_added": "A mission of the newer edition matched to none of the older one",
    "mission_removed": "A mission of the older edition matched to none of the newer one",
    "mission_renamed": "A matched mission whose code changed",
    "mission_reworded": "A matched mission whose name, objective or description changed",
    "mission_merged": "A mission of the older edition whose actions now stand, for the most part, in a mission of the newer one that also "
                      "holds another old mission's actions (or as the editions or the concordance state it)",
    "mission_split": "A mission of the older edition whose actions are now divided between two or more missions of the newer one "
                     "(or as the editions or the concordance state it)",
    "deadline_changed": "The latest end date of a card's or step's dated phrases changed (or their wording, when not read as dates)",
    "status_changed": "A card or step whose state changed (done, ongoing, due; completed to active)",
    "owner_changed": "A matched card whose owners are not the same bodies",
    "step_added": "A step of the newer card matched to none of the older card",
    "step_removed": "A step of the older card matched to none of the newer card",
    "step_changed": "A matched step whose text changed",
    "indicator_revised": "A cell of a matched indicator row whose value changed",
    "indicator_added": "An indicator row of the newer table matched to none of the older one",
    "indicator_removed": "An indicator row of the older table matched to none of the newer one",
    "column_changed": "A column of the indicator table renamed, added or removed",
}
ChangeKind = Literal[
    "action_added", "action_exited_completed", "action_completed", "action_dropped", "action_retitled", "action_recoded",
    "action_moved", "action_reworded", "mission_added", "mission_removed", "mission_renamed", "mission_reworded",
    "mission_merged", "mission_split", "deadline_changed", "status_changed", "owner_changed", "step_added", "step_removed", "step_changed",
    "indicator_revised", "indicator_added", "indicator_removed", "column_changed",
]
DescribedChangeKind = described(ChangeKind, CHANGE_KINDS)

SubjectType = described(Literal["mission", "action", "step", "indicator", "column"], {
    "mission": "A mission, by its code",
    "action": "An action card, by its uid and code",
    "step": "A step of an action card, by the card and the step's number",
    "indicator": "A row of the indicator table, by its id",
    "column": "A column of the indicator table, by its header",
})
Side = described(Literal["old", "new"], {"old": "The older edition of the pair", "new": "The newer edition of the pair"})
State = described(Literal["done", "ongoing", "due", "completed", "active"], {
    "done": "A phrase saying it is done ('Fait', 'Réalisé')",
    "ongoing": "A phrase saying it is under way ('En cours')",
    "due": "A due date, or no phrase at all",
    "completed": "A card marked completed ('objectif atteint', a check mark)",
    "active": "A card no longer marked completed",
})
ExitReason = described(Literal["completed", "transformed", "dropped", "not_extracted"], {
    "completed": "Marked completed in the older edition, or stated completed by it",
    "transformed": "The newer edition states it became another action",
    "dropped": "Gone without being completed and without explanation",
    "not_extracted": "The newer edition names its code in its text but no card of it was extracted: an extraction gap, not a decision",
})
MissionField = described(Literal["name", "objective", "description"], {
    "name": "The mission's name", "objective": "The mission's objective", "description": "The mission's description",
})
MatchEvidence = described(Literal["code", "alias", "stated", "title", "objective", "steps", "mission", "name", "description", "actions"], {
    "code": "Same code", "alias": "Codes linked by the alias history or the mission's aliases",
    "stated": "A rename the editions state themselves", "title": "Titles at least as similar as the agreement level",
    "objective": "Objectives agree", "steps": "Steps agree", "mission": "Same (matched) mission", "name": "Names agree",
    "description": "Descriptions agree", "actions": "At least half of the missions' actions shared (code or title)",
})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Subject(_Model):
    """What a change is about, by ids that do not depend on a language."""

    type: SubjectType
    mission: str | None = Field(default=None, description="Mission code in the newer edition (older if gone)")
    action_uid: str | None = Field(default=None, description="Stable id of the action: '<edition id>:<code>' of the card in the older edition, "
                                                             "or in the newer one for an added card")
    action_code: str | None = Field(default=None, description="The card's code in the newer edition (older if gone)")
    step: int | None = Field(default=None, ge=1, description="Step number, from 1, in the card of `step_of`")
    step_of: Side | None = Field(default=None, description="Which card the step number counts in")
    indicator_id: str | None = Field(default=None, description="Stable id of an indicator row: '<mission>:<label key>'")
    label: str | None = Field(default=None, description="The indicator label or column header as printed")

    @property
    def head(self) -> str:
        """The code or label the change is about: action code, else indicator label or header, else mission code."""
        return self.action_code or self.label or self.mission or ""


class _Detail(_Model):
    """Detail of a change; `.get(name)` reads a field like a mapping (None when the kind has no such field)."""

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name, default) if name != "kind" else self.kind  # type: ignore[attr-defined]

    def __getitem__(self, name: str) -> Any:
        if name not in type(self).model_fields:
            raise KeyError(name)
        return getattr(self, name)


def _plain(kind: str, doc: str) -> type[_Detail]:
    return type(f"{''.join(p.title() for p in kind.split('_'))}Detail", (_Detail,), {
        "__doc__": doc, "__annotations__": {"kind": Literal[kind]}, "kind": Field(description=CHANGE_KINDS[kind]), "__module__": __name__,
    })


class MissionRenamedDetail(_Detail):
    """Why the two missions were taken as one."""

    kind: Literal["mission_renamed"] = Field(description=CHANGE_KINDS["mission_renamed"])
    evidence: list[MatchEvidence] = Field(default_factory=list)


MissionPartEvidence = described(Literal["actions", "stated"], {
    "actions": "The mission's cards (same code or same title) found in the newer mission",
    "stated": "An edition, or the user's concordance, states it (see `statements`)",
})


class MissionMergedDetail(_Detail):
    """Which mission of the newer edition the old one went into, and on what evidence."""

    kind: Literal["mission_merged"] = Field(description=CHANGE_KINDS["mission_merged"])
    into: str = Field(description="Code of the mission of the newer edition that holds it now")
    merged_with: list[str] = Field(default_factory=list, description="The other old missions that went into it (the one it continues first)")
    evidence: list[MissionPartEvidence] = Field(default_factory=list)
    share: float | None = Field(default=None, ge=0, le=1, description="Share of the old mission's cards found in `into` (None: not known card by card)")
    statements: list[Provenance] = Field(default_factory=list, description="Where the editions or the concordance state it")


class MissionSplitDetail(_Detail):
    """Which missions of the newer edition the old one was divided between, and on what evidence."""

    kind: Literal["mission_split"] = Field(description=CHANGE_KINDS["mission_split"])
    into: list[str] = Field(min_length=2, description="Codes of the missions of the newer edition that hold its parts")
    evidence: list[MissionPartEvidence] = Field(default_factory=list)
    shares: dict[str, float] = Field(default_factory=dict, description="Share of the old mission's cards found in each part (empty: not known card by card)")
    statements: list[Provenance] = Field(default_factory=list, description="Where the editions or the concordance state it")


class MissionRewordedDetail(_Detail):
    kind: Literal["mission_reworded"] = Field(description=CHANGE_KINDS["mission_reworded"])
    field: MissionField


class ActionMovedDetail(_Detail):
    kind: Literal["action_moved"] = Field(description=CHANGE_KINDS["action_moved"])
    mission_before: str
    mission_after: str
    code_before: str
    code_after: str


class ActionRecodedDetail(_Detail):
    kind: Literal["action_recoded"] = Field(description=CHANGE_KINDS["action_recoded"])
    code_before: str
    code_after: str


class ActionRewordedDetail(_Detail):
    kind: Literal["action_reworded"] = Field(description=CHANGE_KINDS["action_reworded"])
    field: Literal["objective"] = Field(default="objective", description="The card's objective (the only field compared besides the title)")


class StatusChangedDetail(_Detail):
    kind: Literal["status_changed"] = Field(description=CHANGE_KINDS["status_changed"])
    state_before: State
    state_after: State


class DeadlineChangedDetail(_Detail):
    kind: Literal["deadline_changed"] = Field(description=CHANGE_KINDS["deadline_changed"])
    slip_months: int | None = Field(description="Whole months from the old end to the new one (positive: later); None when not read as dates")
    end_before: dt.date | None = None
    end_after: dt.date | None = None


class OwnerChangedDetail(_Detail):
    kind: Literal["owner_changed"] = Field(description=CHANGE_KINDS["owner_changed"])
    ids_before: list[str] = Field(description="Canonical owner ids (or folded printed owners when not recognised)")
    ids_after: list[str]


class StepChangedDetail(_Detail):
    kind: Literal["step_changed"] = Field(description=CHANGE_KINDS["step_changed"])
    step_before: int = Field(ge=1)
    step_after: int = Field(ge=1)


class StepRemovedDetail(_Detail):
    kind: Literal["step_removed"] = Field(description=CHANGE_KINDS["step_removed"])
    step_before: int = Field(ge=1)


class StepAddedDetail(_Detail):
    kind: Literal["step_added"] = Field(description=CHANGE_KINDS["step_added"])
    step_after: int = Field(ge=1)


class _ExitDetail(_Detail):
    code: str
    mission_before: str
    reason: ExitReason


class ActionExitedCompletedDetail(_ExitDetail):
    kind: Literal["action_exited_completed"] = Field(description=CHANGE_KINDS["action_exited_completed"])


class ActionDroppedDetail(_ExitDetail):
    kind: Literal["action_dropped"] = Field(description=CHANGE_KINDS["action_dropped"])
    target: str | None = Field(default=None, description="The action it became, when the newer edition states a transformation")


class ActionAddedDetail(_Detail):
    kind: Literal["action_added"] = Field(description=CHANGE_KINDS["action_added"])
    code: str
    marked_new: bool = Field(description="Whether the newer edition marks the card new")


class IndicatorRevisedDetail(_Detail):
    kind: Literal["indicator_revised"] = Field(description=CHANGE_KINDS["indicator_revised"])
    column: str = Field(description="The column header in the newer table")
    column_before: str = Field(description="The column header in the older table")


ActionRetitledDetail = _plain("action_retitled", "Nothing beyond before/after: the titles.")
ActionCompletedDetail = _plain("action_completed", "Nothing beyond before/after: the status phrases.")
MissionAddedDetail = _plain("mission_added", "Nothing beyond after: the mission's name.")
MissionRemovedDetail = _plain("mission_removed", "Nothing beyond before: the mission's name.")
IndicatorAddedDetail = _plain("indicator_added", "Nothing beyond after: the row's cells.")
IndicatorRemovedDetail = _plain("indicator_removed", "Nothing beyond before: the row's cells.")
ColumnChangedDetail = _plain("column_changed", "Nothing beyond before/after: the headers (one absent when added or removed).")

DETAILS: dict[str, type[_Detail]] = {model.model_fields["kind"].annotation.__args__[0]: model for model in (  # type: ignore[union-attr]
    MissionRenamedDetail, MissionRewordedDetail, MissionAddedDetail, MissionRemovedDetail, MissionMergedDetail, MissionSplitDetail, ActionMovedDetail, ActionRecodedDetail,
    ActionRetitledDetail, ActionRewordedDetail, ActionCompletedDetail, StatusChangedDetail, DeadlineChangedDetail, OwnerChangedDetail,
    StepChangedDetail, StepRemovedDetail, StepAddedDetail, ActionExitedCompletedDetail, ActionDroppedDetail, ActionAddedDetail,
    IndicatorRevisedDetail, IndicatorAddedDetail, IndicatorRemovedDetail, ColumnChangedDetail,
)}
ChangeDetail = Annotated[Union[tuple(DETAILS.values())], Field(discriminator="kind")]  # type: ignore[valid-type]


class Change(_Model):
    id: str = Field(default="", description="Stable id: 'chg-' + 16 hex digits of the sha256 of kind, both edition ids and the subject's ids")
    kind: DescribedChangeKind
    mission: str | None = Field(default=None, description="Mission code in the newer edition (older if gone)")
    subject: Subject
    before: str | None = Field(default=None, description="The text as printed in the older edition (None: absent there)")
    after: str | None = Field(default=None, description="The text as printed in the newer edition (None: absent there)")
    detail: ChangeDetail
    confidence: float = Field(ge=0.0, le=1.0)
    importance: int = Field(default=0, description="Base importance of the kind plus a bonus (months of slip): the detectors' order")
    old: Provenance | None = Field(default=None, description="Where it stands in the older edition")
    new: Provenance | None = Field(default=None, description="Where it stands in the newer edition")

    @model_validator(mode="before")
    @classmethod
    def _detail_kind(cls, data: Any) -> Any:
        """A detail given as a mapping takes its kind from the change's."""
        if isinstance(data, dict) and isinstance(data.get("detail", {}), dict) and "kind" in data:
            data = {**data, "detail": {**data.get("detail", {}), "kind": data["kind"]}}
        return data


class Match(_Model):
    old: str
    new: str
    score: float
    evidence: list[MatchEvidence] = Field(description="Fields that agreed")
    similarities: dict[str, float] = Field(default_factory=dict, description="Per-field similarity in [0, 1] behind the score")
    rival: str | None = Field(default=None, description="Code of the best other candidate of the newer edition for the old element "
                                                        "(None when there is none, or for unchanged cards of large, blocked editions)")
    rival_score: float | None = Field(default=None, description="That candidate's score")
    margin: float | None = Field(default=None, description="Score minus the rival's score (how clearly this match won)")
    tie: bool = Field(default=False, description="The rival scores within 0.01 of this match: a human should look")


class Phrase(_Model):
    """A sentence of the diff in machine-readable form: what it says (`code`) and about what (`params`).

    No language is stored: reports render it in the reader's language (French or English).
    """

    code: str = Field(description="Short identifier of the sentence, e.g. 'mission_renamed_observed', 'edition_missions_only'")
    params: dict[str, str | int] = Field(default_factory=dict, description="Edition ids, codes and counts the sentence names")


class StatedCheck(_Model):
    """A statement of either edition reconciled with what the diff observed."""

    statement_phrase: Phrase = Field(description="What the edition says, in machine-readable form (an edition's own words, "
                                     "when it gives them, are the `summary` parameter)")
    agrees: bool | None = Field(description="None when the diff cannot check it at the level the editions are known")
    observed_phrase: Phrase = Field(description="What the diff observed, or why it cannot tell, in machine-readable form")
    evidence: Provenance
    observed_at: list[Provenance] = Field(default_factory=list, description="Where the observed facts stand")


class EditionError(_Model):
    """An error-level finding of the audit of either edition: the report shows it, as it bears on every change."""

    edition: str = Field(description="Id of the edition the audit found it in")
    kind: str
    subject: str | None = None
    code: described(FindingCode, FINDING_CODES) | None = Field(  # type: ignore[valid-type]
        default=None, description="The finding's code, worded by reports (None when copied from an edition written before edition schema 1.3.0)")
    params: dict[str, str | int | None] = Field(default_factory=dict, description="The finding's params")
    message: str = Field(description="The finding's English wording, kept for the command line and tools")
    provenance: list[Provenance]


class SourceRead(_Model):
    """One source document the diff's editions were read from."""

    edition: str
    source: str = Field(description="Source id")
    path: str
    sha256: str = Field(pattern="^[0-9a-f]{64}$")


class Diff(_Model):
    schema_version: str = DIFF_SCHEMA_VERSION
    tool_version: str = Field(default="", description="Version of editiondiff that wrote the diff")
    old: str = Field(description="Id of the older edition")
    new: str = Field(description="Id of the newer edition")
    level: described(Literal["actions", "missions"], {  # type: ignore[valid-type]
        "actions": "Both editions list their action cards: compared card by card",
        "missions": "Either edition is known only at mission level: compared mission by mission",
    })
    threshold: float
    sources: list[SourceRead] = Field(default_factory=list, description="Every source of both editions, with its sha256")
    mission_matches: list[Match] = Field(default_factory=list)
    action_matches: list[Match] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    agreements: list[StatedCheck] = Field(default_factory=list)
    contradictions: list[StatedCheck] = Field(default_factory=list)
    unchecked: list[StatedCheck] = Field(default_factory=list, description="Statements the diff cannot check, and why")
    not_compared_phrases: list[Phrase] = Field(
        default_factory=list, description="What could not be compared, and why, in machine-readable form"
    )
    edition_errors: list[EditionError] = Field(
        default_factory=list, description="Error-level findings of the audit of either edition (a claimed count the extraction does not reach…)"
    )
