"""Borderless tables: columns found in the whitespace between cells, rows from baselines, header by content.

    lines_to_rows(lines, settings)                  -> visual rows (lines on one baseline, left to right)
    rows_to_columns(rows, settings)                 -> the x-extents of the columns, gaps clear in every row
    page_tables(lines, page, words, settings)       -> the borderless tables of one page
    continued_rows(lines, previous, page, words, settings) -> the rows opening a page that continue a table
    find_borderless(pages, ruled, words, settings)  -> the ruled regions and the borderless ones, in page order

A table drawn without rules (or with a rule under its header only) is a run of
visual rows whose cells line up: between columns lies a stretch of the page
that no cell of any body row covers. The body rows are the rows with a cell in
at least `borderless_min_columns` columns; the columns are the stretches their
cells cover, the gaps what is left. Rows above the body may span columns (a
merged header cell): they belong to the table when they read as a header
(`headers`). A row filling few columns, with no value, closer to the row above
than the table's rows are to each other, is a wrapped cell: its text joins the
row above. A table needs a column of values (`headers.value_columns`): prose
set in two or three columns, or a list of names, is never one. Rows opening a
page that fit the columns of the table ending the page before, each with a
value (or the header printed again), continue it, however few they are.
"""

from __future__ import annotations

from operator import attrgetter
from statistics import median

from .headers import cell_kind, header_count, is_header_row, value_columns
from .hyphenation import join
from .model import Line, centre_in, union
from .settings import LayoutSettings
from .tables import TableRegion, continues_row, continues_text, merge_row, stitch

Row = list[Line]


def lines_to_rows(lines: list[Line], settings: LayoutSettings) -> list[Row]:
    """Lines grouped into visual rows (sharing most of their height), rows top to bottom, lines left to right."""
    return _banded_rows(lines, settings)[0]


def _banded_rows(lines: list[Line], settings: LayoutSettings) -> tuple[list[Row], list[tuple[float, float]]]:
    """`lines_to_rows`, with each row's band: the top of its highest line and the bottom of its lowest."""
    share = settings.borderless_row_overlap_share
    rows: list[Row] = []
    bands: list[tuple[float, float]] = []
    top = bottom = 0.0
    for line in sorted(lines, key=_middle_then_left):
        y0, y1 = line.y0, line.y1
        if rows:
            # min() and max() of two, written out: this runs for every line of every page
            overlap = (y1 if y1 < bottom else bottom) - (y0 if y0 > top else top)
            height, own = bottom - top, y1 - y0
            if overlap >= share * (own if own < height else height):
                rows[-1].append(line)
                top, bottom = (y0 if y0 < top else top), (y1 if y1 > bottom else bottom)
                bands[-1] = (top, bottom)
                continue
        rows.append([line])
        top, bottom = y0, y1
        bands.append((top, bottom))
    for row in rows:
        if len(row) > 1:  # speed: most rows are one line
            row.sort(key=_left)
    return rows, bands


def _middle_then_left(line: Line) -> tuple[float, float]:
    return ((line.y0 + line.y1) / 2, line.x0)


_left = attrgetter("x0")


def _size(rows: list[Row]) -> float:
    return median(l.size for row in rows for l in row)


def rows_to_columns(rows: list[Row], settings: LayoutSettings) -> list[tuple[float, float]]:
    """The stretches the rows' cells cover, merged where the whitespace between them is narrower than a column gap."""
    spans = sorted((l.x0, l.x1) for row in rows for l in row)
    if not spans:
        return []
    return [(a, b) for a, b in _merged(spans, settings.borderless_column_gap_em * _size(rows))]


def _merged(stretches: list[tuple[float, float]], gap: float) -> list[list[float]]:
    """Sorted x-stretches merged where less than `gap` apart."""
    out: list[list[float]] = []
    for x0, x1 in stretches:
        if out and x0 - out[-1][1] < gap:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return out


