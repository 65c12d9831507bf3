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
* ``icon``: the role of the leading icon when the reader saw one (``deadline``
  for 📅 □ ▣, ``owner`` for ⬆️, ``status`` for ✓, ``arrow`` for ➔). Icons are
  hints: every block is also classified by its words (see
  `editiondiff.extract.phrases`).
* ``heading``: markdown headings (``level`` 1-6); text readers emit none.
  A ``line`` block is read as a paragraph.
* An "ACTION XX n →" heading whose title went to the next block (paragraph
  or arrow item) takes that block as its title.
* ``table_row``: ``cells`` in order, one block per printed row; a header row
  has empty first cells (mission, label) and the value column headers.
* ``provenance.quote`` is the printed text; running headers ("- LABEL -",
  "Feuille de route 2019-2022", page numbers) may be left in, they are skipped.

What the builder recognises
---------------------------
* **action card**: a block "ACTION XX n → Title", then until the next card,
  mission section, capitalised heading or table: a status mark ("Objectif
  atteint ✓"), owner lines, deadline phrases, steps, the objective (first other
  paragraph), a description (prose before the steps) and notes (prose after).
  A deadline phrase belongs to a step when it is printed inline after it, or
  when the card interleaves steps and phrases (a phrase then follows its step);
  otherwise it is a card-level phrase.
* **mission section**: a mission code block ("LABEL") followed within three
  blocks by "OBJECTIF : …"; its headline, objective, description and progress
  report ("Où en est-on …").
* **overview chart**: a mission code, its headline, then at least two short
  entries (titles without codes; "✓" completed, "(nouveau)" new), grouped
  under capitalised axis labels ("PRODUITS et SERVICES").
* **mission lists** (web pages): "**LABEL :** description" items under an axis
  heading, or codes in parentheses ("8 missions (LABEL, IDNUM, …)", "… (Label)").
* **enjeux**: numbered items after a mention of "enjeux", or the sub-headings
  of a heading that mentions them.
* **indicator table**, **claims** and **stated changes**: see
  `editiondiff.extract.indicators` and `editiondiff.extract.stated`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import get_args

from ..normalize.codes import MISSION_PREFIX, canonical_mission_code, mission_of_action
from ..normalize.text import fold
from ..schemas.blocks import Block, SourceDocument
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
    Passage,
    SourceRef,
    StatedChange,
    Step,
)
from ..schemas.provenance import Provenance
from .chart import match_chart_to_cards
from .indicators import rows_to_indicator_table
from .phrases import (
    action_references,
    is_deadline_phrase,
    is_heading_like,
    is_owner_phrase,
    is_running_header,
    is_status_mark,
    mission_code_of,
    parse_action_heading,
    step_status,
    trailing_deadline,
)
from .stated import blocks_to_claims, blocks_to_stated_changes

MISSION_CODES = set(MISSION_PREFIX)


@dataclass(frozen=True)
class StructureSettings:
    """Every tunable of the structure builder, in one place."""

    #: Longest chart entry, in characters (longer blocks are prose).
    chart_entry_max_chars: int = 90
    #: Fewest entries for a mission group to count as a chart group.
    chart_group_min_entries: int = 2
    #: Lowest rapidfuzz score (0-100) for a chart entry to be matched to a card.
    chart_match_threshold: float = 60.0
    #: How far after a mission code the "OBJECTIF :" line may stand, in blocks.
    mission_objective_window: int = 3


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


def _is_furniture(block: Block) -> bool:
    return is_running_header(block.provenance.quote, MISSION_CODES) or is_running_header(block.text, MISSION_CODES)


def _is_mission_code(block: Block) -> bool:
    return block.kind in ("paragraph", "heading") and mission_code_of(block.text) is not None and not _is_furniture(block)


def _objective_of(text: str) -> str | None:
    m = re.match(r"^OBJECTIF\s*:\s*(.+)$", text.strip(), re.IGNORECASE)
    return m.group(1).strip() if m and text.strip()[:8].isupper() else None


def _ends_card(block: Block) -> bool:
    """A block that cannot belong to an action card: it closes the one before."""
    if block.kind in ("heading", "table_row"):
        return True
    if parse_action_heading(block.text) or _is_mission_code(block):
        return True
    if block.kind == "paragraph" and is_heading_like(block.text):
        return not (is_owner_phrase(block.text) or is_deadline_phrase(block.text) or is_status_mark(block.text))
    return False


