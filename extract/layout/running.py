"""Pages -> pages without their running headers, footers and page numbers.

    drop_running_lines(pages, heights, settings) -> pages

A running line lies in the top or bottom band of the page and its text (digits
aside) recurs on other pages, or its position and size recur and it stands
apart from the page's text; a bare page number in a band goes too. A line of digits
alone goes only when it stands apart: a number in a table's first or last row is a cell. Text near the margins that does not recur is kept.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Line
from .settings import LayoutSettings

_DIGITS = re.compile(r"\d+")
#: A bare page number in a margin band: "12", "- 12 -", "12 / 40".
_PAGE_NUMBER = re.compile(r"[-–—\s]*\d{1,4}[-–—\s]*(?:/\s*\d{1,4})?")


def _band_key(line: Line, height: float, settings: LayoutSettings) -> tuple | None:
    band = settings.running_band_share
    if line.y1 <= height * band:
        where = "top"
    elif line.y0 >= height * (1 - band):
        where = "bottom"
    else:
        return None
    return (where, round(line.y0 / settings.running_y_step_pt), round(line.size))


def _set_apart(line: Line, lines: list[Line], settings: LayoutSettings) -> bool:
    """No text runs on from the line: the page's text next to it, above or below, is a clear gap away.

    A running header whose words change from page to page recurs only by its place;
    so does a card title that happens to open several pages, but its card follows it.
    """
    clearance = settings.running_clearance_em * line.size
    for other in lines:
        if other is line or other.x1 < line.x0 or other.x0 > line.x1:
            continue
        if -clearance < other.y0 - line.y1 < clearance or -clearance < line.y0 - other.y1 < clearance:
            return False
    return True


def drop_running_lines(pages: list[list[Line]], heights: list[float], settings: LayoutSettings, unsure: list[Line] | None = None) -> list[list[Line]]:
    """Pages without their running headers, footers and page numbers.

    `unsure` receives the lines dropped for their place alone (their text recurs nowhere and is no
    page number): the reader reports them unassigned rather than losing them silently."""
    positions: Counter = Counter()
    texts: Counter = Counter()
    # (line, its band key, its text with digits masked) of the lines in a band, per page
    banded: list[list[tuple[Line, tuple, str]]] = []
    for lines, height in zip(pages, heights):
        in_band = []
        for line in lines:
            key = _band_key(line, height, settings)
            if key is not None:
                in_band.append((line, key, _DIGITS.sub("#", line.text.strip())))
        banded.append(in_band)
        positions.update({key for _, key, _ in in_band})
        texts.update({masked for _, _, masked in in_band})
    every = settings.running_every_pages
    recurring = max(settings.running_min_pages, (len(pages) + every - 1) // every)
    kept_pages = []
    for lines, in_band in zip(pages, banded):
        dropped = set()
        for line, key, masked in in_band:
            numeric = not any(c.isalpha() for c in masked)  # a page number, or a table's cell (then not apart)
            if numeric and not _set_apart(line, lines, settings):
                continue
            if _PAGE_NUMBER.fullmatch(line.text.strip()) or texts[masked] >= recurring:
                dropped.add(id(line))
            elif positions[key] >= recurring and _set_apart(line, lines, settings):
                dropped.add(id(line))
                if unsure is not None:
                    unsure.append(line)
        kept_pages.append([line for line in lines if id(line) not in dropped] if dropped else list(lines))
    return kept_pages