def _cut_overflows(rows: list[Row], body: list[int], settings: LayoutSettings) -> list[Line]:
    """Cut each body line that runs across a column at a space between its words: a cell whose text
    ran over into the gutter ("TECH.GOUV", a longer mission code, wider than its column) and met the
    next cell's text on one line. A column is told by the place where the cells of many rows start
    (`borderless_min_rows` of them or more): a word of the line starting there, after a space, opens
    the next cell, both pieces opening with a letter; or by a gap every other body line keeps clear, with a space of the line in it.
    A single word reaching into the next column from a place where cells start is read as ending short
    of it. The pieces run over, cut off (or cut short), are returned.

    Only a table already found is looked at this closely (its lines, each against the others)."""
    lines = [line for i in body for line in rows[i]]
    gap = settings.borderless_column_gap_em * _size([rows[i] for i in body])
    slack = settings.edge_slack_pt
    starts = _shared_starts([line.x0 for line in lines], slack, settings.borderless_min_rows)
    over: list[Line] = []
    for i in body:
        row = rows[i]
        for line in list(row):
            new = None
            for x in starts if len(line.spans) > 1 else ():
                if line.x0 < x - slack and line.x1 > x + slack:
                    new = _cut_in(line, x - gap, x, slack)
                    # words on both sides: a right-aligned column of figures shares its starts by chance
                    if new is not None and new[0].text[:1].isalpha() and new[1].text[:1].isalpha():
                        break
                    new = None
            if new is None and len(line.spans) > 1:
                clear = _merged(sorted((o.x0, o.x1) for o in lines if o is not line), gap)
                for (_a0, left), (right, _b1) in zip(clear, clear[1:]):
                    if line.x0 < left and line.x1 > right:
                        new = _cut_in(line, left, right, slack)
                        if new is not None:
                            break
            if new is None:
                # a word longer than its column, reaching into the next one from where its own starts
                # ("COMPETENCES"): no space to cut at, so it is read as if it ended short of that column
                reach = next((x for x in starts if line.x0 < x - slack < line.x1 - slack), None)
                if reach is None or not any(abs(line.x0 - x) <= slack for x in starts) or not line.text[:1].isalpha():
                    continue
                new = [_piece(line, line.spans, (line.x0, line.y0, max(line.x0, reach - gap), line.y1), line.text)]
            row[row.index(line):row.index(line) + 1] = new
            lines[lines.index(line):lines.index(line) + 1] = new
            over.append(new[0])
    return over


def _shared_starts(x0s: list[float], slack: float, least: int) -> list[float]:
    """The places where at least `least` of the lines start (within `slack` of each other)."""
    out: list[float] = []
    group: list[float] = []
    for x in sorted(x0s):
        if group and x - group[0] > slack:
            if len(group) >= least:
                out.append(min(group))
            group = []
        group.append(x)
    if len(group) >= least:
        out.append(min(group))
    return out


def _cut_in(line: Line, left: float, right: float, slack: float) -> list[Line] | None:
    """The line cut in two at the first space between its words that lies in the gutter from `left`
    to `right` (each piece a line of its own, in the line's place); None when no space lies there."""
    words = [span for span in sorted(line.spans, key=lambda span: span.bbox[0]) if span.text.strip()]
    at = next((j for j in range(1, len(words)) if words[j - 1].bbox[2] >= left - slack and words[j].bbox[0] <= right + slack
               and words[j - 1].bbox[2] <= words[j].bbox[0]), None)
    if at is None:
        return None
    return [_piece(line, piece, union([span.bbox for span in piece]), " ".join(span.text.strip() for span in piece))
            for piece in (words[:at], words[at:])]


def _piece(line: Line, spans: list, box, text: str) -> Line:
    """A part of `line` (some of its spans, or all of them in a smaller box), in the line's place."""
    return Line(line.page, spans, box, line.size, text, column=line.column, band=line.band, base_left=line.base_left,
                col_right=line.col_right, block=line.block)


def _cut_at_gutters(lines: list[Line], columns: list[tuple[float, float]], slack: float) -> list[Line]:
    """The lines, each one that runs across a gutter between `columns` (a table's, from the page
    before) cut there at a space between its words: a cell run over into the next column's gutter."""
    gutters = [(a[1], b[0]) for a, b in zip(columns, columns[1:])]
    out = []
    for line in lines:
        pieces = [line]
        for left, right in gutters:
            last = pieces[-1]
            if len(last.spans) > 1 and last.x0 < left and last.x1 > right:
                cut = _cut_in(last, left, right, slack)
                if cut is not None:
                    pieces[-1:] = cut
        out.extend(pieces)
    return out


def _columns_of(line: Line, columns: list[tuple[float, float]]) -> list[int]:
    return [i for i, (a, b) in enumerate(columns) if line.x0 < b and line.x1 > a]


