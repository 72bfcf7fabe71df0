"""Openings of bodies the fifth batch of bench/openings.json brought (dev5): a valnämnd's notice
("Protokollet, som justerats den ...", "Valnämnden har haft sammanträde den 5 mars 2014"); the
notice of adjustment on a page of its own naming the kommun before its body ("Organ Hässleholms
kommun, Miljönämnden"); a förbund's protocol headed by its meeting ("Valdirektionsmöte Protokoll
230118", "Tid: 20230118"); a landsting council's "PROTOKOLL" in capitals; a news article's byline;
"Allmänna utskottet" and a kommun known by its officers only; a party's motion to "fullmäktige"
that cites "länstyrelsen". Lines adapted from real records (Laholm, Hässleholm, Södra Lapplands
Gymnasieförbund, Landstinget Sörmland, Samordningsförbundet Roslagen, Strängnäs, Vaxholm)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_valnamnds_notice_gives_type_and_meeting_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Valnämnden Sammanträdesdatum Ärendelista 18 Utbildning av röstmottagare vid 2014 års val",
                           "19 Principer för rekrytering av röstmottagare 20 Övriga frågor",
                           "Laholms kommun Anslagsbevis Valnämnden har haft sammanträde den 5 mars 2014",
                           "Protokollet, som justerats den 7 mars 2014 finns tillgängligt i Stadshuset,",
                           "Humlegången 6, Laholm Kommunledningskontoret Lena Boström Kommunsekreterare"]])
    assert md.doc_type == "protokoll"
    assert md.date == "2014-03-05"  # the meeting's, not the adjustment's 7 March
    assert (md.municipality, md.committee) == ("Laholm", "Valnämnden")


def test_the_notice_on_its_own_page_names_the_kommun_before_the_body(tmp_path: Path) -> None:
    front = ["(1)", "Plats och tid Sammanträdesrum 1, Stadshuset, kl 14.00 – 15.40", "Beslutande",
             "Ledamöter Agne Nilsson (C), ordförande", "Camilla Lindoff (S), 2:e vice ordförande",
             "Greger Johnsson (S) Magnus Härbst (SD) Bo Eklund (M)", "Övriga närvarande",
             "Ersättare Eskil Johannesson (FV)", "Tjänstemän Sven-Inge Svensson, miljöchef",
             "Utses att justera Greger Johnsson", "Justeringens plats, tid Miljökontoret, torsdagen den 27 september",
             "Justerade paragrafer §§ 101 - 115", "Underskrift Sekreterare", "Lisbet Sällström", "Ordförande",
             "Agne Nilsson", "Justerare", "Greger Johnsson"]
    notice = ["Anslag / Bevis", "Protokollet är justerat", "Justeringen har tillkännagivits genom anslag",
              "Organ Hässleholms kommun, Miljönämnden", "Sammanträdesdag 2012-09-26",
              "Datum då anslaget sätts upp", "2012-09-27"]
    md = _read(tmp_path, [front, notice])
    assert md.committee == "Miljönämnden"
    assert (md.municipality, md.doc_type) == ("Hässleholm", "protokoll")


def test_a_forbunds_protocol_headed_by_its_meeting_and_a_compact_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Södra Lapplands Gymnasieförbund", "Protokoll", "Valdirektionsmöte Protokoll 230118",
                           "Södra Lapplands Gymnasieförbund", "Tid: 20230118 9.00-10.00", "Plats: Microsoft Teams",
                           "Kallade", "Vilhelmina kommun", "Ordinarie", "Viveka Abramsson (S)", "Storumans kommun",
                           "Ordinarie", "Peter Åberg (S)", "Anders Persson (C)"]])
    assert md.org_kind == "kommunalforbund"
    assert md.committee == "Direktionen"
    assert md.date == "2023-01-18"


def test_protokoll_in_capitals_beside_the_body_and_the_meeting(tmp_path: Path) -> None:
    md = _read(tmp_path, [["LANDSTINGET SORMLAND. Sammanträde med landstingsstyrelsens Lanspensionarsråd.",
                           "Landstingsstyrelsen PROTOKOLL. 14 december",
                           "1 Landstingsstyrelsen HANDLAGGARE Lena Stengaard, LS-LED11-O12 PROTOKOLL Sammanträde med",
                           "landstingsstyrelsens Lanspensionarsråd Datum: Plats: Ledamöter: Ersättare: Sekreterare:",
                           "Britta Bergström (S) ordf Ingrid Nyhlén Brege (M) vice ordf"]])
    assert md.doc_type == "protokoll"
    assert md.org_kind == "region"
    # an agenda's item about a protocol stays an item
    md = _read(tmp_path, [["Kallelse till kommunstyrelsen", "1 Val av justerare", "2 Protokoll från föregående möte",
                           "3 Budget 2024"]])
    assert md.doc_type == "other"


def test_a_news_articles_byline_makes_it_a_note(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Styrelsesammanträdet 2022-09-21", "Artikeln är skriven av Sophia Dahlgren, Förbundschef",
                           "Förbundet hade ett styrelsesammanträde den 21 september. Här kan du läsa en kort",
                           "summering om vilka beslut som togs och vilka uppdrag som gavs.",
                           "Styrelsen beslutade att skriva en viljeinriktning om att Samordningsförbundet avser:"]])
    assert (md.doc_type, md.kind) == ("other", "pressmeddelande")
    assert md.date == "2022-09-21"


def test_allmanna_utskottet_of_a_kommun_known_by_its_officers(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1(36) Allmänna utskottet Plats och tid Kommunledningskontoret, Pyramiden, kl",
                           "Beslutande Ledamöter Se bilagd förteckning Ersättare, ej tjänstgörande Thomas Lönn (S)",
                           "Övriga närvarande Kommunchef Tommy Henningsson Nämnd- och utredningssekreterare",
                           "Malin Bergkvist Justerare Katja Ollila (V) Justeringens plats och tid",
                           "Kommunledningskontoret Underskrifter Sekreterare Paragrafer 1-15 Malin Bergkvist",
                           "ANSLAG/BEVIS Protokollet är justerat. Organ Allmänna utskottet Sammanträdesdatum"]])
    assert md.committee == "Allmänna utskottet"
    assert md.org_kind == "kommun"
    assert md.municipality is None


def test_a_partys_motion_to_fullmaktige_is_the_kommuns(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Motion om att öka antalet ledamöter i fullmäktige från 31 till 41",
                           "Vaxholms befolkning ökar och i kommuner över 10 000 medborgare är det brukligt att öka",
                           "antalet ledamöter i fullmäktige som representerar de boende till 41.",
                           "Vänsterpartiet yrkar att",
                           "kommunen går till länstyrelsen och begär att fullmäktiges ledamöter vid nästa val ökas."]])
    assert md.doc_type == "motion"
    assert md.committee == "Kommunfullmäktige"  # not the state's "länstyrelsen"
    assert md.org_kind == "kommun"
