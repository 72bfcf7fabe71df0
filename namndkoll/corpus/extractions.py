"""Extractions in SQLite: store what extract/ found in a document, list it back with filters.

Every row is tied to its document (and goes with it when the document is replaced), to the
§ item that holds it, to its page and character span, and carries the words it was read from,
so a listing can always say where a figure, decision, vote or position came from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..types import (
    Decision,
    Document,
    Entity,
    Extraction,
    Figure,
    PartyMention,
    Person,
    Position,
    RollCallEntry,
    Vote,
)
from .store import document_where

# the tables save_extraction fills, each with a document_id; read back by load_extraction
EXTRACTION_TABLES = ("figures", "party_mentions", "people", "decisions", "votes", "positions", "entities")

_QUOTE_MAX = 600


def item_locator(doc: Document, item_ids: Sequence[int]) -> Callable[[int], tuple[int | None, str | None]]:
    """For an offset of ``doc``: the stored id and the number of the § item it falls in
    (``item_ids``: the document's stored item ids in order), or (None, None) outside any."""
    index = {id(it): i for i, it in enumerate(doc.items)}

    def where(start: int) -> tuple[int | None, str | None]:
        item = doc.item_of(start)
        if item is None:
            return None, None
        i = index.get(id(item))
        return (item_ids[i] if i is not None and i < len(item_ids) else None), item.number

    return where


Row = tuple[Any, ...]


class ExtractionRows:
    """The values of the rows ``save_extraction`` writes for one document, in its tables' column
    order: the same on SQLite and PostgreSQL (``pg_store.save_extraction``), whose SQL differs only
    in its placeholders and in how an inserted row's id comes back."""

    def __init__(self, document_id: int, doc: Document, where: Callable[[int], tuple[int | None, str | None]]):
        self.document_id, self.doc, self.where, self.text = document_id, doc, where, doc.text

    def figures(self, ext: Extraction) -> list[Row]:
        return [(self.document_id, *self.where(f.start), f.page, f.start, f.end, f.kind, f.value, f.unit, f.qualifier,
                 f.per, int(f.table), f.text, quote(f.sentence or f.text), *figure_place(f), f.value_to)
                for f in ext.figures]

    def parties(self, ext: Extraction) -> list[Row]:
        return [(self.document_id, *self.where(p.start), p.page, p.start, p.end, p.code, p.text, p.original,
                 int(p.local)) for p in ext.parties]

    def people(self, ext: Extraction) -> list[Row]:
        return [(self.document_id, *self.where(p.start), p.page, p.start, p.end, p.name, p.party, p.role,
                 quote(line_around(self.text, p.start, p.end)), p.party_original) for p in ext.people]

    def decision(self, d: Decision) -> Row:
        return (self.document_id, *self.where(d.start), d.page, d.start, d.end, d.body, d.status, d.date, d.text)

    @staticmethod
    def clauses(decision_id: int, d: Decision) -> list[Row]:
        return [(decision_id, i, c) for i, c in enumerate(d.clauses)]

    def vote(self, v: Vote) -> Row:
        return (self.document_id, *vote_where(self.doc, v.item, v.start, self.where), v.page, v.start, v.end, v.yes,
                v.no, v.abstain, v.absent, v.proposition, quote(self.text[v.start:v.end]), v.note)

    @staticmethod
    def roll_call(vote_id: int, v: Vote) -> list[Row]:
        return [(vote_id, i, e.name, name_key(e.name), e.party, e.vote, e.role, e.note, e.page, e.start, e.end,
                 e.text or e.name) for i, e in enumerate(v.roll_call)]

    def position(self, p: Position) -> Row:
        return (self.document_id, *self.where(p.start), p.page, p.start, p.end, p.kind,
                json.dumps(list(p.parties), ensure_ascii=False), json.dumps(list(p.people), ensure_ascii=False),
                p.text)

    @staticmethod
    def position_parties(position_id: int, p: Position) -> list[Row]:
        return [(position_id, c) for c in p.parties]

    def entities(self, ext: Extraction) -> list[Row]:
        return [(self.document_id, *self.where(e.start), e.page, e.start, e.end, e.label, e.text)
                for e in ext.entities]


def save_extraction(conn: Any, document_id: int, doc: Document, ext: Extraction) -> None:
    """Write ``ext`` for the document stored as ``document_id``. Call inside the document's
    transaction, after ``store.replace_document`` (old rows went with the old document)."""
    rows = ExtractionRows(document_id, doc, item_locator(doc, [r[0] for r in conn.execute(
        "SELECT id FROM items WHERE document_id = ? ORDER BY idx", (document_id,))]))
    conn.executemany(
        'INSERT INTO figures (document_id, item_id, item, page, start, "end", kind, value, unit,'
        " qualifier, per, in_table, text, quote, table_index, table_start, table_end, bbox, value_to)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows.figures(ext),
    )
    conn.executemany(
        'INSERT INTO party_mentions (document_id, item_id, item, page, start, "end", code, text, original, local)'
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows.parties(ext),
    )
    conn.executemany(
        'INSERT INTO people (document_id, item_id, item, page, start, "end", name, party, role, quote,'
        " party_original) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows.people(ext),
    )
    for d in ext.decisions:
        cur = conn.execute(
            'INSERT INTO decisions (document_id, item_id, item, page, start, "end", body, status, decision_date,'
            " text)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows.decision(d),
        )
        conn.executemany("INSERT INTO decision_clauses (decision_id, idx, text) VALUES (?,?,?)",
                         rows.clauses(cur.lastrowid, d))
    for v in ext.votes:
        cur = conn.execute(
            'INSERT INTO votes (document_id, item_id, item, page, start, "end", yes, no, abstain, absent,'
            " proposition, quote, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows.vote(v),
        )
        conn.executemany(
            'INSERT INTO roll_call (vote_id, idx, name, name_key, party, vote, role, note, page, start, "end", text)'
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows.roll_call(cur.lastrowid, v),
        )
    for p in ext.positions:
        cur = conn.execute(
            'INSERT INTO positions (document_id, item_id, item, page, start, "end", kind, parties, people, text)'
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows.position(p),
        )
        conn.executemany("INSERT OR IGNORE INTO position_parties (position_id, code) VALUES (?, ?)",
                         rows.position_parties(cur.lastrowid, p))
    conn.executemany(
        'INSERT INTO entities (document_id, item_id, item, page, start, "end", label, text)'
        " VALUES (?,?,?,?,?,?,?,?)",
        rows.entities(ext),
    )


def load_extraction(conn: Any, document_id: int) -> Extraction:
    """What save_extraction stored for a document, back as an Extraction."""
    def fetch(table: str) -> list[Mapping[str, Any]]:
        return conn.execute(f"SELECT * FROM {table} WHERE document_id = ? ORDER BY id", (document_id,)).fetchall()

    def clauses(ids: Sequence[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for i in ids:
            out[i] = [r[0] for r in conn.execute(
                "SELECT text FROM decision_clauses WHERE decision_id = ? ORDER BY idx", (i,))]
        return out

    def roll_calls(ids: Sequence[int]) -> dict[int, list[Mapping[str, Any]]]:
        out: dict[int, list[Mapping[str, Any]]] = {}
        for i in ids:
            out[i] = conn.execute("SELECT * FROM roll_call WHERE vote_id = ? ORDER BY idx", (i,)).fetchall()
        return out

    return extraction_from_rows(fetch, clauses, roll_calls)


def extraction_from_rows(fetch: Callable[[str], list[Mapping[str, Any]]],
                         clauses: Callable[[Sequence[int]], dict[int, list[str]]],
                         roll_calls: Callable[[Sequence[int]], dict[int, list[Mapping[str, Any]]]]) -> Extraction:
    """An Extraction from stored rows (both backends): saved again beside the same document
    it writes the same rows (quotes are re-made from the same text, a figure's kept quote
    stands for its sentence)."""
    figures = tuple(Figure(r["kind"], r["value"], r["unit"], r["text"], r["quote"], r["page"], r["start"],
                           r["end"], r["qualifier"], r["per"], bool(r["in_table"]), *stored_place(r),
                           r["value_to"])
                    for r in fetch("figures"))
    parties = tuple(PartyMention(r["code"], r["text"], r["page"], r["start"], r["end"], r["original"],
                                 bool(r["local"])) for r in fetch("party_mentions"))
    people = tuple(Person(r["name"], r["party"], r["role"], r["page"], r["start"], r["end"], r["party_original"])
                   for r in fetch("people"))
    dec_rows = fetch("decisions")
    cl = clauses([int(r["id"]) for r in dec_rows])
    decisions = tuple(Decision(r["body"], r["status"], r["decision_date"], f"§ {r['item']}" if r["item"] else None,
                               r["text"], tuple(cl.get(int(r["id"]), ())), r["page"], r["start"], r["end"])
                      for r in dec_rows)
    vote_rows = fetch("votes")
    calls = roll_calls([int(r["id"]) for r in vote_rows])
    votes = tuple(Vote(r["item"], r["yes"], r["no"], r["abstain"], r["absent"], r["proposition"], r["page"],
                       r["start"], r["end"],
                       tuple(RollCallEntry(e["name"], e["party"], e["vote"], e["role"], e["page"], e["start"],
                                           e["end"], e["note"], e["text"]) for e in calls.get(int(r["id"]), ())),
                       r["note"]) for r in vote_rows)
    positions = tuple(Position(tuple(json.loads(r["parties"])), r["kind"], r["text"], r["page"], r["start"],
                               r["end"], r["item"], tuple(json.loads(r["people"]))) for r in fetch("positions"))
    entities = tuple(Entity(r["text"], r["label"], r["page"], r["start"], r["end"]) for r in fetch("entities"))
    return Extraction(figures, parties, people, decisions, votes, positions, entities)


def vote_where(doc: Document, item: str | None, start: int, where: Any) -> tuple[int | None, str | None]:
    # a vote read from a bilaga has no § (item None) even where the last § runs to the end
    return where(start) if item is not None else (None, None)


def figure_place(f: Figure) -> tuple[int | None, int | None, int | None, str | None]:
    """A table figure's place as stored: table index on its page, span in the table's text, box."""
    span = f.table_span or (None, None)
    return f.table_index, span[0], span[1], json.dumps(list(f.bbox)) if f.bbox else None


def stored_place(r: Mapping[str, Any]) -> tuple[int | None, tuple[int, int] | None,
                                                  tuple[float, float, float, float] | None]:
    """``figure_place`` read back (rows stored before migration 0009 have none)."""
    span = (r["table_start"], r["table_end"]) if r["table_start"] is not None else None
    box = json.loads(r["bbox"]) if r["bbox"] else None
    return r["table_index"], span, (box[0], box[1], box[2], box[3]) if box else None


def shape_figure_row(r: dict[str, Any]) -> None:
    """A listed figure: ``table`` a flag; a table cell's place as ``table_index``, ``table_span``
    and ``bbox`` (its box on the page, PDF points from the top-left corner)."""
    r["table"] = bool(r.pop("in_table"))
    start, end = r.pop("table_start", None), r.pop("table_end", None)
    r["table_span"] = [start, end] if start is not None else None
    r["bbox"] = json.loads(r["bbox"]) if r.get("bbox") else None


def quote(s: str) -> str:
    flat = re.sub(r"\s+", " ", s).strip()
    if len(flat) <= _QUOTE_MAX or (flat.endswith(" …") and len(flat) <= _QUOTE_MAX + 2):
        return flat  # (a quote cut before stays as it is: a copied corpus keeps its quotes)
    cut = flat.rfind(" ", 0, _QUOTE_MAX)
    return flat[: cut if cut > _QUOTE_MAX // 2 else _QUOTE_MAX] + " …"


def line_around(text: str, start: int, end: int) -> str:
    a = max(text.rfind("\n", 0, start), text.rfind("\f", 0, start)) + 1
    b = min((i for i in (text.find("\n", end), text.find("\f", end)) if i != -1), default=len(text))
    return text[a:b]


# ---- listing ----------------------------------------------------------------------------

# a row's body, date and year: its §'s own where the § is another body's protocol extract
# bundled in the document (items.committee, migration 0011), else the document's
ORIGIN = {"committee": "COALESCE(i.committee, d.committee)", "date": "COALESCE(i.meeting_date, d.date)",
          "year": "COALESCE(CAST(substr(i.meeting_date, 1, 4) AS INTEGER), d.year)"}
_DOC_COLS = ("d.id AS document_id, d.source, d.title, d.municipality,"
             f" {ORIGIN['committee']} AS committee, d.doc_type, d.kind AS doc_kind, {ORIGIN['date']} AS date,"
             f" {ORIGIN['year']} AS year")
_ITEM_JOIN = "LEFT JOIN items i ON i.id = x.item_id"
# the page a stored row's span ends on: a reservation announced on one page and written out on
# the next quotes both, and its citation must name both pages (same SQL in PostgreSQL); a span
# that is empty (a table cell's figure: start = end = its page's first character) ends on the
# page it starts on, not the page before
PAGE_END = ('(SELECT max(pg.number) FROM pages pg WHERE pg.document_id = x.document_id'
            ' AND (pg.start < x."end" OR pg.start <= x.start)) AS page_end')


def _filters(conn: Any, municipality: str | None, committee: str | None, year: int | None,
             document: int | None) -> tuple[list[str], list[Any]]:
    where, args = document_where(conn, "d.", municipality=municipality, committee=committee, year=year,
                                 columns=ORIGIN)
    if document is not None:
        where.append("d.id = ?")
        args.append(document)
    return where, args


def select_rows(conn: Any, table: str, cols: str, where: list[str], args: list[Any], limit: int | None,
         extra_join: str = "") -> list[dict[str, Any]]:
    sql = (f"SELECT x.*, {PAGE_END}, {_DOC_COLS} {cols} FROM {table} x JOIN documents d ON d.id = x.document_id"
           f" {_ITEM_JOIN} {extra_join}" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {ORIGIN['date']} IS NULL, {ORIGIN['date']}, d.source, x.start")
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = []
    for r in conn.execute(sql, args).fetchall():
        row = {k: r[k] for k in r.keys()}  # noqa: SIM118 - a sqlite Row iterates values
        row.pop("item_id", None)
        rows.append(item_keys(row))
    return rows


def item_keys(row: dict[str, Any]) -> dict[str, Any]:
    """A listed row's § as both keys: ``item`` as the tables show it ("§ 44", kept for those who
    read it) and, right after it, ``item_number`` ("44") — the § as search hits, compare and
    case entries give it, the key a script joins them on (README, "Output")."""
    number = row.get("item") or None
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "item":
            out["item"] = f"§ {number}" if number else None
            out["item_number"] = str(number) if number else None
        elif key != "item_number":
            out[key] = value
    return out


def list_figures(
    conn: Any, *, municipality: str | None = None, committee: str | None = None, year: int | None = None,
    kind: str | None = None, unit: str | None = None, document: int | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored figures; ``kind`` amount/count/percent/measure, ``unit`` SEK, %, a noun (plats,
    tjänst) or a measure's unit (km, m²)."""
    where, args = _filters(conn, municipality, committee, year, document)
    if kind:
        where.append("x.kind = ?")
        args.append(kind)
    if unit:
        where.append("x.unit = ? COLLATE NOCASE")
        args.append(unit)
    rows = select_rows(conn, "figures", "", where, args, limit)
    for r in rows:
        shape_figure_row(r)
    return rows


def list_decisions(
    conn: Any, *, municipality: str | None = None, committee: str | None = None, year: int | None = None,
    kind: str | None = None, document: int | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored decisions with their clauses; ``kind`` decided/proposed."""
    where, args = _filters(conn, municipality, committee, year, document)
    if kind:
        where.append("x.status = ?")
        args.append(kind)
    rows = select_rows(conn, "decisions", "", where, args, limit)
    for r in rows:
        r["clauses"] = [c[0] for c in conn.execute(
            "SELECT text FROM decision_clauses WHERE decision_id = ? ORDER BY idx", (r["id"],))]
        r["quote"] = quote(r["text"])
    return rows


def list_votes(
    conn: Any, *, municipality: str | None = None, committee: str | None = None, year: int | None = None,
    document: int | None = None, member: str | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored votes: yes, no, abstain, absent, the proposition voted on, the § title
    (``item_title``), a note where the roll call and the result disagree, and ``roll_call``: every member's vote where the protocol
    lists them. ``member``: only the votes whose roll call has that name (whole, any case and
    spacing, or another way the lists write the same member: members.alias_map), each with
    ``member_vote``, ``member_party`` and ``member_role``."""
    where, args = _filters(conn, municipality, committee, year, document)
    keys = member_name_keys(conn, member, "?") if member else None
    if keys is not None:
        where.append("EXISTS (SELECT 1 FROM roll_call rc WHERE rc.vote_id = x.id AND rc.name_key IN"
                     f" ({','.join('?' * len(keys))}))")
        args += sorted(keys)
    rows = select_rows(conn, "votes", ", i.title AS item_title", where, args, limit)
    return with_roll_calls(rows, roll_calls_of_votes(conn, [r["id"] for r in rows]), keys)


def with_roll_calls(rows: list[dict[str, Any]], calls: Mapping[int, list[dict[str, Any]]],
                    member_keys: set[str] | None) -> list[dict[str, Any]]:
    """Vote rows with their ``roll_call`` (``calls``: vote id -> entries) and, when a member
    was asked for (``member_keys``: name_key forms), that member's vote, party and role;
    on either backend."""
    for r in rows:
        r["roll_call"] = calls.get(r["id"], [])
        if member_keys is not None:
            me = next((e for e in r["roll_call"] if name_key(e["name"]) in member_keys), None)
            r["member_vote"] = me["vote"] if me else None
            r["member_party"] = me["party"] if me else None
            r["member_role"] = me["role"] if me else None
    return rows


def roll_calls_of_votes(conn: Any, vote_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for i in range(0, len(vote_ids), 500):
        chunk = vote_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
                f'SELECT vote_id, name, party, vote, role, note, page FROM roll_call WHERE vote_id IN ({marks})'
                " ORDER BY vote_id, idx", chunk):
            out.setdefault(r[0], []).append(
                {"name": r[1], "party": r[2], "vote": r[3], "role": r[4], "note": r[5], "page": r[6]})
    return out


def member_name_keys(conn: Any, member: str, ph: str) -> set[str]:
    """The stored name keys that are ``member`` (its own and the other ways the lists write the
    same member), on either backend (``ph``: its placeholder)."""
    from .members import member_keys, member_rows_sql

    first = name_key(member).split(" ")[0]
    if not first or "%" in first or "_" in first:
        return {name_key(member)}
    return member_keys(conn.execute(member_rows_sql(ph), (first + " %",)).fetchall(), member)


def name_key(name: str) -> str:
    """How a member's name is compared: any case, any spacing ("aslan  AKBAS" = "Aslan Akbas")."""
    return " ".join(name.casefold().split())


def list_positions(
    conn: Any, *, municipality: str | None = None, committee: str | None = None, year: int | None = None,
    party: str | None = None, kind: str | None = None, document: int | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored positions; ``party`` a code (S, M, SD, …), ``kind`` reservation, yrkande, …"""
    where, args = _filters(conn, municipality, committee, year, document)
    if party:
        where.append("EXISTS (SELECT 1 FROM position_parties pp WHERE pp.position_id = x.id"
                     " AND pp.code = ? COLLATE NOCASE)")
        args.append(party)
    if kind:
        where.append("x.kind = ?")
        args.append(kind)
    rows = select_rows(conn, "positions", "", where, args, limit)
    for r in rows:
        r["parties"] = json.loads(r["parties"])
        r["people"] = json.loads(r["people"])
        r["quote"] = quote(r["text"])
    return rows


def list_people(
    conn: Any, *, municipality: str | None = None, committee: str | None = None, year: int | None = None,
    party: str | None = None, document: int | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored mentions of people with party and role."""
    where, args = _filters(conn, municipality, committee, year, document)
    if party:
        where.append("x.party = ? COLLATE NOCASE")
        args.append(party)
    return select_rows(conn, "people", "", where, args, limit)