def _body_rows(rows: list[Row], settings: LayoutSettings) -> list[int]:
    return [i for i, row in enumerate(rows) if len(row) >= settings.borderless_min_columns]


def _cells(row: Row, columns: list[tuple[float, float]], words: set[str]) -> list[str]:
    """A row's text by column; a line spanning columns (a merged header cell) goes into the first of them."""
    cells = [""] * len(columns)
    for line in row:
        hit = _columns_of(line, columns)
        if not hit:
            continue
        i = hit[0]
        cells[i] = join(cells[i], line.text.strip(), words) if cells[i] else line.text.strip()
    return cells


def _spans(row: Row, columns: list[tuple[float, float]]) -> bool:
    return any(len(_columns_of(line, columns)) > 1 for line in row)


def _block_to_table(rows: list[Row], lo: int, hi: int, page: int, words: set[str], settings: LayoutSettings) -> list[TableRegion]:
    """The tables among rows `lo`..`hi` of a run of closely spaced rows (none, one, or several one under another)."""
    body = [i for i in _body_rows(rows, settings) if lo <= i <= hi]
    if len(body) < settings.borderless_min_rows:
        return []
    # the body: from the first to the last row with cells in enough columns, cut where a row crosses the grid
    first, last = body[0], body[-1]
    columns = rows_to_columns([rows[i] for i in body], settings)
    if len(columns) < settings.borderless_min_columns:
        return []
    overflowing = _cut_overflows(rows, body, settings)
    if overflowing:  # the columns from the other lines: the text run over stands in its own column's slot
        columns = rows_to_columns([[line for line in rows[i] if line not in overflowing] for i in body], settings)
        # a column made of such text alone (every cell of it ran over) is a column of its own
        alone = [(p.x0, p.x1) for p in overflowing if not any(p.x0 < b and p.x1 > a for a, b in columns)]
        if alone:
            gap = settings.borderless_column_gap_em * _size([rows[i] for i in body])
            columns = sorted(columns + [(a, b) for a, b in _merged(sorted(alone), gap)])
    runs: list[list[int]] = []
    for i in range(first, last + 1):
        if _spans(rows[i], columns):
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[TableRegion] = []
    for run in runs:
        if len(run) != last - first + 1:
            out.extend(_block_to_table(rows, run[0], run[-1], page, words, settings))  # columns of this stretch alone
            continue
        table = _rows_to_region(rows, first, last, columns, page, words, settings, hi)
        if table is not None:
            out.append(table)
    return out


def _runs_on(texts: list[list[str]], settings: LayoutSettings) -> bool:
    """Whether a column's text runs on from row to row: in a table a row is one record, and a cell
    whose words go on in the next row, while that row fills other columns too, is a line of running
    text (two columns of prose set on one baseline grid line up as rows would)."""
    width = max((len(row) for row in texts), default=0)
    for column in range(width):
        filled = runs = 0
        for row, below in zip(texts, texts[1:]):
            cell = row[column] if column < len(row) else ""
            if not cell:
                continue
            filled += 1
            nxt = below[column] if column < len(below) else ""
            # lower case after a phrase left open, or a word cut at the line's end (not a capitalised
            # word or a code: a column of codes or names, one a row, runs on in no sentence)
            if nxt and sum(1 for c in below if c) >= 2 and (cell.endswith("-") or (nxt.lstrip()[:1].islower() and continues_text(cell, nxt))):
                runs += 1
        if runs >= settings.borderless_prose_rows and runs >= settings.borderless_prose_share * filled:
            return True
    return False


def _goes_on_above(above: list[str], cells: list[str]) -> bool:
    """Every filled cell of the row reads as the rest of the cell above it (`tables.continues_text`:
    lower case after a phrase left open, "40" / "millions*" after a figure), the cell above filled."""
    filled = [(a, c) for a, c in zip(above, cells) if c]
    return bool(filled) and all(a and (continues_text(a, c) or (a.endswith("-") and c[:1].isalpha()) or _figure_goes_on(a, c)) for a, c in filled)


def _figure_goes_on(above: str, cell: str) -> bool:
    """A figure and its unit set on two lines of one cell ("40" / "millions*")."""
    return above.replace(" ", "").replace(",", "").isdigit() and cell[:1].isalpha() and cell[:1].islower() and " " not in cell.strip()


