"""Documents, pages, § items and extractions in PostgreSQL: the SQL of ``store.py`` and
``extractions.py`` for the served backend. Rows and their meaning are the same; what differs
is the dialect (``%s``, ``RETURNING id``, ``ILIKE``) and that two writers may meet here:
an advisory lock per source makes a second writer of the same file wait and then replace."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from psycopg.rows import dict_row

from ..errors import NotFoundError
from ..types import Document, Extraction, Item, Metadata, Page, Section, Table
from . import store
from .extractions import ORIGIN as _SQLITE_ORIGIN
from .extractions import (
    PAGE_END,
    ExtractionRows,
    extraction_from_rows,
    item_keys,
    item_locator,
    member_name_keys,
    quote,
    shape_figure_row,
    with_roll_calls,
)
from .store import StoredDocument, table_from, unpack_lines

# Text is ordered byte by byte, as SQLite's BINARY collation orders it (UTF-8 bytes: code points),
# whatever the server's or the database's default collation: a database made with sv_SE or an
# ICU locale would otherwise list "Zon" after "kr" and "å" before "ä". The columns a listing sorts
# on are declared COLLATE "C" (pg_migrations/0001_core.sql), but not every one (figures.unit, a
# COALESCE with items.meeting_date): each ORDER BY on text says so itself.
C = ' COLLATE "C"'


def reader_of(conn: Any, document_id: int) -> str | None:
    row = conn.execute("SELECT reader FROM documents WHERE id = %s", (document_id,)).fetchone()
    return row[0] if row else None


def lookup_source(conn: Any, source: str) -> tuple[int, str] | None:
    row = conn.execute("SELECT id, sha256 FROM documents WHERE source = %s", (source,)).fetchone()
    return (int(row[0]), row[1]) if row else None


def source_with_sha(conn: Any, sha: str, *, exclude: str) -> str | None:
    row = conn.execute("SELECT source FROM documents WHERE sha256 = %s AND source != %s LIMIT 1",
                       (sha, exclude)).fetchone()
    return row[0] if row else None


def hold_content(conn: Any, sha: str) -> None:
    """Two ingests given the same file (or the same content under two names) at once: the second
    waits here, inside its document's transaction, until the first has committed, and then finds
    it stored instead of embedding and writing it again. Taken before ``replace_document``'s lock
    on the source, always in that order."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended('namndkoll content ' || %s, 0))", (sha,))


