"""Which passage of a document answers (search/passage.py): the reranker's features that tell
apart the passages of one document, on a real SQLite corpus (fake embedder; the shipped weights
of the default model), and the same questions end to end with the real model when it is here.

Texts are excerpts of Alingsås kommunfullmäktige's protocol of 2018-03-28 and Tolkförmedling
Väst's annual report 2025 (../shared/data/pdf-other)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import real_corpus
from test_search import FakeEmbedder, protocol, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus, search
from namndkoll.search.hybrid import candidate_features, evidence, rank
from namndkoll.search.passage import focus_figure, focus_pattern_of, is_listing
from namndkoll.search.question import read_question, unit_of
from namndkoll.search.rerank import FEATURES, Reranker, from_json, reranker_for
from namndkoll.types import Metadata

PRESENT = """Plats och tid Grand Hotel, Alingsås Paragrafer §§27-68
kl. 18:00-22:40
Beslutande Kristina Grapenholm (L) (ordförande)
Lennart Allbro (S) (vice ordförande)
Birgitta Carlsson (S) (2:e vice ordförande)
Anita Brodén (L) Daniel Filipsson (M) Jan Gustafsson (V) Jan Kesker (L) Anita Hedén-Unosson (S)
Novak Vasic (MP) Thomas Pettersson (C) Simon Waern (S) Joakim Järrebring (S) Anna Hansson (MP)
Stefan Svensson (KD) Britt-Marie Kuylenstierna (MP) Magnus Linde (M) Per-Gordon Tranberg (M)
Staffan Albinsson (C) Pär-Göran Björkman (S) Maria B Nilsson (S) Birgit Börjesson (S)
Linda Espeving (M) Agneta Grange Petrusson (SD) Leif Hansson (S) Niklas Hellgren (KD) Tore Hult (S)
Boris Jernskiegg (SD) Karin Johansson (S) Emma Liljewall (MP) Martin Lindberg (V)
"""
# the protocol's list of its §§ (written here on lines that do not start with "§")
CONTENTS = """Ärenden § 51 Val av ny ledamot och vice ordförande i vård- och äldreomsorgsnämnden § 52 Information
och § 53 Revisionsberättelse för år 2017 Alingsås kommun § 54 Årsredovisning 2017 för Alingsås kommun
och § 55 Vision 2040 § 56 Hemställan om utvecklingsbidrag till Universeum § 57 Tillsynsavgifter för vissa
receptfria läkemedel, folköl, tobak och e-cigaretter § 58 Ansökan om medel ur flyktingfond 2017
Enkel fråga till kommunstyrelsens ordförande angående olycksfallsförsäkring på barn och elevers fritid
och § 64 Motion - säkrare kommun, klimathot - Boris Jernskiegg (SD) och Agneta Grange Petrusson (SD)
och § 65 Motion - säkrare kommun, terrorhot - Boris Jernskiegg (SD) och Agneta Grange Petrusson (SD)
"""
KF_48 = """§ 48 2018.225 KS
Kommunalt kompletteringsval - Suppleant i Alingsås Energi AB efter Blerim Elshani (S), Fredrik Bergman (S)
Beslut