def _usual_gap(rows: list[Row], settings: LayoutSettings) -> float:
    """The median gap above the rows with cells in enough columns (0 if none)."""
    gaps = [min(l.y0 for l in rows[i]) - max(l.y1 for l in rows[i - 1]) for i in range(1, len(rows)) if len(rows[i]) >= settings.borderless_min_columns]
    return median(gaps) if gaps else 0.0


def _rows_to_region(
    rows: list[Row], first: int, last: int, columns: list[tuple[float, float]], page: int, words: set[str], settings: LayoutSettings, until: int | None = None
) -> TableRegion | None:
    """The table of rows `first`..`last` (and of the wrapped lines of the last one, up to row `until`)."""
    body = rows[first : last + 1]
    texts = [_cells(row, columns, words) for row in body]
    values = value_columns(texts)
    if not values:
        return None  # prose set in columns, a list of names: no column of values, no table
    if _runs_on(texts, settings):
        return None  # columns of text on one baseline grid: their lines align, yet they are no rows
    # header rows above the body, spanning columns or not, as long as they read as a header
    above: list[Row] = []
    above_texts: list[list[str]] = []
    for i in range(first - 1, max(first - 1 - settings.borderless_max_header_rows, -1), -1):
        row = rows[i]
        if any(line.x1 < columns[0][0] or line.x0 > columns[-1][1] for line in row):
            break
        row_cells = _cells(row, columns, words)
        if not any(row_cells[1:]) or not is_header_row(row_cells, values):
            break  # a title over the table's first column is no header row
        above.insert(0, row)
        above_texts.insert(0, row_cells)
    # wrapped cells: a row with few cells, no value, nearer the row above than rows usually are
    usual = _usual_gap(above + body, settings)
    # the last row's wrapped lines, under the last row with cells in enough columns
    for i in range(last + 1, (last if until is None else until) + 1):
        row = rows[i]
        gap = min(l.y0 for l in row) - max(l.y1 for l in body[-1])
        row_cells = _cells(row, columns, words)
        inside = all(line.x0 >= columns[0][0] - settings.edge_slack_pt and line.x1 <= columns[-1][1] + settings.edge_slack_pt for line in row)
        few = sum(1 for c in row_cells if c) < settings.borderless_wrap_fill_share * len(columns)
        if not inside or _spans(row, columns) or not few:
            break
        close = not any(cell_kind(c) == "value" for c in row_cells) and gap < settings.borderless_wrap_gap_share * usual
        if not close and not _goes_on_above(texts[-1], row_cells):
            break  # rows set as tight as a cell's lines: only a row reading as the rest of the one above
        body.append(row)
        texts.append(row_cells)
    table_rows = above + body
    cells = above_texts + texts
    spanning = [_spans(row, columns) for row in table_rows]
    heads = header_count(cells, values)
    merged_cells: list[list[str]] = []
    merged_rows: list[Row] = []
    merged_heads = 0
    for i, (row, row_cells) in enumerate(zip(table_rows, cells)):
        filled = sum(1 for c in row_cells if c)
        header = i < heads
        if merged_rows:
            previous_header = len(merged_rows) <= merged_heads
            gap = min(l.y0 for l in row) - max(l.y1 for l in merged_rows[-1])
            wraps = (
                header == previous_header
                and not spanning[i]
                and not (header and spanning[i - 1])
                and filled < settings.borderless_wrap_fill_share * len(columns)
                and (
                    (not any(cell_kind(c) == "value" for c in row_cells) and gap < settings.borderless_wrap_gap_share * usual)
                    # rows set as tight as the lines of a cell (no space between records): the row's
                    # every cell reads as the rest of the cell above it
                    or _goes_on_above(merged_cells[-1], row_cells)
                    # a header cell set on two lines ("projection" / "fin 2020")
                    or (header and all(a and c[:1].islower() for a, c in zip(merged_cells[-1], row_cells) if c))
                )
            )
            if wraps:
                merged_cells[-1] = merge_row(merged_cells[-1], row_cells, words)
                merged_rows[-1] = merged_rows[-1] + row
                continue
        merged_cells.append(list(row_cells))
        merged_rows.append(list(row))
        if header:
            merged_heads = len(merged_rows)
    lines = [l for row in merged_rows for l in row]
    region = TableRegion(page, union(l.bbox for l in lines))
    region.rows = merged_cells
    region.row_boxes = [union(l.bbox for l in row) for row in merged_rows]
    region.columns = list(columns)
    region.header_rows = merged_heads
    return region


