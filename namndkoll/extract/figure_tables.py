"""Figures in a page's tables (``Page.tables``), read cell by cell with their row and column
headers; a "tkr"/"(mkr)" header or caption scales the cells. Each figure carries its cell's
box and its span in the stored table's text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from ..measures import measure_unit
from ..tables import (
    MONEY_HEADER,
    UNIT_CAPTION,
    group_headings,
    headers,
    labels_left,
    pair_context,
    scale_of,
)
from ..types import Figure, Line, Page, Table
from .figure_lemmas import lemma
from .figure_nouns import count_unit
from .figure_numbers import is_year, normalize_spaces
from .figure_text import iter_figures
from .figure_words import looks_like_adjective

# minus signs and dashes that mean "minus" in a table cell
_MINUS = dict.fromkeys(map(ord, "\u2212\u2013"), "-")
_CELL_NUM = re.compile(r"^(?P<sign>[-+])?\s*(?P<n>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(?P<d>\d+))?\s*(?P<unit>%|kr|tkr|mkr|mnkr)?$")
# the scale words of a table's amounts and a money column's header words: ``namndkoll.tables``
# (search says the same unit after a table's values)
_CAPTION = UNIT_CAPTION
_MONEY_HDR = MONEY_HEADER
# a column of the numbers of the notes that explain each row ("Not", "Noter", "Not nr")
_NOTE_HDR = re.compile(r"(?:not|noter|not\s?nr\.?|notnr)", re.IGNORECASE)


def _cell_value(cell: str) -> tuple[float, str | None] | None:
    c = normalize_spaces(cell).translate(_MINUS).strip()
    m = _CELL_NUM.match(c)
    if not m:
        return None
    v = float(m.group("n").replace(" ", "").replace(".", "") + ("." + m.group("d") if m.group("d") else ""))
    return (-v if m.group("sign") == "-" else v), m.group("unit")


def _is_numeric_cell(cell: str) -> bool:
    return _cell_value(cell) is not None or bool(iter_figures_first(cell))


def iter_figures_first(cell: str) -> bool:
    return next(iter_figures(normalize_spaces(cell)), None) is not None


def _headers(rows: list[tuple[str, ...]], width: int) -> tuple[list[str], int]:
    """Column headers as ``tables.headers`` reads them, with this module's cells: its own
    value reading and years 1800-2100."""
    return headers(rows, width, value=_cell_value, year=lambda c: is_year(c.strip()))


def table_figures(page: Page, table: Table, body: str, t_idx: int = 0,
                  hint: tuple[float, str] | None = None, carried: Carried | None = None,
                  *, any_columns: bool = False) -> Iterator[Figure]:
    """The figures of a table's cells, each with the cell's box (the table's where the reader
    kept no cell boxes). ``hint``: the scale the text around says its amounts are in (see
    ``figures.find_figures``), taken by a table of money columns that states none itself.
    ``carried``: the previous page's last headed table (see ``carried_layout``). ``any_columns``:
    the hint holds whatever the columns are headed (the table repeats amounts the text writes in
    that scale)."""
    lay = _layout(page, table, body, hint, carried, any_columns=any_columns)
    if lay is None:
        return
    spans = _cell_spans(table)
    cell_at = {span: ij for ij, span in spans.items()}
    for f in _table_figures_unplaced(page, table, body, spans, lay):
        ij = cell_at.get(f.table_span) if f.table_span else None
        box = table.cell_box(*ij) if ij else None
        yield replace(f, table_index=t_idx, bbox=box or table.bbox)
    for f in _text_row_figures(page, table, body, lay):
        yield replace(f, table_index=t_idx)


# a number in a row of values set as text: "248 789", "-3 950", "+315", "36%", "1,5"
_TOKEN = re.compile(r"[-−–+]?\d+(?:,\d+)?%?")


def _fewest_numbers(tokens: list[str]) -> list[str]:
    """A row's numbers as the text gives them (split at spaces) read as the fewest numbers they
    can be: a token of three digits continues the number before it as its thousands group
    ("231 543"); a signed token, or one of other length, starts a number ("315 -3 950" is 315
    and -3 950). When that reading has one number per value column it is the only reading (any
    other has more numbers than columns); with fewer ("0 -8 700": 0 and -8 700, or 0, -8 and
    700?; "248 789 233 760 228 992" in three columns) only the characters' places on the page
    could tell, which the stored text does not keep."""
    out: list[str] = []
    for t in tokens:
        if out and len(t) == 3 and t.isdigit() and re.fullmatch(r"[-−–+]?\d{1,3}(?: \d{3})*", out[-1]):
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
    return out


def _value_columns(table: Table, valued: list[int]) -> list[tuple[float, float]] | None:
    """The x range of each value column, from the cells' boxes."""
    out = []
    for j in valued:
        boxes = [b for i in range(len(table.rows)) if (b := table.cell_box(i, j))]
        if not boxes:
            return None
        out.append((min(b[0] for b in boxes), max(b[2] for b in boxes)))
    return out


