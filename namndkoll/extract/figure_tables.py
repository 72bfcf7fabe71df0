"""Figures in a page's tables (``Page.tables``), read cell by cell with their row and column
headers; a "tkr"/"(mkr)" header or caption scales the cells (the headers, value columns and
scale are read in ``table_layout``). Each figure carries its cell's box and its span in the
stored table's text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from ..measures import measure_unit
from ..tables import (
    MONEY_HEADER,
    group_headings,
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
from .table_layout import (
    EDGE,
    MINUS,
    Carried,
    Layout,
    carried_layout,
    cell_value,
    header_key,
    layout_of,
    money_columns,
    own_scale,
    value_columns,
)

# the table's layout (table_layout.py) stays importable from here, as figures.py imports it
__all__ = [
    "Carried",
    "caption_date",
    "carried_layout",
    "header_key",
    "iter_figures_first",
    "money_columns",
    "own_scale",
    "scale_of",
    "table_figures",
]


# a column of the numbers of the notes that explain each row ("Not", "Noter", "Not nr")
_NOTE_HDR = re.compile(r"(?:not|noter|not\s?nr\.?|notnr)", re.IGNORECASE)


def _is_numeric_cell(cell: str) -> bool:
    return cell_value(cell) is not None or bool(iter_figures_first(cell))


def iter_figures_first(cell: str) -> bool:
    return next(iter_figures(normalize_spaces(cell)), None) is not None


def table_figures(page: Page, table: Table, body: str, t_idx: int = 0,
                  hint: tuple[float, str] | None = None, carried: Carried | None = None,
                  *, any_columns: bool = False) -> Iterator[Figure]:
    """The figures of a table's cells, each with the cell's box (the table's where the reader
    kept no cell boxes). ``hint``: the scale the text around says its amounts are in (see
    ``figures.find_figures``), taken by a table of money columns that states none itself.
    ``carried``: the previous page's last headed table (see ``carried_layout``). ``any_columns``:
    the hint holds whatever the columns are headed (the table repeats amounts the text writes in
    that scale)."""
    lay = layout_of(page, table, body, hint, carried, any_columns=any_columns)
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


def _text_row_figures(page: Page, table: Table, body: str, lay: Layout) -> Iterator[Figure]:
    """The rows of a table that its ruling left out, read from the page's text lines: a line
    beside the table, its label in the label column and its last number ending at the right edge
    of the last value column, whose numbers read as one per value column in exactly one way
    ("Årets resultat 315 -3 950 -215 4 177 5 442" under five year columns; "Övriga intäkter 29 160"
    under three columns could be 29 160 or 29 and 160 in any two of them, and is left as text).
    The row belongs to the nearest such table on the page; each figure has the column's box on
    the row's line."""
    if not page.lines or not table.bbox or not lay.valued:
        return
    xs = value_columns(table, lay.valued)
    if xs is None:
        return
    for ln in page.lines:
        if abs(ln.x1 - xs[-1][1]) > EDGE or ln.x0 >= xs[0][0] - EDGE:
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
        if right is None or abs(ln.x1 - right) > EDGE:
            continue
        d = t.bbox[1] - ln.bottom if ln.bottom <= t.bbox[1] else ln.top - t.bbox[3]
        if d < dist:
            best, dist = t, d
    return best


def _table_figures_unplaced(page: Page, table: Table, body: str, spans: dict[tuple[int, int], tuple[int, int]],
                            lay: Layout) -> Iterator[Figure]:
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
        at = next((j for j, c in enumerate(row) if c and cell_value(c) is None and _worded(c)), None)
    first = next((j for j, c in enumerate(row) if c), None)
    if at is None and first is not None and is_year(row[first].strip()):
        at = first
    return at


def _plain_text(cell: str) -> bool:
    """A cell of words without a figure: a label."""
    return cell_value(cell) is None and not iter_figures_first(cell)


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
            re.match(r"-\s+\d", normalize_spaces(cell).translate(MINUS).lstrip()))
        for _s, _e, kind, value, unit, qual, per, value_to in explicit:
            if spaced_minus and kind in ("amount", "percent") and value > 0 and value_to is None:
                value = -value  # a cell "- 3,5 mnkr": the cell holds one signed value
            yield _table_figure(span, page, body, cell, label, where, kind, value, unit, qual, per,
                                value_to)
        return
    cv = cell_value(cell)
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
    elif MONEY_HEADER.search(col_head) and re.search(r"\bkr\b|kronor|sek\b", heads, re.IGNORECASE):
        yield _table_figure(span, page, body, cell, label, where, "amount", value, "SEK", None, None)


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
