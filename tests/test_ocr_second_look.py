"""A document with broken fonts: besides the pages whose text layer is unreadable, the pages that
pass that test but are lightly misread ("välfärdsscef", "Töterrann-ngströrs") are read by
Tesseract too, and the reading with more known words is kept. The PDFs are pictures of the true
text under an invisible, misread text layer — what a broken ToUnicode map does to a page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from namndkoll.ingest import read_document
from namndkoll.ingest.ocr import ocr_available
from namndkoll.ingest.pdf import read_pdf
from namndkoll.ingest.readable import unknown_words, unreadable

TRUE = ["§ 41 Godkännande av föredragningslistan",
        "Bildningsdirektör och välfärdschef Teresia Tötterman-Engströms förslag:",
        "Välfärdsnämnden godkänner föredragningslistan och beslutar om eventuella",
        "tilläggsärenden. Öppethållningstider vid Pepparkakshuset under hösten:",
        "tisdag och onsdag kl. 17-21 samt fredag och lördag kl. 17-23.",
        "Därav finns det skäl att stadsstyrelsen i fortsättningen är anställande",
        "myndighet för tjänsten som välfärdschef och detta innebär en mindre",
        "korrigering av stadens förvaltningsstadga.",
        "Välfärdsnämndens beslut:",
        "Föredragningslistan godkändes."]
# the same page as Nykarleby's fonts give it: a few glyphs map to the wrong letters or none
LIGHT = ["§ 41 Godkännande av föredragningslistan",
         "Bildningsdirektör och välfärdsscef Teresia Töterrann-ngströrs förslag:",
         "Välfärdsnämnden godkänner föredragningslistan och beslutar om eventuella",
         "tilläggsärendenE Öppeihållningstder vid Pepparkakshusei under hösten:",
         "tsdag och onsdag kl. 17n21 samt fredag och lördag kl. 17n23E",
         "Därav fnns det skäl at stadsstyrelsen i fortsätningen är anställande",
         "myndighet för tjänsten som välfärdscef och deta innebär en mindre",
         "korrigering av stadens förvaltningsstadgaE",
         "Välfärdsnärndens beslut:",
         "Föredragningslistan godkändesE"]
BROKEN = ["I tur at justera protokojjet är medjemmarna Johannes Karf och Anna Kengo.",
          "Föjjande i tur är Johanna och Tua. Väjfärdsnämnden utser protokojjjusterare",
          "och protokojjet justeras ejektroniskt senast kj sexton. Tijj protokojjjusterare",
          "utsågs medjemmarna. Eftersom besut medanm emdans gäluuer beredamnmg euuer",
          "verss äluungee snm emung sommtmnuungem omprövmnmgsbegälrnm nm frnms äluuns"]


def _font_file() -> str:
    path = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True,
                          check=False).stdout
    if not path.endswith(".ttf"):
        pytest.skip("no DejaVu Sans TrueType font to draw Swedish text with")
    return path


def _pdf(path: Path, pages: list[tuple[list[str], list[str]]]) -> Path:
    """Each page: (the lines seen, the lines of its invisible text layer)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_file = _font_file()
    pdfmetrics.registerFont(TTFont("DejaVu", font_file))
    font = ImageFont.truetype(font_file, 42)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    w, h = A4
    for seen, layer in pages:
        img = Image.new("L", (2480, 1200), 255)
        d = ImageDraw.Draw(img)
        for i, line in enumerate(seen):
            d.text((150, 150 + 80 * i), line, fill=0, font=font)
        c.drawImage(ImageReader(img), 0, h - w * 1200 / 2480, width=w, height=w * 1200 / 2480)
        t = c.beginText()
        t.setTextRenderMode(3)  # invisible, like a scan's text layer or a font drawn as shapes
        t.setFont("DejaVu", 10)
        for i, line in enumerate(layer):
            t.setTextOrigin(36, h - 36 - (150 + 80 * i) * w / 2480 - 10)
            t.textLine(line)
        c.drawText(t)
        c.showPage()
    c.save()
    return path


def test_the_light_page_passes_the_readability_test_but_has_unknown_words():
    assert not unreadable(LIGHT) and unreadable(BROKEN)
    unknown, words = unknown_words(LIGHT)
    assert unknown > 0.1 * words
    assert unknown_words(TRUE)[0] < unknown / 2


@pytest.fixture
def needs_ocr() -> None:
    if not ocr_available():
        pytest.skip("tesseract with Swedish is not installed")


def test_lightly_misread_page_of_a_broken_document_is_read_by_ocr(tmp_path, needs_ocr):
    pdf = _pdf(tmp_path / "n.pdf", [(TRUE, LIGHT), (BROKEN, BROKEN)])
    doc = read_pdf(pdf)
    assert [p.ocr for p in doc.pages] == ["ocr", "ocr"]
    page = doc.pages[0].text
    assert "välfärdsscef" not in page and "Töterrann" not in page and "17n21" not in page
    assert "välfärdschef" in page and "Öppethållningstider" in page and "nämndens beslut" in page
    assert any("1 page whose text layer reads partly wrong (the same broken fonts; page 1) was read by OCR instead" in w
               for w in doc.warnings)
    # the § heading is still found when Tesseract reads "§ 41" as "8 41"
    items = read_document(pdf).items
    assert [(it.number, it.title) for it in items] == [("41", "Godkännande av föredragningslistan")]


def test_a_page_ocr_reads_no_better_keeps_its_text_layer(tmp_path, needs_ocr):
    """Names are unknown words in any reading: the page is looked at again, but its text layer,
    as good as Tesseract's, is kept."""
    names = ["Närvarande ledamöter vid sammanträdet:",
             "Karita Eklund, ordförande; Unnur Bjarnadottir, vice ordförande;",
             "Tobias Wik, Tuan Phan, Johannes Karf, Anna Kengo och Tua Järvinen;",
             "ersättare Rögård Lindqvist och Heidi Kronqvist; sekreterare Martin Norrgård.",
             "Sammanträdet öppnades och ordföranden konstaterade att det var lagligt",
             "sammankallat och beslutfört."]
    pdf = _pdf(tmp_path / "k.pdf", [(names, names), (BROKEN, BROKEN)])
    unknown, words = unknown_words(names)
    assert unknown > 0.1 * words  # it is looked at again
    doc = read_pdf(pdf)
    assert [p.ocr for p in doc.pages] == ["text", "ocr"]
    assert "Unnur Bjarnadottir" in doc.pages[0].text
    assert not any("read by OCR instead" in w for w in doc.warnings)


def test_a_document_without_unreadable_pages_is_not_looked_at_again(tmp_path, needs_ocr):
    pdf = _pdf(tmp_path / "l.pdf", [(TRUE, LIGHT)])
    doc = read_pdf(pdf)
    assert [p.ocr for p in doc.pages] == ["text"]
    assert "välfärdsscef" in doc.pages[0].text  # as before: the fonts are not known to be broken