def _text_row_figures(page: Page, table: Table, body: str, lay: _Layout) -> Iterator[Figure]:
    """The rows of a table that its ruling left out, read from the page's text lines: a line
    beside the table, its label in the label column and its last number ending at the right edge
    of the last value column, whose numbers read as one per value column in exactly one way
    ("Årets resultat 315 -3 950 -215 4 177 5 442" under five year columns; "Övriga intäkter 29 160"
    under three columns could be 29 160 or 29 and 160 in any two of them, and is left as text).
    The row belongs to the nearest such table on the page; each figure has the column's box on
    the row's line."""
    if not page.lines or not table.bbox or not lay.valued:
        return
    xs = _value_columns(table, lay.valued)
    if xs is None:
        return
    for ln in page.lines:
        if abs(ln.x1 - xs[-1][1]) > _EDGE or ln.x0 >= xs[0][0] - _EDGE:
            continue
        if _nearest_table(page, ln) is not table:
            continue
        line = normalize_spaces(page.text[ln.start:ln.end])
        words = line.split(" ")
        n = len(words)
        while n > 0 and _TOKEN.fullmatch(words[n - 1]):
            n -= 1
        label = " ".join(words[:n]).strip()
        if not n or not re.search(r"[A-Za-zÅÄÖåäö]", label):
            continue
        numbers = _fewest_numbers(words[n:])
        if len(numbers) != len(lay.valued):
            continue
        pos = ln.start + len(" ".join(words[:n])) + 1
        for (j, (x0, x1)), num in zip(zip(lay.valued, xs, strict=True), numbers, strict=True):
            at = page.text.index(num, pos) if num in page.text[pos:ln.end] else -1
            if at < 0:
                break
            pos = at + len(num)
            if _NOTE_HDR.fullmatch(lay.cols[j].strip()):
                continue
            for f in _cell_figures(None, page, body, num, label, lay.cols[j], lay.scale):
                yield replace(f, start=page.start + at, end=page.start + at + len(num),
                              bbox=(x0, ln.top, x1, ln.bottom))


def _nearest_table(page: Page, ln: Line) -> Table | None:
    """The table on the page whose value columns end where the line ends, nearest above or below it."""
    best, dist = None, float("inf")
    for t in page.tables:
        if not t.bbox or (t.bbox[1] - 1 <= ln.top <= t.bbox[3] + 1):
            continue
        right = max((b[2] for r in t.cells for b in r if b), default=None)
        if right is None or abs(ln.x1 - right) > _EDGE:
            continue
        d = t.bbox[1] - ln.bottom if ln.bottom <= t.bbox[1] else ln.top - t.bbox[3]
        if d < dist:
            best, dist = t, d
    return best


def own_scale(table: Table, body: str) -> tuple[float, str] | None:
    """The scale a table states itself: in its header rows, its title ("Ramar per nämnd, tkr",
    ``Table.caption``), its first two columns, or a caption line on its page ("Belopp i tkr")."""
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return None
    _cols, n_header = _headers(rows, max(len(r) for r in rows))
    everything = " ".join(" ".join(r) for r in rows[:n_header])
    scale = (scale_of(everything) or scale_of(table.caption or "")
             or scale_of(" ".join(c for r in rows for c in r[:2])))
    if scale is None and (cap := _CAPTION.search(body)):
        scale = scale_of(cap.group(0))
    return scale


def header_key(table: Table) -> tuple[str, ...]:
    """A table's column headers with years left out: the same table for another year ("2027"
    over "NÄMND | Ram inkl PKV | …", then "2028" over the same) has the same key; () when the
    table has no header row."""
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return ()
    _cols, n_header = _headers(rows, max(len(r) for r in rows))
    return tuple(c.casefold() for r in rows[:n_header] for c in r if c and not is_year(c))


