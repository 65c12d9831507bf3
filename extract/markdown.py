"""Markdown pages (Jekyll/kramdown, as published on numerique.gouv.fr) into the common block stream.

Parsed with markdown-it-py (CommonMark, raw HTML allowed) and the front-matter
plugin; YAML front matter is read with PyYAML into
``SourceDocument.front_matter``, and its prose fields (title, chapeau-text …)
are also emitted as paragraph blocks (``attrs["front_matter"] = key``) so that
claims printed there are seen.

Block mapping: headings -> ``heading`` (``level``); paragraphs ->
``paragraph``; the first paragraph of a list item -> ``list_item``;
paragraphs inside a blockquote -> ``quote``; a paragraph made only of images
(possibly linked) and ``<figure>`` HTML -> ``figure`` with ``attrs`` ``src``,
``alt``, ``href``; other inline HTML (``<div>…<a href>``) -> ``paragraph`` with
its text and ``attrs["href"]``. Links keep their text, the first target goes
to ``attrs["href"]``; ``<br>`` is a space.

kramdown attribute lines (``{: .citation}``, ``{: .margin-top-2}``) are taken
out before parsing (replaced by blank lines, so line numbers hold) and their
classes are attached to the block just above as ``attrs["class"]``. Text
following a closing ``</figure>`` on the same line ("…</figure>### Simplification")
is parsed again as markdown.

Provenance: line ranges from the tokens' ``.map`` (1-based, inclusive); the
quote is the block's text as rendered (markup removed).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Deadline, ReadLimits, over_limit
from ..schemas.blocks import Block, SourceDocument
from ..schemas.provenance import Provenance
from ..vocabulary.text import normalize_text

_ATTRIBUTE_LINE = re.compile(r"^\s*\{:\s*([^}]*)\}\s*$")


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin)


def _clean(text: str) -> str:
    return normalize_text(text).strip()


class _HtmlText(HTMLParser):
    """Text, links and images of an HTML fragment; `tail` is what follows the last closing tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hrefs: list[str] = []
        self.images: list[dict[str, str]] = []
        self.classes: list[str] = []
        self.figure = False

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])
        elif tag == "img":
            self.images.append({"src": values.get("src", ""), "alt": values.get("alt", "")})
        elif tag == "figure":
            self.figure = True
            if values.get("class"):
                self.classes.append(values["class"])
        elif tag == "br":
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)

    @property
    def text(self) -> str:
        return _clean(" ".join(self.parts))


def _split_after_html(content: str) -> tuple[str, str]:
    """('<figure …></figure>', '### Simplification'): the HTML, and markdown that follows its last closing tag."""
    last = None
    for last in re.finditer(r"</[a-zA-Z]+>|<[a-zA-Z][^>]*/>", content):
        pass
    if last is None:
        return content, ""
    return content[: last.end()], content[last.end():]


