"""Plain-text sources (seed 003's PDF text, web page text) into the common block stream.

Layout conventions this reader undoes (see `editiondiff.extract.structure` for
the block conventions the structure builder expects):

* a paragraph is a run of non-blank lines; wrapped lines are joined with a space;
* a line starting with ``- ``, ``• ``, ``➔ `` or ``→ `` starts a list item (the
  bullet and arrow are removed from the text, ``icon="arrow"`` records an
  arrow); following non-bullet lines of the run continue it;
* a line ``N. text`` starts a numbered list item (``attrs["number"] = "N"``);
* a wide gap of two or more spaces inside a line separates two things printed
  side by side (a step and its deadline phrase, whose icon was lost): the part
  after the gap becomes its own paragraph with ``attrs["inline"] = "true"``;
* a leading icon glyph gives the block its role (📅 □ ▣ deadline, ⬆️ owner,
  ✓ status) and is removed from the text (kept in ``attrs["glyph"]``); a
  leading space where an icon was lost sets ``attrs["lost_icon"] = "true"``,
  and so does a leading pictograph of no known role ("☞ ", "↑ ": kept in
  ``attrs["glyph"]``), whose line is then read by its words;
* tab-separated lines are table rows, one block per line, with their cells;
* ``1^{er}`` / ``4^e`` superscripts become ``1er`` / ``4e``; ``**bold**``
  markers are removed (``bold`` is set when the whole block was bold);
  ``[text](url)`` links keep their text (``attrs["href"]`` unless ``#``).

Provenance: 1-based line range in the file, quote = the printed text of the
block with whitespace collapsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..limits import Deadline
from ..schemas.blocks import Block, IconRole, SourceDocument, blocks_from_data
from ..vocabulary.icons import ICON_ROLES, unknown_icon
from ..vocabulary.text import normalize_text, settles

_ICON_GLYPHS = tuple(ICON_ROLES)
_BULLET = re.compile(r"^(?:[-•*]\s+)?(?:(➔|→)\s*)?")
_BULLET_START = re.compile(r"^(?:[-•]\s+|➔\s*|→\s*)")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
#: The characters a bullet or arrow item starts with (`_BULLET_START`).
_BULLET_FIRST = frozenset("-•➔→")
_GAP = re.compile(r"\s{2,}")
_SUPERSCRIPT = re.compile(r"(\d)\s?\^\{?(er|re|ère|e|ème|nd|nde|d)\}?")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")


def clean_inline(text: str, settled: bool = False) -> tuple[str, bool, str | None]:
    """(text without markup, whole text was bold, first link target) for one line or cell.

    `settled`: the text is made of pieces of normalised lines that `settles` found settled."""
    stripped = text.strip()
    whole_bold = bool(stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4)
    href = None
    if _has_markup(text):
        settled = False  # taking markup out joins what it stood between
    # each pattern needs its marker character: most lines hold none and skip the searches
    if "[" in text:
        for m in _LINK.finditer(text):
            if m.group(2) not in ("", "#"):
                href = m.group(2)
                break
        text = _LINK.sub(r"\1", text)
    if "**" in text:
        text = _BOLD.sub(r"\1", text).replace("**", "")
    if "^" in text:
        text = _SUPERSCRIPT.sub(r"\1\2", text)
    return normalize_text(text, settled=settled).strip(), whole_bold, href


def _has_markup(text: str) -> bool:
    """The text holds a marker character of a link, bold or superscript (`clean_inline` takes them out)."""
    return "[" in text or "**" in text or "^" in text


@dataclass(slots=True)
class _Pending:
    kind: str
    lines: list[str] = field(default_factory=list)
    quote: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    icon: IconRole | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    #: every line of the block was settled by its normalisation (`settles`)
    settled: bool = True


def _quote(text: str, settled: bool = False) -> str:
    return normalize_text(text, settled=settled).strip()


def _leading_icon(line: str) -> tuple[str, IconRole | None, str | None]:
    """Strip one leading icon glyph: (rest, role, glyph)."""
    if not line.startswith(_ICON_GLYPHS):
        return line, None, None
    for glyph, role in ICON_ROLES.items():
        if line.startswith(glyph):
            rest = line[len(glyph):].lstrip("\ufe0f").strip()
            return rest, role, glyph
    return line, None, None


@dataclass(slots=True)
class BlockDraft:
    """A block as plain data, before its provenance is known: readers place it (lines or pages)."""

    kind: str
    text: str
    start: int  # first line, numbered as the lines given
    end: int
    quote: str
    icon: IconRole | None = None
    bold: bool = False
    cells: list[str] | None = None
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def level(self) -> int | None:
        return 1 if self.kind == "list_item" else None

    def data(self, provenance: dict, *, bold: bool | None = None) -> dict:
        """The block as the plain mapping `blocks_from_data` validates, with its `provenance` (a
        mapping) and `bold` when the reader knows better than the draft. A field at its default is
        left out, for pydantic to fill in (most blocks have no icon, level, cells or attributes):
        the same block, with fewer values to check."""
        fields = {"kind": self.kind, "text": self.text, "provenance": provenance}
        if self.icon is not None:
            fields["icon"] = self.icon
        if self.bold if bold is None else bold:
            fields["bold"] = True
        level = self.level
        if level is not None:
            fields["level"] = level
        if self.cells is not None:
            fields["cells"] = self.cells
        if self.attrs:
            fields["attrs"] = self.attrs
        return fields


def lines_to_drafts(lines: list[str], first_line: int = 1, deadline: Deadline | None = None) -> list[BlockDraft]:
    """The line grammar: block drafts from the lines of a text (line numbers start at `first_line`).

    With a `deadline`, the time bound is checked every few thousand lines.
    """
    drafts: list[BlockDraft] = []
    pending: _Pending | None = None

    def flush() -> None:
        nonlocal pending
        if pending is None:
            return
        read, printed = pending.lines, pending.quote
        # most blocks are one line: its text as it is
        joined = read[0] if len(read) == 1 else " ".join(filter(None, read))
        quoted = printed[0] if len(printed) == 1 else " ".join(printed)
        if _has_markup(joined):
            text, bold, href = clean_inline(joined, pending.settled)
            quote = _quote(quoted, pending.settled)
        else:
            # what `clean_inline` does to a text without markup, spelled out (most blocks; it saves
            # two calls a block): no marker, so not bold (that needs "**") and no link (that needs "[").
            # A settled block's text is left as it is: its pieces are stripped normalised lines (or
            # parts of them between gaps) with no run of spaces, joined by one space, which
            # `normalize_text(..., settled=True).strip()` would give back unchanged
            text = joined if pending.settled else normalize_text(joined).strip()
            bold, href = False, None
            # printed as its text was read (no bullet or icon taken off): its text is its quote
            quote = text if quoted == joined else _quote(quoted, pending.settled)
        attrs = pending.attrs  # made for this block alone
        if href:
            attrs["href"] = href
        if text or pending.icon:
            drafts.append(
                BlockDraft(
                    kind=pending.kind,
                    text=text,
                    start=pending.start,
                    end=pending.end,
                    quote=quote,
                    icon=pending.icon,
                    bold=bold,
                    attrs=attrs,
                )
            )
        pending = None

    for offset, raw in enumerate(lines):
        number = first_line + offset
        if deadline is not None and not offset % 4096:
            deadline.check(f" (line {number} of {len(lines)})")
        raw = raw.rstrip("\r\n")
        if not raw or raw.isspace():
            if pending is not None:
                flush()
            continue
        if raw.count("\t") >= 2:  # three cells or more
            flush()
            cells = [clean_inline(cell)[0] for cell in raw.split("\t")]
            drafts.append(
                BlockDraft(
                    kind="table_row",
                    text=normalize_text(" | ".join(cells)).strip(),
                    start=number,
                    end=number,
                    quote=_quote(raw),
                    cells=cells,
                )
            )
            continue
        lost_icon = raw[:1].isspace()
        line = normalize_text(raw, collapse_spaces=False).strip()
        settled = settles(raw)
        # a gap is two whitespace characters, and the space is the only printable one
        parts = _GAP.split(line) if "  " in line or not line.isprintable() else [line]
        head, rest_parts = parts[0], parts[1:]
        head_body, icon, glyph = _leading_icon(head)
        unknown = unknown_icon(head_body) if icon is None and head_body[:1] > "\x7f" else None
        if unknown is not None:  # an icon of no known role: it opens a block, read by its words
            head_body, glyph, lost_icon = head_body[1:].lstrip(), unknown, True
        # each item grammar is tried only on a line opening with a character it can start with
        first = head_body[:1]
        numbered = _NUMBERED.match(head_body) if first.isdigit() else None
        starts_item = first in _BULLET_FIRST and bool(_BULLET_START.match(head_body))
        if icon is not None or unknown or starts_item or numbered or pending is None or pending.kind == "table_row":
            if pending is not None:  # (a call saved after each blank line)
                flush()
            attrs: dict[str, str] = {}
            if glyph:
                attrs["glyph"] = glyph
            if lost_icon and icon is None:
                attrs["lost_icon"] = "true"
            kind = "list_item"
            if starts_item:
                marker = _BULLET.match(head_body)
                body = head_body[marker.end():] if marker else head_body
                if marker and marker.group(1):
                    icon = "arrow"
            elif numbered:
                attrs["number"] = numbered.group(1)
                body = numbered.group(2)
            else:
                kind, body = "paragraph", head_body
            # its first line given, not appended (fewer calls a block)
            pending = _Pending(kind=kind, lines=[body], quote=[head], start=number, icon=icon, attrs=attrs)
        else:
            pending.lines.append(head_body)
            pending.quote.append(head)
        pending.end = number
        pending.settled = pending.settled and settled
        for part in rest_parts:
            flush()
            body, icon, glyph = _leading_icon(part)
            attrs = {"inline": "true"}
            if glyph:
                attrs["glyph"] = glyph
            pending = _Pending(kind="paragraph", lines=[body], quote=[part], start=number, end=number, icon=icon, attrs=attrs, settled=settled)
    flush()
    return drafts


def lines_to_blocks(lines: list[str], source: str, first_line: int = 1, deadline: Deadline | None = None) -> list[Block]:
    """Blocks from the lines of a text (line numbers start at `first_line`), with line provenance."""
    return blocks_from_data(
        [
            draft.data({"source": source, "line_start": draft.start, "line_end": draft.end, "quote": draft.quote})
            for draft in lines_to_drafts(lines, first_line, deadline)
        ]
    )


def text_to_document(path: Path, text: str, source: str, sha256: str, *, deadline: Deadline | None = None) -> SourceDocument:
    """A SourceDocument from the decoded text of a plain-text source (time bounded by `deadline`)."""
    return SourceDocument(
        source=source,
        path=str(path),
        format="text",
        sha256=sha256,
        blocks=lines_to_blocks(text.splitlines(), source, deadline=deadline),
    )