def money_columns(table: Table) -> bool:
    """Whether at least half of a table's value columns are headed by money words ("Ram inkl
    PKV", "Budget", "Utfall", "Kostnad")."""
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return False
    cols, n_header = _headers(rows, max(len(r) for r in rows))
    valued = [j for j in range(len(cols)) if any(j < len(r) and _cell_value(r[j]) is not None for r in rows[n_header:])]
    money = [j for j in valued if _MONEY_HDR.search(cols[j])]
    return bool(valued) and 2 * len(money) >= len(valued)


class _Layout(NamedTuple):
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
    lay: _Layout


def carried_layout(page: Page, body: str, hints: list[tuple[float, str] | None],
                   carried: Carried | None) -> Carried | None:
    """What the page's lowest table carries to the next page; None when it has no headers.
    ``hints``: each table's scale hint, as ``table_figures`` was given it."""
    tables = [(t, h) for t, h in zip(page.tables, hints, strict=False) if t.bbox]
    if not tables:
        return None
    last, hint = max(tables, key=lambda th: th[0].bbox[3] if th[0].bbox else 0.0)
    lay = _layout(page, last, body, hint, carried)
    if lay is None or not set(lay.valued) & lay.headed:
        return None  # a title spread over the columns from the first ("Överträdelse av …") heads none
    xs = _value_columns(last, lay.valued)
    return Carried(xs, lay) if xs else None


def _layout(page: Page, table: Table, body: str, hint: tuple[float, str] | None,
            carried: Carried | None = None, *, any_columns: bool = False) -> _Layout | None:
    rows = [tuple(" ".join((c or "").split()) for c in r) for r in table.rows]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    cols, n_header = _headers(rows, width)
    table_scale = own_scale(table, body)
    if table_scale is None and hint is not None and (any_columns or money_columns(table)):
        table_scale = hint
    valued = [j for j in range(width) if any(j < len(r) and _cell_value(r[j]) is not None for r in rows[n_header:])]
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
    return _Layout(rows, cols, n_header, valued, headed, table_scale)


def _carried_above(page: Page, table: Table, valued: list[int], carried: Carried | None) -> _Layout | None:
    """The previous page's last headed table, for a table with no table above it on its page
    whose value columns stand where that table's do."""
    if carried is None or not table.bbox or len(carried.columns) != len(valued):
        return None
    if any(t is not table and t.bbox and t.bbox[3] <= table.bbox[1] + 1 for t in page.tables):
        return None
    xs = _value_columns(table, valued)
    if xs is None or not all(_same_column(a, b) for a, b in zip(xs, carried.columns, strict=True)):
        return None
    return carried.lay


def _part_above(page: Page, table: Table, valued: list[int], body: str,
                hint: tuple[float, str] | None, carried: Carried | None = None) -> _Layout | None:
    """The table above this one on the page whose value columns stand where this one's do (the
    same columns, see ``_same_column``), when it has headers for them."""
    xs = _value_columns(table, valued)
    if xs is None or not table.bbox:
        return None
    for t in sorted(page.tables, key=lambda t: -(t.bbox[3] if t.bbox else 0)):
        if t is table or not t.bbox or t.bbox[3] > table.bbox[1] + 1:
            continue
        lay = _layout(page, t, body, hint, carried)
        if lay is None or len(lay.valued) != len(valued):
            continue
        other = _value_columns(t, lay.valued)
        if other and all(_same_column(a, b) for a, b in zip(xs, other, strict=True)) \
                and any(lay.cols[j] for j in lay.valued):
            return lay
        return None  # the nearest table above is another table
    return None


