"""A picture's caption between two columns, and a page's foot under the left column (Göteborg
Stadsrevisionen's årsredogörelse 2024, the twenty-second session's leftovers). On p. 4 the
left column ends "… där kon-" and the right one goes on "toren kontrollerar …" under a photo
whose caption, "Foto: Lo Birgersson" in 6 pt type, stands over it: the caption came between
the two halves of the word, which were never joined. On pp. 25 and 31 the running foot
("22   Stadsrevisionens årsredogörelse 2024") is set under the left column, far below its last
line: it was read as the left column's last line, before the whole right column.

A caption (a line or three in type at most 0.7 of the text's, with the column's text below it)
is read after its band's columns; a page's head or foot set apart from the columns by an empty
band of two lines' height, in the top or bottom 15 % of the page, is a band of its own."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf

LEFT = [f"Vänster spalt rad {i} om nämnderna" for i in range(16)]
RIGHT = [f"Höger spalt rad {i} om kontrollen" for i in range(16)]


def _draw(path: Path, items: list[tuple[float, float, str, float]]) -> Path:
    """One A4 page: (x, y from the top, text, font size)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    font = _font()
    for x, y, text, size in items:
        c.setFont(font, size)
        c.drawString(x, h - y, text)
    c.showPage()
    c.save()
    return path


def test_a_word_broken_across_a_caption_between_the_columns_is_joined(tmp_path: Path) -> None:
    left = [*LEFT[:-1], "Kontroller görs årligen, där kon-"]
    right = ["toren kontrollerar varandras arbeten", *RIGHT[1:]]
    page = [(50, 80 + 15 * i, t, 10) for i, t in enumerate(left)]
    page.append((420, 178, "Foto: Lo Birgersson", 6))  # under a photo over the right column
    page += [(310, 200 + 15 * i, t, 10) for i, t in enumerate(right)]
    text = read_pdf(_draw(tmp_path / "forord.pdf", page), ocr=False).text
    assert "där kontoren" in text
    assert "Foto: Lo Birgersson" in text
    lines = text.splitlines()
    # the caption is read after both columns, the columns whole and in order
    assert lines.index("Foto: Lo Birgersson") > lines.index(RIGHT[-1])
    assert lines.index(LEFT[0]) < lines.index(RIGHT[-1])


def test_a_page_foot_under_the_left_column_is_read_after_the_right_column(tmp_path: Path) -> None:
    left = LEFT + ["oegentligheter (miljönämnden)"]
    page = [(50, 80 + 15 * i, t, 10) for i, t in enumerate(left)]
    page += [(310, 80 + 15 * i, t, 10) for i, t in enumerate(RIGHT[:10])]
    page.append((18, 815, "22", 8))
    page.append((43, 815, "Stadsrevisionens årsredogörelse 2024", 8))
    lines = read_pdf(_draw(tmp_path / "lista.pdf", page), ocr=False).text.splitlines()
    assert lines[-1] == "22 Stadsrevisionens årsredogörelse 2024"
    assert lines[: len(left)] == left and lines[len(left): len(left) + 10] == RIGHT[:10]


def test_a_columns_small_print_at_its_foot_stays_where_it_stands(tmp_path: Path) -> None:
    # a footnote under the left column's text is no caption: no text of the column follows it
    page = [(50, 80 + 15 * i, t, 10) for i, t in enumerate(LEFT)]
    page.append((50, 80 + 15 * 16, "1) Enligt kommunallagen 12 kap.", 6))
    page += [(310, 80 + 15 * i, t, 10) for i, t in enumerate(RIGHT)]
    lines = read_pdf(_draw(tmp_path / "not.pdf", page), ocr=False).text.splitlines()
    assert lines == [*LEFT, "1) Enligt kommunallagen 12 kap.", *RIGHT]
