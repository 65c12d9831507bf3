"""A trial layout typeset by LaTeX (pdfTeX, the article class), for a producer the reader was not written around.

    edition_tex(edition, style) -> the LaTeX source (text)
    typeset_pdfs([(edition, style, out), ...])

TeX writes no space characters: each word is placed on its own and the reader
must split words by their gaps. It justifies every paragraph and hyphenates
it with babel's French patterns (an ASCII hyphen), sets the T1-encoded Latin
Modern faces with ligatures ("fi", "ff"), French thin spaces before ":" and
";", the card heading as an unnumbered subsection, each step as a list item
marked by a ZapfDingbats arrow (pifont, an embedded font read through its
built-in encoding), the step's deadline set at the right margin of the item's last line, or of a
line of its own under it when it does not fit there (the TeXbook's way),
the owner after an arrow of the text companion font, and the indicators as a
long table ruled by booktabs' horizontal rules only, running on over pages
with its header printed again. Page numbers stand at the foot of each page.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from editiondiff.schemas import Edition

from .content import Card, Section, edition_sections, marked_up
from .styles import Style

#: The icons: a ZapfDingbats arrow for a step, an arrow up of the text companion for an owner, a
#: ZapfDingbats pointing hand for a deadline line.
ICONS = {"owner": r"\textuparrow", "deadline": r"\ding{43}", "step": r"\ding{212}"}
#: Characters of the source set by a command (LaTeX's special characters, the icons and marks).
_COMMANDS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "→": r"\textrightarrow{}", "✓": r"\ding{51}", "\u00a0": "~",
    "\u202f": r"\,", "…": r"\dots{}", "°": r"\textdegree{}", "€": r"\texteuro{}",
}


def pdflatex() -> str | None:
    """The pdflatex executable when it has what the layout loads (Debian's texlive-latex-base,
    -latex-recommended, -lang-french, -fonts-recommended and lmodern)."""
    exe = shutil.which("pdflatex")
    kpsewhich = shutil.which("kpsewhich")
    if exe is None or kpsewhich is None:
        return None
    needed = ["lmodern.sty", "pifont.sty", "uzdr.pfb", "booktabs.sty", "longtable.sty", "frenchb.ldf", "geometry.sty"]
    found = subprocess.run([kpsewhich, *needed], capture_output=True, text=True, timeout=60).stdout.split()
    return exe if len(found) == len(needed) else None


def _escape(text: str) -> str:
    return "".join(_COMMANDS.get(char, char) for char in text)


def _inline(text: str) -> str:
    """Source markup -> LaTeX: `**bold**` in bold, `1^{er}` as a superscript, links as their text."""
    return marked_up(text, _escape, sup=lambda body: rf"\textsuperscript{{{body}}}", bold=lambda body: rf"\textbf{{{body}}}")


def _card(card: Card) -> list[str]:
    out = [rf"\subsection*{{{_escape(card.code)} \textrightarrow{{}} {_inline(card.title)}}}"]
    if card.status:
        out.append(rf"\noindent\emph{{{_inline(card.status)}}}\par")
    out += [rf"\noindent {_inline(text)}\par" for text in card.paragraphs]
    out += [rf"\noindent {ICONS['owner']}~{_inline(owner)}\par" for owner in card.owners]
    if card.steps:
        out.append(r"\begin{itemize}")
        for text, deadline in card.steps:
            # the TeXbook's way to set a phrase at the right margin of a paragraph's last line, or of
            # a line of its own under it when it does not fit there (never cut by hyphenation)
            due = rf"{{\unskip\nobreak\hfil\penalty50\hskip2em\hbox{{}}\nobreak\hfil\mbox{{\emph{{{_inline(deadline)}}}}}\parfillskip=0pt\par}}" if deadline else ""
            out.append(rf"\item[{ICONS['step']}] {_inline(text)}{due}")
        out.append(r"\end{itemize}")
    out += [rf"\noindent {ICONS['deadline']}~{_inline(deadline)}\par" for deadline in card.deadlines]
    out += [rf"\noindent {_inline(note)}\par" for note in card.notes]
    return out


def _block(role: str, text: str) -> list[str]:
    if role == "title":
        return [rf"\section*{{{_inline(text)}}}"]
    if role == "heading":
        return [rf"\subsection*{{{_inline(text)}}}"]
    if role == "lead":
        return [rf"\noindent\textbf{{{_inline(text)}}}\par\medskip"]
    if role == "caption":
        return [rf"\noindent{{\footnotesize {_inline(text)}}}\par"]
    return [_inline(text), ""]


def _table(section: Section) -> list[str]:
    out = [x for role, text in section.blocks for x in _block(role, text)]
    values = len(section.rows[0]) - 2
    spec = "p{1.8cm}p{6cm}" + ">{\\raggedleft\\arraybackslash}p{1.6cm}" * values
    head = " & ".join(rf"\textbf{{{_inline(cell)}}}" for cell in section.rows[0]) + r" \\"
    out += [r"{\small", rf"\begin{{longtable}}{{{spec}}}", r"\toprule", head, r"\midrule", r"\endhead", r"\bottomrule", r"\endfoot"]
    out += [" & ".join(_inline(cell) for cell in row) + r" \\" for row in section.rows[1:]]
    out += [r"\end{longtable}", "}"]
    return out


def edition_tex(edition: Edition, style: Style) -> str:
    paper = "letterpaper" if style.page == "Letter" else "a4paper"
    lines = [
        "% re-typesetting by editiondiff (evaluation.layouts), not the original brochure",
        rf"\documentclass[{style.size_pt:g}pt,{paper}]{{article}}".replace("9.5pt", "10pt"),
        r"\usepackage[T1]{fontenc}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage{lmodern}",
        r"\usepackage{textcomp}",
        r"\usepackage[french]{babel}",
        r"\usepackage{pifont}",
        r"\usepackage{booktabs}",
        r"\usepackage{longtable}",
        r"\usepackage{array}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\pdfinfoomitdate=1",
        r"\pdftrailerid{}",
        r"\setlength{\parindent}{0pt}",
        r"\setlength{\parskip}{3pt}",
        r"\begin{document}",
    ]
    for section in edition_sections(edition):
        if section.kind not in ("cover", "back"):
            lines.append(r"\clearpage")
        if section.kind == "table":
            lines += _table(section)
            continue
        lines += [x for role, text in section.blocks for x in _block(role, text)]
        lines += [x for card in section.cards for x in _card(card)]
    lines.append(r"\end{document}")
    return "\n".join(lines) + "\n"


def typeset_pdfs(jobs: list[tuple[Edition, Style, Path]]) -> None:
    """Each (edition, style) through pdflatex (twice: longtable settles its columns on the second run) to its `out`."""
    exe = pdflatex()
    if exe is None:
        raise RuntimeError("pdflatex cannot typeset the layout here (Debian packages texlive-latex-recommended, texlive-lang-french, "
                           "texlive-fonts-recommended, lmodern)")
    with tempfile.TemporaryDirectory() as tmp:
        for index, (edition, style, out) in enumerate(jobs):
            source = Path(tmp) / f"layout-{index}.tex"
            source.write_text(edition_tex(edition, style), encoding="utf-8")
            env = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1577836800", "FORCE_SOURCE_DATE": "1", "HOME": tmp}
            for _ in range(2):
                done = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", "-output-directory", tmp, str(source)],
                                      capture_output=True, timeout=300, cwd=tmp, env=env)
                if done.returncode != 0:
                    log = done.stdout.decode(errors="replace")
                    at = log.find("\n!")
                    raise RuntimeError(f"pdflatex wrote no PDF for {out.name}: {log[at:at + 400].strip() if at >= 0 else log[-400:]}")
            shutil.copyfile(source.with_suffix(".pdf"), out)
