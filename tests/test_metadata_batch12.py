"""Openings of the twelfth batch of bench/openings.json (dev12): a styrelse's one utskott named
"Kommunstyrelsens utskott" in the notice's field; a kallelse whose OCR dropped the ä of the body
word ("Socialnamnden kallas härmed till sammanträde"); a company's board meeting on a web page
whose breadcrumb passes through the owning kommun; a förbund's meeting page whose agenda points
end with a period and that names its members "förbundsmedlemmar"; a meeting system's web page that
opens with the skip link and its "Protokollsjustering" point. Lines adapted from real records
(Simrishamn, Hedemora, Stockholm's companies, Sydarkivera, Region Örebro län), set in other
bodies' names where the rule is general."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_kommunstyrelsens_utskott_in_the_notice_field_is_that_utskott_not_the_styrelse(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 (32) Plats och tid Stadshuset, kl 08.30-12.00 Beslutande Eva Lund (M), ordförande",
                           "Per Holm (S) Anna Björk (C) Övriga närvarande Jan Ek, kommundirektör",
                           "Utses att justera Per Holm Justeringens plats och tid Kommunledningskontoret",
                           "Underskrifter Sekreterare Ordförande Justerande Protokollet är justerat.",
                           "Justeringen har tillkännagivits genom anslag ANSLAG/BEVIS Organ Kommunstyrelsens",
                           "utskott Sammanträdesdatum Datum för anslags uppsättande Förvaringsplats för protokollet",
                           "2 Ändring av ärendelistan UTSKOTTETS BESLUT Följande ärende tillkommer på dagens",
                           "ärendelista: 1. Planerad avveckling av fritidsgården (KsUb 412/2011).",
                           "3 Trafiksäkerhetsarbetet i Sjöbo kommun Trafiksamordnaren informerar utskottet"]])
    # the notice names the utskott that met, not the styrelse it belongs to
    assert md.committee == "Kommunstyrelsens utskott"


def test_a_kallelse_whose_ocr_lost_the_body_words_a_names_the_namnd(tmp_path: Path) -> None:
    md = _read(tmp_path, [["BJUVS KOMMUN Socialnamnden Lena Sjö KALLELSE Datum Sida 1(2)",
                           "Socialnamnden kallas härmed till sammanträde tisdag den 12 april 2016 kl 13.00",
                           "i kommunhuset, sammanträdesrum Linden, för att behandla följande ärenden:",
                           "Ärenden 1. Val av justerare 2. Faststallande av dagordning 3. Information",
                           "4. Budgetuppföljning 5. Delgivningar 6. Beslutsanmalan"]])
    # "namnd" is no Swedish word: the OCR dropped the ä of "nämnd"
    assert (md.committee, md.municipality) == ("Socialnämnden", "Bjuv")


def test_a_company_board_meeting_page_is_the_companys_not_the_owning_kommuns(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Din position: Hem > Malmö stad > MKB Fastighets AB > Sammanträde 2012-06-14",
                           "Sammanträde 2012-06-14",
                           "Datum Klockan 08.30 Plats MKB:s kontor, Rönnbladsgatan",
                           "1 Val av justerare",
                           "2 Resultatrapport per april 2012",
                           "3 Beslutsunderlag för nyproduktion av lägenheter i kv Kastanjen",
                           "Närvarande: Ordföranden Anna Lind (s) Vice ordföranden Per Berg (m)",
                           "Verkställande direktören Lars Wik"]])
    # the trail passes through the kommun that owns the company; the company's board met
    assert (md.municipality, md.org_kind) == ("MKB Fastighets AB", "other")


def test_a_kommuns_budget_naming_itself_only_by_its_bare_name_is_that_kommuns(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Tillhör Kommunfullmäktige 112/2019. Budget 2020 Plan",
                           "Budget 2020",
                           "Plan 2021-2022",
                           "Innehåll",
                           "Vision för Tingsryd ... 3",
                           "Driftbudget 2020 jämte plan 2021-2022 ... 18",
                           "Vision för Tingsryd",
                           "Tingsryd skall vara en framgångskommun där befolkningen ökar.",
                           "Kommunen ska präglas av ett lyssnande ledarskap.",
                           "Tingsryd behöver ett tydligt ledarskap och tydliga mål.",
                           "Ansvarig: Eva Falkenberg, ekonomichef. Granskad av Per Falkenberg och Anna Falkenberg."]])
    # no body is named in any of its forms; the kommun's bare name, throughout, is the author's
    # (a person's surname that is another kommun's name, "Eva Falkenberg", names no kommun)
    assert (md.municipality, md.org_kind) == ("Tingsryd", "kommun")


def test_a_forbunds_meeting_page_with_numbered_points_ending_in_a_period_is_its_agenda(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Underlag till ärenden 2019-04-12",
                           "Information om sammanträdet",
                           "Tid: Fredagen den 12 april 2019 kl. 10.00",
                           "Plats: Arkivcentrum, sammanträdesrum, Storgatan 4, Kalmar.",
                           "Ordförande: Eva Lund",
                           "Ärenden",
                           "1. Öppnande av dagens möte.",
                           "2. Upprop.",
                           "3. Godkännande av kungörelse och föredragningslista.",
                           "4. Utseende av justeringspersoner.",
                           "5. Mall för arkivreglemente för förbundsmedlemmar.",
                           "6. Delårsbokslut 2019."]])
    # the meeting's agenda (type "other"), and a förbund's: it names its members "förbundsmedlemmar"
    assert (md.doc_type, md.org_kind) == ("other", "kommunalforbund")


def test_a_meeting_systems_page_opening_with_the_skip_link_and_protokollsjustering_is_other(
        tmp_path: Path) -> None:
    md = _read(tmp_path, [["Hoppa över navigering",
                           "1",
                           "Protokollsjustering",
                           "2. Information om läget inom primärvården",
                           "Region Gävleborg har genomfört en upphandling av hörselhjälpmedel.",
                           "Avtalstiden är från 2024-01-01 till 2026-12-31."]])
    # a meeting's web page: its points, not a report
    assert md.doc_type == "other"
