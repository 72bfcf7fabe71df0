"""Metadata of papers written by others and filed among a kommun's meeting attachments (issue 8,
h-gold141): a central authority's regulation ("Transportstyrelsens författningssamling", sections
"1 §" ... "13 §") is that authority's regulation, dated by its adoption ("beslutade den 28 augusti
2024"), not a protocol dated by its printing; a consultant's report stamped by the body it was sent
to ("Bygg- och miljönämnden inkommen: 2026-04-30 Dnr: 2026-841") was not written by that body. The
excerpts are real (attachments of Alingsås' tekniska nämnd and bygg- och miljönämnd, as archived in
Knarrbyn/Kommundata), drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest import read_document


def _pdf(path: Path, rows: list[tuple[str, str]]) -> Path:
    """One page; each row a left text and, on the same baseline, a right-column text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    y = h - 70
    c.setFont(font, 10)
    for left, right in rows:
        if left:
            c.drawString(55, y, left)
        if right:
            c.drawString(380, y, right)
        y -= 14
    c.showPage()
    c.save()
    return path


_TSFS = [
    ("Transportstyrelsens författningssamling", ""),
    ("Transportstyrelsens föreskrifter", "TSFS 2024:57"),
    ("om parkeringsanmärkningar och", "Utkom från trycket"),
    ("felparkeringsavgift;", "den 10 september 2024"),
    ("beslutade den 28 augusti 2024.", ""),
    ("", "VÄGTRAFIK"),
    ("Transportstyrelsen föreskriver följande med stöd av 12 § förordningen", ""),
    ("(1976:1128) om felparkeringsavgift.", ""),
    ("Inledande bestämmelser", ""),
    ("1 § Dessa föreskrifter innehåller bestämmelser om parkeringsanmärkningar", ""),
    ("och betalning av felparkeringsavgift enligt lagen (1976:206) om felparkerings-", ""),
    ("avgift.", ""),
    ("2 § De begrepp som används i dessa föreskrifter har den betydelse som", ""),
    ("anges i lagen (1976:206) om felparkeringsavgift.", ""),
    ("Gemensamma bestämmelser", ""),
    ("3 § En parkeringsanmärkning ska meddelas på blankett eller genom elek-", ""),
    ("tronisk överföringsmetod som tillhandahålls av Transportstyrelsen.", ""),
    ("4 § En parkeringsanmärkning får inte avse mer än ett fordon.", ""),
]


def test_an_authoritys_regulation_is_its_own_and_dated_by_its_adoption(tmp_path):
    md = read_document(_pdf(tmp_path / "tsfs.pdf", _TSFS)).metadata
    assert (md.municipality, md.org_kind, md.doc_type, md.kind, md.committee) == (
        "Transportstyrelsen", "other", "other", "föreskrift", None)
    assert md.date == "2024-08-28"  # beslutade, not "Utkom från trycket den 10 september 2024"


_SWECO = [
    ("", "Bygg- och miljönämnden inkommen: 2026-04-30 Dnr: 2026-841"),
    ("Samrådsunderlag", ""),
    ("Mjörn ytvattentäkt", ""),
    ("Underlag för avgränsningssamråd enligt 6 kap.", ""),
    ("miljöbalken inför ansökan om tillstånd till vattenuttag från", ""),
    ("sjön Mjörn i Lerums och Alingsås kommuner", ""),
    ("Sweco Sverige AB   556767-9849", ""),
    ("Uppdrag            Tillståndsprövning Mjörn", ""),
    ("Kund               Göteborg Kretslopp och vatten,", ""),
    ("                   Lerums kommun", ""),
    ("Upprättad av       Helen Eklund", ""),
    ("Datum              2026-03-13", ""),
]


def test_the_receiving_bodys_stamp_is_not_the_writer(tmp_path):
    md = read_document(_pdf(tmp_path / "samrad.pdf", _SWECO)).metadata
    assert md.committee is None
    assert md.date == "2026-03-13"  # the report's own date, not the day it came in


def test_a_consultants_report_with_no_type_word_is_an_inquiry(tmp_path):
    # the Sweco cover names no type a nämnd uses (no "Tjänsteskrivelse", no "Protokoll"): "other",
    # and "Samrådsunderlag" says what kind of paper it is
    md = read_document(_pdf(tmp_path / "samrad.pdf", _SWECO)).metadata
    assert (md.doc_type, md.kind) == ("other", "utredning")


def test_the_ramar_of_a_process_are_no_budget(tmp_path):
    rows = [("2026-05-06", ""), ("Storkoll 2050", ""),
            ("Beskrivning av process och ramar inför muntlig dialog i", ""),
            ("delregionala kollektivtrafik- och samhällsplaneringsforum", ""),
            ("Bakgrund", ""),
            ("Västra Götalandsregionens (VGR) strategiska dokument för utveckling av", ""),
            ("persontågtrafiken i Västra Götaland är Målbild tåg 2035 vilken antogs 2013.", "")]
    md = read_document(_pdf(tmp_path / "storkoll.pdf", rows)).metadata
    assert md.kind != "budget"
    assert md.date == "2026-05-06"


def test_budget_frames_are_still_a_budget(tmp_path):
    rows = [("Underlag ramar 2027-2029", ""), ("Alingsås kommun", ""),
            ("Kommunstyrelsen föreslås besluta om ramar för nämnderna för perioden.", "")]
    md = read_document(_pdf(tmp_path / "ramar.pdf", rows)).metadata
    assert md.kind == "budget"


def test_beslutade_den_is_an_adoption_only_alone_on_its_line():
    from namndkoll.ingest.dates import adoption_date

    assert adoption_date(["felparkeringsavgift;", "beslutade den 28 augusti 2024."]) == "2024-08-28"
    # a sentence wrapped so that its verb opens a line (a protocol's text) adopts nothing
    assert adoption_date(["Direktionen för Alingsås och Vårgårda Räddningstjänstförbund (härefter benämnt förbundet)",
                          "beslutade den 17 april 2026, § 10, att godkänna budget 2027, budgetramar för 2028–2029,"]) is None


def test_a_document_without_text_gets_no_type():
    from namndkoll.ingest.metadata import read_metadata
    from namndkoll.types import Page

    # pages that need OCR tell nothing: no "other" guessed for them
    assert read_metadata([Page(1, ""), Page(2, "")], []).doc_type is None
