"""Tables on a page: pdfplumber's table finder (precise but slow; ``pdf.py`` runs it only on
the pages that look like tables), the tables of right-aligned figures ``aligned_tables.py``
reads beside it, and the body text without what the tables hold."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from itertools import pairwise

from ..tables import body_cells
from ..types import Table
from .aligned_tables import ALIGNED_X_TOLERANCE, Box, aligned_tables, joined_lines, word_lines
from .layout import RawLine, clean_text

_NUMCELL = re.compile(r"^[-−–+]?\(?\d[\d  ,.]*\)?\s*%?$")


def count_paths(page: object, pdfium_c: object, limit: int = 6) -> int:
    """Vector paths (ruling lines, boxes) on the page, counted up to ``limit``."""
    raw = page.raw  # type: ignore[attr-defined]
    n = 0
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):  # type: ignore[attr-defined]
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, i)) == pdfium_c.FPDF_PAGEOBJ_PATH:  # type: ignore[attr-defined]
            n += 1
            if n >= limit:
                break
    return n


def find_tables(plumber_pdf: object, index: int, number: int, ruled: bool) -> list[Table]:
    page = plumber_pdf.pages[index]  # type: ignore[attr-defined]
    settings = {} if ruled else {"vertical_strategy": "text", "horizontal_strategy": "text",
                                 "min_words_vertical": 3, "min_words_horizontal": 2}
    out = []
    words: list[dict[str, object]] | None = None
    found = [_grid(t) for t in page.find_tables(table_settings=settings)]
    if ruled:
        found = [_split_lines(page, g) for g in _join_stripes(page, [_caption_apart(g) for g in found])]
    for texts, boxes, bbox, t in found:
        texts, boxes, bbox, caption = _without_caption(texts, boxes, bbox)
        if ruled:
            texts, boxes = _continued(*_wrapped_heads(*_spans_placed(texts, boxes)))
        kept = [(r, b) for r, b in zip(texts, boxes, strict=True) if any(r)]
        rows = tuple(r for r, _ in kept)
        cells: tuple[tuple[tuple[float, float, float, float] | None, ...], ...] = ()
        if rows:  # merged cells leave columns that are empty in every row: drop them
            width = max(len(r) for r in rows)
            keep = [i for i in range(width) if any(i < len(r) and r[i] for r in rows)]
            rows = tuple(tuple(r[i] if i < len(r) else "" for i in keep) for r in rows)
            cells = tuple(tuple(b[i] if i < len(b) else None for i in keep) for _, b in kept)
            if ruled:
                rows, cells = _without_twins(rows, cells)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        if not ruled and not any(_NUMCELL.match(c) for r in rows for c in r if c):
            continue  # text strategy on prose: not a table
        if _prose(rows) or _bar_labels(rows):
            continue
        if not ruled:
            words = page.extract_words() if words is None else words
            if _cuts_words(t, words):
                continue
        x0, top, x1, bottom = bbox
        out.append(Table(number, rows, (x0, top, x1, bottom), cells, caption))
    if _monospaced(page):  # its letters, not its columns, align: its figures stay text
        return out
    # words split at any gap wider than a point and a half: a thousands group set apart by a thin
    # gap and no space character ("152 804") is two words here, one for pdfplumber's default
    return _with_aligned(out, aligned_tables(page.extract_words(x_tolerance=ALIGNED_X_TOLERANCE), number))


def _monospaced(page: object) -> bool:
    """Whether most of the page's letters are set in a monospaced font (Courier, "… Mono"): a
    report printed as plain text, whose every line stands on one grid of letters."""
    chars = page.chars  # type: ignore[attr-defined]
    mono = sum(1 for ch in chars if re.search(r"mono|courier", str(ch.get("fontname", "")), re.IGNORECASE))
    return bool(chars) and mono * 2 > len(chars)


def _with_aligned(found: list[Table], aligned: list[Table]) -> list[Table]:
    """The tables found, each block of right-aligned figures read by ``aligned_tables`` in place
    of the tables it overlaps when it reads more value cells than they do together (the finder
    read a part of it, or cut its numbers apart), or added when it overlaps none."""
    out = list(found)
    for a in aligned:
        over = [t for t in out if t.bbox and a.bbox and t.bbox[1] < a.bbox[3] and a.bbox[1] < t.bbox[3]
                and t.bbox[0] < a.bbox[2] and a.bbox[0] < t.bbox[2]]
        if sum(len(c) for c in body_cells(a)) > sum(len(c) for t in over for c in body_cells(t)):
            out = [t for t in out if t not in over] + [a]
    return sorted(out, key=lambda t: (t.bbox or (0.0, 0.0))[1])


def _continued(texts: list[tuple[str, ...]], boxes: list[tuple[Box | None, ...]]
               ) -> tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]]]:
    """Rows joined with the lines that continue their labels: a label of two lines ("Allvarlig"
    over "arbetsolycka" beside a "0" drawn across both) is read by the ruling as two rows, the
    second without the cells that span it (pdfplumber draws no box there). A row whose only text
    stands under the label of a row of values whose figures all span it, no wider than the label's
    cell, is the label's next line ("Allvarlig arbetsolycka | 0"); not a caption ("Tabell 4 …") or
    a heading across the row, not under a row without figures (a heading of several lines, a row
    of a timeline: what stands under it may be the next entry), and not the lines of a comment
    column, left as they were read."""
    rows: list[list[str]] = []
    out_boxes: list[tuple[Box | None, ...]] = []
    for r, (row, bx) in enumerate(zip(texts, boxes, strict=True)):
        if rows and bx and len(bx) == len(row) and len(boxes[r - 1]) == len(row) == len(rows[-1]):
            above = rows[-1]
            label = next((j for j, c in enumerate(above) if c), None)
            figures = [j for j, c in enumerate(above) if c and _NUMCELL.match(c)]
            mine = [j for j, c in enumerate(row) if c]
            if (figures and label not in figures and mine == [label] and all(bx[j] is None for j in figures)
                    and not any(_NUMCELL.match(row[j]) or _CAPTION.match(row[j]) for j in mine)
                    and all(_within(bx[j], out_boxes[-1][j]) for j in mine)):
                rows[-1] = [f"{a} {c}".strip() if c else a for a, c in zip(above, row, strict=True)]
                continue
        rows.append(list(row))
        out_boxes.append(bx)
    return [tuple(r) for r in rows], out_boxes


def _wrapped_heads(texts: list[tuple[str, ...]], boxes: list[tuple[Box | None, ...]]
                   ) -> tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]]]:
    """Header rows joined with the lines their cells wrap onto. A header cell of two lines
    ("Antal" over "uppdrag", "Sjukvårds-" over "auktoriserade" over "tolkar") is read by the
    ruling as two rows when the line break splits its box: the row under it then holds text
    only in boxes right under text of the row above, as wide as theirs, while the row above's
    other headed cells, or where every head has two lines the empty gutters between them, are
    drawn across both (no box of their own below). Such a row, above the
    first row that holds a value, is the next line of the cells above it ("Antal uppdrag",
    "Sjukvårdsauktoriserade tolkar", "Avvik" over "else" as "Avvikelse": ``joined_lines``; an
    empty band between the lines, a ruling's, is no row); a row of its own boxes (a timeline's
    "År 2026" under "Datum"), one under an empty cell (a lower level of a spanning header: "Utfall" under
    "Period"), and the rows of a table without values (a timeline's entries, a legend's levels)
    stay rows."""
    valued = [i for i, r in enumerate(texts) if any(_NUMCELL.match(c) and not _YEARS.fullmatch(c) for c in r if c)]
    if not valued:
        return texts, boxes  # a table of text (a timeline, a legend): its rows are its entries
    rows: list[list[str]] = []
    out_boxes: list[list[Box | None]] = []
    for i, (row, bx) in enumerate(zip(texts, boxes, strict=True)):
        if i < valued[0] and not any(row):
            continue  # a header row's empty band (a ruling line between its lines): no row
        if rows and i < valued[0] and len(bx) == len(row) == len(rows[-1]) == len(out_boxes[-1]):
            above, abx = rows[-1], out_boxes[-1]
            mine = [j for j, c in enumerate(row) if c]
            spanning = [j for j, c in enumerate(above) if c and j not in mine]
            # or, where every head has two lines, the empty cells drawn across both (the gutters);
            # not a title's lines, one cell drawn over the columns (as wide as no body cell)
            drawn = [j for j, c in enumerate(above) if not c and j not in mine and abx[j] is not None and bx[j] is None]
            if drawn and len(mine) == 1 and not any(
                    len(b) == len(bx) and _same_width(b[mine[0]], abx[mine[0]]) for b in boxes[valued[0]:]):
                drawn = []
            if mine and (spanning or drawn) and all(above[j] and _right_under(bx[j], abx[j]) for j in mine) \
                    and all(bx[j] is None for j in spanning):
                for j in mine:
                    rows[-1][j] = joined_lines(above[j], row[j])
                    a, b = abx[j], bx[j]
                    out_boxes[-1][j] = (a[0], a[1], a[2], b[3]) if a and b else a
                continue
        rows.append(list(row))
        out_boxes.append(list(bx))
    return [tuple(r) for r in rows], [tuple(b) for b in out_boxes]


def _spans_placed(texts: list[tuple[str, ...]], boxes: list[tuple[Box | None, ...]]
                  ) -> tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]]]:
    """A ruled table's merged cells in the column their text stands over. pdfplumber gives a
    cell that its ruling draws across several of the grid's columns (a header over a value
    column and the gutters beside it, each "0" of a row whose label takes two lines) in the
    first of them, while the rows of cells of their own give their figures in the column they
    stand in: Intraservice's "Kommuninterna / bidrag" row's zeros came one column left of the
    other rows' figures and were named by the wrong headers. A merged cell whose span holds
    exactly one column that other rows fill with cells of their own, empty in its row, moves
    there; a header over several such columns ("Period" over "Utfall", "Budget", …) stays."""
    full = next((r for r in boxes if r and all(r)), None)
    if full is None or len(boxes) != len(texts):
        return texts, boxes
    cols = [(b[0], b[2]) for b in full if b]

    def span(box: Box) -> list[int]:
        return [k for k, (x0, x1) in enumerate(cols) if x0 >= box[0] - 1 and x1 <= box[2] + 1]

    own = {j for row, bx in zip(texts, boxes, strict=True) for j, c in enumerate(row)
           if c and j < len(bx) and bx[j] and span(bx[j]) == [j]}  # type: ignore[arg-type]
    out_t: list[tuple[str, ...]] = []
    out_b: list[tuple[Box | None, ...]] = []
    for row, bx in zip(texts, boxes, strict=True):
        r, b = list(row), list(bx)
        for j, c in enumerate(row):
            box = bx[j] if j < len(bx) else None
            if not c or box is None or j in own or len(r) != len(b):
                continue
            targets = [k for k in span(box) if k in own]
            if len(targets) == 1 and targets[0] != j and not r[targets[0]]:
                k = targets[0]
                r[k], r[j], b[k], b[j] = c, "", box, None
        out_t.append(tuple(r))
        out_b.append(tuple(b))
    return out_t, out_b


def _right_under(box: Box | None, above: Box | None) -> bool:
    """Whether ``box`` starts where ``above`` ends, as wide as it (one cell cut by a line break)."""
    return box is not None and above is not None and abs(box[0] - above[0]) <= 1 and abs(box[2] - above[2]) <= 1 \
        and abs(box[1] - above[3]) <= 1


def _same_width(box: Box | None, other: Box | None) -> bool:
    """Whether two cells stand over the same x range (a point's slack)."""
    return box is not None and other is not None and abs(box[0] - other[0]) <= 1 and abs(box[2] - other[2]) <= 1


def _within(box: Box | None, above: Box | None) -> bool:
    """Whether a cell is no wider than the cell above it: a heading drawn across the row
    ("Kinnekullebanan, Gårdsjö-Håkantorp" over every column) starts something new."""
    return box is not None and above is not None and box[2] <= above[2] + 1


# a table's caption: "Tabell 7 Faktisk arbetad tid omvandlat till årsarbetare (åa)", "Figur 12 …"
_CAPTION = re.compile(r"^(?:Tabell|Tab\.|Figur|Diagram|Bild)\s+\d+\b")


def _without_caption(texts: list[tuple[str, ...]], boxes: list[tuple[Box | None, ...]], bbox: Box
                     ) -> tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]], Box, str]:
    """A table without the caption its ruling drew in as its last row (one cell: "Tabell 7 …"),
    and that caption ('' when none): the caption is text about the table, left in the page body
    where it is read and found, kept as the table's caption, and no row whose empty other cells
    would make an empty first column of row labels."""
    k = _caption_rows(texts)
    if not k or len(texts) - k < 2:
        return texts, boxes, bbox, ""
    top = min((b[1] for b in boxes[-k] if b), default=None) if len(boxes) == len(texts) else None
    if top is None:
        return texts, boxes, bbox, ""
    caption = " ".join(c for r in texts[-k:] for c in r if c)
    return texts[:-k], boxes[:-k], (bbox[0], bbox[1], bbox[2], top), caption


