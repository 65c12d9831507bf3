"""A family layout as HTML and CSS, printed to PDF by headless Chromium.

    edition_html(edition, style) -> str
    print_pdf(html, out)            Chromium's own PDF (Skia), no header or footer

Cards are `div`s whose place comes from CSS (grid for side panels and cards
side by side, a bordered strip under the steps, a pill for the code); each
step is a flex row with its deadline pushed to the right margin; the
narrative may run in CSS columns, justified with `&shy;` soft hyphens from
pyphen's French dictionary (Chromium on Linux has no hyphenation dictionary of
its own), so that lines break inside words as in a typeset brochure.
"""

from __future__ import annotations

import html as _html
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from ..render.brochure_pymupdf import _inline as inline_html
from editiondiff.schemas import Edition

from .content import Card, Section, edition_sections
from .styles import Style

ICONS = {"owner": "⬆️", "deadline": "📅", "step": "➔"}
#: Small vector drawings standing in for the icon glyphs (an arrow up, a calendar, an arrow right).
_SVG = {
    "owner": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><path d="M5 0 L10 6 H7 V10 H3 V6 H0 Z" fill="#000091"/></svg>',
    "deadline": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><rect x="0.5" y="1.5" width="9" height="8" fill="none" stroke="#000091"/><rect x="0.5" y="1.5" width="9" height="2.5" fill="#000091"/></svg>',
    "step": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><path d="M0 4 H6 V1 L10 5 L6 9 V6 H0 Z" fill="#000091"/></svg>',
}


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="fr_FR")


def _soft_hyphens(text: str) -> str:
    words = text.split(" ")
    dic = _hyphenator()
    return " ".join(dic.inserted(w, hyphen="\u00ad") if len(w) > 6 and w.isalpha() else w for w in words)


def _inline(text: str, *, hyphenate: bool = False) -> str:
    """A line with its markup as HTML (the brochure engine's own conversion), soft hyphens first if asked."""
    return inline_html([_soft_hyphens(text) if hyphenate else text])


def _icon(role: str, style: Style) -> str:
    if style.icons == "none":
        return ""
    if style.icons == "image":
        import base64

        data = base64.b64encode(_SVG[role].encode()).decode()
        return f'<img class="icon" src="data:image/svg+xml;base64,{data}"/> '
    return f'<span class="icon">{ICONS[role]}</span> '


def _card_html(card: Card, style: Style) -> str:
    if style.pill:
        head = f'<div class="head"><span class="pill">{_html.escape(card.code)}</span><span class="ctitle">→ {_inline(card.title)}</span></div>'
    else:
        head = f'<p class="ctitle">{_html.escape(card.code)} → {_inline(card.title)}</p>'
    main = []
    if card.status:
        main.append(f'<p class="status">{_inline(card.status)}</p>')
    main += [f"<p>{_inline(p)}</p>" for p in card.paragraphs]
    steps = []
    for text, deadline in card.steps:
        due = f'<span class="due">{_inline(deadline)}</span>' if deadline else ""
        steps.append(f'<div class="step"><span class="what">{_icon("step", style)}{_inline(text)}</span>{due}</div>')
    side = [f'<p class="owner">{_icon("owner", style)}{_inline(o)}</p>' for o in card.owners]
    side += [f'<p class="deadline">{_icon("deadline", style)}{_inline(d)}</p>' for d in card.deadlines]
    notes = [f'<p class="note">{_inline(n)}</p>' for n in card.notes]
    if style.cards in ("panel-right", "panel-left"):
        panel = f'<div class="panel">{"".join(side)}</div>'
        cell = f'<div class="main">{"".join(main)}{"".join(steps)}{"".join(notes)}</div>'
        body = f'<div class="body">{panel + cell if style.cards == "panel-left" else cell + panel}</div>'
    elif style.cards == "strip":
        body = "".join(main) + "".join(steps) + (f'<div class="strip">{"".join(side)}</div>' if side else "") + "".join(notes)
    else:
        body = "".join(main) + "".join(side) + "".join(steps) + "".join(notes)
    return f'<div class="card">{head}{body}</div>'


def _block_html(role: str, text: str, style: Style, *, hyphenate: bool = False) -> str:
    tag = {"title": "h1", "heading": "h2"}.get(role, "p")
    return f'<{tag} class="{role}">{_inline(text, hyphenate=hyphenate and role == "para")}</{tag}>'


def _section_html(section: Section, style: Style) -> str:
    hyphenate = style.hyphenate
    if section.kind == "table":
        cls = "table landscape" if style.table_landscape else "table"
        rows = []
        for index, row in enumerate(section.rows):
            tag = "th" if index == 0 else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{_inline(c) if c else '&#160;'}</{tag}>" for c in row) + "</tr>")
        head = "".join(_block_html(r, t, style) for r, t in section.blocks)
        return f'<section class="{cls}">{head}<table class="{style.table}">{"".join(rows)}</table></section>'
    if section.kind == "mission":
        lead = [b for b in section.blocks if b[0] != "para"]
        paras = [b for b in section.blocks if b[0] == "para"]
        intro = "".join(_block_html(r, t, style) for r, t in lead[:2])
        text = "".join(_block_html(r, t, style, hyphenate=hyphenate) for r, t in paras)
        captions = "".join(_block_html(r, t, style) for r, t in lead[2:])
        cards = "".join(_card_html(c, style) for c in section.cards)
        return f'<section class="mission">{intro}<div class="narrative">{text}</div><div class="cards">{captions}<div class="deck">{cards}</div></div></section>'
    inner = "".join(_block_html(r, t, style, hyphenate=hyphenate) for r, t in section.blocks)
    if section.kind in ("front", "chart"):
        inner = f'<div class="narrative">{inner}</div>'
    return f'<section class="{section.kind}">{inner}</section>'