Kommunfullmäktiges beslut:
Fredrik Bergman (S) utses till suppleant i Alingsås Energi AB för tiden fram till och med årsstämma år 2019.
"""
KF_65 = """§ 65 2018.188 KS
Motion - säkrare kommun, terrorhot - Boris Jernskiegg (SD) och Agneta Grange Petrusson (SD)
Ärendebeskrivning Boris Jernskiegg (SD) och Agneta Grange Petrusson (SD) lämnar en motion om
terrorhot mot kommunen där de framför att kommunen snarast bör undersöka hur och var åtgärder skall
sättas in. Motionärerna yrkar att kommunen tillsätter en säkerhetsansvarig med lämplig utbildning.
"""
TFV_A = """Det minskade tolkbehovet är framför allt ett resultat av de senaste årens minskade inflöde av nya
tolkbehövande till landet. Tillsättningsgraden har ökat även under 2025 och ligger nu på 99,5 %.
Förbundet förmedlade under året tolkuppdrag på 149 olika språk och dialekter, vilket är fem språk fler
än föregående år. Samtliga nytillkomna språk är numerärt mycket små. Arabiska och somaliska är liksom
tidigare år de mest efterfrågade språken även om antalet uppdrag på dessa språk ligger något lägre än
föregående år. Likaså har efterfrågan på dari minskat något. Av dessa 313 000 uppdrag är 0,3 %
översättningsuppdrag.
"""
TFV_B = """Inledning Tolkförmedling Väst är ett kommunalförbund och dess ändamål är att tillgodose medlemmarnas
behov av språktolk. Förbundet har tilldelats uppdraget att bedriva språktolkförmedling och är huvudman
för verksamheten. Tolkförmedling Väst förser därmed medlemsorganisationernas verksamheter med
språktolk. Förbundet styrs av en direktion med ledamöter från var och en av medlemmarna, som
tillsammans har tillskjutit en krona per kommuninvånare som andelskapital. Kvotvärdet av detta ger
medlemmens andel i förbundet; direktionen har haft sju sammanträden under 2025. Förbundet
tillhandahåller tolk dygnet runt, årets alla dagar, på plats och på distans.
"""
TFV_C = """I Sverige talas uppskattningsvis 200 språk. Kammarkollegiet ansvarar för auktorisation av tolkar
och översättare. Möjligheten till auktorisation erbjuds dock endast i 50 språk för tolkar respektive
30 språk för översättare. Förbundets uppdragstagare innehar tillsammans totalt 454 olika auktorisationer
vilket återigen är en kompetensökning jämfört med föregående år. Av förbundets tolkar är 25% auktoriserade
vilket är en spegling av den generella tillgången av auktoriserad tolk. Antalet tolkar med
sjukvårdsauktorisation har ökat med hela arton personer.
"""
TFV_D = """På arabiska, förbundets mest efterfrågade språk, med totalt 227 tolkar är 54 tolkar auktoriserade,
varav 13 med sjukvårdsauktorisation. Somaliska är det näst mest efterfrågade språket och förbundet har
129 aktiva somaliska tolkar, 14 av dessa är auktoriserade, dock ingen med sjukvårdsauktorisation. En stor
andel av tolkarna inom språkgrupperna bosniska, kroatiska, serbiska (BKS) och ryska är auktoriserade och
flera innehar även sjukvårdsauktorisation. Ryska är ett mindre efterfrågat språk, även om en ökning
skett efter Rysslands invasion av Ukraina. Förbundet har auktoriserade tolkar i 39 olika språk.
"""
KF_MD = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2018-03-28")
TFV_MD = Metadata("Årsredovisning 2025", "Tolkförmedling Väst", "Direktionen", "arsredovisning", "2026-03-20")


def docs() -> list[Any]:
    return [protocol("alingsas-kf-2018-03-28.pdf", [f"{PRESENT}\n{CONTENTS}\n{KF_48}\n{KF_65}"], KF_MD),
            report("tfv-2025.pdf", [f"{TFV_A}\n{TFV_B}\n{TFV_C}\n{TFV_D}"], TFV_MD)]


@pytest.fixture
def store(db_path: Path):
    conn = open_db(db_path)
    for d in docs():
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, FakeEmbedder())
    yield as_store(conn)
    conn.close()


def evidence_of(store: Any, query: str) -> dict[str, tuple[dict[str, float], dict[str, Any]]]:
    """Per candidate (by its text's first 20 characters): its features, and its keyword evidence."""
    ranked, terms = rank(store, query, None, store.resolve_filters(), mode="keyword", candidates=20)
    ranked, rows, question = evidence(store, query, ranked, terms)
    # the passages' own evidence only: every candidate as close to the query and ranked alike
    same = [r.__class__(r.chunk_id, 0.5, 0.88, 0, 0, r.keywords, None, r.place_ok, r.year_ok) for r in ranked]
    x = candidate_features(same, rows, terms, store.chunk_total(), question)
    return {rows[r.chunk_id]["text"][:20]: (dict(zip(FEATURES, row, strict=True)), {"keywords": r.keywords})
            for r, row in zip(ranked, x, strict=True)}


def answer_order(store: Any, query: str) -> list[str]:
    """The candidates as the shipped default weights order them, by their passages' evidence alone."""
    model = reranker_for("namndkoll/multilingual-e5-small-int8")
    assert model is not None
    ev = evidence_of(store, query)
    p = model.probability(np.array([[f[n] for n in FEATURES] for f, _ in ev.values()]))
    return [k for _, k in sorted(zip(p, ev), key=lambda t: -t[0])]


def test_terms_the_document_holds_count_for_each_of_its_passages(store):
    # every passage of this protocol is Alingsås kommunfullmäktige's of 2018: only "ordförande"
    # tells its passages apart, and only the list of those present holds it
    q = "Vem var ordförande i kommunfullmäktige i Alingsås 2018?"
    ev = evidence_of(store, q)
    present, elected = ev["Plats och tid Grand "], ev["§ 48 2018.225 KS\nKom"]
    assert present[1]["keywords"] <= elected[1]["keywords"]  # by its own words it holds no more of the query
    assert present[0]["keywords_doc"] == pytest.approx(1.0) and elected[0]["keywords_doc"] < 0.9
    order = answer_order(store, q)
    assert order.index("Plats och tid Grand ") < order.index("§ 48 2018.225 KS\nKom")


def test_a_list_of_paragraph_titles_is_no_answer(store):
    q = "Vilka SD-politiker motionerade om terrorhot i Alingsås?"
    ev = evidence_of(store, q)
    assert ev["Ärenden § 51 Val av "][0]["listing"] == 1 and ev["§ 65 2018.188 KS\nMot"][0]["listing"] == 0
    order = answer_order(store, q)
    assert order.index("§ 65 2018.188 KS\nMot") < order.index("Ärenden § 51 Val av ")
    assert is_listing("Beslutsunderlag • Tjänsteskrivelse", "beslutsunderlag")
    assert not is_listing("§ 65 Motion om terrorhot. Enligt § 5 kommunallagen …", "arendet")


def test_a_count_beside_what_it_counts(store):
    q = "Hur många språk förmedlade Tolkförmedling Väst 2025?"
    focus = focus_pattern_of(read_question(q))
    assert focus_figure("tolkuppdrag på 149 olika språk och dialekter", focus)
    assert not focus_figure("behov av språktolk, 25 medlemmar", focus)  # "språktolk" is not "språk"
    assert not focus_figure("§ 94 Språk i förvaltningen", focus)  # a § number is no figure
    ev = evidence_of(store, q)
    assert ev["Det minskade tolkbeh"][0]["focus_figure"] == 1 and ev["Inledning Tolkförmed"][0]["focus_figure"] == 0
    order = answer_order(store, q)
    assert order.index("Det minskade tolkbeh") < order.index("Inledning Tolkförmed")


@pytest.mark.parametrize(("query", "unit"), [
    ("Hur stor andel av tolkarna är auktoriserade?", "percent"),
    ("Hur stort bidrag ger Alingsås till Universeum?", "money"),
    ("Vad kostar en tågresa i genomsnitt?", "money"),
    ("Vilken driftram får socialnämnden 2027?", "money"),
    ("Hur många språk förmedlade förbundet?", None),
    # "pengar" asks an amount: a plan's page on how the libraries are organised is no answer
    ("Hur mycket pengar får biblioteken i Alingsås 2027?", "money"),
])
def test_the_unit_a_figure_question_wants(query: str, unit: str | None):
    assert unit_of(query) == unit and read_question(query).unit == unit


def test_a_share_is_answered_by_a_percentage(store):
    ev = evidence_of(store, "Hur stor andel av tolkarna är auktoriserade?")
    share, count = ev["I Sverige talas upps"][0], ev["På arabiska, förbund"][0]
    assert share["unit_q"] == count["unit_q"] == 1 and share["unit_ok"] == 1 and count["unit_ok"] == 0


def test_the_years_asked_that_a_passage_names():
    question = read_question("tolkförmedling väst verksamhetens intäkter 2021-2025 tabell")
    assert question.years == (2021, 2025)
    from namndkoll.search.passage import PASSAGE_FEATURES, passage_features

    row = {"title": "Årsredovisning 2025", "municipality": "Tolkförmedling Väst", "committee": None, "date": None}
    table = "Verksamhetens intäkter · 2025 · 231 858 tkr · 2024 · 220 452 tkr · 2023 · 221 686 · 2022 · 2021"
    prose = "Verksamhetens intäkter 2025 ökade något."
    f = [dict(zip(PASSAGE_FEATURES,
                  passage_features(t, None, row, [True], [False], [1.0], question, None), strict=True))
         for t in (table, prose)]
    assert f[0]["years_held"] == 1.0 and f[1]["years_held"] == 0.5


@pytest.mark.parametrize(("query", "who"), [
    ("Vilka ville bifalla motionen om laddstationer för elcyklar?", True),  # "Vilka" + a verb
    ("Vilka SD-politiker motionerade om terrorhot i Alingsås?", True),
    ("Vilka socialdemokrater skrev motionen om nattvandring?", True),
    ("Vilka yrkade avslag?", True),
    ("Vilka nämnder granskades i granskningen av palliativ vård?", False),  # bodies, a noun
    ("Vilka vattenverk ska läggas ner?", False),
])
def test_who_is_asked_for(query: str, who: bool):
    assert ("who" in read_question(query).kinds) == who


def test_weights_fitted_on_fewer_features_read_their_own_columns():
    for model_id in ("namndkoll/multilingual-e5-small-int8", "namndkoll/multilingual-e5-small-static-v1"):
        model = reranker_for(model_id)
        assert model is not None and model.columns is None and model.coef.shape == (len(FEATURES),)
    old = FEATURES[:3]
    d = {"model": "m", "features": list(old), "mean": [0.0] * 3, "scale": [1.0] * 3, "coef": [1.0, 0.0, 0.0],
         "intercept": 0.0}
    fit = from_json(json.dumps(d))
    assert fit is not None and fit.columns == (0, 1, 2)
    x = np.zeros((2, len(FEATURES)))
    x[0, 0], x[1, -1] = 2.0, 5.0  # the last column is not one it was fitted on
    assert fit.logits(x).tolist() == [2.0, 0.0]
    assert from_json(json.dumps({**d, "features": ["similarity", "no_such_feature", "fused"]})) is None
    assert Reranker("m", np.zeros(1), np.ones(1), np.ones(1), 0.0, (0,)).to_json().count('"similarity"') == 1


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory):
    conn, emb = real_corpus(tmp_path_factory, docs())
    yield conn, emb
    conn.close()


@pytest.mark.slow
@pytest.mark.parametrize(("query", "first"), [
    # round 4's order put the protocol's list of §§ first for both (it holds the same words)
    ("Vem var ordförande i kommunfullmäktige i Alingsås 2018?", "Kristina Grapenholm (L) (ordförande)"),
    ("Vilka SD-politiker motionerade om terrorhot i Alingsås?", "lämnar en motion om"),
    # ... and the passage on "språktolk" above the count of languages
    ("Hur många språk förmedlade Tolkförmedling Väst 2025?", "149 olika språk"),
])
def test_the_answering_passage_of_the_document_comes_first(real, query: str, first: str):
    conn, emb = real
    hits = search(conn, query, emb, abstention=False)
    assert hits and first in hits[0].text.replace("\n", " ")
