"""Action cards: the blocks of a card -> an Action.

A card is a block "ACTION XX n → Title", then until the next card, mission
section, capitalised heading or table: a status mark ("Objectif atteint ✓", "Action achevée ✓"),
owner lines, deadline phrases, steps, the objective (first other paragraph), a
description (prose before the steps) and notes (prose after). A deadline phrase
belongs to a step when it is printed inline after it, or when the card
interleaves steps and phrases (a phrase then follows its step); otherwise it is
a card-level phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schemas.blocks import Block
from ..schemas.edition import Action, Step
from ..schemas.provenance import Provenance
from ..vocabulary.icons import DONE_MARK
from ..vocabulary.owners import ORGANISATION_WORDS, OWNER_LABELS, OWNER_MAX_WORDS
from ..vocabulary.sentences import ends_a_sentence_within
from ..vocabulary.text import fold_chars
from .landmarks import Landmarks
from .phrases import is_deadline_phrase, is_heading_like, step_status, trailing_deadline


@dataclass(frozen=True)
class Card:
    """The blocks of one printed card: its heading, where it stands, and its body (furniture left out);
    `parsed` is its heading as `Landmarks.parse_action_heading` reads it (as printed, code, title)."""

    index: int
    heading: Block
    body: list[Block]
    parsed: tuple[str, str, str]


def card_headings(blocks: list[Block], marks: Landmarks) -> list[tuple[str, str, str] | None]:
    """`Landmarks.parse_action_heading` of every block, in order: read once for all the recognisers."""
    return [marks.parse_action_heading(block.text) for block in blocks]


def ends_card(block: Block, marks: Landmarks, *, heading: bool, furniture: bool) -> bool:
    """A block that cannot belong to an action card: it closes the one before (`heading`: the block is
    a card heading; `furniture`: it is page furniture)."""
    if block.kind in ("heading", "table_row"):
        return True
    if heading or (block.kind == "paragraph" and not furniture and marks.mission_code_of(block.text) is not None):
        return True  # a card heading, or a mission code block (`Landmarks.is_mission_code_block`)
    if block.kind == "paragraph" and is_heading_like(block.text):
        return not (marks.is_owner_phrase(block.text) or is_deadline_phrase(block.text) or marks.is_status_mark(block.text))
    return False


def blocks_to_cards(
    blocks: list[Block], marks: Landmarks, furniture: list[bool], headings: list[tuple[str, str, str] | None]
) -> tuple[list[Card], set[int]]:
    """Every card of a block stream, and the block indices the cards take (`furniture`: which blocks are
    page furniture; `headings`: each block's card heading, `card_headings`)."""
    used: set[int] = set()
    cards: list[Card] = []
    i = 0
    while i < len(blocks):
        if headings[i] and blocks[i].kind in ("paragraph", "heading"):
            j = i + 1
            # a status stamp printed before the code on the heading's line, split from it at the gap
            stamped = i > 0 and _stamp_before(blocks, i - 1, marks, headings) and i - 1 not in used
            body: list[Block] = [blocks[i - 1]] if stamped else []
            used.update({i - 1} if stamped else set())
            while j < len(blocks) and (furniture[j] or not ends_card(blocks[j], marks, heading=headings[j] is not None, furniture=furniture[j])):
                if _stamp_before(blocks, j, marks, headings):
                    break
                if not furniture[j]:
                    body.append(blocks[j])
                j += 1
            cards.append(Card(i, blocks[i], body, headings[i]))
            used.update(range(i, j))
            i = j
        else:
            i += 1
    return cards, used


def _stamp_before(blocks: list[Block], j: int, marks: Landmarks, headings: list[tuple[str, str, str] | None]) -> bool:
    """Block j is a status stamp printed on the line of the card heading after it ("Fait ✓  ACTION …")."""
    return (
        j + 1 < len(blocks)
        and blocks[j + 1].attrs.get("inline") == "true"
        and headings[j + 1] is not None
        and marks.is_status_mark(blocks[j].text)
    )


@dataclass
class _Body:
    """A card's body sorted by what each block says."""

    objective: str | None = None
    description: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    status_printed: str | None = None
    #: the status mark says the card is completed
    completed: bool = False
    #: steps and deadline phrases in print order: ("step" | "deadline", block)
    sequence: list[tuple[str, Block]] = field(default_factory=list)


def _same_row(a: Block, b: Block) -> bool:
    """Two blocks printed on one row of one page (placed blocks only: a text source has no rows)."""
    pa, pb = a.provenance, b.provenance
    if pa.bbox is None or pb.bbox is None or pa.page != pb.page:
        return False
    return min(pa.bbox[3], pb.bbox[3]) - max(pa.bbox[1], pb.bbox[1]) > 0


def _lone_icons_to_next(body: list[Block]) -> list[Block]:
    """An icon printed on a line of its own (its text set apart, as a word processor may) confirms
    the role of the block after it: the icon passes to that block instead of making an empty one."""
    out: list[Block] = []
    carried: Block | None = None
    for block in body:
        if block.icon is not None and block.icon != "arrow" and not block.text.strip():
            carried = block
            continue
        if carried is not None and block.icon is None and block.text.strip() and _same_row(carried, block):
            attrs = {**block.attrs, **{k: v for k, v in carried.attrs.items() if k == "glyph"}}
            attrs.pop("lost_icon", None)
            block = block.model_copy(update={"icon": carried.icon, "attrs": attrs})
        elif carried is not None:
            out.append(carried)
        carried = None
        out.append(block)
    if carried is not None:
        out.append(carried)
    return out


_OWNER_LABEL = re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(OWNER_LABELS, key=len, reverse=True)) + r")\s*:\s*(\S.*)$", re.IGNORECASE)


