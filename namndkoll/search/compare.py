"""Positions on a topic, grouped by party, committee or year.

The topic is searched (hybrid, with abstention) only among passages that state positions:
sections of kinds reservation, särskilt uttalande, yrkanden, protokollsanteckning and
omröstning, documents that are reservations, särskilda yttranden, motions or party
skrivelser, and passages holding a position the extract stage stored. Each passage is
assigned to the parties it speaks for: the stored positions overlapping it
(``corpus.index.positions_in``), else the party markers in its text ("Martin Stensson (V)",
"Vänsterpartiet").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from ..corpus import as_store
from ..corpus.base import Store
from ..registry import PARTIES, code_pattern
from ..types import Hit
from .embedder import Embedder
from .hybrid import Mode, search

GroupBy = Literal["party", "committee", "year"]
POSITION_SECTIONS = ("reservation", "sarskilt_uttalande", "yrkanden", "protokollsanteckning", "omrostning")
POSITION_DOC_TYPES = ("reservation", "sarskilt_yttrande", "motion", "skrivelse")
_CODES = f"({code_pattern()})"
# "Anna Andersson (V)", "Ledamöterna från SD", "tilläggsyrkande från SD", "SD:s yrkande"
_CODE = re.compile(rf"\({_CODES}\)|\b(?:från|för)\s+{_CODES}\b|\b{_CODES}:s\b")


@dataclass(frozen=True)
class PositionHit:
    hit: Hit
    parties: tuple[str, ...]
    # per party: what that party's stored positions in this passage say, e.g.
    # {"SD": ["reservation: Ledamöterna från SD reserverar sig ..."]}; empty when none was stored
    statements: dict[str, list[str]] = field(default_factory=dict)

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
    unattributed: int = 0  # passages found for the topic whose party could not be told (by party)


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
    found = Counter(next(g for g in m.groups() if g) for m in _CODE.finditer(hit.text))
    low = hit.text.casefold()
    for code, party in PARTIES.items():
        if party.stem in low:
            found[code] += 1
    return tuple(sorted(found, key=lambda c: (-found[c], c)))


def compare(
    store: Store | Any, topic: str, embedder: Embedder | None, *, by: GroupBy = "party", municipality: str | None = None,
    committee: str | None = None, party: str | None = None, year: int | None = None,
    year_from: int | None = None, year_to: int | None = None, limit: int = 50, mode: Mode = "hybrid",
) -> Comparison:
    """The topic's position passages, grouped; counts per group and per year."""
    store = as_store(store)
    hits = search(store, topic, embedder, municipality=municipality, committee=committee, party=party,
                  year=year, year_from=year_from, year_to=year_to, chunk_ids=position_chunk_ids(store),
                  limit=limit, mode=mode)
    groups: dict[str, Group] = {}
    unattributed = 0
    for h in hits:
        stored = store.positions_in(h.document_id, h.start, h.end)
        statements: dict[str, list[str]] = {}
        for kind, codes, text, _page in stored:
            for c in codes:
                statements.setdefault(c, []).append(f"{kind.replace('_', ' ')}: {text}")
        parties = tuple(dict.fromkeys(c for _k, codes, _t, _p in stored for c in codes)) or parties_named_in(h)
        if by == "party":
            keys = list(parties)
            if not keys:  # an attendance list or a vote table with no party named: no one's position
                unattributed += 1
                continue
            if party:
                keys = [k for k in keys if k.casefold() == party.casefold()] or keys
        elif by == "committee":
            keys = [h.metadata.committee or "okänd nämnd"]
        else:
            keys = [(h.metadata.date or "")[:4] or "okänt år"]
        year_key = (h.metadata.date or "")[:4] or "okänt år"
        for k in keys:
            g = groups.setdefault(k, Group(k))
            g.count += 1
            g.by_year[year_key] = g.by_year.get(year_key, 0) + 1
            g.hits.append(PositionHit(h, parties, statements))
    ordered = dict(sorted(groups.items(), key=lambda kv: (-kv[1].count, kv[0])))
    return Comparison(topic, by, ordered, len(hits), unattributed)
