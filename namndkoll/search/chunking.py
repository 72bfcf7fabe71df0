"""Passages to embed and index, following the structure ingest found.

A protocol is cut per § item and, inside an item, per section (Beslut, Yrkanden,
Reservation ...); a report (no items) per paragraph. Paragraphs are packed up to about
``max_chars`` so a chunk holds a few of them; a long paragraph is cut at sentence ends.
No chunk crosses a § item, a section or a document, and each chunk's text is exactly
``Document.text[start:end]``, so a quote is always traceable to its page.

Tables (``Page.tables``, whose text ingest leaves out of the page body) become one passage per
row (section ``"table"``): the row as written ("Socialnämnden 274 077 -427 -50 273 600"),
then each value cell with its row and column headers, a row under a group heading
("Anläggningstillgångar", "Plan 2031", "KOSTNADER") after that heading ("Anläggningstillgångar ·
Inventarier · Bokslut 2025 · 0 tkr") (its row header the nearest label left of
it: "Alingsås · … · 69 994" in "Medlemsbidrag 2027 | 90 362 | Alingsås | 69 994"), the table's
unit said once, after the value
("Prognos 2026 · -3,0 mnkr", not "Prognos 2026, mnkr · -3,0 mnkr"; a note column's "Not · 11" takes
none) ("Socialnämnden · Ram inkl PKV · 274 077 tkr"), so a cell is found by its row label and value; after the table's caption when the page
sets one ("Antal årsarbetare · Socialförvaltningen · 2025 · 412"), so that a question in the
caption's words ("årsarbetare") reaches the row that holds the number; a table without headers
under another, or at the top of the next page, with its value columns in the same places takes
that table's headers and unit (an annual report's notes: "Räntekostnad · Bokslut 2025 · -119 tkr",
not "Räntekostnad · -119"). (A caption longer than
``CAPTION_EACH_CELL`` stands once, on its own line, before the cells). A table that holds no value cell at all
(a timeline "26 okt | Kommunfullmäktige beslutar om skattesats …", a revision report's
"Rekommendation | Bedömning", a list of measures "Åtgärd | Målår | Status | Kommentar") is text
laid out in columns: its rows as written, packed like paragraphs, are its passages (section
``"table_text"``: text, not a row of values whose unit stands in the table's head; before, such a
table was in no passage at all, its text being left out of the page body). Their span is empty
at the start of their page (the text is the stored table's, ``Chunk.table`` says which table and
the passage's first row).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..tables import body_cells, carried_headers, table_units
from ..types import Chunk, Document, Item, Table

CHUNKER = "paragraphs-v2+tables+text-tables+captions+carried-headers+one-cell-rows+pair-labels+group-headings"  # stored with the chunks: a new version re-chunks every document
TABLE_TEXT = "table_text"  # the section of a passage of a table without values
MAX_CHARS = 1100  # ~180 Swedish words, ~300 e5 tokens: well inside the model's 512
MIN_CHARS = 250  # a shorter tail is merged into the chunk before it (same region only)
CAPTION_EACH_CELL = 80  # a table's caption up to this long opens each cell's line; a longer one, the cells

_NOTE = re.compile(r"(?i)not(?:er|nr|\.)?")  # a column of note numbers: references, not amounts in the unit
_PARA = re.compile(r"\n[ \t]*\n+|\f")
_SENT = re.compile(r"(?<=[.!?:;”\"])\s+(?=[A-ZÅÄÖ0-9”\"–-])")


def chunk_hash(chunk: Chunk, context: str = "") -> str:
    """Identity of a passage for re-use of its vector: what the model reads, and where it sits."""
    key = f"{chunk.item}\x1f{chunk.section}\x1f{context}\x1f{chunk.text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def chunk_document(doc: Document, *, max_chars: int = MAX_CHARS, min_chars: int = MIN_CHARS) -> list[Chunk]:
    """The chunks of ``doc`` in reading order."""
    text = doc.text
    out: list[Chunk] = []
    for start, end, item, section in _regions(doc, len(text)):
        for s, e in _pack(text, start, end, max_chars, min_chars):
            out.append(Chunk(text[s:e], s, e, doc.page_of(s), doc.page_of(e - 1), item, section))
    return out + table_chunks(doc)


def row_text(table: Table, r: int) -> str:
    """A table row as written, its cells joined by spaces: the first line of its passage."""
    return " ".join(c for c in (" ".join((cell or "").split()) for cell in table.rows[r]) if c)


def label_and_value(table: Table, r: int) -> tuple[str, str] | None:
    """(label, value) of a row that is nothing but its label and one cell ("Räntekostnad | -119"),
    whose cell line says every word of it; None for any other row."""
    filled = [" ".join(cell.split()) for cell in table.rows[r] if cell and cell.strip()]
    return (filled[0], filled[1]) if len(filled) == 2 else None


def row_of(tables: Sequence[Table], passage: str) -> tuple[int, int] | None:
    """(table index, row) of a table row's passage on its page: the row whose value cells its
    cell lines ("… · label · column · value") say, in order, under the row's label; or, for a
    passage of a table without values (and one stored before cells were said once), the row
    as written on its first line."""
    first = passage.split("\n", 1)[0]
    lines = [ln.split(" · ") for ln in passage.split("\n") if " · " in ln]
    # a table whose caption the passage says first: two notes' tables alike row for row
    # ("Årets utrangering | 0 | 0" in "7 Immateriella …" and in "8 Inventarier") differ by it
    order = sorted(enumerate(tables), key=lambda t: not (t[1].caption and " ".join(t[1].caption.split()) in passage))
    for t, table in order:
        for r in range(len(table.rows)):
            if row_text(table, r) == first:
                return t, r
    if not lines:
        return None
    for t, table in order:
        for cells in body_cells(table):
            r = cells[0].row
            if len(cells) == len(lines) and all(
                    (p[-1] == c.text or p[-1].startswith(c.text + " "))
                    and _within(c.label.split(" · ") if c.label else [], p[:-1])
                    for c, p in zip(cells, lines, strict=True)):
                return t, r
    return None


def _within(parts: list[str], line: list[str]) -> bool:
    """Whether ``parts`` stand in ``line`` one after the other (a cell's label in its line)."""
    return any(line[k:k + len(parts)] == parts for k in range(len(line) - len(parts) + 1))


def table_chunks(doc: Document) -> list[Chunk]:
    """One passage per table row with a value: the row as written, then its cells with headers
    (a table without headers takes those of the table before it, see ``tables.carried_headers``;
    a row under a group heading says it, see ``tables.group_headings``), each value with the unit
    the table's amounts are in (``tables.table_units``)."""
    out = []
    carried = carried_headers(doc.pages)
    units = table_units(doc.pages)
    for page in doc.pages:
        found = doc.item_of(page.start)
        for t_idx, table in enumerate(page.tables):
            unit = units.get((page.number, t_idx))
            rows = body_cells(table)
            if (page.number, t_idx) in carried:
                heads, above = carried[(page.number, t_idx)]
                unit = above or unit
                rows = [[replace(c, column=heads.get(c.col, c.column)) for c in cells] for cells in rows]
            caption = " ".join(table.caption.split())
            for cells in rows:
                r = cells[0].row
                said = [" · ".join(x for x in (c.label, _without(c.column.replace(" | ", " "), unit),
                                               c.text + (f" {unit}" if unit and not c.text.endswith(unit) and not _NOTE.fullmatch(c.column) else "")) if x)
                        for c in cells]
                if caption and len(caption) + 3 <= CAPTION_EACH_CELL:
                    said = [f"{caption} · {x}" for x in said]
                elif caption:  # a long caption is said once, not before every cell
                    said = [caption, *said]
                # a row of a label and one value is its cell's line alone: the row as written would
                # say the same number a second time and nothing else
                one = len(cells) == 1 and label_and_value(table, r) is not None
                lines = said if one else [row_text(table, r), *said]
                out.append(Chunk("\n".join(lines), page.start, page.start, page.number, page.number,
                                 found.number if found else None, "table", table=(t_idx, r)))
            if not rows:
                out += [Chunk(text, page.start, page.start, page.number, page.number,
                              found.number if found else None, TABLE_TEXT, table=(t_idx, r))
                        for r, text in text_table_passages(table)]
    return out


def _without(column: str, unit: str | None) -> str:
    """A column header without the unit its cells are said in ("Prognos 2026, mnkr" -> "Prognos
    2026", "Belopp (tkr)" -> "Belopp"), so the unit is said once, after the value."""
    if not unit:
        return column
    left = re.sub(rf"(?:[\s,;:]+|^)\(?{re.escape(unit)}\)?$", "", column).strip(" ,;:")  # at its end only
    return left or column


def text_table_passages(table: Table, max_chars: int = MAX_CHARS) -> list[tuple[int, str]]:
    """(first row, text) of the passages of a table without values: its rows as written, one a
    line, packed up to ``max_chars``; a passage starts, where it can, at a row whose first cell
    is filled (an entry's first line: "26 okt | Kommunfullmäktige beslutar …" and not its
    continuation "| investerings- och exploateringsbudget …"). None for a table of one row."""
    lines = [(r, row_text(table, r)) for r in range(len(table.rows))]
    lines = [(r, t) for r, t in lines if t]
    if len(lines) < 2:
        return []
    out: list[tuple[int, str]] = []
    cur: list[tuple[int, str]] = []
    for r, t in lines:
        if cur and sum(len(x) + 1 for _, x in cur) + len(t) > max_chars:
            # cut before the last entry's first line, when that keeps a third of the passage
            starts = [i for i, (rr, _) in enumerate(cur) if i and (table.rows[rr][0] or "").strip()]
            cut = starts[-1] if starts and sum(len(x) + 1 for _, x in cur[:starts[-1]]) > max_chars // 3 else len(cur)
            out.append((cur[0][0], "\n".join(x for _, x in cur[:cut])))
            cur = cur[cut:]
        cur.append((r, t))
    if cur:
        out.append((cur[0][0], "\n".join(x for _, x in cur)))
    return out


def _regions(doc: Document, n: int) -> Iterator[tuple[int, int, str | None, str | None]]:
    """(start, end, item number, section kind) spans that a chunk must not cross."""
    pos = 0
    for item in sorted(doc.items, key=lambda i: i.start):
        if item.start > pos:
            yield pos, item.start, None, None
        yield from _item_regions(item)
        pos = max(pos, item.end)
    if pos < n:
        yield pos, n, None, None


def _item_regions(item: Item) -> Iterator[tuple[int, int, str | None, str | None]]:
    pos = item.start
    for sec in sorted(item.sections, key=lambda s: s.start):
        s, e = max(sec.start, item.start), min(sec.end, item.end)
        if e <= s or s < pos:
            continue
        if s > pos:
            if pos == item.start and s - pos < MIN_CHARS:
                s = pos  # a short head (the § line and title) opens the first section's chunk
            else:
                yield pos, s, item.number, None  # text before the first section
        yield s, e, item.number, sec.kind
        pos = e
    if pos < item.end:
        yield pos, item.end, item.number, None


def _units(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Paragraph spans in [start, end), trimmed of whitespace; long ones cut at sentence ends."""
    pos = start
    for m in _PARA.finditer(text, start, end):
        yield from _split_long(text, pos, m.start(), max_chars)
        pos = m.end()
    yield from _split_long(text, pos, end, max_chars)


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    if end - start <= max_chars:
        yield start, end
        return
    cuts = [m.start() for m in _SENT.finditer(text, start, end)]
    pos = start
    while end - pos > max_chars:
        best = max((c for c in cuts if pos < c <= pos + max_chars), default=None)
        if best is None or best - pos < max_chars // 3:
            # no sentence end in reach: cut at the last line break or space before the limit
            window = text[pos:pos + max_chars]
            sp = max(window.rfind("\n"), window.rfind(" "))
            best = pos + sp if sp > max_chars // 3 else pos + max_chars
        yield pos, best
        pos = best
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        yield pos, end


def _pack(text: str, start: int, end: int, max_chars: int, min_chars: int) -> Iterator[tuple[int, int]]:
    """Greedy packing of consecutive paragraphs into chunks of at most ``max_chars``."""
    spans: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for s, e in _units(text, start, end, max_chars):
        if cur is None:
            cur = (s, e)
        elif e - cur[0] <= max_chars:
            cur = (cur[0], e)
        else:
            spans.append(cur)
            cur = (s, e)
    if cur is not None:
        if spans and cur[1] - cur[0] < min_chars and cur[1] - spans[-1][0] <= max_chars + min_chars:
            spans[-1] = (spans[-1][0], cur[1])
        else:
            spans.append(cur)
    return iter(spans)
