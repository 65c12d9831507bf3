"""The structure builder: the common block stream of one edition's sources -> an Edition.

Block conventions the builder expects from every reader (text, markdown, PDF)
------------------------------------------------------------------------------
* One block per paragraph, list item, table row or heading, wrapped lines
  already joined with a single space; where lines break does not matter.
* ``list_item``: a bullet or arrow item ("- ", "➔", "→"), text without the
  bullet; in an action card it is a **step**. ``attrs["number"]`` holds the
  number of an ordered item ("1. SIMPLIFICATION").
* ``paragraph``: anything else. A phrase printed on the same line as the
  previous block after a wide gap (a step's deadline whose icon was lost) is
  its own paragraph with ``attrs["inline"] = "true"``: it then belongs to that
  step.
* ``icon``: the role of the leading icon when the reader saw one (see
  `editiondiff.vocabulary.icons`). Icons are hints: every block is also
  classified by its words (see `editiondiff.extract.phrases`).
* ``heading``: markdown headings (``level`` 1-6); text readers emit none.
  A ``line`` block is read as a paragraph.
* An "ACTION XX n →" heading whose title went to the next block (paragraph
  or arrow item) takes that block as its title.
* ``table_row``: ``cells`` in order, one block per printed row; a header row
  has empty first cells (mission, label) and the value column headers.
* ``provenance.quote`` is the printed text; running headers ("- LABEL -",
  "Feuille de route 2019-2022", page numbers) may be left in, they are skipped.

What the builder recognises, one recogniser per module
------------------------------------------------------
* action cards: `editiondiff.extract.cards`;
* mission sections, mission lists, axis names: `editiondiff.extract.missions`;
* the overview chart and its match to the cards: `editiondiff.extract.chart`;
* enjeux: `editiondiff.extract.enjeux`;
* indicator table: `editiondiff.extract.indicators`;
* claims and stated changes: `editiondiff.extract.stated`;
* action references in prose: `editiondiff.extract.references`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from ..schemas.blocks import SourceDocument
from ..schemas.edition import (
    Action,
    ActionReference,
    ChartEntry,
    Claim,
    ClaimKind,
    Edition,
    Enjeu,
    IndicatorTable,
    Mission,
    SourceRef,
    StatedChange,
)
from .cards import blocks_to_cards, card_to_action
from .chart import blocks_to_chart, match_chart_to_cards
from .enjeux import blocks_to_enjeux
from .indicators import rows_to_indicator_table
from .missions import axis_candidates, axis_name, blocks_to_mission_lists, blocks_to_mission_sections, merge_mission
from .references import blocks_to_references
from .settings import StructureSettings
from .stated import blocks_to_claims, blocks_to_stated_changes


@dataclass
class _Partial:
    """What one source contributes to an edition."""

    enjeux: list[Enjeu] = field(default_factory=list)
    missions: list[Mission] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    chart: list[ChartEntry] = field(default_factory=list)
    indicators: IndicatorTable | None = None
    claims: list[Claim] = field(default_factory=list)
    stated: list[StatedChange] = field(default_factory=list)
    references: list[ActionReference] = field(default_factory=list)


def document_to_partial(document: SourceDocument, settings: StructureSettings) -> _Partial:
    """Everything one source says about its edition."""
    # a reader's "line" is a paragraph of one line; blank blocks carry nothing
    blocks = [b.model_copy(update={"kind": "paragraph"}) if b.kind == "line" else b for b in document.blocks if b.kind != "blank"]
    part = _Partial()

    cards, used = blocks_to_cards(blocks)
    chart, axis_labels, chart_used = blocks_to_chart(
        blocks, used, entry_max_chars=settings.chart_entry_max_chars, group_min_entries=settings.chart_group_min_entries
    )
    used |= chart_used
    missions, mission_at = blocks_to_mission_sections(blocks, used, objective_window=settings.mission_objective_window)
    candidates = axis_candidates(blocks) if any(m.code in axis_labels for m in missions) else []
    folded: dict[str, set[str]] = {}
    for mission in missions:
        label = axis_labels.get(mission.code)
        if label:
            mission.axis = axis_name(label, candidates, folded)
    part.missions = missions or blocks_to_mission_lists(blocks)

    for card in cards:
        action = card_to_action(card, mission_at.get(card.index))
        if all(a.code != action.code for a in part.actions):
            part.actions.append(action)
    part.chart = chart
    part.enjeux = blocks_to_enjeux(blocks)
    part.indicators = rows_to_indicator_table([b for b in blocks if b.kind == "table_row"])
    part.claims = blocks_to_claims(blocks)
    part.stated = blocks_to_stated_changes(blocks, cards=[(card.heading, card.body) for card in cards])
    part.references = blocks_to_references(blocks)
    return part


def blocks_to_edition(
    documents: list[SourceDocument],
    *,
    edition_id: str,
    label: str,
    sources: list[SourceRef],
    period: str | None = None,
    published=None,
    settings: StructureSettings | None = None,
) -> Edition:
    """One Edition from the block streams of its sources (in order; earlier sources win on conflicts)."""
    settings = settings or StructureSettings()
    enjeux: dict[int, Enjeu] = {}
    missions: dict[str, Mission] = {}
    actions: dict[str, Action] = {}
    chart: list[ChartEntry] = []
    indicators: IndicatorTable | None = None
    claims: list[Claim] = []
    stated: list[StatedChange] = []
    references: list[ActionReference] = []
    for document in documents:
        part = document_to_partial(document, settings)
        for enjeu in part.enjeux:
            enjeux.setdefault(enjeu.number, enjeu)
        for mission in part.missions:
            if mission.code in missions:
                merge_mission(missions[mission.code], mission)
            else:
                missions[mission.code] = mission
        for action in part.actions:
            actions.setdefault(action.code, action)
        chart += part.chart
        indicators = indicators or part.indicators
        for claim in part.claims:
            if all((c.kind, c.value) != (claim.kind, claim.value) for c in claims):
                claims.append(claim)
        for change in part.stated:
            if all((c.kind, c.subject, c.target) != (change.kind, change.subject, change.target) for c in stated):
                stated.append(change)
        references += part.references

    kind_order = list(get_args(ClaimKind))
    claims.sort(key=lambda c: kind_order.index(c.kind))  # stable: reading order within a kind
    action_list = list(actions.values())
    chart, action_list = match_chart_to_cards(chart, action_list, threshold=settings.chart_match_threshold)
    for change in stated:
        if change.kind == "mission_renamed" and change.target in missions and change.subject not in missions[change.target].aliases:
            missions[change.target].aliases.append(change.subject)
        action = next((a for a in action_list if a.code == change.subject), None)
        if change.kind == "action_added":
            target = next((a for a in action_list if a.code == change.subject), None)
            if target:
                target.new = True
        if change.kind == "action_completed" and action is not None:
            action.completed = True
            action.status = "completed"

    return Edition(
        id=edition_id,
        label=label,
        period=period,
        published=published,
        level="actions" if action_list else "missions",
        sources=sources,
        claims=claims,
        enjeux=[enjeux[k] for k in sorted(enjeux)],
        missions=list(missions.values()),
        actions=action_list,
        chart=chart,
        indicators=indicators,
        stated_changes=stated,
        references=references,
    )
