"""Re-typesetting a brochure text as PDF: every word in order, the brochure's furniture, determinism, labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_003 = ROOT / "corpus" / "sources" / "003_dc8a99c2b477ef56.txt"
ENGINES = ("pymupdf", "reportlab")

FICTITIOUS = """TECH.GOUV

2

Édito

ÉDITO

Une édition imaginaire pour les tests, publiée au 1^{er} semestre 2031.

ZETA

Tester les lecteurs de PDF

OBJECTIF : vérifier que tout texte aux conventions de la brochure se compose

La mission ZETA compte deux actions (**action ZE1** et **action ZE2**).

- ZETA -

Feuille de route 2030-2033

ACTION ZE1 → Premier essai

Composer une carte d'action complète

- ➔ Écrire le texte  Fait
- ➔ Le relire

 DINUM

📅 3^e trimestre 2031

ACTION ZE2 → Second essai

Objectif atteint ✓

Vérifier les icônes

 2032
"""


@pytest.fixture(scope="module")
def seed_pdfs():
    from evaluation.render.brochure import render_brochure_pdf

    text = SEED_003.read_text(encoding="utf-8")
    return {
        engine: render_brochure_pdf(text, engine=engine, title="mi-2020", retypeset_note="re-typeset by editiondiff from source 003")
        for engine in ENGINES
    }


def _words(text: str) -> list[str]:
    from editiondiff.vocabulary.text import fold

    return fold(text).split()


def _source_words(text: str) -> list[str]:
    text = re.sub(r"\^\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\^(\w+)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return _words(text.replace("**", ""))


@pytest.mark.parametrize("engine", ENGINES)
def test_every_word_of_the_source_in_order(seed_pdfs, engine):
    """The words of seed 003 are a subsequence of the PDF's words in the order they are drawn."""
    import pymupdf

    doc = pymupdf.open("pdf", seed_pdfs[engine])
    drawn = _words(" ".join(page.get_text(sort=False) for page in doc))
    # running headers are drawn on every card page (after or before the page's text): checked elsewhere
    lines = SEED_003.read_text(encoding="utf-8").splitlines()
    running = re.compile(r"^\s*-\s*[A-Z]+\s*-?\s*$|^Feuille de route \d{4}-\d{4}$")
    source = _source_words("\n".join(line for line in lines if not running.match(line)))
    position = 0
    missing = []
    for word in source:
        try:
            position = drawn.index(word, position) + 1
        except ValueError:
            missing.append(word)
    assert not missing, missing[:10]


@pytest.mark.parametrize("engine", ENGINES)
def test_brochure_furniture(seed_pdfs, engine):
    import pymupdf

    from editiondiff.vocabulary.text import normalize_text

    doc = pymupdf.open("pdf", seed_pdfs[engine])
    assert abs(doc[0].rect.width - 595.3) < 1 and abs(doc[0].rect.height - 841.9) < 1
    texts = [page.get_text() for page in doc]
    # cover, then contents with page references
    assert "TECH.GOUV" in texts[0] and "48" in texts[1]
    # running headers at the top of card pages, page numbers at the bottom
    top = [page.get_text(clip=pymupdf.Rect(0, 0, page.rect.width, 50)) for page in doc]
    assert any("- LABEL -" in t for t in top) and any("Feuille de route 2019-2022" in t for t in top)
    bottom = [page.get_text(clip=pymupdf.Rect(0, page.rect.height - 40, page.rect.width, page.rect.height)).strip() for page in doc]
    assert bottom[5] == "6"
    # one card per action
    assert sum(len(re.findall(r"ACTION [A-Z]{2} ?\d", t)) for t in texts) == 38
    # the indicator table over two pages, header repeated, drawn as a ruled grid
    table_pages = [i for i, t in enumerate(texts) if "projection fin 2020" in " ".join(normalize_text(t).split())]
    assert len(table_pages) == 2 and table_pages[1] == table_pages[0] + 1
    assert len(doc[table_pages[0]].get_drawings()) > 20


@pytest.mark.parametrize("engine", ENGINES)
def test_superscripts_are_raised_and_smaller(seed_pdfs, engine):
    import pymupdf

    doc = pymupdf.open("pdf", seed_pdfs[engine])
    raised = 0
    for page in doc:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", ()):
                spans = line["spans"]
                for before, after in zip(spans, spans[1:]):
                    if after["text"] == "er" and before["text"].endswith("1"):
                        assert after["size"] < before["size"]
                        assert after["bbox"][3] < before["bbox"][3]
                        raised += 1
    assert raised >= 10


@pytest.mark.parametrize("engine", ENGINES)
def test_metadata_says_retypeset(seed_pdfs, engine):
    import pymupdf

    meta = pymupdf.open("pdf", seed_pdfs[engine]).metadata
    assert "re-typeset" in meta["subject"] and "re-typeset" in meta["title"]
    assert meta["creationDate"].startswith("D:20") and "re-typeset" in meta["keywords"]


def test_fictitious_edition_renders_and_reads_back(tmp_path):
    """Any text in the brochure's conventions: an invented mission, codes and years."""
    from editiondiff.extract.pdf import read_pdf
    from evaluation.render.brochure import render_brochure_pdf

    for engine in ENGINES:
        pdf = render_brochure_pdf(FICTITIOUS, engine=engine, title="ZETA", retypeset_note="-", fictitious=True)
        import pymupdf

        meta = pymupdf.open("pdf", pdf).metadata
        assert "FICTITIOUS" in meta["subject"] and "FICTITIOUS" in meta["title"]
        path = tmp_path / f"zeta_fictitious_{engine}.pdf"
        path.write_bytes(pdf)
        blocks = read_pdf(path).blocks
        texts = [b.text for b in blocks]
        assert "ACTION ZE1 → Premier essai" in texts and "ACTION ZE2 → Second essai" in texts
        assert "Une édition imaginaire pour les tests, publiée au 1er semestre 2031." in texts
        step = texts.index("Écrire le texte")
        assert blocks[step].kind == "list_item" and blocks[step].icon == "arrow"
        assert texts[step + 1] == "Fait" and blocks[step + 1].attrs.get("inline") == "true"
        owner = texts.index("DINUM")
        assert blocks[owner].attrs.get("lost_icon") == "true"
        deadline = texts.index("3e trimestre 2031")
        assert blocks[deadline].icon == "deadline"
        assert "Objectif atteint ✓" in texts


def test_rendering_is_deterministic():
    from evaluation.render.brochure import render_brochure_pdf

    for engine in ENGINES:
        first = render_brochure_pdf(FICTITIOUS, engine=engine, title="ZETA", retypeset_note="-", fictitious=True)
        second = render_brochure_pdf(FICTITIOUS, engine=engine, title="ZETA", retypeset_note="-", fictitious=True)
        assert first == second


def test_unknown_engine():
    from evaluation.render.brochure import render_brochure_pdf

    with pytest.raises(ValueError, match="unknown engine"):
        render_brochure_pdf("x", engine="weasyprint", title="x", retypeset_note="x")  # type: ignore[arg-type]
