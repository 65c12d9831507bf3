"""Fuzzing the readers: whatever the bytes, a reader returns blocks or raises the one-line error of its kind.

Strategies build markdown and text from the constructs the readers handle
(headings, kramdown attribute lines, front matter with anchors and nesting,
inline HTML, figures, bullets, icons, tab rows, wide gaps) mixed with hostile
characters (controls, bidi overrides, lone surrogates excluded by UTF-8,
NUL), and mutate the lines of the real seed 003 for the whole extraction.
A crash found here becomes a regression example (`@example`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import MANIFEST, SEED_003
from fuzzing import examples
from hypothesis import example, given
from hypothesis import strategies as st

from editiondiff.errors import EditionDiffError
from editiondiff.extract.markdown import markdown_to_document
from editiondiff.extract.pipeline import _bytes_to_document, extract_edition
from editiondiff.extract.text import lines_to_blocks
from editiondiff.limits import ReadLimits
from editiondiff.settings import ReaderSettings
from editiondiff.schemas.blocks import SourceDocument

HOSTILE = st.sampled_from(["\x00", "\x1b[31m", "\x07", "\u202e", "\u2066", "\ufeff", "\r", "\t", "\x0c", "&amp;", "&#0;", "\\", "`"])
WORDS = st.sampled_from([
    "ACTION", "LA1", "IN 5", "→", "➔", "📅", "⬆️", "✓", "□", "Fait", "En cours", "2021", "fin 2022", "1^{er} semestre",
    "**gras**", "[lien](http://x)", "Mission", "Objectif", "Enjeu", "8 missions", "38 actions", "«", "»", "—", "é",
])  # fmt: skip
INLINE = st.lists(st.one_of(WORDS, HOSTILE, st.text(max_size=12)), max_size=8).map(" ".join)

MARKDOWN_LINE = st.one_of(
    INLINE,
    INLINE.map(lambda t: "# " + t),
    INLINE.map(lambda t: "### " + t),
    st.sampled_from(["{: .citation}", "{: .x .y}", "{:}", "{: #id}", "{: .a", "---", "***", "> ", "- ", "* **X :**", "1. "]),
    INLINE.map(lambda t: f"<figure class='x'><img src='a.png' alt='{t}'></figure>### {t}"),
    INLINE.map(lambda t: f"<div><a href='/x'>{t}</a>"),
    INLINE.map(lambda t: f"![{t}](img.png)"),
    INLINE.map(lambda t: f"| {t} | {t} |"),
    st.just("```"),
    st.just(""),
)
FRONT_MATTER_LINE = st.one_of(
    INLINE.map(lambda t: f"title: {t!r}"),
    st.sampled_from(["a: &x [1, 2]", "b: *x", "c: [[[[1]]]]", "d: {e: {f: {g: 1}}}", "date: 2020-08-27", "- item", "key: |", "  bloc", ": :"]),
    st.integers(1, 300).map(lambda n: "deep: " + "[" * n + "]" * n),
    st.integers(1, 120).map(lambda n: "".join(f"{'  ' * k}k{k}:\n" for k in range(n)) + "  " * n + "v: 1"),
)


@st.composite
def markdown_pages(draw) -> str:
    page = ""
    if draw(st.booleans()):
        page += "---\n" + "\n".join(draw(st.lists(FRONT_MATTER_LINE, max_size=6))) + "\n---\n"
    return page + "\n".join(draw(st.lists(MARKDOWN_LINE, max_size=40)))


TEXT_LINE = st.one_of(
    INLINE,
    INLINE.map(lambda t: "- " + t),
    INLINE.map(lambda t: "➔ " + t),
    INLINE.map(lambda t: "📅 " + t),
    INLINE.map(lambda t: " " + t),
    INLINE.map(lambda t: "12. " + t),
    INLINE.map(lambda t: f"{t}    {t}"),
    INLINE.map(lambda t: f"{t}\t{t}\t{t}"),
    st.just(""),
)


def _check(document_or_error) -> None:
    assert isinstance(document_or_error, SourceDocument)
    for block in document_or_error.blocks:
        assert block.provenance.quote is not None


@examples(60)
@given(markdown_pages())
@example("---\na: &x [1]\nb: *x\n---\n# T\n")  # an anchor in front matter: refused, not expanded
@example("---\ndeep: " + "[" * 300 + "]" * 300 + "\n---\ntext\n")  # nesting over the bound
@example("<figure><img alt='x'></figure>### a\n{: .c}\n")
@example("---\n\x1b[31m\n---")  # found by the fuzzer: PyYAML's reader refused ESC outside the error handling
def test_markdown_reader_never_crashes(page):
    try:
        document = markdown_to_document(Path("fuzz.md"), page, "fuzz", "0", limits=ReadLimits(max_seconds=30))
    except EditionDiffError as exc:
        assert "\n" not in exc.line()
        return
    _check(document)


@examples(60)
@given(st.lists(TEXT_LINE, max_size=60))
def test_text_reader_never_crashes(lines):
    blocks = lines_to_blocks(lines, "fuzz")
    assert all(b.provenance.line_start >= 1 and b.provenance.line_end <= max(len(lines), 1) for b in blocks)


@examples(80)
@given(st.one_of(st.binary(max_size=600), markdown_pages().map(lambda t: t.encode("utf-8"))))
@example(b"%PDF-1.7\n")
@example(b'[' * 5000)
@example(b"\xef\xbb\xbf---\n---\n")
def test_any_bytes_get_a_document_or_a_one_line_error(data):
    try:
        document = _bytes_to_document(Path("fuzz.src"), data, "fuzz", ReaderSettings(limits=ReadLimits(max_seconds=30)))
    except EditionDiffError as exc:
        assert "\n" not in exc.line() and exc.exit_code in (2, 3)
        return
    _check(document)


SEED_LINES = SEED_003.read_text(encoding="utf-8").splitlines()


@st.composite
def mutated_seeds(draw) -> str:
    """Seed 003 with runs of lines dropped, duplicated, swapped or spiked with hostile text."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines) - 1))
        span = draw(st.integers(1, 40))
        action = draw(st.sampled_from(["drop", "duplicate", "swap", "spike", "cut"]))
        if action == "drop":
            del lines[at:at + span]
        elif action == "duplicate":
            lines[at:at] = lines[at:at + span]
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "spike":
            lines[at] = lines[at] + draw(INLINE)
        else:
            lines[at] = lines[at][: draw(st.integers(0, max(len(lines[at]) - 1, 0)))]
        if not lines:
            lines = ["vide"]
    return "\n".join(lines) + "\n"


@examples(20)
@given(mutated_seeds())
def test_extraction_of_a_damaged_seed_never_crashes(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed-fictitious.txt"
        path.write_text(text, encoding="utf-8")
        try:
            edition = extract_edition([path], manifest=MANIFEST)
        except EditionDiffError as exc:
            assert "\n" not in exc.line()
            return
        assert edition.id
