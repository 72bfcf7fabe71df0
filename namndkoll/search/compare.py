"""Positions on a topic side by side: per matching § (or party document), each party's stance.

The topic is searched (hybrid, with abstention) only among passages that state positions:
sections of kinds reservation, särskilt uttalande, yrkanden, protokollsanteckning and
omröstning, documents that are reservations, särskilda yttranden, motions or party
skrivelser, and passages holding a position the extract stage stored. The hits are then
gathered per § item (a document without §§ counts as one item): its title, date, decision and
votes, and each party's stances in that § — every stored position of the § (yrkande,
reservation, särskilt uttalande, protokollsanteckning) quoted once in the party's own words with
its page, else the passage that names the party. One § is one row however many of its passages
matched, so a reservation is never repeated per passage.

An independent member (politisk vilde, "Gun Larsson (-)") is no party: each stands in a column of
their own named after them ("Gun Larsson (politisk vilde)"), never under a "-" column that would
add up the stances of unrelated people as if they were one party's.

``Comparison.items`` is that matrix (rows: §§; columns: ``Comparison.parties``), plain
dataclasses for the web page and ``comparison_json`` for journalists; ``Comparison.groups``
gathers the same rows by party, committee or year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from ..corpus import as_store
from ..corpus.base import Store
from ..registry import INDEPENDENT, PARTIES, code_in_text, parties_by_stem, without_roles
from ..types import Hit
from .cite import format_citation, last_page, pages_label, quote
from .embedder import Embedder
from .hybrid import Mode, search

GroupBy = Literal["party", "committee", "year"]
POSITION_SECTIONS = ("reservation", "sarskilt_uttalande", "yrkanden", "protokollsanteckning", "omrostning")
POSITION_DOC_TYPES = ("reservation", "sarskilt_yttrande", "motion", "skrivelse")
# "Anna Andersson (V)", "Ledamöterna från M, L och KD", "SD:s yrkande", "(FI)", "Berg (fp)": each
# party's code as records write it (the registry's rule), counted under today's code; not a code
# on its own, as an attendance list or a vote table writes every party's
_CODE = {code: re.compile(code_in_text(code, alone=False)) for code in PARTIES}
# what a passage of a section kind states, when no position was stored for it
INDEPENDENT_LABEL = "politisk vilde"
# "Gun Larsson (-)", "Ordförande Gun Larsson (–)": the name before an independent's "(-)"
_INDEPENDENT_RE = re.compile(
    r"(?P<name>[A-ZÅÄÖÉÜ][\wåäöéü'’-]+(?:[ \t\n]+[A-ZÅÄÖÉÜ][\wåäöéü'’-]+){1,3})[ \t\n]*\([ \t]*[-–][ \t]*\)")
# "… deltar inte i handläggningen av ärendet på grund av jäv.", "Anna Berg (C) anmäler jäv": a
# member stepping aside for a conflict of interest takes no stance (the extract stage skips these).
# Wider than positions.find_positions' r"\bjäv\b" on purpose: this drops one sentence of a
# passage, so "anser sig jävig" may go too; that drops a whole stated position, and a yrkande
# may argue about someone's being jävig.
_JAV_RE = re.compile(r"\bjäv(?:ig[at]?|et)?\b", re.IGNORECASE)
# Coarser than grounds.sentences (which also cuts at blank lines and bullets) on purpose: a jäv
# note may list its names on lines or bullets of their own before the sentence that says jäv
# ("• X (S)\n• Y (D)\ndeltar inte … på grund av jäv."), and all of them must go with it.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_SECTION_STANCE = {"reservation": "reservation", "sarskilt_uttalande": "sarskilt_uttalande",
                   "yrkanden": "yrkande", "protokollsanteckning": "protokollsanteckning", "omrostning": "omrostning"}


@dataclass(frozen=True)
class Stance:
    """One thing a party said or did in a § item, in its own words, with where it stands."""

    party: str
    kind: str  # yrkande | reservation | sarskilt_uttalande | protokollsanteckning | motion | skrivelse | omrostning
    text: str
    page: int
    start: int
    end: int
    citation: str
    stored: bool = True  # False: the matching passage naming the party (no stored position)
    member: str | None = None  # an independent member's name ("Gun Larsson"): ``party`` is their column


@dataclass(frozen=True)
class MatrixItem:
    """A row of the matrix: one § item (or one party document) on the topic."""

    document_id: int
    source: str
    item: str | None  # § number; None for a document without §§
    title: str
    date: str | None
    committee: str | None
    municipality: str | None
    citation: str
    decision: str | None  # the § decision, as written
    votes: tuple[dict[str, Any], ...]  # {yes, no, abstain, absent, proposition, page}
    stances: dict[str, tuple[Stance, ...]]  # party code -> its stances in this §
    hits: tuple[Hit, ...] = ()  # the passages that matched the topic
    # where the § states no decision of its own, the last proposed one in it: a kommunstyrelse's
    # "Beslut / Förslag till beslut i kommunfullmäktige: Motionen avslås" is stored as a proposal
    proposal: str | None = None


@dataclass(frozen=True)
class PositionHit:
    hit: Hit
    parties: tuple[str, ...]
    # per party: what that party's stored positions in this § say, e.g.
    # {"SD": ["reservation: Ledamöterna från SD reserverar sig ..."]}
    statements: dict[str, list[str]] = field(default_factory=dict)
    row: MatrixItem | None = None

    def quote_for(self, key: str) -> str:
        """The words to quote under ``key``: the party's own statement when stored, else the passage."""
        return " … ".join(self.statements.get(key, [])) or self.hit.text


