"""Reading PDFs: reading order, running headers/footers, hyphenation, tables, structure and
metadata — on small PDFs drawn with reportlab and on the bundled sample protocol."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from namndkoll.ingest import read_document
from namndkoll.ingest.metadata import find_date, find_diarienummer, find_doc_type
from namndkoll.ingest.pdf import read_pdf, repair_hyphenation

SAMPLE = Path(__file__).resolve().parent.parent / "sample"


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True,
                          check=False).stdout
    if path.endswith(".ttf"):
        pdfmetrics.registerFont(TTFont("DejaVu", path))
        return "DejaVu"
    return "Helvetica"


def draw(path: Path, pages: list[list[tuple[float, float, str]]], *, lines: list[list[tuple]] | None = None) -> Path:
    """Each page: (x, y_from_top, text) strings; optional ruling lines (x0, y0, x1, y1) from top."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for i, page in enumerate(pages):
        c.setFont(font, 10)
        for x, y, text in page:
            c.drawString(x, h - y, text)
        for x0, y0, x1, y1 in (lines or [[]] * len(pages))[i]:
            c.line(x0, h - y0, x1, h - y1)
        c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("raw, clean", [
    ("nämnden ska bere-\nda ärendet", "nämnden ska bereda\närendet"),
    ("ett ekono-\nmiskt stöd", "ett ekonomiskt\nstöd"),
    ("fem OSA-\nplatser", "fem OSA-platser\n"),
    ("18 till 24-\nenheten", "18 till 24-enheten\n"),
    ("arbetsmarknads-\noch utbildningsområdet", "arbetsmarknads-\noch utbildningsområdet"),
    ("Stockholm-\nGöteborg", "Stockholm-\nGöteborg"),
])
def test_hyphenation(raw, clean):
    assert repair_hyphenation(raw) == clean


def test_running_header_and_footer_are_metadata_not_body(tmp_path):
    pages = []
    topics = ["budgeten", "förskolan", "hemtjänsten", "trafiken"]
    for n, topic in enumerate(topics, 1):
        pages.append([(60, 40, "Göteborgs Stad Kommunfullmäktige, protokoll"),
                      (60, 100, f"Frågan om {topic} behandlas här och nämnden ska bere-"),
                      (60, 114, f"da ärendet om {topic} vidare."),
                      (480, 800, f"{n} (4)")])
    doc = read_pdf(draw(tmp_path / "p.pdf", pages))
    p2 = doc.pages[1]
    assert p2.header == "Göteborgs Stad Kommunfullmäktige, protokoll"
    assert p2.footer == "2 (4)"
    assert p2.text == "Frågan om förskolan behandlas här och nämnden ska bereda\närendet om förskolan vidare."
    assert "(4)" not in doc.text and "protokoll" not in doc.text


def test_two_columns_are_read_column_by_column(tmp_path):
    left = [f"Vänster rad {i} om förskolan" for i in range(12)]
    right = [f"Höger rad {i} om skolan" for i in range(12)]
    page = [(60, 60, "Rubrik som går över hela sidans bredd och båda spalterna i dokumentet")]
    page += [(60, 90 + 14 * i, t) for i, t in enumerate(left)]
    page += [(320, 90 + 14 * i, t) for i, t in enumerate(right)]
    text = read_pdf(draw(tmp_path / "c.pdf", [page])).text
    lines = text.splitlines()
    assert lines[0].startswith("Rubrik")
    assert lines[1:13] == left and lines[13:25] == right


def test_two_columns_beside_a_picture_half_of_a_landscape_spread_are_read_column_by_column(tmp_path):
    # VGR's strategy: a spread whose left half is a picture, its förord in two columns on the
    # right half, the chairs' signatures at the foot of the right column
    from reportlab.pdfgen import canvas

    left = [f"Vänster spalt rad {i} om regionens utveckling" for i in range(12)]
    right = [f"Höger spalt rad {i} om samverkan i länet" for i in range(10)]
    c = canvas.Canvas(str(tmp_path / "spread.pdf"), pagesize=(1190, 842), invariant=True)
    c.setFont(_font(), 10)
    for i, t in enumerate(left):
        c.drawString(640, 842 - (90 + 14 * i), t)
    for i, t in enumerate(right):
        c.drawString(900, 842 - (90 + 14 * i), t)
    c.drawString(900, 842 - 250, "Helen Eliasson")
    c.drawString(1050, 842 - 250, "Madeleine Jonsson")
    c.drawString(900, 842 - 264, "Ordförande regionstyrelsen")
    c.drawString(1050, 842 - 264, "Ordförande miljö- och")
    c.showPage()
    c.save()
    lines = read_pdf(tmp_path / "spread.pdf").text.splitlines()
    assert lines[:12] == left and lines[12:22] == right
    assert lines[22:] == ["Helen Eliasson Madeleine Jonsson", "Ordförande regionstyrelsen Ordförande miljö- och"]


