"""The §§ of a scanned bundle of Meetings Plus extracts each keep their own meeting's body and
date (issue 8, the twenty-first session's leftover: Tekniska nämnden's 'Återrapportering av
inkomna skrivelser' of 2026-06-15, KS 2026-06-01 § 105, then KF 2026-05-06 §§ 89 and 85). The
extracts were found (numbered each its own way), but their §§ carried no body and date: OCR
reads each page's head beside the logo and under the registry's handwritten stamp, so no head
line was a clean 'Protokoll', and on the § 89 page it lost the body's name altogether.

The heads below are Tesseract's (swe) reading of the scans: the stamp's scraps first, then
'DE Å Å Kommunstyrelsen TE» 700 /(' / '2 LINGSAS Protokoll JE,LN', the date seventh on one page,
'Pra ALINGSÅS Sr a' for 'Kommunfullmäktige / Protokoll', 'Kommuntfullmäktige' for the body."""

from __future__ import annotations

from namndkoll.ingest.body_names import ocr_spelling
from namndkoll.ingest.structure import analyze
from namndkoll.types import Page, with_offsets

KS_HEAD = "2028 -136/Y4\nOo - -—\nDE Å Å Kommunstyrelsen TE» 700 /(\n2 LINGSAS Protokoll JE,LN\nKOMMUN Jr\n2026-06-01\n"
KS_HEAD2 = "Nr ALING SÅS Kommunstyrelsen\n3 - | Protokoll\nKOMMUN\n2026-06-01\n"
LOST_HEAD = "200. VOY/IsL.\nAN 00\no 214 Jie S\nPra ALINGSÅS Sr a\n2» KOMMUN\n2026-05-06\n"
KF_HEAD = "Tvze-wi/ tet /\nTEW - DO(\no . .\nDia Kommunfullmäktige Vi\n3 ALINGSAS Protokoll\nKOMMUN\n2026-05-06\n"
KF_HEAD2 = "FÅ ALING SÅS Kommuntfullmäktige\n25 Protokoll\nKOMMUN\n2026-05-06\n"
PAGES = [
    KS_HEAD + "8 105 2026.220 KS\nStadsskogen etapp 4, markanvisningstävling 2\nÄrendebeskrivning\n"
    "Kommunstyrelsen beslutade den 21 oktober 2024, 8 162,\natt ge samhällsbyggnadsförvaltningen i uppdrag att "
    "tilldela marken.\nUtdragsbestyrkande\nSida 1 av 2",
    KS_HEAD2 + "Förslag till beslut på sammanträdet\nJan-Erik Wallin (M) föreslår följande ändring i förslag till "
    "beslut:\nBeslut\nMarkanvisningsavtal tecknas.\nSida 2 av 2",
    LOST_HEAD + "8 89 2026.112 KS\nInskränkning av verksamhetsområde Vässenbo\nÄrendebeskrivning\n"
    "Tekniska nämnden har inkommit med ett ärende som beslutas av kommunfullmäktige.\nBeslut\n"
    "Inskränkningen fastställs.\nSida 1 av 1",
    KF_HEAD + "385 2026.019 KS\nÅrsredovisning 2025 för Alingsås kommun\nÄrendebeskrivning\n"
    "Kommunstyrelsen lämnar en samlad redogörelse till kommunfullmäktige.\nSida 1 av 2",
    KF_HEAD2 + "Beslut\nÅrsredovisning 2025 för Alingsås kommun godkänns.\nSida 2 av 2",
]


def _analyzed(texts: list[str]):  # type: ignore[no-untyped-def]
    pages = with_offsets([Page(i + 1, t, ocr="ocr") for i, t in enumerate(texts)])
    return analyze(pages)


def test_each_scanned_extracts_section_keeps_its_meetings_body_and_date() -> None:
    _, items = _analyzed(PAGES)
    assert [(it.number, it.page_start, it.committee, it.date) for it in items] == [
        ("105", 1, "Kommunstyrelsen", "2026-06-01"),
        ("89", 3, "Kommunfullmäktige", "2026-05-06"),  # the head lost its body: the next page's, same date
        ("85", 4, "Kommunfullmäktige", "2026-05-06")]  # the date below the stamp's three lines


def test_a_page_whose_head_lost_its_body_takes_no_body_of_another_date() -> None:
    # the § 89 page alone after the KS extract: the KS pages are of another meeting
    _, items = _analyzed(PAGES[:3])
    assert [(it.number, it.committee) for it in items] == [("105", "Kommunstyrelsen"), ("89", None)]


def test_one_protocols_sections_under_its_own_head_carry_no_origin_of_their_own() -> None:
    head = "Kommunfullmäktige\nProtokoll\n2026-05-06\n"
    _, items = _analyzed([head + "§ 88 2026.100 KS\nVal av justerare\nBeslut\nAnna Ek justerar.",
                          head + "§ 89 2026.112 KS\nInskränkning av verksamhetsområde Vässenbo\nBeslut\n"
                                 "Inskränkningen fastställs."])
    assert [(it.number, it.committee, it.date) for it in items] == [("88", None, None), ("89", None, None)]


def test_a_body_ocr_misspelt_is_the_one_a_letter_apart_in_its_whole_name() -> None:
    text = ("Kommunstyrelsen lämnar en redogörelse till kommunfullmäktige.\n"
            "Kommunfullmäktige godkänner årsredovisningen för Alingsås kommun.")
    # both names stem "kommun"; only Kommunfullmäktige is a letter away from "Kommuntfullmäktige"
    assert ocr_spelling("Kommuntfullmäktige", text) == "Kommunfullmäktige"
