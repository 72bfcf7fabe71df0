"""Openings of bodies the ninth batch of bench/openings.json brought (dev9): the first two pages of
real PDFs from a meeting system's attachments, not web copies. An agreement whose cover sets its
parties on lines of their own ("Västra hälso- och sjukvårdsnämnden / och / Alingsås kommun") and
an idéburet offentligt partnerskap are agreements, and the kommun after the lone "och" is a party,
not the author; a nämnd's "Genomlysning" is an inquiry; a cover's letter-spaced date ("2 0 2 6 -
03 - 26"); the auditors' missiv to a kommun's bodies, "expedieras till kommunrevisionen", is a
kommun's. Lines adapted from real records of Alingsås and Västra Götalandsregionen."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_an_agreement_whose_cover_sets_the_kommun_after_a_lone_och_is_the_regions(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Dnr: HSNV 2017-00214",
                           "Avtal mellan",
                           "Västra hälso- och sjukvårdsnämnden",
                           "och",
                           "Alingsås kommun",
                           "avseende samverkan vid",
                           "Ungdomsmottagningen i Alingsås",
                           "2018",
                           "INNEHÅLLSFÖRTECKNING",
                           "1 AVTALSPARTER 3",
                           "2 AVTALSTID 3"],
                          ["1 Avtalsparter",
                           "Ungdomsmottagningen utgår från inriktningsdokumentet av Västra Götalandsregionens",
                           "hälso- och sjukvårdsstyrelse och de lokala förutsättningarna."]])
    # an agreement, and not Alingsås', the party after the lone "och"
    assert md.doc_type == "other" and md.kind == "avtal"
    assert md.municipality != "Alingsås" and md.org_kind != "kommun"


def test_an_ideburet_offentligt_partnerskap_is_an_agreement(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Idéburet offentligt",
                           "partnerskap mellan",
                           "Alingsås kommun och",
                           "Nolbygårds",
                           "intresseförening",
                           "Gällande meningsfull",
                           "sysselsättning för personer som får",
                           "försörjningsstöd",
                           "Bakgrund",
                           "Socialförvaltningen i Alingsås vill stärka samverkan med civilsamhället och ingå en",
                           "överenskommelse om idéburet offentligt partnerskap (IOP) med Nolbygårds intresseförening."]])
    assert (md.doc_type, md.kind, md.municipality) == ("other", "avtal", "Alingsås")


def test_a_namnds_genomlysning_is_an_inquiry(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Genomlysning",
                           "2026–2027",
                           "Bygg- och miljönämnden",
                           "Diarienummer: 2026.040 BMN Beställare: Kommunstyrelsen",
                           "Datum: 2026-06-16",
                           "alingsås.se"],
                          ["Innehåll",
                           "1. Sveriges mest effektiva kommun 3",
                           "2. Bygg- och miljönämndens effektivitet 5"]])
    assert (md.doc_type, md.kind, md.committee, md.date) == ("other", "utredning", "Bygg- och miljönämnden",
                                                              "2026-06-16")


def test_a_covers_letter_spaced_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [["2 0 2 6 - 03 - 26",
                           "RAPPORT",
                           "BORGENSAVGIFTER",
                           "AB Alingsås Rådhus",
                           "Resultat",
                           "Borgensavgiften har beräknats till 0,46%.",
                           "Denna rapport är framtagen för att bistå med ett beslutsunderlag avseende fastställande av",
                           "påslag för interna lån alternativt borgensavgift."]])
    assert md.date == "2026-03-26"


def test_the_auditors_missiv_to_a_kommuns_bodies_is_a_kommuns(tmp_path: Path) -> None:
    md = _read(tmp_path, [["MISSIV",
                           "REVISORERNA",
                           "Till följande nämnder för yttrande:",
                           "Kommunstyrelsen",
                           "Barn- och ungdomsnämnden",
                           "Till kommunfullmäktige för kännedom",
                           "Uppföljning av 2023 års granskningar",
                           "Vi har med stöd av Azets genomfört en granskning av rubricerat område.",
                           "Revisorerna överlämnar härmed revisionsrapporten för yttrande med följande",
                           "frågeställning:",
                           "Kommunstyrelsens och nämndens yttrande med redovisning av åtgärder utifrån rapportens",
                           "rekommendationer expedieras till kommunrevisionen senast den 30 juni 2026.",
                           "För kommunrevisionen",
                           "Anita Andersson Lennart Mattsson",
                           "Revisionens ordförande Vice ordförande"]])
    assert (md.committee, md.org_kind, md.doc_type) == ("Revisorerna", "kommun", "revisionsrapport")


def test_text_set_beyond_the_page_is_no_part_of_the_cover(tmp_path: Path) -> None:
    """A consultant's report template names its colour swatches left of the page ("DARK BLUE",
    "CYAN 40", "CORAL"): unseen, they are not the report's title."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from namndkoll.ingest import read_document

    path = tmp_path / "cover.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 5)
    for k, swatch in enumerate(("DARK BLUE", "CYAN 40", "CORAL", "LIGHT GREY")):
        c.drawString(-30, 780 - 35 * k, swatch)
    c.setFont("Helvetica", 12)
    c.drawString(60, 700, "2026-03-26")
    c.setFont("Helvetica-Bold", 36)
    c.drawString(60, 640, "RAPPORT")
    c.drawString(60, 600, "BORGENSAVGIFTER")
    c.setFont("Helvetica", 14)
    c.drawString(60, 560, "AB Alingsås Rådhus")
    c.setFont("Helvetica", 11)
    c.drawString(60, 500, "Borgensavgiften har beräknats till 0,46%. Denna rapport är framtagen för att bistå")
    c.drawString(60, 486, "med ett beslutsunderlag avseende fastställande av påslag för interna lån.")
    c.save()
    doc = read_document(str(path))
    assert "DARK BLUE" not in doc.pages[0].text and "CORAL" not in doc.pages[0].text
    assert doc.metadata.title is not None and "BORGENSAVGIFTER" in doc.metadata.title.upper()