def replace_document(conn: Any, doc: Document) -> int:
    """Store ``doc`` in place of the same source's earlier version (inside a transaction), the
    same rows as SQLite's ``store.replace_document`` (``store.DocumentRows``)."""
    # two workers given the same file: the second waits for the first to commit, then replaces
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (doc.source,))
    conn.execute("DELETE FROM documents WHERE source = %s", (doc.source,))
    rows = store.DocumentRows(doc)
    doc_id = int(conn.execute(
        "INSERT INTO documents (source, sha256, size, pages, title, municipality, committee,"
        " doc_type, date, year, ocr_pages, needs_ocr_pages, warnings, org_kind, kind, reader)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
        rows.document(),
    ).fetchone()[0])
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO pages (document_id, number, start, text, header, footer, ocr)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            rows.pages(doc_id))
        cur.executemany(
            "INSERT INTO page_layout (document_id, page, width, height, lines) VALUES (%s, %s, %s, %s, %s)",
            rows.layouts(doc_id))
        cur.executemany(
            "INSERT INTO page_tables (document_id, page, idx, rows, bbox, cells, caption)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            rows.tables(doc_id))
        cur.executemany("INSERT INTO diarienummer (document_id, item_id, dnr) VALUES (%s, NULL, %s)",
                        rows.diarienummer(doc_id))
        for idx, item in enumerate(doc.items):
            item_id = conn.execute(
                'INSERT INTO items (document_id, idx, number, title, start, "end", page_start, page_end,'
                ' committee, meeting_date)'
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                rows.item(doc_id, idx, item),
            ).fetchone()[0]
            cur.executemany(
                'INSERT INTO sections (item_id, document_id, kind, title, start, "end", page_start, page_end)'
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                rows.sections(doc_id, item_id, item))
            cur.executemany("INSERT INTO diarienummer (document_id, item_id, dnr) VALUES (%s, %s, %s)",
                            rows.item_diarienummer(doc_id, item_id, item))
    return doc_id


def save_extraction(conn: Any, document_id: int, doc: Document, ext: Extraction) -> None:
    """What extract/ found, as ``extractions.save_extraction`` writes it to SQLite (the same rows,
    ``extractions.ExtractionRows``)."""
    rows = ExtractionRows(document_id, doc, item_locator(doc, [r[0] for r in conn.execute(
        "SELECT id FROM items WHERE document_id = %s ORDER BY idx", (document_id,))]))
    with conn.cursor() as cur:
        cur.executemany(
            'INSERT INTO figures (document_id, item_id, item, page, start, "end", kind, value, unit,'
            " qualifier, per, in_table, text, quote, table_index, table_start, table_end, bbox, value_to)"
            " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            rows.figures(ext))
        cur.executemany(
            'INSERT INTO party_mentions (document_id, item_id, item, page, start, "end", code, text, original,'
            " local) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            rows.parties(ext))
        cur.executemany(
            'INSERT INTO people (document_id, item_id, item, page, start, "end", name, party, role, quote,'
            " party_original) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            rows.people(ext))
        for d in ext.decisions:
            dec_id = conn.execute(
                'INSERT INTO decisions (document_id, item_id, item, page, start, "end", body, status,'
                " decision_date, text) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
                rows.decision(d),
            ).fetchone()[0]
            cur.executemany("INSERT INTO decision_clauses (decision_id, idx, text) VALUES (%s,%s,%s)",
                            rows.clauses(dec_id, d))
        for v in ext.votes:
            vote_id = conn.execute(
                'INSERT INTO votes (document_id, item_id, item, page, start, "end", yes, no, abstain, absent,'
                " proposition, quote, note) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
                rows.vote(v)).fetchone()[0]
            cur.executemany(
                'INSERT INTO roll_call (vote_id, idx, name, name_key, party, vote, role, note, page, start, "end",'
                " text) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                rows.roll_call(vote_id, v))
        for p in ext.positions:
            pos_id = conn.execute(
                'INSERT INTO positions (document_id, item_id, item, page, start, "end", kind, parties,'
                " people, text) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
                rows.position(p),
            ).fetchone()[0]
            cur.executemany("INSERT INTO position_parties (position_id, code) VALUES (%s, %s)"
                            " ON CONFLICT DO NOTHING", rows.position_parties(pos_id, p))
        cur.executemany(
            'INSERT INTO entities (document_id, item_id, item, page, start, "end", label, text)'
            " VALUES (%s,%s,%s,%s,%s,%s,%s,%s)",
            rows.entities(ext))


def load_extraction(conn: Any, document_id: int) -> Extraction:
    def fetch(table: str) -> list[dict[str, Any]]:
        with conn.cursor(row_factory=dict_row) as cur:
            return cur.execute(f"SELECT * FROM {table} WHERE document_id = %s ORDER BY id",  # type: ignore[no-any-return]
                               (document_id,)).fetchall()

    def clauses(ids: list[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for dec_id, text in conn.execute("SELECT decision_id, text FROM decision_clauses WHERE decision_id = ANY(%s)"
                                         " ORDER BY decision_id, idx", (ids,)):
            out.setdefault(int(dec_id), []).append(text)
        return out

    def roll_calls(ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {}
        with conn.cursor(row_factory=dict_row) as cur:
            for r in cur.execute("SELECT * FROM roll_call WHERE vote_id = ANY(%s) ORDER BY vote_id, idx", (ids,)):
                out.setdefault(int(r["vote_id"]), []).append(r)
        return out

    return extraction_from_rows(fetch, clauses, roll_calls)  # type: ignore[arg-type]


def resolve(conn: Any, ref: str | int) -> int:
    """A document id from an id, a source path, or a unique part of the path or title."""
    return store.resolve(conn, ref, ph="%s", like="ILIKE %s")


def _stored(conn: Any, row: dict[str, Any]) -> StoredDocument:
    dnrs = tuple(r[0] for r in conn.execute(
        "SELECT dnr FROM diarienummer WHERE document_id = %s GROUP BY dnr ORDER BY min(id)", (row["id"],)))
    n_items = conn.execute("SELECT count(*) FROM items WHERE document_id = %s", (row["id"],)).fetchone()[0]
    return StoredDocument(
        id=int(row["id"]), source=row["source"], sha256=row["sha256"], size=int(row["size"]),
        pages=row["pages"], title=row["title"], municipality=row["municipality"], committee=row["committee"],
        doc_type=row["doc_type"], date=row["date"], year=row["year"], ocr_pages=row["ocr_pages"],
        needs_ocr_pages=row["needs_ocr_pages"], items=int(n_items), diarienummer=dnrs,
        warnings=tuple(json.loads(row["warnings"] or "[]")), ingested_at=row["ingested_at"],
        org_kind=row.get("org_kind"), kind=row.get("kind"), reader=row.get("reader"),
    )


def document_where(conn: Any, prefix: str = "", *, municipality: str | None = None, committee: str | None = None,
                   doc_type: str | None = None, year: int | None = None,
                   columns: dict[str, str] | None = None) -> tuple[list[str], list[Any]]:
    """``store.document_where`` in PostgreSQL: municipality case-insensitive, committee by
    substring (any case), type and year exact; ``columns`` as there."""
    return store.document_where(conn, prefix, municipality=municipality, committee=committee, doc_type=doc_type,
                                year=year, columns=columns, ph="%s")


def count_undated(conn: Any, *, municipality: str | None = None, committee: str | None = None,
                  doc_type: str | None = None) -> int:
    where, args = document_where(conn, municipality=municipality, committee=committee, doc_type=doc_type)
    sql = "SELECT count(*) FROM documents WHERE " + " AND ".join([*where, "year IS NULL"])
    return int(conn.execute(sql, args).fetchone()[0])


def list_documents(conn: Any, *, municipality: str | None = None, committee: str | None = None,
                   doc_type: str | None = None, year: int | None = None, dnr: str | None = None,
                   ) -> list[StoredDocument]:
    where, args = document_where(conn, municipality=municipality, committee=committee, doc_type=doc_type, year=year)
    if dnr:
        where.append("id IN (SELECT document_id FROM diarienummer WHERE "
                     "starts_with(replace(replace(upper(dnr), ' ', ''), '-', ''), %s))")  # no wildcards
        args.append(dnr.upper().replace(" ", "").replace("-", "").removeprefix("DNR"))
    sql = ("SELECT * FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY date IS NULL, date{C}, source{C}")
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(sql, args).fetchall()
    return [_stored(conn, r) for r in rows]


def get_stored(conn: Any, document_id: int) -> StoredDocument:
    with conn.cursor(row_factory=dict_row) as cur:
        row = cur.execute("SELECT * FROM documents WHERE id = %s", (document_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id}: `namndkoll documents` lists them")
    return _stored(conn, row)


def page_tables(conn: Any, document_id: int, page: int) -> list[Table]:
    with conn.cursor(row_factory=dict_row) as cur:
        return [table_from(page, r) for r in cur.execute(
            "SELECT rows, bbox, cells, caption FROM page_tables WHERE document_id = %s AND page = %s ORDER BY idx",
            (document_id, page)).fetchall()]


def ocr_read_pages(conn: Any, document_ids: Sequence[int]) -> dict[int, frozenset[int]]:
    out: dict[int, set[int]] = {}
    for d, n in conn.execute("SELECT document_id, number FROM pages WHERE ocr = 'ocr' AND document_id = ANY(%s)",
                             (sorted(set(document_ids)),)):
        out.setdefault(d, set()).add(n)
    return {d: frozenset(ns) for d, ns in out.items()}


def load_document(conn: Any, document_id: int) -> Document:
    sd = get_stored(conn, document_id)
    with conn.cursor(row_factory=dict_row) as cur:
        tables: dict[int, list[Table]] = {}
        for r in cur.execute("SELECT page, rows, bbox, cells, caption FROM page_tables WHERE document_id = %s"
                             " ORDER BY page, idx", (document_id,)).fetchall():
            tables.setdefault(r["page"], []).append(table_from(r["page"], r))
        layout = {r["page"]: (unpack_lines(r["lines"]), r["width"], r["height"]) for r in cur.execute(
            "SELECT page, width, height, lines FROM page_layout WHERE document_id = %s", (document_id,)).fetchall()}
        pages = tuple(
            Page(r["number"], r["text"], r["start"], r["header"], r["footer"], r["ocr"],
                 tuple(tables.get(r["number"], ())), *layout.get(r["number"], ((), 0.0, 0.0)))
            for r in cur.execute("SELECT * FROM pages WHERE document_id = %s ORDER BY number",
                                 (document_id,)).fetchall())
        sections: dict[int, list[Section]] = {}
        for s in cur.execute("SELECT * FROM sections WHERE document_id = %s ORDER BY item_id, start",
                             (document_id,)).fetchall():
            sections.setdefault(s["item_id"], []).append(
                Section(s["kind"], s["title"], s["start"], s["end"], s["page_start"], s["page_end"]))
        dnrs: dict[int, list[str]] = {}
        for r in cur.execute("SELECT item_id, dnr FROM diarienummer WHERE document_id = %s AND item_id IS NOT NULL"
                             " ORDER BY id", (document_id,)).fetchall():
            dnrs.setdefault(r["item_id"], []).append(r["dnr"])
        items = [Item(ir["number"], ir["title"], ir["start"], ir["end"], ir["page_start"], ir["page_end"],
                      tuple(sections.get(ir["id"], ())), tuple(dnrs.get(ir["id"], ())),
                      ir["committee"], ir["meeting_date"])
                 for ir in cur.execute("SELECT * FROM items WHERE document_id = %s ORDER BY idx",
                                       (document_id,)).fetchall()]
    item_dnrs = {d for it in items for d in it.diarienummer}
    md = Metadata(sd.title, sd.municipality, sd.committee, sd.doc_type, sd.date,  # type: ignore[arg-type]
                  tuple(d for d in sd.diarienummer if d not in item_dnrs), sd.org_kind, sd.kind,  # type: ignore[arg-type]
                  year=None if sd.date else sd.year)  # an undated budget's title year, as read
    return Document(sd.source, sd.sha256, pages, md, tuple(items), sd.size, sd.warnings, sd.reader or "")


_BYTES = {c: C for c in ("municipality", "committee", "doc_type", "reader")}


def corpus_stats(conn: Any) -> dict[str, Any]:
    def by(col: str) -> dict[str, int]:
        # SQLite's order: most first, then NULL (unknown) before the values, values by code point
        # (PostgreSQL puts NULL last and orders text by the server's collation)
        return {(str(k) if k is not None else "unknown"): int(n) for k, n in conn.execute(
            f"SELECT {col}, count(*) FROM documents GROUP BY {col}"
            f" ORDER BY count(*) DESC, {col} IS NOT NULL, {col}{_BYTES.get(col, '')}")}

    totals = conn.execute(
        "SELECT count(*), coalesce(sum(pages),0), coalesce(sum(ocr_pages),0),"
        " coalesce(sum(needs_ocr_pages),0) FROM documents").fetchone()
    needing = [{"id": int(r[0]), "source": r[1], "pages": r[2]} for r in conn.execute(
        "SELECT id, source, needs_ocr_pages FROM documents WHERE needs_ocr_pages > 0 ORDER BY source" + C)]
    ocr_read = [{"id": int(r[0]), "source": r[1], "pages": int(r[2]), "of": int(r[3])} for r in conn.execute(
        "SELECT id, source, ocr_pages, pages FROM documents WHERE ocr_pages > 0 ORDER BY source" + C)]
    return {
        "documents": int(totals[0]), "pages": int(totals[1]), "ocr_pages": int(totals[2]),
        "needs_ocr_pages": int(totals[3]),
        "items": int(conn.execute("SELECT count(*) FROM items").fetchone()[0]),
        "by_municipality": by("municipality"), "by_committee": by("committee"),
        "by_type": by("doc_type"), "by_year": by("year"), "needing_ocr": needing,
        "ocr_read": ocr_read, "by_reader": by("reader"),
    }


def diarienummer_for(conn: Any, document_id: int, item: str | None) -> tuple[str, ...]:
    """As ``passages.diarienummer_for``: the § item's own numbers (none if the § has none and the
    document has other §§); outside any §, the document's numbers that belong to no § (none in
    a protocol of several §§)."""
    if item is not None:
        rows = conn.execute(
            "SELECT x.dnr FROM diarienummer x JOIN items i ON i.id = x.item_id"
            " WHERE i.document_id = %s AND i.number = %s GROUP BY x.dnr ORDER BY min(x.id)",
            (document_id, item)).fetchall()
        if rows:
            return tuple(r[0] for r in rows)
    if conn.execute("SELECT count(*) FROM items WHERE document_id = %s", (document_id,)).fetchone()[0] > 1:
        return ()
    rows = conn.execute(
        "SELECT dnr FROM diarienummer WHERE document_id = %s AND item_id IS NULL AND dnr NOT IN"
        " (SELECT x.dnr FROM diarienummer x WHERE x.document_id = %s AND x.item_id IS NOT NULL)"
        " GROUP BY dnr ORDER BY min(id)", (document_id, document_id)).fetchall()
    return tuple(r[0] for r in rows)


def diarienummer_many(conn: Any, keys: Sequence[tuple[int, str | None]]) -> dict[tuple[int, str | None], tuple[str, ...]]:
    """``diarienummer_for`` of many (document_id, item) at once, in at most three statements
    instead of one to three per passage: a search's hits and the copies folded into them asked
    ~50 small queries (at 1M passages ~10 ms of a query, and as many round trips). The same
    numbers in the same order: the same groups, each ordered by its first row's id."""
    keys = list(dict.fromkeys((int(d), i) for d, i in keys))
    if not keys:
        return {}
    out: dict[tuple[int, str | None], tuple[str, ...]] = {}
    with_item = sorted({d for d, i in keys if i is not None})
    own: dict[tuple[int, str], list[str]] = {}
    if with_item:
        for doc, number, dnr in conn.execute(
                "SELECT i.document_id, i.number, x.dnr FROM diarienummer x JOIN items i ON i.id = x.item_id"
                " WHERE i.document_id = ANY(%s) GROUP BY i.document_id, i.number, x.dnr ORDER BY min(x.id)",
                (with_item,)):
            own.setdefault((int(doc), number), []).append(dnr)
    lacking = sorted({d for d, i in keys if i is None or (d, i) not in own})
    many_items = set()
    if lacking:
        many_items = {int(r[0]) for r in conn.execute(
            "SELECT document_id FROM items WHERE document_id = ANY(%s) GROUP BY document_id HAVING count(*) > 1",
            (lacking,))}
    whole: list[int] = []
    for d, i in keys:
        if i is not None and (d, i) in own:
            out[(d, i)] = tuple(own[(d, i)])
        elif d in many_items:  # a protocol's § without numbers, or its pages outside the §§
            out[(d, i)] = ()
        else:
            whole.append(d)
    if whole:
        docs: dict[int, list[str]] = {}
        for doc, dnr in conn.execute(
                "SELECT d.document_id, d.dnr FROM diarienummer d WHERE d.document_id = ANY(%s)"
                " AND d.item_id IS NULL AND d.dnr NOT IN (SELECT x.dnr FROM diarienummer x"
                " WHERE x.document_id = d.document_id AND x.item_id IS NOT NULL)"
                " GROUP BY d.document_id, d.dnr ORDER BY min(d.id)", (sorted(set(whole)),)):
            docs.setdefault(int(doc), []).append(dnr)
        for d, i in keys:
            if (d, i) not in out:
                out[(d, i)] = tuple(docs.get(d, ()))
    return out


# ---- listing what extract/ stored -----------------------------------------------------------

# a row's body, date and year: its §'s own for a bundled protocol extract (extractions.ORIGIN,
# with PostgreSQL's cast for the year)
ORIGIN = {**_SQLITE_ORIGIN, "year": "COALESCE(substr(i.meeting_date, 1, 4)::int, d.year)"}
_DOC_COLS = ("d.id AS document_id, d.source, d.title, d.municipality,"
             f" {ORIGIN['committee']} AS committee, d.doc_type, d.kind AS doc_kind, {ORIGIN['date']} AS date,"
             f" {ORIGIN['year']} AS year")


def list_extracted(conn: Any, what: str, *, municipality: str | None = None, committee: str | None = None,
                   year: int | None = None, document: int | None = None, limit: int | None = None,
                   kind: str | None = None, unit: str | None = None, party: str | None = None,
                   member: str | None = None, ids: list[int] | None = None, item_id: int | None = None,
                   ) -> list[dict[str, Any]]:
    """The rows ``extractions.list_<what>`` gives from SQLite, with the same keys and order
    (``ids``, ``item_id``: the web pages' picks, as corpus/web.py makes them)."""
    where, args = document_where(conn, "d.", municipality=municipality, committee=committee, year=year,
                                 columns=ORIGIN)
    if document is not None:
        where.append("d.id = %s")
        args.append(document)
    if ids is not None:
        where.append("x.id = ANY(%s)")
        args.append(list(ids))
    if item_id is not None:
        where.append("x.item_id = %s")
        args.append(item_id)
    keys = member_name_keys(conn, member, "%s") if what == "votes" and member else None
    if keys is not None:
        where.append("EXISTS (SELECT 1 FROM roll_call rc WHERE rc.vote_id = x.id AND rc.name_key = ANY(%s))")
        args.append(sorted(keys))
    if what == "figures":
        if kind:
            where.append("x.kind = %s")
            args.append(kind)
        if unit:
            where.append("lower(x.unit) = lower(%s)")
            args.append(unit)
    elif what == "decisions" and kind:
        where.append("x.status = %s")
        args.append(kind)
    elif what == "positions":
        if party:
            where.append("EXISTS (SELECT 1 FROM position_parties pp WHERE pp.position_id = x.id"
                         " AND lower(pp.code) = lower(%s))")
            args.append(party)
        if kind:
            where.append("x.kind = %s")
            args.append(kind)
    elif what == "people" and party:
        where.append("lower(x.party) = lower(%s)")
        args.append(party)
    # the SQLite rows hold x.* then the document's columns (its id again as document_id)
    title = ", i.title AS item_title" if what == "votes" else ""  # the § a vote is in, by name
    sql = (f"SELECT x.*, {PAGE_END}, {_DOC_COLS}{title} FROM {what} x JOIN documents d ON d.id = x.document_id"
           " LEFT JOIN items i ON i.id = x.item_id" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {ORIGIN['date']} IS NULL, {ORIGIN['date']}{C}, d.source{C}, x.start, x.id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(sql, args).fetchall()
    return finish_rows(conn, what, rows, member_keys=keys)


def finish_rows(conn: Any, what: str, rows: list[dict[str, Any]], *, member_keys: set[str] | None = None
                ) -> list[dict[str, Any]]:
    """Listed rows shaped as extractions.py shapes them."""
    for i, row in enumerate(rows):
        row.pop("item_id", None)
        row = rows[i] = item_keys(row)
        for key in ("id", "document_id"):
            row[key] = int(row[key])
    if what == "figures":
        for r in rows:
            shape_figure_row(r)
    elif what == "decisions":
        clauses: dict[int, list[str]] = {}
        for dec_id, text in conn.execute(
                "SELECT decision_id, text FROM decision_clauses WHERE decision_id = ANY(%s) ORDER BY decision_id, idx",
                ([r["id"] for r in rows],)):
            clauses.setdefault(int(dec_id), []).append(text)
        for r in rows:
            r["clauses"] = clauses.get(r["id"], [])
            r["quote"] = quote(r["text"])
    elif what == "positions":
        for r in rows:
            r["parties"] = json.loads(r["parties"])
            r["people"] = json.loads(r["people"])
            r["quote"] = quote(r["text"])
    elif what == "votes":
        calls: dict[int, list[dict[str, Any]]] = {}
        for vid, *e in conn.execute("SELECT vote_id, name, party, vote, role, note, page FROM roll_call"
                                    " WHERE vote_id = ANY(%s) ORDER BY vote_id, idx", ([r["id"] for r in rows],)):
            calls.setdefault(int(vid), []).append(dict(zip(("name", "party", "vote", "role", "note", "page"), e)))
        with_roll_calls(rows, calls, member_keys)
    return rows
