"""Search over other bodies' records (sixteenth session's walk, issue 11): a stance asked of a
matter is not answered by a stance on another §'s matter, and a figure question is not trusted
from an agenda whose only numbers are its items' numbers. Stored passages written for the test
(other words than the walk's pages)."""

from __future__ import annotations

from dataclasses import replace

from test_search import indexed
from test_search_as_shown import judged
from test_search_order import protocol

from namndkoll.corpus import as_store
from namndkoll.search.grounds import without_numbering
from namndkoll.search.hybrid import evidence, rank, search
from namndkoll.search.ranked import Ranked
from namndkoll.types import Document, Metadata, Page, with_offsets

# two §§ of one meeting: a written reservation in § 12 only; § 13 has a yrkande and no reservation
MEETING = """§ 12 2026.40 TEN
Avfallsplan 2026-2030
Ärendebeskrivning
Nämnden ska anta en avfallsplan för perioden med mål för insamling och återvinning.
Beslut
Avfallsplanen antas med den ändring som tekniska nämnden beslutat.
Reservation
Per Ek (M) och Eva Lind (KD) lämnar följande skriftliga reservation: vi reserverar oss mot
beslutet att sänka målet för matavfallets insamling, som vi anser saknar analys av kostnaden.
§ 13 2026.41 TEN
Cykelstrategi för tätorten
Ärendebeskrivning
Förvaltningen har tagit fram en cykelstrategi med nya cykelstråk och fler cykelparkeringar.
Yrkanden
Eva Lind (KD) yrkar bifall till förvaltningens förslag om cykelstrategin.
Beslut
Cykelstrategin antas.
"""
HEADINGS = {"Ärendebeskrivning": "arendet", "Beslut": "beslut", "Reservation": "reservation",
            "Yrkanden": "yrkanden"}


def _items(hits) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [h.item for h in hits]


def test_a_reservation_in_another_paragraph_is_no_answer(tmp_path):
    """Walk, "Vilka reservationer lämnades mot lokalförsörjningsplanen?": the only reservation
    of the meeting, in the § on another plan, was shown (weak) as the answer; § 45 on the plan
    asked holds none. Asked of the plan the reservation is on, it is still the first hit."""
    md = Metadata("Tekniska nämnden protokoll", "Alingsås", "Tekniska nämnden", "protokoll", "2026-05-20")
    with indexed(tmp_path / "ten.db", (protocol("ten-2026-05-20.pdf", MEETING, md, HEADINGS),)) as (conn, emb):
        other = search(conn, "Vilka reservationer lämnades mot cykelstrategin?", emb)
        assert "12" not in _items(other)  # § 12's reservation is on the avfallsplan
        asked = search(conn, "Vilka reservationer lämnades mot avfallsplanen?", emb)
        assert asked and asked[0].item == "12" and "reserverar" in asked[0].text


# a web copy of an agenda (its lines run on) that names the matter and counts nothing, and a
# report that counts it
AGENDA = ("Transkript 1(2) GYMNASIENÄMNDEN BEHANDLADE ÄRENDEN 41 Val av justerare 42 Ändring av "
          "dagordningen 43 Anmälan om skadegörelse på skolgårdarna 45 Elevernas frånvaro - Information "
          "46 Rapporter 47 enligt delegation 48 Budgetuppföljning 31 mars 49 Lokalfrågor i Norrby skola "
          "50 Övriga frågor")
REPORT = ("Uppföljning av tryggheten på skolorna. Under våren anmäldes 14 ärenden om skadegörelse "
          "på skolgårdarna, de flesta under kvällar och helger.")


def _doc(source: str, text: str, title: str, kind: str) -> Document:
    md = Metadata(title, "Alingsås", "Gymnasienämnden", kind, "2025-05-14")
    return Document(source, source, with_offsets([Page(1, text)]), md)


def test_an_agenda_s_item_numbers_count_nothing(tmp_path):
    """Walk, "Hur många ärenden om kränkande behandling anmäldes i Hässleholm?": an agenda page
    whose only numbers are its items' numbers ("93 Begäran …", "95 Anmälan om kränkande
    behandling …") was shown as a sure match (the reranker's decisive first choice, chance 0.75
    against 0.004, cosine 0.843, 0.76 of the keyword weight). With that evidence it is shown
    weak at most; a passage that counts the ärenden, with the same evidence, is trusted."""
    docs = (_doc("agenda.pdf", AGENDA, "Gymnasienämnden protokoll", "protokoll"),
            _doc("rapport.pdf", REPORT, "Uppföljning trygghet", "rapport"))
    query = "Hur många ärenden om skadegörelse anmäldes?"
    with indexed(tmp_path / "gyn.db", docs) as (conn, _emb):
        store = as_store(conn)
        ranked, terms = rank(store, query, None, store.resolve_filters(), mode="keyword")
        ranked, rows, _q = evidence(store, query, ranked, terms)
        by_source = {rows[r.chunk_id]["source"]: r for r in ranked}
        other = Ranked(99, 0.5, 0.80, 9, 9, keywords=0.24, answer=0.004)
        for source in ("agenda.pdf", "rapport.pdf"):
            measured = replace(by_source[source], similarity=0.843, keywords=0.76, answer=0.75, rare=False,
                               dense_rank=0, keyword_rank=0)
            shown = dict(judged([measured, other])).get(measured.chunk_id)
            # the agenda weak or not shown at all (it states no figure: ``absent``)
            assert shown in ({"high"} if source == "rapport.pdf" else {None, "weak"}), (source, shown)


def test_numbering_is_cut_and_counts_stay():
    cut = without_numbering(AGENDA)
    assert "43" not in cut and "47" not in cut and "31 mars" in cut and "1(2)" in cut
    # numbers that do not run as a list stay: counts, a table row, years
    for text in (REPORT, "Antal ärenden 12 Beslut 3 Avslag 1 Bifall 8",
                 "Budget 2024 Utfall 2025 Prognos 2026 Plan 2027"):
        assert without_numbering(text) == text
