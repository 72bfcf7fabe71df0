"""The SQL of the web pages and the roll-call listings (corpus/web.py, corpus/members.py) for
PostgreSQL: a case followed by its diarienummer, extractions picked by id, the party codes in
given chunks, members and their votes. The shaping and the counting are those modules' own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psycopg.rows import dict_row

from .members import roll_sql, words_in_order
from .pg_store import ORIGIN, C, document_where, list_extracted
from .web import dnr_key

_WHAT = ("figures", "decisions", "votes", "positions")


def case_entries(conn: Any, dnr: str) -> list[dict[str, Any]]:
    """As ``web.case_entries``: every document and § item naming ``dnr``, oldest first, each with
    the decisions, votes and positions stored inside it."""
    key = dnr_key(dnr)
    if not key:
        return []
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(
            "SELECT * FROM (SELECT DISTINCT d.id AS document_id, d.source, d.title, d.municipality,"
            f" {ORIGIN['committee']} AS committee, d.doc_type, d.kind, {ORIGIN['date']} AS date, d.pages, x.dnr,"
            " i.id AS item_id, i.number AS item, i.title AS item_title,"
            ' i.page_start, i.start, i."end"'
            " FROM diarienummer x JOIN documents d ON d.id = x.document_id"
            " LEFT JOIN items i ON i.id = x.item_id"
            " WHERE starts_with(replace(replace(upper(x.dnr), ' ', ''), '-', ''), %s)) AS t"
            f" ORDER BY date IS NULL, date{C}, document_id, start", (key,)).fetchall()
    with_items = {r["document_id"] for r in rows if r["item_id"] is not None}
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int | None]] = set()
    for entry in rows:
        entry["document_id"] = int(entry["document_id"])
        entry["item_id"] = int(entry["item_id"]) if entry["item_id"] is not None else None
        ident = (entry["document_id"], entry["item_id"])
        if ident in seen or (entry["item_id"] is None and entry["document_id"] in with_items):
            continue
        seen.add(ident)
        pick: dict[str, Any] = ({"item_id": entry["item_id"]} if entry["item_id"] is not None
                                else {"document": entry["document_id"]})
        for what in ("decisions", "votes", "positions"):
            entry[what] = list_extracted(conn, what, **pick)
        out.append(entry)
    return out


# web.STEP_COLS in PostgreSQL
_STEP_COLS = ("d.id AS document_id, d.source, d.title, d.municipality,"
              f" {ORIGIN['committee']} AS committee, d.doc_type, d.kind, {ORIGIN['date']} AS date, d.pages,"
              " (SELECT min(y.dnr) FROM diarienummer y WHERE y.item_id = i.id) AS dnr,"
              ' i.id AS item_id, i.number AS item, i.title AS item_title, i.page_start, i.start, i."end"')


def _step(row: dict[str, Any]) -> dict[str, Any]:
    row["document_id"], row["item_id"] = int(row["document_id"]), int(row["item_id"])
    return row


def numbered_items(conn: Any, municipality: str | None, number: str) -> list[dict[str, Any]]:
    """As ``web.numbered_items``."""
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(f"SELECT {_STEP_COLS} FROM items i JOIN documents d ON d.id = i.document_id"
                           " WHERE d.municipality IS NOT DISTINCT FROM %s AND i.number = %s ORDER BY d.id, i.start",
                           (municipality, number)).fetchall()
    return [_step(r) for r in rows]


def case_step(conn: Any, item_id: int) -> dict[str, Any] | None:
    """As ``web.case_step``."""
    with conn.cursor(row_factory=dict_row) as cur:
        row = cur.execute(f"SELECT {_STEP_COLS} FROM items i JOIN documents d ON d.id = i.document_id"
                          " WHERE i.id = %s", (item_id,)).fetchone()
    if row is None:
        return None
    entry = _step(row)
    for what in ("decisions", "votes", "positions"):
        entry[what] = list_extracted(conn, what, item_id=entry["item_id"])
    return entry


def documents_naming_item(conn: Any, municipality: str | None, number: str, since: str | None = None,
                          until: str | None = None) -> list[tuple[int, str]]:
    """As ``web.documents_naming_item``."""
    rows = conn.execute("SELECT p.document_id, p.text FROM pages p JOIN documents d ON d.id = p.document_id"
                        " WHERE d.municipality IS NOT DISTINCT FROM %s AND (strpos(p.text, %s) > 0"
                        " OR strpos(p.text, %s) > 0) AND (d.date IS NULL OR ((%s::text IS NULL OR d.date >= %s)"
                        " AND (%s::text IS NULL OR d.date <= %s))) ORDER BY p.document_id, p.number",
                        (municipality, f"§ {number}", f"§{number}", since, since, until, until)).fetchall()
    return [(int(r[0]), r[1]) for r in rows]


def body_numbers(conn: Any, municipality: str | None) -> list[tuple[str, str | None]]:
    """As ``web.body_numbers``."""
    rows = conn.execute(f"SELECT DISTINCT {ORIGIN['committee']}, y.dnr FROM items i"
                        " JOIN documents d ON d.id = i.document_id LEFT JOIN diarienummer y ON y.item_id = i.id"
                        f" WHERE d.municipality IS NOT DISTINCT FROM %s AND {ORIGIN['committee']} IS NOT NULL",
                        (municipality,)).fetchall()
    return [(r[0], r[1]) for r in rows]


def extracted_by_ids(conn: Any, what: str, ids: Sequence[int]) -> list[dict[str, Any]]:
    if what not in _WHAT or not ids:
        return []
    return list_extracted(conn, what, ids=[int(i) for i in list(ids)[:1000]])


def chunk_party_codes(conn: Any, chunk_ids: Sequence[int]) -> dict[int, set[str]]:
    """Per chunk, the party codes of the stored positions and party mentions inside its span."""
    out: dict[int, set[str]] = {int(c): set() for c in chunk_ids}
    if not out:
        return out
    for cid, code in conn.execute(
            'SELECT DISTINCT c.id, m.code FROM chunks c JOIN party_mentions m ON m.document_id = c.document_id'
            ' WHERE c.id = ANY(%s) AND m.start < c."end" AND m."end" > c.start'
            " UNION SELECT DISTINCT c.id, pp.code FROM chunks c JOIN positions m ON m.document_id = c.document_id"
            ' JOIN position_parties pp ON pp.position_id = m.id WHERE c.id = ANY(%s) AND m.start < c."end"'
            ' AND m."end" > c.start', (list(out), list(out))):
        out[int(cid)].add(code)
    return out


def roll_rows(conn: Any, *, municipality: str | None = None, committee: str | None = None,
              year: int | None = None) -> list[Any]:
    """members.roll_rows in PostgreSQL."""
    where, args = document_where(conn, "d.", municipality=municipality, committee=committee, year=year,
                                 columns=ORIGIN)
    return conn.execute(roll_sql(ORIGIN, where), args).fetchall()


def member_names(conn: Any, fragment: str, limit: int = 5) -> list[str]:
    rows = conn.execute(f"SELECT min(name{C}), count(*) AS n FROM roll_call WHERE name_key LIKE %s GROUP BY name_key"
                        f" ORDER BY n DESC, min(name{C}) LIMIT %s", (words_in_order(fragment), limit)).fetchall()
    return [r[0] for r in rows]
