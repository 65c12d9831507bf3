"""PDF sources into the common block stream, with page and bbox provenance.

    read_pdf(path, source_id=None, *, layout=None) -> SourceDocument

PyMuPDF reads spans (font, size, flags, bbox) page by page; the layout steps
(`extract.layout`, thresholds in `LayoutSettings`) restore reading order and turns the pages back into logical text lines in
the brochure-text conventions (bullets, icons, a wide gap between a step and
its status, tab-separated table rows); pdfplumber finds ruled tables on the
pages that draw a grid (`layout.tables`); the text reader's line grammar
(`extract.text.lines_to_drafts`) then makes the blocks, so that a PDF and
the text of the same document give the same blocks. Each block's provenance
is the page of its first line, the union of its lines' boxes on that page
(PDF points, origin top-left) and the quoted text.

Nothing is lost silently: a line dropped for its place alone (in a running
header's place, its text recurring nowhere) and any line whose text reached no
block are listed in `SourceDocument.unplaced` with page and place, and the
structure reports them unassigned.

Bad input is refused with one line: empty, not a PDF, encrypted ("password
protected"), a structure MuPDF cannot repair, over the page / byte / time
limits (`PdfLimits`); a PDF whose pages carry no text at all raises
NoTextLayer ("no text layer; run OCR first"), and so does one whose text has no
Unicode meaning ("text layer unreadable": fonts without a Unicode mapping).
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, LimitExceeded, NoTextLayer
from ..limits import over_limit
from ..schemas.blocks import Block, SourceDocument, blocks_from_data
from ..schemas.provenance import Provenance
from .layout.borderless import find_borderless
from .layout.unmarked import unmarked_items
from .layout.drawn_icons import apply_drawn_icons, drawn_icons
from .layout.edges import settle_edges
from .layout.hyphenation import vocabulary
from .layout.icons import font_kinds
from .layout.logical import groups_to_logical
from .layout.model import Line, LogicalLine, centre_in, level_with, union
from .layout.regions import page_boxes, read_page
from .layout.paragraphs import lines_to_groups
from .layout.running import drop_running_lines
from .layout.settings import LayoutSettings
from .layout.readable import body_size, tally_sizes, unreadable_chars
from .layout.spans import page_lines
from .layout.turned import shown_text
from .layout.tables import RuledPage, TableRegion, find_tables, has_ruled_grid, ruled_page, stitch, table_rows


@dataclass(frozen=True)
class PdfLimits:
    """Protection against PDF bombs and runaway files."""

    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 1000
    max_seconds: float = 60.0


DEFAULT_LIMITS = PdfLimits()


def _open(path: Path, data: bytes):
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # MuPDF raises its own error types for broken files
        raise InputError(path, f"broken PDF structure that cannot be repaired ({_short(exc)})") from None
    if doc.needs_pass:
        doc.close()
        raise InputError(path, "encrypted PDF: password protected, cannot be read without its password")
    return doc


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:120] or type(exc).__name__


def _text_flags():
    import pymupdf

    return pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_PRESERVE_LIGATURES


def _page_count(path: Path, doc) -> int:
    """The document's page count; a page tree MuPDF cannot count is a broken PDF."""
    try:
        return doc.page_count
    except Exception as exc:  # e.g. RuntimeError "code=7: Invalid number of pages" on a truncated file
        doc.close()
        raise InputError(path, f"broken PDF structure that cannot be repaired ({_short(exc)})") from None


@dataclass
class ReadingTrace:
    """What `read_pdf` saw, page by page, for the layout view (`layout.debug`): each page's lines in
    reading order (tables' lines apart), its drawn boxes, the tables found and the settings the
    document was read with (scaled to its body text)."""

    ordered_pages: list[list[Line]]
    boxes: list[list]
    tables: list[TableRegion]
    settings: LayoutSettings


def read_pdf(
    path: Path,
    source_id: str | None = None,
    *,
    limits: PdfLimits = DEFAULT_LIMITS,
    layout: LayoutSettings | dict | None = None,
    data: bytes | None = None,
    trace: list[ReadingTrace] | None = None,
) -> SourceDocument:
    """The blocks of a PDF, with page + bbox provenance (`layout`: thresholds of the layout steps;
    `data`: the file's bytes, when already read; `trace`: a list that receives what was seen, for
    the layout view).

    The spans, lines and blocks read live until the document is made and hold no cycle: the cyclic
    garbage collector is paused meanwhile, as in an extraction (`pipeline.collector_paused`)."""
    from .pipeline import collector_paused

    with collector_paused():
        return _read_pdf(Path(path), source_id, limits, layout, data, trace)


