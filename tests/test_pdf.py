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

    path = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True).stdout
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


def _table_pdf(tmp_path: Path) -> Path:
    page = [(60, 60, "Ekonomiskt utfall per verksamhet"), (60, 300, "Kommentar efter tabellen.")]
    rows = [("Verksamhet", "Budget tkr", "Utfall tkr"), ("Hemtjänst", "12 500", "13 100"),
            ("Förskola", "8 200", "7 950"), ("Totalt", "20 700", "21 050")]
    rule = []
    for r, row in enumerate(rows):
        y = 100 + 30 * r
        for c, cell in enumerate(row):
            page.append((65 + 150 * c, y + 18, cell))
        rule.append((60, y, 510, y))
    rule.append((60, 220, 510, 220))
    rule += [(x, 100, x, 220) for x in (60, 210, 360, 510)]
    return draw(tmp_path / "t.pdf", [page], lines=[rule])


def test_ruled_table_becomes_rows_and_cells_not_body_text(tmp_path):
    doc = read_pdf(_table_pdf(tmp_path))
    (table,) = doc.pages[0].tables
    assert table.page == 1
    assert table.rows[0] == ("Verksamhet", "Budget tkr", "Utfall tkr")
    assert ("Förskola", "8 200", "7 950") in table.rows
    assert "Hemtjänst" not in doc.text
    assert "Ekonomiskt utfall" in doc.text and "Kommentar efter tabellen." in doc.text


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

    font_file = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True).stdout
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
