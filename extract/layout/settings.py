"""Every threshold of the PDF page layout, named, with its default, in one object.

    LayoutSettings(**overrides)        validated on construction
    LayoutSettings.resolve(x)          None | dict | LayoutSettings -> LayoutSettings

In the manner of pdfplumber's `TableSettings`: the layout steps read nothing
but these fields, so a user whose producer sets text differently tunes one
object instead of editing code. Units are given by each field's suffix:

* `_pt`: a distance in PDF points *for a body text of `body_reference_pt`*: the
  reader scales every one of them by the document's body size over that
  reference (`for_body`), so that they are relative to the body text;
* `_em`: a distance in multiples of the font size of the line(s) concerned;
* `_share`: a fraction (of a page, of a column, of a count of lines);
* `_lines`, `_pages`, `_spans`: counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class LayoutSettings:
    #: The body size the `_pt` distances are given for; each document's are scaled by its body size over this.
    body_reference_pt: float = 9.0

    # -- spans into visual lines (`spans`) ------------------------------------------
    #: The same text drawn again within this distance both ways is one glyph run (fake bold, shadow).
    duplicate_offset_pt: float = 1.5
    #: A gap wider than this many font sizes between spans of one MuPDF line cuts it in two (a gutter)...
    split_gap_em: float = 1.2
    #: ...and never a gap narrower than this.
    split_gap_min_pt: float = 8.0
    #: A span this much smaller than its line's size may be a superscript.
    raised_size_share: float = 0.85
    #: A line of small raised text has at most this many spans.
    raised_max_spans: int = 2
    #: The line a raised line is glued to is at least this much larger.
    raised_base_ratio: float = 1.1
    #: They overlap vertically by at least this share of the raised line's height.
    raised_overlap_share: float = 0.3
    #: The raised text starts at most this far left of the line's end...
    raised_reach_back_pt: float = 1.5
    #: ...and at most this far right of it.
    raised_reach_pt: float = 2.5
    #: Its top is at most this far below the top of the line it sits on.
    raised_top_slack_pt: float = 1.0
    #: A smaller span whose bottom is this many font sizes above the line's bottom is raised.
    raised_lift_em: float = 0.2
    #: A short line (a bullet, a code in a pill: at most this many words)...
    label_max_words: int = 3
    #: ...and the line it stands before, on the same baseline at most this many font sizes away, are one line.
    label_gap_em: float = 2.0
    #: A gap wider than this between spans is a space.
    word_gap_em: float = 0.2
    #: A gap wider than this is printed as two spaces (a step and its status side by side).
    wide_gap_em: float = 2.5

    # -- justified rows cut at their spaces (`justified`) ---------------------------
    #: A row of at least this many lines, in one column and band, on one baseline...
    justified_min_lines: int = 3
    #: ...spaced by gaps no wider than this many font sizes...
    justified_gap_max_em: float = 2.4
    #: ...that differ by at most this many font sizes, its last line at the column's edge, is one line.
    justified_gap_spread_em: float = 0.35
    #: In a narrower measure (a cell), the row's last line ends where the lines of its paragraph a line
    #: above or below end (at most this many font sizes away): its gaps may then reach this many font sizes.
    justified_measure_gap_em: float = 1.0
    justified_measure_gap_max_em: float = 5.0

    #: A text layer where more than this share of the characters have no Unicode meaning is unreadable.
    unreadable_max_share: float = 0.3

    #: A drawing or image at most this many font sizes wide and high...
    drawn_icon_max_em: float = 1.5
    #: ...ending at most this many font sizes before a line's text, on its height, is the line's icon.
    drawn_icon_gap_em: float = 1.0
    #: Two drawn icons have one shape when their outlines' points agree within this share of their box.
    drawn_icon_shape_share: float = 0.2
    #: The commonest drawn icon marks list items when it stands before at least this many lines.
    drawn_icon_min_lines: int = 3

    # -- running headers and footers (`running`) ------------------------------------
    #: Share of the page height, top and bottom, where running lines are looked for.
    running_band_share: float = 0.075
    #: Running lines' tops are compared after rounding to this step.
    running_y_step_pt: float = 3.0
    #: A line recurring only by its place is running when no text comes within this many font sizes of it.
    running_clearance_em: float = 1.0
    #: A line recurs when found on at least one page in this many...
    running_every_pages: int = 10
    #: ...and on at least this many pages.
    running_min_pages: int = 2

    # -- lists printed with no marker (`unmarked`) ----------------------------------------
    #: Items of a list set without space between them stand at most this many font sizes apart
    #: (lines of one paragraph stand closer, paragraphs further apart).
    unmarked_item_gap_em: float = 0.6
    #: A line is full when it reaches as far as the lines at its edge within this many font sizes above
    #: or below it (the measure of the column it is set in).
    unmarked_measure_span_em: float = 8.0
    #: A list's last item is a note set under it when it reads as prose and the list has more than this
    #: many items, the others phrases without punctuation at their end.
    unmarked_prose_min_items: int = 2

    # -- asides: a step's deadline printed beside it (`asides`) ------------------------
    #: The aside starts at least this many font sizes right of the end of the line it stands beside
    #: (a gap that cuts a MuPDF line, `split_gap_em`: a right tab may leave no more)...
    aside_gap_em: float = 1.2
    #: ...is at most this share of the width from that line's start to the aside's end...
    aside_max_share: float = 0.45
    #: ...and ends where the asides of at least this many rows of the page end (they are right-aligned).
    aside_min_rows: int = 2

    # -- regions: boxes drawn around text (`regions`) ---------------------------------
    #: A box is at least this share of the page width wide...
    region_min_width_share: float = 0.1
    #: ...and this many rule thicknesses high (thinner, it is a rule).
    region_min_height_rules: int = 4
    #: A box covering more than this share of the page is its background, no region.
    region_max_page_share: float = 0.9
    #: Lines of each box get column numbers this far apart from the page's and other boxes'.
    region_column_step: int = 100

    # -- reading order (`order`) ----------------------------------------------------
    #: Fewer lines than this on a page (or side of a gutter) never make columns.
    gutter_min_lines: int = 4
    #: The gutter is looked for between these shares of the width.
    gutter_from_share: float = 0.3
    gutter_to_share: float = 0.7
    #: Candidate gutters are tried every width / this many steps...
    gutter_steps: int = 150
    #: ...and at least this far apart.
    gutter_step_min_pt: float = 2.0
    #: A line crosses a gutter when it runs past it by more than this.
    gutter_clearance_pt: float = 1.0
    #: Each side of a gutter holds at least this many lines.
    gutter_min_side_lines: int = 2
    #: At most this share of the lines may cross a gutter.
    gutter_max_crossing_share: float = 0.35
    #: Two lines run beside each other when they overlap vertically by this share of the lower one.
    beside_overlap_share: float = 0.3
    #: At least this many right-side lines face the left side, and run beside a left line...
    gutter_min_beside_lines: int = 2
    #: ...and at least this share of them.
    gutter_min_beside_share: float = 0.5
    #: A gutter between lists in different rhythms (a chart): at most this share of lines cross it,
    gutter_chart_crossing_share: float = 0.1
    #: each side holds at least this many lines,
    gutter_chart_min_side_lines: int = 4
    #: the right side holds at least this many paragraphs (MuPDF blocks of two lines or more),
    gutter_chart_min_paragraphs: int = 2
    #: and less than this share of the right side is in italics (statuses under steps).
    gutter_chart_italic_share: float = 0.5
    #: A side of a gutter is searched for a gutter of its own when it holds this many lines.
    inner_gutter_min_lines: int = 8
    #: A column's left edge is a left end shared by this share of the commonest one.
    base_left_share: float = 0.6
    #: A column's full-line right edge: this percentile of its lines' right ends.
    right_edge_percentile: float = 0.9

    # -- column edges across pages (`edges`) -----------------------------------------
    #: A column with fewer lines than this on a page takes its edges from the document.
    sparse_column_lines: int = 8
    #: A column of short entries: its median line is narrower than this share of the widest.
    short_line_share: float = 0.6

    # -- paragraphs (`paragraphs`) ---------------------------------------------------
    #: A line was wrapped when its next word would have run past the column's edge less this.
    wrap_slack_pt: float = 0.5
    #: Lines of one paragraph overlap by at most this many font sizes...
    paragraph_overlap_em: float = 0.5
    #: ...and are at most this many font sizes apart.
    paragraph_gap_em: float = 0.45
    #: Lines of one paragraph differ in size by at most this.
    paragraph_size_change_pt: float = 1.5
    #: A line starts at its column's edge within this distance.
    edge_slack_pt: float = 2.0
    #: An indented first line of a paragraph (books, notices) is indented between these.
    first_indent_min_pt: float = 3.0
    first_indent_max_pt: float = 30.0
    #: A line of the paragraph starts at most this far left of its first line...
    paragraph_left_slack_pt: float = 3.0
    #: ...and at most this far right of it (an item of a list indented under it).
    paragraph_indent_max_pt: float = 60.0
    #: A line aligns with its paragraph within this distance to the left...
    align_slack_pt: float = 1.0
    #: ...and this far to the right (a hanging indent).
    hanging_indent_max_pt: float = 20.0
    #: A paragraph cut by a column or page break: the sizes differ by at most this,
    continued_size_change_pt: float = 0.5
    #: and the last line of the column fills at least this share of it.
    continued_fullness_share: float = 0.8

    # -- logical lines (`logical`) ---------------------------------------------------
    #: A paragraph indented more than this under a list item is that item's status, printed beside it.
    status_indent_pt: float = 120.0
    #: A paragraph indented between these has an icon slot (a leading space in the text).
    icon_slot_min_pt: float = 6.0
    icon_slot_max_pt: float = 60.0

    # -- hyphens at line ends (`hyphenation`) --------------------------------------------
    #: A document hyphenates with an ASCII hyphen when this many of its lines end with one that cuts
    #: a word it holds whole elsewhere; only then are the language's patterns asked about the others.
    hyphenation_proof_lines: int = 3

    # -- ruled tables (`tables`) -----------------------------------------------------
    #: A page is screened for a ruled grid when it holds this many lines.
    table_min_lines: int = 8
    #: A rule is straight when its ends differ by less than this across it.
    rule_straightness_pt: float = 0.5
    #: A filled rectangle thinner than this is a rule.
    rule_thickness_pt: float = 1.5
    #: A grid has at least this many vertical rule positions...
    grid_min_vertical: int = 3
    #: ...and this many horizontal ones (this many on a page continuing a table).
    grid_min_horizontal: int = 6
    grid_min_horizontal_continued: int = 2
    #: Text belongs to a cell whose box holds its centre within this distance.
    cell_slack_pt: float = 0.5
    #: A line belongs to a table region holding its centre within this distance.
    region_slack_pt: float = 1.0
    #: A table has at least this many rows (a lone row in a box is none).
    table_min_rows: int = 2

    # -- whitespace cuts, XY-cut (`xycut`) ---------------------------------------------
    #: A horizontal gap of whitespace higher than this many font sizes (of the smaller line on either side) cuts a region into rows.
    xycut_row_gap_em: float = 0.6
    #: A vertical gap of whitespace at least this wide may be a gutter between columns.
    xycut_gutter_min_pt: float = 7.0
    #: The gutter lies between these shares of its band's width (a bullet or a right-aligned date is no column).
    xycut_gutter_from_share: float = 0.15
    xycut_gutter_to_share: float = 0.85
    #: The two sides start paragraphs level (within this many font sizes)...
    xycut_row_level_em: float = 0.3
    #: ...in at least this many rows, and this share of the rows of the side holding more: rows of cells, not columns.
    xycut_row_min_cells: int = 3
    xycut_row_cell_share: float = 0.75
    #: A left side narrower than this share of its band is a side panel, read after the main cell beside it.
    xycut_panel_max_share: float = 0.35
    #: A page whose text ends this many font sizes above the text area's bottom ends there: no paragraph runs on to the next page...
    page_end_gap_em: float = 4.0
    #: ...the text area's bottom being where the text of this share of the pages ends.
    page_bottom_share: float = 0.9

    # -- borderless tables: columns from whitespace (`borderless`) --------------------
    #: Lines of one visual row overlap vertically by at least this share of the lower one.
    borderless_row_overlap_share: float = 0.5
    #: Rows of one table are at most this many font sizes apart (a larger gap ends the table).
    borderless_row_gap_em: float = 2.0
    #: A column gap is a stretch this many font sizes wide that no cell of a body row covers.
    borderless_column_gap_em: float = 0.8
    #: A borderless table has at least this many columns...
    borderless_min_columns: int = 3
    #: ...and at least this many rows with a cell in at least that many columns.
    borderless_min_rows: int = 3
    #: At most this many rows above the body may be header rows (cells spanning columns allowed).
    borderless_max_header_rows: int = 3
    #: A row filling less than this share of the columns, with no value, closer to the row above than
    #: this share of the table's usual row gap, continues the row above (a wrapped cell).
    borderless_wrap_fill_share: float = 0.5
    borderless_wrap_gap_share: float = 0.6
    #: A column whose text runs on from a row into the next full row (one row filled in other columns
    #: too) in at least this many rows...
    borderless_prose_rows: int = 3
    #: ...and in at least this share of its filled cells is a column of running prose, not of cells:
    #: the rows are the lines of text columns set on one baseline grid (troff, TeX), not a table.
    borderless_prose_share: float = 0.6
    #: A table continues on the next page when its columns start within this many font sizes of the last part's.
    table_continued_align_em: float = 1.5
    #: A page whose text runs up or down the sheet for more than this share of its characters is turned to read across.
    sideways_min_share: float = 0.6

    # -- rows of steps: asides and items' wrapped lines (`asides`, `paragraphs`) --------
    #: The wrapped lines of an item whose marker is drawn (no character) start at most this many
    #: font sizes left of its text: under the marker (`drawn_icon_max_em` + `drawn_icon_gap_em`).
    marker_outdent_em: float = 2.5

    # -- page furniture away from the margins, size changes in a paragraph (`running`, `paragraphs`) --
    #: Page furniture set anywhere on the page (a caption under a narrative) is smaller than the body
    #: text by at least this share of the body size...
    furniture_size_drop_share: float = 0.08
    #: ...and its text (digits and the page's own codes masked) stands once on at least this many pages.
    furniture_min_pages: int = 3
    #: Lines whose sizes differ by more than this share of the body size...
    paragraph_size_break_share: float = 0.08
    #: ...and stand more than this many font sizes (of the smaller) apart belong to two paragraphs
    #: (a raised "1er" or a drop cap overlaps its line: no gap).
    paragraph_size_break_gap_em: float = 0.25

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            counted = f.name.endswith(("_step", "_rules", "_words", "_steps", "_rows", "_lines", "_pages", "_spans", "_rows", "_vertical", "_horizontal", "_continued", "_paragraphs", "_columns", "_cells", "_items"))
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"layout setting {f.name} must be a number, not {value!r}")
            if not math.isfinite(value):  # NaN passes every comparison below, and compares false with any distance
                raise ValueError(f"layout setting {f.name} must be a finite number, not {value!r}")
            if counted and (not isinstance(value, int) or value < 1):
                raise ValueError(f"layout setting {f.name} must be a whole number ≥ 1, not {value!r}")
            if f.name.endswith("_share") and not 0 < value <= 1:
                raise ValueError(f"layout setting {f.name} must be a share in (0, 1], not {value!r}")
            if not counted and value < 0:
                raise ValueError(f"layout setting {f.name} must not be negative, not {value!r}")
        for low, high in (
            ("gutter_from_share", "gutter_to_share"),
            ("first_indent_min_pt", "first_indent_max_pt"),
            ("icon_slot_min_pt", "icon_slot_max_pt"),
            ("word_gap_em", "wide_gap_em"),
            ("xycut_gutter_from_share", "xycut_gutter_to_share"),
        ):
            if getattr(self, low) > getattr(self, high):
                raise ValueError(f"layout settings {low} ({getattr(self, low)!r}) must not exceed {high} ({getattr(self, high)!r})")

    def for_body(self, body_size: float) -> LayoutSettings:
        """These settings with every `_pt` distance scaled to a body text of `body_size` points."""
        if not body_size > 0 or body_size == self.body_reference_pt:
            return self
        ratio = body_size / self.body_reference_pt
        scaled = {f.name: getattr(self, f.name) * ratio for f in fields(self) if f.name.endswith("_pt") and f.name != "body_reference_pt"}
        return replace(self, body_reference_pt=body_size, **scaled)

    @classmethod
    def resolve(cls, settings: LayoutSettings | dict | None) -> LayoutSettings:
        """Settings from None (the defaults), a mapping of overrides or settings themselves."""
        if settings is None:
            return DEFAULT_LAYOUT
        if isinstance(settings, cls):
            return settings
        if isinstance(settings, dict):
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(settings) - known)
            if unknown:
                raise ValueError(f"unknown layout setting(s): {', '.join(unknown)}")
            return cls(**settings)
        raise TypeError(f"layout settings must be LayoutSettings, a dict or None, not {type(settings).__name__}")


DEFAULT_LAYOUT = LayoutSettings()