def _read_pdf(path: Path, source_id: str | None, limits: PdfLimits, layout: LayoutSettings | dict | None, data: bytes | None, trace: list[ReadingTrace] | None) -> SourceDocument:
    """`read_pdf`'s reading, the collector paused."""
    from .layout.icons import page_resources

    settings = LayoutSettings.resolve(layout)
    if data is None:
        from ..limits import ReadLimits, read_regular_file

        data = read_regular_file(path, ReadLimits(max_bytes=limits.max_bytes, max_pdf_bytes=limits.max_bytes))
    elif len(data) > limits.max_bytes:
        raise over_limit(path, f"file too large: {len(data)} bytes", "max_pdf_bytes", limits.max_bytes, " bytes")
    if not data.strip():
        raise InputError(path, "empty file")
    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(path, "not a PDF (no %PDF- header)")
    source = source_id or path.name
    started = time.perf_counter()
    doc = _open(path, data)
    page_count = _page_count(path, doc)
    try:
        if page_count == 0:
            raise InputError(path, "broken PDF structure that cannot be repaired (no readable page)")
        if page_count > limits.max_pages:
            raise over_limit(path, f"too many pages: {page_count}", "max_pages", limits.max_pages)
        pages: list[list[Line]] = []
        heights: list[float] = []
        widths: list[float] = []
        grid_pages: list[int] = []
        grid_rules: list[RuledPage] = []
        boxes: list[list] = []  # each page's boxes drawn around text (`layout.regions`)
        unreadable = characters = 0
        sizes: dict[float, int] = {}  # characters by font size, over the document
        icons_drawn: list = []  # lines with an icon drawn beside them (`layout.drawn_icons`)
        flags = _text_flags()
        symbol_fonts: dict[int, bool] = {}  # per font object: its codes number glyphs (`layout.icons`)
        pictured: dict[tuple[str, str], bool] = {}  # per resource dictionary: whether it places pictures
        scaled: dict[float, LayoutSettings] = {}  # the settings for each page body size met, made once
        for index in range(page_count):
            try:
                page = doc.load_page(index)
                raw = shown_text(page, flags, settings)  # turned by /Rotate or set sideways: read as shown (`layout.turned`)
                page_sizes: dict[float, int] = {}
                page_text = tally_sizes(raw, page_sizes)  # its text, read in the same walk (`unreadable_chars`)
                for size, count in page_sizes.items():
                    sizes[size] = sizes.get(size, 0) + count
                # thresholds relative to the page's body text
                body = body_size(page_sizes)
                page_settings = scaled.get(body) or scaled.setdefault(body, settings.for_body(body))
                # pages that share a resource dictionary have the same fonts and pictures (`layout.icons`)
                resources = page_resources(doc, page)
                lines = page_lines(raw, index + 1, page_settings, font_kinds(doc, page, symbol_fonts, resources))
                bad, total = unreadable_chars(raw, page_text)
                unreadable, characters = unreadable + bad, characters + total
                continued = bool(grid_pages) and grid_pages[-1] == index
                drawings = page.get_cdrawings() if lines else []
                shown = page.rect  # the page as shown (`layout.turned`): its box computed once
                width, height = shown.width, shown.height
                page_regions = page_boxes(drawings, width, height, page_settings)
                if lines:
                    # pictures placed on the page (the text flags leave image blocks out): box and content digest
                    has_pictures = pictured.get(resources) if resources is not None else None
                    if has_pictures is None:  # MuPDF is slow to list them: once per resource dictionary
                        has_pictures = bool(page.get_images())
                        if resources is not None:
                            pictured[resources] = has_pictures
                    pictures = [(tuple(i["bbox"]), i.get("digest") or b"") for i in page.get_image_info(hashes=True)] if has_pictures else []
                    icons_drawn.extend(drawn_icons(lines, drawings, pictures, page_settings))
                if lines and (len(lines) >= settings.table_min_lines or continued):
                    if has_ruled_grid(drawings, page_settings, continued=continued):
                        try:
                            grid_rules.append(ruled_page(page, drawings))
                            grid_pages.append(index + 1)
                        except Exception:  # odd vector graphics: read the page as text, without tables
                            pass
            except (InputError, LimitExceeded):
                raise
            except Exception as exc:
                raise InputError(path, f"broken PDF structure that cannot be repaired (page {index + 1}: {_short(exc)})") from None
            pages.append(lines)
            boxes.append(page_regions)
            heights.append(height)
            widths.append(width)
            if time.perf_counter() - started > limits.max_seconds:
                raise over_limit(path, f"took more than {limits.max_seconds:g} s to read ({index + 1} of {page_count} pages)", "max_seconds", float(limits.max_seconds), " s")
        try:
            metadata = doc.metadata or {}
        except Exception:  # a damaged information dictionary: the producer is unknown
            metadata = {}
        producer = " / ".join(v for v in (metadata.get("producer"), metadata.get("creator")) if v) or None
    finally:
        doc.close()
    if characters and unreadable > settings.unreadable_max_share * characters:
        share = 100 * unreadable / characters
        raise NoTextLayer(path, f"text layer unreadable: {share:.0f} % of its characters have no Unicode meaning (fonts without a Unicode mapping); run OCR first")
    if not any(pages):
        raise NoTextLayer(path, "no text layer; run OCR first")

    # the steps across pages: thresholds relative to the document's body text
    settings = settings.for_body(body_size(sizes))
    apply_drawn_icons(icons_drawn, settings)
    unsure: list[Line] = []  # dropped as running for their place alone (`running`)
    pages = drop_running_lines(pages, heights, settings, unsure)
    for lines in pages:
        unmarked_items(lines, settings)
    words = vocabulary(pages, settings.hyphenation_proof_lines)
    try:
        regions = find_tables(grid_rules, grid_pages, {i + 1: lines for i, lines in enumerate(pages)}, words, settings)
    except Exception as exc:  # pdfplumber on a damaged page: read the page as text instead
        regions = []
        _ = exc
    regions = find_borderless(pages, regions, words, settings)  # tables drawn without a grid
    if time.perf_counter() - started > limits.max_seconds:
        raise over_limit(path, f"took more than {limits.max_seconds:g} s to read", "max_seconds", float(limits.max_seconds), " s")

    logical, repeated = _pages_to_logical(pages, widths, heights, boxes, regions, words, settings, trace)
    blocks = _logical_to_blocks(logical, source)
    unplaced = [_place(line, source) for line in unsure + _lines_in_no_block(pages, blocks, repeated)]
    return SourceDocument(
        source=source,
        path=str(path),
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        page_count=len(pages),
        producer=producer,
        blocks=blocks,
        unplaced=unplaced,
    )


