"""A "När …" question is answered only by a passage that says when (issue 11, twentieth session;
search/grounds.py ``date_beside``): a passage stating the thing asked with no time beside it is
a near miss, shown as a weak match at most, never as a sure one; its twin, stating the time in
the sentence that names the thing, is trusted as before.

Texts (excerpts, ../shared): Göteborg Nämnden för Intraservice, Delårsrapport mars 2026 (the
cycling page, two columns read as one); Alingsås kommunstyrelse 2026-06-01 § 99 (Beredning)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.grounds import date_beside, thing_of
from namndkoll.search.hybrid import evidence, rank, search
from namndkoll.search.judge import CALIBRATIONS, judge
from namndkoll.search.question import read_question
from namndkoll.search.ranked import Ranked
from namndkoll.search.terms import Term
from namndkoll.types import Document, Metadata

IS_CYKEL = """Alla nämnder och bolagsstyrelser Halvår 1 2026 får i uppdrag att i samverkan med
stadsfastighetsnämnden genomföra Vi har förutsättningar för medarbetare att pendla med åtgärder för
att få fler att välja cykel för cykel. Det finns cykelparkering i garage, möjlighet till att pendla
till arbetet. Arbetet ska ske ombyte & dusch finns samt möjlighet att hänga upp utifrån lokala
förutsättningar och regnkläder etc. Det finns även möjlighet att lada batteri behov. Lokala och fixa
med sin cykel i garaget. arbetstagarrepresentanter ska Förvaltningen har fått diplom för cykelvänlig
arbetsplats. involveras i genomförandet. Uppdraget togs upp med fackliga representanter i
Återrapporteringen ska ske till februari för att se över om det finns fler åtgärder för att
respektive nämnd/bolagsstyrelse. underlätta att välja cykel för pendling till arbetet."""
KS_PBL = """Beredning
Samhällsbyggnadsförvaltningen har i skrivelse den 13 maj 2026 lämnat följande yttrande:
Plan- och bygglagen ändrades den 1 december 2025 och detta innebär bland annat
lättnader vid ansökan om bygglov för vissa åtgärder. Detta gäller till exempel vid inredande
av vind trots att gällande detaljplan innebär förbud om vindsinredning."""


def _thing(query: str):
    words = [w.strip("?,.").lower() for w in query.split()]
    q = read_question(query)
    return q, thing_of(q, [Term(w, w[:6]) for w in words if len(w) > 3 and w not in ("när", "fick", "ändrades")])


@pytest.mark.parametrize(("query", "text", "beside"), [
    # the thing asked, no time in its sentence (the half year and February are other sentences')
    ("När fick Intraservice diplomet cykelvänlig arbetsplats?", IS_CYKEL, False),
    # the time in the sentence naming the thing: a date, a month, a year, a season, a duration
    ("När ändrades plan- och bygglagen?", KS_PBL, True),
    ("När fick förvaltningen diplomet?", "Förvaltningen fick diplomet i mars.", True),
    ("När fick förvaltningen diplomet?", "Förvaltningen fick diplomet 2025.", True),
    ("När fick förvaltningen diplomet?", "Förvaltningen fick diplomet i höstas.", True),
    ("När ska studieplanen vara klar?", "Studieplanen ska upprättas inom två månader.", True),
    # not a "När …" question, or a passage whose sentences never name the thing: no check
    ("Vilket diplom fick förvaltningen?", IS_CYKEL, True),
    ("När fick förvaltningen diplomet?", "Nämnden sammanfattar året.", True),
])
def test_a_time_beside_what_is_asked(query: str, text: str, beside: bool):
    q, thing = _thing(query)
    assert date_beside(q, text, thing) is beside


def indexed(db_path: Path, docs: Iterable[Document]) -> Iterator[Any]:
    """A store of ``docs``, each stored in its own transaction, indexed with the fake embedder
    (for a fixture to yield from)."""
    conn = open_db(db_path)
    for d in docs:
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, FakeEmbedder())
    yield as_store(conn)
    conn.close()


@pytest.fixture
def store(db_path: Path):
    yield from indexed(db_path, (
        report("intraservice-delarsrapport-2026-mars.pdf", [IS_CYKEL], Metadata(
            "Delårsrapport mars 2026", "Göteborg", "Nämnden för Intraservice", "rapport", "2026-04-20")),
        report("alingsas_ks_2026-06-01_protokoll.pdf", [KS_PBL], Metadata(
            "Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-01"))))


def close(store: Any, query: str, start: str, similarity: float = 0.90) -> Ranked:
    """The passage that ``start``s with these words as the judge weighs it for ``query``, close
    in meaning (``similarity``) and likely by the reranker (dev14: the diploma passage at cosine
    0.837, chance 0.81, 0.83 of the keyword weight)."""
    ranked, terms = rank(store, query, None, store.resolve_filters(), mode="keyword", candidates=20)
    ranked, rows, _q = evidence(store, query, ranked, terms)
    r = next(r for r in ranked if start in rows[r.chunk_id]["text"])
    return replace(r, similarity=similarity, answer=0.8)


def test_a_passage_saying_no_when_is_never_a_sure_answer(store):
    cal = CALIBRATIONS["multilingual-e5-small"]
    near = close(store, "När fick Intraservice diplomet som cykelvänlig arbetsplats?", "diplom")
    assert not near.date_beside
    assert [x.confidence for x in judge([near], cal, mode="hybrid")] == ["weak"]
    # its twin states the date beside what is asked, and is trusted
    twin = close(store, "När ändrades plan- och bygglagen om vindsinredning?", "Plan- och bygglagen")
    assert twin.date_beside
    assert [x.confidence for x in judge([twin], cal, mode="hybrid")] == ["high"]
    # asked what, not when, the diploma passage is no near miss
    what = close(store, "Vilket diplom har Intraservice fått för cykling?", "diplom")
    assert what.date_beside


def test_the_whole_search_shows_the_near_miss_weak_at_most(store):
    hits = search(store, "När fick Intraservice diplomet som cykelvänlig arbetsplats?", None, mode="keyword")
    assert all(h.confidence == "weak" for h in hits)
    hits = search(store, "När ändrades plan- och bygglagen om vindsinredning?", None, mode="keyword")
    assert hits and "1 december 2025" in hits[0].text
