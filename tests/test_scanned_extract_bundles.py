"""Scanned attachments of a nämnd's meeting (issue 8, h-hunt149): a bundle of Meetings Plus
protocol extracts of other meetings (KS 2026-06-01 § 105, then KF 2026-05-06 § 89 and § 85),
printed, stamped and scanned, and a consultant's report that names its maker under "Utförare".

The page texts below are what Tesseract (swe) made of Alingsås' scanned extracts: the sign read
as "8", "$" or a glued "3" ("385 2026.019 KS" for "§ 85 2026.019 KS"), the bullets of a
Beslutsunderlag list lost ("$26 KS Årsbokslut 2025 …" is another body's § cited, not a heading),
and a running head garbled by the logo and the registry's handwritten stamp."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from namndkoll.ingest.ocr import ocr_available
from namndkoll.ingest.orgs import find_organisation
from namndkoll.ingest.structure import analyze, find_items
from namndkoll.types import PAGE_SEP, Page, with_offsets

KS_HEAD = "2026 -136/4\nDE Å Å Kommunstyrelsen TE» 700 /(\n2 LINGSAS Protokoll JE,LN\nKOMMUN\n2026-06-01\n"
KF_HEAD = "Dia Kommunfullmäktige Vi\n3 ALINGSAS Protokoll\nKOMMUN\n2026-05-06\n"
PAGES = [
    KS_HEAD + "8 105 2026.220 KS\nStadsskogen etapp 4, markanvisningstävling 2\nÄrendebeskrivning\n"
    "Kommunstyrelsen beslutade den 21 oktober 2024, 8 162,\natt ge samhällsbyggnadsförvaltningen i uppdrag att "
    "tilldela marken.\nMarkanvisningsstrategin som låg till grund för beslutet beskriver hur marken delas upp.\n"
    "Utdragsbestyrkande\nSida 1 av 2",
    ("ALINGSÅS Kommunstyrelsen\nProtokoll\n2026-06-01\nFörslag till beslut på sammanträdet\n"
    "Jan-Erik Wallin (M) föreslår följande ändring i förslag till beslut:\nBeslut\nMarkanvisningsavtal tecknas.\n"
    "Beslutsunderlag\n$77 KSAU Stadsskogen etapp 4, markanvisningstävling 2\nSida 2 av 2"),
    KF_HEAD + "8 89 2026.112 KS\nInskränkning av verksamhetsområde Vässenbo\nÄrendebeskrivning\n"
    "Tekniska nämnden har inkommit med ett ärende.\nBeslut\nInskränkningen fastställs.\nBeslutsunderlag\n"
    "856 KS Inskränkning av verksamhetsområde Vässenbo\n$9 TEN - Inskränkning av verksamhetsområde Vässenbo\n"
    "Sida 1 av 1",
    KF_HEAD + "385 2026.019 KS\nÅrsredovisning 2025 för Alingsås kommun\nÄrendebeskrivning\n"
    "Kommunstyrelsen lämnar en samlad redogörelse.\nSida 1 av 2",
    KF_HEAD + "Beslut\nÅrsredovisning 2025 för Alingsås kommun godkänns.\nBeslutsunderlag\n"
    "$26 KS Årsbokslut 2025 för kommunstyrelsen\n$2 BUN - Årsbokslut 2025 för barn-och ungdomsnämnden\n"
    "& 3 KUN - Årsbokslut 2025 för kultur- och utbildningsnämnden\n8 3 VON - Årsbokslut 2025 för vård- och "
    "omsorgsnämnden\n85 ÖFN - Årsbokslut 2025 för överförmyndarnämnden\n$ 9 ABAR -Årsredovisning 2025 för AB "
    "Alingsås Rådhus\nSida 2 av 2",
]


def _pages(texts: list[str], ocr: str = "ocr") -> list[Page]:
    return with_offsets([Page(i + 1, t, ocr=ocr) for i, t in enumerate(texts)])  # type: ignore[arg-type]


def _items(texts: list[str], ocr: str = "ocr") -> list[tuple[str, int, str]]:
    pages = _pages(texts, ocr)
    return [(it.number, it.page_start, it.title) for it in find_items(PAGE_SEP.join(p.text for p in pages), pages)]


def test_a_bundle_of_scanned_extracts_numbered_each_its_own_way() -> None:
    assert _items(PAGES) == [("105", 1, "Stadsskogen etapp 4, markanvisningstävling 2"),
                             ("89", 3, "Inskränkning av verksamhetsområde Vässenbo"),
                             ("85", 4, "Årsredovisning 2025 för Alingsås kommun")]


def test_cited_paragraphs_of_other_bodies_are_no_headings() -> None:
    # the Beslutsunderlag list alone: every line another body's § (its bullet lost), none a heading
    assert _items([PAGES[4]]) == []


def test_the_same_bundle_with_a_text_layer_splits_too() -> None:
    # Meetings Plus headings that start over at a lower number: another meeting's extract
    texts = ["Kommunstyrelsen\nProtokoll\n2026-06-01\n§ 105 2026.220 KS\nStadsskogen etapp 4\nBeslut\nJa.",
             ("Kommunfullmäktige\nProtokoll\n2026-05-06\n§ 89 2026.112 KS\nInskränkning av verksamhetsområde\n"
             "Beslut\nJa."),
             "Kommunfullmäktige\nProtokoll\n2026-05-06\n§ 90 2026.113 KS\nVal av revisorer\nBeslut\nJa."]
    assert [(n, p) for n, p, _ in _items(texts, ocr="text")] == [("105", 1), ("89", 2), ("90", 3)]


def test_one_protocol_stays_one_numbering() -> None:
    # a growing run of Meetings Plus headings is one protocol: a stray "§ 3 2024.001" cited in
    # the text of § 44 (lower than the heading before it) does not start a numbering of its own
    texts = ["8 44 2026.101 KS\nBudget 2027\nBeslut\nJa.", "8 45 2026.102 KS\nTaxor 2027\nBeslut\nJa.",
             "8 46 2026.103 KS\nDelegationsbeslut\nBeslut\nJa."]
    assert [n for n, _, _ in _items(texts)] == ["44", "45", "46"]


def test_a_glued_digit_is_a_sign_only_before_a_meetings_plus_dnr() -> None:
    body = "\nBeslut\nJa."
    assert [n for n, _, _ in _items([f"385 2026.019 KS\nÅrsredovisning 2025{body}"])] == ["85"]
    assert _items([f"385 kronor per invånare{body}"]) == []


def test_the_scanned_bundle_is_a_meeting_paper_not_a_strategy() -> None:
    # the case text under the OCR'd heading ("Markanvisningsstrategin …") tells nothing of the type
    md, items = analyze(_pages(PAGES))
    assert len(items) == 3
    assert md.doc_type in ("protokoll", "protokollsutdrag") and md.kind is None
    assert md.municipality == "Alingsås" and md.date == "2026-06-01"


def test_a_commissioned_report_is_its_makers() -> None:
    cover = ["Naturvärden Västerbodarna 1:36", "Underlag för åtgärd inom strandskyddat område",
             "Naturvårdsutlåtande 2026-05-13", "NATURCENTRUMAB"]
    body = ["Beställare", "Utförare", "Naturcentrum AB", "Västanvindsgatan 8", "444 30 Stenungsund",
            "Organisationsnummer 556294-9999", "1.1 Uppdrag",
            "Naturcentrum AB har på uppdrag av gjort en bedömning av naturvärden på fastigheten",
            "Västerbodarna 1:36 i Alingsås kommun.", "Sjön Mjörn, Alingsås kommun (figur 1)."]
    assert find_organisation(cover, body) == ("Naturcentrum AB", "other")
    assert find_organisation(cover, ["Utförare: Naturcentrum AB", *body[3:]]) == ("Naturcentrum AB", "other")
    # without the form the kommun it speaks of is all there is
    assert find_organisation(cover, body[6:]) == ("Alingsås", "kommun")


def _drawn(lines: list[tuple[str, float]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
    if not font.exists():
        pytest.skip("no Liberation Sans to draw the page with")
    pdfmetrics.registerFont(TTFont("LibSans", str(font)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = A4[1] - 72
    for text, size in lines:
        c.setFont("LibSans", size)
        c.drawString(72, y, text)
        y -= size * 1.6
    c.save()
    return buf.getvalue()


def test_a_commissioned_report_pdf(tmp_path: Path) -> None:
    from namndkoll.ingest import read_document

    pdf = tmp_path / "utlatande.pdf"
    pdf.write_bytes(_drawn([("Naturvärden Västerbodarna 1:36", 20), ("Underlag för åtgärd inom strandskyddat område", 14),
                            ("Naturvårdsutlåtande 2026-05-13", 11), ("NATURCENTRUM AB", 11), ("", 11),
                            ("Beställare", 11), ("Utförare", 11), ("Naturcentrum AB", 11), ("Västanvindsgatan 8", 11),
                            ("444 30 Stenungsund", 11), ("1 Inledning", 16), ("1.1 Uppdrag", 13),
                            ("Naturcentrum AB har gjort en bedömning av naturvärden på del av fastigheten", 11),
                            ("Västerbodarna 1:36 i Alingsås kommun. Uppdragsgivaren planerar ett bostadshus", 11),
                            ("vid sjön Mjörn i Alingsås kommun.", 11)]))
    md = read_document(pdf, ocr=False).metadata
    assert (md.municipality, md.org_kind, md.committee) == ("Naturcentrum AB", "other", None)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract with Swedish")
def test_a_scanned_extract_reads_its_words_apart(tmp_path: Path) -> None:
    """A Meetings Plus extract page drawn with reportlab, rendered to a picture and OCR'd:
    Tesseract's words keep their spaces ("för Alingsås", not "förAlingsås") and the § heading
    is found whatever the sign came out as."""
    pypdfium2 = pytest.importorskip("pypdfium2")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from namndkoll.ingest import read_document

    page = _drawn([("Kommunfullmäktige", 11), ("Protokoll", 11), ("2026-05-06", 11), ("", 11),
                   ("§ 85 2026.019 KS", 11), ("Årsredovisning 2025 för Alingsås kommun", 13),
                   ("Ärendebeskrivning", 11),
                   ("I Alingsås kommuns årsredovisning lämnar kommunstyrelsen en samlad redogörelse för", 11),
                   ("året till kommunfullmäktige, och för Alingsås kommunkoncern.", 11),
                   ("Beslut", 11), ("Årsredovisning 2025 för Alingsås kommun godkänns.", 11)])
    image = pypdfium2.PdfDocument(page)[0].render(scale=150 / 72, grayscale=True).to_pil()
    pdf = tmp_path / "skannad.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.save()
    doc = read_document(pdf, ocr=True)
    assert doc.pages[0].ocr == "ocr"
    assert "förAlingsås" not in doc.pages[0].text and "för Alingsås" in doc.pages[0].text
    assert [(it.number, it.title) for it in doc.items] == [("85", "Årsredovisning 2025 för Alingsås kommun")]