#: In the items of `_pages_to_logical`: the page before ends its text there.
_PAGE_ENDS: list = []


def _pages_ending_early(ordered_pages: list[list[Line]], heights: list[float], settings: LayoutSettings) -> set[int]:
    """Pages (1-based) whose last line in reading order ends well above the bottom of the text area
    (`page_end_gap_em` font sizes): the page was broken there on purpose (a mission's page after its
    objective), so nothing on it runs on to the next page. The text area's bottom is where the text
    of `page_bottom_share` of the pages ends, as a share of the page's height."""
    bottoms = sorted(max(l.y1 for l in page) / height for page, height in zip(ordered_pages, heights) if page)
    if not bottoms:
        return set()
    usual = bottoms[int((len(bottoms) - 1) * settings.page_bottom_share)]
    return {
        number
        for number, (page, height) in enumerate(zip(ordered_pages, heights), start=1)
        if page and usual * height - page[-1].y1 > settings.page_end_gap_em * page[-1].size
    }


def _pages_to_logical(
    pages: list[list[Line]],
    widths: list[float],
    heights: list[float],
    boxes: list[list],
    regions: list[TableRegion],
    words: set[str],
    settings: LayoutSettings,
    trace: list[ReadingTrace] | None = None,
):
    """Logical lines of the whole document in reading order, tables stitched in place; and the header
    rows a table repeats on the pages it runs on to, by page (read once, where the table begins)."""
    tables = stitch(regions, settings)
    repeated: dict[int, list[str]] = {}
    for parts in tables:
        for part in parts[1:]:
            repeated.setdefault(part.page, []).extend("".join(row) for row in part.rows[: part.headers()])
    first_part = {id(parts[0]): parts for parts in tables}
    by_page: dict[int, list[TableRegion]] = {}
    for parts in tables:
        for region in parts:
            by_page.setdefault(region.page, []).append(region)

    items: list[Line | list[TableRegion]] = []
    ordered_pages = []
    for number, (lines, width, page_regions_drawn) in enumerate(zip(pages, widths, boxes), start=1):
        page_regions = by_page.get(number, [])
        if page_regions:
            lines = [l for l in lines if not any(centre_in(l, r.bbox, settings.region_slack_pt) for r in page_regions)]
        ordered_pages.append(_stamps_after_their_line(read_page(lines, page_regions_drawn, width, settings), settings))
    settle_edges(ordered_pages, settings)
    if trace is not None:  # the pages as read here: tables are stitched into these lists below
        trace.append(ReadingTrace([list(ordered) for ordered in ordered_pages], boxes, regions, settings))
    ends_early = _pages_ending_early(ordered_pages, heights, settings)
    for number, ordered in enumerate(ordered_pages, start=1):
        page_regions = by_page.get(number, [])
        for region in sorted(page_regions, key=lambda r: r.bbox[1]):
            parts = first_part.get(id(region))
            if parts is None:
                continue  # a continuation part: emitted with the first one
            at = next(
                (i for i, l in enumerate(ordered) if isinstance(l, Line) and l.y0 >= region.bbox[3] and l.column == 0),
                len(ordered),
            )
            ordered.insert(at, parts)  # type: ignore[arg-type]
        items.extend(ordered)
        if number in ends_early:
            items.append(_PAGE_ENDS)  # no paragraph runs on from this page to the next

    out: list[LogicalLine | None] = []
    run: list[Line] = []

    def flush_run() -> None:
        if run:
            if out:
                out.append(None)
            out.extend(groups_to_logical(lines_to_groups(run, settings), words, settings))
            run.clear()

    for item in items:
        if item is _PAGE_ENDS:
            flush_run()
            continue
        if isinstance(item, Line):
            run.append(item)
            continue
        flush_run()
        if out:
            out.append(None)
        for cells, part, index in table_rows(item):
            out.append(LogicalLine("\t".join(c.replace("\t", " ") for c in cells), part.page, part.row_boxes[index]))
    flush_run()
    return out, repeated


