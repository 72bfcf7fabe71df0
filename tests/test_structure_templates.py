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


def test_a_regulations_sections_in_the_body_type_have_no_title(tmp_path):
    # a state authority's föreskrifter (TSFS 2024:57's form): "1 §" opens the section's text in
    # the body's type; a section whose line is a title in that type ("4 § Avgifter") keeps it,
    # and so does one whose title runs on in lower case to no full stop
    body = [
        (57, 100, "Inledande bestämmelser", 10.6, True),
        (57, 118, "1 § Dessa föreskrifter innehåller bestämmelser om parkeringsanmärkningar"),
        (57, 130, "och betalning av felparkeringsavgift enligt lagen om felparkeringsavgift."),
        (57, 148, "2 § En parkeringsanmärkning ska innehålla uppgifter om"),
        (68, 160, "1. slag av överträdelse angivet enligt beteckning i bilagan,"),
        (68, 172, "2. tid för överträdelsen."),
        (57, 190, "3 § En betalning får inte avse mer än en felparkeringsavgift."),
        (57, 208, "4 § Avgifter"),
        (57, 220, "Avgiften betalas till myndighetens konto för felparkeringsavgifter inom tre veckor."),
        (57, 238, "5 § Undantag från föreskrifterna för fordon i"),
        (57, 250, "utryckningstjänst"),
        (57, 262, "Myndigheten får medge undantag från dessa föreskrifter när det finns skäl för det."),
    ]
    filler = [(57, 300 + 12 * i, "Denna text är brödtext i samma stil som resten av sidan och fyller ut den.")
              for i in range(6)]
    doc = read_document(draw(tmp_path / "tsfs.pdf", [body + filler]), ocr=False)
    assert [(i.number, i.title) for i in doc.items][:4] == [("1", ""), ("2", ""), ("3", ""), ("4", "Avgifter")]
    assert doc.items[4].title.startswith("Undantag från föreskrifterna")


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


# ---- Ciceron (Kungsbacka): one font throughout, an "Innehåll" page, "Beslut – Förslag till …" --

def _ciceron_header(n: int, total: int, body: str) -> list[tuple]:
    return [(55, 40, "KUNGSBACKA KOMMUN"), (250, 40, "SAMMANTRÄDESPROTOKOLL"), (460, 40, f"{n} ({total})"),
            (55, 54, body), (55, 68, "Datum"), (55, 82, "2026-08-25")]


def _ciceron_lines(y: float, paragraphs: list[list[str]]) -> list[tuple]:
    """Body paragraphs in one plain 10 pt font: 13.5 pt between lines, a blank line between
    paragraphs (as the Kungsbacka protocols set them)."""
    out: list[tuple] = []
    for para in paragraphs:
        for t in para:
            out.append((55, y, t))
            y += 13.5
        y += 13.5
    return out


def _ciceron_extract(tmp_path: Path) -> Path:
    """A one-§ extract: cover, an "Innehåll" page listing § 189 with dotted leader and page
    number, then § 189 whose title runs straight into "Beslut – Förslag till kommunfullmäktige"."""
    body = "Kommunstyrelsen"
    cover = _ciceron_header(1, 3, body) + _ciceron_lines(120, [
        ["Plats och tid för sammanträde Stadshuset, Klockan 13:00-16:00"],
        ["Beslutande Lisa Andersson (M), ordförande"], ["Sekreterare Anna Berg Paragraf 189"]])
    index = _ciceron_header(2, 3, body) + _ciceron_lines(120, [
        ["Innehåll"],
        ["§ 189 Dnr KS-2026-00101", "Fastställande av förbundsordning för Tolkförmedling Väst",
         "..................................................................................... 3"]])
    item = _ciceron_header(3, 3, body) + _ciceron_lines(120, [
        ["§ 189                Dnr KS-2026-00101", "Fastställande av förbundsordning för Tolkförmedling Väst",
         "Beslut – Förslag till kommunfullmäktige",
         "Kommunfullmäktige fastställer förbundsordningen för Tolkförmedling Väst."],
        ["Sammanfattning av ärendet", "Förbundsordningen ska ses över varje mandatperiod."]])
    return draw(tmp_path / "ciceron-extract.pdf", [cover, index, item])


def test_ciceron_one_item_extract_behind_its_index_page(tmp_path):
    """The index page's lone § line is no item (nor is the item placed there); the title, set in
    the body font, ends at the section heading "Beslut – Förslag till kommunfullmäktige"."""
    doc = read_document(_ciceron_extract(tmp_path), ocr=False)
    assert [(i.number, i.page_start) for i in doc.items] == [("189", 3)]
    (item,) = doc.items
    assert item.title == "Fastställande av förbundsordning för Tolkförmedling Väst"
    assert item.diarienummer == ("KS-2026-00101",)
    assert [(s.kind, s.title) for s in item.sections] == [
        ("forslag", "Beslut – Förslag till kommunfullmäktige"), ("arendet", "Sammanfattning av ärendet")]