def ruled_table(path: Path, title: str, rows: list[tuple[str, str, str]]) -> Path:
    """A one-page PDF: ``title``, a table of three columns ruled on every side (a row 30 pt
    high), and a line of prose after it."""
    page = [(60, 60, title), (60, 300, "Kommentar efter tabellen.")]
    rule = []
    for r, row in enumerate(rows):
        y = 100 + 30 * r
        for c, cell in enumerate(row):
            page.append((65 + 150 * c, y + 18, cell))
        rule.append((60, y, 510, y))
    bottom = 100 + 30 * len(rows)
    rule.append((60, bottom, 510, bottom))
    rule += [(x, 100, x, bottom) for x in (60, 210, 360, 510)]
    return draw(path, [page], lines=[rule])


def _table_pdf(tmp_path: Path) -> Path:
    return ruled_table(tmp_path / "t.pdf", "Ekonomiskt utfall per verksamhet",
                       [("Verksamhet", "Budget tkr", "Utfall tkr"), ("Hemtjänst", "12 500", "13 100"),
                        ("Förskola", "8 200", "7 950"), ("Totalt", "20 700", "21 050")])


def test_ruled_table_becomes_rows_and_cells_not_body_text(tmp_path):
    doc = read_pdf(_table_pdf(tmp_path))
    (table,) = doc.pages[0].tables
    assert table.page == 1
    assert table.rows[0] == ("Verksamhet", "Budget tkr", "Utfall tkr")
    assert ("Förskola", "8 200", "7 950") in table.rows
    assert "Hemtjänst" not in doc.text
    assert "Ekonomiskt utfall" in doc.text and "Kommentar efter tabellen." in doc.text


def test_a_table_keeps_each_cells_box(tmp_path):
    """Each cell's box, parallel to the rows: a figure read from a cell can show that cell."""
    import pdfplumber

    path = _table_pdf(tmp_path)
    (table,) = read_pdf(path).pages[0].tables
    assert len(table.cells) == len(table.rows) and all(len(b) == len(r) for b, r in zip(table.cells, table.rows))
    r = next(i for i, row in enumerate(table.rows) if row[0] == "Förskola")
    with pdfplumber.open(path) as pdf:
        word = next(w for w in pdf.pages[0].extract_words() if w["text"] == "7")  # "7 950"
    x0, top, x1, bottom = table.cells[r][2]
    assert x0 <= word["x0"] < x1 and top <= word["top"] < bottom  # the Utfall cell of Förskola
    assert table.cell_box(r, 1) != table.cell_box(r, 2) and table.cell_box(99, 0) is None
    band = table.row_box(r)
    assert band is not None and band[1] == top and band[3] == bottom and band[0] == table.bbox[0]


def test_show_prints_the_tables_of_a_page(tmp_path):
    from typer.testing import CliRunner

    from namndkoll.api import ingest
    from namndkoll.cli import app

    db = tmp_path / "t.db"
    assert ingest([_table_pdf(tmp_path)], db=db, index=False, extract=False).count("ingested") == 1
    out = CliRunner().invoke(app, ["show", "t.pdf", "--db", str(db), "--page", "1"]).output
    assert "[table 1 of page 1]" in out and "Förskola | 8 200 | 7 950" in out


def test_sample_protocol_items_sections_and_metadata():
    doc = read_document(SAMPLE / "goteborg-kf-2023-11-09.pdf")
    m = doc.metadata
    assert (m.municipality, m.committee, m.doc_type, m.date) == ("Göteborg", "Kommunfullmäktige", "protokoll", "2023-11-09")
    assert [i.number for i in doc.items] == ["1", "2", "3", "4"]
    budget = doc.items[3]
    assert budget.title.startswith("Förslag till budget 2024")
    assert budget.diarienummer == ("SLK-2023-00068",)
    kinds = [s.kind for s in budget.sections]
    assert kinds[0] == "beslut" and {"yrkanden", "propositionsordning", "reservation"} <= set(kinds)
    assert budget.page_start == 4 and budget.page_end >= 10
    res = next(s for s in budget.sections if s.kind == "reservation")
    assert doc.text[res.start:res.end].startswith("Reservation")
    assert doc.page_of(res.start) == res.page_start


