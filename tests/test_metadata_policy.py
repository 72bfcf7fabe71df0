"""Metadata of older Word-made steering documents (policies, handlingsplaner, regler,
anvisningar) and regional programmes and agreements: the title under a unit line, a control box
("Dokumentet är beslutat av: …") or a heading in capitals; the kind a template lists among all
kinds; the adoption date beside text, revision and validity dates. The excerpts are real
(Botkyrka's and Region Stockholm's documents, as harvested in fabian-von-tiedemann/BoBot-Scrape),
drawn with reportlab in one type size, as a Word export without styles gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf import _font

from namndkoll.ingest import dates, read_document
from namndkoll.ingest.metadata import find_kind


def _pdf(path: Path, pages: list[list[str]], size: int = 10) -> Path:
    """One page per list of lines; an empty string leaves an empty line, as the document did."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for lines in pages:
        c.setFont(font, size)
        y = h - 50
        for text in lines:
            if text:
                c.drawString(55, y, text)
            y -= size * 1.35
        c.showPage()
    c.save()
    return path


def metadata_of(tmp_path: Path, pages: list[list[str]]):
    """The metadata ingest reads from a PDF of these pages (one list of lines a page)."""
    return read_document(str(_pdf(tmp_path / "p.pdf", pages))).metadata


_BODY = ["BPSD (Beteendemässiga och Psykiska Symtom vid Demenssjukdom)",
         "drabbar ca 90 % av alla personer med kognitiv sjukdom/demenssjukdom",
         "någon gång under sjukdomsförloppet.",
         "I Botkyrka kommun ska alla berörda verksamheter, vård- och"]


@pytest.mark.parametrize("mark", ["# ", ""])
def test_plan_under_a_unit_line_a_decision_box_and_a_capitals_heading(tmp_path, mark):
    page = ["Vård- och omsorgsförvaltningen",
            "Dokumentet är beslutat av: [Verksamhetschef VOB]",
            "Dokumentet beslutades den: [2025-02-24]",
            "",
            "Dokumentet gäller tills vidare",
            "Dokumentet ersätter: [Nytt dokument]",
            "Dokumentansvarig är: [verksamhetsutvecklare VOB]",
            "1/4",
            f"{mark}HANDLINGSPLAN",
            "Handlingsplan för vidmakthållande av",
            "kvalitetsregistret BPSD-registret för Botkyrka",
            "kommuns samtliga vård- och omsorgsboenden",
            "samt korttidsboende.",
            f"{mark}Inledning", *_BODY]
    md = read_document(_pdf(tmp_path / "bpsd.pdf", [page])).metadata
    assert (md.municipality, md.org_kind, md.doc_type, md.kind, md.date, md.committee) == (
        "Botkyrka", "kommun", "other", "plan", "2025-02-24", None)
    assert md.title.rstrip(".") == ("Handlingsplan för vidmakthållande av kvalitetsregistret BPSD-registret för "
                                    "Botkyrka kommuns samtliga vård- och omsorgsboenden samt korttidsboende")


def test_policy_whose_heading_in_capitals_is_its_title(tmp_path):
    page = ["Dokumentet är beslutat av: Verksamhetschefer på vård- och omsorgsförvaltningen, enhetschef bemanningsenheten",
            "Dokumentet beslutades den: 2023-09-19", "",
            "Dokumentet gäller tillsvidare", "Dokumentet uppdaterat den: 2023-09-19",
            "Dokumentansvarig är: Enhetschef Bemanningsenheten", "1/2",
            "# BEMANNINGSPOLICY", "Vård- och omsorgsförvaltningen", "",
            "Utförarverksamheter anslutna till Bemanningsenheten", "",
            "Det här dokumentet gäller Vård- och", "omsorgsförvaltningens utförarverksamheter"]
    md = read_document(_pdf(tmp_path / "be.pdf", [page])).metadata
    assert (md.title, md.doc_type, md.kind, md.date) == ("BEMANNINGSPOLICY", "other", "policy", "2023-09-19")


def test_anvisning_with_only_a_revision_date_has_no_date(tmp_path):
    cover = ["2", "Reviderat 2015-01-09", "", "Anvisning för att förebygga", "alkohol-och drogmissbruk", "",
             "en bilaga till arbetsmiljöpolicyn"]
    page2 = ["3", "Reviderat 2015-01-09", "", "Därför finns denna anvisning", "",
             "Botkyrka kommuns Arbetsmiljöpolicy:", "", "Botkyrka kommun ska vara en drogfri arbetsplats"]
    md = read_document(_pdf(tmp_path / "anv.pdf", [cover, page2])).metadata
    assert (md.municipality, md.doc_type, md.kind, md.date) == ("Botkyrka", "other", "anvisning", None)
    assert md.title == "Anvisning för att förebygga alkohol-och drogmissbruk"


