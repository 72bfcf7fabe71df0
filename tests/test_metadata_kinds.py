"""Metadata of documents that are not whole protocols: protocol extracts, initiativärenden, a
förvaltning's utlåtande, auditors' papers, statutes, a state authority's decision, a company's
report, a förbund's PM and letter. Each test draws a small excerpt of the kind of page it is
about with reportlab (the layouts of Alingsås' Meetings Plus extracts and templates, Göteborg's
KF handlingar, Tolkförmedling Väst, Räddningstjänstförbund, GR and Länsstyrelsen papers)."""

from __future__ import annotations

from pathlib import Path

from test_metadata import _pdf  # (x, y from top, text, size) rows drawn with DejaVu

from namndkoll.ingest import dates, read_document
from namndkoll.ingest.metadata import find_committee, find_title
from namndkoll.ingest.orgs import find_organisation
from namndkoll.types import Metadata

Row = tuple[float, float, str, int]


def _body(y0: float, lines: list[str], size: int = 10) -> list[Row]:
    return [(60, y0 + 15 * i, t, size) for i, t in enumerate(lines)]


def _meta(tmp_path: Path, pages: list[list[Row]], name: str = "d.pdf") -> Metadata:
    return read_document(_pdf(tmp_path / name, pages)).metadata


# ---- protocol extracts -------------------------------------------------------------------------

def _extract_page(head: list[str], n: int, of: int, body: list[str]) -> list[Row]:
    rows = [(380, 40 + 13 * i, t, 10) for i, t in enumerate(head)]
    rows += _body(130, body)
    rows += [(420, 760, "Utdragsbestyrkande", 8), (270, 800, f"Sida {n} av {of}", 8)]
    return rows


def test_meetings_plus_extract_is_a_protokollsutdrag_named_by_its_item(tmp_path):
    head = ["Kommunstyrelsen", "Protokoll", "2026-05-11"]
    p1 = _extract_page(head, 1, 2, [
        "§ 77 2026.013 KS", "Marknadsmässiga räntepåslag 2027", "Ärendebeskrivning",
        "Kommunfullmäktige behöver fastställa räntepåslag för de kommunala bolagen.",
        "Finansriktlinjer för Alingsås kommun antogs den 13 december 2021.",
        "Beslut", "Räntepåslaget för AB Alingsås Rådhus fastställs till 0,46 procent."])
    p2 = _extract_page(head, 2, 2, ["Beslutsunderlag", "• Tjänsteskrivelse - Marknadsmässiga räntepåslag 2027"])
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.committee, md.doc_type, md.date, md.title) == (
        "Alingsås", "Kommunstyrelsen", "protokollsutdrag", "2026-05-11", "Marknadsmässiga räntepåslag 2027")


def test_whole_protocol_with_extract_boxes_stays_a_protocol(tmp_path):
    # Meetings Plus prints "Utdragsbestyrkande" on every page of a whole protocol too; its
    # front page (Plats och tid, Beslutande) tells it apart
    head = ["Kommunstyrelsen", "Protokoll", "2026-05-11"]
    p1 = _extract_page(head, 1, 2, ["Plats och tid   Rådhuset kl. 14:00", "Beslutande   Jan Ek (M)",
                                    "Utses att justera   Eva Ek (S)"])
    p2 = _extract_page(head, 2, 2, ["§ 77 2026.013 KS", "Marknadsmässiga räntepåslag 2027",
                                    "Beslut", "Ärendet återremitteras till förvaltningen i Alingsås kommun."])
    md = _meta(tmp_path, [p1, p2])
    assert (md.doc_type, md.title) == ("protokoll", None)


