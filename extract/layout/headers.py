"""Table cells by their content: a value, a header's words or year, or nothing.

    cell_kind(text)                     -> "empty" | "value" | "year" | "words"
    value_columns(rows)                 -> indexes of the columns that hold values
    header_count(rows, columns=None)    -> how many leading rows are header rows

A header row is told from a data row by what it says, never by how many of its
cells are empty: over the columns that hold values (numbers, shares, amounts,
"not measured" marks), a header row holds at least one cell and only column
labels — words, or a year with or without words ("2018", "en 2018",
"objectif fin 2022", "(en %)") — while a data row holds at least one value
there. So a first data row with empty cells is still data, and a header
whose first cells are labels ("Mission", "Indicateur") is still a header.
"""

from __future__ import annotations

import re
from typing import Literal

CellKind = Literal["empty", "value", "year", "words"]

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DIGIT = re.compile(r"\d")
#: A cell that says a value is missing: a dash, a slash, a question mark, or a short capitalised abbreviation ("NM", "ND", "n.d.", "s.o.").
_MARK = re.compile(r"^(?:[-–—/?*]+|[A-Z]{2,3}\*?|(?:[a-zA-Z]\.){1,3})$")
#: A unit alone, as a header row under the column labels prints it ("%", "(M€)", "en k€").
#: A value is a number with at most a couple of words (a unit, "millions", "up to") and few tokens in all.
_VALUE_MAX_WORDS = 2
_VALUE_MAX_TOKENS = 5
_ALPHA_WORD = re.compile(r"^[^\W\d_]{2,}[.,;:]?$")
_UNIT = re.compile(r"^\(?(?:en\s+|in\s+)?(?:%|‰|[kKM]?€|\$|£|[kKM]?[a-zA-Z€$]{0,2}/\w+)\)?$")


def cell_kind(text: str) -> CellKind:
    """What a cell holds, by its text alone."""
    text = text.strip()
    if not text:
        return "empty"
    if _UNIT.match(text):
        return "words"
    if _MARK.match(text):
        return "value"
    if not _DIGIT.search(text):
        return "words"
    tokens = text.split()
    if len(tokens) > _VALUE_MAX_TOKENS or sum(1 for t in tokens if _ALPHA_WORD.match(t)) > _VALUE_MAX_WORDS:
        return "words"  # a phrase that holds a number ("paragraphs (h)(2) through (10)") is no value
    # digits: a header when every number in it is a year ("en 2018", "2019-2020", "projection fin 2020")
    rest = _YEAR.sub("", text)
    if _YEAR.search(text) and not _DIGIT.search(rest) and "%" not in rest:
        return "year"
    return "value"


def value_columns(rows: list[list[str]], *, min_values: int = 2, max_header_rows: int = 3) -> list[int]:
    """The columns holding at least `min_values` values, and values in most of their filled cells
    below their header (at most `max_header_rows` leading cells without a value)."""
    if not rows:
        return []
    width = max(len(r) for r in rows)
    kinds = [[cell_kind(r[i]) if i < len(r) else "empty" for i in range(width)] for r in rows]
    out = []
    for i in range(width):
        filled = [k[i] for k in kinds if k[i] != "empty"]
        values = sum(1 for k in filled if k == "value")
        head = min(_leading_labels(kinds, i), max_header_rows)
        if values >= min_values and 2 * values >= len(filled) - head:
            out.append(i)
    return out


def _leading_labels(kinds: list[list[CellKind]], column: int) -> int:
    """Filled cells of a column before its first value (its header cells, which never count against it)."""
    count = 0
    for row in kinds:
        if row[column] == "value":
            break
        if row[column] != "empty":
            count += 1
    return count


def is_header_row(cells: list[str], columns: list[int]) -> bool:
    """Whether a row reads as a header over the value `columns`: some label there, and no value anywhere."""
    kinds: list[CellKind] = []
    for cell in cells:
        kind = cell_kind(cell)
        if kind == "value":
            return False  # a data row: the cells after it need no reading
        kinds.append(kind)
    return any(kinds[i] in ("year", "words") for i in columns if i < len(kinds))


def header_count(rows: list[list[str]], columns: list[int] | None = None) -> int:
    """How many leading rows of a table are header rows (0 when the table starts with data)."""
    if columns is None:
        columns = value_columns(rows)
    if not columns:
        return 0
    count = 0
    for row in rows:
        if not is_header_row(row, columns):
            break
        count += 1
    return count if count < len(rows) else 0
