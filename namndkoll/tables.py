"""Reading a table (``types.Table``) as rows of cells with their headers, and its text.

Shared by extract/ (figures read from table cells) and search/ (table rows as passages), which
must not import each other. A table's text is its rows, one per line, cells separated by
" | " (empty cells kept, so a column keeps its place): ``table_text`` is what a cell's span
points into, and what ``namndkoll show`` can print.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .types import Page, Table

CELL_SEP = " | "
_MINUS = str.maketrans({"\u2212": "-", "–": "-", "‒": "-"})
_CELL_NUM = re.compile(r"^(?P<sign>[-+])?\s*(?P<n>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(?P<d>\d+))?\s*(?P<unit>%|kr|tkr|mkr|mnkr)?$")
_SPACES = re.compile(r"[\u00a0\u2009\u202f\u2007]")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str  # the cell as written, whitespace collapsed
    label: str  # the row's header (its first text cell), after its group's heading when it has one
    column: str  # the column's header(s), " | "-joined when stacked
    start: int  # span of the cell in ``table_text(table)``
    end: int


def clean(cell: str | None) -> str:
    return " ".join(_SPACES.sub(" ", cell or "").split())


def cell_value(cell: str) -> tuple[float, str | None] | None:
    """The number a cell holds ("1 049 382", "-3,0", "12 %", "−427") and its unit, or None."""
    return cell_number(clean(cell).translate(_MINUS).strip())


def cell_number(c: str) -> tuple[float, str | None] | None:
    """The number and unit of a cell already cleaned, its minus signs as "-": a sign, digits
    grouped by single spaces or dots ("1 049 382", "1.049.382"), a decimal comma, a unit ("%",
    "kr", "tkr", "mkr", "mnkr"); None for anything else. ``cell_value`` here and
    ``extract.table_layout.cell_value`` clean a cell each their own way and read it with this."""
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


def labels_left(row: Sequence[str], is_label: Callable[[str], bool], first: int | None) -> dict[int, int]:
    """Each value cell's label in a row, {cell: label cell}: the nearest label cell to its left,
    so that a row of two label-value pairs side by side ("Medlemsbidrag 2027 | 90 362 | Alingsås
    | 69 994") names the second value by its own label, not the first; ``first`` (the row's label
    as the caller finds it, None when none) for a value with no label cell left of it.
    ``is_label``: what a label cell is (extract/ and search/ read cells their own way); a cell
    without a word ("-", "–" for nothing) labels nothing."""
    out: dict[int, int] = {}
    last = None
    for j, c in enumerate(row):
        if not c:
            continue
        if j == first or (is_label(c) and _WORD.search(c)):
            last = j
        elif last is not None or first is not None:
            out[j] = last if last is not None else first  # type: ignore[assignment]
    return out


def pair_context(rows: Sequence[Sequence[str]], i: int, label: int | None, first: int | None,
                 is_label: Callable[[str], bool]) -> str:
    """The row label that a label-value pair set beside a row's own stands under: for a value
    labelled by another cell than its row's first label ("Alingsås" in "Medlemsbidrag 2027 |
    90 362 | Alingsås | 69 994"), that first label ("Medlemsbidrag 2027"); for a row whose label
    stands in a later column with nothing left of it, right under a row with a label in that
    column ("| | Vårgårda | 20 367" under the row above), the row above's. '' when none: the
    share of each member then still says which year's contribution it is. ``label``: the value's
    label cell, ``first``: the row's (``labels_left``)."""
    row = rows[i]
    if label is None:
        return ""
    if first is not None and first < label:
        return row[first]
    if label == 0 or any(row[:label]) or i == 0:
        return ""
    above = rows[i - 1]
    if label >= len(above) or not above[label] or not is_label(above[label]):
        return ""
    lead = next((j for j, c in enumerate(above) if c and is_label(c)), None)
    if lead is None or lead >= label:
        return pair_context(rows, i - 1, label, lead, is_label) if lead == label else ""
    return above[lead]


# a row that sums the rows above it ("Summa anläggningstillgångar", "Totalt", "Total kostnad"):
# the end of the group its heading opened
_SUM_ROW = re.compile(r"(?i)(?:summa|sum|totalt?|total)(?![\wåäö])")
GROUP_HEADING_CHARS = 80  # a longer cell alone on its row is text, not a heading