def test_rules_in_an_unfilled_template_form(tmp_path):
    page = ["Regler för användande av betalkort och", "drivmedelskort i Botkyrka kommun",
            "Strategi", "Program", "Plan", "Policy", "Riktlinjer", "Regler",
            "Diarienummer: skriv nummer exempelvis KS/xxx:xx",
            "Dokumentet är beslutat av: skriv namn på högsta beslutade funktion/organ",
            "Dokumentet beslutades den: skriv datum så här xx månad 20xx", "",
            "Dokumentet gäller för: skriv vilka som omfattas exempelvis alla nämnder",
            "Dokumentet gäller till den: skriv datum så här xx månad 20xx",
            "Dokumentet ersätter: Regler för användande av betalkort och drivmedelskort i Botkyrka kommun",
            "(KS/2009:517)", "Dokumentansvarig är: Planerings- och uppföljningsavdelningen"]
    md = read_document(_pdf(tmp_path / "regler.pdf", [page])).metadata
    assert (md.municipality, md.doc_type, md.kind, md.date, md.committee) == (
        "Botkyrka", "other", "regler", None, None)
    assert md.title == "Regler för användande av betalkort och drivmedelskort i Botkyrka kommun"


def test_a_templates_list_of_kinds_names_no_kind():
    form = ["Strategi", "Program", "Plan", "Policy", "Riktlinjer", "Regler"]
    assert find_kind(["Betalkort och drivmedelskort", *form, "Diarienummer:"]) is None
    assert find_kind(["POLICY", "Policy för representation"]) == "policy"
    assert find_kind(["Policy"]) == "policy"


def test_agreement_takes_its_adoption_date_not_its_text_or_start_date(tmp_path):
    page1 = ["# KSL/12/0177", "", "1(7)", "", "Överenskommelse om", "omhändertagande av avlidna mellan",
             "Stockholmsläns landsting och", "kommunerna i Stockholms län", "2017-03-30",
             "Antagen av Landstingsfullmäktige den 20 november 2018"]
    page2 = ["2(7)", "13. Avtalstid, uppsägning och", "omförhandling",
             "Denna överenskommelse träder i kraft från och med 1 juli 2019 och gäller tills",
             "vidare. Kommunens beslut om antagande är att likställas med undertecknande"]
    md = read_document(_pdf(tmp_path / "avlidna.pdf", [page1, page2])).metadata
    assert (md.doc_type, md.kind, md.date, md.committee) == (
        "other", "överenskommelse", "2018-11-20", "Landstingsfullmäktige")
    assert md.title == ("Överenskommelse om omhändertagande av avlidna mellan Stockholmsläns landsting och "
                        "kommunerna i Stockholms län")


def test_regional_programme_with_only_a_validity_period(tmp_path):
    head = ["Smittskyddsläkaren i Region Stockholm", "Dnr: SMST 2510-0065",
            "Gäller 2025-11-06 – 2028-10-31", "Gällande original hämtas från:", "www.smittskyddstockholm.se", ""]
    page1 = head + ["Handlingsprogram för calicivirusinfektion", "s.k. vinterkräksjuka", "",
                    "Riktlinje för hälso- och sjukvård och särskilda boenden i", "Region Stockholm", "",
                    "Handlingsprogrammet är framtaget av Smittskydd Stockholm och Vårdhygien"]
    page2 = head + ["Innehåll", "Checklista vid misstänkt/konstaterat fall av calicivirusinfektion ....... 3"]
    page3 = head + ["Calicivirus – Inledning", "Calicivirus är den vanligaste orsaken till magsjuka."]
    md = read_document(_pdf(tmp_path / "calici.pdf", [page1, page2, page3])).metadata
    assert (md.municipality, md.org_kind, md.doc_type, md.kind, md.date) == (
        "Region Stockholm", "region", "other", "program", None)
    assert md.title == "Handlingsprogram för calicivirusinfektion s.k. vinterkräksjuka"


def test_adoption_date_is_not_a_bare_revision_date():
    assert dates.adoption_date(["Reviderat 2015-01-09"]) is None
    assert dates.adoption_date(["Dokumentet uppdaterat den: 2023-10-02"]) is None
    assert dates.adoption_date(["Reviderad av kommunstyrelsen 2019-05-12, § 40"]) == "2019-05-12"
    assert dates.adoption_date(["Gäller från 2011-07-01", "Reviderad 2014-03-01",
                                "Antagen av kommunfullmäktige 2011-06-16, § 84"]) == "2011-06-16"
