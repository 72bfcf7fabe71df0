"""Reading the PostgreSQL search index's passages back for hits, citations and filters (as
``passages.py`` does in SQLite): chunk rows with their document, the chunks a party or a
span touches, a § item's stored positions, decisions and votes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psycopg.rows import dict_row

from .extractions import PAGE_END
from .passages import CHUNK_ROWS
from .pg_index import cached
from .pg_store import C


def bodies(conn: Any) -> list[str]:
    """The municipalities, regions and other bodies the stored documents come from (kept
    CACHE_S: every question that names a place asks)."""
    return list(cached(conn, "bodies", lambda: tuple(r[0] for r in conn.execute(
        "SELECT DISTINCT municipality FROM documents WHERE municipality IS NOT NULL"))))


def figure_units(conn: Any, kind: str | None = None) -> list[tuple[str, int]]:
    """(unit, figures) of the stored figures (of ``kind``), the most common first."""
    where, args = ("WHERE kind = %s", (kind,)) if kind else ("", ())
    return [(r[0], int(r[1])) for r in conn.execute(
        f"SELECT unit, count(*) AS n FROM figures {where} GROUP BY unit ORDER BY n DESC, unit{C}", args)]


def item_record(conn: Any, document_id: int, item: str) -> dict[str, Any] | None:
    """A § item's number, title, span and pages (``passages.item_record``)."""
    with conn.cursor(row_factory=dict_row) as cur:
        r = cur.execute('SELECT number, title, start, "end", page_start, page_end FROM items'
                        " WHERE document_id = %s AND number = %s ORDER BY start LIMIT 1", (document_id, item)).fetchone()
    return dict(r) if r else None


