"""Document metadata for every kind of body and document: who wrote it (municipality, region or
kommunalförbund), its type and kind, its date by kind, its title — on Swedish header snippets
from several municipalities' templates, on small PDFs drawn with reportlab, and in the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf import _font

from namndkoll.ingest import dates, read_document
from namndkoll.ingest.metadata import (
    find_committee,
    find_date,
    find_diarienummer,
    find_doc_type,
    find_kind,
    find_title,
    read_metadata,
)
from namndkoll.ingest.org_table import org_by_name, organisations
from namndkoll.ingest.orgs import find_organisation
from namndkoll.types import Line, Page, with_offsets

# ---- the table ---------------------------------------------------------------------------------


def test_table_holds_290_municipalities_and_21_regions():
    orgs = organisations()
    kommuner = [o for o in orgs if o.kind == "kommun"]
    regioner = [o for o in orgs if o.kind == "region"]
    assert len(kommuner) == 290 and len(regioner) == 21
    assert len({o.code for o in kommuner}) == 290 and len({o.name for o in kommuner}) == 290
    assert all(len(o.code) == 4 and o.code.isdigit() for o in kommuner)
    counties = {o.code: o.county for o in regioner}
    assert all(o.county == counties[o.code[:2]] for o in kommuner)  # kommunkod starts with länskod


@pytest.mark.parametrize("name, genitive, suffix, code", [
    ("Upplands Väsby", "Upplands Väsby", "kommun", "0114"),
    ("Malung-Sälen", "Malung-Sälens", "kommun", "2023"),
    ("Dals-Ed", "Dals-Eds", "kommun", "1438"),
    ("Lilla Edet", "Lilla Edets", "kommun", "1462"),
    ("Övertorneå", "Övertorneå", "kommun", "2518"),
    ("Håbo", "Håbo", "kommun", "0305"),
    ("Habo", "Habo", "kommun", "0643"),
    ("Gotland", "Gotlands", "kommun", "0980"),
    ("Falun", "Falu", "kommun", "2080"),
    ("Lund", "Lunds", "kommun", "1281"),
    ("Göteborg", "Göteborgs", "stad", "1480"),
    ("Alingsås", "Alingsås", "kommun", "1489"),
    ("Region Gotland", "", "region", "09"),
    ("Västra Götalandsregionen", "", "region", "14"),
])
def test_tricky_names(name, genitive, suffix, code):
    o = org_by_name(name)
    assert o is not None and (o.genitive, o.suffix, o.code) == (genitive, suffix, code)


# ---- who wrote it ------------------------------------------------------------------------------

@pytest.mark.parametrize("header, top, body, expected", [
    # the letterhead names the municipality; the text mentions the region
    (["Lunds kommun Socialnämnden"], ["Tjänsteskrivelse"], ["Region Skåne ansvarar för vården."] * 3,
     ("Lund", "kommun")),
    (["Göteborgs Stad Kommunfullmäktige, protokoll"], [], [], ("Göteborg", "kommun")),
    (["SIMRISHAMNS KOMMUN"], [], [], ("Simrishamn", "kommun")),
    # a region's report that names the municipality its assembly meets in
    ([], ["Utvärdering av Målbild tåg 2035"],
     ["Målbilden togs fram av Västra Götalandsregionen och Trafikverket.",
      "VGR:s infrastruktur- och kollektivtrafiknämnd beslutade 2024.", "Beslut har tagits av Vänersborgs kommun."],
     ("Västra Götalandsregionen", "region")),
    (["Region Skåne"], ["Regionstyrelsen"], ["Lunds kommun och Malmö stad deltar."] * 4, ("Region Skåne", "region")),
    (["Region Gotland"], [], [], ("Region Gotland", "region")),
    # a kommunalförbund's annual report listing its member municipalities
    ([], ["Årsredovisning 2025"],
     ["Tolkförmedling Väst är ett kommunalförbund och dess ändamål är att tillgodose medlemmarnas behov.",
      "Skövde kommun Sotenäs kommun", "Alingsås kommun Bengtsfors kommun", "Göteborgs Stad Borås Stad"],
     ("Tolkförmedling Väst", "kommunalforbund")),
    (["Fyrbodals kommunalförbund"], ["Protokoll"], ["Uddevalla kommun och Lysekils kommun."],
     ("Fyrbodals kommunalförbund", "kommunalforbund")),
    # a protocol naming its own notice board
    ([], ["Barn- och ungdomsnämnden", "Protokoll"],
     ["Justeringen har tillkännagivits på Alingsås kommuns digitala anslagstavla.",
      "Göteborgsregionen (GR) och Lerums kommun deltar."], ("Alingsås", "kommun")),
    # a municipality outside the table (Finland) that names itself, confirmed by its web address
    ([], ["Protokoll 5/2022", "Organ Välfärdsnämnden"],
     ["publiceras på www.nykarleby.fi 22.9.2022.", "Nykarleby stad ser helst att föreningarna ordnar."],
     ("Nykarleby", "kommun")),
    (["Stadsrevisionen, Rapportsammandrag 1 (8)", "www.goteborg.se/stadsrevisionen"], ["Rapportsammandrag"], [],
     ("Göteborg", "kommun")),
    ([], ["Malung-Sälens kommun"], [], ("Malung-Sälen", "kommun")),
    ([], ["Dals-Eds kommun"], [], ("Dals-Ed", "kommun")),
    ([], ["Upplands Väsby kommun"], [], ("Upplands Väsby", "kommun")),
    ([], ["Falu kommun"], [], ("Falun", "kommun")),
    ([], ["Lilla Edets kommun"], [], ("Lilla Edet", "kommun")),
    ([], ["Håbo kommun"], [], ("Håbo", "kommun")),
    # a cover with a title and the municipality's web address alone (Alingsås' Fördjupad
    # månadsuppföljning april 2026: nothing else on page 1 names a body)
    ([], ["Fördjupad", "månadsuppföljning 2026", "alingsas.se"], ["Driftsprognos", "Socialnämnden 0,0 0,0 -3,0"],
     ("Alingsås", "kommun")),
    # a bare address that is no known body's names nobody
    ([], ["Rapport 2026", "exempelbolaget.se"], [], None),
    # nothing names a body: nothing is guessed
    ([], ["Underlag ramar", "2027-2029"], ["Kommunstyrelsen 157 429 0 15 330"], None),
    ([], ["Motion: Vegetabilisk kost", "Till: Regionfullmäktige"], ["Orionskolan i Visby."], None),
])
def test_who_wrote_it(header, top, body, expected):
    assert find_organisation(top, body, header_lines=header) == expected


# ---- type and kind -----------------------------------------------------------------------------

@pytest.mark.parametrize("lines, items, expected", [
    (["KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL"], True, "protokoll"),
    (["Barn- och", "ungdomsnämnden", "Protokoll", "2026-06-16"], False, "protokoll"),
    (["Protokoll 5/2022", "Organ Välfärdsnämnden", "Sammanträdestid 15.9.2022"], True, "protokoll"),
    (["Protokollsutdrag", "Kommunstyrelsen"], True, "protokollsutdrag"),
    (["Utdrag ur sammanträdesprotokoll", "Socialnämnden"], True, "protokollsutdrag"),
    (["Lunds kommun", "Tjänsteskrivelse"], False, "tjansteskrivelse"),
    (["Tjänsteutlåtande", "Utfärdat 2024-01-10"], False, "tjansteutlatande"),
    (["Datum: 2026-05-11 Kommunstyrelsen", "Handläggare: Cecilia Knutsson", "Diarienr: 2025.503 KS"], False,
     "tjansteskrivelse"),
    (["Motion till kommunfullmäktige"], False, "motion"),
    (["Motion om gratis kollektivtrafik för pensionärer"], False, "motion"),
    (["Motion: Vegetabilisk kost som grund i skolbespisningen", "Till: Regionfullmäktige"], False, "motion"),
    (["Initiativärende", "Trygghet i centrum"], False, "initiativarende"),
    (["Reservation", "Ärende 7"], False, "reservation"),
    (["Särskilt yttrande", "Ärende 12 Budget 2025"], False, "sarskilt_yttrande"),
    (["Rapportsammandrag", "Stadsrevisionen"], False, "revisionsrapport"),
    (["Revisionsrapport", "Granskning av löneprocessen"], False, "revisionsrapport"),
    (["ÅRSREDOVISNING", "Dnr 26/0005-2", "Årsredovisning 2025"], False, "arsredovisning"),
    (["Kallelse", "Kommunstyrelsen", "§ 1 Val av justerare"], True, "other"),
    (["Budgetanvisningar", "Tidplan och anvisningar för budget 2027–2031"], False, "other"),
    (["Så här skriver förvaltningen i sin tjänsteskrivelse om saken:"], False, None),
])
def test_doc_types(lines, items, expected):
    assert find_doc_type(lines, items) == expected


def test_audit_report_needs_an_auditor():
    lines = ["Uppföljande granskning", "av revisionsrapporter", "från 2023", "Rapport", "Alingsås kommun"]
    assert find_doc_type(lines, False, first_text="Azets har av Alingsås kommuns revisorer fått i uppdrag") \
        == "revisionsrapport"
    assert find_doc_type(["Granskning av bygglovsprocessen"], False, first_text="Förvaltningen redovisar") != \
        "revisionsrapport"


def test_unlabelled_motion_and_party_statement():
    first = "Stärka stödet till det ukrainska folket\nFörslag till beslut i kommunfullmäktige:\n1. Alingsås kommun deltar"
    assert find_doc_type(["Stärka stödet till det ukrainska folket"], False, first_text=first,
                         last_lines=["Anton César (S), Leif Hansson (S)"]) == "motion"
    assert find_doc_type(["Ärende 7: Åtgärder avseende resurserna"], False, first_text="Vi anser att ...",
                         last_lines=["Martin Stensson", "Vänsterpartiet"]) == "skrivelse"


@pytest.mark.parametrize("lines, expected", [
    (["Kulturpolicy för Lunds kommun"], "policy"),
    (["Riktlinjer för bisysslor"], "riktlinje"),
    (["Biblioteksplan Alingsås kommun 2027-2030"], "plan"),
    (["Strategi för digitalisering 2024–2027"], "strategi"),
    (["Program för trygghet och säkerhet"], "program"),
    (["Utvärdering av Målbild tåg 2035"], "utredning"),
    (["Delårsrapport mars 2026-", "nämnder och styrelser"], "delårsrapport"),
    (["Underlag ramar", "2027-2029"], "budget"),
    (["Budgetanvisningar", "Tidplan och anvisningar för budget 2027–2031"], "budget"),
    (["Kallelse till sammanträde med kommunstyrelsen"], "kallelse"),
    (["Reglemente för socialnämnden"], "reglemente"),
    (["Protokoll"], None),
])
def test_kinds(lines, expected):
    assert find_kind(lines) == expected


# ---- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Datum: 2026-05-11", ["2026-05-11"]),
    ("Datum: 2025–10–08", ["2025-10-08"]),  # en dashes
    ("Sammanträdestd 15.9.2022 kl. 18.00 – 19.37", ["2022-09-15"]),
    ("Sammanträdestid 15.09.2022 kl. 18:00", ["2022-09-15"]),
    ("Göteborg den 19 mars 2024", ["2024-03-19"]),
    ("den 1:a april 2020", ["2020-04-01"]),
    ("§ 39 punkt 1.4 och 2022", []),
    ("31.2.2022", []),  # no such day
])
def test_date_forms(text, expected):
    assert [d for _, d in dates.dates_in(text)] == expected


@pytest.mark.parametrize("header, lines, expected", [
    # Göteborg: labelled meeting date, justering later
    ("", ["Kommunfullmäktige", "Sammanträdesdatum: 2023-11-09", "Justeringsdatum: 2023-11-16"], "2023-11-09"),
    # justering and posting dates come first in some templates
    ("", ["Justerat 2024-05-20", "Anslaget den 2024-05-21", "Datum då anslaget tas ned 2024-06-12",
          "Sammanträdesdatum", "2024-05-14"], "2024-05-14"),
    # Meetings Plus: the date under the committee in the running header
    ("Barn- och\nungdomsnämnden\nProtokoll", ["2026-06-16", "Plats och tid Campus Alingsås"], "2026-06-16"),
    ("", ["Plats och tid Stadshuset, Lund, 2021-03-04 kl 17.00–19.30"], "2021-03-04"),
    # Finland-Swedish
    ("", ["Protokoll 5/2022", "Organ Välfärdsnämnden", "Sammanträdestd 15.9.2022 kl. 18.00 – 19.37"], "2022-09-15"),
    ("", ["Protokoll", "Datum för anslags nedtagande 2019-03-01"], None),
])
def test_meeting_date(header, lines, expected):
    assert find_date(header, lines, "protokoll") == expected


@pytest.mark.parametrize("doc_type, kind, lines, expected", [
    ("tjansteskrivelse", None, ["Datum: 2026-05-11 Kommunstyrelsen", "Handläggare: C K"], "2026-05-11"),
    ("other", "utredning", ["2025-10-08", "Utvärdering av", "Målbild tåg 2035"], "2025-10-08"),
    # policies and plans: the adoption date, not the validity
    ("other", "policy", ["Kulturpolicy", "Gäller från 2021-07-01", "Antagen av kommunfullmäktige 2021-05-27 § 45"],
     "2021-05-27"),
    ("other", "riktlinje", ["Riktlinjer för bisysslor", "Giltig till 2025-12-31", "Fastställd: 2020-01-15"],
     "2020-01-15"),
    ("other", "plan", ["Biblioteksplan", "Dokumentet är antaget av kommunfullmäktige den 3 juni 2022",
                        "Gäller 2022–2026"], "2022-06-03"),
    # signed statements: the closing "Ort den ..." line
    ("revisionsrapport", None, ["Missiv till ansvariga nämnder", "Vi vill betona vikten av ...",
                                "Göteborg den 3 februari 2026", "För revisorsgruppen"], "2026-02-03"),
    ("reservation", None, ["Reservation", "Vi yrkade avslag.", "Alingsås den 3 maj 2021", "Eva Ek (V)"],
     "2021-05-03"),
    ("motion", None, ["Motion: Vegetabilisk kost", "Till: Regionfullmäktige", "Jag yrkar därför på",
                      "Elin Bååth, Feministiskt initiativ", "Datum 2017-01-30"], "2017-01-30"),
    # a meeting the text refers to is not the document's date
    ("skrivelse", None, ["Ärende 7", "Socialnämnden gav vid sammanträdet den 13 april 2016 uppdraget"], None),
    ("motion", None, ["Stärka stödet till det ukrainska folket", "Anton César (S), Leif Hansson (S)"], None),
])
def test_date_by_kind(doc_type, kind, lines, expected):
    assert find_date("", lines, doc_type, kind, all_lines=lines) == expected


# ---- committee ---------------------------------------------------------------------------------

@pytest.mark.parametrize("header, lines, doc_type, expected", [
    ("1\nBarn- och\nungdomsnämnden\nProtokoll", ["2026-06-16"], "protokoll", "Barn- och ungdomsnämnden"),
    ("Tekniska nämnden\nProtokoll", [], "protokoll", "Tekniska nämnden"),
    ("", ["Protokoll 5/2022", "Organ Välfärdsnämnden"], "protokoll", "Välfärdsnämnden"),
    ("Göteborgs Stad Kommunfullmäktige, protokoll", [], "protokoll", "Kommunfullmäktige"),
    ("", ["Kultur- och fritidsnämnden", "Sammanträdesprotokoll"], "protokoll", "Kultur- och fritidsnämnden"),
    ("", ["Kommunstyrelsens arbetsutskott", "2024-03-05"], "protokoll", "Kommunstyrelsens arbetsutskott"),
    ("", ["Datum: 2026-05-11 Kommunstyrelsen", "Handläggare: Cecilia Knutsson"], "tjansteskrivelse",
     "Kommunstyrelsen"),
    ("Nämnden för Intraservice", ["Delårsrapport mars 2026"], "other", "Nämnden för Intraservice"),
    # a table row naming a committee is not a letterhead
    ("", ["Ram 2027", "Kommunstyrelsen 157 429 0 15 330 172 759"], "other", None),
    # a tjänsteskrivelse from a förvaltning: the committee the proposal is put to
    ("Lunds kommun Socialförvaltningen Tjänsteskrivelse", ["Stärkt arbetsmarknadsfokus i Lund",
                                                          "Socialnämnden föreslås besluta"],
     "tjansteskrivelse", "Socialnämnden"),
    # a motion: the assembly it is addressed to
    ("", ["Motion: Vegetabilisk kost", "Till: Regionfullmäktige"], "motion", "Regionfullmäktige"),
    ("", ["Stärka stödet", "Förslag till beslut i kommunfullmäktige:"], "motion", "Kommunfullmäktige"),
    # audits: who audited
    ("", ["Rapportsammandrag", "Stadsrevisionen"], "revisionsrapport", "Stadsrevisionen"),
    ("", ["Uppföljande granskning", "Azets har av Alingsås kommuns revisorer fått i uppdrag"],
     "revisionsrapport", "Revisorerna"),
    # an investigation without a committee: the office that wrote it
    ("", ["Datum: 2025–10–08", "Kontaktperson: Adrien Moysset, Koncernkontoret, Regional samhällsplanering"],
     "other", "Koncernkontoret, Regional samhällsplanering"),
])
def test_committee(header, lines, doc_type, expected):
    assert find_committee(header, lines, doc_type, text="\n".join(lines), more_lines=lines) == expected


# ---- titles ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    (["Datum: 2026-05-11 Kommunstyrelsen", "Handläggare: Cecilia Knutsson", "Diarienr: 2025.503 KS",
      "Svar på motion gällande att stärka stödet till det ukrainska", "folket - Anton Cesár (S) och Leif Hansson (S)",
      "Ärendebeskrivning"],
     "Svar på motion gällande att stärka stödet till det ukrainska folket - Anton Cesár (S) och Leif Hansson (S)"),
    (["Penneo dokumentnyckel: J2B6Z-ANS32", "Uppföljande granskning", "av revisionsrapporter", "från 2023",
      "Rapport", "Alingsås kommun"], "Uppföljande granskning av revisionsrapporter från 2023"),
    (["Motion: Vegetabilisk kost som grund i skolbespisningen", "Till: Regionfullmäktige"],
     "Vegetabilisk kost som grund i skolbespisningen"),
    (["ÅRSREDOVISNING", "Dnr 26/0005-2", "2025-03-27", "Årsredovisning 2025", "Organisationsnummer 222000-2972"],
     "Årsredovisning 2025"),
    (["Underlag ramar", "2027-2029", "Ram 2027"], "Underlag ramar 2027-2029"),
    (["2025-10-08", "Utvärdering av", "Målbild tåg 2035", "Inklusive Västtågsutredningen"],
     "Utvärdering av Målbild tåg 2035"),
    (["Jessica Persdotter Keding", "Biträdande verksamhetschef", "Stärkt arbetsmarknadsfokus i Lund",
      "Förslag till beslut"], "Stärkt arbetsmarknadsfokus i Lund"),
    (["Kommunfullmäktige", "Handling 2024 nr 63", "Revisionsberättelse avseende Göteborgs",
      "Stads verksamheter under 2023", "Till Göteborgs kommunfullmäktige"],
     "Revisionsberättelse avseende Göteborgs Stads verksamheter under 2023"),
    (["Budgetanvisningar", "2025-12-01", "Tidplan och anvisningar för budget 2027–2031", "Inledning"],
     "Tidplan och anvisningar för budget 2027–2031"),
    (["Introdukt-", "Rapportsammandrag –", "ion och utbildning för nyanlända", "Sammanfattande bedömning"], None),
    (["Sammanfattning", "Nämnden har under året arbetat med många frågor."], None),
])
def test_titles(lines, expected):
    assert find_title(lines, org_names=["alingsås kommun"]) == expected


def test_title_from_layout_is_the_largest_type():
    text = "Lunds kommun\nKulturpolicy för\nLunds kommun 2024–2030\nInledning\nKulturen är en del av livet."
    starts = [0]
    for ln in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    sizes = [9, 24, 24, 14, 11]
    lines = tuple(Line(s, s + len(t), 60, 80 + 30 * i, 400, 80 + 30 * i + sz, sz)
                  for i, (s, t, sz) in enumerate(zip(starts, text.split("\n"), sizes, strict=True)))
    page = Page(1, text, lines=lines, width=595, height=842)
    assert find_title(text.split("\n"), page=page) == "Kulturpolicy för Lunds kommun 2024–2030"


@pytest.mark.parametrize("text, expected", [
    ("Diarienr: 2025.503 KS", ("2025.503 KS",)),
    ("Diarienummer: IKN 2025–00217", ("IKN 2025–00217",)),
    ("§ 27 2018.210 KS\nÅrsredovisning", ("2018.210 KS",)),
    ("beslut i SBN 2022-10-24 om detaljplanen", ()),  # a committee and a date
    ("HME 2020–2–2025", ()),
])
def test_more_diarienummer_forms(text, expected):
    assert find_diarienummer(text) == expected


# ---- whole pages -------------------------------------------------------------------------------

def _pages(*texts: str, header: str = "") -> tuple[Page, ...]:
    return with_offsets([Page(i, t, header=header) for i, t in enumerate(texts, 1)])


def test_protocol_has_no_made_up_title():
    pages = _pages("2026-06-16\nPlats och tid Rådhuset, Alingsås kl. 14:00-17:20\nBeslutande Jan Ek (M)\n"
                   "Justeringen har tillkännagivits på Alingsås kommuns digitala anslagstavla.",
                   header="Kommunstyrelsen\nProtokoll")
    md = read_metadata(pages, ())
    assert (md.municipality, md.org_kind, md.committee, md.doc_type, md.date, md.title) == (
        "Alingsås", "kommun", "Kommunstyrelsen", "protokoll", "2026-06-16", None)


def _pdf(path: Path, pages: list[list[tuple[float, float, str, int]]]) -> Path:
    """Each page: (x, y from top, text, font size)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for page in pages:
        for x, y, text, size in page:
            c.setFont(font, size)
            c.drawString(x, h - y, text)
        c.showPage()
    c.save()
    return path