def test_extract_of_an_arbetsutskott_with_its_name_wrapped_over_three_lines(tmp_path):
    head = ["Barn- och", "ungdomsnämndens", "arbetsutskott", "Protokoll", "2026-05-12"]
    page = _extract_page(head, 1, 1, ["§ 20 2026.007 BUN", "Ekonomisk uppföljning 2026", "Ärendebeskrivning",
                                      "Budgeten följs upp kontinuerligt under året.", "Beslut",
                                      "Barn- och ungdomsnämnden godkänner fördjupad månadsuppföljning."])
    md = _meta(tmp_path, [page])
    assert (md.committee, md.doc_type, md.title) == (
        "Barn- och ungdomsnämndens arbetsutskott", "protokollsutdrag", "Ekonomisk uppföljning 2026")
    assert md.municipality is None  # the text never names the kommun (only the logo would)


def test_kommunalforbund_extract_names_the_forbund_and_its_direktion(tmp_path):
    head = ["Alingsås och Vårgårda", "Räddningstjänstförbund", "Protokoll", "2026-04-17"]
    p1 = _extract_page(head, 1, 2, [
        "§ 10 2026.031 AVRF", "Budget 2027 och ramar 2028-2029", "Ärendebeskrivning",
        "Medlemsbidraget uppgår till 70 382 tkr för Alingsås kommun och 20 480 tkr för Vårgårda kommun.",
        "Ordföranden ställer förslagen mot varandra och finner att direktionen beslutar att bifalla.",
        "Expedieras till", "Alingsås kommun och Vårgårda kommun"])
    p2 = _extract_page(head, 2, 2, [])
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.org_kind, md.committee, md.doc_type, md.title) == (
        "Alingsås och Vårgårda Räddningstjänstförbund", "kommunalforbund", "Direktionen", "protokollsutdrag",
        "Budget 2027 och ramar 2028-2029")


# ---- a member's initiative, a förvaltning's utlåtande ------------------------------------------

def test_initiative_put_to_kommunstyrelsen_is_the_kommuns(tmp_path):
    page = [(60, 60, "Initiativ i kommunstyrelsen", 12), (60, 76, "11 maj 2026", 12),
            (60, 92, "av Jens Christian Berlin (L)", 12), (60, 140, "Inrätta en kollektivtrafikdialog", 18)]
    page += _body(190, ["Förslag till beslut i kommunstyrelsen", "Kollektivtrafikdialog ska hållas årligen.",
                        "Motivering", "Kollektivtrafik är i första hand ett ansvar för Västra Götalandsregionen.",
                        "Inom Alingsås kommun är tekniska nämnden samordnande nämnd för kollektivtrafik."])
    md = _meta(tmp_path, [page])
    assert (md.municipality, md.org_kind, md.committee, md.doc_type, md.date, md.title) == (
        "Alingsås", "kommun", "Kommunstyrelsen", "initiativarende", "2026-05-11", "Inrätta en kollektivtrafikdialog")


def test_forvaltningens_utlatande_and_its_arende_as_title(tmp_path):
    page = [(60, 40, "FÖRVALTNINGENS UTLÅTANDE", 9), (60, 80, "Datum: 2026-06-16", 9),
            (380, 80, "Bygg- och miljönämnden", 9), (60, 94, "Diarienummer: LOV 2026-000237", 9),
            (60, 108, "Handläggare: Malin Thede", 9), (60, 150, "Förvaltningens utlåtande", 14),
            (60, 170, "Ärendet: Ansökan om bygglov för nybyggnad av industribyggnad", 10),
            (60, 185, "Fastighet: GJUTAREN 23", 10)]
    page += _body(215, ["Ärendebeskrivning", "Ärendet avser bygglov på fastigheten Gjutaren 23 i Alingsås kommun.",
                        "Detaljplanen A185 vann laga kraft 1955-02-18."])
    page += [(60, 780, "Alingsås kommun", 8), (60, 792, "Samhällsbyggnadsförvaltningen", 8)]
    md = _meta(tmp_path, [page])
    assert (md.municipality, md.committee, md.doc_type, md.date, md.title) == (
        "Alingsås", "Bygg- och miljönämnden", "tjansteutlatande", "2026-06-16",
        "Ansökan om bygglov för nybyggnad av industribyggnad")


