"""MuPDF's spans -> visual lines: doubled glyphs dropped, icons restored, gutters cut, superscripts glued.

    page_lines(page_dict, page_number, settings) -> [Line]
    line_text(line, settings)                    -> the line's text

Glyphs drawn twice, slightly offset (fake bold, shadows), are kept once;
symbol-font codes become the icons they draw (`icons`); a MuPDF line running
across a wide gap (a column gutter) is cut there; a raised, smaller span
(superscript) is glued to the word before it ("1" + "er" -> "1er"), even when
MuPDF put it on a line of its own.
"""

from __future__ import annotations

import re

from ...vocabulary.icons import unknown_icon
from .icons import ARROWS, STARTERS, base_name, holds_icon_codes, icon_text, opens_with_lost_icon
from .model import Box, Line, Span, has_word, union
from .settings import LayoutSettings


def page_lines(page_dict: dict, page_number: int, settings: LayoutSettings, font_kinds: dict[str, str] | None = None) -> list[Line]:
    """Visual lines of one page from `page.get_text("dict")`, superscripts merged (`font_kinds`: the
    page's symbol fonts, `icons.font_kinds`).

    It runs over every span of every page, so it reads each span once, remembers per font
    its kind and whether it is bold, restores icon codes only in a symbol font's span or one
    that holds such a code (`icons.holds_icon_codes`), and takes a one-span line's size, box and text from its span
    as they are.
    """
    lines: list[Line] = []
    seen: dict[str, list[Box]] = {}  # the boxes each text was drawn in
    lost: set[int] = set()  # the spans (by id) opening with an icon whose picture is lost
    fonts: dict[str, tuple[str, bool, bool]] = {}  # per font name: its kind (`icons.font_kinds`), a symbol font or not, bold or not
    offset = settings.duplicate_offset_pt
    # a span's keys are indexed, not looked up with a default (speed: some 9,000 look-ups a
    # document): MuPDF sets "text", "font", "size", "flags" and "bbox" on every span of a text
    # block, and "spans" on every line; an image block (type 1) has no lines
    for block_number, block in enumerate(page_dict.get("blocks", ())):
        if block.get("type", 0) != 0:
            continue
        for raw in block.get("lines", ()):
            spans = []
            printed = False  # some span holds more than spaces
            for s in raw["spans"]:
                text = s["text"]
                if not text:
                    continue
                bbox = tuple(s["bbox"])
                places = seen.get(key := text.strip())
                if places is None:
                    seen[key] = [bbox]
                elif _drawn_near(places, bbox, offset):
                    continue  # the same glyphs drawn again, slightly offset (fake bold, shadows)
                else:
                    places.append(bbox)
                font = s["font"]
                known = fonts.get(font)
                if known is None:
                    kind = font_kinds.get(base_name(font), "text") if font_kinds else "text"
                    known = fonts[font] = (kind, kind == "symbol", "bold" in font.lower())
                flags = s["flags"]
                shown = icon_text(known[0], text) if known[1] or holds_icon_codes(text) else text
                spans.append(Span(shown, font, float(s["size"]), bbox, bool(flags & 1), bool(flags & 16) or known[2], bool(flags & 2)))  # type: ignore[arg-type]
                if shown is not text and opens_with_lost_icon(text):
                    lost.add(id(spans[-1]))
                if not printed:
                    printed = bool(key if shown is text else shown.strip())
            if not printed:
                continue
            for piece in [spans] if len(spans) == 1 else _split_at_gaps(spans, settings):
                if len(piece) == 1:  # its text is its span's (`line_text`)
                    span = piece[0]
                    lines.append(Line(page_number, piece, span.bbox, span.size, span.text.rstrip(), block=block_number))
                    continue
                sizes = [s.size for s in piece if not s.sup]
                size = max(sizes) if sizes else piece[0].size
                lines.append(Line(page_number, piece, _line_box(piece), size, block=block_number))
    _merge_raised(lines, settings)
    for line in lines:
        if len(line.spans) > 1:
            line.text = line_text(line, settings)
    # the page's text, a line to a row, tells whether any line may need `_unspace` or `_merge_labels`
    page = "\n".join([line.text for line in lines])
    _unspace(lines, page)
    # a label is glued only before a bullet set apart or a line starting with an arrow (one of the
    # starters too): on a page holding no starter at all, no line is one
    if any(starter in page for starter in _STARTER_SET):
        _merge_labels(lines, settings)
    out = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue  # nothing but spaces
        # the first character tells most lines from a starter at once (`startswith` tries them one by one)
        line.starts_new_line = text[0] in _STARTER_FIRSTS and text.startswith(STARTERS)
        if not line.starts_new_line and ((lost and id(line.spans[0]) in lost) or (text[0] > "\x7f" and unknown_icon(text) is not None)):
            # an icon whose picture is lost, or one the vocabulary does not know: the line is a
            # paragraph of its own (the text conventions join a line without a known icon to the one before)
            line.starts_new_line = line.opens_paragraph = True
        # the width of its first word and a space, from its first span's mean glyph width (written
        # out here, not called: it is worked out for every line)
        end = text.find(" ")
        span = line.spans[0]
        line.first_word_width = (span.bbox[2] - span.bbox[0]) / (len(span.text) or 1) * ((end if end >= 0 else len(text)) + 1)
        out.append(line)
    return out