def _body(y0: float, lines: list[str]) -> list[tuple[float, float, str, int]]:
    return [(60, y0 + 15 * i, t, 10) for i, t in enumerate(lines)]


def test_officer_report_pdf(tmp_path):
    page = [(60, 60, "Datum:       2024-02-12", 9), (360, 60, "Vård- och omsorgsnämnden", 9),
            (60, 74, "Handläggare: Sara Lind", 9), (60, 88, "Diarienr:    2024.081 VON", 9),
            (60, 130, "Svar på motion om trygghetsboende i", 14), (60, 148, "Sollebrunn - Eva Ek (C)", 14)]
    page += _body(190, ["Ärendebeskrivning",
                        "Eva Ek (C) har lämnat en motion om trygghetsboende. Vårgårda kommun och Lerums kommun",
                        "har liknande boenden. Alingsås kommun har i dag två trygghetsboenden.",
                        "Alingsås kommun planerar inget tredje boende.",
                        "Förslag till beslut",
                        "Vård- och omsorgsnämnden föreslås besluta att motionen anses besvarad."])
    md = read_document(_pdf(tmp_path / "ts.pdf", [page])).metadata
    assert (md.municipality, md.org_kind, md.committee, md.doc_type, md.date) == (
        "Alingsås", "kommun", "Vård- och omsorgsnämnden", "tjansteskrivelse", "2024-02-12")
    assert md.title == "Svar på motion om trygghetsboende i Sollebrunn - Eva Ek (C)"
    assert md.diarienummer == ("2024.081 VON",)