CAPTION_LINES = 3  # the most lines a caption drawn in as a table's last rows may take


def _caption_rows(texts: list[tuple[str, ...]]) -> int:
    """How many of a table's last rows are a caption its ruling drew in: a row of one cell
    starting "Tabell 4 …" and the rows of one cell that continue it ("31 december 2025."), up
    to ``CAPTION_LINES`` in all; 0 when the table does not end on one."""
    for k in range(1, min(CAPTION_LINES, len(texts)) + 1):
        filled = [c for c in texts[-k] if c]
        if len(filled) != 1:
            return 0
        if _CAPTION.match(filled[0]):
            return k
    return 0


# a numbered table caption: "Tabell 3. Antal årsarbetare", "Tab. 2 …" (a "Figur" line is a chart's)
_TABLE_CAPTION = re.compile(r"^(?:Tabell|Tab\.)\s*\d+\b")
CAPTION_MAX_CHARS = 160  # a longer line is prose, not a title


def with_captions(tables: list[Table], lines: list[RawLine], height: float) -> list[Table]:
    """The tables with the title the page sets for each (``Table.caption``), so that a row's
    passage can say what its numbers count ("Antal årsarbetare · Socialförvaltningen · 2025 ·
    412"). A table's title is, in this order: the caption its ruling drew in as a row (kept by
    ``find_tables``); a numbered caption line ("Tabell 3 …", "Tab. 3 …") right under or right over
    the table, at most two of its line heights away; or a heading right above it, at most one and a
    half of its line heights away: a short line that is not a sentence, set larger or bolder than
    the table's own text (a title in bold over a plain table, a slide's title over its table), with
    the line of the same font right above it when the heading wraps, or in any font when it stands
    apart from the text above it, a paragraph of one line. A line of several cells (a header row
    the finder left out) is no title. The caption stays in the page body too."""
    out = []
    for t in tables:
        if t.caption or not t.bbox:
            out.append(t)
            continue
        x0, _, x1, _ = t.bbox
        ytop, ybot = height - t.bbox[1], height - t.bbox[3]
        beside = [ln for ln in lines if ln.x1 > x0 and ln.x0 < x1 and not ybot - 1 <= (ln.top + ln.bottom) / 2 <= ytop + 1]
        above = sorted((ln for ln in beside if ln.bottom >= ytop - 2), key=lambda ln: ln.bottom)
        below = sorted((ln for ln in beside if ln.top <= ybot + 2), key=lambda ln: -ln.top)
        near = [(ln, ybot - ln.top) for ln in below[:1]] + [(ln, ln.bottom - ytop) for ln in above[:1]]
        caption = next((ln.text() for ln, gap in near
                        if _TABLE_CAPTION.match(ln.text()) and gap <= 2 * _height(ln)), "")
        if not caption and above and above[0].bottom - ytop <= 1.5 * _height(above[0]):
            inside = [ln for ln in lines if ybot - 1 <= (ln.top + ln.bottom) / 2 <= ytop + 1 and ln.x1 > x0 and ln.x0 < x1]
            head = [above[0]]
            if len(above) > 1 and above[1].font() == above[0].font() and above[1].bottom - above[0].top <= 0.8 * _height(above[0]):
                head.insert(0, above[1])
            text = " ".join(ln.text() for ln in head)
            if any(c.isalpha() for c in text) and all(_heading_over(ln, inside) for ln in head):
                caption = text
            elif _alone_over(above[0], above[1:2]):
                caption = above[0].text()
        out.append(dataclasses.replace(t, caption=clean_text(caption).strip()) if caption else t)
    return out