#: The starters as a set, to tell a line that is only one (a tuple is scanned one by one).
_STARTER_SET = frozenset(STARTERS)
#: The characters the starters begin with: a line whose first character is none of them starts with none.
_STARTER_FIRSTS = frozenset(starter[0] for starter in STARTERS)

#: Capitals set one by one with a space between ("L A B E L"); words stand apart by wider gaps.
#: Only searched for, from the space after its first letter: a pattern that starts with a literal
#: space is searched from space to space, some five times faster than one tried at every letter.
_SPACED_WORD = re.compile(r" (?<=(?<!\S)\w )\w(?: \w)+(?!\S)")
#: In a line holding one, a shorter spaced word too ("E T" between "M I S S I O N S" and "A C T I O N S").
_SPACED_SHORT = re.compile(r"(?<!\S)\w(?: \w)+(?!\S)")
#: Dot leaders between a phrase and what is set at the right margin ("Étape ........ 2021").
_LEADERS = re.compile(r"(?<=\S) ?(?:[.·…] ?){4,}(?=\S)")
#: The four dots that leaders hold at least: a quick test before `_LEADERS`, which looks behind at every character.
_FOUR_DOTS = re.compile(r"[.·…] ?[.·…] ?[.·…] ?[.·…]")
#: `_FOUR_DOTS` in a text without "·" or "…": it starts with a literal dot, so it is searched from
#: dot to dot, some five times faster over a page than a class tried at every character.
_PLAIN_DOTS = re.compile(r"\.(?: ?\.){3}")


def _has_leaders(text: str) -> bool:
    """Whether `text` holds four dots of leaders (`_FOUR_DOTS`): plain dots, in most texts."""
    if "·" in text or "…" in text:
        return _FOUR_DOTS.search(text) is not None
    return _PLAIN_DOTS.search(text) is not None


def _close_up(match: re.Match) -> str:
    word = match.group(0).replace(" ", "")
    return word if word.isupper() else match.group(0)  # "il y a à faire" is no spaced word


def _unspaced(text: str) -> str:
    """Letter-spaced capitals closed up; dot leaders become the wide gap they stand for."""
    if _SPACED_WORD.search(text):
        text = "  ".join(_SPACED_SHORT.sub(_close_up, part) for part in text.split("  "))
    if _has_leaders(text):
        text = _LEADERS.sub("  ", text)
    return text


def _unspace(lines: list[Line], page: str) -> None:
    """`_unspaced` applied to the lines of a page, when one of them may have a spaced word or leaders.

    Neither pattern runs across a line break, so one search of the page's text (`page`: the lines'
    texts, a line to a row) tells whether any line has one: most pages have none.
    """
    if _SPACED_WORD.search(page) or _has_leaders(page):
        for line in lines:
            line.text = _unspaced(line.text)


def _line_box(spans: list[Span]) -> Box:
    """A line's box: across all its spans, and from the top of its words to their foot. A glyph of
    another font that holds no word (an icon, an arrow: "Inclusion numérique ✓") may stand taller
    than the words, and would shrink the gap to the line above as if the two were one paragraph."""
    box = union([s.bbox for s in spans])
    worded = [s.bbox for s in spans if has_word(s.text)]
    if not worded or len(worded) == len(spans):
        return box
    top, bottom = min(b[1] for b in worded), max(b[3] for b in worded)
    return (box[0], top, box[2], bottom) if top > box[1] or bottom < box[3] else box


def _drawn_near(boxes: list[Box], box: Box, offset: float) -> bool:
    """Whether one of the boxes starts within `offset` of where `box` starts, both ways."""
    x, y = box[0], box[1]
    for other in boxes:
        if abs(other[0] - x) < offset and abs(other[1] - y) < offset:
            return True
    return False


def _left(span: Span) -> float:
    return span.bbox[0]


def _split_at_gaps(spans: list[Span], settings: LayoutSettings) -> list[list[Span]]:
    """MuPDF joins text on one baseline into a line even across a column gutter: cut it at wide gaps.

    One of the spans at least holds some text, so a single span, or a line left uncut, is a line of its own.
    """
    if len(spans) == 1:
        return [spans]
    spans = sorted(spans, key=_left)
    em, least = settings.split_gap_em, settings.split_gap_min_pt
    prev = spans[0]
    piece = [prev]
    pieces = [piece]
    for span in spans[1:]:
        gap = span.bbox[0] - prev.bbox[2]
        # wider than both `least` and `em` sizes: most gaps within a line are narrower than `least`,
        # and the sizes are left unread for them
        if gap > least and gap > em * max(prev.size, span.size) and not span.sup:
            piece = [span]
            pieces.append(piece)
        else:
            piece.append(span)
        prev = span
    if len(pieces) == 1:
        return pieces
    return [p for p in pieces if any(s.text.strip() for s in p)]


