"""A table's layout as its figures are read: its header rows and each column's headers, the
columns that hold values, the scale the table states ("tkr" in a header, its caption or a
caption line on its page), and the headers and unit a headerless table takes from the part of
it above (a table the ruling cut in two) or from the previous page's last table. The figures
themselves are read from the cells in ``figure_tables``, which keeps these names importable.
"""

from __future__ import annotations

from typing import NamedTuple

# the scale words of a table's amounts (UNIT_CAPTION) and a money column's header words
# (MONEY_HEADER): ``namndkoll.tables`` (search says the same unit after a table's values)
from ..tables import MONEY_HEADER, UNIT_CAPTION, cell_number, headers, scale_of
from ..types import Page, Table
from .figure_numbers import is_year, normalize_spaces

# minus signs and dashes that mean "minus" in a table cell
MINUS = dict.fromkeys(map(ord, "\u2212\u2013"), "-")


def cell_value(cell: str) -> tuple[float, str | None] | None:
    """The number a cell of ``table.rows`` holds and its unit, or None, as the figure reader
    takes it: read by ``tables.cell_number`` like ``tables.cell_value``, but cleaned its own way.
    ``tables.cell_value`` (the search passages' cells) collapses all whitespace and takes the
    figure dash "‒" (U+2012) as a minus too; this one only makes fixed-width spaces plain, so a
    cell with a line break or a run of spaces between its digits ("1 049\n382", "12  345") is
    no value here, and "‒5" is none. Making the two one could change which columns and cells
    the figure reader counts as values."""
    return cell_number(normalize_spaces(cell).translate(MINUS).strip())


def table_headers(rows: list[tuple[str, ...]], width: int) -> tuple[list[str], int]:
    """Column headers as ``tables.headers`` reads them, with this module's cells: its own
    value reading and years 1800-2100."""
    return headers(rows, width, value=cell_value, year=lambda c: is_year(c.strip()))


def value_columns(table: Table, valued: list[int]) -> list[tuple[float, float]] | None:
    """The x range of each value column, from the cells' boxes."""
    out = []
    for j in valued:
        boxes = [b for i in range(len(table.rows)) if (b := table.cell_box(i, j))]
        if not boxes:
            return None
        out.append((min(b[0] for b in boxes), max(b[2] for b in boxes)))
    return out


def own_scale(table: Table, body: str) -> tuple[float, str] | None:
    """The scale a table states itself: in its header rows, its title ("Ramar per nämnd, tkr",
    ``Table.caption``), its first two columns, or a caption line on its page ("Belopp i tkr")."""
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return None
    _cols, n_header = table_headers(rows, max(len(r) for r in rows))
    everything = " ".join(" ".join(r) for r in rows[:n_header])
    scale = (scale_of(everything) or scale_of(table.caption or "")
             or scale_of(" ".join(c for r in rows for c in r[:2])))
    if scale is None and (cap := UNIT_CAPTION.search(body)):
        scale = scale_of(cap.group(0))
    return scale


def header_key(table: Table) -> tuple[str, ...]:
    """A table's column headers with years left out: the same table for another year ("2027"
    over "NÄMND | Ram inkl PKV | …", then "2028" over the same) has the same key; () when the
    table has no header row."""
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return ()
    _cols, n_header = table_headers(rows, max(len(r) for r in rows))
    return tuple(c.casefold() for r in rows[:n_header] for c in r if c and not is_year(c))


def money_columns(table: Table) -> bool:
    """Whether at least half of a table's value columns are headed by money words ("Ram inkl
    PKV", "Budget", "Utfall", "Kostnad")."""
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return False
    cols, n_header = table_headers(rows, max(len(r) for r in rows))
    valued = [j for j in range(len(cols)) if any(j < len(r) and cell_value(r[j]) is not None for r in rows[n_header:])]
    money = [j for j in valued if MONEY_HEADER.search(cols[j])]
    return bool(valued) and 2 * len(money) >= len(valued)


class Layout(NamedTuple):
    rows: list[tuple[str, ...]]
    cols: list[str]  # each column's header(s)
    n_header: int
    valued: list[int]  # the columns that hold values
    headed: set[int]  # the columns with a header of their own
    scale: tuple[float, str] | None


class Carried(NamedTuple):
    """A page's lowest table with headed value columns (its own headers or those it took from a
    table above it): a headerless table at the top of the next page whose value columns stand
    where its do takes its headers and unit (an annual report's notes, one table each, under the
    first note's "Bokslut 2025 | Bokslut 2024" and "(tkr)")."""
    columns: list[tuple[float, float]]
    lay: Layout


def carried_layout(page: Page, body: str, hints: list[tuple[float, str] | None],
                   carried: Carried | None) -> Carried | None:
    """What the page's lowest table carries to the next page; None when it has no headers.
    ``hints``: each table's scale hint, as ``table_figures`` was given it."""
    tables = [(t, h) for t, h in zip(page.tables, hints, strict=False) if t.bbox]
    if not tables:
        return None
    last, hint = max(tables, key=lambda th: th[0].bbox[3] if th[0].bbox else 0.0)
    lay = layout_of(page, last, body, hint, carried)
    if lay is None or not set(lay.valued) & lay.headed:
        return None  # a title spread over the columns from the first ("Överträdelse av …") heads none
    xs = value_columns(last, lay.valued)
    return Carried(xs, lay) if xs else None


