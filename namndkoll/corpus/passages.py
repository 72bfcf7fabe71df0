"""Reading the search index's passages back for hits, citations and filters (SQLite): chunk
rows with their document, a passage's diarienummer, the chunks a party or a § item's stored
positions, decisions and votes touch. Searching is in ``index.py`` (vectors) and
``keywords.py`` (FTS5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .extractions import PAGE_END

# A hit's chunk with its document and § title, as both backends read it (search/ reads the
# columns by name): the backend adds its own "WHERE c.id in these ids"
# (a § of a protocol extract bundled in the document is cited with its own body and meeting date)
_ITEM_OF_CHUNK = ("(SELECT i.{col} FROM items i WHERE i.document_id = c.document_id AND i.number = c.item"
                  " AND i.start <= c.start ORDER BY i.start DESC LIMIT 1)")
CHUNK_ROWS = (
    'SELECT c.id, c.document_id, c.item, c.section, c.start, c."end", c.page_start, c.page_end,'
    " c.text, d.source, d.title, d.municipality,"
    f" COALESCE({_ITEM_OF_CHUNK.format(col='committee')}, d.committee) AS committee, d.doc_type,"
    f" COALESCE({_ITEM_OF_CHUNK.format(col='meeting_date')}, d.date) AS date, c.context, d.org_kind, d.kind,"
    f" {_ITEM_OF_CHUNK.format(col='title')} AS item_title,"
    # the bundled §'s own body (None for the document's own §§), and the document's own body and
    # date: the citation names the extract and the document it stands in
    f" {_ITEM_OF_CHUNK.format(col='committee')} AS item_committee, d.committee AS doc_committee,"
    " d.date AS doc_date"
    " FROM chunks c JOIN documents d ON d.id = c.document_id")


def chunk_rows(conn: Any, ids: Sequence[int]) -> dict[int, Any]:
    """Chunks with their document's source and metadata, keyed by chunk id."""
    if not ids:
        return {}
    q = ",".join("?" * len(ids))
    rows = conn.execute(CHUNK_ROWS + f" WHERE c.id IN ({q})", list(ids)).fetchall()
    return {int(r[0]): r for r in rows}


def diarienummer_for(conn: Any, document_id: int, item: str | None) -> tuple[str, ...]:
    """The diarienummer a passage may cite: its § item's own (none if the § has none: a
    protocol's other §§' numbers are not this one's); outside any §, the document's numbers
    that belong to no § (a report's, a protokollsutdrag's header) — but none in a protocol of
    several §§, whose pages outside them (its front page, attendance, signatures, an attached
    list of another body's decisions) state no case of their own."""
    if item is not None:
        rows = conn.execute(
            "SELECT DISTINCT x.dnr FROM diarienummer x JOIN items i ON i.id = x.item_id"
            " WHERE i.document_id = ? AND i.number = ? ORDER BY x.rowid", (document_id, item)).fetchall()
        if rows:
            return tuple(r[0] for r in rows)
    n_items = conn.execute("SELECT count(*) FROM items WHERE document_id = ?", (document_id,)).fetchone()[0]
    if n_items > 1:
        return ()
    rows = conn.execute(
        "SELECT DISTINCT dnr FROM diarienummer WHERE document_id = ? AND item_id IS NULL AND dnr NOT IN"
        " (SELECT x.dnr FROM diarienummer x WHERE x.document_id = ? AND x.item_id IS NOT NULL)"
        " ORDER BY rowid", (document_id, document_id)).fetchall()
    return tuple(r[0] for r in rows)


def bodies(conn: Any) -> list[str]:
    """The municipalities, regions and other bodies the stored documents come from."""
    return [r[0] for r in conn.execute("SELECT DISTINCT municipality FROM documents WHERE municipality IS NOT NULL")]


def figure_units(conn: Any, kind: str | None = None) -> list[tuple[str, int]]:
    """(unit, figures) of the stored figures (of ``kind``), the most common first."""
    where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
    return [(r[0], int(r[1])) for r in conn.execute(
        f"SELECT unit, count(*) AS n FROM figures {where} GROUP BY unit ORDER BY n DESC, unit", args)]


