"""Names removed from the corpus on request (``namndkoll redact``, migration 0023): the rules,
how a name is found as Swedish records write it, and the rewrite of every stored row that
holds it. The SQL is the same on both backends (``ph``: the placeholder).

A rule's name is replaced wherever it is stored — page texts, headers and footers, tables, §
and section titles, the quotes of figures, decisions, votes and positions, named entities, the
roll calls — by a mark of the *same length* ("[namn borttaget]", shorter marks for shorter
names, padded with spaces): every character offset stored (a § item's span, a figure's, a
page's layout lines, a passage's) stays valid without being recomputed. The person's rows in
``people`` are deleted; their roll-call rows stay (the vote's counts still add up) under the
name ``MARK``; a position's list of people keeps a ``MARK`` in their place. Passages are not
rewritten here: ``api/redact.py`` chunks the changed documents again from the rewritten pages
(inside the same transaction), which keeps the keyword index (FTS5, tsvector, chunk_terms) in
step, and drops the vectors made from the old text.

Forms matched, any case, never inside a longer word ("Anna Berg" does not touch "Annaberg",
"Anna Bergström" or "Anna Berg-Lind"): "Anna Berg" with any spacing or a line break between
the words, its genitive "Anna Bergs", "Berg, Anna" (roll-call lists: "Akbas, Aslan") and, at
the end of a line or before a party code, "Berg Anna" ("Karström Fredrik (S)" in a list).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import CorpusError, NotFoundError
from .extractions import name_key

MARK = "[namn borttaget]"
# shorter names get shorter marks, so that the text keeps its length
_MARKS = (MARK, "[borttaget]", "[namn]", "[…]")
_COLUMNS = "id, name, reason, created_at, places, documents"


def mark_for(original: str) -> str:
    """The mark that replaces ``original``: as long as it, its line breaks kept in place (the
    mark on the longest line of it, spaces on the others)."""
    parts = original.split("\n")
    longest = max(range(len(parts)), key=lambda i: len(parts[i]))
    out = []
    for i, part in enumerate(parts):
        n = len(part)
        mark = next((m for m in _MARKS if len(m) <= n), "_" * n) if i == longest else ""
        out.append(mark.ljust(n))
    return "\n".join(out)


# a mark as ``mark_for`` writes it, with its padding (and a line break's padding on either side)
MARK_SPAN = re.compile(r"(?: +\n)?\[(?:namn borttaget|borttaget|namn|…)\] *(?:\n +)?")


def mark_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a removed name's mark (with its padding): what a page image blacks out."""
    return [m.span() for m in MARK_SPAN.finditer(text)]


def check_name(name: str) -> str:
    """The rule's name with single spaces; CorpusError unless it is a first and a last name."""
    words = name.split()
    if len(words) < 2 or any(not re.fullmatch(r"[\w][\w.'’-]*", w) for w in words):
        raise CorpusError(f"{name!r} is not a name to remove: give first and last name as the records write it, "
                          'e.g. namndkoll redact add "Anna Berg"')
    return " ".join(words)


def name_pattern(name: str) -> re.Pattern[str]:
    """The forms of ``name`` as the records write it (module docstring)."""
    words = check_name(name).split()
    first, last = words[:-1], words[-1]
    gap = r"[ \t\u00a0]*\n?[ \t\u00a0]*(?<=\s)"  # spaces, or a line break, between two words
    given = gap.join(re.escape(w) for w in first)
    sur = re.escape(last)
    forms = [
        # the genitive: "Anna Bergs"; after s, x, z too, as the records write it ("Lars Anderssons")
        f"{given}{gap}{sur}s?",
        f"{sur},{gap}{given}",
        f"{sur}{gap}{given}(?=[ \\t]*(?:\\(|$))",
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w]|-\w)", re.IGNORECASE | re.MULTILINE)


def rewrite(text: str | None, patterns: Sequence[re.Pattern[str]]) -> tuple[str | None, list[int]]:
    """``text`` with every rule's name replaced by a mark of its length, and how many places
    each rule (by its index in ``patterns``) changed."""
    counts = [0] * len(patterns)
    if not text:
        return text, counts
    for k, pat in enumerate(patterns):
        def sub(m: re.Match[str], k: int = k) -> str:
            counts[k] += 1
            return mark_for(m.group())
        text = pat.sub(sub, text)
    return text, counts


@dataclass
class Tally:
    """What applying rules changed: places (values rewritten, rows deleted or anonymised) and
    documents per rule id, and the documents whose passages are to be made again."""

    places: dict[int, int] = field(default_factory=dict)
    documents: dict[int, set[int]] = field(default_factory=dict)
    changed: set[int] = field(default_factory=set)  # documents whose page texts or titles changed
    # per rule id, (places, documents) it changed in the corpus it was copied from (`copy`)
    carried: dict[int, tuple[int, int]] = field(default_factory=dict)

    def add(self, rule_ids: Sequence[int], counts: Sequence[int], doc_id: int) -> None:
        for rid, n in zip(rule_ids, counts):
            if n:
                self.places[rid] = self.places.get(rid, 0) + n
                self.documents.setdefault(rid, set()).add(int(doc_id))


