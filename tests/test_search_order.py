"""The first places of the hybrid order (issue 11, round 13; search/order.py): a passage holding
every word of the query goes first when the reranker puts it close, and one stating the thing
asked of another post or place, or not the kind of answer asked, goes below those that do; a share
written out ("fem procent") is a share, and "39 miljoner resor" no money.

Texts (excerpts, ../shared): Alingsås kommunfullmäktige 2018-03-28 § 32 and § 45, Alingsås
tekniska nämnd 2026-06-15 § 38, Simrishamn's tidplan och budgetanvisningar 2027-2031, Lund
socialnämnd's tjänsteskrivelse 2021-01-05, Västra Götalandsregionen's Utvärdering av Målbild tåg
2035."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pytest
from test_search import FakeEmbedder, indexed, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import hybrid, index_corpus
from namndkoll.search.grounds import states
from namndkoll.search.hybrid import evidence, rank, search
from namndkoll.search.order import SETTLE_DEPTH, settle
from namndkoll.search.passage import MONEY, PERCENT
from namndkoll.search.question import read_question
from namndkoll.search.rerank import FEATURES, Reranker
from namndkoll.types import Document, Item, Metadata, Page, Section, with_offsets

KF_32_45 = """§ 32 2018.201 KS
Avsägelse av kommunalt uppdrag som ledamot i socialnämnden -
Anders Dahl (V)
Ärendebeskrivning
Anders Dahl (V) har i skrivelse den 20 mars 2018 avsagt sig uppdraget som ledamot
i socialnämnden.
§ 45 2018.221 KS
Kommunalt kompletteringsval - Ledamot i socialnämnden efter Anders
Dahl (V), Alice Book (V)
Beslut
Kommunfullmäktiges beslut:
Alice Book (V) utses till ledamot i socialnämnden för tiden fram till och med
den 31 december 2018.
"""
TN_38 = """§ 38 2026.130 TEN
Mopedparkering i Nolhaga
Ärendebeskrivning
Det har noterats att 20-30 mopeder klass 1 står parkerade på Nolhagaparkeringen, där de
upptar en parkeringsruta per moped. Mopedparkering med dagens utformning blir ineffektiv
då varje parkerad moped tar stor yta i anspråk i förhållande till fordonets storlek.
Beredning
Förvaltningen har i skrivelse den 3 juni lämnat följande yttrande:
Samhällsbyggnadsförvaltningen har sett över möjligheten att tillskapa en yta för mopeder
och motorcyklar på befintlig parkeringsyta utan att allt för många befintliga parkeringsrutor
försvinner. På den föreslagna mopedparkeringsytan bedöms det få plats runt 25 stycken mopeder.
"""


HEADINGS = {"Ärendebeskrivning": "arendet", "Beredning": "beredning", "Beslut": "beslut"}


def protocol(source: str, text: str, md: Metadata, headings: dict[str, str] = HEADINGS) -> Document:
    """A one-page Document with its § items and their sections (the lines that are a key of
    ``headings``), as ingest finds them."""
    doc = Document(source, hashlib.sha256(text.encode()).hexdigest(), with_offsets([Page(1, text)]), md)
    starts = [(m.start(), m.group(1)) for m in re.finditer(r"(?m)^§ (\d+)", text)]
    items = []
    for n, (s, num) in enumerate(starts):
        e = starts[n + 1][0] if n + 1 < len(starts) else len(text)
        heads = [(m.start(), headings[m.group(1)]) for m in re.finditer(r"(?m)^(\w+)$", text[s:e]) if m.group(1) in headings]
        secs = tuple(Section(kind, kind, s + hs, s + (heads[j + 1][0] if j + 1 < len(heads) else e - s), 1, 1)
                     for j, (hs, kind) in enumerate(heads))
        items.append(Item(num, text[s:e].split("\n")[1], s, e, 1, 1, secs))
    return Document(doc.source, doc.sha256, doc.pages, md, tuple(items))


@dataclass(frozen=True)
class Cand:
    name: str
    keywords: float = 0.5
    answer: float | None = 0.5
    asked: bool = True
    own_place: bool = True
    kind_stated: bool = True
    focus_ok: bool = True
    figure_beside: bool = True
    listing: bool = False
    item_of: tuple[int, str] | None = None  # (the decision rule: test_search_decision.py)
    decides: bool = False
    day_ok: bool = True
    rare: bool = False  # holds every rare query term (order._keep_dominant)
    views: bool = False  # states the view of the party asked (order._view_first)
    numbers: int = 0  # states the question's numbers (1) or another for what it counts (-1): order._numbers_stated
    year_named: bool = True  # names the question's year (order._later_record)
    record: tuple[str, str, str, str] | None = None  # (municipality, body, section, meeting date): order._later_record
    acts: bool = False  # the section recording the act whose doers are asked: order._act_first


def names(cands: list[Cand]) -> list[str]:
    return [c.name for c in cands]


def test_settle_every_term_first_when_close():
    a, b, c = Cand("a", 0.8, 0.6), Cand("b", 0.8, 0.5), Cand("c", 1.0, 0.31)
    assert names(settle([a, b, c], 0.99)) == ["c", "a", "b"]
    # less than half the first's chance: the reranker's order stands
    assert names(settle([a, b, Cand("c", 1.0, 0.29)], 0.99)) == ["a", "b", "c"]
    # the first holds every term already, or the candidate is below the first SETTLE_DEPTH
    assert names(settle([Cand("a", 1.0, 0.6), Cand("c", 1.0, 0.5)], 0.99)) == ["a", "c"]
    deep = [Cand(str(i), 0.8, 0.6) for i in range(SETTLE_DEPTH)] + [Cand("x", 1.0, 0.6)]
    assert names(settle(deep, 0.99)) == names(deep)
    # without the reranker's chances only the checks of what is asked
    assert names(settle([Cand("a", 0.8, None), Cand("c", 1.0, None)], 0.99)) == ["a", "c"]


def test_settle_what_is_asked_before_what_is_not():
    a = Cand("a", asked=False)
    b = Cand("b", own_place=False)
    c, d = Cand("c"), Cand("d", asked=False, own_place=False)
    assert names(settle([d, a, b, c], 0.99)) == ["c", "a", "b", "d"]
    # only the first SETTLE_DEPTH are reordered
    deep = [Cand(str(i), asked=False) for i in range(SETTLE_DEPTH)] + [Cand("x")]
    assert names(settle(deep, 0.99)) == names(deep)


@pytest.fixture
def corpus(db_path: Path):
    kf = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2018-03-28")
    tn = Metadata("Tekniska nämnden protokoll", "Alingsås", "Tekniska nämnden", "protokoll", "2026-06-15")
    with indexed(db_path, (protocol("alingsas-kf-2018.pdf", KF_32_45, kf),
                           protocol("alingsas-tn-2026.pdf", TN_38, tn))) as built:
        yield built


def test_the_successor_before_the_one_who_left(corpus):
    conn, emb = corpus
    hits = search(conn, "Vem ersätter Anders Dahl som ledamot i socialnämnden i Alingsås?", emb, abstention=False)
    assert "Alice Book (V) utses" in hits[0].text
    assert "avsagt sig" in hits[1].text


def rerank_on_meaning(monkeypatch) -> None:
    """A reranker that weighs only the meaning side (the fake embedder's similarity)."""
    coef = np.array([4.0 if f == "similarity" else 0.0 for f in FEATURES])
    fit = Reranker("fake-hash", np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -2.0)
    monkeypatch.setattr(hybrid, "reranker_for", lambda model_id: fit)


def test_every_word_of_the_query_first(corpus, monkeypatch):
    conn, emb = corpus
    rerank_on_meaning(monkeypatch)  # both passages close
    hits = search(conn, "mopedparkering nolhaga hur många mopeder får plats", emb, abstention=False)
    assert "få plats runt 25 stycken mopeder" in hits[0].text


def test_settle_the_kind_of_answer_before_none():
    a, b = Cand("a", kind_stated=False), Cand("b")
    assert names(settle([a, b], 0.99)) == ["b", "a"]
    # failing two checks goes below failing one
    c = Cand("c", asked=False, kind_stated=False)
    assert names(settle([c, a, b], 0.99)) == ["b", "a", "c"]
    # a figure question's passage that never names what the figure is of
    assert names(settle([Cand("a", focus_ok=False), b], 0.99)) == ["b", "a"]


SIM_ANVISNINGAR = """Anvisningar
Styrning av den kommunala verksamheten
Simrishamns kommuns styrmodell innebär i korthet att man jobbar med mål för
god ekonomisk hushållning, kommunfullmäktiges mål och rambudget som sedan
bryts ned och konkretiseras av nämnderna. Syftet är att ge bästa möjliga
förutsättningar för beslutsfattande i kommunfullmäktige om skattesatsen."""
SIM_TIDPLAN = """14 okt Kommunstyrelsen bereder budgetärendet och taxor inför
kommunfullmäktige och beslutar om en sammanställd internkontrollplan för samtliga nämnder.
26 okt Kommunfullmäktige beslutar om skattesats, driftramar,
investerings- och exploateringsbudget, god ekonomisk hushållning och taxor. Nämndernas interna
kontrollplaner för 2027 går upp som ett informationsärende."""


def test_a_date_question_answered_by_the_passage_with_a_date(db_path: Path):
    conn = open_db(db_path)
    md = Metadata("Tidplan och budgetanvisningar 2027-2031", "Simrishamn", "Kommunstyrelsen", "anvisning",
                  "2026-02-01")
    for name, text in (("simrishamn-anvisningar.pdf", SIM_ANVISNINGAR), ("simrishamn-tidplan.pdf", SIM_TIDPLAN)):
        with transaction(conn):
            replace_document(conn, report(name, [text], md))
    emb = FakeEmbedder()
    index_corpus(conn, emb)
    hits = search(conn, "När beslutar fullmäktige i Simrishamn om skattesatsen för 2027?", emb, abstention=False)
    assert hits[0].text.startswith("14 okt")
    conn.close()


LUND_BARN = """Barnets bästa
Rädda Barnens barnfattighetsrapport för 2018 visar att omkring fem procent av alla barn
i Lund lever i familjer som uppstår försörjningsstöd."""
VGR_RESOR = """Målet enligt Målbild tåg 2035 är att tågtrafiken ska tredubblas från 10,5 miljoner resor
år 2006, till 39 miljoner resor 2035."""
VGR_KOSTNAD = """Kostnaden per resa skiljer sig åt mellan olika tågslag. I genomsnitt är kostnaden/resa
år 2024 82 kronor."""


def test_a_share_written_out_and_millions_that_are_no_money():
    share = read_question("andel barn i lund i familjer med försörjningsstöd rädda barnen")
    assert share.unit == "percent" and states(share, LUND_BARN)
    assert PERCENT.search("en procent av de anställda") and not PERCENT.search("fem personer")
    price = read_question("Vad kostar en tågresa i genomsnitt för Västtrafik?")
    assert price.price and states(price, VGR_KOSTNAD) and not states(price, VGR_RESOR)
    for money in ("24 miljoner kronor", "38 miljoner.", "uppgår till 2 miljarder", "12 miljoner per år",
                  "ca 9 miljoner kronor beräknas"):
        assert MONEY.search(money), money
    assert not MONEY.search("1,2 miljoner invånare")


INTRA_BUDGET = """Förändringsinitiativ
Den totala budgeten uppgår till 38 miljoner kronor för helåret, varav ca 9 miljoner
kronor beräknas användas till kostnader för cybersäkerhetslagen som inte
budgeterats för."""
INTRA_RESULTAT = """Resultat 22,5 3,0 19,5 8,6 0 0 0 6,9
Resultat · Period Utfall · 22,5 mnkr
Resultat · Period Budget · 3,0 mnkr"""


def test_a_figure_question_answered_by_what_names_the_figure(db_path: Path):
    conn = open_db(db_path)
    md = Metadata("Delårsrapport mars 2026", "Göteborg", "Nämnden för Intraservice", "rapport", "2026-04-15")
    for name, text in (("intraservice-budget.pdf", INTRA_BUDGET), ("intraservice-tabell.pdf", INTRA_RESULTAT)):
        with transaction(conn):
            replace_document(conn, report(name, [text], md))
    index_corpus(conn, FakeEmbedder())
    store = as_store(conn)
    query = "Vilket resultat redovisar nämnden för Intraservice för januari–mars 2026?"
    ranked, terms = rank(store, query, None, store.resolve_filters(), mode="keyword")
    ranked, rows, _q = evidence(store, query, ranked, terms)
    # as the reranker had it on the evaluation corpus: the budget section (a figure, no
    # "resultat") above the table row "Resultat 22,5 …"
    ranked.sort(key=lambda r: not rows[r.chunk_id]["text"].startswith("Förändringsinitiativ"))
    ranked = [replace(r, answer=0.3 - 0.1 * i) for i, r in enumerate(ranked)]
    assert [rows[r.chunk_id]["text"][:8] for r in settle(ranked, 0.99)] == ["Resultat", "Förändri"]
    conn.close()
