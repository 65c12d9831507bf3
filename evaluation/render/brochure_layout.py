"""Brochure text (seed 003's conventions) -> a typesetting plan both engines draw.

The plan is a list of `Section`s (cover, contents, two-column narrative,
action cards, overview chart, indicator table), each a list of `Element`s
that keep their source lines verbatim, inline markup included (`**bold**`,
`1^{er}` superscripts, `[text](url)` links). Engines only decide how an
element looks; what it says, and in which order, is fixed here, so every
word of the source appears in the PDF in source order.

Text conventions read (those of the brochure's text extraction):
groups of lines separated by blank lines; `- ` list items (`- ➔ step`);
a leading icon (📅 □ ▣ ⬆️ ✓ ➔) or a leading space where the icon was lost;
a wide gap of two or more spaces between a step and its status;
"ACTION XX → Title" card headings; "- LABEL -" / "Feuille de route …"
running headers; tab-separated table rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from editiondiff.vocabulary.text import normalize_text

#: Icons that may introduce a line, as printed in the text.
ICONS = ("📅", "□", "▣", "⬆", "✓", "➔", "→")

SectionKind = Literal["cover", "contents", "narrative", "cards", "chart", "table"]
ElementKind = Literal["heading", "para", "item", "icon", "aside", "card_title", "chart_mission", "chart_headline", "chart_entry", "row"]

_RUNNING_HEADER = re.compile(r"^-\s*[A-ZÀ-Ý.]+\s*-?$")
_FEUILLE = re.compile(r"^Feuille de route \d{4}-\d{4}$")
_ACTION = re.compile(r"^ACTION\s+[A-Z]{2,}[ -]?\d{1,3}\s*→")  # LA1, IN 5, LB-3, TER 12
_NUMBER = re.compile(r"^\d{1,3}$")
_GAP = re.compile(r"\S( {2,})\S")


@dataclass
class Element:
    kind: ElementKind
    lines: list[str]
    icon: str | None = None  # the icon printed before the text
    lost_icon: bool = False  # the text had a leading space where an icon was lost
    aside: str | None = None  # text after a wide gap (a status beside a step)
    depth: int = 0  # list depth (an indented item is 1)
    cells: list[str] | None = None  # table rows
    group_end: bool = True  # last element of its run of lines (a blank line follows in the text)
    keep_with_next: bool = False  # a paragraph that stops mid-sentence: never end a column with it


@dataclass
class Section:
    kind: SectionKind
    elements: list[Element] = field(default_factory=list)
    header: tuple[str, str] | None = None  # running header (left, right) printed on its pages
    new_page: bool = True


def _groups(text: str) -> list[list[str]]:
    """Lines grouped by blank lines; whitespace-only lines count as blank; trailing spaces dropped."""
    groups: list[list[str]] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = "\t".join(normalize_text(part, collapse_spaces=False) for part in raw.split("\t")).rstrip()
        line = line.replace("\x00", "")
        if not line.strip():
            if current:
                groups.append(current)
                current = []
            continue
        current.append(line)
    if current:
        groups.append(current)
    return groups


def _is_upper_heading(group: list[str]) -> bool:
    """A heading in capitals ('PRODUITS et SERVICES', 'GOUVERNANCE DE TECH.GOUV'), two words or more."""
    if len(group) != 1:
        return False
    words = group[0].replace("*", "").split()
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if len(letters) < 2:
        return False
    upper = [w for w in letters if w == w.upper()]
    return len(upper) >= 2 and len(upper) >= len(letters) - 1


def _is_capitals_heading(group: list[str]) -> bool:
    """A heading all in capitals, two words or more ('GOUVERNANCE DE TECH.GOUV'); 'DINUM et DITP' is not."""
    if len(group) != 1:
        return False
    words = [w for w in group[0].replace("*", "").split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 and all(w == w.upper() for w in words)


def _is_code_word(group: list[str]) -> bool:
    return len(group) == 1 and re.fullmatch(r"[A-ZÉ]{3,}", group[0].strip()) is not None


def mission_codes(groups: list[list[str]]) -> set[str]:
    """Mission codes as the text introduces them: a code word, a headline, then 'OBJECTIF …'."""
    codes = set()
    for i, group in enumerate(groups[:-2]):
        if _is_code_word(group) and groups[i + 2][0].upper().startswith("OBJECTIF"):
            codes.add(group[0].strip())
    return codes


def _line_element(line: str) -> Element:
    """One line of a group: an item, an icon line, a lost-icon line or plain text."""
    stripped = line.strip()
    depth = 1 if line.startswith(" ") and stripped.startswith("- ") else 0
    if stripped.startswith("- ") or stripped == "-":
        body = stripped[2:]
        aside = None
        gap = _GAP.search(body)
        if gap:
            body, aside = body[: gap.start(1)], body[gap.end(1) :]
        return Element("item", [body], aside=aside, depth=depth)
    for icon in ICONS:
        if stripped.startswith(icon):
            return Element("icon", [stripped[len(icon) :].strip()], icon=icon)
    if line.startswith(" "):
        return Element("icon", [stripped], lost_icon=True)
    return Element("para", [line])


def _group_elements(group: list[str]) -> list[Element]:
    """A group becomes one paragraph (hard line breaks kept) or a run of items / icon lines."""
    elements = _group_elements_open(group)
    for element in elements[:-1]:
        element.group_end = False
    return elements


def _group_elements_open(group: list[str]) -> list[Element]:
    first = _line_element(group[0])
    if len(group) == 1:
        return [first]
    if first.kind == "para" and not any(_line_element(line).kind == "item" for line in group[1:]):
        return [Element("para", list(group))]
    if first.kind == "icon" and not any(_line_element(line).kind in ("item", "icon") for line in group[1:]):
        first.lines.extend(line.strip() for line in group[1:])
        return [first]
    elements: list[Element] = []
    for line in group:
        element = _line_element(line)
        if element.kind in ("para",) and elements:
            # a continuation line of the previous item or icon line (a hard break in the source)
            elements[-1].lines.append(line.strip())
        else:
            elements.append(element)
    return elements


def _table_rows(group: list[str]) -> list[Element]:
    return [Element("row", [line], cells=line.split("\t")) for line in group]


def _contents_end(groups: list[list[str]], start: int) -> int:
    """The contents page: page numbers and titles, up to the title after the last number."""
    last = start
    i = start
    while i < len(groups):
        if len(groups[i]) == 1 and _NUMBER.match(groups[i][0].strip()):
            last = i
        elif i - last > 8 or len(" ".join(groups[i])) > 120:
            break
        i += 1
    return min(last + 2, len(groups))


def text_to_sections(text: str) -> list[Section]:
    """Cut a brochure text into the sections the engines lay out."""
    groups = _groups(text)
    codes = mission_codes(groups)
    sections: list[Section] = []
    first_number = next((i for i, g in enumerate(groups) if len(g) == 1 and _NUMBER.match(g[0].strip())), None)
    i = 0
    if first_number is not None and first_number < 60:
        cover = Section("cover")
        for group in groups[:first_number]:
            cover.elements.append(Element("heading", list(group)))
        sections.append(cover)
        end = _contents_end(groups, first_number)
        contents = Section("contents")
        for group in groups[first_number:end]:
            contents.elements.append(Element("para", list(group)))
        sections.append(contents)
        i = end

    header: tuple[str, str] | None = None
    current: Section | None = None

    def open_section(kind: SectionKind, *, new_page: bool = True) -> Section:
        nonlocal current
        current = Section(kind, header=header if kind in ("cards", "chart") else None, new_page=new_page)
        sections.append(current)
        return current

    while i < len(groups):
        group = groups[i]
        line = group[0].strip()
        if any("\t" in g for g in group):
            section = open_section("table")
            section.elements.extend(_table_rows(group))
            i += 1
            continue
        if len(group) == 1 and _RUNNING_HEADER.match(line):
            right = ""
            if i + 1 < len(groups) and len(groups[i + 1]) == 1 and _FEUILLE.match(groups[i + 1][0].strip()):
                right = groups[i + 1][0].strip()
                i += 1
            header = (line, right)
            open_section("cards")
            i += 1
            continue
        if len(group) == 1 and _FEUILLE.match(line) and (current is None or current.kind != "cards"):
            header = ("", line)
            open_section("cards")
            i += 1
            continue
        if _ACTION.match(line):
            if current is None or current.kind != "cards":
                open_section("cards")
            current.elements.append(Element("card_title", [line]))
            for rest in group[1:]:
                current.elements.extend(_group_elements([rest]))
            i += 1
            continue
        if _is_upper_heading(group) and _chart_ahead(groups, i, codes):
            section = open_section("chart")
            end = _chart_end(groups, i)
            for g in groups[i:end]:
                text_line = g[0].strip()
                if _is_upper_heading(g):
                    if section.elements:
                        section = open_section("chart")
                    section.elements.append(Element("heading", list(g)))
                elif _is_code_word(g) and text_line in codes:
                    section.elements.append(Element("chart_mission", list(g)))
                elif g[0].startswith("✓ "):
                    section.elements.append(Element("para", list(g)))
                elif section.elements and section.elements[-1].kind == "chart_mission":
                    section.elements.append(Element("chart_headline", list(g)))
                else:
                    section.elements.append(Element("chart_entry", list(g)))
            i = end
            continue
        ends_cards = (
            (_is_code_word(group) and line in codes)
            or _is_capitals_heading(group)
            or (current is not None and current.kind in ("table", "chart"))
        )
        mission_intro = _is_code_word(group) and line in codes and i + 2 < len(groups) and groups[i + 2][0].upper().startswith("OBJECTIF")
        if current is None or (current.kind == "cards" and ends_cards) or current.kind in ("table", "chart", "cover", "contents"):
            if current is None or current.kind != "narrative":
                open_section("narrative")
        if mission_intro and current.kind == "narrative" and current.elements:
            open_section("narrative")  # each mission starts on a page of its own
        if current.kind == "cards":
            current.elements.extend(_group_elements(group))
        else:
            elements = _group_elements(group)
            if _is_code_word(group) or _is_upper_heading(group):
                elements = [Element("heading", list(group))]
            current.elements.extend(elements)
        i += 1
    for section in sections:
        _mark_unfinished(section.elements)
    return sections


def _mark_unfinished(elements: list[Element]) -> None:
    """Paragraphs cut mid-sentence in the text (the next one starts in lower case) stay with the next one.

    At the foot of a column such a paragraph would look like the first part of
    a paragraph continued in the next column, and be read back as one.
    """
    for element, following in zip(elements, elements[1:]):
        if element.kind == "para" and following.kind == "para":
            end = element.lines[-1].rstrip()[-1:]
            start = following.lines[0].lstrip()[:1]
            element.keep_with_next = bool(end) and end not in ".!?:;»)" and start.islower()


def _chart_ahead(groups: list[list[str]], i: int, codes: set[str]) -> bool:
    """An overview chart starts here: mission codes and '(nouveau)' / '✓' entries follow, closed by a '✓ …' legend."""
    if i + 1 >= len(groups) or not (_is_code_word(groups[i + 1]) and groups[i + 1][0].strip() in codes):
        return False  # an axis label, directly followed by the first mission of the chart
    if groups[i][0].lstrip().startswith(ICONS):
        return False
    end = _chart_end(groups, i)
    if end == i:
        return False
    body = groups[i + 1 : end]
    return any(_is_code_word(g) and g[0].strip() in codes for g in body) and any(
        g[0].startswith("(nouveau)") or g[-1].endswith("✓") for g in body
    )


def _chart_end(groups: list[list[str]], i: int) -> int:
    for j in range(i + 1, min(len(groups), i + 200)):
        if groups[j][0].startswith("✓ "):
            return j + 1
        if _ACTION.match(groups[j][0].strip()) or any("\t" in g for g in groups[j]):
            return i
    return i


# -- inline markup ---------------------------------------------------------------

_INLINE = re.compile(r"\*\*|\^\{([^}]*)\}|\^([^\s^{*]+)|\[([^\]]+)\]\(([^)]*)\)")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    sup: bool = False
    href: str | None = None


def inline_runs(line: str, *, bold: bool = False) -> tuple[list[Run], bool]:
    """A source line -> styled runs; returns the bold state at the end of the line (bold spans lines)."""
    runs: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(line):
        if m.start() > pos:
            runs.append(Run(line[pos : m.start()], bold=bold))
        if m.group(0) == "**":
            bold = not bold
        elif m.group(1) is not None or m.group(2) is not None:
            runs.append(Run(m.group(1) if m.group(1) is not None else m.group(2), bold=bold, sup=True))
        else:
            runs.append(Run(m.group(3), bold=bold, href=m.group(4) or "#"))
        pos = m.end()
    if pos < len(line):
        runs.append(Run(line[pos:], bold=bold))
    return runs, bold