def test_officer_report_metadata():
    doc = read_document(SAMPLE / "lund-socialnamnden-2021-tjansteskrivelse.pdf")
    m = doc.metadata
    assert (m.municipality, m.committee, m.doc_type, m.date) == ("Lund", "Socialnämnden", "tjansteskrivelse", "2021-01-05")
    assert m.diarienummer == ("SO 2020/0129",)
    assert m.title == "Stärkt arbetsmarknadsfokus i Lund"


@pytest.mark.parametrize("text, expected", [
    ("Diarienummer SO 2020/0129", ("SO 2020/0129",)),
    ("Dnr AMN 2020-0104-1.4", ("AMN 2020-0104-1.4",)),
    ("ärende KS 2023/512 och KS 2023/513", ("KS 2023/512", "KS 2023/513")),
    ("§ 17 0120/22\nDelrapportering", ("0120/22",)),
    ("Dnr 0120/22", ("0120/22",)),
    ("§ 2 Ärendenummer SLK-2023-00027:45", ("SLK-2023-00027:45",)),
    ("enligt SFS 2001/453 och år 2023-2024", ()),
])
def test_diarienummer_forms(text, expected):
    assert find_diarienummer(text) == expected


@pytest.mark.parametrize("lines, expected", [
    (["Sammanträdesdatum: 2023-11-09"], "2023-11-09"),
    (["Datum", "2024-05-14"], "2024-05-14"),
    (["Lund den 13 april 2016"], "2016-04-13"),
    (["Ingen datering här"], None),
])
def test_dates(lines, expected):
    assert find_date("", lines) == expected


@pytest.mark.parametrize("lines, items, expected", [
    (["KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL"], True, "protokoll"),
    (["Protokollsutdrag", "Kommunstyrelsen"], True, "protokollsutdrag"),
    (["Lunds kommun", "Tjänsteskrivelse"], False, "tjansteskrivelse"),
    (["Motion till kommunfullmäktige"], False, "motion"),
    (["Reservation", "Ärende 7"], False, "reservation"),
    (["Rapportsammandrag", "Stadsrevisionen"], False, "revisionsrapport"),
    (["Så här skriver förvaltningen i sin tjänsteskrivelse om saken:"], False, None),
])
def test_doc_types(lines, items, expected):
    assert find_doc_type(lines, items) == expected


