"""The XY-cut (`layout.xycut`) on synthetic pages: each page is a PyMuPDF text dictionary built here,
paragraphs as MuPDF blocks of several lines, read through `spans.page_lines` and `order.order_page`."""

from __future__ import annotations

from editiondiff.extract.layout.order import order_page
from editiondiff.extract.layout.regions import order_regions, page_boxes
from editiondiff.extract.layout.settings import DEFAULT_LAYOUT, LayoutSettings
from editiondiff.extract.layout.spans import page_lines
from editiondiff.extract.layout.xycut import lines_to_regions, region_leaves

SIZE = 10.0
PITCH = 13.0  # line pitch of a paragraph: lines 12 high, 1 apart
WIDTH = 595.0


def _block(tag: str, x0: float, y0: float, widths: list[float]) -> dict:
    """A paragraph: one line per width, named tag.1, tag.2, … (the words say where each line belongs)."""
    lines = []
    for i, width in enumerate(widths):
        y = y0 + i * PITCH
        text = f"{tag}.{i + 1} " + "mot " * max(0, int(width // 25) - 1)
        lines.append({"spans": [{"text": text.strip(), "font": "DejaVuSans", "size": SIZE, "flags": 0, "bbox": (x0, y, x0 + width, y + 1.2 * SIZE)}]})
    return {"type": 0, "lines": lines}


def _bottom(y0: float, n: int) -> float:
    return y0 + (n - 1) * PITCH + 1.2 * SIZE


def _read(*blocks, settings: LayoutSettings = DEFAULT_LAYOUT):
    lines = page_lines({"blocks": list(blocks)}, 1, settings)
    return order_page(lines, WIDTH, settings)


def _tags(lines) -> list[str]:
    return [l.text.split()[0] for l in lines]


def _column_text(x0: float, tag: str, y0: float, paragraphs: list[int], width: float = 230) -> list[dict]:
    """A column of paragraphs of the given line counts, a paragraph gap of 8 pt between them."""
    out, y = [], y0
    for k, n in enumerate(paragraphs):
        out.append(_block(f"{tag}{k + 1}", x0, y, [width] * (n - 1) + [width * 0.6]))
        y = _bottom(y, n) + 8
    return out


def test_two_columns_are_read_left_then_right():
    ordered = _read(*_column_text(50, "L", 100, [4, 3]), *_column_text(310, "R", 100, [3, 4]))
    tags = _tags(ordered)
    assert tags == ["L1.1", "L1.2", "L1.3", "L1.4", "L2.1", "L2.2", "L2.3", "R1.1", "R1.2", "R1.3", "R2.1", "R2.2", "R2.3", "R2.4"]
    assert {l.column for l in ordered if l.text.startswith("L")} == {1}
    assert {l.column for l in ordered if l.text.startswith("R")} == {2}


def test_three_columns_are_read_left_to_right():
    ordered = _read(*_column_text(40, "A", 100, [4, 2], 150), *_column_text(220, "B", 100, [3, 3], 150), *_column_text(400, "C", 100, [5], 150))
    tags = _tags(ordered)
    firsts = [t[0] for t in tags]
    assert firsts == sorted(firsts)  # every A line, then every B line, then every C line
    assert len({l.column for l in ordered}) == 3


def test_a_full_width_title_band_between_two_runs_of_columns():
    top = [*_column_text(50, "L", 100, [4]), *_column_text(310, "R", 100, [4])]
    title = _block("T", 50, _bottom(100, 4) + 14, [480])
    below = 100 + 4 * PITCH + 14 + PITCH + 14
    bottom = [*_column_text(50, "M", below, [3, 2]), *_column_text(310, "N", below, [4])]
    tags = _tags(_read(*top, title, *bottom))
    assert [t[0] for t in tags] == list("LLLLRRRRT") + list("MMMMMNNNN")


def test_a_heading_under_two_columns_starts_what_follows_and_is_not_read_into_the_left_column():
    """A two-column lead, then a short heading at the left margin and a full-width paragraph: the
    heading's whitespace runs on from the gutter, yet it is read after the right column."""
    lead = [*_column_text(50, "L", 100, [3, 2]), *_column_text(310, "R", 100, [3, 2])]
    y = _bottom(100, 3) + 8 + 2 * PITCH + 20
    heading = _block("H", 50, y, [160])
    body = _block("B", 50, y + PITCH + 6, [480, 480, 200])
    tags = _tags(_read(*lead, heading, body))
    assert tags.index("H.1") > max(i for i, t in enumerate(tags) if t.startswith("R"))
    assert tags[-4:] == ["H.1", "B.1", "B.2", "B.3"]


def test_unbalanced_columns_at_the_end_of_the_page_keep_the_left_column_whole():
    """The left column runs on below the end of the right one, over a paragraph gap: still read before it."""
    ordered = _read(*_column_text(50, "L", 100, [3, 3, 3]), *_column_text(310, "R", 100, [4]))
    assert [t[0] for t in _tags(ordered)] == list("LLLLLLLLLRRRR")


def _card(tag: str, x0: float, y0: float, width: float, steps: int) -> list[dict]:
    return [
        _block(f"{tag}h", x0, y0, [width * 0.7]),
        _block(f"{tag}o", x0, y0 + PITCH + 5, [width, width * 0.5]),
        *[_block(f"{tag}s{k}", x0, y0 + 3 * PITCH + 10 + k * (2 * PITCH + 4), [width, width * 0.4]) for k in range(steps)],
    ]


def test_two_cards_side_by_side_are_read_one_after_the_other():
    ordered = _read(*_card("A", 50, 100, 220, 3), *_card("B", 320, 100, 220, 1))
    tags = _tags(ordered)
    assert [t[0] for t in tags] == ["A"] * 9 + ["B"] * 5


def _panel(x0: float, y0: float) -> list[dict]:
    return [_block("Pw", x0, y0, [90]), _block("Pd", x0, y0 + PITCH + 8, [110, 60])]


def test_a_side_panel_right_is_read_after_its_main_cell():
    tags = _tags(_read(*_card("M", 50, 100, 330, 2), *_panel(420, 100 + PITCH + 5)))
    assert [t[0] for t in tags] == ["M"] * 7 + ["P"] * 3


def test_a_side_panel_left_is_read_after_the_main_cell_it_stands_beside():
    tags = _tags(_read(*_panel(50, 100 + PITCH + 5), *_card("M", 200, 100, 340, 2)))
    assert [t[0] for t in tags] == ["M"] * 7 + ["P"] * 3


def test_an_l_shaped_page_cuts_its_right_part_again():
    """A tall left column; on its right, two narrow columns above a paragraph that spans both."""
    left = _column_text(40, "A", 100, [6, 6], 170)
    upper = [*_column_text(240, "B", 100, [5], 140), *_column_text(400, "C", 100, [5], 140)]
    under = _block("D", 240, _bottom(100, 5) + 12, [300, 300, 300, 120])
    ordered = _read(*left, *upper, under)
    assert [t[0] for t in _tags(ordered)] == ["A"] * 12 + ["B"] * 5 + ["C"] * 5 + ["D"] * 4
    root = lines_to_regions([l for l in ordered], DEFAULT_LAYOUT)
    assert len({path for _, path in region_leaves(root)}) == 4  # left; right: upper-left, upper-right, under


def test_a_borderless_table_is_not_cut_into_columns():
    """Cells start level row by row: read across, row after row."""
    rows = []
    for r in range(4):
        y = 100 + r * (PITCH + 4)
        rows += [_block(f"r{r}a", 50, y, [120]), _block(f"r{r}b", 250, y, [60]), _block(f"r{r}c", 420, y, [80])]
    tags = _tags(_read(*rows))
    assert tags == [f"r{r}{c}.1" for r in range(4) for c in "abc"]


def test_a_list_with_right_aligned_deadlines_is_not_cut_into_columns():
    """Items on the left, each with its deadline pushed to the right edge on its first line."""
    blocks = []
    y = 100
    for k, n in enumerate([2, 1, 3, 1]):
        blocks.append(_block(f"i{k}", 50, y, [300] * (n - 1) + [180]))
        blocks.append(_block(f"d{k}", 470, y, [75]))
        y = _bottom(y, n) + 6
    tags = _tags(_read(*blocks))
    assert [t for t in tags if t.endswith(".1")] == [x for k in range(4) for x in (f"i{k}.1", f"d{k}.1")]


def test_columns_inside_a_drawn_box_are_cut_too():
    """A card drawn as a box holding a two-column description: read column by column inside the box."""
    drawings = [{"items": [("re", (40, 90, 560, 300), -1)]}]
    boxes = page_boxes(drawings, WIDTH, 842, DEFAULT_LAYOUT)
    lines = page_lines({"blocks": [*_column_text(50, "L", 100, [4, 3]), *_column_text(310, "R", 100, [3, 4])]}, 1, DEFAULT_LAYOUT)
    tags = _tags(order_regions(lines, boxes, WIDTH, DEFAULT_LAYOUT))
    assert [t[0] for t in tags] == ["L"] * 7 + ["R"] * 7


def test_the_cut_thresholds_are_settings():
    """A gutter narrower than `xycut_gutter_min_pt` is no gutter: the same page is then read by rows."""
    blocks = [*_column_text(50, "L", 100, [4]), *_column_text(290, "R", 100, [4])]  # a 10 pt gutter
    assert [t[0] for t in _tags(_read(*blocks))] == list("LLLLRRRR")
    narrow = LayoutSettings(xycut_gutter_min_pt=20.0, gutter_max_crossing_share=0.01, gutter_min_beside_lines=99, gutter_chart_min_side_lines=99)
    assert [t[0] for t in _tags(_read(*blocks, settings=narrow))] == list("LRLRLRLR")