@dataclass
class Group:
    key: str
    count: int = 0
    by_year: dict[str, int] = field(default_factory=dict)
    hits: list[PositionHit] = field(default_factory=list)


@dataclass(frozen=True)
class Comparison:
    topic: str
    by: GroupBy
    groups: dict[str, Group]
    total: int
    unattributed: int = 0  # §§ found for the topic whose party could not be told (by party)
    items: tuple[MatrixItem, ...] = ()  # the matrix rows, best match first
    parties: tuple[str, ...] = ()  # the matrix columns, most rows first


def position_chunk_ids(store: Store) -> list[int]:
    ids = set(store.section_chunk_ids(POSITION_SECTIONS))
    ids.update(store.doc_type_chunk_ids(POSITION_DOC_TYPES))
    for code in PARTIES:  # a mention is no position: only stored positions count here
        for found in store.chunks_overlapping(store.party_spans(code, ("positions",))).values():
            ids.update(found)
    return sorted(ids)


def parties_named_in(hit: Hit) -> tuple[str, ...]:
    """Parties a passage names ("Martin Stensson (V)", "från SD", "Vänsterpartiet"), most named
    first: who it speaks for when no stored position overlaps it."""
    found = Counter({code: n for code, rx in _CODE.items() if (n := len(rx.findall(hit.text)))})
    for code in parties_by_stem(hit.text):
        found[code] += 1
    return tuple(sorted(found, key=lambda c: (-found[c], c)))


def without_jav_notes(text: str) -> str:
    """``text`` without its sentences about jäv: who withdrew for a conflict of interest said
    nothing for their party there."""
    return " ".join(s for s in _SENTENCE_END_RE.split(text) if not _JAV_RE.search(s))


def independent_column(name: str | None) -> str:
    """The column of an independent member: "Gun Larsson (politisk vilde)", or "politisk vilde"
    when the statement does not name them."""
    return f"{name} ({INDEPENDENT_LABEL})" if name else INDEPENDENT_LABEL


def independents_named(text: str) -> tuple[str, ...]:
    """The members a statement writes "(-)" after ("Gun Larsson (-) yrkar …"), roles left out."""
    out = []
    for m in _INDEPENDENT_RE.finditer(text):
        out.append(without_roles(m.group("name")))
    return tuple(dict.fromkeys(out))


def _stands(row: MatrixItem, wanted: str) -> bool:
    """Whether the party ``wanted`` (or, for "-", an independent member) has a stance in ``row``."""
    return any(p == wanted or wanted == INDEPENDENT and _is_independent_column(p) for p in row.stances)


def _is_independent_column(key: str) -> bool:
    return key == INDEPENDENT_LABEL or key.endswith(f" ({INDEPENDENT_LABEL})")


