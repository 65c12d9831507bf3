"""The Edition model: one published edition of the roadmap, as extracted.

Raw text is always kept as printed (`*_printed`, `raw`); normalised values
(`Deadline`, `Owner`, `IndicatorValue`) are added beside it by the normalize
stage. Every element carries a Provenance.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .enums import described
from .provenance import Provenance
from .values import Deadline, IndicatorValue, Owner

#: Bumped whenever the JSON shape changes; written into every JSON file and into the schema $id.
SCHEMA_VERSION = "1.4.0"

SourceRole = Literal["brochure_text", "brochure_pdf", "publication_page", "editorial", "press_release", "other"]
SourceFormat = Literal["markdown", "text", "pdf"]
EditionLevel = Literal["actions", "missions"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Model):
    id: str
    path: str
    role: SourceRole = "other"
    format: SourceFormat
    sha256: str
    published: dt.date | None = None
    url: str | None = Field(default=None, description="The URL or path printed in the documents")
    retypeset: bool = Field(default=False, description="A re-typesetting made by this project, not an original publication")


ClaimKind = Literal["enjeux", "missions", "actions", "completed", "to_complete", "new"]


class Claim(_Model):
    """A count the edition states about itself ('38 projets', '5 sont désormais achevés')."""

    kind: ClaimKind
    value: int
    provenance: Provenance


class ClaimCheck(_Model):
    """A claimed count compared with what was extracted."""

    kind: ClaimKind
    claimed: int
    extracted: int | None = Field(description="None when the edition is not known at that level")
    agrees: bool | None
    provenance: Provenance


class Enjeu(_Model):
    number: int = Field(ge=1, le=6)
    name: str = Field(description="SIMPLIFICATION, INCLUSION …, as a capitalised word ('Simplification')")
    title: str | None = Field(default=None, description="The headline ('Simplifier la vie des gens')")
    description: str | None = None
    provenance: Provenance


class Passage(_Model):
    """A paragraph of prose kept for the audit and the diff (a mission's progress report)."""

    text: str
    provenance: Provenance


class ActionReference(_Model):
    """A mention of an action code in the edition's text ('action XY 5', 'action 10')."""

    printed: str = Field(description="The reference as printed ('action XY 5', 'XY 5', 'action 10')")
    code: str | None = Field(description="Canonical code, None when the reference names no mission prefix")
    provenance: Provenance


class Mission(_Model):
    code: str = Field(description="Canonical mission code, as the edition sets it (a single word in capitals)")
    code_printed: str
    name: str | None = Field(default=None, description="The mission's headline ('Construire une identification unifiée …')")
    axis: str | None = Field(default=None, description="The axis the mission belongs to ('Des produits et des services numériques …')")
    objective: str | None = Field(default=None, description="The 'OBJECTIF :' sentence")
    description: str | None = Field(default=None, description="One-line description (2019 page) or opening paragraph")
    aliases: list[str] = Field(default_factory=list, description="Earlier codes of the same mission, as the edition states them")
    progress: list[Passage] = Field(default_factory=list, description="Paragraphs of the mission's progress report ('Où en est-on mi-2020 ?')")
    provenance: Provenance


StepStatus = Literal["done", "ongoing"]


class Step(_Model):
    text: str
    deadline_printed: str | None = Field(default=None, description="Deadline or status phrase printed against the step")
    deadline: Deadline | None = None
    status: StepStatus | None = None
    provenance: Provenance


ActionStatus = Literal["active", "completed"]


class Action(_Model):
    code: str = Field(description="Canonical code ('XY5')")
    code_printed: str = Field(description="Code as printed ('XY 5')")
    mission: str = Field(description="Canonical code of the mission the card stands in")
    title: str = Field(description="Title on the card, after the arrow")
    chart_title: str | None = Field(default=None, description="Title of the matching entry in the overview chart")
    objective: str | None = Field(default=None, description="The card's first sentence (its goal)")
    description: str | None = Field(default=None, description="Any other prose on the card")
    owners_printed: list[str] = Field(default_factory=list, description="Owner lines as printed")
    owners: list[Owner] = Field(default_factory=list)
    status: ActionStatus = "active"
    status_printed: str | None = Field(default=None, description="Status mark as printed ('Objectif atteint ✓')")
    completed: bool = False
    new: bool = False
    deadlines_printed: list[str] = Field(default_factory=list, description="Card-level deadline/status phrases, in order")
    deadlines: list[Deadline] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Free remarks printed on the card ('Action transformée en Lab GovTech (action AL5).')")
    provenance: Provenance


class ChartEntry(_Model):
    """One line of the overview chart of all actions (the chart prints no codes)."""

    mission: str
    title: str
    completed: bool = False
    new: bool = False
    action: str | None = Field(default=None, description="Canonical code of the matched card, None if unmatched")
    match_score: float | None = None
    provenance: Provenance


class IndicatorCell(_Model):
    column: str
    raw: str
    value: IndicatorValue | None = None


class IndicatorRow(_Model):
    mission: str
    label: str
    cells: list[IndicatorCell]
    provenance: Provenance


class IndicatorTable(_Model):
    columns: list[str] = Field(description="Value column headers ('en 2018', 'en 2019', 'projection fin 2020', 'objectif fin 2022')")
    rows: list[IndicatorRow]
    provenance: Provenance


StatedChangeKind = Literal[
    "mission_renamed",
    "mission_merged",
    "mission_split",
    "directorate_renamed",
    "action_completed",
    "action_added",
    "action_transformed",
    "action_refocused",
]


class StatedChange(_Model):
    """What the document itself says changed, with the quoted evidence."""

    kind: StatedChangeKind
    subject: str = Field(description="Action or mission code the statement is about (old code for renames, merges and splits)")
    target: str | None = Field(default=None, description="New code or name (renames, transformations); the mission merged into, or one "
                                                         "part of a split (one statement per part); None for a merge that names no result")
    summary: str = Field(description="One-line paraphrase")
    evidence: Provenance


FindingKind = Literal[
    "title_truncated",
    "objective_duplicated",
    "dangling_reference",
    "year_out_of_period",
    "claim_mismatch",
    "chart_unmatched",
    "unparsed_deadline",
    "unknown_owner",
    "prefix_mismatch",
    "card_incomplete",
    "card_without_mission",
]


FINDING_KINDS = {
    "title_truncated": "A card title cut short (the chart or another place prints it longer)",
    "objective_duplicated": "A card's objective copied word for word from another card",
    "dangling_reference": "The text refers to an action code no card has",
    "year_out_of_period": "A year outside the edition's period",
    "claim_mismatch": "A count the edition claims differs from what was extracted",
    "chart_unmatched": "An entry of the overview chart matched to no card",
    "unparsed_deadline": "A deadline phrase not read as a date interval",
    "unknown_owner": "An owner the gazetteer does not know",
    "prefix_mismatch": "A card printed in one mission section with the code prefix the edition's other cards use for another mission",
    "card_incomplete": "A card read without some of its parts (objective, steps); what was read is kept",
    "card_without_mission": "A card standing in no mission section, whose mission no other card tells either",
}
FINDING_CODES = {
    "claimed_count_differs": "A count the edition claims differs from the count extracted (params: count, claimed, extracted)",
    "card_title_cut_short": "A card title is the start of its chart title, cut between words (params: title, chart_title)",
    "card_title_cut_mid_word": "A card title is the start of its chart title, cut inside a word (params: title, chart_title)",
    "objective_copied": "A card's objective is that of an earlier card (params: code, title, original, original_title, objective)",
    "reference_without_code": "The text refers to something that names no action code (params: printed)",
    "reference_to_missing_card": "The text refers to an action code no card of the edition has (params: printed, code)",
    "year_outside_period": "A year outside the edition's period (params: year, period, text)",
    "chart_entry_unmatched": "A line of the overview chart matches no action card (params: title, mission)",
    "card_missing_from_chart": "An action card missing from the overview chart (params: code, title)",
    "deadline_unread": "A card's deadline not read as dates (params: deadline, code)",
    "step_deadline_unread": "A step's deadline not read as dates (params: deadline, code)",
    "owner_unknown": "An owner the gazetteer does not know (params: owner, code)",
    "card_prefix_mismatch": "A card printed in one mission with a code prefix other cards use for another (params: code, mission, prefix, usual)",
    "card_mission_unknown": "A card in no mission section, whose mission no other card tells (params: code, mission)",
    "card_part_missing": "A card read without one of its parts (params: code, part: 'title' or 'objective')",
    "card_title_and_objective_missing": "A card read without its title and its objective (params: code)",
}
FindingCode = Literal[
    "claimed_count_differs",
    "card_title_cut_short",
    "card_title_cut_mid_word",
    "objective_copied",
    "reference_without_code",
    "reference_to_missing_card",
    "year_outside_period",
    "chart_entry_unmatched",
    "card_missing_from_chart",
    "deadline_unread",
    "step_deadline_unread",
    "owner_unknown",
    "card_prefix_mismatch",
    "card_mission_unknown",
    "card_part_missing",
    "card_title_and_objective_missing",
]
Severity = Literal["info", "warning", "error"]


class Finding(_Model):
    """An internal defect of the edition found by the audit."""

    kind: described(FindingKind, FINDING_KINDS)  # type: ignore[valid-type]
    severity: described(Severity, {  # type: ignore[valid-type]
        "info": "Worth knowing, not a defect", "warning": "A probable defect of the edition", "error": "A defect that makes a fact unreadable",
    }) = "warning"
    subject: str | None = Field(default=None, description="Action or mission code concerned")
    code: described(FindingCode, FINDING_CODES) | None = Field(  # type: ignore[valid-type]
        default=None, description="What the finding says, one code per sentence: reports word it in the reader's language "
                                  "(None only in editions written before schema 1.3.0)")
    params: dict[str, str | int | None] = Field(default_factory=dict, description="Codes, titles, quoted texts, counts and years the sentence names")
    message: str = Field(description="The English wording of the finding, kept for the command line and tools; reports word `code` "
                                     "and `params` instead")
    provenance: list[Provenance]


class Edition(_Model):
    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Edition id from the manifest ('2019', 'mi-2020', 'mi-2021')")
    label: str
    period: str | None = Field(default=None, description="Period covered ('2019-2022')")
    published: dt.date | None = None
    fictitious: bool = Field(default=False, description="A generated test edition, never a real publication")
    level: EditionLevel = Field(description="'actions' when action cards were extracted, 'missions' when only missions are known")
    sources: list[SourceRef]
    claims: list[Claim] = Field(default_factory=list)
    claim_checks: list[ClaimCheck] = Field(default_factory=list)
    enjeux: list[Enjeu] = Field(default_factory=list)
    missions: list[Mission] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    chart: list[ChartEntry] = Field(default_factory=list)
    indicators: IndicatorTable | None = None
    stated_changes: list[StatedChange] = Field(default_factory=list)
    references: list[ActionReference] = Field(default_factory=list, description="Every action code mentioned in the text, in reading order")
    findings: list[Finding] = Field(default_factory=list)
    coverage: float | None = Field(
        default=None, ge=0, le=1, description="Share of the sources' words (page furniture left out) that ended in an element of the edition"
    )
    unassigned: list[Provenance] = Field(
        default_factory=list, description="Every block of the sources that ended in no element, with its place and text"
    )

    def action(self, code: str) -> Action | None:
        return next((a for a in self.actions if a.code == code), None)

    def mission(self, code: str) -> Mission | None:
        return next((m for m in self.missions if m.code == code), None)
