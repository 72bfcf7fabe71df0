"""A question asking what was decided is answered by the §'s Beslut (search/order.py): the
reranker finds the § but puts its heading, Beredning or Beslutsgång first, words of the question
all, and the terse Beslut stood sixth to eighth (dev batch w46).

Text (excerpt, ../shared): Alingsås kommunstyrelse 2026-06-01 § 103, Svar på motion gällande att
införa laddstationer för Alingsås cyklister."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed
from test_search_order import Cand as OrderCand
from test_search_order import protocol, rerank_on_meaning

from namndkoll.search.hybrid import search
from namndkoll.search.order import settle
from namndkoll.search.question import read_question
from namndkoll.types import Metadata

KS_103 = """§ 103 2025.446 KS
Svar på motion gällande att införa laddstationer för Alingsås cyklister
Ärendebeskrivning
Motionen föreslår att kommunen ska införa laddstationer för cyklar och elcyklar vid
resecentrum och i centrala Alingsås, så att cyklister kan ladda sina elcyklar.
Beredning
Kommunledningskontoret har i skrivelse den 11 maj 2026 lämnat följande yttrande om
laddstationer för cyklar: en elcykel med standardbatteri har normalt en räckvidd på 50–60 km
per laddning, och de flesta cyklister laddar sina cyklar hemma.
Beslut
Förslag till beslut i kommunfullmäktige
Motionen avslås i sin helhet.
"""
HEADINGS = {"Ärendebeskrivning": "arendet", "Beredning": "beredning", "Beslut": "beslut"}


@pytest.mark.parametrize("query", [
    "vad har beslutats om laddstationer för cyklar",
    "Vad beslutade kommunstyrelsen om förprojekteringen av ledningarna till Bjärke?",
    "Vad beslutades om detaljplanen för Skolgatan i Sollebrunn?",
    "Vad har nämnden beslutat om skolskjutsen?",
    "Vad blev beslutet om badhuset?",
    "Vilket beslut fattade fullmäktige om budgeten?",
    # a keyword query naming a decision and its matter (dev s8)
    "kollektivtrafikdialog initiativärende liberalerna beslut kommunstyrelsen",
    "badhuset beslutet fullmäktige",
])
def test_a_question_asking_what_was_decided(query):
    assert read_question(query).decision


@pytest.mark.parametrize("query", [
    "När beslutade fullmäktige om den nuvarande renhållningstaxan i Alingsås?",
    "Vem beslutar om taxorna?",
    "Hur röstade kommunstyrelsen om laddstationer?",
    "laddstationer cyklar",
    "Upphävdes beslutet om en handlingsplan för de demografiska utmaningarna?",
    "beslutsunderlag laddstationer",
    "beslut",
])
def test_not_a_question_asking_what_was_decided(query):
    assert not read_question(query).decision


def Cand(name: str, **kw: object) -> OrderCand:
    """test_search_order's stand-in candidate, standing in § 103 unless told otherwise."""
    return OrderCand(name, **{"item_of": (1, "103"), **kw})  # type: ignore[arg-type]


def names(ranked):
    return [r.name for r in ranked]


def test_settle_the_decision_of_the_first_section_first():
    beredning, arendet, other = Cand("beredning"), Cand("arendet"), Cand("other", item_of=(1, "98"))
    beslut, other_beslut = Cand("beslut", decides=True), Cand("other beslut", item_of=(1, "98"), decides=True)
    assert names(settle([beredning, other_beslut, arendet, other, beslut], 0.99)) == \
        ["beslut", "beredning", "other beslut", "arendet", "other"]
    # from wherever it stands: the chosen §'s own part that answers
    deep = [beredning, *(Cand(str(i), item_of=(2, str(i))) for i in range(12)), beslut]
    assert names(settle(deep, 0.99))[:2] == ["beslut", "beredning"]
    # not another §'s decision, nor when the first stands in no § or is its Beslut already
    assert names(settle([beredning, other_beslut], 0.99)) == ["beredning", "other beslut"]
    loose = Cand("loose", item_of=None)
    assert names(settle([loose, beslut], 0.99)) == ["loose", "beslut"]
    assert names(settle([beslut, other_beslut], 0.99)) == ["beslut", "other beslut"]


@pytest.fixture
def corpus(db_path: Path):
    ks = Metadata("Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-01")
    with indexed(db_path, (protocol("alingsas-ks-2026.pdf", KS_103, ks, HEADINGS),)) as built:
        yield built


def test_what_was_decided_answered_by_the_beslut(corpus, monkeypatch):
    conn, emb = corpus
    # the end-to-end path: the Beslut's section read into ``Ranked.decides`` (the reordering
    # itself: the settle test)
    rerank_on_meaning(monkeypatch)
    hits = search(conn, "vad har beslutats om laddstationer för cyklar", emb, abstention=False)
    assert "Motionen avslås i sin helhet" in hits[0].text
    keywords = search(conn, "laddstationer cyklar beslut", emb, abstention=False)
    assert "Motionen avslås i sin helhet" in keywords[0].text
    # a question asking something else of the § keeps the reranker's order
    other = search(conn, "laddstationer för cyklar räckvidd", emb, abstention=False)
    assert "Motionen avslås" not in other[0].text


def judged(ranked):
    from namndkoll.search.judge import CALIBRATIONS, judge

    return [(r.chunk_id, r.confidence) for r in judge(ranked, CALIBRATIONS["multilingual-e5-small"], mode="hybrid")]


def test_the_decision_moved_first_is_as_confident_as_its_section():
    """Dev w46, "Vad beslutade kommunstyrelsen om förprojekteringen av ledningarna till Bjärke?":
    the § 98 Beslut ("Ärendet återremitteras …", few words of the question, chance 0.03) moved
    above the § 's Ärendet (chance 0.61, trusted) was judged weak, and shown below the Ärendet."""
    from namndkoll.search.ranked import Ranked

    beslut = Ranked(1, 0.9, 0.856, 5, 3, keywords=0.67, answer=0.032, item_of=(98, "98"), decides=True)
    arendet = Ranked(2, 0.9, 0.885, 1, 1, keywords=0.94, answer=0.605, item_of=(98, "98"))
    other = Ranked(3, 0.8, 0.86, 2, 2, keywords=0.67, answer=0.2, item_of=(98, "94"))
    assert judged([beslut, arendet, other]) == [(1, "high"), (2, "high"), (3, "weak")]
    # not from another § 's section, nor for a question asking something else (no ``decides``)
    moved_other = Ranked(2, 0.9, 0.885, 1, 1, keywords=0.94, answer=0.605, item_of=(98, "94"))
    assert judged([beslut, moved_other, other]) == [(2, "high"), (1, "weak"), (3, "weak")]
    plain = Ranked(1, 0.9, 0.856, 5, 3, keywords=0.67, answer=0.032, item_of=(98, "98"))
    assert judged([plain, arendet, other]) == [(2, "high"), (1, "weak"), (3, "weak")]
    # a Beslut the evidence drops is shown with the section it stands above
    mute = Ranked(1, 0.9, 0.80, 40, 30, keywords=0.1, answer=0.001, item_of=(98, "98"), decides=True)
    assert judged([mute, arendet, other]) == [(1, "high"), (2, "high"), (3, "weak")]
