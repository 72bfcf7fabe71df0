"""§ headings whose sign Tesseract misread. On reportlab pages (Liberation Sans/Serif, DejaVu
Sans, 11/14 pt, scanned at 150-300 dpi) Tesseract (swe) never read "§": "41 § Titel" came out
"41 8 Titel", "41 &", "43 $", "41 3" or glued "478"; "§ 42 Titel" came out "8 42", "$ 42",
"& 42", "5 44", glued "844"; "KS § 48" as "KS 8 48". Only OCR'd pages are read so, only at a
heading's place, and a digit read for the sign ("3", "5") or a number with nothing after it
only where the § numbers run on — "41 8 kronor" in a body stays a number."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from namndkoll.ingest.ocr import ocr_available
from namndkoll.ingest.structure import find_items
from namndkoll.types import PAGE_SEP, Page, with_offsets

BODY = "Nämnden beslutar enligt förslaget.\nBeslut\nFörslaget godkänns."


def _items(texts: list[str], ocr: str = "ocr") -> list[tuple[str, str]]:
    pages = with_offsets([Page(i + 1, t, ocr=ocr) for i, t in enumerate(texts)])  # type: ignore[arg-type]
    return [(it.number, it.title) for it in find_items(PAGE_SEP.join(p.text for p in pages), pages)]


def test_finnish_heading_with_the_sign_read_as_8_apart() -> None:
    # Nykarleby's "41 §" template as OCR reads reportlab pages of it: "41 8", once "41 &"
    pages = [f"41 8 Godkännande av föredragningslistan\n{BODY}",
             f"42 & Presentation av verksamheten\n{BODY}",
             f"43 8 Anmälningsärenden\n{BODY}"]
    assert _items(pages) == [("41", "Godkännande av föredragningslistan"),
                             ("42", "Presentation av verksamheten"), ("43", "Anmälningsärenden")]


def test_nykarleby_glued_reading_still_found() -> None:
    # Nykarleby 2022-09-15 p. 3-5 as Tesseract read them (running head, then the heading)
    pages = [("Protokoll 398 15.09.2022 Sida\nVälfärdshämnden 1\n398 Sammanträdets laglighet och beslutförhet\n"
             "Ordförande öppnar sammanträdet."),
             "Protokoll 408 15.09.2022 Sida\nVälfärdshämnden 2\n408 Val av protokolljusterare\nTill justerare valdes.",
             "Protokoll\n418 15.09.2022 Sida\n418 Godkännande av föredragningslistan\nFöredragningslistan godkändes."]
    assert _items(pages) == [("39", "Sammanträdets laglighet och beslutförhet"),
                             ("40", "Val av protokolljusterare"), ("41", "Godkännande av föredragningslistan")]


def test_swedish_headings_in_the_forms_ocr_gives() -> None:
    pages = [f"$ 42 Val av protokolljusterare\n{BODY}",
             f"5 43\nAnmälningsärenden\n{BODY}",  # the title on the next line
             f"844 KS 2022/123 Budget 2023\n{BODY}",
             f"KS 8 45 Delegationsbeslut\n{BODY}"]
    assert [n for n, _ in _items(pages)] == ["42", "43", "44", "45"]


def test_a_digit_for_the_sign_needs_the_numbers_to_run_on() -> None:
    # "41 3 Godkännande" alone might be a table row; beside 40 and 42 it is the heading
    assert _items([f"12 3 Ledamöter\n{BODY}"]) == []
    assert [n for n, _ in _items([f"40 8 Val av justerare\n{BODY}", f"41 3 Godkännande\n{BODY}",
                                  f"42 8 Anmälningar\n{BODY}"])] == ["40", "41", "42"]


def test_body_numbers_are_not_headings() -> None:
    pages = [(f"41 8 Godkännande av föredragningslistan\nKostnaden blir\n41 8 kronor per invånare.\n"
             f"Enligt\n42 8 KL gäller detta.\n{BODY}"), f"43 8 Anmälningsärenden\n{BODY}"]
    assert [n for n, _ in _items(pages)] == ["41", "43"]


def test_text_layer_pages_are_not_guessed() -> None:
    assert _items([f"41 8 Godkännande\n{BODY}", f"42 8 Val\n{BODY}"], ocr="text") == []


def test_the_quote_keeps_what_ocr_read() -> None:
    pages = with_offsets([Page(1, f"41 8 Godkännande av föredragningslistan\n{BODY}", ocr="ocr")])
    text = PAGE_SEP.join(p.text for p in pages)
    (item,) = find_items(text, pages)
    assert text[item.start:item.end].startswith("41 8 Godkännande") and item.title.startswith("Godkännande")


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract with Swedish")
def test_image_page_headings_read_through_tesseract(tmp_path: Path) -> None:
    """A protocol page drawn with reportlab, rendered to a picture and OCR'd by read_document."""
    pypdfium2 = pytest.importorskip("pypdfium2")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from namndkoll.ingest import read_document

    font = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
    if not font.exists():
        pytest.skip("no Liberation Sans to draw the page with")
    pdfmetrics.registerFont(TTFont("LibSans", str(font)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = A4[1] - 72
    for head in ("41 § Godkännande av föredragningslistan", "42 § Val av protokolljusterare",
                 "43 § Anmälningsärenden"):
        c.setFont("LibSans", 12)
        c.drawString(72, y, head)
        c.setFont("LibSans", 11)
        c.drawString(72, y - 20, "Nämnden beslutar enligt förslaget, 41 § kommunallagen gäller.")
        y -= 60
    c.save()
    image = pypdfium2.PdfDocument(buf.getvalue())[0].render(scale=200 / 72, grayscale=True).to_pil()
    pdf = tmp_path / "bild.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.save()
    doc = read_document(pdf, ocr=True)
    assert doc.pages[0].ocr == "ocr"
    assert [it.number for it in doc.items] == ["41", "42", "43"]
    assert doc.items[0].title == "Godkännande av föredragningslistan"


def test_a_bare_number_row_is_not_a_heading() -> None:
    # "5 44" over a title heads an item; over another number it is a table's row
    rows = "Antal\n5 42\n5 43\n5 44\n1 200\nSumma"
    assert _items([f"8 41 Val av justerare\n{rows}\n{BODY}", f"8 45 Anmälningar\n{BODY}"]) == \
        [("41", "Val av justerare"), ("45", "Anmälningar")]