def compare(
    store: Store | Any, topic: str, embedder: Embedder | None, *, by: GroupBy = "party", municipality: str | None = None,
    committee: str | None = None, party: str | None = None, year: int | None = None,
    year_from: int | None = None, year_to: int | None = None, limit: int = 50, mode: Mode = "hybrid",
) -> Comparison:
    """The topic's §§ with each party's stances, as a matrix and grouped by ``by``."""
    store = as_store(store)
    ids = position_chunk_ids(store)
    kwargs: dict[str, Any] = {"municipality": municipality, "committee": committee, "year": year,
                              "year_from": year_from, "year_to": year_to, "chunk_ids": ids, "limit": limit,
                              "mode": mode}
    hits = search(store, topic, embedder, party=party, **kwargs)
    named = {(h.document_id, h.item) for h in hits}  # §§ whose matching passages name the party
    wanted = _code(party) if party else None
    if wanted is not None:
        # a party's stance is what it said or how it voted in a § on the topic, and its own words
        # need not repeat the topic ("Ledamöterna från SD reserverar sig mot beslutet." in a §
        # whose vote was on "ärendets återremiss"): the §§ the topic finds count too, each kept
        # below only where the party took a stance
        seen = {h.chunk_id for h in hits}
        hits += [h for h in search(store, topic, embedder, **kwargs) if h.chunk_id not in seen]
    by_item: dict[tuple[int, str | None], list[Hit]] = {}
    for h in hits:
        by_item.setdefault((h.document_id, h.item), []).append(h)
    rows = [matrix_row(store, doc_id, item, found) for (doc_id, item), found in by_item.items()]
    rows += _on_topic_elsewhere(store, topic, embedder, set(by_item), kwargs)
    if wanted is not None:
        rows = [r for r in rows if _stands(r, wanted) or not r.stances and (r.document_id, r.item) in named]
    groups: dict[str, Group] = {}
    unattributed = 0
    for row in rows:
        parties = tuple(row.stances)
        if by == "party":
            keys = [p for p in parties if wanted is None or p == wanted
                    or (wanted == INDEPENDENT and _is_independent_column(p))] or list(parties)
            if not keys:  # an attendance list or a vote table with no party named: no one's position
                unattributed += 1
                continue
        elif by == "committee":
            keys = [committee_key(row.committee, row.municipality)]
        else:
            keys = [(row.date or "")[:4] or "okänt år"]
        year_key = (row.date or "")[:4] or "okänt år"
        statements = {p: [f"{s.kind.replace('_', ' ')}: {s.text}" for s in st if s.stored]
                      for p, st in row.stances.items()}
        for k in keys:
            g = groups.setdefault(k, Group(k))
            g.count += 1
            g.by_year[year_key] = g.by_year.get(year_key, 0) + 1
            g.hits.append(PositionHit(row.hits[0], parties, {p: v for p, v in statements.items() if v}, row))
    ordered = dict(sorted(groups.items(), key=lambda kv: (-kv[1].count, kv[0])))
    columns = Counter(p for row in rows for p in row.stances)
    return Comparison(topic, by, ordered, len(hits), unattributed, tuple(rows),
                      tuple(sorted(columns, key=lambda p: (-columns[p], p))))


def _on_topic_elsewhere(store: Store, topic: str, embedder: Embedder | None,
                        found: set[tuple[int, str | None]], kwargs: dict[str, Any]) -> list[MatrixItem]:
    """The §§ the topic finds in their other passages (title, ärende, beredning, beslut) where
    parties took a stance that does not repeat the topic's words: Alingsås KS 2026-06-15 § 116
    "Ramar 2027-2029", whose ten members' tilläggsyrkande names no "budget" and whose beredning
    does ("Höstens budgetberedning"), was missing from `compare budget`. Only §§ holding a stored
    position or a vote count; their matching passages are shown, never read as anyone's stance."""
    by_item: dict[tuple[int, str | None], list[Hit]] = {}
    for h in search(store, topic, embedder, **{**kwargs, "chunk_ids": None}):
        if h.item is not None and (h.document_id, h.item) not in found:
            by_item.setdefault((h.document_id, h.item), []).append(h)
    rows = []
    for (doc_id, item), hits in by_item.items():
        row = matrix_row(store, doc_id, item, hits)
        if row.stances:
            rows.append(row)
    return rows


