"""A vote passage read with its § subject. The chunk that records a vote ("Omröstningen utfaller
med 40 Ja mot 41 Nej") seldom names what was voted on: the § title and the decision above it do
("… granskning av Förvaltnings AB Framtidens affär i Karlastaden …"). People ask by that subject
("Hur röstade fullmäktige om Karlastaden?"), so for a question about a vote the vote passages of
the §§ the search found are brought in, and their § context (what the keyword evidence and the
reranker read as the passage's title) is widened to the § text before them. A stance is asked the
same way ("Vilka partier reserverade sig mot nedläggningen av Strandskolan?" and "Ulf Richeberg (F)
meddelar att Fokus vill lämna en skriftlig reservation mot beslutet."): for a question about a
position (``Question.position``) the passages holding a reservation, yrkande, särskilt yttrande or
protokollsanteckning (``holds_position``) are read the same way. Query time only: the stored
chunks and both keyword indexes stay as they are."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..corpus.base import Store
from ..corpus.index import Filters
from .ranked import Ranked
from .rerank import holds_vote

SUBJECT_HEADS = 10  # the first candidates whose §§ are searched for their vote passages
SUBJECT_SPAN = 8  # chunks after a candidate (and before a vote passage) read as the same §'s


# a stance stated: "reserverar sig", "yrkar bifall", "lämnar en skriftlig reservation", "särskilt
# yttrande", "protokollsanteckning", "Ingela Andreén (L) föreslår att ärendet …" (Alingsås writes its
# yrkanden so, under "Förslag till beslut på sammanträdet")
_POSITION = re.compile(r"\breserv(erar|erade|ation\w*)\b|\byrka(r|de|nde\w*)\b|\bsärskil(t|da)\s+(yttrande|uttalande)|"
                       r"\bprotokollsanteckning\w*|\banteckning\s+till\s+protokollet|"
                       r"\(\w{1,3}\)\s+(föreslår|föreslog|yrkar|yrkade)\b", re.IGNORECASE)
# (the sections namndkoll.ingest names a § part by; "forslag": "Förslag till beslut på sammanträdet")
POSITION_SECTIONS = ("reservation", "sarskilt_uttalande", "yrkanden", "protokollsanteckning", "forslag")
# a whole document of one party's stance: its every passage states it
POSITION_DOC_TYPES = ("reservation", "sarskilt_yttrande", "motion", "skrivelse")

Holds = Callable[[str, str | None], bool]


def holds_position(text: str, section: str | None) -> bool:
    """Whether a passage states a party's or member's stance in its § (a reservation, a
    yrkande, a särskilt yttrande, a protokollsanteckning) or records a vote."""
    return section in POSITION_SECTIONS or bool(_POSITION.search(text)) or holds_vote(text, section)


def states_position(row: Any) -> bool:
    """Whether a stored passage (a chunk row) states a stance: ``holds_position``, or a passage
    of a reservation, särskilt yttrande, motion or skrivelse."""
    return holds_position(row["text"], row["section"]) or row["doc_type"] in POSITION_DOC_TYPES


def states_view(row: Any) -> bool:
    """Whether a stored passage states a stance in words (``states_position`` but a vote record):
    a vote says how a party voted, not what it thought ("Vad tyckte V om …")."""
    return (row["section"] in POSITION_SECTIONS or bool(_POSITION.search(row["text"]))
            or row["doc_type"] in POSITION_DOC_TYPES)


def names_party(text: str, code: str) -> bool:
    """Whether ``text`` names the party ``code`` as protocols do: "Ledamöterna från V", "(V)"."""
    return re.search(rf"(?<![\wåäöÅÄÖ-]){re.escape(code)}(?![\wåäöÅÄÖ-])", text) is not None


def _same_item(a: Any, b: Any) -> bool:
    return a["document_id"] == b["document_id"] and a["item"] is not None and a["item"] == b["item"]


def with_item_votes(store: Store, ranked: list[Ranked], filters: Filters, qv: Any,
                    holds: Holds = holds_vote) -> list[Ranked]:
    """``ranked`` with the vote passages (``holds``: or those of another kind, ``holds_position``) of the §§ of its first ``SUBJECT_HEADS`` candidates
    that it lacks, appended with their similarity to the query (``qv``) and marked ``inside``
    (found through their §, not by either side of the search)."""
    head = [r.chunk_id for r in ranked[:SUBJECT_HEADS]]
    rows = store.chunk_rows(sorted({c + i for c in head for i in range(SUBJECT_SPAN + 1)}))
    known = {r.chunk_id for r in ranked}
    allowed = set(filters.chunk_ids) if filters.chunk_ids is not None else None
    found: list[int] = []
    for c in head:
        if c not in rows:
            continue
        for i in range(1, SUBJECT_SPAN + 1):
            row = rows.get(c + i)
            if row is None or not _same_item(rows[c], row):
                break
            if (c + i not in known and (allowed is None or c + i in allowed)
                    and (filters.sections is None or (row["section"] or "") in filters.sections)
                    and holds(row["text"], row["section"])):
                found.append(c + i)
                known.add(c + i)
    # (a body, committee, kind or year filter holds for the whole document, as for the candidate)
    sims = dict(store.knn(qv, len(found), Filters(chunk_ids=tuple(found)))) if found and qv is not None else {}
    return ranked + [Ranked(c, 0.0, sims.get(c), None, None, inside=True) for c in found]


def with_subject(store: Store, rows: Mapping[int, Any], holds: Holds = holds_vote) -> dict[int, Any]:
    """``rows`` with each vote passage's (``holds``: or another kind's) ``context`` widened to its § title and the § text
    before it (up to ``SUBJECT_SPAN`` chunks back); the other rows as they were."""
    votes = [c for c, row in rows.items() if row["item"] is not None and holds(row["text"], row["section"])]
    if not votes:
        return dict(rows)
    before = store.chunk_rows(sorted({c - i for c in votes for i in range(1, SUBJECT_SPAN + 1)} - set(rows)))
    out = dict(rows)
    for c in votes:
        row, parts = rows[c], []
        for i in range(1, SUBJECT_SPAN + 1):
            prev = rows.get(c - i) or before.get(c - i)
            if prev is None or not _same_item(row, prev):
                break
            parts.append(prev["text"])
        if parts:
            wide = {k: row[k] for k in row.keys()}  # noqa: SIM118 (a sqlite3.Row iterates its values)
            wide["context"] = "\n".join([row["context"] or "", *reversed(parts)])
            out[c] = wide
    return out