def _inline(token: Token) -> tuple[str, dict[str, str], bool, list[dict[str, str]]]:
    """(text, attrs, every text run bold, images) of an inline token."""
    parts: list[str] = []
    attrs: dict[str, str] = {}
    images: list[dict[str, str]] = []
    bold_depth = 0
    bold_chars = plain_chars = 0
    for child in token.children or []:
        if child.type == "text":
            parts.append(child.content)
            if child.content.strip():
                if bold_depth:
                    bold_chars += len(child.content.strip())
                else:
                    plain_chars += len(child.content.strip())
        elif child.type == "code_inline":
            parts.append(child.content)
            plain_chars += len(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "strong_open":
            bold_depth += 1
        elif child.type == "strong_close":
            bold_depth -= 1
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            if href and "href" not in attrs:
                attrs["href"] = href
        elif child.type == "image":
            images.append({"src": str(child.attrs.get("src", "")), "alt": child.content or str(child.attrs.get("alt", ""))})
        elif child.type == "html_inline":
            html = _HtmlText()
            html.feed(child.content)
            if html.hrefs and "href" not in attrs:
                attrs["href"] = html.hrefs[0]
            parts.append(" ")
    text = _clean("".join(parts))
    return text, attrs, bold_chars > 0 and plain_chars == 0, images


def _provenance(source: str, token_map, offset: int, quote: str) -> Provenance:
    start, end = (token_map or [0, 1])
    return Provenance(source=source, line_start=start + 1 + offset, line_end=max(end, start + 1) + offset, quote=quote)


def _tokens_to_blocks(tokens: list[Token], source: str, offset: int, md: MarkdownIt) -> list[Block]:
    blocks: list[Block] = []
    in_quote = 0
    item_paragraphs: list[int] = []  # per open list item: paragraphs seen
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "blockquote_open":
            in_quote += 1
        elif kind == "blockquote_close":
            in_quote -= 1
        elif kind == "list_item_open":
            item_paragraphs.append(0)
        elif kind == "list_item_close":
            item_paragraphs.pop()
        elif kind == "heading_open":
            text, attrs, _, _ = _inline(tokens[i + 1])
            if text:
                blocks.append(
                    Block(kind="heading", text=text, level=int(token.tag[1]), attrs=attrs, provenance=_provenance(source, token.map, offset, text))
                )
            i += 2
        elif kind == "paragraph_open":
            text, attrs, bold, images = _inline(tokens[i + 1])
            block_kind = "paragraph"
            level = None
            if item_paragraphs:
                if item_paragraphs[-1] == 0:
                    block_kind, level = "list_item", len(item_paragraphs)
                item_paragraphs[-1] += 1
            elif in_quote:
                block_kind = "quote"
            if images and (not text or text == " ".join(im["alt"] for im in images).strip()):
                block_kind = "figure"
                attrs.update({"src": images[0]["src"], "alt": images[0]["alt"]})
                text = _clean(images[0]["alt"])
            if text or block_kind == "figure":
                blocks.append(
                    Block(kind=block_kind, text=text, level=level, bold=bold, attrs=attrs, provenance=_provenance(source, token.map, offset, text))  # type: ignore[arg-type]
                )
            i += 2
        elif kind == "html_block":
            html_part, rest = _split_after_html(token.content)
            html = _HtmlText()
            html.feed(html_part)
            html.close()
            attrs: dict[str, str] = {}
            if html.hrefs:
                attrs["href"] = html.hrefs[0]
            if html.images:
                attrs.update({"src": html.images[0]["src"], "alt": html.images[0]["alt"]})
            if html.classes:
                attrs["class"] = html.classes[0]
            start = token.map[0] if token.map else 0
            if html.images or html.figure:
                text = _clean(html.images[0]["alt"]) if html.images else html.text
                blocks.append(Block(kind="figure", text=text, attrs=attrs, provenance=_provenance(source, [start, start + 1], offset, text)))
            elif html.text:
                blocks.append(Block(kind="paragraph", text=html.text, attrs=attrs, provenance=_provenance(source, token.map, offset, html.text)))
            if rest.strip():
                blocks += _tokens_to_blocks(md.parse(rest), source, offset + start + html_part.count("\n"), md)
        elif kind == "code_block" or kind == "fence":
            text = _clean(token.content)
            if text:
                blocks.append(Block(kind="paragraph", text=text, provenance=_provenance(source, token.map, offset, text)))
        i += 1
    return blocks


def _front_matter_blocks(data: dict[str, object], lines: list[str], source: str) -> list[Block]:
    """A paragraph block for each prose field of the front matter, with the lines it stands on."""
    blocks: list[Block] = []
    first_line: dict[str, int] = {}  # "key" -> first line reading "key: …" (one pass, not one per key)
    for n, line in enumerate(lines):
        if ":" in line:
            first_line.setdefault(line.partition(":")[0], n)
    for key, value in data.items():
        if not isinstance(value, str) or " " not in value.strip():
            continue
        start = first_line.get(key)
        if start is None and ":" in key:  # a key holding a colon: look for it as the old way did
            start = next((n for n, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if start is None:
            continue
        end = start
        while end + 1 < len(lines) and lines[end + 1].startswith((" ", "\t")):
            end += 1
        text = _clean(value)
        blocks.append(
            Block(
                kind="paragraph",
                text=text,
                attrs={"front_matter": key},
                provenance=Provenance(source=source, line_start=start + 1, line_end=end + 1, quote=text),
            )
        )
    return blocks


def _plain(value: object) -> object:
    """Front matter values as JSON-friendly data (dates as ISO strings)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _attach_classes(blocks: list[Block], attribute_lines: dict[int, str]) -> None:
    """kramdown attribute lines: their classes go to the block ending just above them.

    "Just above" is the block with the greatest (last line, position) ending
    before the attribute line: blocks are ranked by that key once and each
    attribute line finds its block by bisection, so n blocks and m attribute
    lines cost O((n + m) log n) (a scan of every block per line was quadratic).
    """
    ranked = sorted((b.provenance.line_end, n) for n, b in enumerate(blocks) if b.provenance.line_end is not None)
    for line_number, classes in sorted(attribute_lines.items()):
        at = bisect.bisect_left(ranked, (line_number, -1))
        if at == 0 or not classes:
            continue
        target = blocks[ranked[at - 1][1]]
        existing = target.attrs.get("class")
        target.attrs["class"] = f"{existing} {classes}" if existing else classes


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with aliases and anchors refused and nesting bounded.

    An alias bomb (anchors expanded exponentially) is refused at its first
    anchor, before anything is built; nesting deeper than the limit is refused
    while composing, before Python's recursion limit is reached.
    """

    max_depth = 64

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _FrontMatterRefused("YAML aliases (*name) are not accepted", event.start_mark, "")
        if getattr(event, "anchor", None):
            raise _FrontMatterRefused("YAML anchors (&name) are not accepted", event.start_mark, "")
        self._depth += 1
        if self._depth > self.max_depth:
            raise _FrontMatterRefused(f"YAML nested more than {self.max_depth} levels deep", event.start_mark, "max_depth")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _FrontMatterRefused(Exception):
    def __init__(self, problem: str, mark, limit: str):
        super().__init__(problem)
        self.problem, self.mark, self.limit = problem, mark, limit


def load_front_matter(path: Path, content: str, limits: ReadLimits = DEFAULT_LIMITS) -> object:
    """The YAML front matter as data: safe types only, no aliases or anchors, nesting bounded."""
    loader_class = type("_Loader", (_BoundedLoader,), {"max_depth": limits.max_depth})
    loader = None
    try:
        loader = loader_class(content)  # the reader refuses control characters already here
        return loader.get_single_data()
    except _FrontMatterRefused as exc:
        where = f" (line {exc.mark.line + 2})" if exc.mark is not None else ""
        if exc.limit:
            raise over_limit(path, exc.problem + where, exc.limit, limits.max_depth) from None
        raise InputError(path, exc.problem + where) from None
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(path, f"invalid YAML front matter{where}") from None
    finally:
        if loader is not None:
            loader.dispose()


def markdown_to_document(
    path: Path, text: str, source: str, sha256: str, *, limits: ReadLimits = DEFAULT_LIMITS, deadline: Deadline | None = None
) -> SourceDocument:
    """A SourceDocument from the decoded text of a markdown page."""
    lines = text.splitlines()
    attribute_lines: dict[int, str] = {}
    for n, line in enumerate(lines):
        m = _ATTRIBUTE_LINE.match(line)
        if m:
            attribute_lines[n + 1] = " ".join(c.lstrip(".") for c in m.group(1).split() if c.startswith("."))
            lines[n] = ""
    deadline = deadline or Deadline(limits.max_seconds, path)
    md = _parser()
    tokens = md.parse("\n".join(lines) + "\n")
    deadline.check(" (markdown parsing)")

    front_matter: dict[str, object] = {}
    blocks: list[Block] = []
    for token in tokens:
        if token.type == "front_matter":
            loaded = load_front_matter(path, token.content, limits)
            if isinstance(loaded, dict):
                front_matter = {str(k): _plain(v) for k, v in loaded.items()}
                end = token.map[1] if token.map else len(lines)
                blocks += _front_matter_blocks(front_matter, lines[:end], source)
            break
    blocks += _tokens_to_blocks([t for t in tokens if t.type != "front_matter"], source, 0, md)
    deadline.check(" (markdown blocks)")

    _attach_classes(blocks, attribute_lines)
    return SourceDocument(source=source, path=str(path), format="markdown", sha256=sha256, front_matter=front_matter, blocks=blocks)