def committee_key(committee: str | None, municipality: str | None) -> str:
    """A committee's group in ``--by committee``: its name and the body it belongs to, as a
    citation names them ("Kommunstyrelsen, Alingsås"): every municipality has a
    Kommunstyrelsen, and a researcher comparing municipalities must not see two of them
    counted as one."""
    name = committee or "okänd nämnd"
    return f"{name}, {municipality}" if municipality else name


def _code(party: str) -> str:
    from ..registry import party_code_of

    return party_code_of(party) or party  # as the search's party filter reads it


def matrix_row(store: Store, document_id: int, item: str | None, hits: list[Hit]) -> MatrixItem:
    """The § item (or the whole document) that ``hits`` fall in, with each party's stances."""
    first = hits[0]
    md = first.metadata
    rec = store.item_record(document_id, item) if item is not None else None
    if rec is not None:
        start, end, title = rec["start"], rec["end"], rec["title"] or ""
        page, page_end = rec["page_start"], rec["page_end"]
    else:  # a document without §§: a reservation, a motion
        start, end, title = 0, 1 << 62, md.title or ""
        page, page_end = min(h.page for h in hits), max(h.page_end for h in hits)
    found = store.item_extractions(document_id, start, end)
    stances: dict[str, list[Stance]] = {}
    seen: set[tuple[str, str, str]] = set()

    def add(s: Stance) -> None:
        key = (s.party, s.kind, " ".join(s.text.split()))
        if key not in seen:
            seen.add(key)
            stances.setdefault(s.party, []).append(s)

    for pos in found["positions"]:
        for code in pos["parties"]:
            cite = _cite(first, item, pos["page"], last_page(pos))
            if code == INDEPENDENT:  # each independent member in a column of their own
                for name in independents_named(pos["text"]) or (None,):
                    add(Stance(independent_column(name), pos["kind"], pos["text"], pos["page"], pos["start"],
                               pos["end"], cite, member=name))
                continue
            add(Stance(code, pos["kind"], pos["text"], pos["page"], pos["start"], pos["end"], cite))
    for h in hits:  # a matching passage states a party's position no stored one covers
        if any(p["start"] < h.end and p["end"] > h.start for p in found["positions"]):
            continue
        kind = _SECTION_STANCE.get(h.section or "") or (md.doc_type if md.doc_type in POSITION_DOC_TYPES else None)
        if kind is None:
            continue
        # the parties the passage speaks for, its jäv notes left out ("Protokollsanteckning / X (S)
        # och Y (D) deltar inte i handläggningen av ärendet på grund av jäv." is no one's stance)
        for code in parties_named_in(replace(h, text=without_jav_notes(h.text))):
            if code not in stances or all(not s.stored for s in stances[code]):
                add(Stance(code, kind, h.text, h.page, h.start, h.end, h.citation, stored=False))
    for v in found["votes"]:  # how each party's members voted, where the protocol lists them
        for code, tally in (v.get("by_party") or {}).items():
            if code == INDEPENDENT:  # the roll call's independents, added up: no one member's vote
                continue
            said = ", ".join(f"{tally[k]} {_VOTE_WORDS[k]}" for k in _VOTE_WORDS if tally.get(k))
            what = f" ({v['proposition']})" if v.get("proposition") else ""
            # the result on its page, each member's vote on the list's (a Voteringslista pages on)
            listed = max(v["page"], v.get("roll_call_page_end") or v["page"])
            add(Stance(code, "omrostning", f"{said}{what}", v["page"], v["start"], v["end"],
                       _cite(first, item, v["page"], listed)))
    decision = next((d["text"] for d in found["decisions"] if d["status"] == "decided"), None)
    proposed = [d["text"] for d in found["decisions"] if d["status"] == "proposed"]
    proposal = proposed[-1] if decision is None and proposed else None
    citation = format_citation(md, item=item, page=page, page_end=page_end, diarienummer=md.diarienummer,
                               source=first.source, within=first.within)
    return MatrixItem(document_id, first.source, item, title, md.date, md.committee, md.municipality, citation,
                      decision, tuple(found["votes"]), {p: tuple(v) for p, v in stances.items()}, tuple(hits),
                      proposal)


