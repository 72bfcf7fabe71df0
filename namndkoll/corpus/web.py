"""The SQL behind the web pages that no other listing answers: a case followed by its
diarienummer through every document and § item, stored extractions picked by id (the
citation basket), and the party codes stored in the spans of given chunks (search facets).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .extractions import ORIGIN, quote, roll_calls_of_votes, select_rows

_TABLES = {
    "figures": "figures",
    "decisions": "decisions",
    "votes": "votes",
    "positions": "positions",
}
# what the listings add to a row of the table (extractions.list_votes: the § item's title)
_COLS = {"votes": ", i.title AS item_title"}


def dnr_key(dnr: str) -> str:
    """A diarienummer as compared: upper case, no spaces or hyphens, no "Dnr" prefix (the
    same normalisation as ``store.list_documents(dnr=...)``)."""
    return dnr.upper().replace(" ", "").replace("-", "").removeprefix("DNR")


def dnr_matches(stored: str, typed: str) -> bool:
    """Whether the diarienummer ``typed`` names ``stored``: the same in any case and spacing,
    with or without hyphens ("slk 2023 00068" is "SLK-2023-00068"), or its beginning up to a
    separator ("AMN 2020-0104" names "AMN 2020-0104-1.4", "2026.131" names "2026.131 TEN"), never
    a longer number ("2026.13" is not "2026.131 TEN", "2020/01" not "2020/0104")."""
    key = dnr_key(typed)
    if not key:
        return False
    text = stored.upper()
    text = text.removeprefix("DNR")
    i = n = 0
    while n < len(key):  # walk the stored text, skipping what the key leaves out
        if i >= len(text):
            return False
        if text[i] in " -":
            i += 1
            continue
        if text[i] != key[n]:
            return False
        i, n = i + 1, n + 1
    return not (i < len(text) and text[i].isdigit() and key[-1].isdigit())


def case_entries(conn: Any, dnr: str) -> list[dict[str, Any]]:
    """Every document and § item naming ``dnr`` (any spacing, or as a prefix), oldest first,
    each with the decisions, votes and positions stored inside that item (or, for a
    diarienummer of the whole document, in the document)."""
    key = dnr_key(dnr)
    if not key:
        return []
    rows = conn.execute(
        # a § of another body's protocol extract bundled in the document: that body's, of its
        # meeting (extractions.ORIGIN), as the lists and decisions give it
        "SELECT DISTINCT d.id AS document_id, d.source, d.title, d.municipality,"
        f" {ORIGIN['committee']} AS committee, d.doc_type, d.kind, {ORIGIN['date']} AS date, d.pages, x.dnr,"
        ' i.id AS item_id, i.number AS item, i.title AS item_title, i.page_start, i.start, i."end"'
        " FROM diarienummer x JOIN documents d ON d.id = x.document_id"
        " LEFT JOIN items i ON i.id = x.item_id"
        " WHERE replace(replace(upper(x.dnr), ' ', ''), '-', '') LIKE ? || '%'"
        f" ORDER BY {ORIGIN['date']} IS NULL, {ORIGIN['date']}, d.id, i.start",
        (key,),
    ).fetchall()
    # a document that names the case in a § item is shown through that item only
    with_items = {r["document_id"] for r in rows if r["item_id"] is not None}
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int | None]] = set()
    for r in rows:
        entry = {k: r[k] for k in r.keys()}  # noqa: SIM118 - a sqlite Row iterates values
        ident = (entry["document_id"], entry["item_id"])
        if ident in seen or (entry["item_id"] is None and entry["document_id"] in with_items):
            continue
        seen.add(ident)
        cond = "x.item_id = ?" if entry["item_id"] is not None else "x.document_id = ?"
        arg = entry["item_id"] if entry["item_id"] is not None else entry["document_id"]
        entry["decisions"] = _rows(conn, "decisions", cond, arg)
        entry["votes"] = _rows(conn, "votes", cond, arg)
        entry["positions"] = _rows(conn, "positions", cond, arg)
        out.append(entry)
    return out


# a § item as a step of a case (case_entries' columns), its own diarienummer the first it names
STEP_COLS = ("d.id AS document_id, d.source, d.title, d.municipality,"
             f" {ORIGIN['committee']} AS committee, d.doc_type, d.kind, {ORIGIN['date']} AS date, d.pages,"
             " (SELECT min(y.dnr) FROM diarienummer y WHERE y.item_id = i.id) AS dnr,"
             ' i.id AS item_id, i.number AS item, i.title AS item_title, i.page_start, i.start, i."end"')


def numbered_items(conn: Any, municipality: str | None, number: str) -> list[dict[str, Any]]:
    """Every stored § item numbered ``number`` in the municipality's documents, with its body and
    meeting date (a bundled extract's own): the §§ a reference like "§ 28 TEN" may name."""
    rows = conn.execute(f"SELECT {STEP_COLS} FROM items i JOIN documents d ON d.id = i.document_id"
                        " WHERE d.municipality IS ? AND i.number = ? ORDER BY d.id, i.start",
                        (municipality, number)).fetchall()
    return [{k: r[k] for k in r.keys()} for r in rows]  # noqa: SIM118 - a sqlite Row iterates values


def case_step(conn: Any, item_id: int) -> dict[str, Any] | None:
    """One § item as ``case_entries`` gives it, with its decisions, votes and positions."""
    r = conn.execute(f"SELECT {STEP_COLS} FROM items i JOIN documents d ON d.id = i.document_id"
                     " WHERE i.id = ?", (item_id,)).fetchone()
    if r is None:
        return None
    entry = {k: r[k] for k in r.keys()}  # noqa: SIM118
    for what in ("decisions", "votes", "positions"):
        entry[what] = _rows(conn, what, "x.item_id = ?", item_id)
    return entry


def documents_naming_item(conn: Any, municipality: str | None, number: str, since: str | None = None,
                          until: str | None = None) -> list[tuple[int, str]]:
    """The pages of the municipality's documents whose text writes "§ N" or "§N" (candidates for
    a reference to a § numbered N; the caller reads which body and meeting it names), as
    (document id, page text), of documents dated within ``since``–``until`` where given (an
    undated document is always a candidate)."""
    rows = conn.execute("SELECT p.document_id, p.text FROM pages p JOIN documents d ON d.id = p.document_id"
                        " WHERE d.municipality IS ? AND (p.text LIKE ? OR p.text LIKE ?)"
                        " AND (d.date IS NULL OR ((? IS NULL OR d.date >= ?) AND (? IS NULL OR d.date <= ?)))"
                        " ORDER BY p.document_id, p.number",
                        (municipality, f"%§ {number}%", f"%§{number}%", since, since, until, until)).fetchall()
    return [(int(r[0]), r[1]) for r in rows]


def body_numbers(conn: Any, municipality: str | None) -> list[tuple[str, str | None]]:
    """Each body of the municipality's stored §§ with each diarienummer its §§ carry (None for a
    body whose §§ carry none): how the corpus names its committees, and the letters their own
    diarienummer end in ("2026.067 TEN" of Tekniska nämnden)."""
    rows = conn.execute(f"SELECT DISTINCT {ORIGIN['committee']}, y.dnr FROM items i"
                        " JOIN documents d ON d.id = i.document_id LEFT JOIN diarienummer y ON y.item_id = i.id"
                        f" WHERE d.municipality IS ? AND {ORIGIN['committee']} IS NOT NULL",
                        (municipality,)).fetchall()
    return [(r[0], r[1]) for r in rows]


def _rows(conn: Any, what: str, cond: str, arg: Any) -> list[dict[str, Any]]:
    return _finish_all(conn, what, select_rows(conn, _TABLES[what], _COLS.get(what, ""), [cond], [arg], None))


def _finish_all(conn: Any, what: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if what == "votes":  # every member's vote, as `votes` lists them
        calls = roll_calls_of_votes(conn, [r["id"] for r in rows])
        for r in rows:
            r["roll_call"] = calls.get(r["id"], [])
    return [_finish(conn, what, r) for r in rows]


def _finish(conn: Any, what: str, r: dict[str, Any]) -> dict[str, Any]:
    """The same shape as the ``list_*`` listings of extractions.py."""
    if what == "figures":
        r["table"] = bool(r.pop("in_table", 0))
    elif what == "decisions":
        r["clauses"] = [
            c[0]
            for c in conn.execute(
                "SELECT text FROM decision_clauses WHERE decision_id = ? ORDER BY idx", (r["id"],)
            )
        ]
        r["quote"] = quote(r["text"])
    elif what == "positions":
        r["parties"] = json.loads(r["parties"])
        r["people"] = json.loads(r["people"])
        r["quote"] = quote(r["text"])
    return r


def extracted_by_ids(conn: Any, what: str, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Stored figures | decisions | votes | positions with these ids (in no particular order),
    shaped as the listings are."""
    if what not in _TABLES or not ids:
        return []
    ids = list(ids)[:1000]
    cond = f"x.id IN ({','.join('?' * len(ids))})"
    return _finish_all(conn, what, select_rows(conn, _TABLES[what], _COLS.get(what, ""), [cond], ids, None))


def chunk_party_codes(conn: Any, chunk_ids: Sequence[int]) -> dict[int, set[str]]:
    """Per chunk, the party codes of the stored positions and party mentions inside its span."""
    out: dict[int, set[str]] = {int(c): set() for c in chunk_ids}
    if not out:
        return out
    q = ",".join("?" * len(out))
    for table, code in (("party_mentions", "m.code"), ("position_parties", "pp.code")):
        join = (
            "JOIN party_mentions m ON m.document_id = c.document_id"
            if table == "party_mentions"
            else "JOIN positions m ON m.document_id = c.document_id"
            " JOIN position_parties pp ON pp.position_id = m.id"
        )
        for cid, c in conn.execute(
            f"SELECT DISTINCT c.id, {code} FROM chunks c {join}"
            f' WHERE c.id IN ({q}) AND m.start < c."end" AND m."end" > c.start',
            list(out),
        ):
            out[int(cid)].add(c)
    return out