def group_headings(rows: Sequence[Sequence[str]], start: int, is_value: Callable[[str], bool]) -> dict[int, str]:
    """{row: the heading of its group} for the body rows (from ``start``) under a group heading:
    a row whose only cell is a short label ("Anläggningstillgångar", "KOSTNADER", "Budget 2028",
    "Bohusbanan, Strömstad - Göteborg") heads the rows of values below it, so that a cell says
    which group it counts ("Anläggningstillgångar · Inventarier · Bokslut 2025 · 0"). Headings in
    a row stand one under the other ("EGET KAPITAL OCH SKULDER", "Eget kapital") and are said in
    that order. A group ends at its closing row, which belongs to it: a row whose label names the
    group ("Summa omsättningstillgångar", "Kassaflöde från finansieringsverksamheten" under
    "FINANSIERINGSVERKSAMHETEN"; not its first row, "Ackumulerade avskrivningar" right under
    "Avskrivningar") ends it and the groups inside it, a sum ("Summa", "Totalt") the innermost; rows after it belong to the groups around it, or to none ("SUMMA TILLGÅNGAR"),
    and a heading after it opens a group beside it ("Skulder" after "Summa eget kapital", both
    under "EGET KAPITAL OCH SKULDER"). A heading after rows of a group that did not close takes
    its place. A label on a row of its own that continues on the next row (the next row's label
    starts in lower case, "Medel från verksamheten före förändring" over "av rörelsekapital") or
    ends in a hyphen or a comma is the first line of that label, no heading; a heading with no
    row of values under it heads nothing. A heading the row's own label already says is left
    out. ``is_value``: what a value cell is (extract/ and search/ read cells their own way)."""
    out: dict[int, str] = {}
    heads: list[str] = []
    last = "values"  # what the row above was: "heading", "values" or "closed" (a group's end)
    for i in range(start, len(rows)):
        row = [c or "" for c in rows[i]]
        filled = [c for c in row if c]
        if not filled:
            continue
        values = [c for c in filled if is_value(c)]
        if len(filled) == 1 and not values and _heading_text(filled[0]) and not _continued_by(rows, i):
            if last == "values" and heads:
                heads.pop()  # the group before it did not close: this one takes its place
            heads.append(filled[0])
            last = "heading"
            continue
        if not values:
            continue
        label = next((c for c in row if c and not is_value(c)), "").casefold()
        said = [h for h in heads if h.casefold() not in label]
        if heads and said:
            out[i] = " · ".join(said)
        named = next((k for k, h in enumerate(heads) if h.casefold() in label), None)
        if named is not None and last == "heading" and named == len(heads) - 1:
            last = "values"  # the group's first row names it ("Ackumulerade avskrivningar"): no end yet
        elif named is not None:
            del heads[named:]
            last = "closed"
        elif heads and _SUM_ROW.match(label):
            heads.pop()
            last = "closed"
        elif last != "closed":
            last = "values"
    return out


def _heading_text(cell: str) -> bool:
    text = cell.strip()
    return (bool(_WORD.search(text)) and len(text) <= GROUP_HEADING_CHARS
            and not text.endswith(("-", ",", ".", ";")) and not text[:1].islower())


def _continued_by(rows: Sequence[Sequence[str]], i: int) -> bool:
    """Whether the row under row ``i`` continues its one cell: its first cell starts in lower case."""
    if i + 1 >= len(rows):
        return True  # nothing under it to head
    nxt = next((c.strip() for c in rows[i + 1] if c and c.strip()), "")
    return nxt[:1].islower()


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
    groups = group_headings(rows, n_header, lambda c: cell_value(c) is not None)
    for i in range(n_header, len(rows)):
        row = rows[i]
        first = next((j for j, c in enumerate(row) if c and cell_value(c) is None), None)
        own = labels_left(row, lambda c: cell_value(c) is None, first)
        group = groups.get(i)
        cells = [Cell(i, j, c, " · ".join(x for x in (group, _pair_label(rows, i, own.get(j), first)) if x),
                      cols[j] if j < len(cols) else "", offsets[i][j], offsets[i][j] + len(c))
                 for j, c in enumerate(row) if c and j != first and cell_value(c) is not None]
        if cells:
            out.append(cells)
    return out


def _pair_label(rows: list[tuple[str, ...]], i: int, label: int | None, first: int | None) -> str:
    """A value cell's row header: its label, after the row label of its pair (``pair_context``)."""
    if label is None:
        return ""
    context = pair_context(rows, i, label, first, lambda c: cell_value(c) is None)
    return f"{context} · {rows[i][label]}" if context else rows[i][label]


def scale_words(table: Table) -> str | None:
    """The unit the whole table is given in, when its header says (tkr, mkr, mnkr, %)."""
    head = " ".join(clean(c) for r in table.rows[:3] for c in r).casefold()
    m = re.search(r"(?<![\wåäö])(tkr|tusentals kronor|mkr|mnkr|miljoner kronor|mdkr|procent|%)(?![\wåäö])", head)
    return m.group(1) if m else None