def test_region_report_is_not_the_municipality_it_names(tmp_path):
    pages = []
    for n in range(1, 4):
        page = [(60, 40, "Region Skåne", 9), (480, 40, f"Sida {n} (3)", 9)]
        if n == 1:
            page += [(60, 100, "2023-05-04", 10), (60, 140, "Utredning om", 20), (60, 166, "vårdplatser i Lund", 20)]
        page += _body(220, [f"Del {n}: Lunds kommun och Malmö stad har många patienter som väntar.",
                            f"Lunds kommun har påtalat behovet {n} gånger. Regionstyrelsen beslutade utreda.",
                            f"Skånes universitetssjukhus i Lund har {10 * n} platser."])
        pages.append(page)
    md = read_document(_pdf(tmp_path / "r.pdf", pages)).metadata
    assert (md.municipality, md.org_kind, md.doc_type, md.kind, md.date) == (
        "Region Skåne", "region", "other", "utredning", "2023-05-04")
    assert md.title == "Utredning om vårdplatser i Lund"


def test_kommunalforbund_protocol_pdf(tmp_path):
    page = [(60, 50, "Räddningstjänsten Storgöteborg", 9), (400, 50, "Protokoll", 9),
            (60, 80, "Direktionen", 12),
            (60, 110, "Sammanträdesdatum 2024-09-26", 10), (60, 125, "Justeringsdatum 2024-10-03", 10)]
    page += _body(160, ["§ 1 Val av justerare", "Direktionen utser Ann Ek (S) att justera.",
                        "§ 2 Delårsrapport", "Räddningstjänsten Storgöteborg är ett kommunalförbund med",
                        "Göteborgs Stad, Mölndals stad och Kungälvs kommun som medlemmar."])
    doc = read_document(_pdf(tmp_path / "rsg.pdf", [page]))
    md = doc.metadata
    assert (md.municipality, md.org_kind, md.committee, md.doc_type, md.date, md.title) == (
        "Räddningstjänsten Storgöteborg", "kommunalforbund", "Direktionen", "protokoll", "2024-09-26", None)


