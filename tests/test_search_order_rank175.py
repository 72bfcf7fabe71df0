"""The first places of the hybrid order (``order.settle``, twenty-fourth session, issue 11): a §
written as one text, without section headings, is a record of its meeting beside a § of any
section (the later of two records of one body), and what a body proposes another body decide is
its decision (the §'s Beslut).

Texts: Göteborg kommunfullmäktige 2024-09-12 § 335 and 2024-10-10 § 389 (kf-2024-09-12.pdf p. 3,
kf-2024-10-10.pdf p. 4); Alingsås kommunstyrelse 2026-06-01 § 103 (test_search_decision.py's
excerpt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed
from test_search_decision import HEADINGS as KS_HEADINGS
from test_search_decision import KS_103
from test_search_order import Cand, names, protocol, rerank_on_meaning

from namndkoll.corpus import as_store
from namndkoll.search.hybrid import evidence, rank, search
from namndkoll.search.order import WHOLE, settle
from namndkoll.search.question import read_question
from namndkoll.types import Metadata

KF_335 = """§ 335 Ärendenummer SLK-2024-00009:34
Anmälan av länsstyrelsens beslut att utse Erik Helgeson (V)
till ny ersättare i kommunfullmäktige i stället för
Linnea Hankins (V)
Beslut
Länsstyrelsen har den 2 september 2024 beslutat utse Erik Helgeson (V) till ny ersättare i
kommunfullmäktige i stället för Linnea Hankins (V).
"""
KF_389 = """§ 389 Ärendenummer SLK:16342
Anmälan av länsstyrelsens beslut att utse Sebastian Rinvall
(V) till ny ersättare i kommunfullmäktige i stället för Erik
Helgeson (V)
Länsstyrelsen har den 18 september 2024 beslutat utse Sebastian Rinvall (V) till ny
ersättare i kommunfullmäktige i stället för Erik Helgeson (V).
"""
KF = ("Göteborg", "Kommunfullmäktige")


def _record(name: str, section: str, date: str, answer: float, **kw: object) -> Cand:
    # each meeting its own protocol (document id from the month)
    return Cand(name, **{"keywords": 1.0, "answer": answer, "item_of": (int(date[5:7]), name),
                         "record": (*KF, section, date), **kw})  # type: ignore[arg-type]


def test_a_later_section_without_headings_is_the_later_record():
    """"vem blev ersattare efter erik helgeson": the anmälan of September appointing Erik Helgeson
    (its Beslut, p = 0.54) stood above that of October appointing his successor (one text, p = 0.47)."""
    sept, octo = _record("sept", "beslut", "2024-09-12", 0.54), _record("oct", WHOLE, "2024-10-10", 0.47)
    other = Cand("other", keywords=0.5, answer=0.3)
    assert names(settle([sept, other, octo], 0.99)) == ["oct", "sept", "other"]
    # ... and the other way round: a later Beslut above an earlier § of one text ("Vem ställde
    # frågan …": the frågestund of 2024 is the one text, the motion's Beslut of 2023 the section)
    early = _record("early", WHOLE, "2023-09-07", 0.13)
    late = _record("late", "beslut", "2024-10-10", 0.12)
    assert names(settle([early, late], 0.99)) == ["late", "early"]
    # an earlier record stays below; two sections, neither whole, are still two kinds of record
    assert names(settle([octo, sept], 0.99)) == ["oct", "sept"]
    yrkanden = _record("yrk", "yrkanden", "2024-10-10", 0.47)
    assert names(settle([sept, yrkanden], 0.99)) == ["sept", "yrk"]
    # another body's, fewer of the query's words, less than half the chance: the reranker's order
    ks = Cand("ks", keywords=1.0, answer=0.47, item_of=(10, "ks"), record=("Göteborg", "Kommunstyrelsen", WHOLE,
                                                                           "2024-10-10"))
    for later in (ks, _record("oct", WHOLE, "2024-10-10", 0.47, keywords=0.8), _record("oct", WHOLE, "2024-10-10", 0.2)):
        assert names(settle([sept, later], 0.99)) == ["sept", names([later])[0]]


def test_a_section_without_headings_carries_its_record(db_path: Path):
    """The evidence names the record of a § written as one text: its section is ``WHOLE``."""
    docs = [protocol("kf-2024-09-12.pdf", KF_335, Metadata("Kommunfullmäktige protokoll", *KF, "protokoll",
                                                           "2024-09-12")),
            protocol("kf-2024-10-10.pdf", KF_389, Metadata("Kommunfullmäktige protokoll", *KF, "protokoll",
                                                           "2024-10-10"))]
    with indexed(db_path, docs) as (conn, fake):
        store = as_store(conn)
        query = "vem blev ersattare efter erik helgeson"
        ranked, terms = rank(store, query, fake, store.resolve_filters())
        out, rows, _question = evidence(store, query, ranked, terms)
        records = {r.record for r in out if rows[r.chunk_id]["item"] is not None}
        assert (*KF, WHOLE, "2024-10-10") in records
        assert (*KF, "beslut", "2024-09-12") in records


@pytest.mark.parametrize("query", [
    "Vad föreslår kommunstyrelsen i Alingsås att fullmäktige gör med motionen om laddstationer för cyklister?",
    "Vad föreslår tekniska nämnden att kommunstyrelsen beslutar om brandvattenplanen?",
    "Vad beslutar kommunstyrelsen om taxan?",
])
def test_a_proposal_to_another_body_asks_the_decision(query):
    assert read_question(query).decision


@pytest.mark.parametrize("query", [
    "Vad föreslår Ukrainamotionen om Lviv?",  # a paper's proposal
    "Vad föreslår förvaltningen om skolskjutsen?",  # no body asked to decide
    "Vem föreslog att mopedparkeringen i Nolhaga skulle utredas vidare av förvaltningen?",
    "När beslutar fullmäktige om skattesatsen?",  # a date
])
def test_not_a_proposal_asking_the_decision(query):
    assert not read_question(query).decision


def test_a_proposal_to_fullmaktige_answered_by_the_beslut(db_path: Path, monkeypatch):
    """Dev2: "Vad föreslår kommunstyrelsen i Alingsås att fullmäktige gör med motionen om
    laddstationer för cyklister?": § 103's Ärendet and Beredning stood above its Beslut
    ("Förslag till beslut i kommunfullmäktige Motionen avslås i sin helhet."), sixth."""
    ks = Metadata("Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-01")
    with indexed(db_path, (protocol("alingsas-ks-2026.pdf", KS_103, ks, KS_HEADINGS),)) as (conn, emb):
        rerank_on_meaning(monkeypatch)
        query = "Vad föreslår kommunstyrelsen i Alingsås att fullmäktige gör med motionen om laddstationer för cyklister?"
        hits = search(conn, query, emb, abstention=False)
        assert "Motionen avslås i sin helhet" in hits[0].text


KF_80 = """§ 80 Ärendenummer SLK-2023-00927
Antagande av detaljplan för verksamheter vid Norra
Stenebyvägen inom stadsdelen Tuve
Beslut
Enligt kommunstyrelsens förslag:
Detaljplan för verksamheter vid Norra Stenebyvägen inom stadsdelen Tuve, upprättad
2023-09-29, antas.
Jäv
Johan Zandin (V) deltar inte i handläggningen av ärendet på grund av jäv.
"""


@pytest.mark.parametrize(("query", "sections"), [
    ("vem var javig i detaljplanen for norra stenebyvagen", ("jav",)),
    ("Vem anmälde jäv i ärendet om Odinsskolan?", ("jav",)),
    ("Vilka partier reserverade sig mot färjeavtalet med Västtrafik?", ("reservation",)),
    ("Vem yrkade bifall till tilläggsyrkandet om riksnormen för ekonomiskt bistånd 2024?", ("yrkanden", "forslag")),
    ("Vem lämnade protokollsanteckning om allmänpolitiska debatter i kommunstyrelsen?", ("protokollsanteckning",)),
    ("Vilka partier ville att cykelgaraget vid Haga station skulle sägas upp?", ("yrkanden", "forslag")),
    # a yrkande named, not who made it; a word that only begins like one
    ("Hur många ledamöter röstade för Moderaternas yrkande om arvodena?", ()),
    ("omröstning mp:s yrkande ny arena evenemangsområdet", ()),
    ("trygghetspunkter reservkraft stadsfastighetsnämnden", ()),
])
def test_the_act_whose_doers_are_asked(query, sections):
    assert read_question(query).act == sections


def test_settle_the_section_recording_the_act_first():
    """"vem var javig i detaljplanen for norra stenebyvagen": § 80's Beslut stood above its Jäv."""
    beslut, jav = Cand("beslut", item_of=(12, "80")), Cand("jäv", item_of=(12, "80"), acts=True)
    other = Cand("other", item_of=(12, "81"), acts=True)
    assert names(settle([beslut, other, jav], 0.99)) == ["jäv", "beslut", "other"]
    # not another §'s, nor where the first stands in no § or records the act itself
    assert names(settle([beslut, other], 0.99)) == ["beslut", "other"]
    loose = Cand("loose")
    assert names(settle([loose, jav], 0.99)) == ["loose", "jäv"]


def test_who_was_jaevig_answered_by_the_jaev(db_path: Path, monkeypatch):
    kf = Metadata("Kommunfullmäktige protokoll", *KF, "protokoll", "2023-12-07")
    with indexed(db_path, (protocol("kf-2023-12-07.pdf", KF_80, kf, {"Beslut": "beslut", "Jäv": "jav"}),)) \
            as (conn, emb):
        rerank_on_meaning(monkeypatch)
        query = "vem var javig i detaljplanen for norra stenebyvagen"
        hits = search(conn, query, emb, abstention=False)
        assert "på grund av jäv" in hits[0].text