# (table, the SELECT's FROM/JOIN giving the document as d_id, key columns, text columns):
# every stored text that may name a person. JSON columns are handled beside.
_TEXTS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("documents", "documents t", ("id",), ("title",)),
    ("pages", "pages t", ("document_id", "number"), ("text", "header", "footer")),
    ("items", "items t", ("id",), ("title",)),
    ("sections", "sections t", ("id",), ("title",)),
    ("figures", "figures t", ("id",), ("text", "quote")),
    ("decisions", "decisions t", ("id",), ("text", "body")),
    ("decision_clauses", "decision_clauses t JOIN decisions x ON x.id = t.decision_id",
     ("decision_id", "idx"), ("text",)),
    ("votes", "votes t", ("id",), ("quote", "proposition", "note")),
    ("positions", "positions t", ("id",), ("text",)),
    ("entities", "entities t", ("id",), ("text",)),
    ("page_tables", "page_tables t", ("id",), ("caption",)),
)
_DOC = {"decision_clauses": "x.document_id", "documents": "t.id"}
# tables the "pages changed" signal comes from: their text is what passages are made of
_PASSAGE_SOURCES = {"pages", "items", "documents", "sections"}


def apply_rules(conn: Any, rules: Sequence[tuple[int, str]], *, ph: str = "?",
                document_ids: Sequence[int] | None = None) -> Tally:
    """Rewrite every stored place the rules' names occur (in ``document_ids`` only, or the
    whole corpus), inside the caller's transaction. Passages are left to the caller."""
    tally = Tally()
    if not rules:
        return tally
    ids = [r[0] for r in rules]
    pats = [name_pattern(r[1]) for r in rules]
    doc_filter = ""
    args: tuple[Any, ...] = ()
    if document_ids is not None:
        if not document_ids:
            return tally
        doc_filter = " IN (" + ", ".join([ph] * len(document_ids)) + ")"
        args = tuple(int(d) for d in document_ids)

    def rows(table: str, from_: str, cols: Sequence[str], doc: str) -> Any:
        where = f" WHERE {doc}{doc_filter}" if doc_filter else ""
        return conn.execute(f"SELECT {doc}, {', '.join('t.' + c for c in cols)} FROM {from_}{where}", args).fetchall()

    for table, from_, keys, texts in _TEXTS:
        doc = _DOC.get(table, "t.document_id")
        sets = ", ".join(f"{c} = {ph}" for c in texts)
        cond = " AND ".join(f"{k} = {ph}" for k in keys)
        updates = []
        for r in rows(table, from_, (*keys, *texts), doc):
            r = tuple(r)
            new, total = [], [0] * len(pats)
            for value in r[1 + len(keys):]:
                v, counts = rewrite(value, pats)
                new.append(v)
                total = [a + b for a, b in zip(total, counts)]
            if any(total):
                tally.add(ids, total, r[0])
                updates.append((*new, *r[1:1 + len(keys)]))
                if table in _PASSAGE_SOURCES:
                    tally.changed.add(int(r[0]))
        if updates:
            _many(conn, f"UPDATE {table} SET {sets} WHERE {cond}", updates)

    _json_lists(conn, rows, ph, pats, ids, tally)
    _people(conn, rows, ph, pats, ids, tally)
    _roll_call(conn, rows, ph, pats, ids, tally)
    return tally


def _json_lists(conn: Any, rows: Callable[..., Any], ph: str, pats: Sequence[re.Pattern[str]],
                ids: Sequence[int], tally: Tally) -> None:
    """Tables' cells (``page_tables.rows``, JSON rows of strings) and positions' people (a JSON
    list of names): each string rewritten; a name that was the person's becomes ``MARK``."""
    updates = []
    for r in rows("page_tables", "page_tables t", ("id", "rows"), "t.document_id"):
        total = [0] * len(pats)
        table = json.loads(r[2])
        for row in table:
            for i, cell in enumerate(row):
                if isinstance(cell, str):
                    row[i], counts = rewrite(cell, pats)
                    total = [a + b for a, b in zip(total, counts)]
        if any(total):
            tally.add(ids, total, r[0])
            updates.append((json.dumps(table, ensure_ascii=False), r[1]))
    if updates:
        _many(conn, f"UPDATE page_tables SET rows = {ph} WHERE id = {ph}", updates)
    updates = []
    for r in rows("positions", "positions t", ("id", "people"), "t.document_id"):
        total = [0] * len(pats)
        people = json.loads(r[2] or "[]")
        for i, name in enumerate(people):
            _v, counts = rewrite(name, pats)
            if any(counts):
                people[i] = MARK
                total = [a + b for a, b in zip(total, counts)]
        if any(total):
            tally.add(ids, total, r[0])
            updates.append((json.dumps(people, ensure_ascii=False), r[1]))
    if updates:
        _many(conn, f"UPDATE positions SET people = {ph} WHERE id = {ph}", updates)