def _names_organisation(text: str, marks: Landmarks) -> bool:
    """A short line that opens with a body's printed name (the owner vocabulary) or with the word a public
    organisation's name opens with ("Direction …", "Agence …"), and is no deadline and no sentence."""
    words = text.split()
    if not words or len(words) > OWNER_MAX_WORDS or is_deadline_phrase(text) or ". " in text:
        return False
    if marks.is_owner_phrase(text) or marks.is_owner_name(words[0].strip(",;:")):
        return True
    folded = fold_chars(text)
    if folded.split()[0] in ORGANISATION_WORDS:
        # a name, not a sentence about one: capitalised, more than the word, no closing full stop
        return text[0].isupper() and len(words) >= 2 and not text.endswith(".")
    return marks.opens_with_owner_name(folded)


def owner_by_words(text: str, marks: Landmarks, *, after_objective: bool) -> str | None:
    """The owner a line names when no icon marks it, as printed (a label such as "Porteur :" left out,
    the label playing the icon's part), else None. A labelled line is an owner wherever it stands; an
    unlabelled one only after the card's objective, and only when its words name an organisation."""
    text = text.strip()
    labelled = _OWNER_LABEL.match(text)
    if labelled:
        return labelled.group(1).strip()
    if after_objective and _names_organisation(text, marks):
        return text
    return None


def _one_phrase(text: str) -> bool:
    """A phrase, not prose: no sentence ends inside it."""
    return not ends_a_sentence_within(text)


def _with_wrapped(owner: str, block: Block, blocks: list[Block], k: int, taken: set[int]) -> str:
    """The owner line with the rest of its name when a narrow column wrapped it onto the next line
    ("DINUM et ministères" / "économiques et financiers"): that line, placed right below it and
    across it, opens in lower case and is a phrase; its index goes to `taken`. Blocks printed
    beside the owner line (a note in the next column, read first) are stepped over."""
    j = k + 1
    while j < len(blocks) and j not in taken and _same_row(block, blocks[j]) and not _across(block, blocks[j]):
        j += 1
    if j >= len(blocks) or j in taken:
        return owner
    after = blocks[j]
    text = after.text.strip()
    a, b = block.provenance, after.provenance
    if (
        a.bbox is None or b.bbox is None or a.page != b.page or after.kind != "paragraph" or after.icon is not None
        or not text or not text[0].islower() or ". " in text or text.endswith((".", ":"))
        or len(owner.split()) + len(text.split()) > OWNER_MAX_WORDS
    ):
        return owner
    height = a.bbox[3] - a.bbox[1]
    below = 0 <= b.bbox[1] - a.bbox[3] + height / 2 <= height
    if not (below and _across(block, after)):
        return owner
    taken.add(j)
    return f"{owner} {text}"


def _across(a: Block, b: Block) -> bool:
    """Two placed blocks whose horizontal extents overlap (one stands above the other, not beside it)."""
    pa, pb = a.provenance.bbox, b.provenance.bbox
    return pa is not None and pb is not None and min(pa[2], pb[2]) > max(pa[0], pb[0])


