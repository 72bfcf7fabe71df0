"""§ items, titles and sections across the protocol templates of Swedish meeting systems:
PDFs drawn with reportlab in each template's layout (fonts, positions, running header), and
single pages of real protocols (tests/fixtures: Alingsås, Meetings Plus; Nykarleby, Finland)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from namndkoll.ingest import read_document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
A4_H = 842.0


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = []
    for name, pattern in (("Sans", "DejaVu Sans"), ("Sans-Bold", "DejaVu Sans:bold")):
        path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True,
                              check=False).stdout
        if not path.endswith(".ttf"):
            return "Helvetica", "Helvetica-Bold"
        pdfmetrics.registerFont(TTFont(name, path))
        names.append(name)
    return names[0], names[1]


def draw(path: Path, pages: list[list[tuple]]) -> Path:
    """Each page: (x, y from the top, text[, size[, bold]]) strings, DejaVu (Helvetica without it)."""
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    c = canvas.Canvas(str(path), pagesize=(595, A4_H), invariant=True)
    for page in pages:
        for x, y, text, *style in page:
            size = style[0] if style else 10
            c.setFont(bold if len(style) > 1 and style[1] else regular, size)
            c.drawString(x, A4_H - y, text)
        c.showPage()
    c.save()
    return path


# ---- Meetings Plus (Formpipe): Alingsås' layout ------------------------------------------

def _mp_header(n: int, body: str = "Barn- och ungdomsnämnden") -> list[tuple]:
    return [(530, 28, str(n), 9), (389, 45, body, 12, True), (389, 72, "Protokoll", 12, True),
            (389, 99, "2026-06-16", 12), (438, 781, "Utdragsbestyrkande", 7)]


def _mp_item(number: int, dnr: str, title: list[str], body: list[tuple[str, list[str]]]) -> list[tuple]:
    out: list[tuple] = [(71, 152, f"§ {number} {dnr}".rstrip(), 11)]
    y = 178
    for t in title:
        out.append((71, y, t, 13, True))
        y += 17
    y += 10
    for heading, lines in body:
        out.append((71, y, heading, 11, True))
        y += 15
        for t in lines:
            out.append((71, y, t, 11))
            y += 13
        y += 12
    return out


ITEMS = [
    (41, "", ["Information och överläggningar"], [("Ärendebeskrivning", ["Information från verksamhetsbesök."])]),
    (42, "2026.007 BUN", ["Ekonomisk uppföljning 2026"],
     [("Ärendebeskrivning", ["Budgeten följs upp kontinuerligt under året."]),
      ("Beredning", ["Förvaltningen har i skrivelse den 2 juni 2026 lämnat följande yttrande:",
                     "Helårsprognosen per maj är ett överskott."]),
      ("Beslut", ["Barn- och ungdomsnämnden godkänner ekonomisk uppföljning per maj 2026."]),
      ("Beslutsunderlag", ["Tjänsteskrivelse Ekonomisk uppföljning per maj 2026"])]),
    (43, "2026.156 BUN", ["Uppföljande granskning avseende tidigare genomförda granskningar från",
                          "2023 Mottagande i anpassad grundskola"],
     [("Ärendebeskrivning", ["Revisorerna har följt upp två granskningar."]),
      ("Yrkanden", ["Karin Josefsson (L) yrkar att ärendet återremitteras."]),
      ("Beslutsgång", ["Ordföranden ställer proposition på yrkandet och finner att det avslås."]),
      ("Omröstning", ["Omröstning begärs. Med 6 ja-röster och 7 nej-röster avslås yrkandet."]),
      ("Beslut", ["Redovisningen godkänns."]),
      ("Reservation", ["Thomas Thim (M) reserverar sig mot beslutet."]),
      ("Expedieras till", ["Kommunstyrelsen"])]),
]


def _meetings_plus(tmp_path: Path) -> Path:
    cover = [(71, 160, "Plats och tid Campus Alingsås kl. 14:00-17:45", 11),
             (71, 180, "Beslutande Thomas Thim (M) (ordförande)", 11)]
    toc = [(71, 150 + 15 * i, f"§ {n} {' '.join(t)}", 11) for i, (n, _d, t, _b) in enumerate(ITEMS)]
    pages = [_mp_header(1) + cover, _mp_header(2) + toc]
    for number, dnr, title, body in ITEMS:
        pages.append(_mp_header(len(pages) + 1) + _mp_item(number, dnr, title, body))
    # a roll call page after § 43, with a header of its own
    pages.append([(530, 28, str(len(pages) + 1), 9), (263, 45, "Barn- och ungdomsnämnden Voteringslista", 12, True),
                  (71, 140, "Voteringslista: §43", 11), (71, 155, "Ärende: Uppföljande granskning 2026.156 BUN", 11),
                  (77, 215, "Ledamot", 11, True), (300, 215, "Ja", 11, True), (350, 215, "Nej", 11, True),
                  (77, 230, "Thomas Thim (M), ordförande", 11), (300, 230, "X", 11),
                  (77, 245, "Camilla Stensson (S), vice ordförande", 11), (350, 245, "X", 11)])
    return draw(tmp_path / "mp.pdf", pages)


def test_meetings_plus_items_titles_sections_and_toc(tmp_path):
    doc = read_document(_meetings_plus(tmp_path), ocr=False)
    assert [(i.number, i.page_start) for i in doc.items] == [("41", 3), ("42", 4), ("43", 5)]
    titles = [i.title for i in doc.items]
    assert titles == ["Information och överläggningar", "Ekonomisk uppföljning 2026",
                      ("Uppföljande granskning avseende tidigare genomförda granskningar från 2023 "
                       "Mottagande i anpassad grundskola")]
    assert doc.items[1].diarienummer == ("2026.007 BUN",)
    assert [s.kind for s in doc.items[1].sections] == ["arendet", "beredning", "beslut", "beslutsunderlag"]
    kinds = [s.kind for s in doc.items[2].sections]
    assert kinds == ["arendet", "yrkanden", "propositionsordning", "omrostning", "beslut", "reservation",
                     "expedieras"]
    # the roll call page belongs to § 43; the running header is out of the body
    assert doc.items[2].page_end == 6
    assert "Voteringslista: §43" in doc.text[doc.items[2].start:doc.items[2].end]
    assert "2026-06-16" not in doc.pages[3].text and "Utdragsbestyrkande" not in doc.text
    assert doc.pages[3].header.endswith("2026-06-16")


# ---- older Word protocols: "KS § 1", "§ 3 a" ---------------------------------------------

def test_word_protocol_with_body_prefix_and_lettered_items(tmp_path):
    lines = ["KOMMUNSTYRELSEN SAMMANTRÄDESPROTOKOLL", "Sammanträdesdatum 2019-03-12", "",
             "KS § 1 Val av justerare", "Anna Andersson (S) utses att justera protokollet.", "",
             "KS § 2 Budgetuppföljning februari", "Kommunstyrelsen beslutar", "att godkänna uppföljningen.",
             "Enligt 6 kap.", "§ 9 kommunallagen ska styrelsen följa upp verksamheten.", "",
             "KS § 3 Motion om gång- och cykelväg", "Beslut", "Motionen avslås.", "",
             "KS § 3 a Tilläggsärende: skrivelse om vägbelysning", "Beslut", "Skrivelsen överlämnas.", "",
             "KS § 4 Delegationsbeslut", "Beslut", "Redovisningen godkänns."]
    pdf = draw(tmp_path / "word.pdf", [[(60, 60 + 14 * i, t) for i, t in enumerate(lines) if t]])
    doc = read_document(pdf, ocr=False)
    assert [i.number for i in doc.items] == ["1", "2", "3", "3 a", "4"]
    assert [i.title for i in doc.items] == ["Val av justerare", "Budgetuppföljning februari",
                                            "Motion om gång- och cykelväg",
                                            "Tilläggsärende: skrivelse om vägbelysning", "Delegationsbeslut"]


# ---- Finland-Swedish: "39 §" ---------------------------------------------------------------

def test_finnish_number_before_sign(tmp_path):
    pages = []
    for n, (num, title, said) in enumerate([
            (39, "Sammanträdets laglighet och beslutförhet", "Ordförande konstaterar att nämnden är beslutför."),
            (40, "Val av protokolljusterare", "Till protokolljusterare utsågs Johanna Norrbygård.")], 1):
        pages.append([(72, 85, f"Protokoll {num} § 15.09.2022 Sida"), (72, 99, f"Välfärdsnämnden {n}"),
                      (72, 130, f"{num} § {title}", 11, True),
                      (72, 160, f"Välfärdsnämnden 15.9.2022, {num} §"),
                      (135, 180, f"Stadsstyrelsen 5.9.2022, {180 + n} §"), (135, 195, said),
                      (72, 220, "Välfärdsnämndens beslut:"), (135, 235, f"Antecknades för kännedom ({n}).")])
    doc = read_document(draw(tmp_path / "fi.pdf", pages), ocr=False)
    assert [(i.number, i.title, i.page_start) for i in doc.items] == [
        ("39", "Sammanträdets laglighet och beslutförhet", 1), ("40", "Val av protokolljusterare", 2)]
    assert [s.kind for s in doc.items[0].sections] == ["beslut"]
    assert "Protokoll 40 §" in doc.pages[1].header


# ---- a template whose headings are bold: a quoted § line does not become an item ---------

def test_bold_headings_outweigh_a_quoted_paragraph_line(tmp_path):
    page = [(60, 60, "§ 12 Budget 2024 för kommunstyrelsen", 11, True),
            (60, 80, "Kommunstyrelsen föreslår kommunfullmäktige att anta budgeten. Ur protokollet:"),
            (60, 94, "§ 13 Kommunstyrelsen beslutade den 3 maj att remittera förslaget."),
            (60, 108, "Beslut"), (60, 122, "Budgeten antas."),
            (60, 150, "§ 13 Taxa för vatten och avlopp", 11, True), (60, 170, "Beslut"), (60, 184, "Taxan antas."),
            (60, 212, "§ 14 Anmälningsärenden", 11, True), (60, 232, "Beslut"), (60, 246, "Anmälningarna läggs till handlingarna.")]
    doc = read_document(draw(tmp_path / "bold.pdf", [page]), ocr=False)
    assert [(i.number, i.title) for i in doc.items] == [
        ("12", "Budget 2024 för kommunstyrelsen"), ("13", "Taxa för vatten och avlopp"), ("14", "Anmälningsärenden")]
    assert "remittera" in doc.text[doc.items[0].start:doc.items[0].end]


# ---- real pages ----------------------------------------------------------------------------

def test_real_table_of_contents_page_is_not_the_items():
    """Alingsås barn- och ungdomsnämnden 2026-06-16, page 2: the list of §§ 41-49 alone."""
    from namndkoll.ingest.structure import table_of_contents

    doc = read_document(FIXTURES / "alingsas-bun-2026-06-16-p2-innehall.pdf", ocr=False)
    assert "§ 44 Kompetensförsörjningsplan" in doc.text
    assert doc.items == ()
    assert table_of_contents(doc.pages) == tuple(range(41, 50))


def test_real_meetings_plus_paragraph_page():
    """Alingsås barn- och ungdomsnämnden 2026-06-16, page 4: "§ 42 2026.007 BUN", the title on
    the next line in bold 13 pt, sections in bold 11 pt."""
    doc = read_document(FIXTURES / "alingsas-bun-2026-06-16-p4-paragraf-42.pdf", ocr=False)
    (item,) = doc.items
    assert (item.number, item.title, item.diarienummer) == ("42", "Ekonomisk uppföljning 2026", ("2026.007 BUN",))
    assert [s.kind for s in item.sections] == ["arendet", "beredning", "beslut", "beslutsunderlag"]
    title = next(ln for ln in doc.pages[0].lines if doc.pages[0].text[ln.start:ln.end] == item.title)
    assert title.bold and title.size == 13.0


def test_real_finnish_protocol_toc_and_unreadable_page():
    """Nykarleby välfärdsnämnden 2022-09-15, pages 2-3: a table of contents with dotted leaders
    and page numbers ("39 § ... 1"), then "39 § Sammanträdets laglighet och beslutfrhet" on a
    page whose font encoding is broken ("beslutörr" for beslutfört): without OCR that page is
    left out (not indexed as words) and the table of contents still does not become items;
    with Tesseract the page is read again and § 39 is found."""
    from namndkoll.ingest.pdf import ocr_available

    doc = read_document(FIXTURES / "nykarleby-valfardsnamnden-2022-09-15-p2-3.pdf", ocr=False)
    assert "39 § Sammanträdets laglighet och beslutförhet" in doc.pages[0].text
    assert [p.ocr for p in doc.pages] == ["text", "unreadable"] and doc.pages[1].text == ""
    assert any("does not read as words" in w for w in doc.warnings)
    assert doc.items == ()
    from namndkoll.ingest.structure import table_of_contents

    assert table_of_contents(doc.pages) == tuple(range(39, 50))
    if not ocr_available():
        pytest.skip("tesseract with Swedish is not installed")
    doc = read_document(FIXTURES / "nykarleby-valfardsnamnden-2022-09-15-p2-3.pdf")
    assert doc.pages[1].ocr == "ocr"
    assert [(i.number, i.page_start) for i in doc.items] == [("39", 2)]
    assert doc.items[0].title.startswith("Sammanträdets laglighet")


@pytest.mark.parametrize("line, kind", [
    ("Ärendebeskrivning", "arendet"), ("Beredning", "beredning"), ("Tilläggsyrkande", "yrkanden"),
    ("Beslutsgång", "propositionsordning"), ("Omröstningsresultat", "omrostning"), ("Beslut", "beslut"),
    ("Kommunfullmäktiges beslut:", "beslut"), ("Välfärdsnämndens beslut:", "beslut"),
    ("Reservation", "reservation"), ("Protokollsanteckning", "protokollsanteckning"),
    ("Anteckning", "protokollsanteckning"), ("Särskilt yttrande", "sarskilt_uttalande"),
    ("Expedieras till", "expedieras"), ("Beslutet skickas till", "expedieras"),
    ("Beslutsunderlag", "beslutsunderlag"), ("Jäv", "jav"), ("Förslag till beslut på sammanträdet", "forslag"), ("Förslag:", "forslag"),
    ("Bildningsdirektör/tf välfärdschef Teresia Tötterman-Engströms förslag:", "forslag"),
    ("Enligt kommunstyrelsens förslag:", None), ("Beslut om budget fattades i maj.", None),
])
def test_section_headings(line, kind):
    from namndkoll.ingest.sections import section_kind

    assert section_kind(line) == kind