def page_tables(lines: list[Line], page: int, words: set[str], settings: LayoutSettings) -> list[TableRegion]:
    """The borderless tables of one page's lines."""
    rows, bands = _banded_rows(lines, settings)
    if len(rows) < settings.borderless_min_rows:
        return []
    least = settings.borderless_min_columns
    if sum(1 for row in rows if len(row) >= least) < settings.borderless_min_rows:
        return []  # a table's body needs that many rows with cells in enough columns (`_block_to_table`)
    # runs of rows no further apart than a table's rows
    sizes = [row[0].size if len(row) == 1 else max(l.size for l in row) for row in rows]  # speed: most rows are one line
    blocks: list[list[Row]] = [[rows[0]]]
    for i in range(1, len(rows)):
        gap = bands[i][0] - bands[i - 1][1]
        size = max(sizes[i], sizes[i - 1])
        if gap > settings.borderless_row_gap_em * size:
            blocks.append([rows[i]])
        else:
            blocks[-1].append(rows[i])
    out: list[TableRegion] = []
    for block in blocks:
        out.extend(_block_to_table(block, 0, len(block) - 1, page, words, settings))
    return out


def _slotter(columns: list[tuple[float, float]], size: float, settings: LayoutSettings):
    """A function giving the column whose slot (from the middle of one gap to the middle of the next) holds a line, or None."""
    cuts = [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:])]
    slack = settings.borderless_column_gap_em * size / 2
    bounds = list(zip([columns[0][0] - slack] + cuts, cuts + [columns[-1][1] + slack]))
    return lambda line: next((i for i, (a, b) in enumerate(bounds) if line.x0 >= a - slack and line.x1 <= b + slack), None)


def cut_row(lines: list[Line], previous: TableRegion, words: set[str], settings: LayoutSettings) -> tuple[list[str], list[Line]] | None:
    """The start of a row the page break cut, under `previous` (a table) at the foot of its page: every line
    below the table, close under it (`borderless_row_gap_em`) and within its columns' slots, none a value
    (a label whose values are printed after the break), as one row's cells; None if there is none."""
    slack = settings.region_slack_pt
    below = [l for l in lines if (l.y0 + l.y1) / 2 > previous.bbox[3] + slack]
    if not below or not previous.columns:
        return None
    rows = lines_to_rows(below, settings)
    size = _size(rows)
    slot_of = _slotter(previous.columns, size, settings)
    cells = [""] * len(previous.columns)
    bottom = previous.bbox[3]
    for row in rows:
        if min(l.y0 for l in row) - bottom > settings.borderless_row_gap_em * size:
            return None  # text further down: the table does not end the page
        for line in row:
            i = slot_of(line)
            if i is None or cell_kind(line.text) == "value":
                return None
            cells[i] = join(cells[i], line.text.strip(), words) if cells[i] else line.text.strip()
        bottom = max(l.y1 for l in row)
    return cells, below


def continued_rows(lines: list[Line], previous: TableRegion, page: int, words: set[str], settings: LayoutSettings) -> TableRegion | None:
    """The rows at the top of a page that continue `previous` (a table ending the page before) in its
    columns: too few, maybe, to make a table of their own. Each row's cells stay within the columns'
    slots (from the middle of one gap to the middle of the next), and each row holds a value or is
    the table's header printed again; the first row under it may instead be the rest of the previous
    page's last row, cut by the page break (`tables.continues_row`)."""
    if not previous.columns or not lines:
        return None
    rows = lines_to_rows(_cut_at_gutters(lines, previous.columns, settings.edge_slack_pt), settings)
    size = _size(rows)
    columns = previous.columns
    slot_of = _slotter(columns, size, settings)
    header = previous.rows[: previous.headers()]
    taken: list[Row] = []
    cells: list[list[str]] = []
    rows = _repeated_header(rows, header, slot_of, words, taken, cells)
    for row in rows:
        if taken:
            gap = min(l.y0 for l in row) - max(l.y1 for l in taken[-1])
            if gap > settings.borderless_row_gap_em * size:
                break
        texts = _slotted(row, slot_of, len(columns), words)
        if texts is None:
            break
        repeated = len(taken) < len(header) and texts == header[len(taken)]
        # the rest of the row the page break cut (its label running on, over lines of its own) may hold no value
        body = cells[len(header) if header and cells[: len(header)] == header else 0 :]
        cut = not any(cell_kind(t) == "value" for t in texts)
        if cut and body and continues_row(body[-1], texts):  # a wrapped line of the row above
            cells[-1] = merge_row(cells[-1], texts, words)
            taken[-1] = taken[-1] + row
            continue
        rest_of_cut = cut and not body and len(previous.rows) > previous.headers() and continues_row(previous.rows[-1], texts)
        if not repeated and not rest_of_cut and not any(cell_kind(t) == "value" for t in texts):
            break
        taken.append(row)
        cells.append(texts)
    if not taken or len(taken) <= len(header) and cells == header[: len(taken)]:
        return None
    region = TableRegion(page, union(l.bbox for row in taken for l in row))
    region.rows = cells
    region.row_boxes = [union(l.bbox for l in row) for row in taken]
    region.columns = list(columns)
    region.header_rows = len(header) if header and cells[: len(header)] == header else 0
    return region


