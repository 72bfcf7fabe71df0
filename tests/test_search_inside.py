"""The second keyword pass inside the best documents (search/hybrid.py, round 8): the word that
finds a passage within its document ("resultat") is in more than 5 % of all passages, so the
first keyword pass leaves it out, and a table row is far from the question for the dense side;
searched again inside the documents the rare terms found, the row reaches the reranker.

Texts: Göteborg's Nämnden för Intraservice, delårsrapport mars 2026 (its result row, as the
PDF's table gives it), and a corpus of other bodies' reports stating a result (made up around the
wording of Göteborg's delårsrapporter), enough of them that "resultat" is a common word."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import hybrid, index_corpus
from namndkoll.search.hybrid import rank, search
from namndkoll.search.plan import fts_terms
from namndkoll.types import Metadata

SUMMARY = (
    "1 Sammanfattning. För delårsrapport för januari-mars är fokusområdena uppföljning av "
    "ekonomi, verksamhet och personal. Nämnden för Intraservice följer upp sina uppdrag från "
    "kommunfullmäktige och kommunstyrelsen, och förvaltningen presenterar ekonomisk information "
    "i sin helhet i bilagan. Nämnden för Intraservice har under perioden arbetat med "
    "införandet av den nya lagen om cybersäkerhet, med översynen av fördelningsnycklar för "
    "gemensamma kostnader och med insamling av information inför budget 2027. Arbetet med "
    "att samordna stadens digitala infrastruktur fortsätter enligt plan och rapporteras i "
    "nästa delårsrapport till kommunstyrelsen. Förvaltningen bedömer att verksamheten i allt "
    "väsentligt bedrivs i enlighet med de mål och den budget som kommunfullmäktige har beslutat. "
    "Personalvolymen har minskat något sedan årsskiftet, främst genom naturliga avgångar, och "
    "sjukfrånvaron ligger på samma nivå som motsvarande period föregående år."
)
ROW = (
    "Resultat 22,5 3,0 19,5 8,6 0 0 0 6,9\n"
    "Resultat · Period Utfall · 22,5 mnkr Resultat · Period Budget · 3,0 mnkr "
    "Resultat · Period Avvikelse · 19,5 mnkr Resultat · Helår Prognos · 8,6 mnkr "
    "Resultat · Helår Budget · 0 mnkr Resultat · Helår Avvikelse · 6,9 mnkr"
)
BODIES = ["Förskolenämnden", "Grundskolenämnden", "Socialnämnden Centrum", "Socialnämnden Nordost",
          "Kulturnämnden", "Idrotts- och föreningsnämnden", "Miljö- och klimatnämnden",
          "Stadsmiljönämnden", "Fastighetsnämnden", "Trafiknämnden", "Byggnadsnämnden",
          "Arbetsmarknadsnämnden"]


def other_report(i: int) -> str:
    body = BODIES[i % len(BODIES)]
    return (f"{body} redovisar ett resultat för perioden på {i + 3},{i % 10} mnkr, och nämnden "
            f"redovisar en prognos för helåret på {i % 7},5 mnkr. Nämnden redovisar resultatet "
            f"per verksamhet i bilaga {i % 5 + 1} till delårsrapporten för mars 2026.")


@pytest.fixture
def store(db_path: Path):
    conn = open_db(db_path)
    docs = [report("intraservice-delarsrapport-2026-mars.pdf", [SUMMARY, ROW],
                   Metadata("Delårsrapport mars 2026", "Göteborg", "Nämnden för Intraservice",
                            "rapport", "2026-04-20"))]
    docs += [report(f"delarsrapport-{i}.pdf", [other_report(i)],
                    Metadata("Delårsrapport mars 2026", "Göteborg", BODIES[i % len(BODIES)], "rapport",
                             "2026-04-20")) for i in range(130)]
    for d in docs:
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, FakeEmbedder())
    yield as_store(conn)
    conn.close()


QUERY = "Vilket resultat redovisar nämnden för Intraservice för januari–mars 2026?"


def _row_id(store) -> int:  # type: ignore[no-untyped-def]
    doc = next(i for i in range(1, 200) if store.chunk_ids(i) and "intraservice" in
               store.chunk_rows(store.chunk_ids(i)[:1])[store.chunk_ids(i)[0]]["source"])
    rows = store.chunk_rows(store.chunk_ids(doc))
    return next(c for c, r in rows.items() if r["text"].startswith("Resultat 22,5"))


def test_the_common_word_is_left_out_of_the_first_pass(store) -> None:  # type: ignore[no-untyped-def]
    ranked, terms = rank(store, QUERY, FakeEmbedder(), store.resolve_filters(), candidates=100)
    kept = {t.word for t in fts_terms(terms, store.chunk_total())}
    assert "intraservice" in kept and "resultat" not in kept
    row = _row_id(store)
    # neither side puts the row among the 50 candidates the reranker sees
    assert row not in {r.chunk_id for r in ranked[:hybrid.RERANK_DEPTH]}


def test_the_row_is_found_inside_the_best_document(store) -> None:  # type: ignore[no-untyped-def]
    row = _row_id(store)
    ranked, _terms = rank(store, QUERY, FakeEmbedder(), store.resolve_filters(), candidates=100,
                          inside=hybrid.INSIDE_DOCUMENTS)
    found = {r.chunk_id: r for r in ranked if r.inside}
    assert row in found and found[row].similarity is not None
    # only the best documents are searched again
    rows = store.chunk_rows(list(found))
    assert len({rows[c]["document_id"] for c in found}) <= hybrid.INSIDE_DOCUMENTS


def test_the_reranker_sees_the_row(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    row = _row_id(store)
    weighed: list[set[int]] = []
    real = hybrid.evidence

    def spy(store_, query, ranked, *args, **kwargs):  # type: ignore[no-untyped-def]
        weighed.append({r.chunk_id for r in ranked})
        return real(store_, query, ranked, *args, **kwargs)

    monkeypatch.setattr(hybrid, "evidence", spy)
    search(store, QUERY, FakeEmbedder(), limit=10)
    monkeypatch.setattr(hybrid, "INSIDE_DOCUMENTS", 0)
    search(store, QUERY, FakeEmbedder(), limit=10)
    assert row in weighed[0] and row not in weighed[1]
    assert len(weighed[1]) == hybrid.RERANK_DEPTH


def test_no_second_pass_without_a_common_word_left_out(store) -> None:  # type: ignore[no-untyped-def]
    ranked, _terms = rank(store, "Intraservice cybersäkerhet", FakeEmbedder(), store.resolve_filters(),
                          candidates=100, inside=hybrid.INSIDE_DOCUMENTS)
    assert not any(r.inside for r in ranked)
