"""Figures in Swedish text: amounts in SEK, counts with the counted noun, percents — and the
numbers that are never figures (years, dates, §, dnr, page and phone numbers, clock times)."""

from __future__ import annotations

import pytest

from namndkoll.extract.figures import (
    find_figures,
    iter_figures,
    lemma,
    normalize_spaces,
    sentence_around,
)
from namndkoll.types import Document, Metadata, Page, Table, with_offsets


def figures(text: str) -> list[tuple[str, float, str]]:
    t = normalize_spaces(text)
    return [(kind, round(value, 2), unit) for _s, _e, kind, value, unit, _q, _p, _to in iter_figures(t)]


@pytest.mark.parametrize(("text", "value"), [
    ("en besparing på 1 550 t kr.", 1_550_000),
    ("vilket motsvarar 732 tkr för året", 732_000),
    ("tilläggsanslaget på 24 mkr för försörjningsstöd", 24_000_000),
    ("ett underskott på 1,5 mnkr", 1_500_000),
    ("Minskat utbetalt försörjningsstöd 12 000 000 kr", 12_000_000),
    ("en kostnad med cirka 8 000 kronor per månad", 8_000),
    ("investeringen om 3,2 miljoner kronor", 3_200_000),
    ("nya skolor för 2 miljarder.", 2_000_000_000),
    ("lånetaket höjs till 1 800 mnkr år 2023", 1_800_000_000),
    ("höjt kommunbidrag på 60 000 tkr för 2023", 60_000_000),
    ("ett bidrag om 500 000 SEK", 500_000),
    ("avgiften är 350 kr/mån", 350),
    ("133,8 mnkr fördelas enligt nedan", 133_800_000),
    ("drygt 1,2 mdkr", 1_200_000_000),
    ("1\u00a0500\u00a0000 kr", 1_500_000),  # NBSP
    ("1\u202f500\u2009000 kr", 1_500_000),  # narrow NBSP and thin space
    ("tre miljoner kronor", 3_000_000),
])
def test_amounts_are_normalised_to_sek(text, value):
    assert figures(text) == [("amount", value, "SEK")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("en minskning med tre tjänster, vilket", 3, "tjänst"),
    ("en minskning med fem platser bedöms möjlig", 5, "plats"),
    ("behovet är 9,5 ekonomihandläggare", 9.5, "ekonomihandläggare"),
    ("minskning av 5 OSA-platser", 5, "plats"),
    ("en minskning med 5 OSA-anställningar kan", 5, "anställning"),
    ("minst 200 anställningar med stöd i kommunen", 200, "anställning"),
    ("närmare 200 hushåll har fått", 200, "hushåll"),
    ("ca 70 ärenden per tjänst", 70, "ärende"),
    ("att 200 lundabor erbjuds praktik", 200, "lundabo"),
    ("minskning med  3 \n\narbetsmarknadskonsulenter och", 3, "arbetsmarknadskonsulent"),
    ("stadens 55 000 anställda", 55_000, "anställd"),
    ("600 nya trygghetslägenheter under perioden", 600, "trygghetslägenhet"),
    ("fastställs till 10 ordinarie ledamöter", 10, "ledamot"),
    ("De fyra socialnämnderna utifrån", 4, "socialnämnd"),
    ("Tolv elever saknar betyg", 12, "elev"),
    ("drygt 4 miljoner besökare", 4_000_000, "besökare"),
    ("fördelas på 3 mandat", 3, "mandat"),
    ("i delområde 4 planeras 120 bostäder", 120, "bostad"),
    ("skolan har 12 lärare och", 12, "lärare"),
    ("Tolkförmedlingen har 320 tolkar anställda", 320, "tolk"),
])
def test_counts_carry_the_counted_nouns_lemma(text, value, unit):
    assert figures(text) == [("count", value, unit)]


@pytest.mark.parametrize(("text", "value"), [
    ("ca 20 procent av alla", 20),
    ("(100 % ökning jämfört med nuläge)", 100),
    ("cirka en procent av alla anställda", 1),
    ("omkring fem procent av alla barn", 5),
    ("internräntan är 2,75 procent.", 2.75),
    ("lösningsgraden 87,5% i mars", 87.5),
])
def test_percents(text, value):
    assert figures(text) == [("percent", value, "%")]


