"""Decisions on excerpts of other municipalities' protocols (public documents, upphovsrättslagen
9 §): Lomma 2025 (rules of underscores, "Bilaga." lines, an initiative printed after the §),
Kungsbacka 2024 (yrkanden under "Förslag till beslut på sammanträdet", Beslut paragraphs without
blank lines) and Alingsås 2026 (a date inside the decision is not the date of deciding)."""

from __future__ import annotations

from namndkoll.extract.decisions import find_decisions
from namndkoll.types import Document, Item, Metadata, Page, with_offsets


def make_doc(text: str, **md: object) -> Document:
    from namndkoll.ingest.structure import find_items

    pages = with_offsets([Page(i + 1, t) for i, t in enumerate(text.split("\f"))])
    items: tuple[Item, ...] = find_items("\f".join(p.text for p in pages), pages)
    return Document("test.pdf", "0" * 64, pages, Metadata(**md), items)  # type: ignore[arg-type]


LOMMA_KF_35 = """KF § 35 KS/2025:77
Markförvärv del av Lomma Fjelie 2:12
Ärendebeskrivning
Kommunen har förhandlat fram en överenskommelse om fastighetsreglering.
Beslut
Kommunfullmäktige beslutar
att godkänna förslag till ansökan och överenskommelse om fastighetsreglering
avseende fastigheten Lomma Fjelie 2:12 för en ersättning om 4,75 mnkr,
att finansiera del av markförvärvet genom en belastning av rörelsekapitalet.
Bilaga.
_________________________________
Beslutet expedieras till:
Kommunstyrelsen
"""


def test_a_rule_of_underscores_and_an_attachment_line_end_the_clauses() -> None:
    [d] = find_decisions(make_doc(LOMMA_KF_35, date="2025-06-05", committee="Kommunfullmäktige"))
    assert d.item == "§ 35" and d.status == "decided" and d.date == "2025-06-05"
    assert d.clauses == (
        ("att godkänna förslag till ansökan och överenskommelse om fastighetsreglering avseende "
         "fastigheten Lomma Fjelie 2:12 för en ersättning om 4,75 mnkr"),
        "att finansiera del av markförvärvet genom en belastning av rörelsekapitalet",
    )
    assert "____" not in d.text and "expedieras" not in d.text


LOMMA_SN_82 = """SN § 82
Nämndinitiativ om att följa upp omläggningen från kommunresor till färdtjänst
Ärendebeskrivning
Ida Alm (L) inkommer med följande nämndinitiativ.
Beslut:
- Socialnämnden beslutar att avslå nämndinitiativet.
\fNämndinitiativ från Ida Alm (L) – följ upp omläggning från kommunresor till
färdtjänst
Socialnämnden har tidigare beslutat om att transport till dagverksamhet skulle läggas om.
"""


def test_a_listed_decision_ends_where_the_next_page_starts_something_else() -> None:
    [d] = find_decisions(make_doc(LOMMA_SN_82, date="2025-10-07", committee="Socialnämnden"))
    assert d.clauses == ("Socialnämnden beslutar att avslå nämndinitiativet",)
    assert d.page == 1


LOMMA_KF_36 = """KF § 36 KS/2025:80
Avveckling av förskolelokaler
Beslut
Kommunfullmäktige beslutar
- att samhällsbyggnadsnämndens budget för år 2025 utökas med 3 700 tkr,
- att finansiering av ovanstående sker genom en minskning av resultatet med 3 700 tkr.
\f- att finansiering av avvecklingskostnader som avser 2026 hanteras i budgetprocessen.
_________________________________
"""


def test_a_clause_at_the_top_of_a_page_is_a_clause_of_its_own() -> None:
    [d] = find_decisions(make_doc(LOMMA_KF_36, date="2025-06-05", committee="Kommunfullmäktige"))
    assert len(d.clauses) == 3
    assert d.clauses[2] == "att finansiering av avvecklingskostnader som avser 2026 hanteras i budgetprocessen"