# ---- auditors -----------------------------------------------------------------------------------

def test_auditors_annual_summary_in_a_kf_handling(tmp_path):
    # Göteborg files the auditors' papers as KF handlingar ("Kommunfullmäktige / Handling 2025 nr
    # 67"); the writer is the auditors, the date the first closing line, not an attachment's
    p1 = [(60, 40, "Kommunfullmäktige", 11), (60, 110, "Handling 2025 nr 67", 13),
          (60, 180, "Stadsrevisionens årsredogörelse och", 18), (60, 200, "revisorskollegiets årsrapport för 2024", 18),
          (60, 245, "Till Göteborgs kommunfullmäktige", 11)]
    p1 += _body(270, ["Revisorskollegiet redovisar ett eget kapital enligt kommunfullmäktiges riktlinjer.",
                      "Stadsrevisionen har erhållit kommunbidrag för verksamhetsåret 2024.",
                      "Göteborg den 8 april 2025", "Aslan Akbas   Håkan Eriksson"])
    p1 += [(60, 780, "Göteborgs Stad kommunfullmäktige", 9)]
    p2 = _body(60, ["Yttrande från nämnden", "Nämnden har tagit del av revisorernas granskning.",
                    "Göteborg den 27 mars 2025"])
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.committee, md.doc_type, md.date) == (
        "Göteborg", "Stadsrevisionen", "revisionsrapport", "2025-04-08")
    assert md.title == "Stadsrevisionens årsredogörelse och revisorskollegiets årsrapport för 2024"


def test_missiv_addresses_are_not_the_title():
    lines = ["MISSIV", "REVISORERNA", "Till följande nämnder för yttrande:", "Kommunstyrelsen",
             "Barn- och ungdomsnämnden", "Till kommunfullmäktige för kännedom", "Uppföljning av 2023 års granskningar",
             "Vi har med stöd av Azets genomfört en granskning av rubricerat område."]
    assert find_title(lines) == "Uppföljning av 2023 års granskningar"


def test_missiv_to_kommunstyrelsen_takes_the_reports_heading(tmp_path):
    p1 = [(60, 40, "Rapportsammandrag", 10), (60, 54, "Stadsrevisionen", 10), (60, 110, "Missiv till kommunstyrelsen", 14)]
    p1 += _body(140, ["Revisorerna har avslutat granskningen Styrning genom planer och program.",
                      "Göteborg den 18 november 2025"])
    p1 += [(60, 780, "Stadsrevisionen, Styrning genom planer och program 1 (2)", 8)]
    p2 = [(60, 60, "Styrning genom planer och", 18), (60, 82, "program", 18)]
    p2 += _body(120, ["Sammanfattande bedömning", "Revisorerna har granskat kommunstyrelsens styrning i Göteborgs Stad."])
    p2 += [(60, 780, "Stadsrevisionen, Styrning genom planer och program 2 (2)", 8)]
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.doc_type, md.date, md.title) == (
        "Göteborg", "revisionsrapport", "2025-11-18", "Styrning genom planer och program")


def test_revisors_letterhead_with_their_forbund_and_date_is_not_the_title(tmp_path):
    page = [(60, 60, "Revisorerna i Tolkförmedling Väst 2026-04-08", 12), (330, 100, "Till", 10),
            (330, 114, "Fullmäktige i Västra Götalandsregionen", 10), (330, 128, "samt respektive medlemskommun", 10),
            (60, 170, "Revisionsberättelse för år 2025", 13)]
    page += _body(200, ["Vi har granskat den verksamhet som bedrivits i kommunalförbundet Tolkförmedling Väst",
                        "(organisationsnummer 222000-2972) av dess direktion.", "Göteborg, 2026-04-08"])
    md = _meta(tmp_path, [page])
    assert (md.municipality, md.org_kind, md.doc_type, md.date, md.title) == (
        "Tolkförmedling Väst", "kommunalforbund", "revisionsrapport", "2026-04-08", "Revisionsberättelse för år 2025")