@pytest.mark.parametrize("text", [
    "Vid slutet av år 2021 bedöms",
    "Under 2021 klargöra hur samverkan kan utformas",
    "Från och med 2021 ska socialförvaltningen",
    "Budget 2023 kommunstyrelsen",
    "sammanträdet den 13 april 2016 socialförvaltningen",
    "SO tjänsteskrivelse 2021-01-12 (denna skrivelse)",
    "Vid årskiftet 2021/2022 ska det",
    "för åren 2021-2023 där parterna",
    "dnr SO 2020/0129",
    "Diarienummer KS 2023/512",
    "AMN 2020-0104-1.4",
    "§ 9 Beslut",
    "§§ 9-12 justeras",
    "enligt 4 kap. 2 § kommunallagen",
    "1. Arbetsmarknadskonsulentens inriktning",
    "2) Praktik",
    "Sida 3 (14)",
    "protokoll 22 (74)",
    "Stadsrevisionens rapport nr 1/2020 visar",
    "Tel. 031-368 00 00",
    "telefon 08-508 290 00",
    "Storgatan 12 i Lund",
    "Box 1234, 412 96 Göteborg",
    "på Stadshuset, Gustaf Adolfs Torg 1, torsdagen",
    "klockan 16:30.",
    "mötet börjar kl. 18.00 i salen",
    "cirka 29 månader på Arbetsförmedlingen",
    "90 dagar efter avslutad etableringsperiod",
    "inom 20 kalenderdagar från beslutet",
    "enligt punkt 4 ovan",
    "18 till 24- enheten",
    "efter 2-årsperioden",
    "En alltför stor minskning av antalet",
    "en annan viktig komponent",
    "Omröstningen utfaller med 70 Ja mot 9 Nej.",
    "Fråga 1 Axel Josefson (M) ställer en fråga",
    "bilaga 3 visar",
    "att tilldelningsområde 2 varit öppen för ansökningar",  # an area's number; a verb after it
    "i delområde 4 planeras",
    "antalet har 2025 ökat",
    "utbyggnadsetapp 3 omfattar",
])
def test_non_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(("text", "qualifier", "per"), [
    ("cirka 8 000 kronor per månad", "ca", "månad"),
    ("ca 70 ärenden per tjänst", "ca", "tjänst"),
    ("närmare 200 hushåll", "närmare", None),
    ("minst 200 anställningar", "minst", None),
    ("högst 10 % av projektets budget", "högst", None),
    ("mer än 5 mkr om året", "mer än", "år"),
    ("350 kr/mån", None, "månad"),
    ("1 200 kr per invånare", None, "invånare"),
])
def test_qualifier_and_per(text, qualifier, per):
    [(_s, _e, _k, _v, _u, q, p, _to)] = list(iter_figures(normalize_spaces(text)))
    assert (q, p) == (qualifier, per)


@pytest.mark.parametrize(("word", "base"), [
    ("OSA-platser", "plats"), ("arbetsmarknadskonsulenter", "arbetsmarknadskonsulent"),
    ("lundabor", "lundabo"), ("ärenden", "ärende"), ("hushåll", "hushåll"), ("kvinnor", "kvinna"),
    ("anställda", "anställd"), ("förskolor", "förskola"),
    # the same in the plural, not cut by a tail's or a suffix's rule ("rare" -> "rar", "-er")
    ("lärare", "lärare"), ("förskollärare", "förskollärare"), ("kvadratmeter", "kvadratmeter"),
    # plurals the lookup table reads as verbs or as a compound's stem
    ("bilar", "bil"), ("cyklar", "cykel"), ("tolkar", "tolk"), ("lastbilar", "lastbil"),
])
def test_lemma(word, base):
    assert lemma(word) == base


def _doc(*pages: str, tables: dict[int, list[Table]] | None = None) -> Document:
    tables = tables or {}
    return Document("t.pdf", "0" * 64, with_offsets([Page(i, t, tables=tuple(tables.get(i, ()))) for i, t in
                                                    enumerate(pages, 1)]), Metadata())


def test_figures_carry_page_offsets_quote_and_sentence():
    doc = _doc("Inledning utan siffror.\nBakgrund", "Förvaltningen föreslår en besparing på 1 550 t kr. Nästa mening.")
    [f] = find_figures(doc)
    assert (f.page, f.kind, f.value, f.unit) == (2, "amount", 1_550_000, "SEK")
    assert doc.text[f.start:f.end] == "1 550 t kr" == f.text
    assert f.sentence == "Förvaltningen föreslår en besparing på 1 550 t kr."


def test_sentence_skips_a_heading_line():
    text = "Ekonomiska konsekvenser\nRamen har förstärkts med 24 mkr. Tillägget syftar till"
    s = text.index("24")
    assert sentence_around(text, s, s + 6) == "Ramen har förstärkts med 24 mkr."


def test_table_cells_scaled_by_header_with_row_and_column():
    table = Table(1, (
        ("", "Belopp i mnkr", "Period", ""),
        ("", "", "Utfall", "Budget"),
        ("", "Intäkter", "373,6", "375,7"),
        ("", "Kostnader", "-360,5", "−382,1"),
        ("", "Resultat", "-", "0"),
    ))
    figs = find_figures(_doc("Resultatredovisning i sammandrag", tables={1: [table]}))
    got = {(f.text, f.value) for f in figs}
    assert all(f.table and f.kind == "amount" and f.unit == "SEK" and f.page == 1 for f in figs)
    assert ("Intäkter | Period | Utfall: 373,6", 373_600_000) in got
    assert ("Kostnader | Period | Budget: −382,1", -382_100_000) in got
    assert ("Resultat | Period | Budget: 0", 0) in got
    assert len(figs) == 5  # "-" is no value


def test_table_counts_percents_and_explicit_units():
    table = Table(1, (
        ("Anställning med stöd", "Antal", "Andel %", "Kostnad för kommunen"),
        ("Extratjänst", "100", "40", "12 000 000 kr"),
        ("Introduktionsjobb", "150", "60", "9 600 000 kr"),
    ))
    figs = find_figures(_doc("Tabellen nedan", tables={1: [table]}))
    got = sorted((f.kind, f.value, f.unit) for f in figs)
    assert got == sorted([("count", 100, "extratjänst"), ("count", 150, "introduktionsjobb"),
                          ("percent", 40, "%"), ("percent", 60, "%"),
                          ("amount", 12_000_000, "SEK"), ("amount", 9_600_000, "SEK")])


def test_table_without_units_gives_no_figures():
    table = Table(1, (("Mått", "2025", "2026"), ("Index", "101", "104")))
    assert find_figures(_doc("Tabell", tables={1: [table]})) == ()


def test_table_text_also_in_body_is_counted_once():
    body = "Kostnad\nExtratjänst 12 000 000 kr"
    table = Table(1, (("Anställning", "Kostnad"), ("Extratjänst", "12 000 000 kr")))
    figs = find_figures(_doc(body, tables={1: [table]}))
    assert [(f.value, f.table) for f in figs] == [(12_000_000, True)]
