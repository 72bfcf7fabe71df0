"""Saved topics: what is new on each since it was last looked at (``namndkoll watch``).

A political secretary or a reporter follows a few topics ("hemtjänst", "Nolhaga parkering",
"budget 2027") and, after each night's ingest, wants only what is new on each. A watch is a
search query with the filters ``search`` takes, kept in the corpus (migration 0021). Running it
searches the passages of the documents stored since its last run — by when each was stored in
this corpus, ``documents.stored_at`` — with the same search, ranking and judge as ``namndkoll
search``, then marks it run. Each result says which of three things it is: no new documents,
new documents but no good match, or hits.

A run marks a topic only when every new document it looked at is in the search index: a
document stored by ``ingest --no-index`` (or one still being embedded) is looked at again at
the next run, with the hits beside it, rather than missed for good.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..corpus import opened
from ..errors import NamndkollError
from ..types import Hit

Outcome = Literal["hits", "no_match", "no_new_documents"]


@dataclass(frozen=True)
class Watch:
    """A watched topic: the query, its filters as ``search`` takes them, since when it was
    added, and the moment up to which stored documents have been looked at (UTC)."""

    id: int
    topic: str
    municipality: str | None = None
    committee: str | None = None
    doc_type: str | None = None
    party: str | None = None
    year_from: int | None = None  # --year 2024 is 2024 to 2024, as in search
    year_to: int | None = None
    created_at: str = ""
    seen_until: str = ""
    last_run_at: str | None = None

    @property
    def filters(self) -> dict[str, str]:
        return {k: v for k, v in (("municipality", self.municipality), ("committee", self.committee),
                                  ("doc_type", self.doc_type), ("party", self.party)) if v}

    @property
    def years(self) -> dict[str, int]:
        """The year range as ``search`` takes it: year_from, year_to, each when given."""
        return {k: v for k, v in (("year_from", self.year_from), ("year_to", self.year_to)) if v is not None}


@dataclass(frozen=True)
class WatchResult:
    """One topic's run: the documents stored after ``since`` up to ``until`` that pass its
    filters (``new_documents``; ``waiting`` of them not yet in the search index), what the
    search found in them, and whether the topic was marked as run up to ``until``."""

    watch: Watch
    since: str
    until: str
    new_documents: int
    waiting: int
    hits: list[Hit] = field(default_factory=list)
    marked: bool = False
    newest_stored: str | None = None  # the corpus's newest document, whatever the filters: is the ingest running?
    undated: int = 0  # new documents its years left out because their date was not found (as search's filter does)

    @property
    def outcome(self) -> Outcome:
        if not self.new_documents:
            return "no_new_documents"
        return "hits" if self.hits else "no_match"


def _watch(row: dict[str, Any]) -> Watch:
    return Watch(**row)


def _checked_filters(doc_type: str | None, party: str | None) -> tuple[str | None, str | None]:
    """``doc_type`` and ``party`` as stored and searched ("Tjänsteskrivelse" -> tjansteskrivelse,
    "Socialdemokraterna" -> S), or a NamndkollError naming what they take: the check of the
    CLI's ``--type`` and ``--party`` (``api.reading``)."""
    from .reading import checked_doc_type, checked_party

    return checked_doc_type(doc_type) if doc_type else doc_type, checked_party(party) if party else party


def watch_add(topic: str, *, db: str | Path | None = None, municipality: str | None = None,
              committee: str | None = None, doc_type: str | None = None, party: str | None = None,
              year: int | None = None, year_from: int | None = None, year_to: int | None = None) -> Watch:
    """Watch ``topic`` (with the filters ``search`` takes: ``year`` is ``year_from`` and
    ``year_to`` both) from now on: its first run shows what is stored after this call
    (``search_db`` shows what is stored already)."""
    from ..corpus.index import check_years
    from ..search import check_query

    topic = " ".join(topic.split())
    if not topic:
        raise NamndkollError("give words to watch, e.g. namndkoll watch add \"hemtjänst\"")
    check_query(topic)
    doc_type, party = _checked_filters(doc_type, party)
    if year is not None:
        year_from = year_to = year
    check_years(year_from, year_to)
    for y in (year_from, year_to):
        if y is not None and not 1 <= y <= 9999:  # a year a date can hold; 0 is stored for none
            raise NamndkollError(f"{y} is no year: give one of four digits, e.g. --year 2024")
    filters = {"municipality": (municipality or "").strip() or None, "committee": (committee or "").strip() or None,
               "doc_type": doc_type, "party": party, "year_from": year_from, "year_to": year_to}
    with opened(db, write=True) as store:
        return _watch(store.add_watch(topic, filters))