def test_policy_pdf_takes_the_adoption_date(tmp_path):
    page = [(60, 50, "Styrdokument", 9), (60, 120, "Riktlinjer för bisysslor", 22),
            (60, 170, "Gäller från: 2022-01-01", 10), (60, 185, "Giltig till: 2025-12-31", 10),
            (60, 200, "Antagen av kommunstyrelsen 2021-11-24, § 212", 10),
            (60, 215, "Dokumentansvarig: HR-chef", 10)]
    page += _body(260, ["Syfte", "Riktlinjerna gäller alla anställda i Härryda kommun."])
    md = read_document(_pdf(tmp_path / "p.pdf", [page])).metadata
    assert (md.municipality, md.doc_type, md.kind, md.date, md.title) == (
        "Härryda", "other", "riktlinje", "2021-11-24", "Riktlinjer för bisysslor")


def test_finnish_protocol_pdf(tmp_path):
    page = [(60, 50, "Protokoll               5/2022", 10), (60, 70, "Organ                  Välfärdsnämnden", 10),
            (60, 85, "Sammanträdestid   15.9.2022 kl. 18.00 – 19.37", 10),
            (60, 100, "Ärenden                39 – 49 §", 10)]
    page += _body(140, ["Det justerade protokollet publiceras på www.nykarleby.fi 22.9.2022.",
                        "Intygar: Camilla Högdahl-Pasanen, kanslist"])
    page2 = _body(60, ["39 § Sammanträdets laglighet och beslutförhet",
                       "Nykarleby stad konstaterar att nämnden är beslutför."])
    md = read_document(_pdf(tmp_path / "fi.pdf", [page, page2])).metadata
    assert (md.municipality, md.org_kind, md.committee, md.doc_type, md.date) == (
        "Nykarleby", "kommun", "Välfärdsnämnden", "protokoll", "2022-09-15")