def _height(ln: RawLine) -> float:
    return max(ln.top - ln.bottom, 1.0)


def _alone_over(ln: RawLine, before: list[RawLine]) -> bool:
    """Whether a line set in the text's own font is a title: a short line, not a sentence or a
    list item, holding no figure but a year, that stands apart from the text above it (a paragraph of one line: "Nuvarande
    avgifter för tillsyn" over its table; the last line of a paragraph is no title)."""
    text = ln.text()
    if (not text or len(text) > CAPTION_MAX_CHARS or text.endswith((".", ",", ";")) or not text[0].isupper()
            or any(_FIGURE.fullmatch(w.strip("():")) and not _YEARS.fullmatch(w.strip("():")) for w in text.split())):
        return False  # a sentence's end, a list item, a row of values or a chart's label
    return not before or before[0].bottom - ln.top >= 0.5 * _height(ln)


_FIGURE = re.compile(r"[-−–+]?\d[\d,.%/-]*")
_YEARS = re.compile(r"(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?")


def _heading_over(ln: RawLine, inside: list[RawLine]) -> bool:
    """Whether a line reads as a title over the table whose lines are ``inside``."""
    text = ln.text()
    if not text or len(text) > CAPTION_MAX_CHARS or text.endswith((".", ",", ";")):
        return False
    runs = sorted(ln.runs, key=lambda r: r.x0)
    size, bold = ln.font()
    if any(b.x0 - a.x1 > 1.5 * max(size, 1.0) for a, b in pairwise(runs)):
        return False  # cells with a column gap between them: a row, not a title
    sizes: Counter[float] = Counter()
    bolds = chars = 0
    for t in inside:
        for r in t.runs:
            sizes[round(r.size, 1)] += len(r.text)
            bolds += len(r.text) if r.bold else 0
            chars += len(r.text)
    if not chars:
        return False
    body = sizes.most_common(1)[0][0]
    return size > body + 0.5 or (bold and bolds * 2 < chars)