# ---- statutes, strategies, decisions ------------------------------------------------------------

def test_forbundsordning_with_paragraphs_is_a_statute_not_a_protocol(tmp_path):
    p1 = [(60, 80, "Förbundsordning", 24), (60, 120, "Gäller fr.o.m. 2026-01-01", 11),
          (60, 170, "Diarienummer: 25/0014-2", 9), (60, 184, "Uppdaterad: 2025-03-28", 9)]
    p2 = _body(60, ["1 § Namn och säte", "Förbundets namn är Tolkförmedling Väst och har sitt säte i Göteborg.",
                    "2 § Organisation", "Tolkförmedling Väst är ett kommunalförbund med en direktion.",
                    "3 § Beslut", "Direktionen fattar beslut med enkel majoritet."])
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.org_kind, md.doc_type, md.kind, md.title) == (
        "Tolkförmedling Väst", "kommunalforbund", "other", "reglemente", "Förbundsordning")
    assert md.date != "2026-01-01"  # a validity date is not the document's


def test_strategy_adopted_by_regionfullmaktige(tmp_path):
    p1 = [(60, 200, "Regional utvecklingsstrategi", 28), (60, 236, "för Västra Götaland", 28),
          (60, 300, "Antagen i regionfullmäktige 17 februari 2026", 12)]
    p2 = _body(60, ["Förord", "Strategin beslutades 2021 och aktualiserades 2026.", "Helen Eliasson",
                    "Ordförande regionstyrelsen", "Västra Götalandsregionen"])
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.committee, md.kind, md.date) == (
        "Västra Götalandsregionen", "Regionfullmäktige", "strategi", "2026-02-17")


def test_lansstyrelsen_decision_is_not_the_kommuns(tmp_path):
    pages = []
    for n in (1, 2, 3):
        page = [(330, 40, f"Beslut {n} (3)", 10), (330, 54, "2026-06-22   5475-2026", 10)]
        if n > 1:
            page.insert(0, (60, 40, "Länsstyrelsen Västra Götaland", 10))
        if n == 1:
            page += [(100, 120, "Överklagande av beslut om bygglov för nybyggnad av", 13),
                     (100, 136, "flerbostadshus på fastigheten Furuhöjd 7 i Alingsås", 13), (100, 152, "kommun", 13)]
        page += _body(190, [["Beslut", "Länsstyrelsen upphäver det överklagade beslutet."],
                            ["Bygg- och miljönämnden i Alingsås kommun beslutade den 20 januari 2026 att avslå.",
                             "Nämnden hänvisade till detaljplanen för kvarteret."],
                            ["Ansökan avser bostäder i Alingsås kommun.", "Hur man överklagar"]][n - 1])
        page += [(60, 800, "Postadress: 403 40 Göteborg  E-post: vastragotaland@lansstyrelsen.se", 7)]
        pages.append(page)
    md = _meta(tmp_path, pages)
    assert (md.municipality, md.org_kind, md.doc_type, md.kind, md.date) == (
        "Länsstyrelsen Västra Götaland", "other", "other", "beslut", "2026-06-22")
    assert md.title == ("Överklagande av beslut om bygglov för nybyggnad av flerbostadshus på fastigheten "
                        "Furuhöjd 7 i Alingsås kommun")


# ---- a company's report, a förbund's PM and letter ----------------------------------------------

