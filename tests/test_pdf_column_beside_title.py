"""A regulation's title with a narrow column set beside it (Transportstyrelsen's TSFS 2024:57: its
number "TSFS 2024:57" level with the title's first line, "Utkom från trycket / den 10 september
2024" in small type under it) was read line by line across both, and the document's title became
"Transportstyrelsens föreskrifter TSFS 2024:57 om parkeringsanmärkningar och Utkom från trycket"
(the twenty-first session's leftover). Lines whose right parts start at one x two ems or more
from a left part set mostly in larger type are read as the title's lines, then the column's; type
of one size on both sides (names side by side) stays read across; two blocks of form fields are
read block by block (test_pdf_form_front_pages)."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest import read_document
from namndkoll.ingest.pdf import read_pdf


def _regulation(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    font = _font()
    w, h = 468, 680
    c = canvas.Canvas(str(path), pagesize=(w, h), invariant=True)

    def at(x: float, y: float, size: float, text: str) -> None:
        c.setFont(font, size)
        c.drawString(x, h - y, text)

    at(57, 145, 16, "Transportstyrelsens författningssamling")
    at(57, 172, 13, "Transportstyrelsens föreskrifter")
    at(359, 172, 12.5, "TSFS 2024:57")
    at(57, 186, 13, "om parkeringsanmärkningar och")
    at(359, 184, 8.5, "Utkom från trycket")
    at(57, 200, 13, "felparkeringsavgift;")
    at(359, 195, 8.5, "den 10 september 2024")
    at(57, 222, 9.5, "beslutade den 28 augusti 2024.")
    at(359, 229, 8.5, "VÄGTRAFIK")
    body = ["Transportstyrelsen föreskriver följande med stöd av 12 § förordningen",
            "(1976:1128) om felparkeringsavgift.",
            "1 § Dessa föreskrifter innehåller bestämmelser om parkeringsanmärkningar",
            "och betalning av felparkeringsavgift enligt lagen (1976:206) om felparkerings-",
            "avgift. En parkeringsanmärkning ska meddelas på blankett eller genom elek-",
            "tronisk överföringsmetod som tillhandahålls av Transportstyrelsen."]
    for i, t in enumerate(body):
        at(57, 250 + 12 * i, 9.5, t)
    c.showPage()
    c.save()
    return path


def test_the_column_beside_a_regulations_title_is_read_after_it(tmp_path: Path) -> None:
    pdf = _regulation(tmp_path / "tsfs.pdf")
    lines = read_pdf(pdf).text.splitlines()
    assert lines[1:7] == ["Transportstyrelsens föreskrifter", "om parkeringsanmärkningar och", "felparkeringsavgift;",
                          "TSFS 2024:57", "Utkom från trycket", "den 10 september 2024"]
    assert read_document(pdf).metadata.title == (
        "Transportstyrelsens föreskrifter om parkeringsanmärkningar och felparkeringsavgift")


def test_names_in_one_type_side_by_side_stay_read_across(tmp_path: Path) -> None:
    """Type of one size on both sides that is no form's fields (signatures side by side) stays
    read across; two blocks of fields are read block by block (test_pdf_form_front_pages)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "form.pdf"), pagesize=(595, 842), invariant=True)
    c.setFont(_font(), 10)
    rows = [("Anna Berg (S)", "Per Ek (M)"), ("ordförande", "justerare")]
    for i, (a, b) in enumerate(rows):
        c.drawString(60, 842 - (100 + 14 * i), a)
        c.drawString(340, 842 - (100 + 14 * i), b)
    c.drawString(60, 842 - 160, "Ärendet gäller riktlinjer för rapportering av missförhållanden i kommunen.")
    c.showPage()
    c.save()
    assert read_pdf(tmp_path / "form.pdf").text.splitlines()[:2] == [f"{a} {b}" for a, b in rows]