# --------------------------------------------------------------------------- cards


def _card_to_action(heading: Block, body: list[Block], mission_hint: str | None) -> Action:
    printed, code, title = parse_action_heading(heading.text)  # type: ignore[misc]
    body = list(body)
    if not title and body and body[0].kind in ("paragraph", "list_item"):
        title = body.pop(0).text.strip()
    prefix_mission = mission_of_action(code)
    mission = mission_hint if mission_hint and MISSION_PREFIX.get(mission_hint) == code[:2] else prefix_mission

    objective: str | None = None
    description: list[str] = []
    notes: list[str] = []
    owners: list[str] = []
    status_printed: str | None = None
    # (kind, block) in order: "step" or "deadline"
    sequence: list[tuple[str, Block]] = []
    for block in body:
        text = block.text.strip()
        if block.kind == "list_item":
            sequence.append(("step", block))
        elif block.icon == "status" or is_status_mark(text):
            status_printed = text
        elif block.icon == "owner" or is_owner_phrase(text):
            owners.append(text)
        elif block.icon == "deadline" or is_deadline_phrase(text):
            sequence.append(("deadline", block))
        elif objective is None:
            objective = text
        elif not sequence:
            description.append(text)
        else:
            notes.append(text)

    steps: list[Step] = []
    step_deadline: dict[int, str] = {}
    card_deadlines: list[str] = []
    positions = [i for i, (kind, _) in enumerate(sequence) if kind == "step"]
    interleaved = any(
        kind == "deadline" and block.attrs.get("inline") != "true" and any(p < i for p in positions) and any(p > i for p in positions)
        for i, (kind, block) in enumerate(sequence)
    )
    last_step: int | None = None
    for i, (kind, block) in enumerate(sequence):
        if kind == "step":
            last_step = i
            continue
        inline = block.attrs.get("inline") == "true" and i > 0 and sequence[i - 1][0] == "step"
        if (inline or interleaved) and last_step is not None and last_step not in step_deadline:
            step_deadline[last_step] = block.text.strip()
        else:
            card_deadlines.append(block.text.strip())
    for i, (kind, block) in enumerate(sequence):
        if kind != "step":
            continue
        phrase = step_deadline.get(i) or trailing_deadline(block.text)
        prov = block.provenance
        if i in step_deadline:
            deadline_block = next(b for j, (k, b) in enumerate(sequence) if j > i and k == "deadline")
            prov = Provenance.span([block.provenance, deadline_block.provenance])
        steps.append(Step(text=block.text.strip(), deadline_printed=phrase, status=step_status(phrase), provenance=prov))  # type: ignore[arg-type]

    completed = bool(status_printed and ("✓" in status_printed or is_status_mark(status_printed)))
    provenance = Provenance.span([heading.provenance] + [b.provenance for b in body], quote=heading.provenance.quote)
    return Action(
        code=code,
        code_printed=printed,
        mission=mission,
        title=title,
        objective=objective,
        description=" ".join(description) or None,
        owners_printed=owners,
        status="completed" if completed else "active",
        status_printed=status_printed,
        completed=completed,
        deadlines_printed=card_deadlines,
        steps=steps,
        notes=notes,
        provenance=provenance,
    )


# --------------------------------------------------------------------------- chart


