"""The Python API behind the web pages (``namndkoll serve``): one function per page, each
opening the corpus, asking the stages and returning plain data a template or the JSON API
shows as it is. No HTML here, and no SQL in web/."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corpus import opened
from ..corpus.base import Store
from ..corpus.store import StoredDocument
from ..display import STANCE_LABELS
from ..errors import NamndkollError
from ..home import data_home
from ..types import Document
from .batch import IngestReport, Progress, ingest
from .images import Box, clip_span, original_ok, row_boxes
from .reading import case_numbers, item_number

if TYPE_CHECKING:
    from ..search.compare import Comparison

# ---- the web pages (namndkoll serve) ------------------------------------------------------
# One function per page: each opens the corpus, asks the stages and returns plain data that a
# template (or the JSON API) shows as it is. No HTML here, and no SQL in web/.

FACETS = ("municipality", "committee", "type", "year", "party")


@dataclass(frozen=True)
class SearchPage:
    query: str
    hits: list[Any]  # types.Hit, best first (at most ``limit``)
    total: int  # good hits found (at most the facet pool), before ``limit``
    facets: dict[str, list[tuple[str, int]]]  # facet -> (value, hits) over all good hits, most first
    parties: dict[int, tuple[str, ...]]  # chunk id -> party codes the passage states or names
    options: dict[str, list[str]]  # values the filters can take in this corpus
    model: str | None  # the index's embedding model (None: no search index yet)
    # chunk id -> the box of a table row's passage on its page (a row has no span in the text)
    boxes: dict[int, Box] = field(default_factory=dict)


class _RememberedQueries:
    """An embedder that remembers the vectors of recent queries: a click on a facet, a page
    of the compare matrix or a reload asks the same question again, and embedding it is most
    of a search's time."""

    def __init__(self, inner: Any, size: int = 512) -> None:
        self.inner, self.size = inner, size
        self.model_id, self.dimensions = inner.model_id, inner.dimensions
        self.vectors: dict[str, Any] = {}

    def embed(self, texts: Any, *, kind: str = "passage") -> Any:
        import numpy as np

        if kind != "query" or len(texts) != 1:
            return self.inner.embed(texts, kind=kind)
        key = texts[0]
        if key in self.vectors:
            self.vectors[key] = self.vectors.pop(key)  # most recent last
        else:
            self.vectors[key] = np.asarray(self.inner.embed(texts, kind=kind), dtype=np.float32)
            while len(self.vectors) > self.size:
                self.vectors.pop(next(iter(self.vectors)))
        return self.vectors[key]


_remembered: dict[int, _RememberedQueries] = {}


def _embedder(store: Store, embedder: Any) -> Any:
    """The server's embedder (or the index's own model), remembering recent query vectors."""
    if embedder is None:
        from ..search import embedder_for

        embedder = embedder_for(store)
    if id(embedder) not in _remembered or _remembered[id(embedder)].inner is not embedder:
        _remembered[id(embedder)] = _RememberedQueries(embedder)
    return _remembered[id(embedder)]


def _hit_parties(store: Store, hits: list[Any]) -> dict[int, tuple[str, ...]]:
    """Parties per hit, as the party filter of search finds them: stored positions and
    mentions inside the passage, "(S)" after a name, or the party's name in the text."""
    from ..registry import PARTIES, parties_by_stem

    stored = store.chunk_party_codes([h.chunk_id for h in hits])
    out: dict[int, tuple[str, ...]] = {}
    for h in hits:
        found = set(stored.get(h.chunk_id, ())) | parties_by_stem(h.text) | {
            c for c in PARTIES if f"({c})" in h.text}
        out[h.chunk_id] = tuple(sorted(found))
    return out


def _options(store: Store) -> dict[str, list[str]]:
    from ..registry import PARTIES

    st = store.corpus_stats()
    return {"municipality": [k for k in st["by_municipality"] if k != "unknown"],
            "committee": [k for k in st["by_committee"] if k != "unknown"],
            "type": [k for k in st["by_type"] if k != "unknown"],
            "year": sorted((k for k in st["by_year"] if k != "unknown"), reverse=True),
            "party": list(PARTIES)}