# a table as found: its rows' cell texts, their cells' boxes, its box, and pdfplumber's table
_Grid = tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]], Box, object]
# the most a gap between two parts of one striped table may be, in rows of the part above
STRIPE_GAP_ROWS = 2.5


def _grid(t: object) -> _Grid:
    texts = [tuple(clean_text(c or "").replace("\n", " ").strip() for c in row) for row in t.extract()]  # type: ignore[attr-defined]
    boxes = [tuple(_box(b) for b in r.cells) for r in t.rows]  # type: ignore[attr-defined]
    if len(boxes) != len(texts):  # (pdfplumber gives both per row, in the same order)
        boxes = [()] * len(texts)
    x0, top, x1, bottom = (float(x) for x in t.bbox)  # type: ignore[attr-defined]
    return texts, boxes, (x0, top, x1, bottom), t


def _edges(g: _Grid) -> tuple[float, ...] | None:
    """The column edges of a table part (from its first row of boxes), None without boxes."""
    row = next((r for r in g[1] if r and all(r)), None)
    return None if row is None else tuple(round(b[0]) for b in row if b) + (round(row[-1][2]),)  # type: ignore[index]


def _caption_apart(g: _Grid) -> _Grid:
    """A table part whose ruling drew in a caption as its last rows ("Tabell 4 …" over "31
    december 2025.", in a box of its own a little wider than the table) with the caption as one
    row of one cell, and without the columns that only the caption's box made (none of the rows
    above it has a box there): its columns are then the table's, and a striped table's last part
    joins the parts above it (see ``_join_stripes``)."""
    texts, boxes, bbox, t = g
    k = _caption_rows(texts)
    if not k or len(texts) - k < 1 or len(boxes) != len(texts):
        return g
    width = max(len(r) for r in texts)
    cols = [j for j in range(width) if any(j < len(b) and b[j] for b in boxes[:-k])]
    if not cols or len(cols) == width:
        return g
    caption = " ".join(c for r in texts[-k:] for c in r if c)
    inside = [b for r in boxes[-k:] for b in r if b]
    box = (min(b[0] for b in inside), min(b[1] for b in inside), max(b[2] for b in inside),
           max(b[3] for b in inside)) if inside else None
    rows = [tuple(r[j] if j < len(r) else "" for j in cols) for r in texts[:-k]]
    cells = [tuple(b[j] if j < len(b) else None for j in cols) for b in boxes[:-k]]
    empty = ("",) * (len(cols) - 1)
    return rows + [(caption, *empty)], cells + [(box, *(None,) * (len(cols) - 1))], bbox, t