def _chart_groups(blocks: list[Block], used: set[int], settings: StructureSettings) -> tuple[list[ChartEntry], dict[str, str], set[int]]:
    """Chart entries, axis label per mission code, and the indices they consumed."""
    entries: list[ChartEntry] = []
    axis_of: dict[str, str] = {}
    consumed: set[int] = set()
    axis_label: str | None = None
    i = 0
    n = len(blocks)

    def entry_like(block: Block) -> bool:
        text = block.text.strip()
        if block.kind == "paragraph" and block.icon == "status" and not text:
            return True  # a lone "✓" printed apart from its title
        return (
            block.kind == "paragraph"
            and 0 < len(text) <= settings.chart_entry_max_chars
            and not text.endswith((".", ":"))
            and not _is_mission_code(block)
            and not _is_furniture(block)
            and not parse_action_heading(text)
            and not is_status_mark(text)
            and not (is_heading_like(text) and "✓" not in text)
            and _objective_of(text) is None
        )

    while i < n:
        block = blocks[i]
        if i in used:
            i += 1
            continue
        if (
            block.kind == "paragraph"
            and is_heading_like(block.text)
            and not _is_mission_code(block)
            and not _is_furniture(block)
            and not is_owner_phrase(block.text)
            and i + 1 < n
            and _is_mission_code(blocks[i + 1])
        ):
            axis_label = block.text.strip()
        headline = blocks[i + 1] if i + 1 < n else None
        if (
            _is_mission_code(block)
            and headline is not None
            and headline.kind in ("paragraph", "heading")
            and not _is_mission_code(headline)
            and not _is_furniture(headline)
            and any(c.islower() for c in headline.text)
        ):
            j = i + 2
            group: list[int] = []
            while j < n and j not in used and entry_like(blocks[j]):
                group.append(j)
                j += 1
            if len(group) >= settings.chart_group_min_entries:
                mission = mission_code_of(block.text)
                assert mission is not None
                if axis_label:
                    axis_of[mission] = axis_label
                    if i > 0 and blocks[i - 1].text.strip() == axis_label:
                        consumed.add(i - 1)
                consumed.update({i, i + 1, *group})
                entries += _chart_entries(mission, [blocks[k] for k in group])
                # the legend line right after the chart
                if j < n and (blocks[j].icon == "status" or is_status_mark(blocks[j].text)):
                    consumed.add(j)
                    j += 1
                i = j
                continue
        i += 1
    return entries, axis_of, consumed


_NEW_MARK = re.compile(r"^\(\s*nouveau\s*\)\s*|\s*\(\s*nouveau\s*\)$", re.IGNORECASE)


def _chart_entries(mission: str, blocks: list[Block]) -> list[ChartEntry]:
    """Chart entries of one mission group: "(nouveau)" marks a new action, a final "✓" a completed one.

    A mark printed as a block of its own ("(nouveau)" before a title, "✓" after
    one) applies to the neighbouring title.
    """
    entries: list[ChartEntry] = []
    pending_new = False
    for block in blocks:
        title = block.text.strip()
        new = pending_new or bool(_NEW_MARK.search(title))
        title = _NEW_MARK.sub("", title).strip()
        completed = title.endswith("✓") or block.icon == "status"
        title = title.rstrip("✓ ").strip()
        if not title:
            if completed and entries:
                entries[-1].completed = True
            pending_new = new and not completed
            continue
        pending_new = False
        entries.append(ChartEntry(mission=mission, title=title, completed=completed, new=new, provenance=block.provenance))
    return entries


def _axis_candidates(blocks: list[Block]) -> list[str]:
    """Short unpunctuated headlines: where the full axis names are."""
    candidates = []
    for block in blocks:
        text = block.text.strip()
        if block.kind not in ("paragraph", "heading") or len(text) > 120 or text.endswith("."):
            continue
        candidates.append(text)
    return candidates


def _axis_name(label: str, candidates: list[str], folded: dict[str, set[str]]) -> str:
    """The full axis headline a short chart label stands for ('PRODUITS et SERVICES' -> 'Des produits et des services …').

    `folded`: the folded words of the candidates compared so far, filled as they are needed.
    """
    words = {w for w in fold(label).split() if len(w) > 3}
    for text in candidates:
        if len(text) <= len(label):
            continue
        text_words = folded.get(text)
        if text_words is None:
            text_words = folded[text] = set(fold(text).split())
        if words and words <= text_words:
            return text
    return label


# --------------------------------------------------------------------------- missions and enjeux