def test_report_on_a_municipal_company(tmp_path):
    p1 = [(60, 260, "2026 - 03 - 26", 14), (60, 300, "RAPPORT", 44), (60, 360, "BORGENSAVGIFTER", 44),
          (60, 420, "AB Alingsåshem (justerad soliditet)", 18)]
    p2 = [(60, 40, "BORGENSAVGIFT/INTERNRÄNTEPÅSLAG", 9)]
    p2 += _body(80, ["Resultat", "Borgensavgiften har beräknats till 0,50%.", "Upplåningsränta kommun",
                     "Upplåningsränta AA rating"])
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.org_kind, md.date) == ("AB Alingsåshem", "other", "2026-03-26")
    assert md.title is not None and md.title.casefold() == "rapport borgensavgifter"


def test_spaced_cover_date():
    assert dates.top_date(["2026 - 03 - 26"]) == "2026-03-26"
    assert dates.top_date(["2026 - 13 - 26"]) is None


def test_forbund_pm_named_by_its_short_name(tmp_path):
    page = _body(60, ["Behov av samverkan mellan Alingsås och", "Vårgårda Räddningstjänstförbund (AVRF),",
                      "Södra Älvsborgs Räddningstjänstförbund", "(SÄRF), och medlemskommunerna vid",
                      "skogsbränder 2026"], size=16)
    page += _body(160, ["Bakgrund", "Vi skickar detta PM till kommuncheferna i Alingsås kommun och Vårgårda kommun.",
                        "AVRF och SÄRF bedömer behov av förbud. AVRF är kommunens sakkunniga.",
                        "AVRF är sammanhållande för beredningsprocessen.", "Ante Mikacic", "Räddningschef AVRF"])
    md = _meta(tmp_path, [page])
    assert (md.municipality, md.org_kind, md.doc_type) == (
        "Alingsås och Vårgårda Räddningstjänstförbund", "kommunalforbund", "other")
    assert md.title is not None and md.title.endswith("(SÄRF), och medlemskommunerna vid skogsbränder 2026")


def test_forbund_letter_under_its_short_name(tmp_path):
    p1 = [(60, 40, "Strategiska vägval för storregional kollektivtrafik", 10), (60, 70, "GR:s diarienummer: 2026-00071", 10)]
    p1 += _body(120, ["Västra Götalandsregionen (VGR) har beslutat att revidera Målbild tåg 2035.",
                      "VGR:s process pågår till 2027. Dialog förs i GR den 21 maj 2026.",
                      "25 september 2026: Beslut i GR:s förbundsstyrelse gällande strategiska vägval."])
    p2 = _body(60, ["Inspel mailas till gr@goteborgsregionen.se", "Med vänliga hälsningar", "Anna Gustafsson",
                    "Regionplanerare"])
    md = _meta(tmp_path, [p1, p2])
    assert (md.municipality, md.org_kind, md.doc_type, md.date) == ("GR", "kommunalforbund", "skrivelse", None)


def test_web_address_under_a_cover_title_is_not_part_of_it(tmp_path):
    page = [(60, 200, "Fördjupad", 30), (60, 236, "månadsuppföljning 2026", 30), (60, 300, "alingsas.se", 30)]
    page2 = _body(60, ["Driftsprognos", "Vård- och omsorgsnämnden 0,0", "Kommunledningskontorets kommentar"])
    assert _meta(tmp_path, [page, page2]).title == "Fördjupad månadsuppföljning 2026"


# ---- the readers one by one ---------------------------------------------------------------------

def test_kommunalforbundet_name_is_read_whole():
    found = find_organisation(["Revisionsberättelse för år 2025"],
                              ["Vi har granskat kommunalförbundet Tolkförmedling Väst (organisationsnummer 1) av dess"])
    assert found == ("Tolkförmedling Väst", "kommunalforbund")


def test_audit_report_handed_to_fullmaktige_is_the_auditors():
    assert find_committee("Kommunfullmäktige\nHandling 2026 nr 80", ["Revisionsberättelse 2025"],
                          "revisionsrapport", text="Stadsrevisionen har granskat nämnderna.") == "Stadsrevisionen"


