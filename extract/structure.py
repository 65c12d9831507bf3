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
* ``provenance.quote`` is the printed text; running headers ("- ALPHA -",
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

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import get_args

from ..audit.phrases import finding
from ..profiles import Profile, load_profile
from ..schemas.blocks import Block, SourceDocument
from ..schemas.edition import (
    Action,
    ActionReference,
    ChartEntry,
    Claim,
    ClaimKind,
    Edition,
    Enjeu,
    Finding,
    IndicatorTable,
    Mission,
    SourceRef,
    StatedChange,
)
from ..schemas.provenance import Provenance
from ..vocabulary.codes import prefix_of
from .cards import Card, blocks_to_cards, card_headings, card_mission, card_to_action
from .chart import blocks_to_chart, match_chart_to_cards
from .enjeux import blocks_to_enjeux
from .indicators import rows_to_indicator_table
from .landmarks import Landmarks, discover_landmarks, prefix_missions
from .missions import (
    axis_candidates,
    axis_name,
    blocks_to_mission_lists,
    blocks_to_mission_sections,
    merge_mission,
    mission_code_blocks,
)
from .references import blocks_to_references
from .settings import StructureSettings
from .stated import blocks_to_claims, blocks_to_stated_changes, caseless_texts


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
    findings: list[Finding] = field(default_factory=list)
    #: (words assigned to an element, words in all, provenance of every unassigned block)
    words_assigned: int = 0
    words_total: int = 0
    unassigned: list[Provenance] = field(default_factory=list)


def _page_missions(blocks: list[Block], furniture: list[bool], marks: Landmarks) -> dict[int, str]:
    """The mission named by the last running header ('- ALPHA -') before each block index (`furniture`:
    which blocks are page furniture)."""
    current: str | None = None
    named: dict[int, str] = {}
    for i, block in enumerate(blocks):
        if furniture[i]:
            for text in (block.provenance.quote, block.text):
                code = text.strip().strip("- ").strip()
                if code in marks.missions:
                    current = code
        if current:
            named[i] = current
    return named


def _cards_to_actions(
    cards: list[Card], blocks: list[Block], furniture: list[bool], mission_at: dict[int, str], marks: Landmarks
) -> tuple[list[Action], list[Finding]]:
    """Actions of the cards, each in the mission it is printed in; prefix disagreements and gaps as findings."""
    placed = [(card, card.parsed[1]) for card in cards]
    learned = prefix_missions([(prefix_of(code), mission_at[card.index]) for card, code in placed if card.index in mission_at])
    marks = marks.with_codes(prefix_mission=learned)
    pages = _page_missions(blocks, furniture, marks)
    actions: list[Action] = []
    findings: list[Finding] = []
    seen: set[str] = set()
    for card, code in placed:
        if code in seen:
            continue
        seen.add(code)
        mission, known_by = card_mission(code, mission_at.get(card.index), pages.get(card.index), marks)
        action = card_to_action(card, mission, marks)
        actions.append(action)
        findings += _card_findings(action, known_by, marks)
    return actions, findings


def _card_findings(action: Action, known_by: str, marks: Landmarks) -> list[Finding]:
    """What a card's place and content leave in doubt: its prefix disagreeing with its mission, no mission at all, parts missing."""
    phrases: list[tuple[str, str, dict]] = []
    prefix = prefix_of(action.code)
    usual = marks.mission_of_prefix(prefix)
    if known_by == "section" and usual and usual != action.mission and usual in marks.missions:
        phrases.append(("prefix_mismatch", "card_prefix_mismatch", {"mission": action.mission, "prefix": prefix, "usual": usual}))
    if known_by == "none":
        phrases.append(("card_without_mission", "card_mission_unknown", {"mission": action.mission}))
    missing = [name for name, value in (("title", action.title), ("objective", action.objective)) if not value]
    if len(missing) == 2:
        phrases.append(("card_incomplete", "card_title_and_objective_missing", {}))
    elif missing:
        phrases.append(("card_incomplete", "card_part_missing", {"part": missing[0]}))
    return [finding(kind, code, [action.provenance], subject=action.code, code=action.code_printed, **params) for kind, code, params in phrases]


def _within(inner: Provenance, outer: Provenance) -> bool:
    """`inner` stands inside `outer` (same source; line range, or page and box)."""
    if inner.source != outer.source:
        return False
    if inner.line_start is not None and outer.line_start is not None:
        return outer.line_start <= inner.line_start and (inner.line_end or inner.line_start) <= (outer.line_end or outer.line_start)
    if inner.page is None or inner.page != outer.page:
        return False
    if inner.bbox is None or outer.bbox is None:
        return True
    a, b = inner.bbox, outer.bbox
    return a[0] >= b[0] - 1 and a[1] >= b[1] - 1 and a[2] <= b[2] + 1 and a[3] <= b[3] + 1


def _element_places(part: _Partial) -> list[Provenance]:
    places = [e.provenance for e in part.enjeux] + [m.provenance for m in part.missions] + [c.provenance for c in part.claims]
    places += [c.evidence for c in part.stated] + [r.provenance for r in part.references]
    if part.indicators is not None:
        places += [part.indicators.provenance] + [r.provenance for r in part.indicators.rows]
    return places


class _LineRanges:
    """The places of one source given by line range, sorted by first line, with the furthest last line
    reached so far: whether a line range stands inside one of them is one bisection (`_within`)."""

    def __init__(self, places: list[Provenance]) -> None:
        spans = sorted((place.line_start, place.line_end or place.line_start) for place in places)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []
        furthest = None
        for _, end in spans:
            furthest = end if furthest is None or end > furthest else furthest
            self.reach.append(furthest)

    def hold(self, inner: Provenance) -> bool:
        """Some place starts at or before `inner`'s first line and ends at or after its last line."""
        k = bisect_right(self.starts, inner.line_start)
        return k > 0 and self.reach[k - 1] >= (inner.line_end or inner.line_start)


def _account(part: _Partial, blocks: list[Block], furniture: list[bool], taken: set[int]) -> None:
    """Coverage of one source: every block is in an element, page furniture (`furniture`), or unassigned (with its place)."""
    # places by source and page, and the places given by line range: a block is compared only with
    # the places `_within` could find it in (a brochure has thousands of blocks and of places)
    by_page: dict[tuple[str, int | None], list[Provenance]] = {}
    by_lines: dict[str, list[Provenance]] = {}
    for place in _element_places(part):
        by_page.setdefault((place.source, place.page), []).append(place)
        if place.line_start is not None:
            by_lines.setdefault(place.source, []).append(place)
    line_ranges = {source: _LineRanges(places) for source, places in by_lines.items()}
    for i, block in enumerate(blocks):
        words = len(block.text.split())
        if not words or furniture[i]:
            continue
        part.words_total += words
        if i in taken:  # most blocks: their places are looked up only for the others (speed)
            part.words_assigned += words
            continue
        p = block.provenance
        near = by_page.get((p.source, p.page), ()) if p.page is not None else ()
        ranges = line_ranges.get(p.source) if p.line_start is not None else None
        if any(_within(p, place) for place in near) or (ranges is not None and ranges.hold(p)):
            part.words_assigned += words
        else:
            part.unassigned.append(p)


def document_to_partial(document: SourceDocument, settings: StructureSettings, profile: Profile) -> _Partial:
    """Everything one source says about its edition."""
    # a reader's "line" is a paragraph of one line; blank blocks carry nothing
    blocks = [b.model_copy(update={"kind": "paragraph"}) if b.kind == "line" else b for b in document.blocks if b.kind != "blank"]
    part = _Partial()
    marks = discover_landmarks(
        blocks,
        profile,
        objective_window=settings.mission_objective_window,
        chart_entry_max_chars=settings.chart_entry_max_chars,
        chart_group_min_entries=settings.chart_group_min_entries,
    )

    furniture = [marks.is_furniture(block) for block in blocks]
    headings = card_headings(blocks, marks)
    coded = mission_code_blocks(blocks, marks, furniture)
    cards, used = blocks_to_cards(blocks, marks, furniture, headings)
    chart, axis_labels, chart_used = blocks_to_chart(
        blocks,
        used,
        marks,
        entry_max_chars=settings.chart_entry_max_chars,
        group_min_entries=settings.chart_group_min_entries,
        furniture=furniture,
        headings=headings,
        coded=coded,
    )
    used |= chart_used
    missions, mission_at, section_used = blocks_to_mission_sections(
        blocks, used, marks, objective_window=settings.mission_objective_window, furniture=furniture, headings=headings, coded=coded
    )
    candidates = axis_candidates(blocks) if any(m.code in axis_labels for m in missions) else []
    folded: dict[str, set[str]] = {}
    named: dict[str, str] = {}  # label -> its axis name: a chart prints one label over several missions
    for mission in missions:
        label = axis_labels.get(mission.code)
        if label:
            if label not in named:
                named[label] = axis_name(label, candidates, folded)
            mission.axis = named[label]
    part.missions = missions or blocks_to_mission_lists(blocks, marks)

    part.actions, part.findings = _cards_to_actions(cards, blocks, furniture, mission_at, marks)
    part.chart = chart
    part.enjeux = blocks_to_enjeux(blocks)
    part.indicators = rows_to_indicator_table([b for b in blocks if b.kind == "table_row"])
    lowered = caseless_texts(blocks)  # the block texts both searches read, made once
    part.claims = blocks_to_claims(blocks, lowered)
    part.stated = blocks_to_stated_changes(blocks, marks, cards=[(card.parsed[1], card.body) for card in cards], headings=headings, lowered=lowered)
    part.references = blocks_to_references(blocks, marks, headings)
    _account(part, blocks, furniture, used | section_used)
    # what the reader saw but put in no block (`SourceDocument.unplaced`), page furniture aside
    for place in document.unplaced:
        words = len((place.quote or "").split())
        if words and not marks.is_running_header(place.quote or ""):
            part.words_total += words
            part.unassigned.append(place)
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
    profile: Profile | None = None,
) -> Edition:
    """One Edition from the block streams of its sources (in order; earlier sources win on conflicts).

    `profile`: what is known of this family of roadmaps, used as hints (the bundled TECH.GOUV profile by default).
    """
    settings = settings or StructureSettings()
    profile = profile or load_profile()
    findings: list[Finding] = []
    unassigned: list[Provenance] = []
    words_assigned = words_total = 0
    enjeux: dict[int, Enjeu] = {}
    missions: dict[str, Mission] = {}
    actions: dict[str, Action] = {}
    chart: list[ChartEntry] = []
    indicators: IndicatorTable | None = None
    claims: list[Claim] = []
    claimed: set[tuple[str, int]] = set()
    stated: list[StatedChange] = []
    stated_keys: set[tuple[str, str, str | None]] = set()
    references: list[ActionReference] = []
    for document in documents:
        part = document_to_partial(document, settings, profile)
        findings += part.findings
        unassigned += part.unassigned
        words_assigned += part.words_assigned
        words_total += part.words_total
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
            if (claim.kind, claim.value) not in claimed:
                claimed.add((claim.kind, claim.value))
                claims.append(claim)
        for change in part.stated:
            if (change.kind, change.subject, change.target) not in stated_keys:
                stated_keys.add((change.kind, change.subject, change.target))
                stated.append(change)
        references += part.references

    kind_order = list(get_args(ClaimKind))
    claims.sort(key=lambda c: kind_order.index(c.kind))  # stable: reading order within a kind
    action_list = list(actions.values())
    chart, action_list = match_chart_to_cards(chart, action_list, threshold=settings.chart_match_threshold)
    by_code: dict[str, Action] = {}
    for a in action_list:
        by_code.setdefault(a.code, a)
    for change in stated:
        if change.kind == "mission_renamed" and change.target in missions and change.subject not in missions[change.target].aliases:
            missions[change.target].aliases.append(change.subject)
        action = by_code.get(change.subject)
        if change.kind == "action_added" and action is not None:
            action.new = True
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
        findings=findings,
        coverage=round(words_assigned / words_total, 4) if words_total else None,
        unassigned=unassigned,
    )
