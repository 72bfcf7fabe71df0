"""Tables on a page: pdfplumber's table finder (precise but slow; ``pdf.py`` runs it only on
the pages that look like tables), and the body text without what the tables hold."""

from __future__ import annotations

import re

from ..types import Table
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
    for t in page.find_tables(table_settings=settings):
        texts = [tuple(clean_text(c or "").replace("\n", " ").strip() for c in row) for row in t.extract()]
        boxes = [tuple(_box(b) for b in r.cells) for r in t.rows]
        if len(boxes) != len(texts):  # (pdfplumber gives both per row, in the same order)
            boxes = [()] * len(texts)
        kept = [(r, b) for r, b in zip(texts, boxes, strict=True) if any(r)]
        rows = tuple(r for r, _ in kept)
        cells: tuple[tuple[tuple[float, float, float, float] | None, ...], ...] = ()
        if rows:  # merged cells leave columns that are empty in every row: drop them
            width = max(len(r) for r in rows)
            keep = [i for i in range(width) if any(i < len(r) and r[i] for r in rows)]
            rows = tuple(tuple(r[i] if i < len(r) else "" for i in keep) for r in rows)
            cells = tuple(tuple(b[i] if i < len(b) else None for i in keep) for _, b in kept)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        if not ruled and not any(_NUMCELL.match(c) for r in rows for c in r if c):
            continue  # text strategy on prose: not a table
        if _prose(rows):
            continue
        if not ruled:
            words = page.extract_words() if words is None else words
            if _cuts_words(t, words):
                continue
        x0, top, x1, bottom = (float(x) for x in t.bbox)
        out.append(Table(number, rows, (x0, top, x1, bottom), cells))
    return out


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