_VOTE_WORDS = {"ja": "ja", "nej": "nej", "avstar": "avstår", "franvarande": "frånvarande"}


def _cite(hit: Hit, item: str | None, page: int, page_end: int) -> str:
    """The hit's citation with the stance's own page(s)."""
    head = hit.citation.rsplit(", s. ", 1)[0]
    return f"{head}, {pages_label(page, page_end)}"


def comparison_json(res: Comparison, *, max_quote: int = 2000) -> dict[str, Any]:
    """The matrix (items × parties) and the groups as plain JSON, for the web page and for
    journalists: every stance with its quote, page, character span and citation."""
    def item_json(row: MatrixItem) -> dict[str, Any]:
        return {
            "document_id": row.document_id, "source": row.source, "item": row.item,
            "item_number": (row.item or "").lstrip("§ ") or None, "title": row.title,
            "date": row.date, "committee": row.committee, "municipality": row.municipality,
            "citation": row.citation, "decision": row.decision, "proposal": row.proposal, "votes": list(row.votes),
            "stances": {p: [{**{k: v for k, v in asdict(s).items() if k != "party"},
                             "text": quote(s.text, max_chars=max_quote)} for s in st]
                        for p, st in row.stances.items()},
            "passages": [{"chunk_id": h.chunk_id, "page": h.page, "start": h.start, "end": h.end,
                          "section": h.section, "confidence": h.confidence,
                          "also_in": [asdict(c) for c in h.also_in]} for h in row.hits],
        }

    index = {id(row): i for i, row in enumerate(res.items)}
    return {"topic": res.topic, "by": res.by, "total_passages": res.total, "parties": list(res.parties),
            "items": [item_json(r) for r in res.items],
            "groups": {k: {"count": g.count, "by_year": g.by_year,
                           "items": [index[id(p.row)] for p in g.hits if p.row is not None]}
                       for k, g in res.groups.items()},
            "unattributed": res.unattributed}


COMPARISON_COLUMNS = ("group", "party", "member", "kind", "quote", "citation", "municipality", "committee",
                      "date", "title", "decision", "page", "start", "end", "document_id", "source", "item",
                      "item_number")


def comparison_rows(res: Comparison, *, max_quote: int = 2000) -> list[dict[str, Any]]:
    """The comparison as one row per stance, for a spreadsheet (``compare --csv``): the group
    it is shown under, the party and what it did, the quote with page and citation, and the
    §'s body, date, title and decision; ``document_id`` and ``item_number`` to join the other
    lists on. Groups, items and parties in the order the text output gives them."""
    out: list[dict[str, Any]] = []
    for key, g in res.groups.items():
        for p in g.hits:
            row = p.row
            if row is None:
                continue
            # the §'s own fields, the same on each of its rows
            of_item = {"municipality": row.municipality, "committee": row.committee, "date": row.date,
                       "title": row.title, "decision": row.decision, "document_id": row.document_id,
                       "source": row.source, "item": row.item, "item_number": (row.item or "").lstrip("§ ") or None}
            parties = [key] if res.by == "party" else list(row.stances)
            if not any(row.stances.get(party) for party in parties):
                h = p.hit  # no party's own words here: the passage found, as the text output shows it
                out.append({"group": key, "party": None, "member": None, "kind": "passage",
                            "quote": quote(h.text, max_chars=max_quote), "citation": h.citation,
                            "page": h.page, "start": h.start, "end": h.end, **of_item})
            for party in parties:
                for st in row.stances.get(party, ()):
                    out.append({"group": key, "party": party, "member": st.member, "kind": st.kind,
                                "quote": quote(st.text, max_chars=max_quote), "citation": st.citation,
                                "page": st.page, "start": st.start, "end": st.end, **of_item})
    return [{c: r[c] for c in COMPARISON_COLUMNS} for r in out]  # each row's keys in the columns' order