def _join_stripes(page: object, grids: list[_Grid]) -> list[_Grid]:
    """A table whose rows are shaded every other row (zebra stripes) is found by its ruling as
    one table per shaded run, the plain rows between them lost to the body text and the parts
    after the first without their header row (Tolkförmedling Väst's "År | Tills vidare (åa) | …"
    over "2025 39,8 …" and, apart, "2021 52,9 …"). Parts stacked one under the other with the
    same column edges and a gap of at most ``STRIPE_GAP_ROWS`` rows between them, holding rows
    of values only, are one table: the words in each gap become rows, each word in the column it
    stands in (a caption, a heading or a line of text between two tables keeps them apart); so does a plain
    row right under the last part that fills a value cell (the last row, when a plain one)."""
    out: list[_Grid] = []
    joined: set[int] = set()
    last: int | None = None  # the part the next one may continue
    for g in sorted(grids, key=lambda g: g[2][1]):
        prev = out[last] if last is not None else None
        if prev is not None and _within_box(g[2], prev[2]):
            out.append(g)  # a header cell's own ruling inside the part ("Antal utförda" over "uppdrag")
            continue
        edges = _edges(g)
        if prev is not None and last is not None and edges is not None and _edges(prev) == edges and edges:
            height = (prev[2][3] - prev[2][1]) / max(len(prev[0]), 1)
            gap = (prev[2][3], g[2][1])
            rows, boxes = _gap_rows(page, edges, gap) if 0 <= gap[1] - gap[0] <= STRIPE_GAP_ROWS * height else ([], [])
            # only plain rows of values between them (not a caption, a heading or text between tables)
            if rows and all(_value_row(r) for r in rows):
                x0, top, x1, _ = prev[2]
                out[last] = (prev[0] + rows + g[0], prev[1] + boxes + g[1],
                             (min(x0, g[2][0]), top, max(x1, g[2][2]), g[2][3]), prev[3])
                joined.add(last)
                continue
        if prev is not None and last is not None and (more := _read_on(page, prev, g)):
            rows, boxes = more
            x0, top, x1, _ = prev[2]
            out[last] = (prev[0] + rows, prev[1] + boxes, (x0, top, x1, g[2][3]), prev[3])
            joined.add(last)
            continue
        out.append(g)
        last = len(out) - 1
    for i in joined:
        if not _caption_rows(out[i][0]):  # a caption under it ends it
            out[i] = _with_plain_last_row(page, out[i])
    return out