def layout_of(page: Page, table: Table, body: str, hint: tuple[float, str] | None,
            carried: Carried | None = None, *, any_columns: bool = False) -> Layout | None:
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    cols, n_header = table_headers(rows, width)
    table_scale = own_scale(table, body)
    if table_scale is None and hint is not None and (any_columns or money_columns(table)):
        table_scale = hint
    valued = [j for j in range(width) if any(j < len(r) and cell_value(r[j]) is not None for r in rows[n_header:])]
    headed = {j for j in range(width) if any(j < len(r) and r[j] for r in rows[:n_header])}
    # a value column headed only by a label spread from the first column ("Ersättning för
    # revisorer" alone on the top row: a note's heading, not its columns') has no header of its own
    if valued and not headed & set(valued) and (above := _headers_above(page, table, valued)):
        cols = [above.get(j, c) for j, c in enumerate(cols)]
        headed |= set(above)
    upper = None
    if valued and not headed & set(valued):
        upper = _part_above(page, table, valued, body, hint, carried) or _carried_above(page, table, valued, carried)
    if upper is not None:
        # the lower part of a table the ruling cut in two: the upper part's headers and unit
        mapped = dict(zip(valued, (upper.cols[j] for j in upper.valued), strict=True))
        cols = [mapped.get(j, c) for j, c in enumerate(cols)]
        headed |= {j for j, c in mapped.items() if c}
        table_scale = table_scale or upper.scale
    return Layout(rows, cols, n_header, valued, headed, table_scale)


def _carried_above(page: Page, table: Table, valued: list[int], carried: Carried | None) -> Layout | None:
    """The previous page's last headed table, for a table with no table above it on its page
    whose value columns stand where that table's do."""
    if carried is None or not table.bbox or len(carried.columns) != len(valued):
        return None
    if any(t is not table and t.bbox and t.bbox[3] <= table.bbox[1] + 1 for t in page.tables):
        return None
    xs = value_columns(table, valued)
    if xs is None or not all(_same_column(a, b) for a, b in zip(xs, carried.columns, strict=True)):
        return None
    return carried.lay


def _part_above(page: Page, table: Table, valued: list[int], body: str,
                hint: tuple[float, str] | None, carried: Carried | None = None) -> Layout | None:
    """The table above this one on the page whose value columns stand where this one's do (the
    same columns, see ``_same_column``), when it has headers for them."""
    xs = value_columns(table, valued)
    if xs is None or not table.bbox:
        return None
    for t in sorted(page.tables, key=lambda t: -(t.bbox[3] if t.bbox else 0)):
        if t is table or not t.bbox or t.bbox[3] > table.bbox[1] + 1:
            continue
        lay = layout_of(page, t, body, hint, carried)
        if lay is None or len(lay.valued) != len(valued):
            continue
        other = value_columns(t, lay.valued)
        if other and all(_same_column(a, b) for a, b in zip(xs, other, strict=True)) \
                and any(lay.cols[j] for j in lay.valued):
            return lay
        return None  # the nearest table above is another table
    return None


def _same_column(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two value columns' x ranges are one column: overlapping and aligned on one edge
    (within ``EDGE``). Right-aligned figures share the right edge only: a column of "6", "0"
    under one of "-229 672" starts 30 points further right."""
    return a[0] < b[1] and b[0] < a[1] and (abs(a[0] - b[0]) <= EDGE or abs(a[1] - b[1]) <= EDGE)


# how far (PDF points) a header line may stand outside its table's value columns
EDGE = 6.0


def _headers_above(page: Page, table: Table, valued: list[int]) -> dict[int, str]:
    """Column headers set as text lines above a table that has none of its own: a table whose
    ruling holds only its last rows (the sums) leaves the rest, headers included, as page text
    ("Utfall Budget Utfall" over "2025 2025 2024" over "Summa verksamhetens kostnader | 231 543
    | …"). Going up from the table, a line that stands over its value columns only, with one
    word or year per value column and no other number, is a header line; lines of the label
    column (group headings, "Belopp i tkr") and rows of values ending in a number are passed;
    any other line (prose across the page) ends the search. {column index: header}."""
    boxes = [table.cell_box(i, j) for i in range(len(table.rows)) for j in valued]
    if not table.bbox or not page.lines or any(b is None for b in boxes):
        return {}
    x_lo = min(b[0] for b in boxes if b)
    x_hi = max(b[2] for b in boxes if b)
    found: list[list[str]] = []
    for ln in sorted((ln for ln in page.lines if ln.bottom <= table.bbox[1] + 1), key=lambda ln: -ln.top):
        words = normalize_spaces(page.text[ln.start:ln.end]).split()
        if not words:
            continue
        over_values = ln.x0 >= x_lo - EDGE and ln.x1 <= x_hi + EDGE
        if over_values and len(words) == len(valued) and all(
                is_year(w) or cell_value(w) is None and not any(c.isdigit() for c in w) for w in words):
            found.append(words)
            continue
        if ln.x1 <= x_lo - EDGE or (not found and cell_value(words[-1]) is not None):
            continue  # the label column's own lines; a row of values the ruling left out
        break
    if not found:
        return {}
    return {j: " | ".join(line[k] for line in reversed(found)) for k, j in enumerate(valued)}