# ---- the corpus keeps org_kind and kind --------------------------------------------------------

def test_org_kind_and_kind_are_stored_and_read_back(db_path):
    from namndkoll.corpus import db as corpus_db
    from namndkoll.corpus import store
    from namndkoll.types import Document, Metadata

    pages = with_offsets([Page(1, "Utvärdering av Målbild tåg 2035")])
    md = Metadata("Utvärdering av Målbild tåg 2035", "Västra Götalandsregionen", None, "other", "2025-10-08",
                  (), "region", "utredning")
    doc = Document("/x/vgr.pdf", "b" * 64, pages, md)
    conn = corpus_db.open_db(db_path)
    with corpus_db.transaction(conn):
        doc_id = store.replace_document(conn, doc)
    assert store.load_document(conn, doc_id) == doc
    sd = store.get_stored(conn, doc_id)
    assert (sd.municipality, sd.org_kind, sd.kind) == ("Västra Götalandsregionen", "region", "utredning")


def test_migration_adds_the_columns_to_an_older_corpus(tmp_path):
    """A corpus made before migration 0008 keeps its rows; they read back with NULL kinds."""
    import importlib.resources

    from namndkoll.corpus import db as corpus_db
    from namndkoll.corpus import store

    path = tmp_path / "old.db"
    conn = corpus_db.connect(path)
    sql = importlib.resources.files("namndkoll.corpus").joinpath("migrations/0001_core.sql").read_text("utf-8")
    conn.executescript(sql)
    conn.execute("INSERT INTO documents (source, sha256) VALUES ('/old.pdf', 'c')")
    conn.execute("CREATE TABLE _migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    conn.execute("INSERT INTO _migrations(number, name) VALUES (1, 'core')")
    applied = corpus_db.migrate(conn)
    assert 8 in applied
    sd = store.list_documents(conn)[0]
    assert (sd.source, sd.org_kind, sd.kind) == ("/old.pdf", None, None)


@pytest.mark.parametrize("header, top, body, expected", [
    ([], ["Räddningstjänstförbundet Mitt Bohuslän", "Protokoll"], ["Uddevalla kommun är medlem."],
     ("Räddningstjänstförbundet Mitt Bohuslän", "kommunalforbund")),
    ([], ["Jakobstads stad", "Protokoll"], [], ("Jakobstad", "kommun")),
    ([], ["Närpes stad", "Stadsstyrelsen"], [], ("Närpes", "kommun")),
    (["SKELLEFTEÅ KOMMUN PROTOKOLL 2"], [], [], ("Skellefteå", "kommun")),
])
def test_more_bodies(header, top, body, expected):
    assert find_organisation(top, body, header_lines=header) == expected


@pytest.mark.parametrize("header, lines, expected", [
    ("", ["BARN- OCH UTBILDNINGSNÄMNDEN", "SAMMANTRÄDESPROTOKOLL"], "Barn- och utbildningsnämnden"),
    ("", ["KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL", "Nämnden för Vård & Omsorg", "Datum", "2024-05-14"],
     "Nämnden för Vård & Omsorg"),
    ("", ["KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL", "Kommunrevisionen", "Datum", "2024-11-18"],
     "Kommunrevisionen"),
    ("", ["KOMMUNSTYRELSEN Sidan 1(30)"], "Kommunstyrelsen"),
    ("", ["Protokoll 12/2023", "Organ Stadsstyrelsen", "Sammanträdestid 4.12.2023 kl. 17.00"], "Stadsstyrelsen"),
    ("", ["Socialförvaltningen", "Tjänsteutlåtande", "Dnr SOF 2023/123", "Till Socialnämnden", "2023-06-13"],
     "Socialnämnden"),
])
def test_committee_in_other_templates(header, lines, expected):
    assert find_committee(header, lines, "protokoll" if "Protokoll" in " ".join(lines) else None,
                          text="\n".join(lines)) == expected


@pytest.mark.parametrize("lines, expected", [
    # Robertsfors-style: the meeting written out on the "Plats och tid" line
    (["Barn- och utbildningsnämnden Sammanträdesdatum Nr Sida",
      "Plats och tid Kommunkontoret onsdagen den 21 november 2018 kl. 08:30-14:00"], "2018-11-21"),
    # a "Sammanträdesdatum Justeringsdatum" label line with the dates below it
    (["PROTOKOLL", "Sammanträdesdatum Justeringsdatum", "2023-05-10 2023-05-17"], "2023-05-10"),
    # Trollhättan-style: the time of justering is written out too
    (["Tid och plats för justering Torsdagen den 26 november 2015",
      "Sammanträdesdatum 2015-11-19"], "2015-11-19"),
])
def test_meeting_dates_in_other_templates(lines, expected):
    assert find_date("", lines, "protokoll") == expected


@pytest.mark.parametrize("lines, expected", [
    (["Lunds kommun Socialförvaltningen Tjänsteskrivelse", "Stärkt arbetsmarknadsfokus i Lund"],
     "Stärkt arbetsmarknadsfokus i Lund"),
    (["Göteborgs Stad Stadsledningskontoret protokoll", "Handlingsplan för trygghet"], "Handlingsplan för trygghet"),
    (["Lunds kommun Socialnämnden", "Ärende 7: Åtgärder avseende resurserna"], "Ärende 7: Åtgärder avseende resurserna"),
    (["Region Skåne 2023-05-04", "Utredning om vårdplatser i Lund"], "Utredning om vårdplatser i Lund"),
])
def test_letterhead_lines_are_not_titles(lines, expected):
    assert find_title(lines) == expected


def test_a_body_outside_the_table_named_once_in_the_text():
    assert find_organisation(["Protokoll 7/2023", "Organ Byggnadsnämnden"],
                             ["Ärendet gäller en tomt i Nykarleby stad vid ån."]) == ("Nykarleby", "kommun")
    # but never over a municipality of the table that the text names as often
    assert find_organisation([], ["Korsholms kommun och Lunds kommun samarbetar."]) == ("Lund", "kommun")


def test_agenda_is_a_meeting_paper_without_title():
    pages = _pages("Föredragningslista 6/2022\nOrgan Välfärdsnämnden\nSammanträdestid 20.10.2022 kl. 18.00\n"
                   "Ärenden 50 – 58 §\nFöredragningslistan publiceras på www.nykarleby.fi.")
    md = read_metadata(pages, ())
    # a web address alone does not spell a name outside the table ("narpes.fi" is Närpes)
    assert (md.municipality, md.committee, md.doc_type, md.kind, md.date, md.title) == (
        None, "Välfärdsnämnden", "other", "kallelse", "2022-10-20", None)