def _people(conn: Any, rows: Callable[..., Any], ph: str, pats: Sequence[re.Pattern[str]],
            ids: Sequence[int], tally: Tally) -> None:
    """The person's rows in ``people`` go; another person's row whose quote names them keeps
    the quote rewritten."""
    gone, updates = [], []
    for r in rows("people", "people t", ("id", "name", "quote"), "t.document_id"):
        _n, named = rewrite(r[2], pats)
        q, counts = rewrite(r[3], pats)
        if any(named):
            tally.add(ids, named, r[0])
            gone.append((r[1],))
        elif any(counts):
            tally.add(ids, counts, r[0])
            updates.append((q, r[1]))
    if gone:
        _many(conn, f"DELETE FROM people WHERE id = {ph}", gone)
    if updates:
        _many(conn, f"UPDATE people SET quote = {ph} WHERE id = {ph}", updates)


def _roll_call(conn: Any, rows: Callable[..., Any], ph: str, pats: Sequence[re.Pattern[str]],
               ids: Sequence[int], tally: Tally) -> None:
    """A roll-call row of the person stays (its vote counts), named ``MARK``; its row as
    written is rewritten, as is any other row that names them."""
    updates = []
    for r in rows("roll_call", "roll_call t JOIN votes x ON x.id = t.vote_id", ("id", "name", "text"),
                  "x.document_id"):
        name, named = rewrite(r[2], pats)
        text, counts = rewrite(r[3], pats)
        if any(named) or any(counts):
            tally.add(ids, [a + b for a, b in zip(named, counts)], r[0])
            name = MARK if any(named) else r[2]
            updates.append((name, name_key(name), text, r[1]))
    if updates:
        _many(conn, f"UPDATE roll_call SET name = {ph}, name_key = {ph}, text = {ph} WHERE id = {ph}", updates)


def _many(conn: Any, sql: str, rows: list[Any]) -> None:
    """``executemany`` on either backend (psycopg has it on a cursor only)."""
    if hasattr(conn, "executemany"):
        conn.executemany(sql, rows)
        return
    with conn.cursor() as cur:
        cur.executemany(sql, rows)


# ---- the rules -----------------------------------------------------------------------------
def as_row(r: Any) -> dict[str, Any]:
    row = dict(zip(_COLUMNS.split(", "), tuple(r)))
    for k in ("id", "places", "documents"):
        row[k] = int(row[k])
    return row


def rules(conn: Any) -> list[dict[str, Any]]:
    """Every rule, oldest first."""
    return [as_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM redactions ORDER BY id")]


def add(conn: Any, name: str, reason: str, when: str, *, ph: str = "?") -> dict[str, Any]:
    """A new rule (inside the caller's transaction); CorpusError if the name has one."""
    name = check_name(name)
    for r in rules(conn):
        if name_key(r["name"]) == name_key(name):
            raise CorpusError(f"{name!r} is removed already (rule {r['id']}); `namndkoll redact list` shows the rules")
    row = conn.execute(f"INSERT INTO redactions (name, reason, created_at) VALUES ({ph}, {ph}, {ph})"
                       f" RETURNING {_COLUMNS}", (name, reason or "", when)).fetchone()
    return as_row(row)


def count(conn: Any, tally: Tally, *, ph: str = "?") -> None:
    """Add what ``tally`` changed to each rule's places and documents."""
    for rid in sorted(set(tally.places) | set(tally.carried)):
        places, documents = tally.carried.get(rid, (0, 0))
        places += tally.places.get(rid, 0)
        documents += len(tally.documents.get(rid, ()))
        conn.execute(f"UPDATE redactions SET places = places + {ph}, documents = documents + {ph} WHERE id = {ph}",
                     (places, documents, rid))


def remove(conn: Any, ref: str | int, *, ph: str = "?") -> dict[str, Any]:
    """Remove the rule numbered ``ref`` (or the one of this name); NotFoundError otherwise."""
    have = rules(conn)
    text = str(ref).strip()
    found = [r for r in have if str(r["id"]) == text] or [r for r in have if name_key(r["name"]) == name_key(text)]
    if not found:
        shown = "; ".join(f"{r['id']}: {r['name']}" for r in have) or "none"
        raise NotFoundError(f"no rule is {text!r} (the rules: {shown})")
    conn.execute(f"DELETE FROM redactions WHERE id = {ph}", (found[0]["id"],))
    return found[0]