def test_initiative_signed_by_three_parties_is_their_position(tmp_path):
    from namndkoll.extract.positions import find_positions

    page = [(60, 60, "Initiativärende", 12), (60, 76, "Kommunstyrelsen, Alingsås kommun", 12), (60, 92, "2026-06-01", 12),
            (60, 140, "Utred utökad parkeringskapacitet vid Nolhaga", 16)]
    page += _body(180, ["Förslag till beslut", "Kommunstyrelsen ger samhällsbyggnadsförvaltningen i uppdrag att utreda",
                        "en parkeringsanläggning i flera plan på befintlig parkeringsyta.", "",
                        "Jan-Erik Wallin Kommunstyrelsens ordförande (M)", "Lady France Mulumba gruppledare (KD)",
                        "Jens Christian Berlin gruppledare Alingsås (L)"])
    doc = read_document(_pdf(tmp_path / "i.pdf", [page]))
    assert doc.metadata.doc_type == "initiativarende"
    got = [p for p in find_positions(doc) if p.kind == "motion" and p.item is None]
    assert got and set(got[0].parties) == {"M", "KD", "L"}
    assert "parkeringsanläggning i flera plan" in got[0].text


def test_officer_report_about_a_forbund_is_the_kommuns(tmp_path):
    # the förbund named inside the title is the subject; the report is the kommunstyrelse's
    page = [(60, 60, "Datum: 2026-05-26", 9), (380, 60, "Kommunstyrelsen", 9), (60, 74, "Handläggare: Eva Ek", 9),
            (60, 88, "Diarienr: 2026.101 KS", 9), (60, 130, "Budget 2027 och ramar 2028–2029 för Alingsås och", 14),
            (60, 148, "Vårgårda Räddningstjänstförbund", 14)]
    page += _body(190, ["Ärendebeskrivning", "Förbundets direktion har fastställt budgeten.",
                        "Medlemsbidraget för Alingsås kommun uppgår till 70 382 tkr.",
                        "Förslag till beslut", "Kommunstyrelsen föreslås besluta att godkänna budgeten."])
    md = _meta(tmp_path, [page])
    assert (md.municipality, md.org_kind, md.committee, md.doc_type) == (
        "Alingsås", "kommun", "Kommunstyrelsen", "tjansteskrivelse")


def test_lansstyrelsen_named_in_the_genitive():
    found = find_organisation(["Länsstyrelsen Västra Götalands pris", "för ungas ideella engagemang"],
                              ["Priset delas ut i Alingsås kommun."])
    assert found == ("Länsstyrelsen Västra Götaland", "other")


def test_missiv_to_several_addressees_takes_the_reports_heading(tmp_path):
    p1 = [(60, 40, "Rapportsammandrag", 10), (60, 54, "Stadsrevisionen", 10),
          (60, 110, "Missiv till kommunstyrelsen samt", 14), (60, 128, "ansvariga nämnder och bolag", 14)]
    p1 += _body(160, ["Revisorerna har avslutat granskningen av personsäkerhet.", "Göteborg den 17 december 2024"])
    p1 += [(60, 780, "Stadsrevisionen, Rapportsammandrag 1 (2)", 8)]
    p2 = [(60, 60, "Rapportsammandrag", 10), (60, 90, "Samlad bedömning", 18)]
    p2 += _body(120, ["Vår samlade bedömning är att arbetet i Göteborgs Stad behöver förbättras."])
    p2 += [(60, 780, "Stadsrevisionen, Rapportsammandrag 2 (2)", 8)]
    md = _meta(tmp_path, [p1, p2])
    # neither the letter's heading nor a section heading is the report's title: none is printed
    assert (md.doc_type, md.date, md.title) == ("revisionsrapport", "2024-12-17", None)


def test_namndinitiativ():
    from namndkoll.ingest.metadata import find_doc_type

    assert find_doc_type(["Nämndinitiativ om att utreda en årlig yrkesmässa i Alingsås", "Ann Denty (V)"],
                         False) == "initiativarende"