def item_extractions(conn: Any, document_id: int, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
    """Stored positions, decisions and votes inside a span of a document (``passages.item_extractions``)."""
    import json

    span = (document_id, start, end)
    inside = ' WHERE document_id = %s AND start >= %s AND "end" <= %s ORDER BY start, id'
    out: dict[str, list[dict[str, Any]]] = {}
    out["positions"] = [
        {"kind": r[0], "parties": json.loads(r[1]), "text": r[2], "page": r[3], "start": r[4], "end": r[5],
         "page_end": r[6] or r[3]}
        for r in conn.execute(f'SELECT kind, parties, text, page, start, "end", {PAGE_END} FROM positions x' + inside,
                              span)]
    out["decisions"] = [
        {"status": r[0], "text": r[1], "page": r[2], "start": r[3], "end": r[4]}
        for r in conn.execute('SELECT status, text, page, start, "end" FROM decisions' + inside, span)]
    votes = conn.execute('SELECT yes, no, abstain, absent, proposition, page, start, "end", id FROM votes' + inside,
                         span).fetchall()
    by_party: dict[int, dict[str, dict[str, int]]] = {}
    # the last page of each vote's member list: a party's tally is read there
    list_end: dict[int, int] = {int(vid): int(page) for vid, page in conn.execute(
        "SELECT vote_id, max(page) FROM roll_call WHERE vote_id = ANY(%s) GROUP BY vote_id", ([int(v[8]) for v in votes],))}
    for vid, party, vote, n in conn.execute(
            "SELECT vote_id, party, vote, count(*) FROM roll_call WHERE vote_id = ANY(%s) AND party IS NOT NULL"
            " GROUP BY vote_id, party, vote", ([int(v[8]) for v in votes],)):
        by_party.setdefault(int(vid), {}).setdefault(party, {})[vote] = int(n)
    out["votes"] = [{"yes": r[0], "no": r[1], "abstain": r[2], "absent": r[3], "proposition": r[4], "page": r[5],
                     "start": r[6], "end": r[7], "by_party": by_party.get(int(r[8]), {}),
                     "roll_call_page_end": list_end.get(int(r[8]))} for r in votes]
    return out


def chunk_rows(conn: Any, ids: Sequence[int]) -> dict[int, Any]:
    """Chunks with their document's source and metadata, keyed by chunk id."""
    if not ids:
        return {}
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(CHUNK_ROWS + " WHERE c.id = ANY(%s)", ([int(i) for i in ids],)).fetchall()
    out = {}
    for r in rows:
        r["id"], r["document_id"] = int(r["id"]), int(r["document_id"])
        out[r["id"]] = r
    return out


def chunks_overlapping(conn: Any, spans: Sequence[tuple[int, int, int]]) -> dict[tuple[int, int, int], list[int]]:
    """For each (document_id, start, end) span, the ids of the chunks overlapping it."""
    out: dict[tuple[int, int, int], list[int]] = {tuple(s): [] for s in spans}  # type: ignore[misc]
    if not spans:
        return out
    rows = conn.execute(
        'SELECT s.doc, s.st, s.en, c.id FROM unnest(%s::bigint[], %s::int[], %s::int[]) AS s(doc, st, en)'
        ' JOIN chunks c ON c.document_id = s.doc AND c.start < s.en AND c."end" > s.st ORDER BY c.start, c.id',
        ([s[0] for s in spans], [s[1] for s in spans], [s[2] for s in spans])).fetchall()
    for doc, st, en, cid in rows:
        out[(int(doc), int(st), int(en))].append(int(cid))
    return out


def party_spans(conn: Any, code: str, tables: Sequence[str] = ("positions", "party_mentions")
                ) -> list[tuple[int, int, int]]:
    """(document_id, start, end) of stored positions (and party mentions) of ``code``."""
    queries = {
        "positions": 'SELECT p.document_id, p.start, p."end" FROM positions p JOIN position_parties pp'
                     " ON pp.position_id = p.id WHERE pp.code = %s ORDER BY p.id",
        "party_mentions": 'SELECT document_id, start, "end" FROM party_mentions WHERE code = %s ORDER BY id',
        "people": 'SELECT document_id, start, "end" FROM people WHERE party = %s ORDER BY id',
    }
    spans: list[tuple[int, int, int]] = []
    for table in tables:
        if table in queries:
            spans += [(int(r[0]), int(r[1]), int(r[2])) for r in conn.execute(queries[table], (code,))]
    return spans


def party_chunk_ids(conn: Any, code: str) -> list[int]:
    """Chunks that state or mention a party (as ``passages.party_chunk_ids`` in SQLite)."""
    from ..registry import PARTIES, named_by_stem, party_code_of

    code = party_code_of(code) or code  # "fp", "Folkpartiet", "sossarna": as --party reads them
    ids: set[int] = set()
    for found in chunks_overlapping(conn, party_spans(conn, code)).values():
        ids.update(found)
    if code not in PARTIES:  # an unknown code: its stored positions and "(code)", no name (as SQLite)
        ids.update(int(r[0]) for r in conn.execute("SELECT id FROM chunks WHERE strpos(text, %s) > 0",
                                                    (f"({code})",)))
        return sorted(ids)
    # a stem must begin a word: Demokraterna's is inside "Socialdemokraterna"
    likes = ["%" + s.split()[0].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
             for s in PARTIES[code].stems]
    ids.update(int(r[0]) for r in conn.execute(
        "SELECT id, text FROM chunks WHERE strpos(text, %s) > 0" + " OR text ILIKE %s" * len(likes),
        (f"({code})", *likes))
        if f"({code})" in r[1] or named_by_stem(code, r[1]))
    return sorted(ids)


def positions_in(conn: Any, document_id: int, start: int, end: int) -> list[tuple[str, tuple[str, ...], str, int]]:
    """(kind, party codes, text, page) of the stored positions overlapping a span of a document."""
    import json

    rows = conn.execute(
        'SELECT kind, parties, text, page FROM positions WHERE document_id = %s AND start < %s AND "end" > %s'
        " ORDER BY start, id", (document_id, end, start)).fetchall()
    return [(r[0], tuple(json.loads(r[1])), r[2], r[3]) for r in rows]