def table_exists(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def chunks_overlapping(conn: Any, spans: Sequence[tuple[int, int, int]]) -> dict[tuple[int, int, int], list[int]]:
    """For each (document_id, start, end) span, the ids of the chunks overlapping it."""
    out: dict[tuple[int, int, int], list[int]] = {}
    for span in spans:
        doc_id, start, end = span
        out[span] = [r[0] for r in conn.execute(
            'SELECT id FROM chunks WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY start',
            (doc_id, end, start))]
    return out


def section_chunk_ids(conn: Any, kinds: Sequence[str]) -> list[int]:
    q = ",".join("?" * len(kinds))
    return [r[0] for r in conn.execute(f"SELECT id FROM chunks WHERE section IN ({q})", list(kinds))]


def doc_type_chunk_ids(conn: Any, doc_types: Sequence[str]) -> list[int]:
    q = ",".join("?" * len(doc_types))
    return [r[0] for r in conn.execute(f"SELECT id FROM chunks WHERE doc_type IN ({q})", list(doc_types))]


# ---- parties --------------------------------------------------------------------------------

def _columns(conn: Any, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def party_spans(conn: Any, code: str, tables: Sequence[str] = ("positions", "party_mentions")
                ) -> list[tuple[int, int, int]]:
    """(document_id, start, end) of stored positions (and party mentions) of ``code`` (the
    extract stage's tables, when that stage has run)."""
    from .store import like_escape

    spans: list[tuple[int, int, int]] = []
    for table in tables:
        if not table_exists(conn, table):
            continue
        cols = _columns(conn, table)
        if not {"document_id", "start", "end"} <= cols:
            continue
        if "parties" in cols:  # a JSON list or a space/comma separated list of codes
            cond = ("(' ' || replace(replace(replace(replace(parties, '[', ' '), ']', ' '), '\"', ' '), ',', ' ')"
                    " || ' ') LIKE ? ESCAPE '\\'")
            arg = f"% {like_escape(code)} %"
        elif "party" in cols:
            cond, arg = "party = ?", code
        elif "code" in cols:
            cond, arg = "code = ?", code
        else:
            continue
        spans += [(r[0], r[1], r[2]) for r in conn.execute(
            f'SELECT document_id, start, "end" FROM {table} WHERE {cond}', (arg,))]
    return spans


def party_chunk_ids(conn: Any, code: str) -> list[int]:
    """Chunks that state or mention a party: stored positions/mentions overlapping the chunk,
    or, in the chunk's own text, "(S)" after a name or the party's name."""
    from ..registry import PARTIES, named_by_stem, party_code_of
    from .store import like_contains

    code = party_code_of(code) or code  # "fp", "Folkpartiet", "sossarna": as --party reads them
    ids: set[int] = set()
    for found in chunks_overlapping(conn, party_spans(conn, code)).values():
        ids.update(found)
    if code in PARTIES:  # an unknown code matches its stored positions and "(code)", no name
        # a stem must begin a word: Demokraterna's is inside "Socialdemokraterna"
        # "liberaler", "folkparti" for L; SQLite's LIKE folds ASCII letters only, so a heading's
        # "VÄNSTERPARTIET" needs the upper-case stem (PostgreSQL's ILIKE finds both)
        starts = list(dict.fromkeys(f for s in PARTIES[code].stems for f in (s.split()[0], s.split()[0].upper())))
        ids.update(r[0] for r in conn.execute(
            "SELECT id, text FROM chunks WHERE instr(text, ?) > 0"
            + " OR text LIKE ? ESCAPE '\\'" * len(starts), (f"({code})", *map(like_contains, starts)))
            if f"({code})" in r[1] or named_by_stem(code, r[1]))
    else:
        ids.update(r[0] for r in conn.execute("SELECT id FROM chunks WHERE instr(text, ?) > 0", (f"({code})",)))
    return sorted(ids)


def positions_in(conn: Any, document_id: int, start: int, end: int) -> list[tuple[str, tuple[str, ...], str, int]]:
    """(kind, party codes, text, page) of the stored positions overlapping a span of a document."""
    if not table_exists(conn, "positions"):
        return []
    import json

    rows = conn.execute(
        'SELECT kind, parties, text, page FROM positions WHERE document_id = ? AND start < ? AND "end" > ? '
        "ORDER BY start", (document_id, end, start)).fetchall()
    return [(r[0], tuple(json.loads(r[1])), r[2], r[3]) for r in rows]


def item_record(conn: Any, document_id: int, item: str) -> dict[str, Any] | None:
    """A § item's title, span and pages, with its document's date, body and source."""
    r = conn.execute(
        'SELECT i.number, i.title, i.start, i."end", i.page_start, i.page_end FROM items i'
        " WHERE i.document_id = ? AND i.number = ? ORDER BY i.start LIMIT 1", (document_id, item)).fetchone()
    if r is None:
        return None
    return {"number": r[0], "title": r[1], "start": r[2], "end": r[3], "page_start": r[4], "page_end": r[5]}


def item_extractions(conn: Any, document_id: int, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
    """What extract/ stored inside a span of a document (a § item): positions, decisions, votes."""
    import json

    out: dict[str, list[dict[str, Any]]] = {"positions": [], "decisions": [], "votes": []}
    if table_exists(conn, "positions"):
        out["positions"] = [
            {"kind": r[0], "parties": json.loads(r[1]), "text": r[2], "page": r[3], "start": r[4], "end": r[5],
             "page_end": r[6] or r[3]}
            for r in conn.execute(f'SELECT kind, parties, text, page, start, "end", {PAGE_END} FROM positions x'
                                  ' WHERE document_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
                                  (document_id, start, end))]
    if table_exists(conn, "decisions"):
        out["decisions"] = [
            {"status": r[0], "text": r[1], "page": r[2], "start": r[3], "end": r[4]}
            for r in conn.execute('SELECT status, text, page, start, "end" FROM decisions'
                                  ' WHERE document_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
                                  (document_id, start, end))]
    if table_exists(conn, "votes"):
        out["votes"] = [
            {"yes": r[0], "no": r[1], "abstain": r[2], "absent": r[3], "proposition": r[4], "page": r[5],
             "start": r[6], "end": r[7], "by_party": _roll_call_by_party(conn, r[8]),
             "roll_call_page_end": _roll_call_page_end(conn, r[8])}
            for r in conn.execute('SELECT yes, no, abstain, absent, proposition, page, start, "end", id FROM votes'
                                  ' WHERE document_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
                                  (document_id, start, end))]
    return out


def _roll_call_by_party(conn: Any, vote_id: int) -> dict[str, dict[str, int]]:
    """How each party's members voted in a vote with a roll call: {party: {ja: n, nej: n, ...}}."""
    if not table_exists(conn, "roll_call"):
        return {}
    out: dict[str, dict[str, int]] = {}
    for party, vote, n in conn.execute(
            "SELECT party, vote, count(*) FROM roll_call WHERE vote_id = ? AND party IS NOT NULL"
            " GROUP BY party, vote", (vote_id,)):
        out.setdefault(party, {})[vote] = n
    return out


def _roll_call_page_end(conn: Any, vote_id: int) -> int | None:
    """The last page of a vote's member list (a Voteringslista at the end of the § or protocol),
    None without one: a party's tally is read there, not on the result's page."""
    if not table_exists(conn, "roll_call"):
        return None
    row = conn.execute("SELECT max(page) FROM roll_call WHERE vote_id = ?", (vote_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def chunk_origins(chunks: Sequence[Any], items: Sequence[Any], committee: str | None, year: int | None
                  ) -> list[tuple[str | None, int | None]]:
    """Each chunk's body and year for the search filters: those of the bundled protocol extract's
    § it lies in (``items``: (start, end, committee, meeting_date) of the §§ that have them),
    else the document's."""
    out: list[tuple[str | None, int | None]] = []
    for c in chunks:
        it = next((i for i in items if i[0] <= c.start < i[1]), None)
        if it is None:
            out.append((committee, year))
        else:
            out.append((it[2] or committee, int(it[3][:4]) if it[3] else year))
    return out


# the §§ of a document with a body or date of their own (a bundled protocol extract's)
ORIGIN_ITEMS = ('SELECT start, "end", committee, meeting_date FROM items WHERE document_id = {ph}'
                " AND (committee IS NOT NULL OR meeting_date IS NOT NULL)")