def search_page(
    query: str, *, db: str | Path | None = None, embedder: Any = None, municipality: str | None = None,
    committee: str | None = None, party: str | None = None, doc_type: str | None = None,
    year_from: int | None = None, year_to: int | None = None, limit: int = 20, pool: int = 50,
) -> SearchPage:
    """Hybrid search with facet counts: the good hits (at most ``pool``) are counted by
    municipality, committee, type, year and party; the first ``limit`` are returned, the
    same as ``search(query, limit=limit)`` gives (the pool is what that search judged)."""
    from collections import Counter

    from ..search import search

    with opened(db) as store:
        options = _options(store)
        rec = store.get_model()
        if not query.strip():
            return SearchPage(query, [], 0, {}, {}, options, rec.model_id if rec else None)
        emb = _embedder(store, embedder) if rec is not None else None
        hits = search(store, query, emb, municipality=municipality, committee=committee, party=party,
                      doc_type=doc_type, year_from=year_from, year_to=year_to,
                      limit=max(limit, pool), breadth=limit, mode="hybrid" if emb is not None else "keyword")
        parties = _hit_parties(store, hits)
        boxes = row_boxes(store, hits[:limit])
    counts: dict[str, Counter[str]] = {f: Counter() for f in FACETS}
    for h in hits:
        md = h.metadata
        for facet, value in (("municipality", md.municipality), ("committee", md.committee),
                             ("type", md.doc_type), ("year", (md.date or "")[:4] or None)):
            if value:
                counts[facet][value] += 1
        counts["party"].update(parties[h.chunk_id])
    facets = {f: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for f, c in counts.items() if c}
    return SearchPage(query, hits[:limit], len(hits), facets, parties, options,
                      rec.model_id if rec else None, boxes)


@dataclass(frozen=True)
class DocumentView:
    stored: StoredDocument
    document: Document
    page: int  # the page shown (1-based)
    highlight: tuple[int, int] | None  # document offsets of the passage to mark, when on this page
    segments: list[tuple[str, bool]]  # the page's clean text cut at the highlight: (text, marked)
    on_page: dict[str, list[dict[str, Any]]]  # figures, decisions, votes, positions on this page
    original: bool  # the original PDF is where it was ingested from, unchanged
    box: Box | None = None  # a place on the page to mark (a table row or cell), PDF points
    citation: str = ""  # the page (and the marked passage's § item) as a copy-ready reference


def document_view(document_id: int, *, db: str | Path | None = None, page: int | None = None,
                  item: str | None = None, highlight: tuple[int, int] | None = None,
                  box: Box | None = None) -> DocumentView:
    """A stored document at one page (``page``, else the page of ``item`` or of ``highlight``,
    else 1), with the highlighted passage cut out of the page text and what extract found on it."""
    from ..errors import NotFoundError

    with opened(db) as store:
        stored = store.get_stored(document_id)
        doc = store.load_document(document_id)
        if not doc.pages:
            raise NotFoundError(f"document {document_id} has no pages")
        if page is None and item is not None:
            from .reading import same_item

            it = next((i for i in doc.items if same_item(i.number, item)), None)
            if it is None:
                raise NotFoundError(f"document {document_id} has no § {item}")
            page, highlight = it.page_start, highlight or (it.start, it.end)
        if page is None:
            page = doc.page_of(highlight[0]) if highlight else 1
        if not 1 <= page <= len(doc.pages):
            raise NotFoundError(f"document {document_id} has {len(doc.pages)} pages, not {page}")
        on_page = {what: [r for r in store.list_extracted(what, document=document_id) if r["page"] == page]
                   for what in ("figures", "decisions", "votes", "positions")}
        p = doc.pages[page - 1]
        span = clip_span(p, highlight)
        # a passage that runs on past this page is cited over its pages, as its hit is
        last = max(page, doc.page_of(highlight[1] - 1)) if span is not None and highlight else page
        citation = _page_citation(store, stored, doc, (page, last), span)
    if span is None:
        segments = [(p.text, False)]
    else:
        a, b = span[0] - p.start, span[1] - p.start
        segments = [(s, m) for s, m in ((p.text[:a], False), (p.text[a:b], True), (p.text[b:], False)) if s]
    return DocumentView(stored, doc, page, span, segments, on_page, original_ok(stored) is not None, box,
                        citation)