# thousands and millions of euro, as a Finland-Swedish or EU table heads them: "1000€",
# "1 000 €", "tEUR", "t€", "k€", "tusen euro"; "MEUR", "m€", "miljoner euro"
_T_EUR = r"1\s?000\s?(?:€|eur|euro)|t€|teur|k€|keur|tusen(?:tals)? euro"
_M_EUR = r"m€|meur|mn€|miljoner euro"
# (header words, the multiplier, the currency) of a column or table whose cells are scaled amounts
SCALE_HEADERS = (
    (re.compile(r"(?<![\wåäö])(?:tkr|t\s?kr|tsek|ksek|tusentals kronor|tusen kronor)(?![\wåäö])", re.IGNORECASE), 1e3,
     "SEK"),
    (re.compile(r"(?<![\wåäö])(?:mkr|mnkr|mn\s?kr|msek|miljoner kronor|mkr\.)(?![\wåäö])", re.IGNORECASE), 1e6, "SEK"),
    (re.compile(r"(?<![\wåäö])(?:mdkr|mdr\s?kr|miljarder kronor)(?![\wåäö])", re.IGNORECASE), 1e9, "SEK"),
    (re.compile(rf"(?<![\wåäö\d])(?:{_T_EUR})(?![\wåäö])", re.IGNORECASE), 1e3, "EUR"),
    (re.compile(rf"(?<![\wåäö\d])(?:{_M_EUR})(?![\wåäö])", re.IGNORECASE), 1e6, "EUR"),
)
# a line of a page that states the unit of a table's amounts ("Belopp i tkr", "(mnkr)")
UNIT_CAPTION = re.compile(rf"(?im)^\s*(?:belopp\s+i\s+|\()?(tkr|mkr|mnkr|tusentals kronor|miljoner kronor|{_T_EUR}|{_M_EUR})"
                          rf"\)?\s*$|belopp\s+i\s+(tkr|mkr|mnkr|{_T_EUR}|{_M_EUR})")
# the header words of a column of amounts
MONEY_HEADER = re.compile(r"kostnad|belopp|budget|utfall|intäkt|prognos|avvikelse|bokslut|resultat|anslag|"
                          r"kr\b|kronor|sek\b|ram\b|netto|lön", re.IGNORECASE)


def scale_of(text: str) -> tuple[float, str] | None:
    """(multiplier, currency) of a header or caption that scales its cells: "tkr" (1e3, SEK),
    "1000€" (1e3, EUR)."""
    for rx, mult, currency in SCALE_HEADERS:
        if rx.search(text):
            return mult, currency
    return None


def _scale_word(text: str) -> str | None:
    """The scale word ``text`` states ("Belopp i Tkr" -> "tkr"), as written, lower case."""
    for rx, _mult, _currency in SCALE_HEADERS:
        if m := rx.search(text):
            return " ".join(m.group(0).casefold().split())
    return None


# an amount the running text writes with its currency: "(6 000 tkr)", "19,5 miljoner kronor", "500 kr"
_TEXT_AMOUNT = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?\s*(?P<unit>t\s?kr|tusen(?:tals)? kronor|"
                          r"mn\s?kr|mkr|miljoner kronor|mdkr|miljarder kronor|kr|kronor|sek)(?![\wåäö])", re.IGNORECASE)


def _text_scale(text: str) -> str | None:
    """The scale word of the amounts a page's text writes, when all of them are in one scale
    above kronor ("Ingaredsskolan (6 000 tkr)", "(4 000 tkr)"); None when it writes none, or
    amounts in several scales or in plain kronor (``extract.figures``' reading of the page)."""
    words = {m.group("unit") for m in _TEXT_AMOUNT.finditer(text)}
    scales = {scale_of(w) for w in words}
    if len(scales) != 1 or None in scales:
        return None
    return min(" ".join(w.casefold().split()) for w in words)


def header_key(table: Table) -> tuple[str, ...]:
    """A table's header cells with years left out: the same table for another year ("2027"
    over "NÄMND | Ram inkl PKV | …", then "2028" over the same) has the same key; () when the
    table has no header row."""
    rows = [tuple(clean(c) for c in r) for r in table.rows]
    if len(rows) < 2:
        return ()
    _cols, n = headers(rows, max(len(r) for r in rows))
    return tuple(c.casefold() for r in rows[:n] for c in r if c and not is_year(c))


def _money_columns(table: Table) -> bool:
    """Whether at least half of a table's value columns are headed by money words."""
    rows = [tuple(clean(c) for c in r) for r in table.rows]
    if len(rows) < 2:
        return False
    cols, n = headers(rows, max(len(r) for r in rows))
    valued = [j for j in range(len(cols)) if any(j < len(r) and cell_value(r[j]) is not None for r in rows[n:])]
    return bool(valued) and 2 * sum(1 for j in valued if MONEY_HEADER.search(cols[j])) >= len(valued)


