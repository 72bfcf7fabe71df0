"""Two columns of prose under a full-width title and lead (Göteborg Stadsrevisionen's
årsredogörelse 2024 p. 4, the chair's foreword) were read across, line by line over both columns
("men att det finns förbättringsområden. I några toren kontrollerar kvaliteten …"): the lead's
four lines crossing the middle of the page kept the gutter from being found (walk 21, check 15).
Text across the middle above the first line set on both sides of the gutter, or below the last,
is a band of its own; the columns under it are read left first, then right. A form's few rows of
fields under a title are read as a letterhead's two blocks of fields."""

from __future__ import annotations

from pathlib import Path

from test_pdf import draw

from namndkoll.ingest.pdf import read_pdf

LEAD = ["I den här årsredogörelsen sammanfattar stadsrevisionen den granskning som vi",
        "genomfört under revisionsåret 2024. Granskningarna visar att stadens nämnder",
        "och bolag i allt väsentligt bedriver en ändamålsenlig verksamhet men att det",
        "finns förbättringsområden. Revisionskritik riktas till två nämnder och ett bolag."]


def test_two_columns_of_prose_under_a_full_width_lead_are_read_column_by_column(tmp_path: Path) -> None:
    left = [f"Vänster spalt rad {i} om nämnderna" for i in range(14)]
    right = [f"Höger spalt rad {i} om kontrollen" for i in range(14)]
    page = [(60, 50, "Förord av ordförande")]
    page += [(60, 80 + 14 * i, t) for i, t in enumerate(LEAD)]
    page += [(60, 150 + 14 * i, t) for i, t in enumerate(left)]
    page += [(320, 150 + 14 * i, t) for i, t in enumerate(right)]
    lines = read_pdf(draw(tmp_path / "forord.pdf", [page])).text.splitlines()
    assert lines[:5] == ["Förord av ordförande", *LEAD]
    assert lines[5:19] == left and lines[19:33] == right


def test_a_forms_rows_under_a_full_width_title_are_not_columns_of_prose(tmp_path: Path) -> None:
    """The form's two blocks of fields are read block by block (test_pdf_form_front_pages), each
    field whole on its line: not taken for two columns of prose under the lead."""
    rows = [("Typ av styrdokument: Riktlinje", "Gäller för: Alingsås kommun"),
            ("Beslutande instans: Kommunstyrelsen", "Giltighetstid: Tillsvidare"),
            ("Datum för beslut: 2026-04-13", "Revideras senast: Vid behov"),
            ("Diarienummer: 2026.142 KS", "Dokumentansvarig: Kommunjurist")]
    page = [(60, 50, "Riktlinjer för rapportering av missförhållanden av allmänt intresse i kommunen")]
    page += [(60, 80 + 14 * i, t) for i, t in enumerate(LEAD)]
    page += [(60, 150 + 14 * i, a) for i, (a, _) in enumerate(rows)]
    page += [(320, 150 + 14 * i, b) for i, (_, b) in enumerate(rows)]
    lines = read_pdf(draw(tmp_path / "form.pdf", [page])).text.splitlines()
    assert lines[5:13] == [a for a, _ in rows] + [b for _, b in rows]
