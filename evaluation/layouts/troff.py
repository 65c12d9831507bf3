"""A trial layout typeset by groff (the ms macros, tbl for the tables), written to PDF by gropdf.

    edition_ms(edition, style) -> the ms source (text)
    typeset_pdfs([(edition, style, out), ...])

A producer whose habits the reader was never written around: troff fills and
justifies every paragraph with its own French hyphenation patterns (`-mfr`),
sets the narrative in ms's two columns (`.2C`), prints a running page number
in the header, sets the steps of a card as a borderless tbl table (the step
filled in its column, its deadline right-aligned beside it), draws its icons
from the Symbol and ZapfDingbats base fonts (not embedded, each with its own
encoding), raises superscripts with `\\u` and a
smaller size, and rules the indicator table with tbl's `allbox`. gropdf writes
the PDF (Type 1 base fonts, no text layer of its own design).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from editiondiff.schemas import Edition

from .content import Card, Section, edition_sections, marked_up
from .styles import Style

#: The icons as groff glyph names: an arrow up (Symbol), a right hand and a heavy arrow (ZapfDingbats).
ICONS = {"owner": r"\[ua]", "deadline": r"\[rh]", "step": r"\f[ZD]\N'212'\f[]"}
#: Characters of the source with no glyph in groff's base fonts, and the glyph printed instead.
_GLYPHS = {"→": r"\[->]", "✓": r"\[OK]", "’": r"\[cq]", "–": r"\[en]", "—": r"\[em]", "…": r"\&...", "\u00a0": r"\~", "\u202f": r"\~"}


def groff() -> str | None:
    """The groff executable when it can write PDF (the Debian package groff, not groff-base)."""
    exe = shutil.which("groff")
    return exe if exe and shutil.which("gropdf") else None


def _escape(text: str) -> str:
    out = text.replace("\\", r"\e")
    for char, glyph in _GLYPHS.items():
        out = out.replace(char, glyph)
    return out


def _inline(text: str, *, font: str = "R") -> str:
    """Source markup -> troff: `**bold**` in the bold face, `1^{er}` raised and smaller, links as their text."""
    bold = (lambda body: body) if font == "B" else (lambda body: rf"\fB{body}\f[{font}]")
    return marked_up(text, _escape, sup=lambda body: rf"\u\s-2{body}\s+2\d", bold=bold)


def _line(text: str) -> str:
    """An input line that troff never takes for a request (a leading dot or quote)."""
    return rf"\&{text}" if text[:1] in (".", "'") else text


def _card(card: Card) -> list[str]:
    out = [".sp 0.6v", ".ne 3v", ".LP", r".ft B", _line(rf"{_escape(card.code)} \[->] {_inline(card.title, font='B')}"), ".ft R", ".br"]
    if card.status:
        out += [".ft I", _line(_inline(card.status, font="I")), ".ft R", ".br"]
    for text in card.paragraphs:
        out += [".LP", _line(_inline(text))]
    for owner in card.owners:
        out += [".LP", _line(rf"{ICONS['owner']} {_inline(owner)}")]
    if card.steps:
        # the steps as a borderless tbl table: the marker, the step filled in its column, its deadline
        # beside it, right-aligned in a narrower column, as a designer sets a list beside its dates
        out += [".sp 0.2v", ".TS", "tab(\t);", "lw(1.2m)1 lw(4.7c) rw(2.3c)."]
        for text, deadline in card.steps:
            due = "T{\n.ad r\n" + _line(rf"\fI{_inline(deadline, font='I')}\fP") + "\nT}" if deadline else r"\&"
            out.append("\t".join([ICONS["step"], "T{\n" + _line(_inline(text)) + "\nT}", due]))
        out.append(".TE")
    for deadline in card.deadlines:
        out += [".LP", _line(rf"{ICONS['deadline']} {_inline(deadline)}")]
    for note in card.notes:
        out += [".LP", _line(_inline(note))]
    return out


def _block(role: str, text: str) -> list[str]:
    if role == "title":
        return [".LP", r".ps +6", r".ft B", _line(_inline(text, font="B")), ".ft R", r".ps", ".sp 0.4v"]
    if role == "heading":
        return [".SH", _line(_inline(text, font="B"))]
    if role == "lead":
        return [".LP", r".ft B", _line(_inline(text, font="B")), ".ft R"]
    if role == "caption":
        return [".LP", r".ps -2", _line(_inline(text)), r".ps"]
    return [".PP", _line(_inline(text))]


def _table(section: Section) -> list[str]:
    out = [block for role, text in section.blocks for block in _block(role, text)]
    values = len(section.rows[0]) - 2
    out += [".TS H", "allbox tab(\t);", " ".join(["lw(2.2c)", "lw(6c)", *["lw(1.7c)"] * values]) + "."]
    for index, row in enumerate(section.rows):
        out.append("\t".join("T{\n" + _line(_inline(cell)) + "\nT}" if cell else r"\&" for cell in row))
        if index == 0:
            out.append(".TH")  # the header row, printed again on each page the table runs on to
    out.append(".TE")
    return out


def edition_ms(edition: Edition, style: Style) -> str:
    lines = [
        r'.\" re-typesetting by editiondiff (evaluation.layouts), not the original brochure',
        rf".nr PS {style.size_pt}p",
        rf".nr VS {style.size_pt * 1.25:.2f}p",
        ".nr PI 0",
        ".nr PD 0.3v",
        ".nr HM 2c",
        ".nr FM 2c",
        ".nr LL 16.5c",
        ".nr PO 2.2c",
        ".hy 6" if style.hyphenate else ".nh",
    ]
    columns = 1  # ms: .2C starts two columns where it stands; .1C after it starts a new page, and .bp in it a new column

    def set_columns(count: int) -> None:
        nonlocal columns
        if count != columns:
            lines.append(".2C" if count == 2 else ".1C")
            columns = count

    for section in edition_sections(edition):
        if section.kind not in ("cover", "back"):
            if columns == 2:
                set_columns(1)  # a new page
            else:
                lines.append(".bp")
        if section.kind == "table":
            lines += _table(section)
            continue
        two = style.columns > 1 and section.kind in ("front", "mission", "chart")
        lead = [b for b in section.blocks if b[0] in ("title", "lead")] if section.kind == "mission" else []
        lines += [x for role, text in lead for x in _block(role, text)]
        if two:
            set_columns(2)
        lines += [x for role, text in section.blocks if (role, text) not in lead for x in _block(role, text)]
        lines += [x for card in section.cards for x in _card(card)]
    return "\n".join(lines) + "\n"


def typeset_pdfs(jobs: list[tuple[Edition, Style, Path]]) -> None:
    """Each (edition, style) through `groff -ms -mfr -t -Tpdf` to its `out`."""
    exe = groff()
    if exe is None:
        raise RuntimeError("groff cannot write PDF here (Debian package groff)")
    with tempfile.TemporaryDirectory() as tmp:
        for index, (edition, style, out) in enumerate(jobs):
            source = Path(tmp) / f"layout-{index}.ms"
            source.write_text(edition_ms(edition, style), encoding="utf-8")
            paper = "letter" if style.page == "Letter" else "a4"
            done = subprocess.run([exe, "-k", "-t", "-ms", "-mfr", "-Tpdf", f"-dpaper={paper}", f"-P-p{paper}", str(source)],
                                  capture_output=True, timeout=120, env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1577836800"})
            if done.returncode != 0 or not done.stdout.startswith(b"%PDF"):
                raise RuntimeError(f"groff wrote no PDF for {out.name}: {done.stderr.decode(errors='replace').strip()[:300]}")
            out.write_bytes(done.stdout)