def _sort_body(body: list[Block], marks: Landmarks) -> _Body:
    sorted_body = _Body()
    # a card read from a page that prints no list at all: its steps are the phrases set after its owner
    # and deadline lines, where a list stands (a text source marks its steps, so this is for placed blocks)
    # (the list items first: most cards have one, and the test ends there)
    unlisted = bool(body) and not any(b.kind == "list_item" for b in body) and all(b.provenance.bbox is not None for b in body)
    blocks = _lone_icons_to_next(body)
    taken: set[int] = set()
    for k, block in enumerate(blocks):
        if k in taken:
            continue
        text = block.text.strip()
        if not text and block.icon in ("owner", "deadline"):
            continue  # an icon with nothing after it in the card: no owner, deadline or status to record
        if block.kind == "list_item":
            sorted_body.sequence.append(("step", block))
        elif block.icon == "status" or marks.is_status_mark(text):
            sorted_body.status_printed = text
            sorted_body.completed = DONE_MARK in text or marks.is_status_mark(text, icon=block.icon == "status")
        elif block.icon == "owner" or marks.is_owner_phrase(text):
            sorted_body.owners.append(_with_wrapped(text, block, blocks, k, taken))
        elif block.icon is None and (owner := owner_by_words(text, marks, after_objective=sorted_body.objective is not None)):
            sorted_body.owners.append(_with_wrapped(owner, block, blocks, k, taken))
        elif block.icon == "deadline" or is_deadline_phrase(text):
            sorted_body.sequence.append(("deadline", block))
        elif sorted_body.objective is None:
            sorted_body.objective = text
        elif unlisted and (sorted_body.sequence or sorted_body.owners) and not sorted_body.notes and _one_phrase(text):
            sorted_body.sequence.append(("step", block))
        elif not sorted_body.sequence:
            sorted_body.description.append(text)
        else:
            sorted_body.notes.append(text)
    return sorted_body


def _is_inline(block: Block) -> bool:
    return block.attrs.get("inline") == "true"


def _step_deadlines(sequence: list[tuple[str, Block]]) -> tuple[dict[int, Block], list[str]]:
    """(deadline phrase's block per step position, card-level phrases) of a card's steps and phrases."""
    positions = [i for i, (kind, _) in enumerate(sequence) if kind == "step"]
    # a phrase of its own line with steps before and after it (`positions` is in print order)
    interleaved = bool(positions) and any(
        kind == "deadline" and not _is_inline(block) and positions[0] < i < positions[-1] for i, (kind, block) in enumerate(sequence)
    )
    step_deadline: dict[int, Block] = {}
    card_deadlines: list[str] = []
    last_step: int | None = None
    for i, (kind, block) in enumerate(sequence):
        if kind == "step":
            last_step = i
            continue
        inline = _is_inline(block) and i > 0 and sequence[i - 1][0] == "step"
        if (inline or interleaved) and last_step is not None and last_step not in step_deadline:
            step_deadline[last_step] = block
        else:
            card_deadlines.append(block.text.strip())
    return step_deadline, card_deadlines


def _steps(sequence: list[tuple[str, Block]], step_deadline: dict[int, Block]) -> list[Step]:
    steps: list[Step] = []
    for i, (kind, block) in enumerate(sequence):
        if kind != "step":
            continue
        deadline_block = step_deadline.get(i)
        phrase = (deadline_block.text.strip() if deadline_block is not None else None) or trailing_deadline(block.text)
        prov = block.provenance
        if deadline_block is not None:
            prov = Provenance.span([block.provenance, deadline_block.provenance])
        steps.append(Step(text=block.text.strip(), deadline_printed=phrase, status=step_status(phrase), provenance=prov))  # type: ignore[arg-type]
    return steps


def card_to_action(card: Card, mission: str, marks: Landmarks) -> Action:
    """The Action a card prints; `mission` is the mission the card belongs to (see `card_mission`)."""
    printed, code, title = card.parsed
    body = list(card.body)
    if not title and body and body[0].kind in ("paragraph", "list_item"):
        title = body.pop(0).text.strip()

    parts = _sort_body(body, marks)
    step_deadline, card_deadlines = _step_deadlines(parts.sequence)
    status_printed, completed = parts.status_printed, parts.completed
    stamp = marks.heading_stamp(card.heading.text)
    if stamp is not None and status_printed is None:  # a status stamp printed on the heading's line
        status_printed, completed = stamp[0], DONE_MARK in stamp[0] or marks.is_status_mark(stamp[0], icon=True)
    provenance = Provenance.span([card.heading.provenance] + [b.provenance for b in body], quote=card.heading.provenance.quote)
    return Action(
        code=code,
        code_printed=printed,
        mission=mission,
        title=title,
        objective=parts.objective,
        description=" ".join(parts.description) or None,
        owners_printed=parts.owners,
        status="completed" if completed else "active",
        status_printed=status_printed,
        completed=completed,
        deadlines_printed=card_deadlines,
        steps=_steps(parts.sequence, step_deadline),
        notes=parts.notes,
        provenance=provenance,
    )


def card_mission(code: str, section: str | None, page_mission: str | None, marks: Landmarks) -> tuple[str, str]:
    """(mission, how it was known) of a card: the mission section it is printed in, else the mission
    its prefix's cards stand in (in this edition, else in the profile), else the mission named by the
    page's running header, else its prefix alone."""
    if section:
        return section, "section"
    prefix = code.rstrip("0123456789")
    hinted = marks.mission_of_prefix(prefix)
    if hinted:
        return hinted, "prefix"
    if page_mission:
        return page_mission, "running_header"
    return prefix, "none"