def _mission_sections(blocks: list[Block], used: set[int], settings: StructureSettings) -> tuple[list[Mission], dict[int, str]]:
    """Missions from their sections, and the mission each block index stands in."""
    missions: list[Mission] = []
    mission_at: dict[int, str] = {}
    n = len(blocks)
    starts: list[tuple[int, int, str]] = []  # (code index, objective index, code)
    for i, block in enumerate(blocks):
        if i in used or not _is_mission_code(block):
            continue
        for j in range(i + 1, min(n, i + 1 + settings.mission_objective_window)):
            if _objective_of(blocks[j].text):
                starts.append((i, j, mission_code_of(block.text)))  # type: ignore[arg-type]
                break
    for number, (i, j, code) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else n
        name = blocks[i + 1].text.strip() if i + 1 < j else None
        description: list[str] = []
        progress: list[Passage] = []
        in_progress = False
        k = j + 1
        while k < end:
            block = blocks[k]
            mission_at[k] = code
            if parse_action_heading(block.text):
                break
            if _is_furniture(block) or block.kind == "table_row":
                k += 1
                continue
            if block.kind == "paragraph" and is_heading_like(block.text):
                break
            if re.match(r"^Où en est-on\b", block.text.strip(), re.IGNORECASE):
                in_progress = True
            elif in_progress:
                progress.append(Passage(text=block.text.strip(), provenance=block.provenance))
            else:
                description.append(block.text.strip())
            k += 1
        for m in range(k, end):
            mission_at[m] = code
        missions.append(
            Mission(
                code=canonical_mission_code(code),
                code_printed=code,
                name=name,
                objective=_objective_of(blocks[j].text),
                description=" ".join(description) or None,
                progress=progress,
                provenance=Provenance.span([blocks[x].provenance for x in range(i, j + 1)]),
            )
        )
    return missions, mission_at


_MISSION_ITEM = re.compile(r"^([A-Z]{4,})\s*:\s*(.+)$")
_MISSION_LIST = re.compile(r"\b(?:\d+|huit|neuf|sept)\s+missions\s*\(([^)]*)\)", re.IGNORECASE)
_MISSION_PAREN = re.compile(r"\(([A-Za-z]{4,})\)")


def _mission_lists(blocks: list[Block]) -> list[Mission]:
    """Missions named in web pages: 'LABEL : …' items, '8 missions (LABEL, …)', '… (Label) ;' clauses."""
    missions: list[Mission] = []
    seen: set[str] = set()
    axis: str | None = None
    for block in blocks:
        text = block.text.strip()
        if block.kind == "heading":
            axis = text if block.level and block.level >= 3 else None
            continue
        m = _MISSION_ITEM.match(text)
        if m and m.group(1) in MISSION_CODES and m.group(1) not in seen:
            seen.add(m.group(1))
            missions.append(
                Mission(code=m.group(1), code_printed=m.group(1), axis=axis, description=m.group(2).strip(), provenance=block.provenance)
            )
            continue
        for lm in _MISSION_LIST.finditer(text):
            for part in lm.group(1).split(","):
                try:
                    code = canonical_mission_code(part.strip())
                except ValueError:
                    continue
                if code not in seen:
                    seen.add(code)
                    missions.append(
                        Mission(code=code, code_printed=part.strip(), provenance=block.provenance.model_copy(update={"quote": lm.group(0)}))
                    )
        if "missions" in text.lower() and len(_MISSION_PAREN.findall(text)) >= 2:
            sentences = re.split(r"(?<=\.)\s+", text)
            axis_sentence = sentences[0].strip() if sentences else None
            start = text.find(":") + 1 if ":" in text else 0
            for pm in _MISSION_PAREN.finditer(text):
                try:
                    code = canonical_mission_code(pm.group(1))
                except ValueError:
                    continue
                clause_start = max(text.rfind(";", start, pm.start()), text.rfind(":", start - 1, pm.start())) + 1
                clause = text[clause_start: pm.start()].strip(" ;,")
                clause = re.sub(r"^(?:et\s+)?(?:de |d'|la |l'|le |les )?", "", clause).strip()
                start = pm.end()
                if code in seen:
                    continue
                seen.add(code)
                missions.append(
                    Mission(
                        code=code,
                        code_printed=pm.group(1),
                        axis=axis_sentence.rstrip("."),
                        description=clause or None,
                        provenance=block.provenance.model_copy(update={"quote": text[clause_start: pm.end()].strip()}),
                    )
                )
    return missions


_ARTICLE = re.compile(r"^(?:la |le |les |l')", re.IGNORECASE)