def table_units(pages: Sequence[Page]) -> dict[tuple[int, int], str]:
    """{(page number, table index): the unit its amounts are in}, for the tables that state one
    or that the figures read in one (``extract.figure_tables``): said in its header rows
    (``scale_words``), its caption, its first two columns ("Belopp i tkr" over the labels) or a
    line of its page that states only the unit ("Belopp i tkr"); else, for a table of money
    columns ("Ram inkl PKV", "Budget"), the scale of the same table on an earlier page (the
    frames of 2028 under the same header as 2027's) or the one scale all amounts of its page's
    text are written in ("Ingaredsskolan (6 000 tkr)"). A table row's passage says the unit after
    each value, as the figure read from the cell has it."""
    out: dict[tuple[int, int], str] = {}
    layouts: dict[tuple[str, ...], str] = {}
    for page in pages:
        text = _SPACES.sub(" ", page.text)
        caption = UNIT_CAPTION.search(text)
        page_scale = _text_scale(text)
        for t_idx, table in enumerate(page.tables):
            own = (scale_words(table) or _scale_word(table.caption or "")
                   or _scale_word(" ".join(clean(c) for r in table.rows for c in r[:2]))
                   or (_scale_word(caption.group(0)) if caption else None))
            key = header_key(table)
            unit = own
            if unit is None and _money_columns(table):
                unit = (layouts.get(key) if key else None) or page_scale
            if unit:
                out[(page.number, t_idx)] = unit
                if key:
                    layouts.setdefault(key, unit)
    return out


# how far (PDF points) the edges of one column may differ between two tables
_COLUMN_EDGE = 6.0


def _value_columns(table: Table) -> tuple[list[int], list[str], set[int], list[tuple[float, float]] | None]:
    """(value columns, column headers, columns with a header cell of their own, the value
    columns' x ranges from the cells' boxes, None where a column has none)."""
    rows = [tuple(clean(c) for c in r) for r in table.rows]
    width = max((len(r) for r in rows), default=0)
    cols, n = headers(rows, width)
    valued = [j for j in range(width) if any(j < len(r) and cell_value(r[j]) is not None for r in rows[n:])]
    headed = {j for j in range(width) if any(j < len(r) and r[j] for r in rows[:n])}
    xs: list[tuple[float, float]] | None = []
    for j in valued:
        boxes = [b for i in range(len(rows)) if (b := table.cell_box(i, j))]
        if not boxes:
            xs = None
            break
        xs.append((min(b[0] for b in boxes), max(b[2] for b in boxes)))  # type: ignore[union-attr]
    return valued, cols, headed, xs


def _same_columns(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    """Value columns that stand in the same places: each pair overlapping and aligned on one
    edge (right-aligned figures share only the right edge: "6" under "-229 672")."""
    return len(a) == len(b) and all(
        p[0] < q[1] and q[0] < p[1] and (abs(p[0] - q[0]) <= _COLUMN_EDGE or abs(p[1] - q[1]) <= _COLUMN_EDGE)
        for p, q in zip(a, b, strict=True))


def carried_headers(pages: Sequence[Page]) -> dict[tuple[int, int], tuple[dict[int, str], str | None]]:
    """The column headers and unit a table without headers of its own takes from the table
    before it: the nearest table above it on its page, or, for the first table of a page, the
    last table of the page before, when that one has headers (its own or taken so) over value
    columns that stand where this one's do. An annual report's notes are one table each and only
    the first is headed "Bokslut 2025 | Bokslut 2024" over "(tkr)"; the others' rows name no year.
    {(page number, table index): ({column: header}, unit)}; tables that keep their own, absent."""
    out: dict[tuple[int, int], tuple[dict[int, str], str | None]] = {}
    last: tuple[list[tuple[float, float]], list[str], str | None] | None = None  # xs, headers, unit
    for page in pages:
        order = sorted((t for t in enumerate(page.tables) if t[1].bbox),
                       key=lambda t: t[1].bbox[1] if t[1].bbox else 0.0)
        if not order:
            last = None
        for t_idx, table in order:
            valued, cols, headed, xs = _value_columns(table)
            if not valued or xs is None:
                last = None
            elif headed & set(valued):
                heads = [cols[j] for j in valued]
                last = (xs, heads, scale_words(table)) if any(heads) else None
            elif last and _same_columns(xs, last[0]):
                unit = scale_words(table) or last[2]
                out[(page.number, t_idx)] = (dict(zip(valued, last[1], strict=True)), unit)
                last = (xs, last[1], unit)
            else:
                last = None
    return out
