"""A table of right-aligned figures whose unit stands on a line of its own over its header.

A cooperative's balance sheet sets "(tkr)" above three header lines ("Utfall | Utfall", "helår |
helår", "2025 | 2024"); the header was read as those three lines only, so the table stated no
unit and its search passages said "Kassa och bank · Utfall helår 2025 · 8 310", a number with
no scale. The unit line right above a header is now the header's too. A table's caption that
dates its figures ("… per 30 juni 2025") names the date in each figure whose row and column
name no year.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from test_pdf import _font

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks
from namndkoll.types import Document, Page, Table, with_offsets

EDGES = (400.0, 470.0)
LINES: list[tuple[float, float, str, tuple[str, str] | None]] = [
    (72, 71, "Balansräkning för föreningen", None),
    (100, 71, "(tkr)", None),
    (114, 0, "", ("Utfall", "Utfall")),
    (126, 0, "", ("helår", "helår")),
    (138, 0, "", ("2025", "2024")),
    (156, 71, "Kundfordringar", ("11 905", "10 240")),
    (173, 71, "Förutbetalda kostnader", ("1 460", "1 388")),
    (190, 71, "Kassa och bank", ("8 310", "6 072")),
    (207, 71, "Summa omsättningstillgångar", ("21 675", "17 700")),
]


def _sheet(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 10)
    for top, x, label, figures in LINES:
        y = h - top - 8
        if label:
            c.drawString(x, y, label)
        for x1, fig in zip(EDGES, figures or ("", ""), strict=True):
            if fig:
                c.drawRightString(x1, y, fig)
    c.showPage()
    c.save()
    return path


def test_a_unit_line_over_the_header_scales_the_tables_passages(tmp_path: Path) -> None:
    doc = read_pdf(_sheet(tmp_path / "balans.pdf"), ocr=False)
    passages = [c.text for c in table_chunks(doc) if c.section == "table"]
    kassa = next(p for p in passages if p.startswith("Kassa och bank"))
    assert "Kassa och bank · Utfall helår 2025 · 8 310 tkr" in kassa, passages
    assert "Kassa och bank · Utfall helår 2024 · 6 072 tkr" in kassa, passages


STAFF = (("Enhet", "Antal medlemmar", "Antal anställda"), ("Norra distriktet", "412", "37"),
         ("Södra distriktet", "388", "29"), ("Västra distriktet", "275", "18"))


def test_a_table_figure_names_the_date_its_caption_gives() -> None:
    caption = "Tabell 3 Medlemmar och anställda per distrikt per 30 juni 2025."
    pages = [Page(1, "Föreningens verksamhet\n\nTabellen visar läget vid halvåret.",
                  tables=(Table(1, STAFF, (72.0, 120.0, 480.0, 220.0), caption=caption),))]
    doc = Document("forening.pdf", hashlib.sha256(b"forening").hexdigest(), with_offsets(pages))
    figs = {f.text: f for f in find_figures(doc) if f.table}
    assert "Södra distriktet | Antal anställda | 30 juni 2025: 29" in figs, sorted(figs)
    assert figs["Södra distriktet | Antal anställda | 30 juni 2025: 29"].value == 29
    # a caption of several years dates no figure: which year a cell holds is not said
    caption = "Tabell 4 Medlemmar per distrikt 2023 och 2025"
    pages = [Page(1, "Föreningens verksamhet", tables=(Table(1, STAFF, (72.0, 120.0, 480.0, 220.0), caption=caption),))]
    doc = Document("forening.pdf", hashlib.sha256(b"forening").hexdigest(), with_offsets(pages))
    texts = [f.text for f in find_figures(doc) if f.table]
    assert "Södra distriktet | Antal anställda: 29" in texts, texts