def _enjeux(blocks: list[Block]) -> list[Enjeu]:
    """The numbered enjeux (text sources) or the sub-headings of an 'enjeux' heading (markdown)."""
    enjeux: list[Enjeu] = []
    mentioned_at = -10
    expected = 1
    for i, block in enumerate(blocks):
        text = block.text.strip()
        number = block.attrs.get("number")
        if number and int(number) == expected and i - mentioned_at <= 8 and expected <= 6:
            if is_heading_like(text):
                title = blocks[i + 1].text.strip() if i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph" else None
                description = blocks[i + 2].text.strip() if title and i + 2 < len(blocks) and blocks[i + 2].kind == "paragraph" else None
                name = text.capitalize()
                provs = [b.provenance for b in blocks[i: i + (3 if description else 2 if title else 1)]]
            else:
                word = re.match(r"(\w+)", _ARTICLE.sub("", text))
                name = word.group(1).capitalize() if word else text
                title, description = None, text
                provs = [block.provenance]
            enjeux.append(Enjeu(number=expected, name=name, title=title, description=description, provenance=Provenance.span(provs)))
            expected += 1
            mentioned_at = i
            continue
        if "enjeux" in text.lower() and not number:
            mentioned_at = i
    if enjeux:
        return enjeux
    # markdown: sub-headings of a heading that mentions the enjeux
    for i, block in enumerate(blocks):
        if block.kind != "heading" or "enjeux" not in block.text.lower():
            continue
        level = block.level or 1
        for j in range(i + 1, len(blocks)):
            sub = blocks[j]
            if sub.kind == "heading" and (sub.level or 1) <= level:
                break
            if sub.kind == "heading" and len(enjeux) < 6:
                description = next(
                    (b.text.strip() for b in blocks[j + 1: j + 4] if b.kind == "paragraph" and b.text.strip()), None
                )
                enjeux.append(Enjeu(number=len(enjeux) + 1, name=sub.text.strip(), description=description, provenance=sub.provenance))
        if enjeux:
            break
    return enjeux


# --------------------------------------------------------------------------- references


def _references(blocks: list[Block]) -> list[ActionReference]:
    refs: list[ActionReference] = []
    for block in blocks:
        if block.kind == "table_row" or parse_action_heading(block.text):
            continue
        text = block.text
        for printed, code, offset in action_references(text):
            sentence_start = max(text.rfind(". ", 0, offset) + 2, 0) if text.rfind(". ", 0, offset) >= 0 else 0
            sentence_end = text.find(". ", offset)
            sentence = text[sentence_start: sentence_end + 1 if sentence_end >= 0 else len(text)].strip()
            refs.append(ActionReference(printed=printed, code=code, provenance=block.provenance.model_copy(update={"quote": sentence})))
    return refs


# --------------------------------------------------------------------------- one source


def document_to_partial(document: SourceDocument, settings: StructureSettings) -> _Partial:
    """Everything one source says about its edition."""
    # a reader's "line" is a paragraph of one line; blank blocks carry nothing
    blocks = [b.model_copy(update={"kind": "paragraph"}) if b.kind == "line" else b for b in document.blocks if b.kind != "blank"]
    part = _Partial()

    # action cards
    used: set[int] = set()
    cards: list[tuple[int, Block, list[Block]]] = []
    i = 0
    while i < len(blocks):
        if parse_action_heading(blocks[i].text) and blocks[i].kind in ("paragraph", "heading"):
            j = i + 1
            body: list[Block] = []
            while j < len(blocks) and (_is_furniture(blocks[j]) or not _ends_card(blocks[j])):
                if not _is_furniture(blocks[j]):
                    body.append(blocks[j])
                j += 1
            cards.append((i, blocks[i], body))
            used.update(range(i, j))
            i = j
        else:
            i += 1

    chart, axis_labels, chart_used = _chart_groups(blocks, used, settings)
    used |= chart_used
    missions, mission_at = _mission_sections(blocks, used, settings)
    candidates = _axis_candidates(blocks) if any(m.code in axis_labels for m in missions) else []
    folded: dict[str, set[str]] = {}
    for mission in missions:
        label = axis_labels.get(mission.code)
        if label:
            mission.axis = _axis_name(label, candidates, folded)
    part.missions = missions or _mission_lists(blocks)

    for index, heading, body in cards:
        action = _card_to_action(heading, body, mission_at.get(index))
        if all(a.code != action.code for a in part.actions):
            part.actions.append(action)
    part.chart = chart
    part.enjeux = _enjeux(blocks)
    part.indicators = rows_to_indicator_table([b for b in blocks if b.kind == "table_row"])
    part.claims = blocks_to_claims(blocks)
    part.stated = blocks_to_stated_changes(blocks, cards=[(h, body) for _, h, body in cards])
    part.references = _references(blocks)
    return part


# --------------------------------------------------------------------------- the edition


def _merge_mission(into: Mission, other: Mission) -> None:
    for name in ("name", "axis", "objective", "description"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))


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
                _merge_mission(missions[mission.code], mission)
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