def _merge_raised(lines: list[Line], settings: LayoutSettings) -> None:
    """Glue a line made only of small raised text to the line it sits on (MuPDF sometimes splits them)."""
    share = settings.raised_size_share
    i = 0
    while i < len(lines):
        small = lines[i]
        first, limit = small.spans[0], share * small.size
        # the first span tells most lines apart: a line of body text starts with a span of its size
        if (first.sup or first.size < limit) and len(small.spans) <= settings.raised_max_spans and all(s.sup or s.size < limit for s in small.spans):
            for other in lines:
                if other is small or other.size <= small.size * settings.raised_base_ratio:
                    continue
                overlap = min(other.y1, small.y1) - max(other.y0, small.y0)
                reach = small.x0 - other.x1
                if (
                    overlap > settings.raised_overlap_share * (small.y1 - small.y0)
                    and -settings.raised_reach_back_pt <= reach <= settings.raised_reach_pt
                    and small.y0 < other.y0 + settings.raised_top_slack_pt
                ):
                    for span in small.spans:
                        span.sup = True
                    other.spans.extend(small.spans)
                    other.set_box(union([other.bbox, small.bbox]))
                    del lines[i]
                    i -= 1
                    break
        i += 1


def _is_raised(span: Span, line: Line, settings: LayoutSettings) -> bool:
    if span.sup:
        return True
    return span.size < settings.raised_size_share * line.size and span.bbox[3] < line.bbox[3] - settings.raised_lift_em * line.size


def line_text(line: Line, settings: LayoutSettings, *, gap_marker: bool = True) -> str:
    """A line's text: spans in x order, superscripts glued to their word, a wide gap as two spaces."""
    if len(line.spans) == 1:
        return line.spans[0].text.rstrip()  # nothing to glue to, no gap
    out = ""
    prev: Span | None = None
    wide = settings.wide_gap_em * line.size
    word = settings.word_gap_em * line.size
    for span in sorted(line.spans, key=lambda s: s.bbox[0]):
        text = span.text
        # a raised space is the gap after a superscript ("3e" + " " + "trimestre"), not raised text
        if _is_raised(span, line, settings) and out.strip() and not text.isspace():
            out = out.rstrip() + text.strip()
            prev = span
            continue
        if prev is not None:
            gap = span.bbox[0] - prev.bbox[2]
            if gap_marker and gap > wide:
                out = out.rstrip() + "  " + text.lstrip()
                prev = span
                continue
            if gap > word and not out.endswith(" ") and not text.startswith(" "):
                out += " "
        out += text
        prev = span
    return out.rstrip()


def _merge_labels(lines: list[Line], settings: LayoutSettings) -> None:
    """Glue a short line (a bullet set apart, a code in a pill) to the line it stands before on its baseline.

    Word processors set a list bullet at its own position, and a designer may print a card's
    code in a pill apart from its title, which goes on after an arrow: MuPDF gives each its
    own line. A gutter between columns is wider, and the line before it is a full line of
    text, not a label; cells of a table are neither bullets nor followed by an arrow.
    """
    s = settings
    arrows = [l for l in lines if l.text.lstrip().startswith(ARROWS)]
    i = 0
    while i < len(lines):
        label = lines[i]
        marker = label.text.strip() in _STARTER_SET  # a bullet set apart from its text
        if not (marker or arrows):
            i += 1
            continue
        words = label.text.split(None, s.label_max_words)  # enough to tell a label from a line of text
        if not words or len(words) > s.label_max_words:
            i += 1
            continue
        best = None
        for other in lines if marker else arrows:
            # a glyph's box may reach a little into the text set after it: the text must start
            # right of the label's middle, not of its right edge
            if other is label or other.x0 < (label.x0 + label.x1) / 2 or other.page != label.page:
                continue
            if other.x0 - label.x1 > s.label_gap_em * max(label.size, other.size):
                continue
            if not marker and not other.text.lstrip().startswith(ARROWS):
                continue  # a label runs on into its text through an arrow ("ACTION AB1" "→ Title")
            overlap = min(other.y1, label.y1) - max(other.y0, label.y0)
            if overlap <= s.beside_overlap_share * min(other.y1 - other.y0, label.y1 - label.y0):
                continue
            if best is None or other.x0 < best.x0:
                best = other
        if best is None:
            i += 1
            continue
        best.spans[:0] = label.spans
        best.set_box(union([label.bbox, best.bbox]))
        best.block = label.block
        best.text = line_text(best, settings)
        del lines[i]
        arrows = [l for l in arrows if l is not label]
