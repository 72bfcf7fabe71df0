"""What a query names and asks for (search/question.py), how its words become terms
(search/terms.py), the reranker's features and shipped weights (search/rerank.py), and the
structural refusals in a search over a real SQLite corpus (fake embedder)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from test_search import (
    DOCS,
    FakeEmbedder,
    corpus,  # noqa: F401 - the fixture
    report,
)

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.keywords import fts_query
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus, search
from namndkoll.search.hybrid import evidence, rank
from namndkoll.search.judge import CALIBRATIONS, judge
from namndkoll.search.plan import fts_terms
from namndkoll.search.question import (
    focus_of,
    mentions_place,
    mentions_year,
    place_consistent,
    read_question,
    years_in,
)
from namndkoll.search.rerank import (
    FEATURES,
    best_sentence,
    features,
    holds_vote,
    reranker_for,
    spread,
    states_kind,
    term_positions,
)
from namndkoll.search.terms import (
    Matcher,
    Term,
    compound_tail,
    focus_pattern,
    joined_compounds,
    query_terms,
    stem,
)
from namndkoll.types import Metadata


@pytest.mark.parametrize(("query", "places"), [
    ("Hur röstade kommunfullmäktige i Uppsala om nya skolor?", [{"Uppsala", "Region Uppsala"}]),
    ("Vad beslutade Göteborgs kommunfullmäktige?", [{"Göteborg"}]),
    ("goteborgs stad lanevolym", [{"Göteborg"}]),  # å/ä/ö typed without dots
    ("Hur röstade regionfullmäktige på Gotland?", [{"Gotland", "Region Gotland"}]),
    ("kollektivtrafikens marknadsandel västra götaland", [{"Västra Götalandsregionen"}]),
    ("förorenad mark översiktsplan", []),  # "mark" is a word; Mark kommun only as a name
    ("förskoleplatser i Mark", [{"Mark"}]),
    ("förskoleplatser Lund 2021", [{"Lund"}]),
    ("lund", []),  # a short or everyday word in lower case: not read as the place
    ("i Lund", [{"Lund"}]),
])
def test_places_named_in_a_query(query: str, places: list[set[str]]):
    assert [set(p.names) for p in read_question(query).places] == places


def test_the_corpus_own_bodies_are_places_too():
    q = read_question("hur många språk tolkformedling väst 2025", ["Tolkförmedling Väst"])
    assert [set(p.names) for p in q.places] == [{"Tolkförmedling Väst"}] and q.years == (2025,)


@pytest.mark.parametrize(("query", "kinds"), [
    ("Hur röstade fullmäktige om arvodena?", {"vote"}),
    ("Hur jämn var omröstningen om Odinsskolan?", {"vote"}),
    ("Vem är kommundirektör i Simrishamn?", {"who"}),
    ("Hur många yttranden kom in?", {"figure"}),
    ("Vad kostar en tågresa i genomsnitt?", {"figure"}),
    ("När ska nämnderna besluta om taxor?", {"date"}),
    ("Vilka partier reserverade sig?", {"party"}),
    ("detaljplan handel brännö styrsö", set()),
])
def test_kind_of_answer_a_question_wants(query: str, kinds: set[str]):
    assert read_question(query).kinds == kinds


def test_years_spans_and_dates():
    assert years_in("Underlag ramar 2027-2029") == {2027, 2028, 2029}
    assert years_in("Budget 2027–2031, beslut 2025-12-01") >= {2025, 2027, 2031}
    assert mentions_year([2030], "Underlag ramar 2027-2029") is False
    assert mentions_year([2018], "Val av ordförande", "2018-03-28") is True


def test_a_passage_fits_the_place_by_its_body_or_by_naming_it():
    q = read_question("Hur många anställda har Intraservice i Lund?", ["Göteborg", "Lund"])
    row = {"municipality": "Göteborg", "org_kind": "kommun", "document_id": 1, "text": "Intraservice har 700 anställda.",
           "context": ""}
    assert not place_consistent(q, row)
    assert place_consistent(q, {**row, "text": "Intraservice har kontor i Lund och Göteborg."})
    assert place_consistent(q, {**row, "municipality": "Lund"})
    assert place_consistent(q, {**row, "municipality": None})  # unknown body: nothing contradicts
    # a kommunalförbund's document that names the place elsewhere
    fb = {**row, "municipality": "Tolkförmedling Väst", "org_kind": "kommunalforbund"}
    assert not place_consistent(q, fb, lambda p, doc: False)
    assert place_consistent(q, fb, lambda p, doc: doc == 1)
    assert mentions_place(q.places[0], "Lunds kommun") and not mentions_place(q.places[0], "Julia Lundell (S)")


@pytest.mark.parametrize(("query", "expected"), [
    ("Vilka SD-politiker motionerade?", [("sd", "SD"), ("politiker", None), ("motionerade", None)]),
    ("va-taxa småhus", [("va", None), ("taxa", None), ("småhus", None)]),
    ("intäkter 2021-2025", [("intäkter", None), ("2021", None), ("2025", None)]),
    ("omröstning arvoden M D L KD", [("omröstning", None), ("arvoden", None), ("kd", "KD"), ("d", "D"),
                                     ("l", "L"), ("m", "M")]),
    ("Hur röstade SD:s ledamöter?", [("röstade", None), ("sd", "SD"), ("ledamöter", None)]),
])
def test_query_words_the_index_splits_are_taken_in_pieces(query: str, expected: list[tuple[str, str | None]]):
    assert [(t.word, t.party) for t in query_terms(query)] == expected


def test_short_words_and_one_letter_parties_match_whole_words_only():
    m = Matcher([Term("v", "v", party="V"), Term("va", "va")])
    assert m.held("Martin Lindberg (V) om VA-taxan") == [True, True]
    assert m.held("vattenverket och valet") == [False, False]


def test_a_compound_typed_apart_is_found_joined():
    counts = {"bidragsportal": 6}
    terms = [Term("bidrags", "bidrag", df=53), Term("portalen", "portal", df=0)]
    out = joined_compounds(terms, lambda s: counts.get(s, 0))
    assert out[1].alts == ("bidragsportal",) and out[1].df == 6 and out[0] == terms[0]


def test_a_compound_typed_apart_is_found_joined_though_its_last_word_is_held_alone():
    # "kompetens försörjning" (counts of a 23-document corpus): "kompetens" is too common to ask
    # the index for, and "försörjning"* finds försörjningsstöd, never kompetensförsörjning
    counts = {"kompet": 84, "försörjning": 37, "kompetensförsörjning": 15}
    terms = [Term("kompetens", "kompet", df=84), Term("försörjning", "försörjning", df=37)]
    out = joined_compounds(terms, lambda s: counts.get(s, 0))
    assert out[1].alts == ("kompetensförsörjning",) and out[1].df == 37 and out[0] == terms[0]
    assert fts_query(fts_terms(out, 895)) == '"försörjning"* OR "kompetensförsörjning"*'
    assert Matcher(out).held("uppföljning av kompetensförsörjning") == [True, True]
    assert Matcher(out).held("personer med försörjningsstöd") == [False, True]
    # with the linking -s- the compound takes ("bostad försörjning": bostadsförsörjningsprogram)
    counts = {"bostadsförsörjning": 3}
    out = joined_compounds([Term("bostad", "bostad", df=13), Term("försörjning", "försörjning", df=37)],
                           lambda s: counts.get(s, 0))
    assert out[1].alts == ("bostadsförsörjning",)


def test_vote_evidence():
    assert holds_vote("Omröstningen utfaller med 40 Ja mot 38 Nej.", None)
    assert holds_vote("Ordföranden ställer propositioner", "propositionsordning")
    assert not holds_vote("Kommunfullmäktige beslutar enligt förslaget.", "beslut")


def test_spread_and_best_sentence_of_the_held_terms():
    m = Matcher(query_terms("arvoden ordförande"))
    w = np.array([1.0, 3.0])
    near, far = "Arvoden för ordförande höjs.", "Arvoden höjs. " + "Annat. " * 60 + "Ordförande valdes."
    assert 0 < spread(term_positions(near, m)) < spread(term_positions(far, m))
    assert spread(term_positions("bara arvoden här", m)) == 0.0
    assert best_sentence(near, term_positions(near, m), w) == 1.0
    assert best_sentence(far, term_positions(far, m), w) == 0.75  # "Ordförande valdes." alone


def test_features_and_the_shipped_weights_agree():
    model = reranker_for("namndkoll/multilingual-e5-small-int8")
    assert model is not None and model.coef.shape == (len(FEATURES),)
    assert reranker_for("fake-hash-v1") is None
    terms = [Term("arvoden", "arvod", df=3), Term("2024", "2024", df=10)]
    rows = {1: {"text": "Omröstningen om arvoden 2024 utfaller med 40 Ja mot 29 Nej.", "context": "§ 5 Arvoden",
                "section": "omrostning"},
            2: {"text": "Kommunfullmäktige beslutar enligt förslaget.", "context": "", "section": "beslut"}}
    cands = [{"chunk_id": c, "similarity": s, "dense_rank": d, "keyword_rank": k, "score": 0.5, "keywords": kw,
              "place_ok": True, "year_ok": c == 1} for c, s, d, k, kw in ((1, 0.9, 0, 0, 1.0), (2, 0.85, 1, None, 0.0))]
    x = features(cands, rows, terms, 100, read_question("Hur röstade fullmäktige om arvoden 2024?"))
    assert x.shape == (2, len(FEATURES)) and np.isfinite(x).all()
    f = dict(zip(FEATURES, x[0]))
    assert f["vote_q"] == 1 and f["vote_ok"] == 1 and f["other_year"] == 0 and f["best_sentence"] == 1.0
    assert dict(zip(FEATURES, x[1]))["vote_ok"] == 0 and dict(zip(FEATURES, x[1]))["other_year"] == 1
    p = model.probability(x)
    assert p[0] > p[1]


def test_a_query_about_a_body_the_corpus_lacks_gets_nothing(corpus):  # noqa: F811
    conn, emb = corpus
    assert search(conn, "förskoleplatser i centrum", emb)  # Göteborg's § 18 answers
    assert search(conn, "förskoleplatser i centrum i Göteborg", emb)[0].item == "18"
    # the same words about Uppsala: no stored document is Uppsala's or names it
    assert search(conn, "förskoleplatser i centrum i Uppsala", emb) == []


def test_a_query_about_a_year_the_passages_are_not_about_gets_nothing(corpus):  # noqa: F811
    conn, emb = corpus
    assert search(conn, "förskoleplatser i centrum 2023", emb)[0].item == "18"
    assert search(conn, "förskoleplatser i centrum 2019", emb) == []


def test_a_vote_question_wants_a_passage_with_a_vote(corpus):  # noqa: F811
    conn, emb = corpus
    assert "beslut" in {h.section for h in search(conn, "klimatanpassningsplanen", emb)}
    hits = search(conn, "Hur gick omröstningen om klimatanpassningsplanen?", emb)
    assert hits and "70 Ja mot 9 Nej" in hits[0].text
    for q in ("Hur gick omröstningen om klimatanpassningsplanen?", "Hur röstade fullmäktige om klimatanpassningsplanen?"):
        assert all(holds_vote(h.text, h.section) for h in search(conn, q, emb))


@pytest.mark.parametrize(("query", "focus"), [
    ("Hur många tolkuppdrag på polska utförde Tolkförmedling Väst 2023?", ("tolkuppdrag", "polska")),
    ("Vad kostar hyran för Ingaredsskolans nya högstadium?", ("hyran", "högstadium")),  # past genitive, adjective
    ("Vad kostade bygget av det nya kommunhuset i Alingsås?", ("bygget", "kommunhuset")),
    ("Vilken driftram får socialnämnden i Simrishamn 2027?", ("driftram",)),  # "vilken" + an amount
    ("Hur stor andel av cheferna är kvinnor?", ("cheferna",)),  # the measure is not the focus
    # past the owner: the place rule checks Lund, the figure is of the anställda
    ("Hur stor andel av Lunds kommuns anställda har anställning med stöd i dag?", ("anställda",)),
    ("Hur stor andel av Göteborgs elever når målen?", ("elever",)),
    ("Hur många nya bostäder byggdes i Göteborg?", ("bostäder",)),
    ("Vad kostar målbildens investeringar i dagens penningvärde?", ("investeringar",)),  # "i …": no focus
    ("mopedparkering nolhaga hur många mopeder får plats", ("mopeder",)),
    ("Hur mycket har köttkonsumtionen ökat?", ()),  # a verb where the noun would stand
    ("Hur mycket förstärktes budgeten 2026?", ()),
    ("Hur mycket betalas felaktigt ut?", ()),
    ("Hur mycket kostar överföringsledningarna till Bjärke?", ("överföringsledningarna",)),
    ("Hur mycket ökar kostnaderna?", ()),
    ("Hur mycket höjs brukningstaxan för VA i Kungsbacka 2025?", ()),  # a passive verb, no noun
    ("Hur mycket sänks skatten?", ()),
    ("Hur mycket moms betalas?", ("moms",)),  # a noun in -s that a verb follows
    ("Hur mycket lägre blir kostnaden 2026?", ()),
    ("Hur många årsarbetare har förvaltningen?", ("årsarbetare",)),
    ("Hur många kronor per invånare får nämnden?", ()),  # a unit: "tkr", "mnkr" in the passage
    ("Vilken församling driver mötesplatsen?", ()),  # not an amount: not a figure question
    ("Vilket program gäller för hemtjänsten?", ()),  # "program" ends in "ram" but is no frame
    ("Vem är kommundirektör i Lund?", ()),
    ("internränta 2024 göteborg", ()),
])
def test_the_focus_of_a_figure_question(query: str, focus: tuple[str, ...]):
    assert focus_of(query) == focus


def test_a_place_or_a_vote_is_no_focus():
    # the place rule checks "Alingsås"; a passage of Alingsås's own need not name it
    assert read_question("Vad kostar hyran för Alingsås?").focus == ("hyran",)
    # a vote is "40 Ja mot 38 Nej" without "ledamöter": the vote rule checks it
    assert read_question("Hur många ledamöter röstade ja till budgeten?").focus == ()


def test_what_holds_a_focus_word():
    counts = {"resa": 9, "bidrag": 30, "kort": 4}
    doc_counts = (lambda ws: {w: counts[w] for w in ws if w in counts})
    assert compound_tail("tågresa", doc_counts) == "resa" and compound_tail("driftram", doc_counts) is None
    bidrag = focus_pattern("bidrag", [Term("bidrag", "bidrag", df=30)], doc_counts)
    assert bidrag.search("utvecklingsbidrag om 249 488 kr") and bidrag.search("bidraget beviljas")
    assert not bidrag.search("bidrog till")
    resa = focus_pattern("tågresa", [Term("tågresa", "tågres", df=5)], doc_counts)
    assert resa.search("kostnaden per resa är 82 kronor") and resa.search("tågresandet ska tredubblas")
    assert not resa.search("resande") and not resa.search("omresa")  # "resa" as a word, not a start
    kort = focus_pattern("månadskort", [Term("månadskort", "månadskort", df=0)], doc_counts)
    assert kort.search("månadskortet") and kort.search("ett kort för alla zoner")
    assert not kort.search("inklusive seniorkort") and not kort.search("korta resor")
    ist = focus_pattern("ist", [Term("ist", "ist", df=9)], doc_counts)  # a short word: whole only
    assert ist.search("granskning av ist administration") and not ist.search("en specialist")
    hyra = focus_pattern("hyran", [Term("hyran", stem("hyran"), df=3)], doc_counts)
    assert hyra.search("lokalhyran höjs") and not hyra.search("ramökning 6 000 tkr")


def test_a_figure_question_wants_a_passage_naming_what_is_counted(corpus):  # noqa: F811
    conn, emb = corpus
    # the topic is there: the same words as a keyword query find § 18
    assert [h.item for h in search(conn, "hyran förskolan i centrum", emb)][:1] == ["18"]
    # asked for the rent, no passage names a rent: nothing to show
    assert search(conn, "Vad kostar hyran för förskolan i centrum?", emb) == []
    # asked for what § 18 counts, it answers
    hits = search(conn, "Hur många platser i förskolan får centrala Göteborg?", emb)
    assert hits[0].item == "18" and hits[0].confidence == "high"
    # a cost passage answers a question on its own thing ("introduktionsjobb"), not on another's
    assert "8 000 kronor" in search(conn, "Vad kostar ett introduktionsjobb för arbetsgivaren?", emb)[0].text
    assert search(conn, "Vad kostar ett månadskort för arbetsgivaren?", emb) == []


def test_a_passage_holding_the_rare_terms_is_shown_weak_without_the_focus(corpus):  # noqa: F811
    conn, emb = corpus
    # "Fontänhuset" is in one passage (a rare term): it stays shown, but not as an answer
    hits = search(conn, "Vad kostar förskolan för Fontänhuset?", emb)
    assert hits and all(h.confidence == "weak" for h in hits) and "Fontänhuset" in hits[0].text
    # naming the partnership, it is shown; its "8 000 kronor per månad" are an introduktionsjobb's,
    # not in the sentence on the partnership, so it is not trusted either (round 10: figure_beside)
    hits = search(conn, "Vad kostar partnerskapet med Fontänhuset?", emb)
    assert hits and hits[0].confidence == "weak" and "Fontänhuset" in hits[0].text


def test_the_focus_may_stand_in_the_passage_just_before(db_path: Path):
    # a chunk border cuts the figure from the heading that says what it is of
    filler = ("Lokalerna ska ge plats för sex avdelningar och ett tillagningskök. "
              "Byggnaden uppförs i trä och ska certifieras enligt Miljöbyggnad silver. ") * 7
    text = ("Hyran för Stadsskogens förskola\n" + filler + "\n\n"
            + "Den tillkommande kostnaden beräknas till 2,4 miljoner kronor per år från 2027. " * 4)
    conn = open_db(db_path)
    for d in [*DOCS, report("lokaler.pdf", [text], Metadata("Lokalförsörjning", "Alingsås", "Kommunstyrelsen",
                                                               "tjansteskrivelse", "2026-03-01"))]:
        with transaction(conn):
            replace_document(conn, d)
    emb = FakeEmbedder()
    index_corpus(conn, emb)
    store = as_store(conn)

    def focus_ok(query: str) -> dict[str, bool]:
        ranked, terms = rank(store, query, emb, store.resolve_filters())
        ranked, rows, _q = evidence(store, query, ranked, terms)
        return {rows[r.chunk_id]["text"][:12]: r.focus_ok for r in ranked}

    held = focus_ok("Vad kostar hyran för Stadsskogens förskola?")
    assert held["Hyran för St"] and held["Den tillkomm"]  # the figure, by its heading
    assert not held["Anställning "]  # a cost of something else
    assert not focus_ok("Vad kostar en tågresa?")["Den tillkomm"]
    conn.close()


def test_what_states_the_kind_of_answer_asked():
    people = read_question("Vilka ledamöter i kommunfullmäktige röstade nej till budgeten 2024?")
    assert people.people and not read_question("Vem beslutade om budgeten?").people
    vote = ("Omröstningen utfaller med 43 Ja mot 29 Nej. Ja för bifall till kommunstyrelsens förslag. "
            "Hur var och en röstar framgår av bilaga 7.")
    assert not states_kind(people, vote)  # the vote, but who voted is in an appendix
    assert states_kind(people, vote + "\nNej röstade Anna Berg (S) och Olle Ek (M).")
    body = vote + " Kommunstyrelsen föreslog bifall."
    assert states_kind(read_question("Vem beslutade om budgeten?"), body)  # a body may be the "who"
    assert not states_kind(people, body)  # but not "Vilka ledamöter"
    assert states_kind(read_question("Vem reserverade sig?"), "Vänsterpartiet reserverar sig mot beslutet.")
    count = read_question("Hur många platser får förskolan i centrum?")
    assert not states_kind(count, "Fler platser i förskolan behövs.")
    assert states_kind(count, "Förskolan utökas med 120 platser.")
    assert states_kind(count, "Fyra av åtta rekommendationer har omhändertagits.")  # written out
    when = read_question("När kontrollerades loggningen senast?")
    assert states_kind(when, "Den senaste kontrollen av loggningen år 2019 visade på brister.")
    assert states_kind(when, "Loggningen kontrollerades den 3 mars.")
    assert not states_kind(when, "Loggningen visade på brister.")
    assert states_kind(read_question("förskoleplatser i centrum"), "Inget tal här.")  # nothing asked


def test_a_passage_not_stating_what_is_asked_is_not_an_answer(corpus):  # noqa: F811
    conn, emb = corpus
    store = as_store(conn)
    query = "Vilka ledamöter reserverade sig mot förskoleplatser i centrum?"
    ranked, terms = rank(store, query, emb, store.resolve_filters())
    ranked, rows, _q = evidence(store, query, ranked, terms)
    by_text = {rows[r.chunk_id]["text"][:20]: r for r in ranked}
    v = by_text["Reservation\n\nVänster"]
    assert not v.stated  # "Vänsterpartiet reserverar sig": no one by name
    assert by_text["Yrkanden\n\nHelena Nor"].stated  # "Helena Norin (MP), …"
    shown = {r.chunk_id: r.confidence for r in judge(ranked, CALIBRATIONS["fake-hash"], mode="hybrid")}
    # round 9: not shown at all: no one is named in it, nor in the passages beside it (§ 18's
    # Beslut); before, it was shown as a weak match because it holds most of the query
    assert v.chunk_id not in shown and not v.stated_near
    assert judge([replace(v, stated=True, stated_near=True)], CALIBRATIONS["fake-hash"], mode="hybrid")[0].confidence == "high"
    # asked "Vem …", a party is an answer: the same passage states it
    query = "Vem reserverade sig mot förskoleplatser i centrum?"
    ranked, terms = rank(store, query, emb, store.resolve_filters())
    ranked, rows, _q = evidence(store, query, ranked, terms)
    assert next(r for r in ranked if r.chunk_id == v.chunk_id).stated


@pytest.mark.parametrize(("query", "expected"), [
    # issue 11: the degree word after "hur" asks how much, the answer holds a figure
    ("Hur stor andel av tolkarna är auktoriserade?", ["andel", "tolkarna", "auktoriserade"]),
    ("Hur stort kommunbidrag får stadsrevisionen 2024?", ["kommunbidrag", "stadsrevisionen", "2024"]),
    ("Hur hög frisknärvaro ska kommunen ha?", ["frisknärvaro", "kommunen"]),
    ("Hur ofta följer Göteborg Energi upp sina bilar?", ["följer", "göteborg", "energi", "bilar"]),
    ("Hur jämn var omröstningen om Higabs köp?", ["omröstningen", "higabs", "köp"]),
    ("hur långt i förväg beställa vikarie", ["förväg", "beställa", "vikarie"]),
    ("hur manga finansiella mal uppfylldes", ["finansiella", "mal", "uppfylldes"]),  # typed without å
    ("hur pass stor är skulden", ["skulden"]),
])
def test_a_degree_word_after_hur_is_no_query_term(query: str, expected: list[str]) -> None:
    assert [t.word for t in query_terms(query)] == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("Vad händer med en ny tågstation i Brålanda?", ["ny", "tågstation", "brålanda"]),
    ("Vad har hänt med motionen om nattvandring?", ["motionen", "nattvandring"]),
])
def test_a_verb_of_happening_after_vad_is_no_query_term(query: str, expected: list[str]) -> None:
    assert [t.word for t in query_terms(query)] == expected


@pytest.mark.parametrize(("query", "expected"), [
    # the same words as the thing asked stay: a name, a place, a word later in the question
    ("Hur stor är Storsjön?", ["storsjön"]),
    ("Hur stor är stora scenen?", ["stora", "scenen"]),
    ("Hur högt ligger Höga kusten?", ["ligger", "höga", "kusten"]),
    ("Hur många elever går i högstadiet?", ["elever", "högstadiet"]),
    ("Hur ofta händer det att stora bilar kör?", ["händer", "stora", "bilar", "kör"]),
    ("Hur mycket lägre blir kostnaden?", ["lägre", "kostnaden"]),  # "2 mkr lägre" is said
    ("HUR STOR ÄR SKULDEN", ["skulden"]),
    # the answer says what a thing means: "Förslaget innebär att räntepåslaget höjs"
    ("Vad innebär räntepåslaget?", ["innebär", "räntepåslaget"]),
])
def test_a_frame_word_stays_where_it_is_the_thing_asked(query: str, expected: list[str]) -> None:
    assert [t.word for t in query_terms(query)] == expected


def test_a_passage_fits_every_place_the_question_names():
    """Issue 11, dev10 near miss shown weak: "vem sitter för malmö i tolkförmedling västs
    direktion" and the förbund's own report, which never names Malmö (not a member): one place
    that fits is not enough where the document never names the other."""
    q = read_question("vem sitter för malmö i tolkförmedling västs direktion", ["Tolkförmedling Väst", "Göteborg"])
    assert len(q.places) == 2
    row = {"municipality": "Tolkförmedling Väst", "org_kind": "kommunalforbund", "document_id": 7,
           "text": "Förbundet styrs av en direktion bestående av ledamöter från respektive medlemskommun.",
           "context": ""}
    assert not place_consistent(q, row, lambda p, doc: "Tolkförmedling Väst" in p.names)
    # its report naming the town (a member's representative) fits both
    assert place_consistent(q, row, lambda p, doc: True)
    assert place_consistent(q, {**row, "text": row["text"] + " Malmö representeras av Anna Svensson."},
                            lambda p, doc: "Tolkförmedling Väst" in p.names)
