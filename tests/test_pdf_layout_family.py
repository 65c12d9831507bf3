"""The layout family: committed PDFs pinned by sha256, every word of the edition in each, rebuilt where the
producer is installed, and the reader's field agreement with the text path of the same edition."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import pytest

from evaluation.layouts.score import FAMILY_DIR, pdf_name, sums
from evaluation.layouts.styles import FAMILY, TRIALS

NAMES = [s.name for s in FAMILY + TRIALS]
_WORD = re.compile(r"\w+")


def test_family_has_ten_layouts_from_four_producers():
    assert len(FAMILY) >= 10
    assert {"pymupdf", "reportlab", "chromium", "libreoffice"} <= {s.producer for s in FAMILY}


@pytest.mark.parametrize("name", NAMES)
def test_committed_pdf_is_pinned_and_marked_retypeset(name):
    import pymupdf

    path = FAMILY_DIR / pdf_name(name)
    assert sums(FAMILY_DIR)[path.name] == hashlib.sha256(path.read_bytes()).hexdigest()
    with pymupdf.open(path) as doc:
        assert "re-typeset" in doc.metadata["title"] and "re-typeset" in doc.metadata["keywords"]


@pytest.fixture(scope="module")
def edition_words():
    from evaluation.layouts.build import mid_2020

    from evaluation.render.edition_text import edition_to_text

    text = re.sub(r"\^\{(\w+)\}", r"\1", edition_to_text(mid_2020())).replace("**", "")
    return sorted(set(_WORD.findall(text.lower())))


@pytest.mark.parametrize("name", NAMES)
def test_every_word_of_the_edition_is_printed(name, edition_words):
    import pymupdf

    with pymupdf.open(FAMILY_DIR / pdf_name(name)) as doc:
        printed = unicodedata.normalize("NFKC", "\n".join(page.get_text() for page in doc)).replace("\u00ad", "").replace("\u2010", "-").lower()
    # a word cut at a line end: by hyphenation (joined back) or at the hyphen of a compound (kept)
    words = set(_WORD.findall(printed.replace("-\n", ""))) | set(_WORD.findall(printed.replace("-\n", "-")))
    missing = [w for w in edition_words if w not in words]
    assert not missing, f"{name}: {missing[:10]}"


#: One layout of each outside producer (the project's own renderers are rebuilt by test_render_brochure).
_REBUILT = sorted({s.producer: s.name for s in reversed(FAMILY + TRIALS) if s.producer in ("chromium", "libreoffice", "groff", "latex")}.values())


@pytest.mark.parametrize("name", _REBUILT)
def test_rebuild_gives_the_committed_text_layer(name, tmp_path):
    """One layout per producer is rebuilt (all: `python -m evaluation.layouts build`); the text of every page
    must be the committed one (Chromium's bytes are stable too; LibreOffice's carry its own ids)."""
    import pymupdf
    from evaluation.layouts.build import build_layout, mid_2020, producer_available
    from evaluation.layouts.styles import style

    s = style(name)
    missing = producer_available(s)
    if missing:
        pytest.skip(missing)
    out = build_layout(mid_2020(), s, tmp_path / pdf_name(name))

    def pages(path):
        with pymupdf.open(path) as doc:
            return [page.get_text() for page in doc]

    assert pages(out) == pages(FAMILY_DIR / pdf_name(name))