def _letters(text: str) -> str:
    """The letters and digits of a text, folded (ligatures opened, case and soft hyphens gone)."""
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKC", text).casefold()))


#: The ASCII characters that are neither letters nor digits, the line break apart, as bytes.
_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalnum() and code != 10)
#: Any other character that is neither (the word class is `str.isalnum` and the underscore).
_NOT_LETTER = re.compile(r"[^\w\n]")


def _letters_each(texts: list[str]) -> list[str]:
    """The texts' letters (`_letters`), one string for each piece between line breaks: each text
    normalised on its own, then all folded and sifted in one pass. A line break joins nothing in
    Unicode normalisation and folds to itself; the ASCII characters are sifted as bytes (in UTF-8,
    the bytes of other characters lie above them), the others, rarer, by the pattern."""
    folded = "\n".join([unicodedata.normalize("NFKC", text) for text in texts]).casefold()
    kept = folded.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_LETTERS).decode("utf-8", "surrogatepass")
    if not kept.isascii():
        kept = _NOT_LETTER.sub("", kept)
    return kept.split("\n")


def _untaken(text: str, taken: bytearray, letters: str, start: int) -> int:
    """Where the letters stand in the text from `start` in no place taken yet (taken now), or -1."""
    at = text.find(letters, start)
    while at >= 0 and taken.find(1, at, at + len(letters)) >= 0:
        at = text.find(letters, at + 1)
    if at >= 0:
        taken[at : at + len(letters)] = b"\x01" * len(letters)
    return at


