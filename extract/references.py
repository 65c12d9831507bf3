"""Action references in prose ("l'action XY 5", "action 10") -> ActionReferences, quoting their sentence."""

from __future__ import annotations

from ..schemas.blocks import Block
from ..schemas.edition import ActionReference
from .landmarks import Landmarks


def blocks_to_references(blocks: list[Block], marks: Landmarks, headings: list[tuple[str, str, str] | None]) -> list[ActionReference]:
    """Every action reference of the blocks (table rows and card headings left out; `headings`: each
    block's card heading, `Landmarks.parse_action_heading`)."""
    refs: list[ActionReference] = []
    prose = [block for block, heading in zip(blocks, headings) if block.kind != "table_row" and not heading]
    for block, found in zip(prose, marks.references_in([block.text for block in prose])):
        text = block.text
        for printed, code, offset in found:
            sentence_start = max(text.rfind(". ", 0, offset) + 2, 0) if text.rfind(". ", 0, offset) >= 0 else 0
            sentence_end = text.find(". ", offset)
            sentence = text[sentence_start: sentence_end + 1 if sentence_end >= 0 else len(text)].strip()
            refs.append(ActionReference(printed=printed, code=code, provenance=block.provenance.model_copy(update={"quote": sentence})))
    return refs