def test_ciceron_title_ends_where_its_paragraph_does(tmp_path):
    """§§ 142-143 of a Byggnadsnämnd protocol: a title without bold, then after a blank line the
    note that the § is not published in full, or the body's first sentences: no part of the title."""
    body = "Byggnadsnämnden"
    after = [["Protokoll för ärende om tillsyn, förbud eller föreläggande publiceras inte i sin helhet",
              "på webben."],
             ["Byggnadsnämnden förelägger ägaren till fastigheten Vallda 1:2 att ta bort del av staketet",
              "senast den 1 oktober 2024 vid ett vite om 20 000 kronor."]]
    titles = ["Rättelseföreläggs med vite att avröja stängsel", "Rättelseföreläggs med vite att avröja del av staket"]
    index = _ciceron_header(1, 3, body) + _ciceron_lines(120, [
        ["Innehåll"], ["§ 142 Dnr BN-2023-001564", f"{titles[0]} ............................. 2"],
        ["§ 143 Dnr BN-2024-000899", f"{titles[1]} ......................... 3"]])
    pages = [index]
    for n, (num, title, text) in enumerate(zip((142, 143), titles, after, strict=True), 2):
        pages.append(_ciceron_header(n, 3, body) + _ciceron_lines(120, [[f"§ {num}   Dnr BN-2024-00{num}", title],
                                                                        text]))
    doc = read_document(draw(tmp_path / "ciceron-bygg.pdf", pages), ocr=False)
    assert [(i.number, i.title, i.page_start) for i in doc.items] == [("142", titles[0], 2), ("143", titles[1], 3)]


@pytest.mark.parametrize("gap", ["", "\n"])
def test_title_ends_before_a_sentence_in_plain_text(gap):
    """Without a layout (text alone) the same note is told from a title by its full stop, or by
    the empty line before it."""
    from namndkoll.ingest.structure import find_items

    text = ("§ 142 Dnr BN-2023-001564\nRättelseföreläggs med vite att avröja stängsel\n" + gap +
            "Protokoll för ärende om tillsyn, förbud eller föreläggande publiceras inte i sin helhet\n"
            "på webben.\n§ 143 Dnr BN-2024-000899\nSvar på motion om mer tid ute för barnen i förskolan från\n"
            "Jessica Blixt (D) och Anna Ek (S) m.fl.\nBeslut\nMotionen avslås.")
    items = find_items(text, ())
    assert [(i.number, i.title) for i in items] == [
        ("142", "Rättelseföreläggs med vite att avröja stängsel"),
        # a wrapped title line that ends in an abbreviation is no sentence
        ("143", "Svar på motion om mer tid ute för barnen i förskolan från Jessica Blixt (D) och Anna Ek (S) m.fl.")]


def test_the_running_headers_label_on_the_heading_line_is_no_title():
    """Lomma's NetPublicator pages: the header's "Sammanträdesdatum" and its date stand on the §
    heading's line and the next; the title is the line after them."""
    from namndkoll.ingest.structure import find_items

    text = ("KS § 23 KS KF/2026:6\nMeddelanden och delegationsbeslut\nÄrendebeskrivning\nInga nya.\n"
            "KS § 24 Sammanträdesdatum\n2026-03-25\nKommundirektören informerar\nKS KF/2026:5\nBeslut\n"
            "Kommunstyrelsen beslutar:\n- att ärendet utgår från dagordningen.\n")
    assert [(i.number, i.title) for i in find_items(text, ())] == [
        ("23", "Meddelanden och delegationsbeslut"), ("24", "Kommundirektören informerar")]


def test_a_footnote_citing_a_paragraph_is_no_item(tmp_path):
    """"2 §34 Lag (2006:412) om allmänna vattentjänster" (a report's footnote) is no Finnish
    "39 § Title" heading."""
    page = [(60, 60, "Revisionsrapport"), (60, 80, "Kretslopp och vattennämnden tar ut avgifter enligt lag.2"),
            (60, 760, "2 §34 Lag (2006:412) om allmänna vattentjänster,", 8)]
    doc = read_document(draw(tmp_path / "footnote.pdf", [page]), ocr=False)
    assert doc.items == ()


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
    ("Beslut – Förslag till kommunfullmäktige", "forslag"), ("Beslut - förslag till regionfullmäktige", "forslag"),
    ("Bildningsdirektör/tf välfärdschef Teresia Tötterman-Engströms förslag:", "forslag"),
    ("Enligt kommunstyrelsens förslag:", None), ("Beslut om budget fattades i maj.", None),
])
def test_section_headings(line, kind):
    from namndkoll.ingest.sections import section_kind

    assert section_kind(line) == kind