def _read_on(page: object, above: _Grid, g: _Grid) -> tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]]] | None:
    """The rows of a table part that continues the part above it in that part's columns, when
    the ruling drew it with other column edges (a striped table whose last shaded rows the finder
    reads as a grid of their own, cut at the shading's own edges: Tolkförmedling Väst's
    "Sjukfrånvaro i åldrarna 29 år eller yngre | 6,0% | 5,4% | 4,7%" under "År | 2025 | 2024 |
    2023", read apart, its rows in eight columns and without the years over them). A part as wide
    as the one above it, at most ``STRIPE_GAP_ROWS`` of its rows under it, whose words from the
    part above's bottom to its own, read into the upper part's columns, are rows of values only
    (then at most a caption, "Tabell 8 …", left as the last row), no word across a column's
    edge, continues it: its rows read so. None when it does not."""
    edges = _edges(above)
    if edges is None or abs(g[2][0] - above[2][0]) > 1 or abs(g[2][2] - above[2][2]) > 1:
        return None
    height = (above[2][3] - above[2][1]) / max(len(above[0]), 1)
    if not 0 <= g[2][1] - above[2][3] <= STRIPE_GAP_ROWS * height:
        return None
    band = (above[2][3], g[2][3])
    words = [w for w in page.extract_words()  # type: ignore[attr-defined]
             if band[0] <= (w["top"] + w["bottom"]) / 2 <= band[1] and edges[0] <= (w["x0"] + w["x1"]) / 2 <= edges[-1]]
    if any(w["x0"] + 1 < x < w["x1"] - 1 for w in words for x in edges):
        return None  # a word across an edge: the part has columns of its own
    rows, boxes = _gap_rows(page, edges, band)
    k = _caption_rows(rows)
    values = rows[:len(rows) - k]
    if len(values) < 1 or not all(_value_row(r) for r in values):
        return None
    if k:  # the caption as one cell, as ``_caption_apart`` leaves it
        caption = " ".join(c for r in rows[-k:] for c in r if c)
        rows = values + [(caption, *("",) * (len(edges) - 2))]
        boxes = boxes[:len(values)] + [(boxes[-1][0], *(None,) * (len(edges) - 2))]
    return rows, boxes


def _split_lines(page: object, g: _Grid) -> _Grid:
    """A ruled table whose rows of several lines, each a label and its value, are read as one
    row a line. A ruling that boxes a block of lines (a budget's "Budget 2027" over "Medlemsbidrag
    2026   86 759" over "Uppräkning …   2 603", one box across the label and value columns)
    makes the block one cell, all its labels and values run together, and sets beside it the
    boxes that stand on its lines (a member's share, "Vårgårda | 20 367", on the block's first
    line): a row whose band holds two lines or more that are each a label and then a value, in
    the table's columns, no line a value without a label, no word across a column's edge, is
    those lines, each word in the column it stands in (a line of a label alone, "Ram 2028",
    is a row of its own). A row whose label wraps onto a second line beside one value stays one
    row."""
    texts, boxes, bbox, t = g
    edges = _edges(g)
    if edges is None or len(edges) < 3 or len(boxes) != len(texts):
        return g
    out_t: list[tuple[str, ...]] = []
    out_b: list[tuple[Box | None, ...]] = []
    words: list[dict[str, object]] | None = None
    for row, bx in zip(texts, boxes, strict=True):
        inside = [b for b in bx if b]
        lines = None
        # a cell with a figure and then more words, or several figures in the row's cells
        if inside and any(_NUMCELL.match(w) for c in row for w in c.split(" ")[:-1]):
            words = page.extract_words() if words is None else words  # type: ignore[attr-defined]
            band = (min(b[1] for b in inside), max(b[3] for b in inside))
            lines = _lines_in(page, words, edges, band)
        if lines is None:
            out_t.append(row)
            out_b.append(bx)
            continue
        out_t.extend(lines[0])
        out_b.extend(lines[1])
    if len(out_t) == len(texts):
        return g
    return out_t, out_b, bbox, t


