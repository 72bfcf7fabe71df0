"""Saved topics (``namndkoll watch``, migration 0021): their rows, and which documents were
stored since a topic was last looked at. The SQL is the same on both backends (``ph``: the
placeholder); what differs is passed in by ``sqlite.py`` and ``postgres.py``: the clock's
expression, the lock that makes a cut, and where a backend keeps passages still waiting for a
vector.

A cut is a moment taken while no document is being written, after which the clock is let past
it: every document stored at or before it is committed (a run sees it), and every document
stored after it has a later ``stored_at`` (the next run sees it). Without the lock, a document
whose transaction was open at the cut — inserted before it, committed after — would fall between
two runs and never be shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ..errors import CorpusError, NotFoundError
from .store import document_where

# the filters a watch keeps, as its columns; '' stored for none (0 for no year: migration 0022)
FILTERS = ("municipality", "committee", "doc_type", "party")
YEARS = ("year_from", "year_to")
_COLUMNS = ("id, topic, municipality, committee, doc_type, party, year_from, year_to, created_at, seen_until,"
            " last_run_at")


def as_row(r: Any) -> dict[str, Any]:
    """A watch's row with None for a filter not given."""
    row = dict(zip(_COLUMNS.split(", "), tuple(r)))
    row["id"] = int(row["id"])
    for f in FILTERS:
        row[f] = row[f] or None
    for y in YEARS:
        row[y] = int(row[y]) or None
    return row


def cut(conn: Any, clock_sql: str) -> str:
    """The clock now (``clock_sql``: the same expression the backend's ``stored_at`` is set
    with), returned once the clock has moved past it (a millisecond): a document inserted after
    this returns is stored later than the cut, never at the same moment."""
    mark = str(conn.execute(f"SELECT {clock_sql}").fetchone()[0])
    while str(conn.execute(f"SELECT {clock_sql}").fetchone()[0]) <= mark:
        time.sleep(0.0005)
    return mark


def add(conn: Any, topic: str, filters: dict[str, Any], when: str, *, ph: str = "?") -> dict[str, Any]:
    """A new watch of ``topic`` under ``filters`` (``FILTERS`` and ``YEARS``), looking at
    documents stored after ``when``; CorpusError if the same topic under the same filters is
    watched already."""
    values = [filters.get(f) or "" for f in FILTERS] + [filters.get(y) or 0 for y in YEARS]
    columns = ", ".join((*FILTERS, *YEARS))
    same = conn.execute(f"SELECT id FROM watches WHERE topic = {ph} AND "
                        + " AND ".join(f"{c} = {ph}" for c in (*FILTERS, *YEARS)), (topic, *values)).fetchone()
    if same is not None:
        raise CorpusError(f"{topic!r} is watched already with these filters (watch {int(same[0])}); "
                          "`namndkoll watch list` shows the watches")
    row = conn.execute(
        f"INSERT INTO watches (topic, {columns}, created_at, seen_until)"
        f" VALUES ({', '.join([ph] * (len(values) + 3))}) RETURNING {_COLUMNS}",
        (topic, *values, when, when)).fetchone()
    return as_row(row)


def listed(conn: Any) -> list[dict[str, Any]]:
    """Every watch, oldest first."""
    return [as_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM watches ORDER BY id")]


def remove(conn: Any, ref: str | int, *, ph: str = "?") -> dict[str, Any]:
    """Remove the watch ``ref`` names: its number, or its topic when one watch has it (any case);
    NotFoundError otherwise, naming the watches."""
    rows = listed(conn)
    text = str(ref).strip()
    found = [w for w in rows if str(w["id"]) == text] if text.isdigit() else []
    if not found:
        found = [w for w in rows if w["topic"].casefold() == text.casefold()]
    have = "; ".join(f"{w['id']}: {w['topic']}" for w in rows) or "none"
    if not found:
        raise NotFoundError(f"no watch is {text!r} (the watches: {have})")
    if len(found) > 1:
        raise NotFoundError(f"{len(found)} watches have the topic {text!r}: give the number of one (the watches: {have})")
    conn.execute(f"DELETE FROM watches WHERE id = {ph}", (found[0]["id"],))
    return found[0]


def mark(conn: Any, watch_id: int, until: str, *, ph: str = "?") -> None:
    """The watch has looked at every document stored up to ``until`` (a cut)."""
    conn.execute(f"UPDATE watches SET seen_until = {ph}, last_run_at = {ph} WHERE id = {ph}", (until, until, watch_id))


def newest(conn: Any) -> str | None:
    """When the newest stored document was stored (None: the corpus is empty): how fresh the
    corpus is, whatever a watch's filters keep."""
    row = conn.execute("SELECT max(stored_at) FROM documents").fetchone()
    return str(row[0]) if row and row[0] is not None else None


def stored_between(conn: Any, after: str, upto: str, *, waiting_sql: str, ph: str = "?",
                   where: Callable[..., tuple[list[str], list[Any]]] = document_where,
                   year_from: int | None = None, year_to: int | None = None,
                   **filters: Any) -> list[dict[str, Any]]:
    """The documents stored after ``after`` up to ``upto`` that pass the documents' filters
    (municipality, committee, doc_type: as every listing reads them), oldest first: id,
    stored_at, year, and ``waiting``: not yet in the search index (never chunked, or passages
    without a vector: ``waiting_sql``, a condition on the document ``d``). Under a year range
    (``year_from``, ``year_to``: as search's) a document passes when its year lies in it or one
    of its passages' does (a § of another year in a bundled protocol extract: search filters
    the passages by theirs); an undated one does not, as in search."""
    conds, args = where(conn, "d.", **{k: v for k, v in filters.items() if v})
    conds = [f"d.stored_at > {ph}", f"d.stored_at <= {ph}", *conds]
    if year_from is not None or year_to is not None:
        span = [(f"{{0}}.year >= {ph}", year_from), (f"{{0}}.year <= {ph}", year_to)]
        tests = [t for t, y in span if y is not None]
        years = [y for _t, y in span if y is not None]
        in_years = " AND ".join(tests)
        conds.append(f"({in_years.format('d')} OR EXISTS (SELECT 1 FROM chunks y WHERE y.document_id = d.id"
                     f" AND {in_years.format('y')}))")
        args += years * 2
    sql = (f"SELECT d.id, d.stored_at, d.year, (c.document_id IS NULL OR {waiting_sql}) AS waiting"
           " FROM documents d LEFT JOIN chunked_documents c ON c.document_id = d.id"
           f" WHERE {' AND '.join(conds)} ORDER BY d.stored_at, d.id")
    return [{"id": int(r[0]), "stored_at": r[1], "year": r[2], "waiting": bool(r[3])}
            for r in conn.execute(sql, [after, upto, *args])]