def _page_citation(store: Store, stored: StoredDocument, doc: Document, pages: tuple[int, int],
                   span: tuple[int, int] | None) -> str:
    """The reference a reader copies for what the page shows: the marked passage's § item (else
    the page's only §), its diarienummer, the page — as a search hit's citation reads."""
    from ..search.cite import bundled_in, format_citation
    from ..types import Metadata

    page = pages[0]
    if span is not None:
        items = [i for i in doc.items if i.start <= span[0] < i.end]
    else:
        items = [i for i in doc.items if i.page_start <= page <= i.page_end]
    it = items[0] if len(items) == 1 else None
    md = Metadata(stored.title, stored.municipality, (it and it.committee) or stored.committee,
                  stored.doc_type, (it and it.date) or stored.date, kind=stored.kind)  # type: ignore[arg-type]
    number = it.number if it else None
    return format_citation(md, item=number, page=page, page_end=pages[1],
                           diarienummer=store.diarienummer_for(stored.id, number), source=stored.source,
                           within=bundled_in(md.committee, stored))


# position kinds as people read them; the API's name for display.STANCE_LABELS
KIND_LABELS = STANCE_LABELS


@dataclass(frozen=True)
class MatrixCell:
    kind: str  # reservation, yrkande, omröstning, anteckning, ... (Swedish label)
    quote: str
    document_id: int
    page: int
    start: int
    end: int


@dataclass
class MatrixRow:
    group: str  # the committee or year (by committee|year); "" by party
    document_id: int
    title: str
    committee: str | None
    date: str | None
    item: str | None
    citation: str
    cells: dict[str, list[MatrixCell]] = field(default_factory=dict)  # party code -> what it did
    municipality: str | None = None  # two bodies of one name (Lomma's and Alingsås' KF) told apart
    item_number: str | None = None  # the § to join on, as every output gives it ("44")
    # what the § decided, as written (else the last proposal in it: a KS's "Förslag till beslut i
    # kommunfullmäktige"): the parties' stances read against it, as `compare` prints them
    decision: str | None = None
    proposal: str | None = None

    def __post_init__(self) -> None:
        if self.item_number is None:
            self.item_number = item_number(self.item)


@dataclass(frozen=True)
class CompareMatrix:
    topic: str
    by: str
    parties: list[str]  # columns, the most active party first
    rows: list[MatrixRow]  # items, grouped by ``by`` and oldest first within a group
    total: int  # passages found on the topic
    unattributed: int  # of which no party could be told
    indexed: bool = True  # False: the corpus has no search index yet (`namndkoll index`)


def _compared(topic: str, *, by: str, group_by: str, db: str | Path | None, embedder: Any,
              **filters: Any) -> Comparison | None:
    """``search.compare`` of ``topic`` grouped by ``group_by``, once ``by`` is checked; None when the
    corpus has no search index yet (and no embedder was given)."""
    from ..search import compare

    if by not in ("party", "committee", "year"):
        raise NamndkollError("by must be party, committee or year")
    with opened(db) as store:
        if store.get_model() is None and embedder is None:
            return None
        return compare(store, topic, _embedder(store, embedder), by=group_by, **filters)  # type: ignore[arg-type]


