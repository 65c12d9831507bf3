"""A chart's legend "✓ …" defines the mark and marks no entry, whatever order the producer wrote it in.

A word processor may take the "✓" from a fallback font and write it after the legend's text; its box
can reach a little into the text it stands before. The PDF here is drawn with PyMuPDF in wording of its
own (not the mid-2020 brochure's): two cards, then the overview chart of their mission and its legend.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editiondiff.extract.chart import _chart_entries, blocks_to_chart
from editiondiff.schemas.blocks import Block
from editiondiff.schemas.provenance import Provenance

pymupdf = pytest.importorskip("pymupdf")

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SYMBOLS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # the mark's fallback font
SIZE = 9.5

CARDS = [
    ("ACTION RU1 → Registre des guichets ruraux", "Recenser les guichets ouverts dans les communes rurales", "DINUM"),
    ("ACTION RU2 → Tournées numériques en bus", "Faire venir un conseiller numérique dans chaque canton une fois par mois", "DINUM"),
    ("ACTION RU3 → Carte des lieux de médiation", "Publier la carte des lieux où se faire aider pour une démarche en ligne", "DINUM"),
]
CHART = ["RURAL", "Rapprocher les services publics numériques des territoires ruraux",
         "Registre des guichets ruraux", "Tournées numériques en bus ✓", "Carte des lieux de médiation"]
LEGEND = "Objectif atteint pour ces actions, qui quittent le programme"


def _legend_pdf(path: Path, *, mark_overlap: float) -> Path:
    """The legend's text written first, its "✓" (another font) after it, set just left of the text
    (its box reaching `mark_overlap` points into it)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 80.0
    for text in (*CHART[:2], "OBJECTIF : qu'aucune démarche ne demande plus de trente minutes de route"):
        page.insert_text((57, y), text, fontsize=SIZE, fontfile=SERIF, fontname="sr")
        y += 18
    y += 14
    for heading, objective, owner in CARDS:
        for text in (heading, objective, "⬆ " + owner):
            page.insert_text((57, y), text, fontsize=SIZE, fontfile=SERIF, fontname="sr")
            y += 18
        y += 14
    page = doc.new_page(width=595, height=842)
    y = 80.0
    serif = pymupdf.Font(fontfile=SERIF)
    for text in CHART:
        title, done = text.removesuffix(" ✓"), text.endswith("✓")
        page.insert_text((57, y), title, fontsize=SIZE, fontfile=SERIF, fontname="sr")
        if done:  # the entry's own mark, after its title
            page.insert_text((57 + serif.text_length(title + " ", fontsize=SIZE), y), "✓", fontsize=SIZE, fontfile=SYMBOLS, fontname="sy")
        y += 17
    mark_width = pymupdf.Font(fontfile=SYMBOLS).text_length("✓", fontsize=SIZE)
    text_x = 57 + mark_width - mark_overlap
    page.insert_text((text_x, y), " " + LEGEND, fontsize=SIZE, fontfile=SERIF, fontname="sr")
    page.insert_text((57, y), "✓", fontsize=SIZE, fontfile=SYMBOLS, fontname="sy")  # written last
    doc.save(path)
    return path


@pytest.mark.parametrize("overlap", [0.0, 0.05, 0.5])
def test_the_legend_mark_written_after_its_text_marks_no_entry(tmp_path, overlap):
    from editiondiff.pipeline import build_edition

    edition = build_edition([_legend_pdf(tmp_path / "legend.pdf", mark_overlap=overlap)])
    entries = {e.title: e for e in edition.chart}
    assert set(entries) == {"Registre des guichets ruraux", "Tournées numériques en bus", "Carte des lieux de médiation"}
    assert [t for t, e in entries.items() if e.completed] == ["Tournées numériques en bus"]
    assert not any(LEGEND in e.title for e in edition.chart)
    completed = {a.code for a in edition.actions if a.completed}
    assert completed == {"RU2"}


def _block(text: str, box: tuple[float, float, float, float] | None, *, icon: str | None = None) -> Block:
    return Block(kind="paragraph", text=text, icon=icon, provenance=Provenance(source="t", page=1 if box else None, bbox=box, quote=text or "✓"))


def test_a_lone_mark_belongs_to_the_line_it_is_printed_beside():
    """Blocks in stream order: the legend's mark comes after the legend; an entry's mark after the next entry."""
    blocks = [
        _block("Premier titre", (57, 100, 140, 110)),
        _block("Deuxième titre", (57, 117, 150, 127)),
        _block("", (141, 100, 149, 110), icon="status"),  # printed right of "Premier titre"
        _block("Troisième titre", (57, 134, 150, 144)),
    ]
    legend = _block("Objectif atteint pour ces actions", (65, 151, 300, 161))
    mark = _block("", (57, 151, 65, 161), icon="status")
    entries = _chart_entries("M", blocks, _Marks(), near=[legend, mark])
    assert [(e.title, e.completed) for e in entries] == [("Premier titre", True), ("Deuxième titre", False), ("Troisième titre", False)]


def test_a_lone_mark_before_the_legend_text_is_the_legend():
    """The mark written first as its own block, level with and just left of the legend's text."""
    from editiondiff.extract.landmarks import discover_landmarks
    from editiondiff.profiles import load_profile

    blocks = [
        _block("RURAL", (57, 60, 90, 70)),
        _block("Rapprocher les services des territoires", (57, 77, 250, 87)),
        _block("Premier titre", (57, 100, 140, 110)),
        _block("Deuxième titre", (57, 117, 150, 127)),
        _block("", (57, 134, 65, 144), icon="status"),
        _block("veut dire que l'action est faite", (66, 134, 230, 144)),
    ]
    marks = discover_landmarks(blocks, load_profile(), objective_window=3, chart_entry_max_chars=90, chart_group_min_entries=2)
    marks = marks.with_codes(missions=frozenset({"RURAL"}), prefixes=marks.prefixes) if not marks.is_mission_code_block(blocks[0]) else marks
    entries, _axis, consumed = blocks_to_chart(blocks, set(), marks, entry_max_chars=90, group_min_entries=2)
    assert [(e.title, e.completed) for e in entries] == [("Premier titre", False), ("Deuxième titre", False)]
    assert consumed == set(range(len(blocks)))


class _Marks:
    """Just enough of `Landmarks` for `_chart_entries`: no "(nouveau)" mark."""

    def new_mark(self):
        return None
