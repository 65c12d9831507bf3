"""The overview chart: its mission groups -> chart entries, and the entries matched to the action cards.

A chart group is a mission code, its headline, then at least two short
entries (titles without codes; "✓" completed, "(nouveau)" new), grouped under
capitalised axis labels ("PRODUITS et SERVICES").

The chart prints every action's title under its mission, without codes, and
its titles differ from the cards' (the card "Résilience RIE et Rimba" is
"Résilience RIE et Rimbaud" in the chart; "Sac à dos numérique de l'agent" is
"… de l'agent public"). Entries are matched to the cards of the same mission
by an optimal one-to-one assignment on a title similarity score (`assignment.assign`).

The chart closes with its legend, a mark followed by what it means ("✓ Objectif
atteint pour ces actions…"): it defines the mark and marks no entry. A mark
printed as a glyph of its own (a fallback font's "✓") belongs to the line it is
printed beside, level with it, whatever the order the producer wrote them in.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..schemas.blocks import Block
from ..assignment import assign
from ..schemas.edition import Action, ChartEntry
from ..vocabulary.icons import icons_of_role
from ..vocabulary.text import fold
from .landmarks import Landmarks
from .missions import mission_code_blocks
from .phrases import is_heading_like


#: The glyphs that mark a completed entry ("✓").
_STATUS_MARKS = icons_of_role("status")
#: Those that are one character: a text is only such marks and spaces when, with them deleted, what
#: is left is only spaces (`str.replace` and `str.isspace` rather than a test per character, for speed).
_MARK_CHARS = tuple(m for m in _STATUS_MARKS if len(m) == 1)


def _is_lone_mark(block: Block) -> bool:
    """A completion mark printed as a block of its own, without text."""
    if block.kind != "paragraph":
        return False
    text = block.text.strip()
    if not text:
        return block.icon == "status"
    rest = text
    for mark in _MARK_CHARS:
        rest = rest.replace(mark, "")
    return not rest or rest.isspace()


#: What opens a definition after a mark ("✓ = action achevée", "✓ : objectif atteint").
_DEFINES = ("=", ":", "–", "—")


def _defines(text: str, marks: Landmarks) -> bool:
    """A definition of a mark rather than a title: a completion phrase ("Objectif atteint pour ces actions…"),
    or text opening with "=" / ":" or in lower case ("veut dire …"); titles are capitalised."""
    text = text.strip()
    return bool(text) and (text.startswith(_DEFINES) or text[0].islower() or marks.is_status_mark(text))


def _is_legend(block: Block, marks: Landmarks) -> bool:
    """A legend line: a completion mark first, then what it means ("✓ Objectif atteint pour ces actions…",
    "✓ = action achevée"); an entry a mark opens ("✓ Labo") is no legend."""
    if block.kind != "paragraph" or _is_lone_mark(block):
        return False
    text = block.text.strip()
    if block.icon == "status":
        return _defines(text, marks)
    return text.startswith(_STATUS_MARKS) and _defines(text.lstrip("".join(_STATUS_MARKS)), marks)


@dataclass(frozen=True)
class _Facts:
    """What the chart's tests ask of every block, read once: page furniture (`Landmarks.is_furniture`), card
    heading (`Landmarks.parse_action_heading`), mission code block (`Landmarks.is_mission_code_block`)."""

    furniture: list[bool]
    headings: list[tuple[str, str, str] | None]
    coded: list[bool]


def _entry_like(blocks: list[Block], j: int, max_chars: int, marks: Landmarks, facts: _Facts) -> bool:
    """A short unpunctuated title that may be a chart entry (or a lone "✓" printed apart from its title).

    Asked only of a block where `_legend_at` found no legend: the block is then no legend line, and no
    status mark unless a lone mark (`_legend_at` asked both), so neither is asked again here."""
    block = blocks[j]
    text = block.text.strip()
    if _is_lone_mark(block):
        return True
    return (
        # a paragraph, or an item of a list with no arrow (entries may be set as a list: a bullet each,
        # or lines as close as a list's, `layout.unmarked`); an arrow opens a card's step
        (block.kind == "paragraph" or (block.kind == "list_item" and block.icon is None))
        and 0 < len(text) <= max_chars
        and not text.endswith((".", ":"))
        and not facts.coded[j]
        and not facts.furniture[j]
        and facts.headings[j] is None
        and not (is_heading_like(text) and "✓" not in text)
        and marks.objective_of(text) is None
    )


def _is_axis_label(blocks: list[Block], i: int, marks: Landmarks, facts: _Facts) -> bool:
    """A capitalised label printed right before a mission code ("PRODUITS et SERVICES")."""
    block = blocks[i]
    return (
        block.kind == "paragraph"
        and i + 1 < len(blocks)
        and facts.coded[i + 1]
        and not facts.coded[i]
        and not facts.furniture[i]
        and is_heading_like(block.text)
        and not marks.is_owner_phrase(block.text)
    )


def _opens_group(blocks: list[Block], i: int, facts: _Facts) -> bool:
    """A mission code followed by its headline (a line with lower-case letters)."""
    return (
        facts.coded[i]
        and i + 1 < len(blocks)
        and blocks[i + 1].kind in ("paragraph", "heading")
        and not facts.coded[i + 1]
        and not facts.furniture[i + 1]
        and any(c.islower() for c in blocks[i + 1].text)
    )


def blocks_to_chart(
    blocks: list[Block],
    used: set[int],
    marks: Landmarks,
    *,
    entry_max_chars: int,
    group_min_entries: int,
    furniture: list[bool] | None = None,
    headings: list[tuple[str, str, str] | None] | None = None,
    coded: list[bool] | None = None,
) -> tuple[list[ChartEntry], dict[str, str], set[int]]:
    """Chart entries, axis label per mission code, and the block indices they consumed (`used` are skipped).

    `furniture` (which blocks are page furniture), `headings` (each block's card heading) and `coded`
    (which are mission code blocks, `missions.mission_code_blocks`) are read here when the caller has not
    read them already."""
    if furniture is None:
        furniture = [marks.is_furniture(block) for block in blocks]
    if headings is None:
        headings = [marks.parse_action_heading(block.text) for block in blocks]
    if coded is None:
        coded = mission_code_blocks(blocks, marks, furniture)
    facts = _Facts(furniture, headings, coded)
    entries: list[ChartEntry] = []
    axis_of: dict[str, str] = {}
    consumed: set[int] = set()
    axis_label: str | None = None
    i = 0
    n = len(blocks)
    while i < n:
        if i in used:
            i += 1
            continue
        # both tests open with a mission code at i + 1, at i: asked only there (speed)
        if i + 1 < n and coded[i + 1] and _is_axis_label(blocks, i, marks, facts):
            axis_label = blocks[i].text.strip()
        if coded[i] and _opens_group(blocks, i, facts):
            j = i + 2
            group: list[int] = []
            # the legend at the block that closes the group, read once ([] past the end or at a used block)
            legend: list[int] = []
            while j < n and j not in used:
                legend = _legend_at(blocks, j, used, marks)
                if legend or not _entry_like(blocks, j, entry_max_chars, marks, facts):
                    break
                group.append(j)
                j += 1
            if len(group) >= group_min_entries:
                mission = marks.mission_code_of(blocks[i].text)
                assert mission is not None
                if axis_label:
                    axis_of[mission] = axis_label
                    if i > 0 and blocks[i - 1].text.strip() == axis_label:
                        consumed.add(i - 1)
                consumed.update({i, i + 1, *group})
                near = [blocks[k] for k in legend]
                entries += _chart_entries(mission, [blocks[k] for k in group], marks, near=near)
                consumed.update(legend)  # the legend line right after the chart
                j += len(legend)
                i = j
                continue
        i += 1
    return entries, axis_of, consumed


def _legend_at(blocks: list[Block], j: int, used: set[int], marks: Landmarks) -> list[int]:
    """Indices of the chart's legend line at `j`, else []: a mark then its meaning in one block, a
    completion phrase (its icon lost), or a lone mark printed level with and just left of the
    line after it (its glyph from another font, written apart: the two make the legend)."""
    if j >= len(blocks) or j in used:
        return []
    block = blocks[j]
    lone = _is_lone_mark(block)  # (a lone mark is no legend line: `_is_legend`)
    if not lone and (_is_legend(block, marks) or marks.is_status_mark(block.text)):
        if j + 1 < len(blocks) and j + 1 not in used and _is_lone_mark(blocks[j + 1]) and _before(blocks[j + 1], block):
            return [j, j + 1]  # its mark, written after it
        return [j]
    if lone and j + 1 < len(blocks) and j + 1 not in used:
        after = blocks[j + 1]
        if not _is_lone_mark(after) and _defines(after.text, marks) and _before(block, after):
            return [j, j + 1]
    return []


def _before(mark: Block, block: Block) -> bool:
    """Whether `mark` is printed level with `block` and just left of it (within the height of the line)."""
    gap = _beside(mark, block)
    a, b = mark.provenance.bbox, block.provenance.bbox
    return gap is not None and a is not None and b is not None and a[0] < b[0] and gap <= b[3] - b[1]


def _beside(mark: Block, block: Block, overlap_share: float = 0.5) -> float | None:
    """How far `mark` stands from `block` horizontally when both are printed level on one page, else None."""
    a, b = mark.provenance, block.provenance
    if a.bbox is None or b.bbox is None or a.page != b.page:
        return None
    overlap = min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1])
    if overlap <= overlap_share * min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]):
        return None
    return max(b.bbox[0] - a.bbox[2], a.bbox[0] - b.bbox[2], 0.0)


def _owner_of_mark(k: int, blocks: list[Block], near: list[Block]) -> int | None:
    """Index (into blocks + near) of the line the lone mark blocks[k] is printed beside, by geometry;
    without places, the title before it (the text conventions print "✓" after its title)."""
    candidates = blocks + near
    placed = [(d, i) for i, other in enumerate(candidates) if i != k and not _is_lone_mark(other) and (d := _beside(blocks[k], other)) is not None]
    if placed:
        return min(placed)[1]
    return next((i for i in range(k - 1, -1, -1) if not _is_lone_mark(blocks[i])), None)


def _chart_entries(mission: str, blocks: list[Block], marks: Landmarks, *, near: list[Block] = ()) -> list[ChartEntry]:  # type: ignore[assignment]
    """Chart entries of one mission group: "(nouveau)" marks a new action, a final "✓" a completed one.

    A "(nouveau)" printed as a block of its own applies to the title after it; a
    lone "✓" to the line it is printed beside (`_owner_of_mark`), which may be
    the legend after the group (`near`): that one marks no entry.
    """
    near = list(near)
    entries: list[ChartEntry] = []
    entry_of: dict[int, ChartEntry] = {}
    marked: set[int] = set()
    pending_new = False
    new_mark = marks.new_mark()
    for k, block in enumerate(blocks):
        if _is_lone_mark(block):
            owner = _owner_of_mark(k, blocks, near)
            if owner is not None:
                marked.add(owner)
            continue
        title = block.text.strip()
        new = pending_new or bool(new_mark and new_mark.search(title))
        title = new_mark.sub("", title).strip() if new_mark else title
        completed = title.endswith(_STATUS_MARKS) or block.icon == "status"
        title = title.rstrip("".join(_STATUS_MARKS) + " ").strip()
        if not title:
            pending_new = new
            continue
        pending_new = False
        entry_of[k] = ChartEntry(mission=mission, title=title, completed=completed, new=new, provenance=block.provenance)
        entries.append(entry_of[k])
    for k in marked:
        if k in entry_of:
            entry_of[k].completed = True
    return entries


def _folded_similarities(entries: list[str], cards: list[str]) -> list[list[float]]:
    """0-100 for each folded entry title (row) and card title (column): how likely the two name the same
    action (one may be a truncation of the other). The score of a pair is the best of `fuzz.ratio` and
    `fuzz.token_sort_ratio`, raised to 80-100 when one title of 4 characters or more opens the other;
    0 when either is empty. One mission's entries and cards make a small matrix: its rows are
    plain floats (`assignment.assign` reads them without numpy)."""
    rows = []
    for entry in entries:
        row = []
        for card in cards:
            if not entry or not card:
                row.append(0.0)
                continue
            score = max(fuzz.ratio(entry, card), fuzz.token_sort_ratio(entry, card))
            short, long_ = (card, entry) if len(card) <= len(entry) else (entry, card)
            if len(short) >= 4 and long_.startswith(short):
                score = max(score, 80.0 + 20.0 * len(short) / len(long_))
            row.append(float(score))
        rows.append(row)
    return rows


def match_chart_to_cards(chart: list[ChartEntry], actions: list[Action], *, threshold: float) -> tuple[list[ChartEntry], list[Action]]:
    """Copies of the chart and actions with entries matched to cards (chart_title, new, completed set)."""
    # matching sets top-level fields only, so shallow copies leave the inputs untouched
    chart = [entry.model_copy() for entry in chart]
    actions = [action.model_copy() for action in actions]
    for mission in sorted({entry.mission for entry in chart}):
        rows = [e for e in chart if e.mission == mission]
        cols = [a for a in actions if a.mission == mission]
        if not rows or not cols:
            continue
        card_titles = [fold(a.title) for a in cols]
        entry_titles = [fold(e.title) for e in rows]
        scores = _folded_similarities(entry_titles, card_titles)
        for r, c, score in assign(scores, threshold):
            entry, action = rows[r], cols[c]
            entry.action = action.code
            entry.match_score = round(score, 1)
            action.chart_title = entry.title
            if entry.new:
                action.new = True
            if entry.completed:
                action.completed = True
                action.status = "completed"
    return chart, actions
