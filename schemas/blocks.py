"""The common stream of blocks every reader produces.

Readers (markdown, plain text, PDF) turn a source into a flat, ordered list
of Blocks; the structure builder turns blocks into an Edition. A reader does
layout (reading order, columns, headers, hyphenation, superscripts, icons);
the builder does meaning (what is an action card, a step, an owner line).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .provenance import Provenance

BlockKind = Literal["heading", "paragraph", "line", "list_item", "table_row", "quote", "figure", "blank"]

#: The role of an icon glyph that introduces a line in the brochure.
IconRole = Literal["deadline", "owner", "status", "bullet", "arrow"]


class Block(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: BlockKind
    text: str = Field(description="Normalised text of the block, icons kept as printed")
    level: int | None = Field(default=None, description="Heading level (1-6) or list depth")
    cells: list[str] | None = Field(default=None, description="Cells of a table row, in order")
    icon: IconRole | None = Field(default=None, description="Role of the icon that introduces the block, if any")
    bold: bool = Field(default=False, description="The whole block is set in bold")
    attrs: dict[str, str] = Field(default_factory=dict, description="Reader-specific attributes (kramdown classes, href, alt)")
    provenance: Provenance


#: Blocks checked as one list (`blocks_from_data`).
_BLOCK_LIST = TypeAdapter(list[Block])


def blocks_from_data(items: list[dict]) -> list[Block]:
    """Blocks validated from plain mappings (each with its provenance nested in it), all in one call
    into pydantic: the same checks as building each Provenance and then each Block, at a fraction
    of the calls (a reader makes a thousand blocks a document)."""
    return _BLOCK_LIST.validate_python(items)


class SourceDocument(BaseModel):
    """One source read into blocks, with what the reader learnt about it."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="Source id")
    path: str
    format: Literal["markdown", "text", "pdf"]
    sha256: str
    front_matter: dict[str, object] = Field(default_factory=dict, description="YAML front matter of markdown pages")
    page_count: int | None = None
    producer: str | None = Field(default=None, description="PDF producer / creator metadata")
    blocks: list[Block]
    unplaced: list[Provenance] = Field(
        default_factory=list,
        description="Text the reader saw but put in no block (a line dropped for its place alone, or lost on the way), with page and place: reported unassigned",
    )
