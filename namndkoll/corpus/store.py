"""Documents, pages, tables, § items and sections in SQLite: write one document whole, read it back."""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import NotFoundError
from ..types import Document, Item, Line, Metadata, Page, Section, Table
from .names import name_condition

_LINES_V1 = b"\x01"


def table_values(t: Table) -> tuple[str, str | None, str | None, str | None]:
    """A table as ``page_tables`` stores it (both backends): its rows, its box and its cells'
    boxes as JSON (rows of [x0, top, x1, bottom] or null; None when unknown), and its caption."""
    return (json.dumps([list(r) for r in t.rows], ensure_ascii=False),
            json.dumps(t.bbox) if t.bbox else None,
            json.dumps([[list(b) if b else None for b in row] for row in t.cells]) if t.cells else None,
            t.caption or None)


def table_from(page: int, r: Any) -> Table:
    """A ``page_tables`` row (rows, bbox, cells, caption) back as the Table ingest made."""
    cells = tuple(tuple((b[0], b[1], b[2], b[3]) if b else None for b in row)
                  for row in json.loads(r["cells"])) if r["cells"] else ()
    return Table(page, tuple(tuple(c) for c in json.loads(r["rows"])),
                 tuple(json.loads(r["bbox"])) if r["bbox"] else None, cells,  # type: ignore[arg-type]
                 r["caption"] or "")


def pack_lines(lines: tuple[Line, ...]) -> bytes | None:
    """``Page.lines`` as a compact blob: per line seven little-endian int32 — start minus the
    previous line's end, length, x0 minus the previous x0, top minus the previous top, width,
    height (tenths of a point), size in tenths times two plus bold — zlib-compressed behind a
    version byte (~6 bytes a line: the deltas repeat)."""
    if not lines:
        return None
    vals = array("i")
    end = x0 = top = 0
    for ln in lines:
        lx0, ltop = round(ln.x0 * 10), round(ln.top * 10)
        vals.extend((ln.start - end, ln.end - ln.start, lx0 - x0, ltop - top, round(ln.x1 * 10) - lx0,
                     round(ln.bottom * 10) - ltop, round(ln.size * 10) * 2 + int(ln.bold)))
        end, x0, top = ln.end, lx0, ltop
    if sys.byteorder == "big":
        vals.byteswap()
    return _LINES_V1 + zlib.compress(vals.tobytes(), 6)


