"""Reading a table (``types.Table``) as rows of cells with their headers, and its text.

Shared by extract/ (figures read from table cells) and search/ (table rows as passages), which
must not import each other. A table's text is its rows, one per line, cells separated by
" | " (empty cells kept, so a column keeps its place): ``table_text`` is what a cell's span
points into, and what ``namndkoll show`` can print.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .types import Table

CELL_SEP = " | "
_MINUS = str.maketrans({"\u2212": "-", "–": "-", "‒": "-"})
_CELL_NUM = re.compile(r"^(?P<sign>[-+])?\s*(?P<n>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(?P<d>\d+))?\s*(?P<unit>%|kr|tkr|mkr|mnkr)?$")
_SPACES = re.compile(r"[\u00a0\u2009\u202f\u2007]")


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str  # the cell as written, whitespace collapsed
    label: str  # the row's header (its first text cell)
    column: str  # the column's header(s), " | "-joined when stacked
    start: int  # span of the cell in ``table_text(table)``
    end: int


def clean(cell: str | None) -> str:
    return " ".join(_SPACES.sub(" ", cell or "").split())


def cell_value(cell: str) -> tuple[float, str | None] | None:
    """The number a cell holds ("1 049 382", "-3,0", "12 %", "−427") and its unit, or None."""
    c = clean(cell).translate(_MINUS).strip()
    m = _CELL_NUM.match(c)
    if not m:
        return None
    v = float(m.group("n").replace(" ", "").replace(".", "") + ("." + m.group("d") if m.group("d") else ""))
    return (-v if m.group("sign") == "-" else v), m.group("unit")


def is_year(cell: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", cell.strip()))


def table_text(table: Table) -> str:
    return "\n".join(CELL_SEP.join(clean(c) for c in row) for row in table.rows)


def headers(rows: list[tuple[str, ...]], width: int, *,
            value: Callable[[str], object | None] = cell_value,
            year: Callable[[str], bool] = is_year) -> tuple[list[str], int]:
    """Column headers from the leading rows that hold no values (years are headers), each
    row forward-filled to the right so a spanning header ("Period", "Helår") covers its columns;
    and how many rows they take. A row with only its first cell filled, under a header row, is
    the heading of the first group of body rows ("INTÄKTER"), not a header, when the row under it
    holds a value (in a table of text, a timeline, every row before a value stays a header row). ``value`` and ``year``: what a value and a year cell are
    (extract/figure_tables.py reads cells its own way)."""
    n = 0
    while n < len(rows) and not any(c and value(c) is not None and not year(c) for c in rows[n]):
        if n and rows[n][:1] and rows[n][0] and not any(rows[n][1:]) and n + 1 < len(rows) and any(
                c and value(c) is not None and not year(c) for c in rows[n + 1]):
            break  # a label alone under the header ("INTÄKTER"): the heading of the body's first rows
        n += 1
    cols = ["" for _ in range(width)]
    for i, r in enumerate(rows[:n]):
        last = ""
        for j in range(width):
            c = r[j] if j < len(r) else ""
            if i == 0:  # the top row spans: "Period" heads every column up to "Helår"
                last = c or last
            else:  # lower rows sit on their column or one to the left of the values
                last = c or (r[j - 1] if 0 < j <= len(r) else "")
            if last and last not in cols[j].split(" | "):
                cols[j] = f"{cols[j]} | {last}" if cols[j] else last
    return cols, n


def body_cells(table: Table) -> list[list[Cell]]:
    """The value cells of each body row (after the header rows), with row and column headers;
    rows without a value are left out."""
    rows = [tuple(clean(c) for c in r) for r in table.rows]
    if len(rows) < 2:
        return []
    width = max(len(r) for r in rows)
    cols, n_header = headers(rows, width)
    offsets = []  # start of each cell in table_text
    pos = 0
    for r in rows:
        line = []
        for c in r:
            line.append(pos)
            pos += len(c) + len(CELL_SEP)
        pos += 1 - len(CELL_SEP) if r else 1
        offsets.append(line)
    out = []
    for i in range(n_header, len(rows)):
        row = rows[i]
        label = next((c for c in row if c and cell_value(c) is None), "")
        cells = [Cell(i, j, c, label, cols[j] if j < len(cols) else "", offsets[i][j], offsets[i][j] + len(c))
                 for j, c in enumerate(row) if c and c != label and cell_value(c) is not None]
        if cells:
            out.append(cells)
    return out


def scale_words(table: Table) -> str | None:
    """The unit the whole table is given in, when its header says (tkr, mkr, mnkr, %)."""
    head = " ".join(clean(c) for r in table.rows[:3] for c in r).casefold()
    m = re.search(r"(?<![\wåäö])(tkr|tusentals kronor|mkr|mnkr|miljoner kronor|mdkr|procent|%)(?![\wåäö])", head)
    return m.group(1) if m else None
