"""Pages -> pages without their running headers, footers and page numbers.

    drop_running_lines(pages, heights, settings, unsure) -> pages

A running line lies in the top or bottom band of the page and its text (digits
and the page's own codes aside) recurs on other pages, or its position and size recur and it stands
apart from the page's text; a bare page number in a band goes too. A line of digits
alone goes only when it stands apart: a number in a table's first or last row is a cell. Text near the margins that does not recur is kept.

Page furniture set anywhere else on the page (a caption "- ALPHA -" / "Feuille de route 2019-2022"
under a narrative that ends at a different height on each page) is recognised by its text alone:
the same text, digits and the page's own codes masked, once on each of many pages, in a size
clearly smaller than the body text (so that a heading or a status repeated on every page stays).
A page's own code is a word in capitals that also stands on another line of that page (its
title): "- ALPHA -" on ALPHA's page and "- BETA -" on BETA's are one text. These lines go to
`unsure` with their page, for the reader to report (known furniture is then left aside by the
structure, anything else is listed unassigned).
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Line
from .settings import LayoutSettings

#: A run of digits, spelled `\d\d*` rather than `\d+` (speed): a pattern that opens with a set of
#: characters is scanned for it in one pass, where a repeat is tried at every position; the runs are the same.
_DIGITS = re.compile(r"\d\d*")
#: A bare page number in a margin band: "12", "- 12 -", "12 / 40".
_PAGE_NUMBER = re.compile(r"[-–—\s]*\d{1,4}[-–—\s]*(?:/\s*\d{1,4})?")
#: A code: a word of two or more capitals (accented ones included), digits allowed after the first.
#: Its first letter comes first and the word's start is checked behind it (`(?<!\w.)`, where
#: `\b` could stand before it): a pattern that opens with a set of characters is scanned for
#: that set in one pass, about twice as fast as one tried at every position (over every line of
#: every page); both find the same words.
_CODE = re.compile(r"[^\W\d_a-zà-ÿ](?<!\w.)[^\W_a-zà-ÿ]+\b")


def _page_codes(lines: list[Line], among: list[Line]) -> dict[int, set[str]]:
    """For each line of `among` (some of the page's `lines`; by id), the codes it holds that also
    stand on another line of the page."""
    held: dict[int, set[str]] = {}
    holders: Counter = Counter()  # how many lines of `among` hold each word
    for line in among:
        if line.text.islower():
            continue  # no capital letter: no word in capitals (most lines of prose)
        words = {word for word in _CODE.findall(line.text) if word.isupper()}
        if words:
            held[id(line)] = words
            holders.update(words)
    if not held:
        return {}
    elsewhere = {word for word, n in holders.items() if n > 1}
    # the rest of the page is searched for words in capitals only when it holds one of these words
    # at all (a substring test each; most pages hold none of them), and as one text: no code runs
    # across a line break
    asked = set(map(id, among))
    rest = "\n".join(line.text for line in lines if id(line) not in asked and not line.text.islower())
    if any(word in rest for word in holders):
        elsewhere.update(word for word in _CODE.findall(rest) if word.isupper())
    out: dict[int, set[str]] = {}
    for i, words in held.items():
        if own := words & elsewhere:
            out[i] = own
    return out


def _masked_texts(lines: list[Line], codes: dict[int, set[str]]) -> list[str]:
    """The lines' texts with their digits and the page's own codes (`codes`, by line id) masked."""
    texts = [line.text.strip() for line in lines]
    if codes:
        for i, line in enumerate(lines):
            own = codes.get(id(line))
            if own:
                texts[i] = _CODE.sub(lambda m: "@" if m.group(0) in own else m.group(0), texts[i])
    joined = "\n".join(texts)
    if joined.count("\n") == len(texts) - 1:  # no text holds a line break: the digits masked in one pass
        return _DIGITS.sub("#", joined).split("\n")
    return [_DIGITS.sub("#", text) for text in texts]


def _small(line: Line, settings: LayoutSettings) -> bool:
    """Set small enough for page furniture (`_furniture_texts`), and holding a letter."""
    return line.size <= _small_pt(settings) and any(map(str.isalpha, line.text))


def _small_pt(settings: LayoutSettings) -> float:
    """The largest size of page furniture: `furniture_size_drop_share` below the body's."""
    return settings.body_reference_pt * (1 - settings.furniture_size_drop_share)


def _masked(line: Line, lines: list[Line]) -> str:
    """The masked text of one line of the page `lines`."""
    return _masked_texts([line], _page_codes(lines, [line]))[0]


def _keyed(lines: list[Line], height: float, settings: LayoutSettings) -> list[tuple[Line, tuple | None, str | None]]:
    """Each line of a page `height` high with its band key (band, top rounded to `running_y_step_pt`,
    size; None away from the bands) and its masked text where it is read in any case: in the bands
    and for a line small enough for furniture (`_small`); None for the rest (most lines: masking
    them, codes and all, cost more than the whole of the rest of this step, and they are asked
    about only when some furniture is found, then seldom)."""
    band, step = settings.running_band_share, settings.running_y_step_pt
    top, bottom = height * band, height * (1 - band)
    small = _small_pt(settings)
    out: list[tuple[Line, tuple | None, str | None]] = []
    among: list[Line] = []  # the lines whose masked text is read in any case
    places: list[int] = []  # and where they stand in `out`
    for line in lines:
        if line.y1 <= top:
            key: tuple | None = ("top", round(line.y0 / step), round(line.size))
        elif line.y0 >= bottom:
            key = ("bottom", round(line.y0 / step), round(line.size))
        elif line.size <= small and any(map(str.isalpha, line.text)):  # `_small`
            key = None
        else:
            out.append((line, None, None))
            continue
        places.append(len(out))
        among.append(line)
        out.append((line, key, None))
    for i, masked in zip(places, _masked_texts(among, _page_codes(lines, among))):
        out[i] = (out[i][0], out[i][1], masked)
    return out


def _set_apart(line: Line, lines: list[Line], settings: LayoutSettings) -> bool:
    """No text runs on from the line: the page's text next to it, above or below, is a clear gap away.

    A running header whose words change from page to page recurs only by its place;
    so does a card title that happens to open several pages, but its card follows it.
    """
    clearance = settings.running_clearance_em * line.size
    x0, y0, x1, y1 = line.x0, line.y0, line.x1, line.y1
    for other in lines:
        if other is line or other.x1 < x0 or other.x0 > x1:
            continue
        if -clearance < other.y0 - y1 < clearance or -clearance < y0 - other.y1 < clearance:
            return False
    return True


def drop_running_lines(pages: list[list[Line]], heights: list[float], settings: LayoutSettings, unsure: list[Line] | None = None) -> list[list[Line]]:
    """Pages without their running headers, footers and page numbers, and page furniture elsewhere.

    `unsure` receives the lines dropped for their place alone (their text recurs nowhere and is no
    page number) and the furniture found away from the bands: the reader reports them rather than
    losing them silently."""
    positions: Counter = Counter()
    texts: Counter = Counter()
    # (line, its band key or None, its masked text), per page
    keyed: list[list[tuple[Line, tuple | None, str | None]]] = []
    banded: list[list[tuple[Line, tuple | None, str | None]]] = []  # the lines of the bands alone
    for lines, height in zip(pages, heights):
        page = _keyed(lines, height, settings)
        keyed.append(page)
        in_bands = [entry for entry in page if entry[1] is not None]
        banded.append(in_bands)
        positions.update({key for _, key, _ in in_bands})
        texts.update({masked for _, _, masked in in_bands})
    every = settings.running_every_pages
    recurring = max(settings.running_min_pages, (len(pages) + every - 1) // every)
    furniture = _furniture_texts(keyed, settings, recurring)
    # a line's masked text opens with its text's opening up to the first mask, and ends likewise:
    # the lines that could match no furniture are left unmasked
    heads = tuple(re.split("[#@]", text)[0] for text in furniture)
    tails = tuple(re.split("[#@]", text)[-1] for text in furniture)
    kept_pages = []
    for lines, page, in_bands in zip(pages, keyed, banded):
        dropped = set()
        # away from the bands only furniture goes: without any, the bands' lines are all there is to read
        for line, key, masked in page if furniture else in_bands:
            if key is None:
                if masked is None and (text := line.text.strip()).startswith(heads) and text.endswith(tails):
                    masked = _masked(line, lines)  # it may be furniture
                if masked in furniture:
                    dropped.add(id(line))
                    if unsure is not None:
                        unsure.append(line)
                continue
            numeric = not any(map(str.isalpha, masked))  # a page number, or a table's cell (then not apart)
            if numeric and not _set_apart(line, lines, settings):
                continue
            if _PAGE_NUMBER.fullmatch(line.text.strip()) or texts[masked] >= recurring or masked in furniture:
                dropped.add(id(line))
            elif positions[key] >= recurring and _set_apart(line, lines, settings):
                dropped.add(id(line))
                if unsure is not None:
                    unsure.append(line)
        kept_pages.append([line for line in lines if id(line) not in dropped] if dropped else list(lines))
    return kept_pages


def _furniture_texts(keyed: list[list[tuple[Line, tuple | None, str | None]]], settings: LayoutSettings, recurring: int) -> set[str]:
    """Masked texts of page furniture set anywhere: in a size at least `furniture_size_drop_share`
    of the body below it, holding a letter, at most once on any page and on `recurring` pages or more
    (and never on fewer than `furniture_min_pages`)."""
    pages_with: Counter = Counter()
    twice: set[str] = set()
    for page in keyed:
        # a line left unmasked is not small (`_keyed`)
        seen: Counter = Counter(masked for line, _, masked in page if masked is not None and _small(line, settings))
        pages_with.update(seen.keys())
        twice.update(m for m, n in seen.items() if n > 1)
    return {m for m, n in pages_with.items() if n >= max(recurring, settings.furniture_min_pages) and m not in twice}
