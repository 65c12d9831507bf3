"""The indicator table: tab-separated (or PDF) table rows -> one IndicatorTable.

A header row has empty leading cells (mission, label) and the value column
headers ("en 2018", …, "objectif fin 2022"). The table may be split over two
pages with the header printed again: a header equal to the first is skipped,
and the rows continue the same table. A row whose mission cell is empty
belongs to the mission of the row above.
"""

from __future__ import annotations

from ..schemas.blocks import Block
from ..schemas.edition import IndicatorCell, IndicatorRow, IndicatorTable
from ..schemas.provenance import Provenance


def _is_header(cells: list[str]) -> bool:
    return len(cells) >= 3 and not cells[0].strip() and not cells[1].strip() and all(c.strip() for c in cells[2:])


def rows_to_indicator_table(rows: list[Block]) -> IndicatorTable | None:
    """The indicator table printed as `rows` (table_row blocks), or None if there is none."""
    columns: list[str] | None = None
    table_rows: list[IndicatorRow] = []
    used: list[Block] = []
    mission = ""
    for block in rows:
        cells = [c.strip() for c in (block.cells or [])]
        if _is_header(cells):
            if columns is None:
                columns = cells[2:]
                used.append(block)
            elif cells[2:] == columns:
                used.append(block)
            continue
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