def _same_column(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two value columns' x ranges are one column: overlapping and aligned on one edge
    (within ``_EDGE``). Right-aligned figures share the right edge only: a column of "6", "0"
    under one of "-229 672" starts 30 points further right."""
    return a[0] < b[1] and b[0] < a[1] and (abs(a[0] - b[0]) <= _EDGE or abs(a[1] - b[1]) <= _EDGE)


def _table_figures_unplaced(page: Page, table: Table, body: str, spans: dict[tuple[int, int], tuple[int, int]],
                            lay: _Layout) -> Iterator[Figure]:
    rows, cols, n_header, _valued, headed, table_scale = lay
    notes = _note_columns(rows[n_header:], cols)
    when = caption_date(table.caption)
    # the heading of the group of rows a row stands in ("Anläggningstillgångar", "Budget 2028")
    groups = group_headings(rows, n_header, lambda c: not _plain_text(c))
    for i, row in enumerate(rows[n_header:], n_header):
        at = _row_label(row)
        row_label = row[at] if at is not None else ""
        own = labels_left(row, _plain_text, at)  # a pair beside the first: "… | Alingsås | 69 994"
        doubled = _doubled(row, headed)
        for j, cell in enumerate(row):
            span = spans.get((i, j))
            if not cell or cell == row_label or j in doubled or j in notes:
                continue  # notes: a note's number ("Not | 11"), not an amount
            label = row[own[j]] if j in own else row_label
            # the row label a pair beside it stands under: "Medlemsbidrag 2027 | Alingsås"
            if context := pair_context(rows, i, own.get(j, at), at, _plain_text):
                label = f"{context} | {label}"
            if group := groups.get(i, "").replace(" · ", " | "):
                label = f"{group} | {label}" if label else group
            col_head = cols[j] if j < len(cols) else ""
            # the caption's date names the cell when its row and column name no year ("Arabiska |
            # Antal tolkar | 31 december 2025" under "Tabell 4 … per 31 december 2025")
            dated = when if when and not _YEAR_IN.search(f"{label} {col_head}") else ""
            yield from _cell_figures(span, page, body, cell, label, col_head, table_scale, dated)


def _row_label(row: tuple[str, ...]) -> int | None:
    """Where a row's label stands: its first cell of words without a figure; else, in a row of
    several cells, its first cell of four words or more that holds one ("04 på eller inom ett
    avstånd av 10 m …"); else its first cell when that is a year ("2025 | 312 510 | 99,5%" under
    "År | Antal utförda uppdrag | …"); None when it has none."""
    at = next((j for j, c in enumerate(row) if c and _plain_text(c)), None)
    if at is None and sum(1 for c in row if c) > 1:
        at = next((j for j, c in enumerate(row) if c and _cell_value(c) is None and _worded(c)), None)
    first = next((j for j, c in enumerate(row) if c), None)
    if at is None and first is not None and is_year(row[first].strip()):
        at = first
    return at


def _plain_text(cell: str) -> bool:
    """A cell of words without a figure: a label."""
    return _cell_value(cell) is None and not iter_figures_first(cell)


_MONTH_NAMES = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_CAPTION_DATE = re.compile(rf"(?<!\d)(?:\d{{1,2}}\s+(?:{_MONTH_NAMES})\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?!\d)",
                           re.IGNORECASE)
_CAPTION_YEAR = re.compile(r"(?<![\d-])(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?(?![\d-])")
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def caption_date(caption: str) -> str | None:
    """The date or the one year a table's caption gives its figures ("… per 31 december 2025" ->
    "31 december 2025"; "Tabell 2 Sjukfrånvaro 2025" -> "2025"); None when it gives none, or
    several years (a caption over a table of years)."""
    text = " ".join((caption or "").split())
    m = _CAPTION_DATE.findall(text)
    if len(set(m)) == 1:
        return m[0]
    years = set(_CAPTION_YEAR.findall(text))
    return years.pop() if len(years) == 1 and not m else None


def _note_columns(rows: list[tuple[str, ...]], cols: list[str]) -> set[int]:
    """The columns that number the notes, not values: every column headed "Not" (``_NOTE_HDR``),
    and an unheaded one whose cells are each empty or a small whole number, rising down the
    table ("Verksamhetens intäkter | 1 | 233 760", "Verksamhetens kostnader | 2 | -231 935": the 1
    and 2 are notes, not tkr)."""
    out = set()
    for j in range(max((len(r) for r in rows), default=0)):
        head = (cols[j] if j < len(cols) else "").strip()
        if _NOTE_HDR.fullmatch(head):
            out.add(j)  # headed "Not": its cells are notes, whatever they hold
            continue
        if head:
            continue
        cells = [r[j].strip() for r in rows if j < len(r) and r[j].strip()]
        if len(cells) >= 2 and all(re.fullmatch(r"\d{1,2}", c) for c in cells) \
                and all(int(a) < int(b) for a, b in pairwise(cells)):
            out.add(j)
    return out


def _worded(cell: str) -> bool:
    """Whether a cell is a row's words with a figure inside, not a value: "04 på eller inom ett
    avstånd av 10 m före ett övergångsställe" labels its row's "800 kr"."""
    return len(re.findall(r"[^\W\d_]{2,}", cell)) >= 4


