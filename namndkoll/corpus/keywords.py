"""The keyword side of the SQLite search index: FTS5 queries (``chunks_fts``, BM25), word
statistics from ``chunks_vocab`` (fts5vocab), and whether documents name a place or body.
The vectors and the filters are in ``index.py``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from .index import Filters, chunk_where

MIN_STEM = 4  # as search.hybrid: a shorter word is matched whole, not as a prefix


def fts_query(terms: Sequence[Any]) -> str:
    """An FTS5 MATCH expression for query terms (``search.hybrid.Term``: word, stem, parts):
    any of the words (stem prefixes; its ``whole`` words as they are) or all the parts of a
    split compound."""
    alts = []
    for t in terms:
        alts.append(_prefix(t.stem) if as_prefix(t) else _exact(t.word))
        if t.parts:
            alts.append("(" + " AND ".join(_prefix(p) for p in t.parts) + ")")
        alts += [_prefix(a) if len(a) >= MIN_STEM else _exact(a) for a in getattr(t, "alts", ())]
        alts += [_exact(w) for w in getattr(t, "whole", ())]  # other words, whole ("start" for "startade")
        if getattr(t, "party", None):  # "Vänsterpartiet" is "(V)" in a protocol
            alts.append(_exact(t.party.casefold()))
    return " OR ".join(dict.fromkeys(alts))


def grouped_number(word: str) -> bool:
    """Whether a query term's word is a number written in groups ("500 000"): a phrase of its
    groups on the keyword side, matched whole (not as a prefix), and in a passage only where no
    other group stands before or after it ("1 500 000" is not "500 000"; search/terms.py)."""
    return " " in word and word.replace(" ", "").isdigit()


# a group gap as the records write it: a space, a no-break or thin space (STYLE.md: "1 500 000 kr")
_GAP = "[ \u00a0\u202f\u2009]"


def whole_number(text: str, number: str) -> bool | None:
    """Whether ``text`` holds the number in groups ``number`` ("500 000") whole: True where it
    stands alone, False where it stands only inside a longer number ("1 500 000", "500 000 000"),
    None where the text does not hold its groups in a row at all (a passage found by another word).
    The keyword index holds the groups as words in a row, so its phrase finds both."""
    groups = number.split()
    phrase = r"(?<!\w)" + r"\W+".join(map(re.escape, groups)) + r"(?!\w)"
    found = [m.span() for m in re.finditer(phrase, text)]
    if not found:
        return None
    longer = re.compile(r"\d" + _GAP + "$")
    return any(not longer.search(text[max(0, a - 2):a]) and not re.match(_GAP + r"\d{3}(?!\d)", text[b:b + 5])
               for a, b in found)


def whole_numbers(search: Callable[[Sequence[Any], int, Any], list[tuple[int, float]]],
                  rows: Callable[[Sequence[int]], dict[int, Any]], terms: Sequence[Any], k: int,
                  f: Any) -> list[tuple[int, float]]:
    """The best ``k`` keyword matches of ``terms`` (``search``: a backend's ranking, chunk id and
    score), where a number in groups counts only standing whole (issue 11): both backends' index
    holds "1 500 000" as the words 1, 500, 000 in a row, so the phrase "500 000" finds it. A
    passage holding the number only inside a longer one is scored without it (the backend's
    ranking of the other terms over that passage alone: BM25 sums one score per phrase, so that is
    its score less the number's), or left out where nothing else found it. ``rows``: the passages'
    rows (their ``text`` and ``context``, the columns the index holds).

    The index is asked for ``k`` matches, and for twice as many again only while the best ``k``
    are not settled: a passage the index ranks past those it gave scores no more than the last of
    them, and no more again without a number, so the ``k`` best are final once the ``k``-th
    scores at least that (or the index has given all it holds). A query whose number stands
    whole in its first ``k`` matches (most) asks once, for ``k``."""
    numbers = [t for t in terms if grouped_number(t.word)]
    if not numbers:
        return search(terms, k, f)
    n = k
    while True:
        hits = search(terms, n, f)
        best = _whole_scored(search, rows, terms, numbers, hits, f)[:k]
        if len(hits) < n or not hits or (len(best) == k and best[-1][1] >= min(s for _c, s in hits)):
            return best
        n *= 2


def _whole_scored(search: Callable[[Sequence[Any], int, Any], list[tuple[int, float]]],
                  rows: Callable[[Sequence[int]], dict[int, Any]], terms: Sequence[Any], numbers: list[Any],
                  hits: list[tuple[int, float]], f: Any) -> list[tuple[int, float]]:
    """``hits`` best first, each passage that holds a number of ``numbers`` only inside a longer
    one scored again without it, or left out (``whole_numbers``)."""
    got = rows([cid for cid, _ in hits])
    inside: dict[tuple[int, ...], list[int]] = {}
    for cid, _ in hits:
        row = got.get(cid)
        texts = [row["text"] or "", row["context"] or ""] if row is not None else []
        held = [[whole_number(x, t.word) for x in texts] for t in numbers]
        out = tuple(i for i, h in enumerate(held) if False in h and True not in h)
        if out:
            inside.setdefault(out, []).append(cid)
    if not inside:
        return list(hits)
    score = dict(hits)
    for out, ids in inside.items():
        rest = [t for t in terms if not any(t is numbers[i] for i in out)]
        again = dict(search(rest, len(ids), replace(f, chunk_ids=tuple(ids)))) if rest else {}
        for cid in ids:
            if cid in again:
                score[cid] = again[cid]
            else:
                del score[cid]
    return sorted(score.items(), key=lambda cs: -cs[1])


def as_prefix(t: Any) -> bool:
    """Whether a query term is searched as a prefix: its stem, or a word of ``MIN_STEM`` letters
    or more; a shorter word ("sd", "55") and a number written in groups ("500 000": the words
    "500" and "000" in a row, ``grouped_number``) whole."""
    if grouped_number(t.word):
        return False
    return bool(t.stem != t.word or len(t.word) >= MIN_STEM)


def _prefix(s: str) -> str:
    return '"' + s.replace('"', '""') + '"*'


def _exact(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def keyword(conn: Any, match: str, k: int, f: Filters) -> list[tuple[int, float]]:
    """(chunk_id, bm25 score, higher is better) for an FTS5 MATCH expression."""
    if f.empty or not match:
        return []
    where, args = chunk_where(conn, f, "c.id")
    sql = ("SELECT chunks_fts.rowid, bm25(chunks_fts, 1.0, 0.5) AS r FROM chunks_fts"
           + (" JOIN chunks c ON c.id = chunks_fts.rowid" if where else "")
           + " WHERE chunks_fts MATCH ?" + "".join(f" AND {w}" for w in where)
           + " ORDER BY r LIMIT ?")
    rows = conn.execute(sql, [match, *args, k]).fetchall()
    return [(int(r[0]), -float(r[1])) for r in rows]


def term_doc_counts(conn: Any, terms: Iterable[str]) -> dict[str, int]:
    """How many chunks hold each exact term (fts5vocab)."""
    ts = list(set(terms))
    if not ts:
        return {}
    q = ",".join("?" * len(ts))
    return {r[0]: int(r[1]) for r in conn.execute(f"SELECT term, doc FROM chunks_vocab WHERE term IN ({q})", ts)}


def prefix_doc_count(conn: Any, prefix: str) -> int:
    """Chunks holding any term that starts with ``prefix`` (an upper bound: summed per term)."""
    row = conn.execute("SELECT coalesce(sum(doc), 0) FROM chunks_vocab WHERE term >= ? AND term < ?",
                       (prefix, prefix + "\uffff")).fetchone()
    return int(row[0])


def vocabulary(conn: Any, prefix: str, limit: int = 50_000) -> list[tuple[str, int]]:
    """(word, chunks holding it) of the keyword index's words starting with ``prefix``."""
    return [(r[0], int(r[1])) for r in conn.execute(
        "SELECT term, doc FROM chunks_vocab WHERE term >= ? AND term < ? LIMIT ?",
        (prefix, prefix + "\uffff", limit))]



def _names_match(names: Sequence[str]) -> str:
    """An FTS5 query for any of ``names`` as a phrase, and the words they start ("" for none)."""
    phrases = [" ".join(re.findall(r"\w+", n.casefold())) for n in names]
    return " OR ".join(dict.fromkeys(f'"{p}"*' for p in phrases if p))


def document_mentions(conn: Any, document_id: int, names: Sequence[str]) -> bool:
    """Whether a passage of the document names any of ``names`` (a name and what it starts, so
    a genitive too: "Göteborg" finds "Göteborgs"). A document's chunks are written together,
    so their ids make a range the keyword index can look in without listing every mention."""
    match = _names_match(names)
    lo, hi = conn.execute("SELECT min(id), max(id) FROM chunks WHERE document_id = ?", (document_id,)).fetchone()
    if not match or lo is None:
        return False
    return conn.execute(
        "SELECT 1 FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid WHERE chunks_fts MATCH ?"
        " AND chunks_fts.rowid BETWEEN ? AND ? AND c.document_id = ? LIMIT 1",
        (match, lo, hi, document_id)).fetchone() is not None


MENTION_ROWS = 200_000  # matching passages read at most to answer for many documents at once
MENTION_BATCH = 8  # up to this many documents: one query each


def documents_mentioning(conn: Any, document_ids: Sequence[int], names: Sequence[str]) -> set[int]:
    """Those of ``document_ids`` that ``document_mentions`` ``names``. For many documents the
    passages naming them are read once (their ids, in order) and each document's id range is
    looked up in them; a hit is confirmed to be the document's own passage. A name in more
    than ``MENTION_ROWS`` passages, or a few documents: one query per document."""
    ids = sorted(set(document_ids))
    match = _names_match(names)
    if not ids or not match:
        return set()
    if len(ids) <= MENTION_BATCH:
        return {d for d in ids if document_mentions(conn, d, names)}
    rows = [r[0] for r in conn.execute("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rowid LIMIT ?",
                                       (match, MENTION_ROWS + 1))]
    if len(rows) > MENTION_ROWS:
        return {d for d in ids if document_mentions(conn, d, names)}
    marks = ",".join("?" * len(ids))
    ranges = conn.execute(f"SELECT document_id, min(id), max(id) FROM chunks WHERE document_id IN ({marks})"
                          " GROUP BY document_id", ids).fetchall()
    first: dict[int, int] = {}
    for d, lo, hi in ranges:
        i = bisect.bisect_left(rows, lo)
        if i < len(rows) and rows[i] <= hi:
            first[int(d)] = rows[i]
    if not first:
        return set()
    marks = ",".join("?" * len(first))
    owner = dict(conn.execute(f"SELECT id, document_id FROM chunks WHERE id IN ({marks})", list(first.values())))
    # a range another document's passage interleaves (not how ingest writes): ask that one alone
    return {d for d, rid in first.items() if owner.get(rid) == d or document_mentions(conn, d, names)}

