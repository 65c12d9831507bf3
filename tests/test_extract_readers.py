"""The text and markdown readers: block conventions, provenance, format detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_003, SOURCES

from editiondiff.errors import InputError
from editiondiff.extract.detect import detect_format
from editiondiff.extract.pipeline import read_source
from editiondiff.extract.text import lines_to_blocks


def test_text_conventions():
    lines = [
        "ACTION ID1 → FranceConnect",  # 1
        "",
        " DINUM",  # 3
        "",
        "- ➔ Renforcer sa sécurité  Fait",  # 5
        "- ➔ Développer des partenariats avec des CFA labellisés",  # 6
        "Grande École du Numérique",  # 7
        "",
        "📅 Fait.",  # 9
        "Montée en puissance prévue jusqu'en 2022",  # 10
        "",
        "⬆️ Ministère de la Transition écologique et DINUM",  # 12
        "",
        "Au 1^{er} trimestre, **la mission** [action DA1](#) 4^e promotion",  # 14
        "\t\ten 2018\ten 2019",  # 15
        "LABEL\tPrototypes\t0\t16 ^e",  # 16
        "1. SIMPLIFICATION",  # 17
    ]
    blocks = lines_to_blocks(lines, "t")
    summary = [(b.kind, b.text, b.icon, b.provenance.line_start, b.provenance.line_end) for b in blocks]
    assert summary == [
        ("paragraph", "ACTION ID1 → FranceConnect", None, 1, 1),
        ("paragraph", "DINUM", None, 3, 3),
        ("list_item", "Renforcer sa sécurité", "arrow", 5, 5),
        ("paragraph", "Fait", None, 5, 5),
        ("list_item", "Développer des partenariats avec des CFA labellisés Grande École du Numérique", "arrow", 6, 7),
        ("paragraph", "Fait. Montée en puissance prévue jusqu'en 2022", "deadline", 9, 10),
        ("paragraph", "Ministère de la Transition écologique et DINUM", "owner", 12, 12),
        ("paragraph", "Au 1er trimestre, la mission action DA1 4e promotion", None, 14, 14),
        ("table_row", "| | en 2018 | en 2019", None, 15, 15),
        ("table_row", "LABEL | Prototypes | 0 | 16e", None, 16, 16),
        ("list_item", "SIMPLIFICATION", None, 17, 17),
    ]
    assert blocks[1].attrs == {"lost_icon": "true"}
    assert blocks[3].attrs == {"inline": "true"}
    assert blocks[5].attrs == {"glyph": "📅"}
    assert blocks[8].cells == ["", "", "en 2018", "en 2019"]
    assert blocks[9].cells == ["LABEL", "Prototypes", "0", "16e"]
    assert blocks[10].attrs == {"number": "1"}
    assert blocks[7].provenance.quote == "Au 1^{er} trimestre, **la mission** [action DA1](#) 4^e promotion"


def test_seed_003_blocks_are_text():
    document = read_source(SEED_003, "003")
    assert document.format == "text" and document.source == "003"
    assert document.sha256 == "ed7efdbff50405fbda6e53b45bf1be0df0a6c9fb574dc693e11b94e335599acc"
    assert sum(b.kind == "table_row" for b in document.blocks) == 34
    assert all(b.provenance.line_start <= b.provenance.line_end for b in document.blocks)


def test_markdown_page_000():
    document = read_source(SOURCES / "000_4cc161b88c2c8238.txt", "000")
    assert document.format == "markdown"
    assert document.front_matter["title"] == "TECH.GOUV : Stratégie et feuille de route 2019-2021"
    assert document.front_matter["date"].startswith("2019-04-16")
    blocks = document.blocks
    chapeau = next(b for b in blocks if b.attrs.get("front_matter") == "chapeau-text")
    assert (chapeau.provenance.line_start, chapeau.provenance.line_end) == (10, 13)
    citation = next(b for b in blocks if b.kind == "quote")
    assert citation.attrs["class"] == "citation" and (citation.provenance.line_start, citation.provenance.line_end) == (22, 34)
    assert "{:" not in " ".join(b.text for b in blocks)
    headings = [(b.level, b.text, b.provenance.line_start) for b in blocks if b.kind == "heading"]
    assert (3, "Simplification", 52) in headings and (3, "Attractivité", 61) in headings
    assert (2, "Les 8 missions de TECH.GOUV", 92) in headings
    simplification = next(b for b in blocks if b.text == "Simplification")
    assert simplification.attrs["class"] == "margin-top-2 margin-bottom-1"
    diagram = next(b for b in blocks if b.kind == "figure" and b.attrs.get("src", "").endswith("enjeux-diagramme.png"))
    assert diagram.attrs["alt"].startswith("TECH.GOUV : le programme d'accélération")
    assert diagram.attrs["class"] == "image-center"
    cover = next(b for b in blocks if b.kind == "figure" and b.attrs.get("href") == "/uploads/TECH-GOUV_2019-2021.pdf")
    assert cover.attrs["src"] == "/uploads/capture-doc-TECH-couv.png" and cover.provenance.line_start == 119
    interview = next(b for b in blocks if b.text.startswith("Lire aussi notre interview"))
    assert interview.attrs["href"] == "/actualites/tech-gouv-interview-nadi-bou-hanna/"
    items = [b for b in blocks if b.kind == "list_item"]
    assert len(items) == 8 and items[0].text.startswith("LABEL : labelliser")
    assert items[6].provenance.line_start == 112


def test_markdown_page_004():
    document = read_source(SOURCES / "004_e64644fe5c549ccc.txt", "004")
    assert document.format == "markdown"
    assert document.front_matter["published"] is False
    assert document.front_matter["files"][0]["file"].endswith("RENTREE_2021_DECISIVE.pdf")
    last = document.blocks[-1]
    assert last.provenance.line_start == 33 and "43 projets" in last.text and "**" not in last.text


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("page.txt", "---\ntitle: x\n---\n\nTexte de la page qui parle de TECH.GOUV.\n".encode(), "markdown"),
        ("page.txt", b"## Titre\n\n{: .citation}\n\n* **LABEL :** labelliser des solutions\n", "markdown"),
        ("brochure.md", "Un texte simple, sans balisage, écrit en français.\n".encode(), "text"),
        ("a.bin", b"  %PDF-1.7\n...", "pdf"),
    ],
)
def test_detect_format_from_content(name, data, expected):
    assert detect_format(Path(name), data) == expected


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"PK\x03\x04rest", "zip archive"),
        (b"\x00\x01\x02garbage\xff\xfe", "binary data"),
        ("Édition actualisée".encode("latin-1"), "not UTF-8"),
        ("Édition actualisée mi-2020".encode("utf-16"), "not UTF-8"),
        (b'{"id": "mi-2020"}', "JSON"),
        (b"{\\rtf1\\ansi text}", "RTF"),
        (b"<html><body>x</body></html>", "HTML"),
    ],
)
def test_detect_format_refuses(data, message):
    with pytest.raises(InputError) as info:
        detect_format(Path("bad.txt"), data)
    assert message in info.value.line() and info.value.line().startswith("bad.txt: ")
