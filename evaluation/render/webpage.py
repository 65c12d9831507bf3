"""An archivist's "save web page as PDF" of a publication page (markdown or plain text).

    render_webpage_pdf(markdown_or_text, url=..., title=...) -> bytes

The page is laid out as a browser prints it: A4, one column, the page title
and date in a small header line, the URL and "page x/y" in the footer.
Markdown pages (Jekyll front matter, kramdown attribute lines, inline HTML)
are turned into HTML with markdown-it; plain text becomes one paragraph per
run of lines. Deterministic: fixed metadata dates, no random document id.
"""

from __future__ import annotations

import html
import re

from .brochure import FIXED_DATE
from .fonts import BOLD, DEJAVU_DIR, OBLIQUE, REGULAR, dejavu

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN_X, TOP, BOTTOM = 48.0, 58.0, 56.0

CSS = f"""
@font-face {{ font-family: dv; src: url({REGULAR}); }}
@font-face {{ font-family: dv; src: url({BOLD}); font-weight: bold; }}
@font-face {{ font-family: dv; src: url({OBLIQUE}); font-style: italic; }}
body {{ font-family: dv; font-size: 10pt; line-height: 1.35; color: #161616; }}
h1 {{ font-size: 18pt; margin: 0 0 8pt 0; }}
h2 {{ font-size: 14pt; margin: 10pt 0 6pt 0; }}
h3, h4 {{ font-size: 11.5pt; margin: 8pt 0 4pt 0; }}
p {{ margin: 0 0 7pt 0; }}
li {{ margin: 0 0 3pt 0; }}
blockquote {{ margin: 0 0 8pt 12pt; color: #333333; }}
.meta {{ color: #555555; font-size: 9pt; }}
a {{ color: #000091; text-decoration: underline; }}
"""

_ATTRIBUTE_LINE = re.compile(r"^\s*\{:[^}]*\}\s*$", re.MULTILINE)


def _split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(text[3:end]) or {}
    except yaml.YAMLError:
        data = {}
    return (data if isinstance(data, dict) else {}), text[end + 4 :].lstrip("\n")


def _body_html(text: str) -> tuple[dict, str]:
    front, body = _split_front_matter(text)
    if front or re.search(r"^(#{1,6} |> |\* |- \*\*)|<br>|\{:", body, re.MULTILINE):
        from markdown_it import MarkdownIt

        body = _ATTRIBUTE_LINE.sub("", body)
        return front, MarkdownIt("commonmark", {"html": True}).render(body)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return front, "".join(f"<p>{html.escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs)


def render_webpage_pdf(markdown_or_text: str, *, url: str, title: str) -> bytes:
    """The page as a browser would print it to PDF."""
    import io

    import pymupdf

    dejavu()
    front, body = _body_html(markdown_or_text)
    page_title = str(front.get("title") or title)
    date = front.get("date")
    head = ""
    if front.get("title"):
        head += f"<h1>{html.escape(page_title)}</h1>"
    if date:
        head += f'<p class="meta">{html.escape(str(date))}</p>'
    if front.get("chapeau-text"):
        head += f"<p><b>{html.escape(str(front['chapeau-text']))}</b></p>"
    archive = pymupdf.Archive(str(DEJAVU_DIR))
    story = pymupdf.Story(head + body, user_css=CSS, archive=archive)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    rect = pymupdf.Rect(MARGIN_X, TOP, PAGE_W - MARGIN_X, PAGE_H - BOTTOM)
    more = 1
    while more:
        device = writer.begin_page(pymupdf.Rect(0, 0, PAGE_W, PAGE_H))
        more, _ = story.place(rect)
        story.draw(device)
        writer.end_page()
    writer.close()

    doc = pymupdf.open("pdf", buffer.getvalue())
    font = str(dejavu())
    measure = pymupdf.Font(fontfile=font)
    stamp = str(date)[:10] if date else ""
    for number, page in enumerate(doc, start=1):
        left = f"{stamp}  {page_title}".strip()
        page.insert_text((MARGIN_X, 30), left[:110], fontsize=7.5, fontname="dv", fontfile=font)
        page.insert_text((MARGIN_X, PAGE_H - 24), url[:110], fontsize=7.5, fontname="dv", fontfile=font)
        label = f"{number}/{doc.page_count}"
        page.insert_text((PAGE_W - MARGIN_X - measure.text_length(label, fontsize=7.5), PAGE_H - 24), label, fontsize=7.5, fontname="dv", fontfile=font)
    doc.set_metadata(
        {
            "title": f"{page_title} (re-typeset web page)",
            "subject": f"re-typeset by editiondiff from {url}: a saved copy of the web page, not the original",
            "keywords": "re-typeset, editiondiff, web page",
            "author": "editiondiff",
            "creator": "editiondiff render.webpage",
            "producer": "editiondiff (pymupdf)",
            "creationDate": FIXED_DATE,
            "modDate": FIXED_DATE,
        }
    )
    doc.subset_fonts()
    out = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return out
