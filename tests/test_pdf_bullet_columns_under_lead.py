"""Two columns of bullets under a full-width lead on a landscape slide (Tolkförmedling Väst's
revisionsrapport 2025, Azets, pp. 8 and 9; Stadsrevisionen's årsredogörelse 2024 p. 2) were read
across, line by line over both columns ("• Ramverk tillkommer i enlighet med SKR:s …"): a
column of bullets has short lines ("• Ramverk"), so its median line looked like a form's label
beside its value; seven lines side by side were under the eight asked for; and the gutter was
put at the left edge of the empty band, where the left column's longest line below the band
just reached, so that line was read after the right column. A column's width is now that of
its longer lines (the upper quartile), six lines side by side under a full-width lead are two
columns, and the gutter stands in the middle of the empty band."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf

LEAD = ["Vårt uppdrag är att granska årsredovisningen i syfte att ge revisorerna ett tillräckligt underlag för",
        "utlåtandet och revisionsberättelsen. Syftet med granskningarna är att bedöma om förbundets årsredovisning",
        "har upprättats i enlighet med kommunallag, lag om kommunal bokföring och redovisning samt god sed.",
        "Granskningen av årsredovisningen ska besvara följande revisionsfrågor om räkenskaperna och målen:"]
LEFT = ["Räkenskapsrevision",
        "• Har årsredovisningens balansräkning och resultaträkning",
        "kassaflödesanalys samt noter upprättats enligt lagen om",
        "kommunal bokföring och redovisning och ger en i alla",
        "• Ramverk",
        "ställning per den 31 december 2025 och av dess finansiella",
        "• Noter"]
RIGHT = ["God ekonomisk hushållning och balanskravsresultat",
         "• Är resultatet i årsredovisningen förenligt med de mål",
         "direktionen beslutat, som är av betydelse för god",
         "hushållning?",
         "• Efterlever förbundet det lagstadgade balanskravet och",
         "eventuella negativa balanskravsresultat och åberopande",
         "synnerliga skäl hanterats korrekt?"]
BELOW = ["• Har förvaltningsberättelsen upprättats i enlighet med LKBR?",
         "• Har drift- och investeringsredovisningen upprättas i enlighet med"]


def test_two_columns_of_bullets_under_a_lead_are_read_column_by_column(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "slide.pdf"
    c = canvas.Canvas(str(path), pagesize=(960, 540), invariant=True)
    font = _font()
    rows = [(48, 40, "Syfte och revisionsfrågor", 20)]
    rows += [(48, 72 + 17 * i, t, 12) for i, t in enumerate(LEAD)]
    rows += [(86, 173 + 18.5 * i, t, 11) for i, t in enumerate(LEFT)]
    rows += [(542, 173 + 18.5 * i, t, 11) for i, t in enumerate(RIGHT)]
    rows += [(86, 173 + 18.5 * (7 + i), t, 11) for i, t in enumerate(BELOW)]
    for x, y, text, size in rows:
        c.setFont(font, size)
        c.drawString(x, 540 - y, text)
    c.showPage()
    c.save()
    # the left column's longest line ends inside the empty band between the columns, near its left edge
    assert max(stringWidth(t, font, 11) for t in LEFT + BELOW) + 86 < 542 - 40
    lines = read_pdf(path, ocr=False).text.splitlines()
    assert lines[:5] == ["Syfte och revisionsfrågor", *LEAD]
    assert lines[5:] == [*LEFT, *BELOW, *RIGHT]