def _slotted(row: Row, slot_of, width: int, words: set[str]) -> list[str] | None:
    """A visual row's text by column slot (`_slotter`), or None when a line stands in no slot."""
    texts = [""] * width
    for line in row:
        i = slot_of(line)
        if i is None:
            return None
        texts[i] = join(texts[i], line.text.strip(), words) if texts[i] else line.text.strip()
    return texts


def _repeated_header(rows: list[Row], header: list[list[str]], slot_of, words: set[str], taken: list[Row], cells: list[list[str]]) -> list[Row]:
    """The table's header printed again at the top of the page, each of its rows over one visual row
    or more ("projection" / "fin 2020"): those rows go to `taken` and `cells`, merged one a header
    row; the rows after them are returned. A visual row whose every cell is part of the header row's
    cell in its column goes on with it; any other ends the header."""
    k, start = 0, 0
    merged: list[str] | None = None
    merged_rows: Row = []
    for index, row in enumerate(rows):
        if k >= len(header):
            break
        texts = _slotted(row, slot_of, len(header[k]), words)
        if texts is None:
            break
        merged = texts if merged is None else merge_row(merged, texts, words)
        merged_rows = merged_rows + row
        if merged == header[k]:
            taken.append(merged_rows)
            cells.append(merged)
            k, start, merged, merged_rows = k + 1, index + 1, None, []
            continue
        if not any(merged) or not all(not m or m in h for m, h in zip(merged, header[k])):
            break
    return rows[start:]


def find_borderless(pages: list[list[Line]], ruled: list[TableRegion], words: set[str], settings: LayoutSettings) -> list[TableRegion]:
    """The ruled regions and the borderless tables found outside them, by page and from the top; a table
    ending a page is looked for at the top of the next (`continued_rows`)."""
    slack = settings.region_slack_pt
    # a ruled region that makes no table (a lone shaded row, a box around one line) holds no cells
    ruled = [region for parts in stitch(ruled, settings) for region in parts]
    out = list(ruled)
    last: TableRegion | None = None  # the last table of the page before
    for number, lines in enumerate(pages, start=1):
        boxes = [r.bbox for r in ruled if r.page == number]
        free = [l for l in lines if not any(centre_in(l, b, slack) for b in boxes)] if boxes else lines
        found: list[TableRegion] = []
        if last is not None and last.page == number - 1 and not boxes:
            # the rows opening the page, in the columns of the table ending the page before
            head = continued_rows(free, last, number, words, settings)
            stub = None if any(last is r for r in ruled) else cut_row(pages[number - 2], last, words, settings)
            if head is not None and stub is not None:
                first = head.rows[head.headers()] if len(head.rows) > head.headers() else None
                runs_on = first is not None and any(a and b and continues_text(a, b) for a, b in zip(stub[0], first))
                if runs_on and continues_row(stub[0], first):
                    # the start of the row the page break cut, left under the table (its label runs on): its last row
                    last.rows.append(stub[0])
                    last.row_boxes.append(union(l.bbox for l in stub[1]))
                    last.bbox = union([last.bbox, last.row_boxes[-1]])
            if head is not None:
                found.append(head)
                free = [l for l in free if l.y0 > head.bbox[3]]
        if len(free) >= settings.borderless_min_rows * settings.borderless_min_columns:
            found.extend(page_tables(free, number, words, settings))
        out.extend(found)
        on_page = [r for r in ruled if r.page == number] + found
        if on_page:
            last = max(on_page, key=lambda r: r.bbox[3])
    return sorted(out, key=lambda r: (r.page, r.bbox[1]))