def _scanned_pdf(path: Path, lines: list[str]) -> Path:
    """A PDF whose only page is a picture of text (no text layer), like a scan."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font_file = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True,
                          check=False).stdout
    font = ImageFont.truetype(font_file, 42) if font_file.endswith(".ttf") else ImageFont.load_default()
    img = Image.new("L", (2480, 1200), 255)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        d.text((150, 150 + 80 * i), line, fill=0, font=font)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    w, h = A4
    c.drawImage(ImageReader(img), 0, h - w * 1200 / 2480, width=w, height=w * 1200 / 2480)
    c.showPage()
    c.save()
    return path


def test_page_without_text_layer_is_marked_or_ocrd(tmp_path):
    from namndkoll.ingest.pdf import ocr_available

    pdf = _scanned_pdf(tmp_path / "scan.pdf", ["Socialnämnden beslutade att anta", "planen för förskolan."])
    marked = read_pdf(pdf, ocr=False)
    assert marked.pages[0].ocr == "needs_ocr" and marked.pages[0].text == ""
    assert "tesseract-ocr-swe" in marked.warnings[0]
    if not ocr_available():
        pytest.skip("tesseract with Swedish is not installed")
    doc = read_pdf(pdf)
    assert doc.pages[0].ocr == "ocr"
    assert "Socialnämnden beslutade" in doc.text and "förskolan" in doc.text


# ---- layout: lines with boxes and fonts ----------------------------------------------------

def test_lines_have_spans_boxes_and_fonts(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "l.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 842 - 80, "Ekonomisk uppföljning 2026")
    c.setFont("Helvetica", 10)
    c.drawString(60, 842 - 110, "Budgeten följs upp varje månad och helårsprognosen är ett")
    c.drawString(60, 842 - 124, "överskott om 3,2 miljoner kronor.")
    c.showPage()
    c.save()
    page = read_pdf(path).pages[0]
    assert (page.width, page.height) == (595.3, 841.9)
    texts = [page.text[ln.start:ln.end] for ln in page.lines]
    assert texts == ["Ekonomisk uppföljning 2026", "Budgeten följs upp varje månad och helårsprognosen är ett",
                     "överskott om 3,2 miljoner kronor."]
    title, body = page.lines[0], page.lines[1]
    assert title.bold and title.size == 14.0 and not body.bold and body.size == 10.0
    assert 55 < title.x0 < 62 and 62 < title.top < 70 < title.bottom < 84  # from the top-left corner
    assert body.top > title.bottom and body.x1 > title.x1


def test_lines_round_trip_through_the_store(tmp_path):
    from namndkoll.api import ingest
    from namndkoll.corpus.db import open_db
    from namndkoll.corpus.store import load_document, resolve

    pdf = draw(tmp_path / "r.pdf", [[(60, 40, "Göteborgs Stad Kommunfullmäktige, protokoll"),
                                     (60, 100, f"Rad {i} om {topic}: nämnden ska bere-"),
                                     (60, 114, "da ärendet vidare."), (480, 800, f"{n} (3)")]
                                    for n, (i, topic) in enumerate([(1, "budgeten"), (2, "skolan"), (3, "vården")], 1)])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False, extract=False)
    conn = open_db(db)
    stored = load_document(conn, resolve(conn, str(pdf)))
    fresh = read_pdf(pdf)
    for s, f in zip(stored.pages, fresh.pages):
        assert (s.width, s.height) == (f.width, f.height) and len(s.lines) == len(f.lines) == 2
        for a, b in zip(s.lines, f.lines):
            assert (a.start, a.end, a.bold) == (b.start, b.end, b.bold)
            assert abs(a.x0 - b.x0) < 0.06 and abs(a.bottom - b.bottom) < 0.06 and abs(a.size - b.size) < 0.06
        # hyphenation joined "bere-/da": the first line's span ends in the joined word
        first = s.lines[0]
        assert s.text[first.start:first.end].endswith("ska bereda")
    assert stored.pages[1].text[stored.pages[1].lines[1].start:stored.pages[1].lines[1].end] == "ärendet vidare."


def test_vertical_text_stays_out_of_the_body_lines(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "v.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    c.setFont("Helvetica", 10)
    for i in range(20):
        c.drawString(60, 780 - 14 * i, f"Rad {i} i protokollet om budgeten och verksamheten.")
    c.saveState()
    c.translate(20, 300)
    c.rotate(90)
    c.drawString(0, 0, "Penneo dokumentnyckel: J2B6Z-ANS32-C4PS0")
    c.restoreState()
    c.showPage()
    c.save()
    lines = read_pdf(path).pages[0].text.split("\n")
    assert lines[:20] == [f"Rad {i} i protokollet om budgeten och verksamheten." for i in range(20)]
    assert lines[20:] == ["Penneo dokumentnyckel: J2B6Z-ANS32-C4PS0"]


def test_hyphen_after_a_single_letter_is_kept():
    assert repair_hyphenation("tobak och e-\ncigaretter") == "tobak och e-cigaretter\n"


# ---- pages whose text layer is garbage -----------------------------------------------------

GARBLED = ("I tur at justera protokojjet är medjemmarna Johannes Karf och Anna Kengo. Föjjande i tur är "
           "Johanna och Tua. Väjfärdsnämnden utser protokojjjusterare och protokojjet justeras ejektroniskt "
           "senast kj sexton. Tijj protokojjjusterare utsågs medjemmarna. Eftersom besut medanm emdans gäluuer "
           "beredamnmg euuer verss äluungee snm emung sommtmnuungem omprövmnmgsbegälrnm nm frnms äluuns")
SWEDISH = ("Kommunstyrelsen föreslår kommunfullmäktige att anta budgeten för nästa år. Förvaltningen har i "
           "skrivelse den andra juni lämnat följande yttrande: helårsprognosen per maj är ett överskott med "
           "anledning av att antalet barn i förskolan och elever i grundskolan beräknas bli färre än budgeterat. "
           "Det ger ett tillfälligt ekonomiskt utrymme som kan möta underskottet inom verksamhetsområdet.")
FINNISH = ("Talousarvion laatimiseen vaikuttaa aina yhteiskunnan talous, tulevat trendit ja odotukset. Kaupungin "
           "talousarviotyö tulevalle vuodelle tuo mukanaan suuria haasteita kaikilla tasoilla, koska epävarmuus "
           "tulevaisuudesta on suurempi kuin aiemmin. Tämä tarkoittaa että kaupungin rahoituspohja muuttuu myös "
           "merkittävästi, kun sosiaali- ja terveydenhuolto siirtyy hyvinvointialueille ensi vuonna.")


@pytest.mark.parametrize("text, expected", [
    (GARBLED, True), (SWEDISH, False), (FINNISH, False),
    ("protokojjet medjemmarna ejektroniskt", False),  # too few words to judge
    ("Ledamot Ja Nej Avstår\nThomas Thim (M) X\nCamilla Stensson (S) X", False),
    ("\ue001\ue002\ue003 \ue004\ue005\ue006\ue007 " * 10, True),  # glyphs that map to no letter
    # a short page that quotes markup and web addresses is read, not sent to OCR: its text
    # layer is exact (it was judged unreadable, and without Tesseract its people were lost)
    (("Lunds kommun\nSocialnämnden\nSkrivelse\n2022-03-01\n<script>alert('xss')</script> om "
     "förskoleplatser i Lund\nVi vill ha fler förskoleplatser. <img src=x onerror=alert(1)> 300 platser "
     "behövs.\n=HYPERLINK(\"http://example.invalid\") Anna Andersson (S) yrkar bifall."), False),
    (("Bilagor\nhttps://vgregion.se/ov/dhs/tolkformedling/arsredovisning-tfv-2025.pdf\n"
     "https://www.alingsas.se/wp-content/uploads/sites/3/kallelse-bun-jun.pdf\n"
     "kontakt: nämndsekreterare bun.kansli@alingsas.se, tfv.registrator@vgregion.se\n"
     "www.tolkformedlingvast.se/om-oss/styrdokument · www.alingsas.se/kommun-och-politik"), False),
])
def test_unreadable_text(text, expected):
    from namndkoll.ingest.readable import unreadable

    assert unreadable(text.split("\n")) is expected


def test_unreadable_page_is_left_out_and_counted(tmp_path):
    import textwrap

    pages = [[(60, 60 + 14 * i, t) for i, t in enumerate(textwrap.wrap(body, 85))] for body in (SWEDISH, GARBLED)]
    doc = read_pdf(draw(tmp_path / "g.pdf", pages), ocr=False)
    assert [p.ocr for p in doc.pages] == ["text", "unreadable"]
    assert doc.pages[1].text == "" and "protokojjet" not in doc.text
    assert "1 of 2 pages has a text layer that does not read as words" in doc.warnings[0]


def test_two_table_cells_set_touching_are_two_words(tmp_path):
    """A table whose cells touch ("Kostnad för kommunen" | "Minskat utbetalt försörjningsstöd",
    as in Lund's tjänsteskrivelse) reads as pdfium gives it, "kommunenMinskat", unless the capital
    that starts the next cell overlaps the small letter before it; a word with a capital inside
    it ("GöteborgsLokaler") stays one word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    first = "Anställning med stöd Antal Kostnad för kommunen"
    x = 60 + stringWidth(first, _font(), 10) - 4.5  # the next cell starts inside the last letter
    pdf = draw(tmp_path / "cells.pdf", [[(60, 100, first), (x, 100, "Minskat utbetalt försörjningsstöd"),
                                          (60, 130, "Lokalerna hyrs av GöteborgsLokaler sedan 2019.")]])
    text = read_pdf(pdf).pages[0].text
    assert "kommunen Minskat utbetalt" in text and "kommunenMinskat" not in text
    assert "GöteborgsLokaler" in text


def test_word_symbol_font_bullets_are_the_characters_they_draw():
    """Alingsås KF 2018-03-28 lists a motion's att-satser with Word's Symbol bullet, which a
    PDF gives as U+F0B7 (private use): quotes showed a box in the terminal and the browser."""
    from test_decisions_votes_positions import make_doc

    from namndkoll.extract.positions import find_positions
    from namndkoll.ingest.layout import clean_text

    text = clean_text("resurser vid extremväder \uf0b7 Att infrastrukturen planeras \uf0a7 Att …")
    assert text == "resurser vid extremväder • Att infrastrukturen planeras ▪ Att …"
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)
    # the motion's points under either bullet are its own: the position quotes them all
    motion = "\n".join(clean_text(line) for line in (
        "§ 62 Dnr KS 2018/0129", "Svar på motion om klimatanpassning", "Sammanfattning av ärendet",
        "Stefan Jägnert (SD) har i motion till fullmäktige föreslagit:",
        "\uf0b7 Att kommunen utreder resurser vid extremväder.", "\uf0a7 Att infrastrukturen planeras för skyfall.",
        "Kommunstyrelsens arbetsutskott har remitterat motionen."))
    (got,) = [p for p in find_positions(make_doc(motion, items=True, municipality="Alingsås")) if p.kind == "motion"]
    assert got.parties == ("SD",) and got.text.endswith(
        "• Att kommunen utreder resurser vid extremväder. ▪ Att infrastrukturen planeras för skyfall.")