def _lines_in(page: object, words: list[dict[str, object]], edges: tuple[float, ...], band: tuple[float, float]
              ) -> tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]]] | None:
    """The lines of a ruled row's band as rows in the table's columns (see ``_split_lines``),
    None when they are not two lines or more of a label and a value each."""
    words = [w for w in words if band[0] <= (float(w["top"]) + float(w["bottom"])) / 2 <= band[1]  # type: ignore[arg-type]
             and edges[0] <= (float(w["x0"]) + float(w["x1"])) / 2 <= edges[-1]]  # type: ignore[arg-type]
    if any(float(w["x0"]) + 1 < x < float(w["x1"]) - 1 for w in words for x in edges):  # type: ignore[arg-type]
        return None
    rows, boxes = _gap_rows(page, edges, band, words)
    if len(rows) < 2:
        return None
    pairs = 0
    for r in rows:
        figures = [j for j, c in enumerate(r) if c and _NUMCELL.match(c)]
        if not figures:
            continue
        if not any(c and not _NUMCELL.match(c) for c in r[:figures[0]]):
            return None  # a value without its label: the lines of one cell, not rows
        pairs += 1
    return (rows, boxes) if pairs >= 2 else None


def _without_twins(rows: tuple[tuple[str, ...], ...], cells: tuple[tuple[Box | None, ...], ...]
                   ) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[Box | None, ...], ...]]:
    """A ruled table whose cells are drawn twice, a box with a padded box inside it (Intraservice's
    delårsrapport p. 5, Simrishamn's tidplan), read each value into both ("87,5% | 87,5%", "12 mars
    | 12 mars") and each column twice: two neighbouring columns where every row has text in one of
    them at most, or the same text in both from boxes one inside the other, twice once at least,
    are one column, with the text's own (inner) box."""
    if not cells or len(cells) != len(rows) or any(len(b) != len(r) for r, b in zip(rows, cells, strict=True)):
        return rows, cells
    texts = [list(r) for r in rows]
    boxes = [list(b) for b in cells]
    j = 0
    while j + 1 < len(texts[0]):
        twins = 0
        one = True
        for r, b in zip(texts, boxes, strict=True):
            a, c = r[j], r[j + 1]
            if a and c:
                ba, bc = b[j], b[j + 1]
                if a != c or ba is None or bc is None or not (_within_box(ba, bc) or _within_box(bc, ba)):
                    one = False
                    break
                twins += 1
        if not one or not twins:
            j += 1
            continue
        for r, b in zip(texts, boxes, strict=True):
            if r[j] and r[j + 1]:
                ba, bc = b[j], b[j + 1]
                assert ba is not None and bc is not None
                b[j] = bc if _within_box(bc, ba) else ba
            elif r[j + 1] or not r[j]:
                r[j], b[j] = r[j + 1], b[j + 1] if r[j + 1] else (b[j] or b[j + 1])
            del r[j + 1], b[j + 1]
    return tuple(tuple(r) for r in texts), tuple(tuple(b) for b in boxes)


def _within_box(a: Box, b: Box) -> bool:
    """Whether box ``a`` lies inside box ``b`` (a point's slack)."""
    return a[0] >= b[0] - 1 and a[1] >= b[1] - 1 and a[2] <= b[2] + 1 and a[3] <= b[3] + 1


def _value_row(row: tuple[str, ...]) -> bool:
    """A row of a table of values: a label or value and another, a figure among them."""
    return sum(bool(c) for c in row) >= 2 and any(_NUMCELL.match(c) for c in row if c)


def _with_plain_last_row(page: object, g: _Grid) -> _Grid:
    """A striped table with the plain row right under its last shaded part, when that row's
    words stand in its columns and fill a value cell and another."""
    edges = _edges(g)
    if edges is None:
        return g
    height = max(b[3] - b[1] for b in g[1][-1] if b) if g[1][-1] else 0.0  # type: ignore[index]
    band = (g[2][3], g[2][3] + 1.5 * height)
    rows, boxes = _gap_rows(page, edges, band)
    if len(rows) != 1 or not _value_row(rows[0]):
        return g
    x0, top, x1, _ = g[2]
    bottom = max(b[3] for b in boxes[0] if b)  # type: ignore[index]
    return g[0] + rows, g[1] + boxes, (x0, top, x1, bottom), g[3]