KUNGSBACKA_FG_39 = """§ 39 Dnr FG-2024-00186
Anpassning av pedagogisk omsorg i Pedagogiskt område Söder
Beslut
Nämnden för Förskola & Grundskola beslutar i enlighet med förslag om avslut av
Dagbarnvårdar-verksamheten i Åsa och att verksamheten ska återupptas så snart
förutsättningar finns.
Avveckling sker i och med vårterminens slut 2024.
Sammanfattning av ärendet
Dagbarnvårdar-verksamheten i Åsa avslutas i och med vårterminens slut 2024.
Beslutsunderlag
FG Ledning tjänsteskrivelse – 2024-03-20
Förslag till beslut på sammanträdet
Peter Lundin (C) yrkar bifall till liggande förslag men att verksamheten ska
återupptas så snart förutsättningar finns. Susanne Andersson (SD) yrkar avslag
till liggande förslag.
Beslutsgång
Ordförande Emanuel Forsell (M) finner att nämnden bifaller Peter Lundins yrkande.
"""


def test_yrkanden_at_the_meeting_are_no_proposed_decision_and_paragraphs_are_clauses() -> None:
    ds = find_decisions(make_doc(KUNGSBACKA_FG_39, date="2024-04-17",
                                 committee="Nämnden för Förskola & Grundskola"))
    assert [d.status for d in ds] == ["decided"]
    assert ds[0].clauses == (
        ("Nämnden för Förskola & Grundskola beslutar i enlighet med förslag om avslut av "
         "Dagbarnvårdar-verksamheten i Åsa och att verksamheten ska återupptas så snart "
         "förutsättningar finns"),
        "Avveckling sker i och med vårterminens slut 2024",
    )


ALINGSAS_SN_38 = """§ 38 2025.145 SN
Delegationsordning 2026
Ärendet har behandlats i socialnämndens arbetsutskott den 10 juni 2026, § 171.
Beslut
Socialnämnden beslutar att reviderad delegationsordning gäller från och med 2026-07-01.
Beslutsunderlag
• §171 SNAU Delegationsordning 2026
"""


def test_a_date_in_the_clause_is_not_the_date_of_the_decision() -> None:
    [d] = find_decisions(make_doc(ALINGSAS_SN_38, date="2026-06-16", committee="Socialnämnden"))
    assert d.date == "2026-06-16" and d.body == "Socialnämnden"


NYKARLEBY_41_42 = """41 § Godkännande av föredragningslistan
Bildningsdirektör/tf välfärdschef Teresia Tötterman-Engströms förslag:
Välfärdsnämnden godkänner föredragningslistan och beslutar om eventuella
tilläggsärenden.
Välfärdsnämndens beslut:
Föredragningslistan godkändes.
\fNKBY/497/12.03.01/2022
42 § Presentation av verksamheten: International Club 2022
Välfärdsnämnden 15.9.2022, 42 §
Bildningsdirektör/tf välfärdschef Teresia Tötterman-Engströms förslag:
Presentationen antecknas för kännedom.
Välfärdsnämndens beslut:
Nämnden tackade ungdomarna för en utmärkt presentation och den
antecknades för kännedom.
"""


def test_the_next_items_case_number_is_no_part_of_a_decision() -> None:
    """A Finland-Swedish protocol (Nykarleby välfärdsnämnd 2022-09-15) writes each §'s case
    number alone above its heading: `namndkoll decisions` quoted § 41's decision as
    "Föredragningslistan godkändes. NKBY/497/12.03.01/2022", the next §'s number."""
    found = find_decisions(make_doc(NYKARLEBY_41_42, date="2022-09-15", committee="Välfärdsnämnden"))
    decided = [d for d in found if d.status == "decided"]
    assert [d.text for d in decided] == [
        "Föredragningslistan godkändes.",
        "Nämnden tackade ungdomarna för en utmärkt presentation och den antecknades för kännedom."]
    assert all("NKBY" not in d.text and all("NKBY" not in c for c in d.clauses) for d in found)
