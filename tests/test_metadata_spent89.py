"""Metadata of the held-out halves of batches 8 and 9 of bench/openings.json, read as dev once they
were run and reported (spent): who wrote a paper as against whom it is sent to, whom it audits and
which members it names; a förbund or company naming itself by a short form; a form footer's
"Upprättad:" date; a body's name a narrow running head wrapped, even mid-word; the body whose §§ a
page carries before the bodies its case speaks of; decisions taken under delegation. Lines adapted
from real records of Alingsås, its räddningstjänstförbund, its housing company, Västra
Götalandsregionen and an audit firm, drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import _pdf
from test_metadata_policy import metadata_of as _read

from namndkoll.ingest import read_document
from namndkoll.ingest.committee import find_committee


def _paged(tmp_path: Path, head: list[str], foot: list[str], bodies: list[list[str]]):
    """Pages that repeat a running head above and a footer below their own lines."""
    pages = [head + [""] + body + [""] * (40 - len(body)) + [f.replace("{n}", str(i + 1)) for f in foot]
             for i, body in enumerate(bodies)]
    return read_document(str(_pdf(tmp_path / "p.pdf", pages))).metadata


_CASE = ["Ärendebeskrivning",
         "Västra Götalandsregionen (VGR) har beslutat att revidera Målbild tåg 2035, inklusive",
         "Västtågsutredningen. Kommunerna ges möjlighet att lämna skriftliga inspel till",
         "Göteborgsregionen (GR). Dialoger kring dokumentet kommer att ske i de delregionala",
         "forumen. VGR och GR samlar inspelen under hösten.",
         "Beredning",
         "Förvaltningen har i skrivelse den 29 maj lämnat följande yttrande:",
         "Det är positivt att VGR gör denna revidering. I samband med kommande utredningar",
         "kommer samhällsplanering att bli viktiga för Alingsås kommun att samverka kring."]


def test_a_page_is_the_body_whose_paragraphs_it_carries_not_the_region_its_case_names(tmp_path: Path) -> None:
    md = _paged(tmp_path, ["Tekniska nämndens", "arbetsutskott", "Protokoll", "2026-06-08"],
                ["Utdragsbestyrkande", "Sida {n} av 2"],
                [["§ 22 2026.117 TEN", "Strategiska vägval storregional kollektivtrafik", *_CASE],
                 ["Beslut", "Arbetsutskottet hänskjuter ärendet till tekniska nämnden utan förslag till beslut.",
                  "Beslutsunderlag", "• Utvärdering av Målbild tåg 2035 inklusive Västtågsutredningen"]])
    # the running head's body (an adjective's nämnd and its utskott), and a kommun's page, not
    # Västra Götalandsregionen's that its case speaks of
    assert md.committee == "Tekniska nämndens arbetsutskott"
    assert md.org_kind == "kommun" and md.municipality in ("Alingsås", None)


def test_a_body_word_the_running_head_cut_mid_word_is_put_back(tmp_path: Path) -> None:
    md = _paged(tmp_path, ["Samhällsbyggnadsnämn", "den", "Protokoll", "2022-10-24"],
                ["Utdragsbestyrkande", "Sida {n} av 2"],
                [["§ 174 2021.527 SBN", "Framtida VA Bjärke", "Ärendebeskrivning",
                  "Alingsås norra kommundel Bjärke, har idag tre lokala vattenverk och ett lokalt gemensamt",
                  "avloppsreningsverk. Samtliga verk börjar komma upp i den åldern då de kräver renovering.",
                  "Arbetsutskottet har behandlat ärendet under sitt sammanträde 17 oktober, § 155."],
                 ["Beslut", "Nämnden beslutar att ge förvaltningen i uppdrag att vidare utreda och projektera",
                  "framtida VA-lösning i form av överföringsledningar från Bjärke till Alingsås.",
                  "Expedieras till", "Lovisa Björnsdotter"]])
    assert md.committee == "Samhällsbyggnadsnämnden" and md.date == "2022-10-24"


def test_a_forbund_officers_yttrande_to_the_kommuns_bygglov_unit_is_the_forbunds(tmp_path: Path) -> None:
    footer = ["Alingsås och Vårgårda Räddningstjänstförbund",
              "Postadress: 441 39 Alingsås, Besöksadress: Tokebackavägen 11",
              "Telefon: 0322-61 60 00", "raddningstjansten@avrf.se", "www.avrf.se"]
    md = _paged(tmp_path, ["Datum: 2026-06-09", "2026-000297"], footer,
                [["Handläggare Bygglovsenheten Alingsås",
                  "Magnus Bredesen bygglov@alingsas.se",
                  "magnus.bredesen@avrf.se malin.thede@alingsas.se",
                  "Yttrande om bygglov för nybyggnad av industribyggnad",
                  "Kommunens diarienummer: 2026-000237",
                  "Fastighet: Gjutaren 23",
                  "Räddningstjänsten har beretts möjlighet att yttra sig i ärendet enligt Plan- och bygglagen",
                  "(2010:900). Vi vill understryka att vårt yttrande utgör ett rådgivande underlag till",
                  "byggnadsnämnden och inte är rättsligt bindande. Beslut om bygglov fattas av",
                  "byggnadsnämnden enligt 10 kap. PBL."],
                 ["Bedömning", "Räddningstjänsten har följande synpunkter:",
                  "• Brandskyddsbeskrivningen ska korrigeras."]])
    # the förbund (its address under its initials, avrf.se), not the kommun it writes to; a
    # statement sent to the kommun's unit, not a report to a body of the förbund's own
    assert (md.municipality, md.org_kind) == ("Alingsås och Vårgårda Räddningstjänstförbund", "kommunalforbund")
    assert md.doc_type == "other" and md.committee is None and md.date == "2026-06-09"


def test_a_forbunds_budget_that_names_itself_by_its_kind_only_is_no_members(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Budget 2027 och ramar 2028 – 2029",
                           "Medlemskommunernas driftbidrag för 2027 uppgår samlat till 90 362tkr. Driftbidraget fördelas",
                           "mellan medlemskommunerna baserat på befolkningens storlek.",
                           "Budgeterat medlemsbidrag för 2027 uppgår till 69 994tkr för Alingsås kommun och 20 367tkr för",
                           "Vårgårda kommun.",
                           "Övergripande information",
                           "PKV 2027 per februari är 3,0% och ger täckning för kostnadsökningar inom ram, förbundet lyfter",
                           "kostnadsökningar utom ram separat.",
                           "Räddningstjänstförbundet",
                           "Budget 2027",
                           "Medlemsbidrag 2026 86 759",
                           "Medlemsbidrag 2027 90 362 Alingsås 69 994"]])
    assert (md.municipality, md.org_kind, md.doc_type) == (None, "kommunalforbund", "other")


def test_a_companys_letterhead_with_its_organisation_number_and_a_form_footers_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Alingsåshem Box 146 441 23 Alingsås www.alingsåshem.se Org.nr 556423-7400",
                           "",
                           "Svar på motion om ”Utreda möjligheten",
                           "till fler bostäder genom inredning av",
                           "vindar i Alingsåshems fastigheter”",
                           "Ärendebeskrivning",
                           "Heidi Hankanen Ängberg (C) lämnar motion om att utreda möjligheten till fler bostäder.",
                           "Kommunledningskontoret har den 19 november begärt yttrande från Alingsåshem AB, att",
                           "besvaras senast den 27 februari.",
                           "Förslag till beslut",
                           "Alingsåshems yttrande antas som bolagets eget.",
                           "",
                           "Dokumenttyp: Motionssvar KF § 228 2025.493 KS Upprättad: 2026-01-28",
                           "Dokumentansvarig: Vd Diarie nr 2026.015 AHAB"]])
    # an aktiebolag's number (5…) beside the name: the company's paper, not its owner kommun's
    assert md.municipality in ("Alingsåshem", "Alingsåshem AB", "AB Alingsåshem") and md.org_kind == "other"
    assert md.date == "2026-01-28"


def test_a_letters_addressees_are_not_its_author(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Lena Arvidsson Datum 2026-05-21",
                           "Processledare",
                           "lena.arvidssson@vgregion.se",
                           "Till:",
                           "Västra Götalandsregionen VGR – Delregional",
                           "nämnd västra",
                           "Kommunstyrelsen Alingsås kommun",
                           "Kommunstyrelsen Lerums kommun",
                           "SAMLA ekonomiska anslag för år 2027",
                           "Bakgrund och syfte",
                           "SAMLA (Vårdsamverkan Lerum och Alingsås) är en samverkansorganisation inom hälsa, och nära",
                           "vård mellan kommunerna Alingsås och Lerum samt Västra Götalandsregionen."]])
    assert md.committee is None and md.doc_type == "other" and md.date == "2026-05-21"


def test_an_audit_report_is_not_the_audited_bodys() -> None:
    lines = ["Grundläggande granskning av kommunstyrelsen och nämnder 2025| Azets",
             "Grundläggande", "granskning av", "kommunstyrelsen och", "nämnder 2025",
             "Rapport", "Alingsås kommun", "2026-04-27"]
    assert find_committee("", lines, "revisionsrapport", org_kind="kommun") is None


def test_a_delegation_decision_and_a_delegation_list_are_not_officers_reports(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Delegationsbeslut",
                           "Delegationsnr: 6.4",
                           "Datum: 2026-05-13",
                           "Handläggare: Sula Carvalho",
                           "Nämnd: Barn- och ungdomsnämnden",
                           "Diarienummer: 2026.155 BUN",
                           "Utredning och analys efter inträffad",
                           "personuppgiftsincident",
                           "Kortfattad beskrivning av händelsen"]])
    assert (md.doc_type, md.kind, md.date) == ("other", "delegationsbeslut", "2026-05-13")
    md = _read(tmp_path, [["DELEGATIONSLISTA Barn- och ungdomsförvaltningen",
                           "BARN- OCH UNGDOMSNÄMNDEN § ..........",
                           "ANMÄLAN AV BESLUT/MYNDIGHETSUTÖVNING FATTADE MED STÖD AV",
                           "DELEGATION",
                           "År: 2026 Period: 260401-260430, sammanlagt 16 anställningsbeslut fattade under",
                           "perioden",
                           "Alingsås kommun, Barn- och ungdomsförvaltningen"]])
    assert (md.doc_type, md.kind) == ("other", "delegationsbeslut")


def test_an_agenda_line_that_wraps_delegationsbeslut_is_no_delegation_decision(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Ärenden till kommunfullmäktige: 12-13, Upprop och val av justerare. 2. Anmälan om",
                           "delegationsbeslut UTKAST. 3. Kommundirektören informerar",
                           "1 Kommunstyrelsen 3 (22) Ärendelista 11 maj 2015 Ärenden till kommunfullmäktige"]])
    assert md.kind != "delegationsbeslut"


def test_a_web_address_written_with_its_swedish_letters_names_the_kommun(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Genomlysning",
                           "2026–2027",
                           "Kultur- och utbildningsnämnden",
                           "Diarienummer: 2026.133 KUN Beställare: Kommunstyrelsen",
                           "Beslut: Kultur- och utbildningsnämnden 2026-06-xx § x",
                           "alingsås.se"]])
    assert (md.municipality, md.org_kind) == ("Alingsås", "kommun")


def test_a_kommunstyrelses_utskott_of_two_coordinated_words() -> None:
    lines = ["ARVIDSJAURS KOMMUN DELEGERINGSBESLUT Sammanträdesprotokoll",
             "Organ Kommunstyrelsens utbildnings- och näringslivsutskott - delegation"]
    assert find_committee("", lines, "protokoll") == "Kommunstyrelsens utbildnings- och näringslivsutskott"


def test_an_enclosure_to_a_bodys_protocol_is_that_bodys_of_that_meeting(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 Bilaga 6:7 till kommunstyrelsens protokoll den 19 mars 2003, 8 PM 2003 RI+VII (Dnr",
                           "/2002) Riktlinjer för ärendeansvar mellan stadsdelsnämnderna Borgarrådsberedningen",
                           "föreslår kommunstyrelsen besluta följande 1. Riktlinjer för ärendeansvar mellan",
                           "stadsdelsnämnderna godkänns. 2. Riktlinjerna gäller fr.o.m. den 1 april 2003. Stockholms stad"]])
    assert (md.committee, md.date) == ("Kommunstyrelsen", "2003-03-19")


def test_a_nämnd_without_its_article_before_the_range_of_its_paragraphs() -> None:
    lines = ["Nämnd för trafik, infrastruktur och miljö 53-65",
             "1 PROTOKOLL 1(10) Diarienummer Plats: Rosensalen, Rosenlunds vårdcentrum Närvarande:"]
    assert find_committee("", lines, "protokoll", org_kind="region") == "Nämnd för trafik, infrastruktur och miljö"


def test_a_forms_row_of_labels_in_capitals_with_handlaggare_heads_an_officers_report(tmp_path: Path) -> None:
    md = _read(tmp_path, [["ÄRENDE TILL SAMMANTRÄDESDATUM",
                           "Regionstyrelsen 2017-12-19 Sida 1 (1)",
                           "ANSVARIG AVDELNING DOKUMENT-ID VERSION",
                           "[Gäller för verksamhet] ARBGRP583-382524020-293 0.1",
                           "ANSVARIG CHEF HANDLÄGGARE",
                           "Anneli Granberg Henrik Berg",
                           "Återrapportering av regionstyrelsens uppdrag till regiondirektören",
                           "Dnr 4468-2017",
                           "Förslag till beslut",
                           "1. Regionstyrelsen beslutar att lägga informationen till handlingarna."]])
    assert md.doc_type == "tjansteskrivelse" and md.committee == "Regionstyrelsen"


def test_a_meetings_web_page_titled_below_the_skip_link(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Webbplatsen använder teknik som troligen inte stöds av din webbläsare som exempelvis",
                           "Internet Explorer 11. Vissa saker kan se konstiga ut eller inte fungera. Vi",
                           "rekommenderar att du byter till en modern webbläsare istället.",
                           "Gå direkt till huvudinnehållet",
                           "Regionstyrelsen 16 mars 2021",
                           "Ärenden till regionfullmäktige",
                           "1. Västra Götalandsregionens årsredovisning 2020",
                           "År 2020 innebar stora utmaningar för VGR:s verksamheter."]])
    assert (md.doc_type, md.committee, md.date) == ("other", "Regionstyrelsen", "2021-03-16")


def test_the_body_that_hemstaller_is_the_reports_committee(tmp_path: Path) -> None:
    md = _read(tmp_path, [["2 VALLENTUNA KOMMUN TJÄNSTESKRIVELSE FÖRVALTING DNR BUN ANDERS FORSBERG SID 1/2 BARN-",
                           "OCH UNGDOMSNÄMNDEN Tjänsteskrivelse Beställning temporär lösning förskoleplatser i Karby",
                           "Förslag till beslut Barn- och ungdomsnämnden hemställer hos kommunfullmäktige om 5",
                           "miljoner kronor för projektet temporär lösning förskoleplatser i Karby."]])
    assert md.committee == "Barn- och ungdomsnämnden"


def test_the_web_address_of_a_kommun_that_is_its_own_region_is_the_regions(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Tekniska nämnden Kallelse Sammanträdesdatum 2017-06-28 TN 2017/763 Sekreterare Marianne",
                           "Norrby",
                           "Kallelse till tekniska nämndens presskonferens",
                           "28 juni 2017, klockan 13.30 Rådhuset lokal Rügen",
                           "Föredragningslista",
                           "1 Information om större projekt 2 Information om vattensituationen",
                           "Besöksadress Visborgsallén 19 SE-621 81 Webbplats www.gotland.se"]])
    # gotland.se: Gotland is its county's only kommun, does the region's work and names itself so
    assert md.municipality == "Region Gotland"


def test_a_forbunds_news_names_it_by_its_services_name(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Förbundsdirektionens ordförande Oskar Weinmar avtackas",
                           "Idag har Brandkåren Attunda tackat av Oskar Weinmar då han avslutar sin roll som",
                           "Förbundsdirektionens ordförande. Ny ordförande blir Emma Feldman, kommunstyrelsens",
                           "ordförande i Järfälla. Förbundsdirektionen och Brandkåren Attunda tackar Oskar Weinmar.",
                           "Vid direktionsmötet fattades det även beslut om att flytta ramuppräkningen till i höst,",
                           "på grund av det osäkra läget i våra medlemskommuner i Järfälla kommun och Knivsta kommun."]])
    assert (md.municipality, md.org_kind) == ("Brandkåren Attunda", "kommunalforbund")


def test_a_regionforbund_named_by_its_county_is_not_the_papers_own_word(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 Kommunstyrelsen 3 (22) Ärendelista 11 maj 2015 Ärenden till kommunfullmäktige: 12-13,",
                           "14. Budget 2016 och ekonomisk planering för Västerviks kommun majoritetens förslag 15.",
                           "Årsredovisning 2014 och ansvarsfrihet för regionförbundet i Kalmar län 16. Rapporter",
                           "2 Kommunstyrelsen 4 (22) 1. Upprop och val av justerare. Västerviks kommun"]])
    assert (md.municipality, md.org_kind) == ("Västervik", "kommun")