def _lines_in_no_block(pages: list[list[Line]], blocks: list[Block], repeated: dict[int, list[str]] | None = None) -> list[Line]:
    """Lines whose text reached no block: a line is placed when its letters stand, in order, in the
    blocks that start on its page or the one before (a paragraph runs on across a page break), or
    in the header rows a table repeats on its page (`repeated`, by page: read once, elsewhere).

    Each place in the blocks' text holds one line: a line found takes its letters there, and no other
    line can be found in them again, so a table cell "40" lost from its row is not placed by a "40"
    read elsewhere on the page. The lines whose letters stand once only in their page's text take
    their places first. The others ("Fait", "2021", a name) then take theirs among the rest, the
    longest first (a lone "5" would take a digit out of any number)."""
    by_page: dict[int, list[str]] = {}
    for block in blocks:
        # a numbered item's number is kept apart from its text
        printed = block.attrs.get("number", "") + block.text + "".join(block.cells or ())
        by_page.setdefault(block.provenance.page or 0, []).append(printed)
    for page, rows in (repeated or {}).items():
        by_page.setdefault(page, []).extend(rows)
    text = {page: "".join(_letters_each(parts)) for page, parts in by_page.items()}
    taken = {page: bytearray(len(letters)) for page, letters in text.items()}
    # a line's aside is read after it; it may also still stand in its page's lines: each line once
    parts = list(dict.fromkeys(part for lines in pages for line in lines for part in ((line, *line.aside) if line.aside else (line,))))
    texts = [part.text for part in parts]
    letters_of = _letters_each(texts)
    if len(letters_of) != len(parts):  # a line holding a line break: each line sifted alone
        letters_of = [_letters(text) for text in texts]

    placed = [not letters for letters in letters_of]
    on_page: dict[int, list[int]] = {}
    for i, part in enumerate(parts):
        if not placed[i]:
            on_page.setdefault(part.page, []).append(i)
    for page in sorted(on_page):
        own, held = text.get(page, ""), taken.get(page, bytearray())
        ends: dict[int, int] = {}  # where each line placed here ends in the page's text
        longest_first = sorted(on_page[page], key=lambda i: -len(letters_of[i]))
        for i in longest_first:
            letters = letters_of[i]
            at = own.find(letters)
            if at >= 0 and own.find(letters, at + 1) < 0 and held.find(1, at, at + len(letters)) < 0:
                held[at : at + len(letters)] = b"\x01" * len(letters)
                placed[i], ends[i] = True, at + len(letters)
        # lines mostly come in their blocks' order: each of the others is searched from where the
        # line before it was found (or the last one before it found in the pass above)
        anchor, last = {}, 0
        for i in on_page[page]:
            anchor[i] = last
            last = ends.get(i, last)
        for i in longest_first:
            if placed[i]:
                continue
            letters = letters_of[i]
            start = ends.get(i - 1, anchor[i])
            at = _untaken(own, held, letters, start)
            if at < 0 and start:
                at = _untaken(own, held, letters, 0)
            if at >= 0:
                placed[i], ends[i] = True, at + len(letters)
            elif page - 1 in text:  # a paragraph run on from the page before
                placed[i] = _untaken(text[page - 1], taken[page - 1], letters, 0) >= 0
    return [part for part, done in zip(parts, placed) if not done]


def _place(line: Line, source: str) -> Provenance:
    bbox = tuple(round(v, 2) for v in line.bbox)
    return Provenance(source=source, page=line.page, bbox=bbox, quote=" ".join(line.text.split()))  # type: ignore[arg-type]


def _stamps_after_their_line(lines: list[Line], settings: LayoutSettings) -> list[Line]:
    """A status stamp ("Fait ✓") printed on a row before the line it marks, level with it on its left
    (a card heading), is read after that line: it is that card's status, not the end of the card above."""
    from ..vocabulary.status import is_completion_mark

    out = list(lines)
    for i in range(len(out) - 1):
        stamp, line = out[i], out[i + 1]
        if line.x0 <= stamp.x1 or stamp.page != line.page:
            continue  # most lines: the next one starts left of this one's end
        if stamp.column != line.column and max(stamp.column, line.column) < settings.region_column_step:
            continue  # in two columns, neither of them in a box
        if not level_with(stamp, line, settings.beside_overlap_share):
            continue
        if is_completion_mark(stamp.text):
            out[i], out[i + 1] = line, stamp
            stamp.column, stamp.band, stamp.base_left, stamp.col_right = line.column, line.band, line.base_left, line.col_right
    return out


def _logical_to_blocks(logical: list, source: str) -> list[Block]:
    """The text reader's grammar over the logical lines; each block placed on the page of its first line."""
    from .text import lines_to_drafts

    texts = [item.text if item is not None else "" for item in logical]
    out: list[dict] = []
    for draft in lines_to_drafts(texts):
        if draft.start == draft.end:
            # a block is mostly one logical line (a paragraph, a heading, a row): its box as it is
            first = logical[draft.start - 1]
            if first is None:
                continue
            x0, y0, x1, y1 = first.bbox
            bold = draft.bold or first.bold
        else:
            items = [item for item in logical[draft.start - 1 : draft.end] if item is not None]
            if not items:
                continue
            first = items[0]
            x0, y0, x1, y1 = first.bbox if len(items) == 1 else union(item.bbox for item in items if item.page == first.page)
            bold = draft.bold or all(item.bold for item in items)
        # each block a mapping, its provenance nested in it: all validated at once (`blocks_from_data`)
        provenance = {"source": source, "page": first.page, "bbox": (round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)), "quote": draft.quote}
        out.append(draft.data(provenance, bold=bold))
    return blocks_from_data(out)
