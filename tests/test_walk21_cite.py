"""Walk 21 (docs/walks/twenty-first-session-cite.md): an officer drafting a yttrande pastes a
quote and its reference. A passage opens with its section heading, a line of its own on the page;
the cite pack and the basket put the passage on one line, so the heading read as the quote's first
word: "”Reservation Thomas Thim (M) … lämnar följande skriftliga reservation: …”" (Alingsås BUN
2026-06-16 § 44 p. 10). The heading is left out, and the footnote's range starts at the quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed, protocol

from namndkoll.search import search
from namndkoll.search.cite import citation_pack_csv, citation_pack_markdown, quoted
from namndkoll.types import Metadata


@pytest.mark.parametrize("text, quote", [
    ("Reservation\nThomas Thim (M) och Karin Josefsson (L) lämnar följande skriftliga reservation:\nVi reserverar oss.",
     "Thomas Thim (M) och Karin Josefsson (L) lämnar följande skriftliga reservation:\nVi reserverar oss."),
    ("Beslut\nKompetensförsörjningsplanen antas med följande ändring:\nMålet ska vara 66,6 %.",
     "Kompetensförsörjningsplanen antas med följande ändring:\nMålet ska vara 66,6 %."),
    ("Expedieras till\nBarn- och ungdomsförvaltningen", "Barn- och ungdomsförvaltningen"),
    # a § line, its title and the first section's heading (AVRF 2026-04-17 § 10)
    ("§ 10 2026.031 AVRF\nBudget 2027 och ramar 2028-2029\nÄrendebeskrivning\nFastställande av budget 2027.",
     "Fastställande av budget 2027."),
    # a heading that says whose words follow, or that a proposal follows, stays
    ("Beslut\nKommunfullmäktiges beslut:\nBudgeten fastställs.", "Kommunfullmäktiges beslut:\nBudgeten fastställs."),
    ("Arbetsutskottets förslag till beslut:\nNämnden godkänner uppföljningen.",
     "Arbetsutskottets förslag till beslut:\nNämnden godkänner uppföljningen."),
    ("Förslag till beslut\nKommunstyrelsen beslutar att avslå motionen.",
     "Förslag till beslut\nKommunstyrelsen beslutar att avslå motionen."),
    # nothing else to quote, or the heading ends a page: as it is
    ("Beslut\n", "Beslut\n"),
    ("Beslut\f\nNämnden beslutar enligt förslaget.", "Beslut\f\nNämnden beslutar enligt förslaget."),
    ("Vi bedömer att räkenskaperna i allt väsentligt är rättvisande.",
     "Vi bedömer att räkenskaperna i allt väsentligt är rättvisande."),
])
def test_the_quote_leaves_out_the_headings_it_opens_with(text: str, quote: str) -> None:
    got, start = quoted(text, 100)
    assert got == quote
    assert start == 100 + len(text) - len(quote)  # where the quote begins in the document


def test_a_tables_passage_is_quoted_as_it_is() -> None:
    text = "Beslut\nEn produkt · Nuvarande fast årlig avgift · 1500 kr"
    assert quoted(text, 0, "table") == (text, 0)


MD = Metadata("Protokoll", "Alingsås", "Barn- och ungdomsnämnden", "protokoll", "2026-06-16")
BUN = ("§ 44 2026.156 BUN\nKompetensförsörjningsplan\nBeslut\nKompetensförsörjningsplanen antas.\nReservation\n"
       "Thomas Thim (M) och Karin Josefsson (L) lämnar följande skriftliga reservation:\n"
       "Vi reserverar oss mot målvärdet för andelen förskollärare.\n")


def test_cite_pack_and_basket_quote_the_reservation_without_its_heading(db_path: Path) -> None:
    from namndkoll import api

    doc = protocol("bun-2026-06-16.pdf", [BUN], MD)
    with indexed(db_path, [doc]) as (conn, emb):
        hits = search(conn, "reserverar målvärdet förskollärare", emb, limit=5, mode="keyword")
        hit = next(h for h in hits if h.section == "reservation")
        md = citation_pack_markdown([hit])
        (row,) = __import__("csv").DictReader(citation_pack_csv([hit]).splitlines())
    assert "> ”Thomas Thim (M) och Karin Josefsson (L) lämnar följande skriftliga reservation:" in md
    assert "”Reservation" not in md and not row["quote"].startswith("Reservation")
    start = doc.text.index("Thomas Thim")
    assert f"tecken {start}–{hit.end}." in md and int(row["start"]) == start
    (entry,) = api.basket_items([f"c{hit.chunk_id}"], db=db_path)
    assert entry["quote"].startswith("Thomas Thim (M)") and entry["start"] == start
    assert entry["citation"] == hit.citation == row["citation"]


@pytest.mark.parametrize("title, kind", [
    ("Revisionsberättelse för år 2025", "revisionsberättelse"),
    ("REVISIONSBERÄTTELSE 2024", "revisionsberättelse"),
    ("Revisionsplan 2026", "revisionsplan"),
    ("Uppföljande granskning av revisionsrapporter från 2023", "revisionsrapport"),
    (None, "revisionsrapport"),
])
def test_an_auditors_document_is_cited_by_what_it_is(title: str | None, kind: str) -> None:
    """Walk 21: Tolkförmedling Väst's "Revisionsberättelse för år 2025" was cited "Revisorerna,
    Tolkförmedling Väst, revisionsrapport 2026-04-08, s. 1": the type files a revisionsberättelse
    with the auditors' reports, and the reference named the type."""
    from namndkoll.search.cite import format_citation

    md = Metadata(title, "Tolkförmedling Väst", "Revisorerna", "revisionsrapport", "2026-04-08")
    assert format_citation(md, item=None, page=1, page_end=1) == \
        f"Revisorerna, Tolkförmedling Väst, {kind} 2026-04-08, s. 1"