def unpack_lines(blob: bytes | None) -> tuple[Line, ...]:
    if not blob or blob[:1] != _LINES_V1:
        return ()
    vals = array("i")
    vals.frombytes(zlib.decompress(blob[1:]))
    if sys.byteorder == "big":
        vals.byteswap()
    out = []
    end = x0 = top = 0
    for k in range(0, len(vals) - 6, 7):
        gap, length, dx0, dtop, width, height, font = vals[k:k + 7]
        start, x0, top = end + gap, x0 + dx0, top + dtop
        end = start + length
        out.append(Line(start, end, x0 / 10, top / 10, (x0 + width) / 10, (top + height) / 10,
                        (font // 2) / 10, bool(font % 2)))
    return tuple(out)


@dataclass(frozen=True)
class StoredDocument:
    """A row of ``documents`` with what ``namndkoll documents`` shows."""

    id: int
    source: str
    sha256: str
    size: int
    pages: int
    title: str | None
    municipality: str | None
    committee: str | None
    doc_type: str | None
    date: str | None
    year: int | None
    ocr_pages: int
    needs_ocr_pages: int
    items: int
    diarienummer: tuple[str, ...]
    warnings: tuple[str, ...]
    ingested_at: str
    org_kind: str | None = None  # kommun, region, kommunalforbund, other: the body ``municipality`` names
    kind: str | None = None  # for doc_type "other": policy, plan, budget, delårsrapport ...
    reader: str | None = None  # the namndkoll that read it (ingest.version); None: before migration 0014


def reader_of(conn: Any, document_id: int) -> str | None:
    """The fingerprint of the namndkoll that read a stored document (None: not recorded)."""
    row = conn.execute("SELECT reader FROM documents WHERE id = ?", (document_id,)).fetchone()
    return row[0] if row else None


def lookup_source(conn: Any, source: str) -> tuple[int, str] | None:
    """(id, sha256) of the document stored for ``source``, if any."""
    row = conn.execute("SELECT id, sha256 FROM documents WHERE source = ?", (source,)).fetchone()
    return (row[0], row[1]) if row else None


def source_with_sha(conn: Any, sha: str, *, exclude: str) -> str | None:
    """The source of another stored document with the same content."""
    row = conn.execute("SELECT source FROM documents WHERE sha256 = ? AND source != ?", (sha, exclude)).fetchone()
    return row[0] if row else None


Row = tuple[Any, ...]


class DocumentRows:
    """The values of the rows ``replace_document`` writes for a document, in its tables' column
    order: the same on SQLite and PostgreSQL (``pg_store.replace_document``), whose SQL differs
    only in its placeholders and in how an inserted row's id comes back."""

    def __init__(self, doc: Document):
        # storing is ingest's work: a search or a list need not import the metadata readers' patterns
        from ..ingest.metadata import with_file_name

        self.doc = doc
        self.md = with_file_name(doc.metadata, doc.source)  # the file's name fills a municipality the text lacks

    def document(self) -> Row:
        """The ``documents`` row (its columns after the id)."""
        doc, md = self.doc, self.md
        year = int(md.date[:4]) if md.date and md.date[:4].isdigit() else md.year  # an undated budget's title year
        return (doc.source, doc.sha256, doc.size, len(doc.pages), md.title, md.municipality, md.committee,
                md.doc_type, md.date, year,
                sum(p.ocr == "ocr" for p in doc.pages), len(doc.needs_ocr),  # unreadable pages want OCR too
                json.dumps(list(doc.warnings), ensure_ascii=False), md.org_kind, md.kind, doc.reader or None)

    def pages(self, doc_id: int) -> list[Row]:
        return [(doc_id, p.number, p.start, p.text, p.header, p.footer, p.ocr) for p in self.doc.pages]

    def layouts(self, doc_id: int) -> list[Row]:
        return [(doc_id, p.number, p.width, p.height, pack_lines(p.lines)) for p in self.doc.pages
                if p.lines or p.width]

    def tables(self, doc_id: int) -> list[Row]:
        return [(doc_id, t.page, i, *table_values(t)) for p in self.doc.pages for i, t in enumerate(p.tables)]

    def diarienummer(self, doc_id: int) -> list[Row]:
        """The document's own diarienummer (item_id NULL)."""
        return [(doc_id, d) for d in self.md.diarienummer]

    @staticmethod
    def item(doc_id: int, idx: int, item: Item) -> Row:
        return (doc_id, idx, item.number, item.title, item.start, item.end, item.page_start, item.page_end,
                item.committee, item.date)

    @staticmethod
    def sections(doc_id: int, item_id: int, item: Item) -> list[Row]:
        return [(item_id, doc_id, s.kind, s.title, s.start, s.end, s.page_start, s.page_end) for s in item.sections]

    @staticmethod
    def item_diarienummer(doc_id: int, item_id: int, item: Item) -> list[Row]:
        return [(doc_id, item_id, d) for d in item.diarienummer]


def replace_document(conn: Any, doc: Document) -> int:
    """Store ``doc``, replacing any earlier version from the same source. Call inside
    ``transaction(conn)`` together with whatever else belongs to the document, so that a
    crash leaves either the old version or the new one, never half of either."""
    conn.execute("DELETE FROM documents WHERE source = ?", (doc.source,))
    rows = DocumentRows(doc)
    cur = conn.execute(
        "INSERT INTO documents (source, sha256, size, pages, title, municipality, committee,"
        " doc_type, date, year, ocr_pages, needs_ocr_pages, warnings, org_kind, kind, reader)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.document(),
    )
    doc_id = int(cur.lastrowid)
    conn.executemany(
        "INSERT INTO pages (document_id, number, start, text, header, footer, ocr)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows.pages(doc_id),
    )
    conn.executemany(
        "INSERT INTO page_layout (document_id, page, width, height, lines) VALUES (?, ?, ?, ?, ?)",
        rows.layouts(doc_id),
    )
    conn.executemany(
        "INSERT INTO page_tables (document_id, page, idx, rows, bbox, cells, caption) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows.tables(doc_id),
    )
    conn.executemany(
        "INSERT INTO diarienummer (document_id, item_id, dnr) VALUES (?, NULL, ?)",
        rows.diarienummer(doc_id),
    )
    for idx, item in enumerate(doc.items):
        item_id = conn.execute(
            'INSERT INTO items (document_id, idx, number, title, start, "end", page_start, page_end,'
            ' committee, meeting_date)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.item(doc_id, idx, item),
        ).lastrowid
        conn.executemany(
            'INSERT INTO sections (item_id, document_id, kind, title, start, "end", page_start, page_end)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows.sections(doc_id, item_id, item),
        )
        conn.executemany(
            "INSERT INTO diarienummer (document_id, item_id, dnr) VALUES (?, ?, ?)",
            rows.item_diarienummer(doc_id, item_id, item),
        )
    return doc_id


def delete_document(conn: Any, document_id: int) -> None:
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def resolve(conn: Any, ref: str | int, *, ph: str = "?", like: str = "LIKE ? ESCAPE '\\'") -> int:
    """A document id from an id, a source path, or a unique part of the path or title; on
    either backend (``ph``: its placeholder, ``like``: its case-blind match of a pattern)."""
    ref_s = str(ref)
    if ref_s.isdigit():
        row = conn.execute(f"SELECT id FROM documents WHERE id = {ph}", (int(ref_s),)).fetchone()
        if row:
            return int(row[0])
    row = conn.execute(f"SELECT id FROM documents WHERE source = {ph}", (ref_s,)).fetchone()
    if row:
        return int(row[0])
    rows = conn.execute(f"SELECT id, source FROM documents WHERE source {like} OR title {like} ORDER BY id LIMIT 6",
                        (like_contains(ref_s), like_contains(ref_s))).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if not rows:
        raise NotFoundError(f"no document matches {ref_s!r}: `namndkoll documents` lists them with ids")
    names = ", ".join(f"{r[0]} ({r[1]})" for r in rows[:5])
    raise NotFoundError(f"{ref_s!r} matches several documents: {names}; give the id instead")


def _stored(conn: Any, row: Any) -> StoredDocument:
    dnrs = tuple(r[0] for r in conn.execute(
        "SELECT DISTINCT dnr FROM diarienummer WHERE document_id = ? ORDER BY rowid", (row["id"],)))
    n_items = conn.execute("SELECT count(*) FROM items WHERE document_id = ?", (row["id"],)).fetchone()[0]
    return StoredDocument(
        id=row["id"], source=row["source"], sha256=row["sha256"], size=row["size"], pages=row["pages"],
        title=row["title"], municipality=row["municipality"], committee=row["committee"],
        doc_type=row["doc_type"], date=row["date"], year=row["year"], ocr_pages=row["ocr_pages"],
        needs_ocr_pages=row["needs_ocr_pages"], items=n_items, diarienummer=dnrs,
        warnings=tuple(json.loads(row["warnings"] or "[]")), ingested_at=row["ingested_at"],
        org_kind=row["org_kind"], kind=row["kind"], reader=row["reader"],
    )


def like_contains(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) for "contains ``text``": its own ``%`` and ``_``
    are letters, not wildcards (``--committee %`` must not match every committee)."""
    return "%" + like_escape(text) + "%"


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def document_where(
    conn: Any, prefix: str = "", *, municipality: str | None = None, committee: str | None = None,
    doc_type: str | None = None, year: int | None = None, columns: dict[str, str] | None = None, ph: str = "?",
) -> tuple[list[str], list[Any]]:
    """SQL conditions on the documents table (``prefix``: its alias, e.g. ``"d."``): municipality
    case-insensitive, committee by substring (``%`` and ``_`` taken literally), type and year
    exact; names compared any case, with or without å ä ö. Shared by every listing, on either
    backend (``ph``: its placeholder). ``columns``: other expressions for "committee" and "year"
    (the body and year of a bundled extract's §, where the document's are the fallback)."""
    col = {f: f"{prefix}{f}" for f in ("committee", "year")} | (columns or {})
    where: list[str] = []
    args: list[Any] = []
    for expr, column, typed, part in ((f"{prefix}municipality", "municipality", municipality, False),
                                      (col["committee"], "committee", committee, True)):
        if typed:  # any case, with or without å ä ö: the stored names it means (names.py)
            cond, names = name_condition(conn, expr, column, typed, part=part, placeholder=ph)
            where.append(cond)
            args.extend(names)
    if doc_type:
        where.append(f"{prefix}doc_type = {ph}")
        args.append(doc_type)
    if year:
        where.append(f"{col['year']} = {ph}")
        args.append(year)
    return where, args


def list_documents(
    conn: Any,
    *,
    municipality: str | None = None,
    committee: str | None = None,
    doc_type: str | None = None,
    year: int | None = None,
    dnr: str | None = None,
) -> list[StoredDocument]:
    """Documents matching every filter given (case-insensitive, committee by substring; a
    diarienummer matches however it is spaced or hyphenated, and as a prefix:
    "SLK-2023-00027" finds "SLK-2023-00027:45")."""
    where, args = document_where(conn, municipality=municipality, committee=committee, doc_type=doc_type,
                                 year=year)
    if dnr:
        where.append("id IN (SELECT document_id FROM diarienummer WHERE "
                     "replace(replace(upper(dnr), ' ', ''), '-', '') LIKE ? || '%' ESCAPE '\\')")
        args.append(like_escape(dnr.upper().replace(" ", "").replace("-", "").removeprefix("DNR")))
    sql = "SELECT * FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY date IS NULL, date, source"
    return [_stored(conn, r) for r in conn.execute(sql, args).fetchall()]


def count_undated(conn: Any, *, municipality: str | None = None, committee: str | None = None,
                  doc_type: str | None = None) -> int:
    """Documents matching the filters that have no date (a year filter leaves them out)."""
    where, args = document_where(conn, municipality=municipality, committee=committee, doc_type=doc_type)
    sql = "SELECT count(*) FROM documents WHERE " + " AND ".join([*where, "year IS NULL"])
    return int(conn.execute(sql, args).fetchone()[0])


def get_stored(conn: Any, document_id: int) -> StoredDocument:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id}: `namndkoll documents` lists them")
    return _stored(conn, row)


def page_tables(conn: Any, document_id: int, page: int) -> list[Table]:
    """The tables of one page, as ``load_document`` gives them."""
    return [table_from(page, r) for r in conn.execute(
        "SELECT rows, bbox, cells, caption FROM page_tables WHERE document_id = ? AND page = ? ORDER BY idx",
        (document_id, page))]


def ocr_read_pages(conn: Any, document_ids: Sequence[int]) -> dict[int, frozenset[int]]:
    """The pages read by OCR of each of these documents that has any."""
    ids = sorted(set(document_ids))
    out: dict[int, set[int]] = {}
    if ids:
        for d, n in conn.execute(f"SELECT document_id, number FROM pages WHERE ocr = 'ocr'"
                                 f" AND document_id IN ({', '.join('?' * len(ids))})", ids):
            out.setdefault(d, set()).add(n)
    return {d: frozenset(ns) for d, ns in out.items()}


def load_document(conn: Any, document_id: int) -> Document:
    """The whole Document back from the database, as ingest produced it."""
    sd = get_stored(conn, document_id)
    tables: dict[int, list[Table]] = {}
    for r in conn.execute(
        "SELECT page, rows, bbox, cells, caption FROM page_tables WHERE document_id = ? ORDER BY page, idx", (document_id,)
    ):
        tables.setdefault(r["page"], []).append(table_from(r["page"], r))
    layout = {r["page"]: (unpack_lines(r["lines"]), r["width"], r["height"]) for r in conn.execute(
        "SELECT page, width, height, lines FROM page_layout WHERE document_id = ?", (document_id,))}
    pages = tuple(
        Page(r["number"], r["text"], r["start"], r["header"], r["footer"], r["ocr"],
             tuple(tables.get(r["number"], ())), *layout.get(r["number"], ((), 0.0, 0.0)))
        for r in conn.execute(
            "SELECT * FROM pages WHERE document_id = ? ORDER BY number", (document_id,))
    )
    items = []
    for ir in conn.execute("SELECT * FROM items WHERE document_id = ? ORDER BY idx", (document_id,)).fetchall():
        sections = tuple(
            Section(s["kind"], s["title"], s["start"], s["end"], s["page_start"], s["page_end"])
            for s in conn.execute("SELECT * FROM sections WHERE item_id = ? ORDER BY start", (ir["id"],))
        )
        dnrs = tuple(r[0] for r in conn.execute(
            "SELECT dnr FROM diarienummer WHERE item_id = ? ORDER BY rowid", (ir["id"],)))
        items.append(Item(ir["number"], ir["title"], ir["start"], ir["end"], ir["page_start"],
                          ir["page_end"], sections, dnrs, ir["committee"], ir["meeting_date"]))
    item_dnrs = {d for it in items for d in it.diarienummer}
    md = Metadata(sd.title, sd.municipality, sd.committee, sd.doc_type, sd.date,  # type: ignore[arg-type]
                  tuple(d for d in sd.diarienummer if d not in item_dnrs),
                  sd.org_kind, sd.kind,  # type: ignore[arg-type]
                  year=None if sd.date else sd.year)  # an undated budget's title year, as read
    return Document(sd.source, sd.sha256, pages, md, tuple(items), sd.size, sd.warnings, sd.reader or "")


def corpus_stats(conn: Any) -> dict[str, Any]:
    """Counts by municipality, committee, type and year, and what still needs OCR."""
    def by(col: str) -> dict[str, int]:
        return {
            (str(k) if k is not None else "unknown"): n
            for k, n in conn.execute(
                f"SELECT {col}, count(*) FROM documents GROUP BY {col} ORDER BY count(*) DESC, {col}")
        }

    totals = conn.execute(
        "SELECT count(*), coalesce(sum(pages),0), coalesce(sum(ocr_pages),0),"
        " coalesce(sum(needs_ocr_pages),0) FROM documents").fetchone()
    needing = [
        {"id": r[0], "source": r[1], "pages": r[2]}
        for r in conn.execute(
            "SELECT id, source, needs_ocr_pages FROM documents WHERE needs_ocr_pages > 0 ORDER BY source")
    ]
    # the documents whose text is partly Tesseract's: quotes from them are to be checked on the page
    ocr_read = [
        {"id": r[0], "source": r[1], "pages": r[2], "of": r[3]}
        for r in conn.execute(
            "SELECT id, source, ocr_pages, pages FROM documents WHERE ocr_pages > 0 ORDER BY source")
    ]
    return {
        "documents": totals[0], "pages": totals[1], "ocr_pages": totals[2], "needs_ocr_pages": totals[3],
        "items": conn.execute("SELECT count(*) FROM items").fetchone()[0],
        "by_municipality": by("municipality"), "by_committee": by("committee"),
        "by_type": by("doc_type"), "by_year": by("year"), "needing_ocr": needing,
        "ocr_read": ocr_read, "by_reader": by("reader"),
    }