def _cell_figures(span: tuple[int, int] | None, page: Page, body: str, cell: str, label: str, col_head: str,
                  table_scale: tuple[float, str] | None, dated: str = "") -> Iterator[Figure]:
    """The figures of one value cell under its row label and column header (and ``dated``, the
    caption's date, when they name no year)."""
    where = " | ".join(x for x in (label, col_head, dated) if x.strip())
    explicit = list(iter_figures(normalize_spaces(cell)))
    if explicit:
        spaced_minus = len(explicit) == 1 and bool(
            re.match(r"-\s+\d", normalize_spaces(cell).translate(_MINUS).lstrip()))
        for _s, _e, kind, value, unit, qual, per, value_to in explicit:
            if spaced_minus and kind in ("amount", "percent") and value > 0 and value_to is None:
                value = -value  # a cell "- 3,5 mnkr": the cell holds one signed value
            yield _table_figure(span, page, body, cell, label, where, kind, value, unit, qual, per,
                                value_to)
        return
    cv = _cell_value(cell)
    if cv is None:
        return
    value, cell_unit = cv
    heads = f"{col_head} {label}"
    col_scale = scale_of(heads)
    # a share is headed "%", "procent" or "Andel …", not a word that holds "andel"
    # ("Statsandelar", state grants: its thousands of euro were read as -15 151 %;
    # "Andelskapital", capital paid in for shares: 3 212 tkr was read as 3 212 %)
    # ("%" of a rate in the row's label, "Uppräkning med PKV : 3,0%", does not: its cells are amounts)
    if cell_unit == "%" or re.search(r"(?<![\d\s])%|(?<!\d)\s%|procent|(?<![\wåäö])andel(?:en|ar|arna)?(?![\wåäö])",
                                     heads, re.IGNORECASE):
        yield _table_figure(span, page, body, cell, label, where, "percent", value, "%", None, None)
    elif col_scale or table_scale or (cell_unit and cell_unit != "%"):
        mult, currency = col_scale or table_scale or (
            {"tkr": 1e3, "mkr": 1e6, "mnkr": 1e6}.get(cell_unit or "", 1.0), "SEK")
        yield _table_figure(span, page, body, cell, label, where, "amount", value * mult, currency, None, None)
    elif re.search(r"(?<![\wåäö])antal(?![\wåäö])", heads, re.IGNORECASE):
        # "Antal km", "Antal kvm": a row or column of lengths or areas is measured, not counted
        measured = _measured_by(label) or _measured_by(col_head)
        unit = measured or _counted_noun(label, col_head)
        yield _table_figure(span, page, body, cell, label, where, "measure" if measured else "count",
                            value, unit, None, None)
    elif _MONEY_HDR.search(col_head) and re.search(r"\bkr\b|kronor|sek\b", heads, re.IGNORECASE):
        yield _table_figure(span, page, body, cell, label, where, "amount", value, "SEK", None, None)


# how far (PDF points) a header line may stand outside its table's value columns
_EDGE = 6.0


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
        over_values = ln.x0 >= x_lo - _EDGE and ln.x1 <= x_hi + _EDGE
        if over_values and len(words) == len(valued) and all(
                is_year(w) or _cell_value(w) is None and not any(c.isdigit() for c in w) for w in words):
            found.append(words)
            continue
        if ln.x1 <= x_lo - _EDGE or (not found and _cell_value(words[-1]) is not None):
            continue  # the label column's own lines; a row of values the ruling left out
        break
    if not found:
        return {}
    return {j: " | ".join(line[k] for line in reversed(found)) for k, j in enumerate(valued)}


def _doubled(row: tuple[str, ...], headed: set[int]) -> set[int]:
    """The columns of a row that repeat the value beside them as a second drawing of it (a
    PDF's fake bold, or a value the table finder split into two columns: "87,5% | 87,5%" under
    one header "Utfall perioden 2026"): of two equal cells side by side, the one whose column
    has no header of its own. Two equal values under two headers of their own ("Utfall 2024 |
    Budget 2024": "42 296 | 42 296"; "0 | 0") are two figures. ``headed``: the columns with a
    header of their own."""
    out: set[int] = set()
    for j in range(1, len(row)):
        if row[j] and row[j] == row[j - 1] and j - 1 not in out:
            if j not in headed:
                out.add(j)
            elif j - 1 not in headed:
                out.add(j - 1)
    return out


