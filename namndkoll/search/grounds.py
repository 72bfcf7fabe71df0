"""What a passage must hold to be shown at all, or trusted, beyond the keyword and meaning bars
(``hybrid.judge``). Round 9 of issue 11, read on the dev near misses and checked on test:

- **the kind of answer, here or beside it.** A passage that states no figure for "Vad kostar
  hyran …", no name for "Vilka ledamöter röstade nej …" (``rerank.states_kind``), and whose
  neighbours in the same document state none either, cannot answer: it is the place where the
  question's subject is discussed, not where the asked thing is ("Förprojektering av
  överföringsledningar till Bjärke" for "Hur mycket kostar överföringsledningarna …", a § on
  the parking places for "Vad kostar det att parkera …"). The neighbours count so that a chunk
  border between a heading and its figure hides nothing. Holding the query's rare words it is
  still shown, as a weak match (a strong match on rare terms is never hidden); holding every
  term of the query, as before.
- **the place, in the passage's own words.** A question naming a town is trusted ("high") only
  from that town's own documents or a passage that names it; a kommunalförbund's annual report
  that lists the town among its members somewhere is shown, as weak at most ("sjukfrånvaro
  alingsås kommun 2025" and Tolkförmedling Väst's sick-leave table).
- **the body that voted.** "Hur röstade kommunstyrelsen …" is answered only by the
  kommunstyrelse's own record (``question.same_body``): fullmäktige voting on "kommunstyrelsens
  förslag" is another body's vote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .question import Question, mentions_place, same_body
from .rerank import states_kind

__all__ = ["beside", "by_own_body", "names_own_place", "stated_around"]


def names_own_place(question: Question, row: Mapping[str, Any]) -> bool:
    """Whether a passage is about every place the question names by its own document's body or
    its own words (its text or § title), not only by a mention elsewhere in its document."""
    body = row["municipality"]
    if not question.places or body is None:
        return True
    text = f"{row['text']}\n{row['context'] or ''}"
    return all(body in p.names or mentions_place(p, text) for p in question.places)


def by_own_body(question: Question, row: Mapping[str, Any]) -> bool:
    """Whether a passage's document can record the vote of the body the question names."""
    return same_body(question.voter, row["committee"])


def beside(ids: Sequence[int]) -> set[int]:
    """The chunk ids just before and after each of ``ids``: chunk ids follow the text within a
    document, so these are its neighbours when they are of the same document."""
    return {c + d for c in ids for d in (-1, 1)}


def stated_around(question: Question, rows: Mapping[int, Any], lacking: Sequence[int],
                  neighbours: Mapping[int, Any]) -> dict[int, bool]:
    """For each of the ``lacking`` candidates (those that do not state the kind of answer asked
    themselves), whether the passage with the one before and the one after it in the same
    document does; ``neighbours``: chunk rows holding at least those of ``beside(lacking)``
    (read once with the other neighbours ``hybrid.evidence`` needs)."""
    out = {}
    for cid in lacking:
        row = rows[cid]
        side = [neighbours[c]["text"] for c in (cid - 1, cid + 1)
                if c in neighbours and neighbours[c]["document_id"] == row["document_id"]]
        out[cid] = states_kind(question, "\n".join([row["text"], *side]), row["section"])
    return out