def _gap_rows(page: object, edges: tuple[float, ...], gap: tuple[float, float],
              words: list[dict[str, object]] | None = None) -> tuple[list[tuple[str, ...]], list[tuple[Box | None, ...]]]:
    """The words between two parts of a striped table as rows (one a line), each word in the
    column between the edges its middle stands between (``words``: those words, when read)."""
    if words is None:
        words = [w for w in page.extract_words()  # type: ignore[attr-defined]
                 if gap[0] <= (w["top"] + w["bottom"]) / 2 <= gap[1] and edges[0] <= (w["x0"] + w["x1"]) / 2 <= edges[-1]]
    rows: list[tuple[str, ...]] = []
    boxes: list[tuple[Box | None, ...]] = []
    n = len(edges) - 1
    for line in word_lines(words):  # each line's words left to right
        cells: list[list[str]] = [[] for _ in range(n)]
        for w in line:
            mid = (float(w["x0"]) + float(w["x1"])) / 2  # type: ignore[arg-type]
            col = next((i for i in range(n) if edges[i] <= mid <= edges[i + 1]), n - 1)
            cells[col].append(str(w["text"]))
        top = min(float(w["top"]) for w in line)  # type: ignore[arg-type]
        bottom = max(float(w["bottom"]) for w in line)  # type: ignore[arg-type]
        rows.append(tuple(clean_text(" ".join(c)).strip() for c in cells))
        boxes.append(tuple((float(edges[i]), top, float(edges[i + 1]), bottom) for i in range(n)))
    return rows, boxes


def _cuts_words(table: object, words: list[dict[str, object]]) -> bool:
    """Whether the column edges the text strategy drew run through words, in two rows or more
    and a tenth of the rows: no gutter between columns but aligned letters, as in a page set in
    a monospaced font (a report printed as plain text: every line's letters stand on one grid,
    so word starts align down the page), whose "cells" would cut "Barn- och utbildningsnämn|den".
    A real text table has blank space at its column edges, a heading across them in a row at most."""
    rows = table.rows  # type: ignore[attr-defined]
    cut_rows = 0
    for row in rows:
        boxes = [c for c in row.cells if c]
        edges = {b[0] for b in boxes[1:]} | {b[2] for b in boxes[:-1]}
        top, bottom = row.bbox[1], row.bbox[3]
        if any(top <= (w["top"] + w["bottom"]) / 2 <= bottom  # type: ignore[operator]
               and any(w["x0"] + 1 < x < w["x1"] - 1 for x in edges) for w in words):  # type: ignore[operator]
            cut_rows += 1
    return cut_rows >= 2 and cut_rows >= 0.1 * len(rows)


def _box(b: object) -> tuple[float, float, float, float] | None:
    if not b:
        return None
    x0, top, x1, bottom = (round(float(x), 2) for x in b)  # type: ignore[attr-defined]
    return (x0, top, x1, bottom)


def _bar_labels(rows: tuple[tuple[str, ...], ...]) -> bool:
    """The value labels of a bar chart read as a grid through its bars: figures alone, not a
    word among them, and no column holding two ("95 | 94" over "84", each over its own bar).
    Nothing in it says what its figures count: it is no table, and its rows no search passages."""
    cells = [c for r in rows for c in r if c]
    if not cells or any(not _NUMCELL.match(c) for c in cells):
        return False
    width = max(len(r) for r in rows)
    return all(sum(1 for r in rows if j < len(r) and r[j]) <= 1 for j in range(width))


def _prose(rows: tuple[tuple[str, ...], ...]) -> bool:
    """Lines of prose cut into one-word cells (a title in a bordered box, read as a grid)."""
    cells = [c for r in rows for c in r if c]
    if max(len(r) for r in rows) < 8 or not cells:
        return False
    numeric = sum(bool(_NUMCELL.match(c)) for c in cells)
    words = sum(c.isalpha() for c in cells)
    return numeric < 0.2 * len(cells) and words >= 0.6 * len(cells)


def without_tables(lines: list[RawLine], tables: list[Table], height: float) -> list[RawLine]:
    """Drop the runs that lie inside a table (pdfplumber boxes are top-down, pdfium bottom-up)."""
    boxes = [(t.bbox[0] - 2, height - t.bbox[3] - 2, t.bbox[2] + 2, height - t.bbox[1] + 2)
             for t in tables if t.bbox]
    out = []
    for ln in lines:
        keep = [r for r in ln.runs if not any(b[0] <= (r.x0 + r.x1) / 2 <= b[2] and b[1] <= (r.y0 + r.y1) / 2 <= b[3]
                                              for b in boxes)]
        if keep:
            out.append(RawLine(keep))
    return out
