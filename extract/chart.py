"""The overview chart: its mission groups -> chart entries, and the entries matched to the action cards.

A chart group is a mission code, its headline, then at least two short
entries (titles without codes; "✓" completed, "(nouveau)" new), grouped under
capitalised axis labels ("PRODUITS et SERVICES").

The chart prints every action's title under its mission, without codes, and
its titles differ from the cards' (the card "Résilience RIE et Rimba" is
"Résilience RIE et Rimbaud" in the chart; "Sac à dos numérique de l'agent" is
"… de l'agent public"). Entries are matched to the cards of the same mission
by an optimal one-to-one assignment on a title similarity score (`assignment.assign`).
"""

from __future__ import annotations


import numpy as np
from rapidfuzz import fuzz

from ..schemas.blocks import Block
from ..assignment import assign
from ..schemas.edition import Action, ChartEntry
from ..vocabulary.text import fold
from .landmarks import Landmarks
from .phrases import is_heading_like


def _entry_like(block: Block, max_chars: int, marks: Landmarks) -> bool:
    """A short unpunctuated title that may be a chart entry (or a lone "✓" printed apart from its title)."""
    text = block.text.strip()
    if block.kind == "paragraph" and block.icon == "status" and not text:
        return True
    return (
        block.kind == "paragraph"
        and 0 < len(text) <= max_chars
        and not text.endswith((".", ":"))
        and not marks.is_mission_code_block(block)
        and not marks.is_furniture(block)
        and not marks.parse_action_heading(text)
        and not marks.is_status_mark(text)
        and not (is_heading_like(text) and "✓" not in text)
        and marks.objective_of(text) is None
    )


def _is_axis_label(blocks: list[Block], i: int, marks: Landmarks) -> bool:
    """A capitalised label printed right before a mission code ("PRODUITS et SERVICES")."""
    block = blocks[i]
    return (
        block.kind == "paragraph"
        and is_heading_like(block.text)
        and not marks.is_mission_code_block(block)
        and not marks.is_furniture(block)
        and not marks.is_owner_phrase(block.text)
        and i + 1 < len(blocks)
        and marks.is_mission_code_block(blocks[i + 1])
    )


def _opens_group(blocks: list[Block], i: int, marks: Landmarks) -> bool:
    """A mission code followed by its headline (a line with lower-case letters)."""
    headline = blocks[i + 1] if i + 1 < len(blocks) else None
    return (
        marks.is_mission_code_block(blocks[i])
        and headline is not None
        and headline.kind in ("paragraph", "heading")
        and not marks.is_mission_code_block(headline)
        and not marks.is_furniture(headline)
        and any(c.islower() for c in headline.text)
    )


def blocks_to_chart(
    blocks: list[Block], used: set[int], marks: Landmarks, *, entry_max_chars: int, group_min_entries: int
) -> tuple[list[ChartEntry], dict[str, str], set[int]]:
    """Chart entries, axis label per mission code, and the block indices they consumed (`used` are skipped)."""
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
        if _is_axis_label(blocks, i, marks):
            axis_label = blocks[i].text.strip()
        if _opens_group(blocks, i, marks):
            j = i + 2
            group: list[int] = []
            while j < n and j not in used and _entry_like(blocks[j], entry_max_chars, marks):
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
                entries += _chart_entries(mission, [blocks[k] for k in group], marks)
                # the legend line right after the chart
                if j < n and (blocks[j].icon == "status" or marks.is_status_mark(blocks[j].text)):
                    consumed.add(j)
                    j += 1
                i = j
                continue
        i += 1
    return entries, axis_of, consumed


def _chart_entries(mission: str, blocks: list[Block], marks: Landmarks) -> list[ChartEntry]:
    """Chart entries of one mission group: "(nouveau)" marks a new action, a final "✓" a completed one.

    A mark printed as a block of its own ("(nouveau)" before a title, "✓" after
    one) applies to the neighbouring title.
    """
    entries: list[ChartEntry] = []
    pending_new = False
    new_mark = marks.new_mark()
    for block in blocks:
        title = block.text.strip()
        new = pending_new or bool(new_mark and new_mark.search(title))
        title = new_mark.sub("", title).strip() if new_mark else title
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


def _folded_similarity(a: str, b: str) -> float:
    """0-100: how likely two folded titles name the same action (one may be a truncation of the other)."""
    if not a or not b:
        return 0.0
    score = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        score = max(score, 80.0 + 20.0 * len(short) / len(long_))
    return float(score)


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
        scores = np.array([[_folded_similarity(card, entry) for card in card_titles] for entry in entry_titles])
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