def _css(style: Style) -> str:
    size = "A4" if style.page == "A4" else "letter"
    columns = f"column-count: {style.columns}; column-gap: 18pt;" if style.columns > 1 else ""
    justify = "text-align: justify;" if style.justify else ""
    border = "border: 0.8pt solid #000091; padding: 5pt 7pt;" if style.boxed else "padding: 0 0 4pt 0;"
    deck = "display: grid; grid-template-columns: 1fr 1fr; column-gap: 14pt; align-items: start;" if style.cards == "side-by-side" else ""
    panel_columns = {"panel-right": "3fr 1.2fr", "panel-left": "1.2fr 3fr"}.get(style.cards)
    body_grid = f".body {{ display: grid; grid-template-columns: {panel_columns}; column-gap: 12pt; }}" if panel_columns else ""
    panel = ".panel { background: #eef0fb; padding: 4pt 6pt; }" if panel_columns else ""
    table_rule = "0.5pt solid #333" if style.table == "ruled" else "none"
    caps = "font-variant: small-caps; letter-spacing: 0.5pt;" if style.small_caps else ""
    landscape = "@page wide { size: %s landscape; } section.landscape { page: wide; }" % size if style.table_landscape else ""
    return f"""
@page {{ size: {size}; margin: 16mm 15mm; }}
{landscape}
body {{ font-family: "{style.font}"; font-size: {style.size_pt}pt; line-height: 1.3; color: #1a1a1a; }}
section {{ break-before: page; }}
section.cover {{ break-before: auto; }}
h1 {{ font-size: 20pt; color: #000091; margin: 0 0 8pt 0; }}
h2 {{ font-size: 13pt; color: #000091; margin: 8pt 0 6pt 0; }}
p {{ margin: 0 0 5pt 0; }}
p.lead {{ font-size: 11pt; font-weight: bold; color: #000091; }}
p.caption {{ font-size: 7.5pt; color: #555; margin: 0 0 2pt 0; }}
.narrative {{ {columns} {justify} hyphens: manual; margin-bottom: 10pt; }}
.deck {{ {deck} }}
.card {{ {border} margin: 0 0 9pt 0; break-inside: avoid; }}
.ctitle {{ font-weight: bold; font-size: 10.5pt; color: #000091; margin: 0 0 5pt 0; }}
.head {{ display: flex; align-items: baseline; gap: 10pt; margin-bottom: 5pt; }}
.head .ctitle {{ margin: 0; }}
.pill {{ border-radius: 8pt; background: #000091; color: white; padding: 1pt 7pt; font-weight: bold; font-size: 9pt; {caps} }}
.status {{ font-style: italic; color: #18753c; }}
.step {{ display: flex; justify-content: space-between; gap: 16pt; margin: 0 0 3pt 0; }}
.step .due {{ text-align: right; font-style: italic; color: #444; max-width: 35%; }}
{body_grid}
{panel}
.strip {{ display: flex; gap: 20pt; border-top: 0.6pt solid #000091; margin-top: 4pt; padding-top: 3pt; }}
.strip p {{ margin: 0; }}
.icon {{ color: #000091; }}
img.icon {{ width: 8pt; height: 8pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: 7.5pt; }}
td, th {{ border: {table_rule}; padding: 2pt 4pt; vertical-align: top; text-align: left; }}
th {{ font-weight: bold; }}
table.borderless tr:nth-child(even) td {{ background: #f3f3f8; }}
"""


def edition_html(edition: Edition, style: Style) -> str:
    body = "".join(_section_html(s, style) for s in edition_sections(edition))
    return f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{_html.escape(edition.label)} (re-typeset)</title><style>{_css(style)}</style></head><body>{body}</body></html>'


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")
#: What `--print-to-pdf` asks of the page (Chromium's headless command handler): backgrounds, the CSS page size, no header or footer.
_PRINT = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


def print_pdf(html: str, out: Path) -> None:
    """Headless Chromium prints the page to `out` (no header, footer or network)."""
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium is not installed (Debian package chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "layout.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [exe, *_FLAGS, f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )


def driver_available() -> str | None:
    """None when one Chromium process can print many pages (selenium and chromium-driver), else why not."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (the test extra)"
    return None if shutil.which("chromedriver") else "chromium-driver is not installed (Debian package chromium-driver)"


def print_pdfs(jobs: list[tuple[str, Path]]) -> None:
    """Print many pages with one headless Chromium: each (html, out) to its PDF.

    The pages are printed by the DevTools command `Page.printToPDF` with the
    parameters `--print-to-pdf` uses, through selenium and chromium-driver;
    without them, one Chromium process per page (`print_pdf`).
    """
    if not jobs:
        return
    if driver_available() is not None or len(jobs) == 1:
        for html, out in jobs:
            print_pdf(html, out)
        return
    import base64

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium is not installed (Debian package chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        options = webdriver.ChromeOptions()
        options.binary_location = exe
        for arg in (*_FLAGS, f"--user-data-dir={tmp}/profile"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            for index, (html, out) in enumerate(jobs):
                page = Path(tmp) / f"layout-{index}.html"
                page.write_text(html, encoding="utf-8")
                driver.get(page.as_uri())
                driver.execute_async_script("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));")
                out.write_bytes(base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", dict(_PRINT))["data"]))
                page.unlink()
        finally:
            driver.quit()