_ANTAL = re.compile(r"(?i)(?<![\wåäö])antal(?![\wåäö])")
# words of a header that name no counted thing: "Totalt antal", "Antal st", "Summa"
_NOT_NOUNS = {"totalt", "total", "totala", "summa", "st", "styck", "stycken", "varav", "inom", "utan",
              "i", "av", "per", "och", "för", "med", "under"}


_BROKEN_WORD = re.compile(r"([a-zåäö])-\s*(?:\|\s*)?(?!(?:och|eller|samt)(?![\wåäö]))([a-zåäö])")


def _counted_noun(label: str, col_head: str) -> str:
    """The lemma of what a cell under an "Antal" header counts: the noun after "antal" in the
    header that says it ("Arabiska | Antal uppdrag" counts uppdrag, not "arabisk"; "Antal utförda
    uppdrag" counts uppdrag, not "utförd"), else the noun before it there ("Anställda lärare |
    Totalt antal"), else the other header's ("Elever | Antal"); "styck" when none says."""
    heads = [h for h in (label, col_head) if _ANTAL.search(h)]
    order: list[str] = []
    for h in heads:
        before, after = _ANTAL.split(h, maxsplit=1)
        order += [after, before]
    order += [h for h in (label, col_head) if h not in heads]
    for text in order:
        # a header word broken over two lines: "översättnings- | uppdrag" (not "Barn- och ungdom")
        text = _BROKEN_WORD.sub(r"\1\2", text)
        words = [w.strip(",.:;()") for w in text.replace("|", " ").split()]
        words = [w for w in words if w and not any(c.isdigit() for c in w) and w.lower() not in _NOT_NOUNS]
        if words:
            noun = next((w for w in words if not looks_like_adjective(w)), words[0])
            return count_unit(lemma(noun))
    return "styck"


_ANTAL_OF = re.compile(r"(?i)(?<![\wåäö])antal\s+(?P<unit>[^\s|]+)")


def _measured_by(head: str) -> str | None:
    """The unit of measure an "Antal …" header names ("Antal km" -> "km"), or None."""
    m = _ANTAL_OF.search(head)
    return measure_unit(m.group("unit").strip(",.:()")) if m else None


def _cell_spans(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) -> the cell's span in ``tables.table_text(table)``."""
    from ..tables import CELL_SEP, clean

    out = {}
    pos = 0
    for i, row in enumerate(table.rows):
        for j, c in enumerate(row):
            n = len(clean(c))
            out[(i, j)] = (pos, pos + n)
            pos += n + len(CELL_SEP)
        pos += 1 - len(CELL_SEP) if row else 1
    return out


def _table_figure(span: tuple[int, int] | None, page: Page, body: str, cell: str, label: str, where: str,
                  kind: str, value: float, unit: str, qualifier: str | None, per: str | None,
                  value_to: float | None = None) -> Figure:
    """A figure read from a table cell: its span is the cell in the page text when the reader
    kept the table's text there, else an empty span at the page start; ``table_span`` is always
    the cell in the stored table's text."""
    from_ = body.find(label) if label else -1
    pos = -1
    if from_ >= 0:
        # the cell as a cell: not the "5,0" of "+5,0 mnkr" in a comment under the table
        # that names the same row, nor the "22,5" of "överskott på 22,5 miljoner kronor" in the
        # text (then its text figure would be dropped as covered): a number the text gives a
        # unit of its own is the text's figure
        cm = re.compile(r"(?<![\w,.+\-−–])" + re.escape(cell) + r"(?![\w,]|\s*(?:(?:[tm]|mn|md)?kr\b|"
                        r"(?:miljon|miljard|milj\.|tusen|kron|procent|euro)))")
        hit = cm.search(body, from_)
        pos = hit.start() if hit else -1
    start = page.start + pos if pos >= 0 else page.start
    end = start + len(cell) if pos >= 0 else page.start
    return Figure(kind, value, unit, f"{where}: {cell}" if where else cell, where,  # type: ignore[arg-type]
                  page.number, start, end, qualifier, per, table=True, table_span=span, value_to=value_to)
