"""The indicator table: tab-separated (or PDF) table rows -> one IndicatorTable.

The first two columns hold the mission and the indicator's label, the others
the values. Header rows are told by their content, not by which cells are
empty (`layout.headers`): over the value columns a header row holds column
labels — words, years ("en 2018", "objectif fin 2022"), units — in at least
half of its cells, and no value anywhere; the first header row's first cells
may be empty or hold labels of their own ("Mission", "Indicateur"), a header
row under it has no label (a row with one is data). Several header rows one above
the other (a merged cell spanning columns over the years) give each column the
words of every row above it, a merged cell's words to every column it spans.
The table may be split over pages with the header printed again: a header
equal to the first is skipped, and the rows continue the same table. A row
whose mission cell is empty belongs to the mission of the row above.
"""

from __future__ import annotations

from ..schemas.blocks import Block
from ..schemas.edition import IndicatorCell, IndicatorRow, IndicatorTable
from ..schemas.provenance import Provenance
from .layout.headers import is_header_row


def _reads_as_header(cells: list[str]) -> bool:
    return len(cells) >= 3 and is_header_row(cells, list(range(2, len(cells))))


def _is_header(cells: list[str]) -> bool:
    values = cells[2:]
    return _reads_as_header(cells) and 2 * sum(1 for c in values if c) >= len(values)


def header_columns(headers: list[list[str]]) -> list[str]:
    """Column names from header rows top to bottom. A cell left empty in an upper row belongs to the
    merged cell nearest it in that row (to the left on a tie: where a ruled table's finder puts the text
    of a merged cell; a borderless one has it centred over its columns); each column is named by the
    words above it, joined."""
    width = max(len(h) for h in headers) - 2
    names: list[list[str]] = [[] for _ in range(width)]
    for depth, row in enumerate(headers):
        cells = (row[2:] + [""] * width)[:width]
        filled = [i for i, cell in enumerate(cells) if cell]
        upper = depth < len(headers) - 1
        for i, cell in enumerate(cells):
            if not cell and upper and filled:
                cell = cells[min(filled, key=lambda k: (abs(k - i), k))]
            if cell:
                names[i].append(cell)
    return [" ".join(parts) for parts in names]


def rows_to_indicator_table(rows: list[Block]) -> IndicatorTable | None:
    """The indicator table printed as `rows` (table_row blocks), or None if there is none."""
    headers: list[list[str]] = []
    columns: list[str] | None = None
    table_rows: list[IndicatorRow] = []
    used: list[Block] = []
    mission = ""
    upper: tuple[list[str], Block] | None = None  # a sparse header row (a merged cell), kept if a header follows
    for block in rows:
        cells = [c.strip() for c in (block.cells or [])]
        # under a header row, a row with a label of its own is data, whatever its values say
        header = _is_header(cells) and not (columns is None and headers and cells[1])
        if columns is None and not headers and not header and _reads_as_header(cells):
            upper = (cells, block)
            continue
        if header:
            if columns is None:
                if upper is not None:
                    headers.append(upper[0])
                    used.append(upper[1])
                headers.append(cells)
                used.append(block)
                upper = None
            elif cells[2:] in [h[2:] for h in headers]:
                used.append(block)  # the header printed again over the table's next part
            continue
        upper = None
        if columns is None and headers:
            columns = header_columns(headers)
        if columns is None or len(cells) < 2 + len(columns) or not cells[1]:
            continue
        mission = cells[0] or mission
        table_rows.append(
            IndicatorRow(
                mission=mission,
                label=cells[1],
                cells=[IndicatorCell(column=col, raw=raw) for col, raw in zip(columns, cells[2:])],
                provenance=block.provenance,
            )
        )
        used.append(block)
    if columns is None or not table_rows:
        return None
    return IndicatorTable(
        columns=columns,
        rows=table_rows,
        provenance=Provenance.span([b.provenance for b in used], quote=used[0].provenance.quote),
    )
