"""LayoutSettings: every layout threshold named, validated, and reaching the layout steps from read_pdf and build_edition."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from editiondiff.extract.layout.settings import DEFAULT_LAYOUT, LayoutSettings

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = ROOT / "extract" / "layout"


def test_defaults_resolve_from_none_dict_and_instance():
    assert LayoutSettings.resolve(None) is DEFAULT_LAYOUT
    custom = LayoutSettings(wide_gap_em=3.0)
    assert LayoutSettings.resolve(custom) is custom
    assert LayoutSettings.resolve({"wide_gap_em": 3.0}) == custom


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"no_such_setting": 1}, "unknown layout setting"),
        ({"running_band_share": 1.5}, "share in (0, 1]"),
        ({"split_gap_min_pt": -1.0}, "must not be negative"),
        ({"gutter_min_lines": 0}, "whole number"),
        ({"gutter_min_lines": 2.5}, "whole number"),
        ({"wide_gap_em": "wide"}, "must be a number"),
        ({"gutter_from_share": 0.8, "gutter_to_share": 0.7}, "must not exceed"),
        ({"icon_slot_min_pt": 70.0}, "must not exceed"),
    ],
)
def test_bad_settings_are_refused_with_the_setting_named(overrides, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
        LayoutSettings.resolve(overrides)


def test_no_bare_numeric_threshold_in_the_layout_steps():
    """Comparisons in the layout steps compare with settings, never with a literal other than 0, 1 and 2
    (counts of pdfplumber's own minimum, halves and middles are not thresholds)."""
    allowed = {0, 1, 2, 0.0, 1.0, 1e-9}
    for path in sorted(LAYOUT.glob("*.py")):
        if path.name == "settings.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        indices = {id(c) for node in ast.walk(tree) if isinstance(node, ast.Subscript) for c in ast.walk(node.slice)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                for part in [node.left, *node.comparators]:
                    for sub in ast.walk(part):
                        if isinstance(sub, ast.Constant) and isinstance(sub.value, (int, float)) and not isinstance(sub.value, bool) and id(sub) not in indices:
                            assert sub.value in allowed, f"{path.name}:{sub.lineno}: literal threshold {sub.value!r}"


def _pdf_with_running_header(tmp_path: Path) -> Path:
    import pymupdf

    doc = pymupdf.open()
    for number in range(3):
        page = doc.new_page(width=400, height=600)
        page.insert_text((50, 25), "Rapport annuel des travaux", fontsize=9)
        page.insert_text((50, 200), f"Paragraphe de la page {number + 1}, une phrase assez longue.", fontsize=11)
    path = tmp_path / "running.pdf"
    doc.save(path)
    return path


def test_settings_reach_the_layout_steps_through_read_pdf(tmp_path):
    from editiondiff.extract.pdf import read_pdf

    path = _pdf_with_running_header(tmp_path)
    default = " ".join(b.text for b in read_pdf(path).blocks)
    assert "Rapport annuel" not in default and "page 3" in default
    # a running line must recur on at least `running_min_pages` pages: 3 pages are too few for 5
    kept = " ".join(b.text for b in read_pdf(path, layout={"running_min_pages": 5}).blocks)
    assert kept.count("Rapport annuel") == 3


def test_build_edition_passes_layout_settings_to_the_pdf_reader(monkeypatch):
    import editiondiff.extract.pdf as pdf
    from editiondiff.pipeline import BuildSettings, ReaderSettings, build_edition

    seen = []
    real = pdf.read_pdf

    def spy(path, source_id=None, **kwargs):
        seen.append(kwargs.get("layout"))
        return real(path, source_id, **kwargs)

    monkeypatch.setattr(pdf, "read_pdf", spy)
    custom = LayoutSettings(wide_gap_em=2.5)
    build_edition([ROOT / "corpus" / "pdf" / "mi-2020_retypeset_pymupdf.pdf"], settings=BuildSettings(reader=ReaderSettings(layout=custom)))
    assert seen == [custom]


def test_point_distances_scale_with_the_body_size():
    scaled = DEFAULT_LAYOUT.for_body(18.0)
    assert scaled.split_gap_min_pt == 2 * DEFAULT_LAYOUT.split_gap_min_pt
    assert scaled.status_indent_pt == 2 * DEFAULT_LAYOUT.status_indent_pt
    assert scaled.wide_gap_em == DEFAULT_LAYOUT.wide_gap_em and scaled.gutter_min_lines == DEFAULT_LAYOUT.gutter_min_lines
    assert DEFAULT_LAYOUT.for_body(DEFAULT_LAYOUT.body_reference_pt) is DEFAULT_LAYOUT


def test_a_page_set_twice_as_large_reads_the_same(tmp_path):
    """The same page, every size and place doubled: the same blocks."""
    import pymupdf

    from editiondiff.extract.pdf import read_pdf

    def page(scale: float) -> Path:
        doc = pymupdf.open()
        p = doc.new_page(width=595 * scale, height=842 * scale)
        rows = [("ACTION AA1 → Catalogue", 60, 10.5), ("Construire le catalogue en ligne des solutions.", 76, 9), ("➔ Publier le catalogue", 92, 9),
                ("➔ Ouvrir le service aux administrations", 106, 9), ("⬆ DINUM", 122, 9)]
        for text, y, size in rows:
            p.insert_text((50 * scale, y * scale), text, fontsize=size * scale, fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fontname="dv")
        p.insert_text((330 * scale, 92 * scale), "2nd semestre 2020", fontsize=9 * scale, fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fontname="dv")
        p.insert_text((370 * scale, 106 * scale), "Fait", fontsize=9 * scale, fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fontname="dv")
        path = tmp_path / f"x{scale}.pdf"
        doc.save(path)
        return path

    def texts(path):
        return [b.text for b in read_pdf(path).blocks]

    assert texts(page(1.0)) == texts(page(2.0))
