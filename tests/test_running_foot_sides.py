"""A running foot that odd and even pages write differently (Göteborg Stadsrevisionen's
årsredogörelse 2024: "Stadsrevisionens årsredogörelse 2024   1" at the right of a right-hand
page, "2   Stadsrevisionens årsredogörelse 2024" at the left of a left-hand one). Each form stood
on half of the pages less one, so neither counted as running and all 28 feet stayed in the page
text. A running line is found by its words at the same height, with its page number on either
side; a photo's caption read after the foot does not keep the foot in the text; and a long
running line is one when it closes with a page counter ("… bostadsområ- 2 (6)")."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf

BODY = [f"Revisorerna granskade nämndernas verksamhet rad {i} i kapitlet" for i in range(12)]
TOPICS = ["skolan", "vården", "gatorna", "parkerna", "bostäderna", "hamnen"]


def _draw(path: Path, pages: list[list[tuple[float, float, str, float]]]) -> Path:
    """A4 pages: (x, y from the top, text, font size)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    font = _font()
    for items in pages:
        for x, y, text, size in items:
            c.setFont(font, size)
            c.drawString(x, h - y, text)
        c.showPage()
    c.save()
    return path


def _body(no: int) -> list[tuple[float, float, str, float]]:
    return [(60, 80 + 15 * i, f"{t} om {TOPICS[no - 1]}", 11) for i, t in enumerate(BODY)]


def test_a_foot_with_its_page_number_on_either_side_is_a_running_foot(tmp_path: Path) -> None:
    # a cover without a foot, then the report's pages numbered from 1: each side's form of the
    # foot stands on fewer than half of the pages
    pages = [[(60, 300, "Stadsrevisionens årsredogörelse 2024", 24), (60, 340, "Granskning av verksamhetsåret", 14)]]
    for no in range(1, 7):
        foot = (f"Stadsrevisionens årsredogörelse 2024   {no}" if no % 2 else
                f"{no}   Stadsrevisionens årsredogörelse 2024")
        pages.append([*_body(no), (380 if no % 2 else 25, 820, foot, 9)])
    doc = read_pdf(_draw(tmp_path / "arsredogorelse.pdf", pages), ocr=False)
    assert "Stadsrevisionens årsredogörelse 2024" in doc.pages[0].text  # the cover's title stays
    for p in doc.pages[1:]:
        assert "årsredogörelse" not in p.text
        assert "Stadsrevisionens årsredogörelse 2024" in p.footer
        assert p.text.splitlines()[-1] == f"{BODY[-1]} om {TOPICS[p.number - 2]}"


def test_a_caption_read_after_the_foot_leaves_the_foot_a_foot(tmp_path: Path) -> None:
    pages = []
    for no in range(1, 5):
        items = [*_body(no), (380, 812, f"Stadsrevisionens årsredogörelse 2024   {no}", 9)]
        if no == 3:
            items.append((500, 832, "Foto: Lo Birgersson", 6))  # under the photo, in the margin
        pages.append(items)
    doc = read_pdf(_draw(tmp_path / "foto.pdf", pages), ocr=False)
    third = doc.pages[2]
    assert "årsredogörelse" not in third.text
    assert "Foto: Lo Birgersson" in third.text
    assert third.footer == "Stadsrevisionens årsredogörelse 2024 3"


def test_a_long_running_foot_with_a_page_counter_is_a_foot(tmp_path: Path) -> None:
    title = ("Stadsrevisionen, Göteborgs Stads arbete med att skapa trygga offentliga miljöer och "
             "bostadsområden")
    pages = [[*_body(no), (40, 815, f"{title} {no} (4)", 8)] for no in range(1, 5)]
    doc = read_pdf(_draw(tmp_path / "lang.pdf", pages), ocr=False)
    for p in doc.pages:
        assert "trygga offentliga" not in p.text
        assert p.footer.endswith(f"{p.number} (4)")


def test_a_sentence_recurring_at_the_foot_stays_in_the_text(tmp_path: Path) -> None:
    # the same words at the foot of every page, but a sentence: body text, not a running foot
    pages = [[*_body(no), (60, 815, f"Nämnden beslutade att godkänna rapporten för kvartal {no}.", 11)]
             for no in range(1, 5)]
    doc = read_pdf(_draw(tmp_path / "mening.pdf", pages), ocr=False)
    assert all("Nämnden beslutade" in p.text for p in doc.pages)


def test_the_running_foot_of_a_report_bundled_among_other_papers(tmp_path: Path) -> None:
    # a 3-page report with its own counted foot (and a line under it) between a protocol and
    # letters: too few pages for half of the file, its foot still found by its counter
    pages = [[(60, 80 + 15 * i, f"Protokoll rad {i} om ärende {no}", 11) for i in range(12)] for no in range(4)]
    for k in range(1, 4):
        pages.append([*_body(k), (70, 782, f"Årsrapport för 2024   {k} (3)", 9), (70, 796, "Revisorskollegiet", 9)])
    pages += [[(60, 80 + 15 * i, f"Brev rad {i} till nämnd {no}", 11) for i in range(10)] for no in range(3)]
    doc = read_pdf(_draw(tmp_path / "bunt.pdf", pages), ocr=False)
    for p in doc.pages[4:7]:
        assert "Årsrapport" not in p.text and "Revisorskollegiet" not in p.text
        assert p.footer == f"Årsrapport för 2024 {p.number - 4} (3)\nRevisorskollegiet"
    assert "Protokoll rad 11 om ärende 0" in doc.pages[0].text


def test_a_counted_line_on_one_page_only_stays_in_the_text(tmp_path: Path) -> None:
    # "Bilaga 2 (3)" at one page's foot, never on the next with the next number: no running line
    pages = [[*_body(no)] for no in range(1, 5)]
    pages[1].append((60, 800, "Bilaga 2 (3)", 11))
    doc = read_pdf(_draw(tmp_path / "bilaga.pdf", pages), ocr=False)
    assert "Bilaga 2 (3)" in doc.pages[1].text


def test_a_long_foot_line_repeated_word_for_word_is_a_foot(tmp_path: Path) -> None:
    # a consultant's five-line foot whose first line runs over 90 characters without a counter
    long = ("Sweco | Samrådsunderlag Mjörn ytvattentäkt Underlag för avgränsningssamråd enligt 6 kap. "
            "miljöbalken inför ansökan om")
    pages = []
    for no in range(1, 5):
        foot = [long, "tillstånd till vattenuttag från sjön Mjörn", "Uppdragsnummer 30051536",
                "Datum 2026-03-13", f"Dokumentreferens Samrådsunderlag {no}/4"]
        pages.append([*_body(no), *[(40, 760 + 10 * i, t, 6) for i, t in enumerate(foot)]])
    doc = read_pdf(_draw(tmp_path / "sweco.pdf", pages), ocr=False)
    for p in doc.pages:
        assert "Sweco" not in p.text
        assert p.footer.startswith("Sweco | Samrådsunderlag")