def watch_list(*, db: str | Path | None = None) -> list[Watch]:
    """Every watched topic, oldest first."""
    with opened(db) as store:
        return [_watch(r) for r in store.list_watches()]


def watch_remove(ref: str | int, *, db: str | Path | None = None) -> Watch:
    """Stop watching: ``ref`` is a watch's number or its topic (when one watch has it)."""
    with opened(db, write=True, create=False) as store:
        return _watch(store.remove_watch(ref))


def watch_run(*, db: str | Path | None = None, watches: list[str | int] | None = None, dry_run: bool = False,
              limit: int = 10, model: str | None = None, embedder: Any = None) -> list[WatchResult]:
    """Each watched topic (or those ``watches`` names, by number or topic) searched over the
    documents stored since its last run, then marked run, unless ``dry_run`` or some of those
    documents are not in the search index yet. The embedding model (``model``, else the
    index's) is loaded only when some topic has new documents; ``embedder``, one loaded already
    (the web app's), is used instead."""
    with opened(db, write=not dry_run, create=False) as store:
        rows = [_watch(r) for r in store.list_watches()]
        if watches:
            rows = _picked(rows, watches)
        if not rows:
            return []
        until = store.watch_cut()
        newest = store.newest_stored()
        found = [_stored(store, w, until) for w in rows]
        # the model loaded only when there is something new to search; a corpus never indexed
        # has no model to load, and its new documents are searched by their words
        indexed = store.get_model() is not None
        if not indexed or not any(docs for _w, docs, _u in found):
            embedder = None
        elif embedder is None:
            embedder = _embedder(store, model)
        out = []
        for w, docs, undated in found:
            hits = _search(store, w, [d["id"] for d in docs], embedder, limit) if docs else []
            waiting = sum(d["waiting"] for d in docs)
            out.append(WatchResult(w, w.seen_until, until, len(docs), waiting, hits, not dry_run and not waiting,
                                   newest, undated))
        # marked once every topic is searched: a search that fails midway leaves every topic to
        # the next run, not the first ones marked with their hits never shown
        for r in out:
            if r.marked:
                store.mark_watch(r.watch.id, until)
        return out


def _stored(store: Any, w: Watch, until: str) -> tuple[Watch, list[dict[str, Any]], int]:
    """The watch, the documents stored since its last run that pass its filters, and how many
    more its years left out for having no date (said, never silent, as search says it)."""
    filters = {"municipality": w.municipality, "committee": w.committee, "doc_type": w.doc_type}
    docs = store.documents_stored(w.seen_until, until, **filters, **w.years)
    if not w.years:
        return w, docs, 0
    kept = {d["id"] for d in docs}
    undated = sum(d["year"] is None and d["id"] not in kept for d in store.documents_stored(w.seen_until, until,
                                                                                             **filters))
    return w, docs, undated


def _picked(rows: list[Watch], refs: list[str | int]) -> list[Watch]:
    out: list[Watch] = []
    for ref in refs:
        text = str(ref).strip()
        match = [w for w in rows if str(w.id) == text] or [w for w in rows if w.topic.casefold() == text.casefold()]
        if not match:
            have = "; ".join(f"{w.id}: {w.topic}" for w in rows) or "none"
            raise NamndkollError(f"no watch is {text!r} (the watches: {have})")
        out += [w for w in match if w not in out]
    return out


def _embedder(store: Any, model: str | None) -> Any:
    from .. import search

    return search.embedder_for(store, model)


def _search(store: Any, w: Watch, document_ids: list[int], embedder: Any, limit: int) -> list[Hit]:
    """The search of ``namndkoll search`` (ranking, judge, citations untouched) over the passages
    of these documents."""
    from ..search import search

    chunk_ids = [c for d in document_ids for c in store.chunk_ids(d)]
    if not chunk_ids:
        return []
    return search(store, w.topic, embedder, municipality=w.municipality, committee=w.committee,
                  doc_type=w.doc_type, party=w.party, year_from=w.year_from, year_to=w.year_to, chunk_ids=chunk_ids,
                  limit=limit, mode="hybrid" if embedder is not None else "keyword")