def compare_rows(topic: str, *, by: str = "party", db: str | Path | None = None, embedder: Any = None,
                 municipality: str | None = None, committee: str | None = None, party: str | None = None,
                 year_from: int | None = None, year_to: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """The comparison as one row per party stance, as `compare --csv` gives it
    (``search.compare.comparison_rows``): for the web's CSV and XLSX downloads."""
    from ..search.compare import comparison_rows

    res = _compared(topic, by=by, group_by=by, db=db, embedder=embedder, municipality=municipality,
                    committee=committee, party=party, year_from=year_from, year_to=year_to, limit=limit)
    return comparison_rows(res) if res is not None else []


def compare_matrix(topic: str, *, by: str = "party", db: str | Path | None = None, embedder: Any = None,
                   municipality: str | None = None, committee: str | None = None, party: str | None = None,
                   year_from: int | None = None, year_to: int | None = None, limit: int = 50) -> CompareMatrix:
    """The positions on a topic as a matrix: one row per § item (or document), one column per
    party, each cell what that party did there (reservation, yrkande, omröstning, anteckning ...)
    with the page to cite; rows grouped by committee or year when ``by`` says so."""
    from collections import Counter

    from ..search.cite import quote
    from ..search.compare import committee_key

    # grouped by party: each row's cells are the parties; ``by`` groups the rows below
    res = _compared(topic, by=by, group_by="party", db=db, embedder=embedder, municipality=municipality,
                    committee=committee, party=party, year_from=year_from, year_to=year_to, limit=limit)
    if res is None:
        return CompareMatrix(topic, by, [], [], 0, 0, indexed=False)
    rows: list[MatrixRow] = []
    active: Counter[str] = Counter()
    for item in res.items:  # one row per matching § item, each party's stances quoted once
        group = "" if by == "party" else committee_key(item.committee, item.municipality) if by == "committee" else (
            (item.date or "")[:4] or "okänt år")
        row = MatrixRow(group, item.document_id, item.title or Path(item.source).name, item.committee,
                        item.date, item.item, item.citation, municipality=item.municipality,
                        decision=quote(item.decision, max_chars=200) if item.decision else None,
                        proposal=quote(item.proposal, max_chars=200) if item.proposal else None)
        for code, stances in item.stances.items():
            row.cells[code] = [MatrixCell(KIND_LABELS.get(st.kind, st.kind), quote(st.text, max_chars=300),
                                          item.document_id, st.page, st.start, st.end) for st in stances]
            active[code] += 1
        if row.cells:
            rows.append(row)
    ordered = sorted(rows, key=lambda r: (r.group, r.date or "9999", r.document_id, r.item or ""))
    return CompareMatrix(topic, by, [c for c, _ in active.most_common()], ordered, res.total, res.unattributed)


def _stage(committee: str | None, doc_type: str | None) -> tuple[int, str]:
    """Where a document stands in a case's path: nämnd -> KS -> KF (revision beside them)."""
    low = (committee or "").casefold()
    if doc_type == "motion":
        return 0, "parti"  # a party's paper, whichever body it is addressed to
    if "fullmäktige" in low:
        return 3, "KF"
    if "kommunstyrelse" in low or "regionstyrelse" in low or "förbundsstyrelse" in low:
        return 2, "KS"
    if "revision" in low or doc_type == "revisionsrapport":
        return 1, "revision"
    if doc_type in ("motion", "reservation", "skrivelse", "sarskilt_yttrande"):
        return 0, "parti"
    return 1, "nämnd"


@dataclass(frozen=True)
class CaseView:
    dnr: str
    # one per document or § item naming the case, oldest first; a § of another body's number
    # joined to the case by a reference between §§ ("§ 28 TEN") carries ``joined``: that
    # reference's text and the § (body, date, page) where it stands
    entries: list[dict[str, Any]]
    bodies: list[str]  # the bodies it passed through, in order
    # the diarienummer as the documents write them, each once: more than one when the number
    # typed is the beginning of several ("2026.131" of "2026.131 TEN" and "2026.131 BUN")
    numbers: list[dict[str, Any]] = field(default_factory=list)


def _dnr_in_text(dnr: str) -> re.Pattern[str]:
    """A stored diarienummer as the text may write it: any case, spaces or hyphens anywhere (as
    ``corpus.web.dnr_matches`` compares), never the beginning of a longer number."""
    chars = [re.escape(c) for c in dnr.upper() if c not in " -"]
    tail = r"(?!\d)" if dnr[-1:].isdigit() else ""
    return re.compile(r"(?<![\w.])" + r"[\s-]*".join(chars) + tail, re.IGNORECASE)


def _place_mention(store: Store, e: dict[str, Any]) -> None:
    """A document with § items that names the case only in passing — inside another § (a list of
    meddelanden or delegationsbeslut, a Beslutsunderlag) or outside every § — is shown through
    the § (and page) where it names it, with that §'s decisions, votes and positions only: a
    Tekniska nämnden protocol listing 'KS § 105 2026.220 KS' among its meddelanden is not a
    timeline step whose decisions are every VA-taxa and renhållningstaxa of the meeting."""
    doc = store.load_document(e["document_id"])
    if not doc.items:
        return  # a tjänsteskrivelse, a motion: the whole document is about its case
    e["mentioned"] = True
    m = _dnr_in_text(e["dnr"]).search(doc.text)
    item = doc.item_of(m.start()) if m else None
    if item is None and len(doc.items) == 1:
        # a protocol extract's number in its letterhead, above its one §: that §'s case
        item = doc.items[0]
        e["item"], e["item_title"], e["page_start"] = item.number, item.title, item.page_start
        e["start"], e["end"], e["mentioned"], e["own_dnr"] = item.start, item.end, False, (e["dnr"],)
        e.update({w: [r for r in e[w] if item.start <= r["start"] < item.end] for w in ("decisions", "votes", "positions")})
        return
    if m is not None:
        e["page_start"], e["start"], e["end"] = doc.page_of(m.start()), m.start(), m.end()
    own: tuple[str, ...] = ()
    if item is not None and m is not None:
        e["item"], e["item_title"] = item.number, item.title
        own = store.diarienummer_for(e["document_id"], item.number)
        if doc.text[item.start:m.start()].count("\n") <= 1:  # in the §'s heading: its own case
            e["mentioned"], own = False, own or (e["dnr"],)
    e["own_dnr"] = own
    for what in ("decisions", "votes", "positions"):
        e[what] = [r for r in e[what] if item is not None and item.start <= r["start"] < item.end]


def _when(e: dict[str, Any]) -> str | None:
    if e["date"] is None and e["stage"] == "parti" and e.get("joined"):
        return e["joined"]["date"]
    return e["date"]


def case_view(dnr: str, *, db: str | Path | None = None) -> CaseView:
    """A case followed by its diarienummer through every document and body that names it,
    oldest first (same date: nämnd before KS before KF), with its decisions and votes."""
    from ..corpus.web import dnr_key, dnr_matches
    from ..search.cite import bundled_in, format_citation
    from ..types import Metadata
    from .case_links import joined_steps
    from .case_motions import joined_motions

    with opened(db) as store:
        # the store matches a prefix ("2026.13" also finds "2026.131 TEN"): a whole number only
        entries = [e for e in store.case_entries(dnr) if dnr_matches(e["dnr"], dnr)]
        stored = {d: store.get_stored(d) for d in {e["document_id"] for e in entries}}
        for e in entries:
            e["mentioned"] = False
            if e["item_id"] is None:
                _place_mention(store, e)
        # the same case under another body's diarienummer: a § that names a step by body and
        # number ("§ 28 TEN"), or that a step names (case_links)
        for e in joined_steps(store, entries):
            e["mentioned"], e["own_dnr"] = False, (e["dnr"],) if e["dnr"] else ()
            stored.setdefault(e["document_id"], store.get_stored(e["document_id"]))
            entries.append(e)
        # a motion of its own, without §§ or number: through the § that takes it up (case_motions)
        for e in joined_motions(store, entries):
            e["mentioned"], e["own_dnr"] = False, ()
            stored.setdefault(e["document_id"], store.get_stored(e["document_id"]))
            entries.append(e)
    for e in entries:
        # a § of another body's protocol extract bundled in the document (an audit report's
        # appendix): that body's step in the case, cited as its extract in the document
        within = bundled_in(e["committee"], stored[e["document_id"]])
        rank, stage = _stage(e["committee"], "protokollsutdrag" if within else e["doc_type"])
        e["stage"], e["rank"] = stage, rank
        # the entry's own "item" is "44" while its decisions, votes and positions say "§ 44":
        # item_number is the one form every output gives (README, "Output")
        e["item_number"] = item_number(e["item"])
        md = Metadata(e["title"], e["municipality"], e["committee"], e["doc_type"], e["date"],
                      kind=e.get("kind"))
        page = e["page_start"] or 1
        # a § that only names the case is cited with its own numbers, never as if it were the case
        cited = e.pop("own_dnr") if "own_dnr" in e else (e["dnr"],)
        e["citation"] = format_citation(md, item=e["item"], page=page, page_end=page,
                                        diarienummer=cited, source=e["source"], within=within)
    # an undated motion stands where the § that took it up stands, before it
    entries.sort(key=lambda e: (_when(e) is None, _when(e) or "", e["rank"]))
    # the path the case took: a body whose records only name it in passing did not handle it,
    # nor is a party's paper a body's step
    handled = ([e for e in entries if not e["mentioned"] and e["stage"] != "parti"]
               or [e for e in entries if not e["mentioned"]] or entries)
    bodies = list(dict.fromkeys(e["committee"] or e["stage"] for e in handled))
    numbers: dict[str, dict[str, Any]] = {}
    for e in entries:
        if "joined" in e:
            continue  # its own number, not one the number typed begins
        n = numbers.setdefault(dnr_key(e["dnr"]), {"dnr": e["dnr"], "bodies": []})
        body = ", ".join(x for x in (e["committee"], e["municipality"]) if x)
        if body and body not in n["bodies"]:
            n["bodies"].append(body)
    return CaseView(dnr, entries, bodies, list(numbers.values()))


BASKET_KINDS = {"c": "passage", "f": "figures", "d": "decisions", "v": "votes", "p": "positions"}


def basket_items(refs: list[str], *, db: str | Path | None = None) -> list[dict[str, Any]]:
    """The basket's entries in the order given: ``refs`` like "c12" (a search passage by chunk
    id), "f3" (figure), "d4" (decision), "v5" (vote), "p6" (position). Each with quote,
    citation, document, page and span; a ref no longer in the corpus comes back ``missing``."""
    from ..search.cite import bundled_in, format_citation, last_page, quote, quoted
    from ..search.hybrid import hits_for_chunks
    from ..types import Metadata

    wanted: dict[str, list[int]] = {}
    for r in refs:
        if r[:1] in BASKET_KINDS and r[1:].isdigit():
            wanted.setdefault(r[0], []).append(int(r[1:]))
    found: dict[str, dict[str, Any]] = {}
    with opened(db) as store:
        for h in hits_for_chunks(store, wanted.get("c", [])):
            text, start = quoted(h.text, h.start, h.section)  # its heading lines left out, as the cite pack's
            found[f"c{h.chunk_id}"] = {
                "kind": "passage", "label": "citat", "quote": quote(text, max_chars=1200), "citation": h.citation,
                "document_id": h.document_id, "page": h.page, "start": start, "end": h.end,
                "title": _entry_title(store, h.metadata.title, h.document_id, h.item), "source": h.source}
        for k in "fdvp":
            rows = store.extracted_by_ids(BASKET_KINDS[k], wanted.get(k, []))
            for row, dnr in zip(rows, case_numbers(store, rows), strict=True):
                md = Metadata(row["title"], row["municipality"], row["committee"], row["doc_type"],  # type: ignore[arg-type]
                              row["date"], kind=row.get("doc_kind"))
                item = item_number(row["item"])
                text = {"f": row.get("quote") or row.get("text"), "d": row.get("quote"),
                        "v": row.get("quote"), "p": row.get("quote")}[k] or ""
                label = {"f": f"siffra: {row.get('text', '')}", "d": "beslut", "v": "omröstning",
                         "p": KIND_LABELS.get(row.get("kind", ""), row.get("kind", ""))}[k]
                found[f"{k}{row['id']}"] = {
                    "kind": BASKET_KINDS[k], "label": label, "quote": quote(text, max_chars=1200),
                    "citation": format_citation(md, item=item, page=row["page"],
                                                page_end=last_page(row), diarienummer=dnr, source=row["source"],
                                                within=bundled_in(row["committee"],
                                                                  store.get_stored(row["document_id"]))),
                    "document_id": row["document_id"], "page": row["page"], "start": row["start"], "end": row["end"],
                    "title": _entry_title(store, row["title"], row["document_id"], item), "source": row["source"]}
    return [{"ref": r, **found[r]} if r in found else {"ref": r, "missing": True} for r in refs]


def _entry_title(store: Any, title: str | None, document_id: int, item: str | None) -> str | None:
    """What a basket entry's "dokument" names: the document's title, else — a protocol has
    none — its § and the §'s title ("§ 44 Kompetensförsörjningsplan"), so that a sheet of quotes
    from protocols does not leave the column empty on every row."""
    if title or not item:
        return title
    rec = store.item_record(document_id, item)
    return f"§ {item} {rec['title']}".strip() if rec is not None and rec.get("title") else f"§ {item}"


def corpus_status(*, db: str | Path | None = None) -> dict[str, Any]:
    """What the corpus holds (by municipality, body, type, year), pages needing OCR, documents
    with missing metadata, and the search index's model and size."""
    from ..search.index import index_status

    with opened(db) as store:
        st = store.corpus_stats()
        idx = index_status(store)
        docs = store.list_documents()
        location = store.location
        size = store.size_bytes()
    missing = []
    for d in docs:
        lacks = [name for name, v in (("kommun", d.municipality), ("nämnd", d.committee),
                                      ("typ", d.doc_type), ("datum", d.date)) if not v]
        if lacks:
            missing.append({"id": d.id, "title": d.title, "source": d.source, "missing": lacks})
    from .reading import read_by_older

    return {**st, "index": idx, "missing_metadata": missing, "db_bytes": size, "db": location,
            "read_by_older": read_by_older(st)}


# ---- uploads --------------------------------------------------------------------------------

def upload_folder() -> Path:
    return data_home() / "uploads"


def save_upload(name: str, data: bytes, *, folder: str | Path | None = None) -> Path:
    """Keep an uploaded PDF under the data folder (``$NAMNDKOLL_HOME/uploads/<hash>/<name>``):
    only the sanitised base of ``name`` is used, never a path. NotAPdfError if it is no PDF."""
    import re as _re

    from ..errors import EmptyFileError, NotAPdfError

    if not data:
        raise EmptyFileError(f"{name}: empty file (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdfError(f"{name}: not a PDF (no %PDF header); only PDF files can be ingested")
    base = _re.sub(r"[^\w.-]+", "-", Path(name.replace("\\", "/")).name, flags=_re.UNICODE).strip(".-")
    base = (base[:-4] if base.lower().endswith(".pdf") else base)[:100] or "dokument"
    sha = hashlib.sha256(data).hexdigest()
    target = Path(folder or upload_folder()) / sha[:16] / f"{base}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        tmp = target.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(target)
    return target


def ingest_uploads(paths: list[Path], *, db: str | Path | None = None, embedder: Any = None,
                   progress: Progress | None = None) -> IngestReport:
    """``ingest`` of uploaded files, then the search index refreshed with ``embedder`` (the
    one the server keeps warm; default: the index's own model)."""
    report = ingest(paths, db=db, index=False, progress=progress)
    if any(r.status in ("ingested", "replaced") for r in report.results):
        from ..search import index_corpus

        with opened(db, write=True) as store:
            emb = _embedder(store, embedder)
            idx = index_corpus(store, emb, progress=(progress.extra.get("index") if progress else None))
        report = dataclasses.replace(report, index=idx)
    return report

