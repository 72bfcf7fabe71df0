"""A page set in a monospaced font (a report printed as plain text, as Lomma BUN's delårsrapport
2025-05-20 p. 8 reaches us) is no table: every line's letters stand on one grid, so word starts
align down the page and pdfplumber's text strategy drew column edges through words, giving
cells "Barn- och utbildningsnämn" | "den, Delå" | "rsrapport 1 april 20" | "25" and leaving the
page's body empty. A real text table, whose columns have blank space between them, is still
read as one. Excerpts drawn with reportlab (Courier, monospaced like the original's DejaVu Sans
Mono)."""

from __future__ import annotations

from pathlib import Path

from namndkoll.ingest.pdf import read_pdf

# (line, text) of the excerpt; its columns as the layout text sets them
MONO = """1.2 Utfall/prognos, verksamhet

Resultatrapport, mnkr              PERIODEN               PROGNOS            Fg helår
                                                             HELÅR
Verksamhet                         Avvikelse                                 Avvikelse
Förskola                                      -1,0        Avvikelse                      5,4
Grundskola                                     0,5                    0,0                6,4
Gymnasieskola och vuxenutbildning             -0,4                    0,0               -0,4
Kost                                          -0,5                   -3,0               -0,2
Summa Totalt                                  -1,4                    0,0
                                                                      -3,0              11,2

Kommentar kring utfall/prognos till egen nämnd

Barn- och utbildningsnämndens sammanlagda periodavvikelse uppgår till -1,4 mnkr. För
helåret beräknas en budgetavvikelse på -3,0 mnkr. Denna avvikelse beror på prisökningar inom
gymnasieskolan.

Förskola

UTFALL
Förskoleverksamheten redovisar en periodavvikelse vid delåret på -1,0 mnkr.

Under de första fyra månaderna har fler barn haft förskoleplats än budgeterat. Flertalet av
dessa barn är i fristående verksamhet, vilket är dyrare än om de varit i egen regi. Avvikelsen
kopplad till det ökade antalet barn uppgår till -1,2 mnkr. Övriga centrala poster, såsom
leasingkostnader och intäkter från statsbidrag, har en positiv avvikelse på 0,4 mnkr.
Förskolenheterna har en sammanlagd avvikelse på -0,2 mnkr.

PROGNOS
Förskoleverksamheten beräknar ingen avvikelse på helåret. Antalet barn med förskoleplats
beräknas för helåret vara något fler än budgeterat. Ekonomiskt innebär kostnaderna avseende
resursfördelad barnpeng en avvikelse på -0,8 mnkr. Från och med mars har kommunen ett nytt
städavtal som innebär en kostnadsökning på 39% för befintliga förskolor, vilket motsvarar en
årlig kostnadsökning på 1,3 mnkr. Kostnadsökningen får dock inte helårseffekt, är delvis
budgeterad, och under hösten försvinner några av städobjekten i samband med
sammanslagningarna. Städkostnaderna ligger centralt och budgetavvikelsen prognostiseras till
-0,9 mnkr.

Barn- och utbildningsnämnden, Delårsrapport 1 april 2025                     4(6)"""


def _mono_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=True)
    c.setFont("Courier", 8)
    for k, line in enumerate(MONO.splitlines()):
        c.drawString(40, 842 - 40 - 10.4 * k, line)
    c.showPage()
    c.save()
    return path


def test_a_monospaced_page_is_read_as_text_not_as_a_table_cut_through_its_words(tmp_path):
    page = read_pdf(_mono_pdf(tmp_path / "mono.pdf"), ocr=False).pages[0]
    assert page.tables == ()
    assert "Barn- och utbildningsnämndens sammanlagda periodavvikelse uppgår till -1,4 mnkr." in page.text
    assert "Barn- och utbildningsnämnden, Delårsrapport 1 april 2025" in page.text + page.footer
    assert "Gymnasieskola och vuxenutbildning -0,4 0,0 -0,4" in page.text


def test_a_text_table_with_blank_space_between_its_columns_is_still_a_table(tmp_path):
    from reportlab.pdfgen import canvas

    rows = [("Verksamhet", "Budget", "Utfall", "Avvikelse"), ("Förskola", "262,4", "262,3", "0,1"),
            ("Grundskola", "197,2", "195,3", "1,9"), ("Gymnasieskola och vuxenutbildning", "459,6", "457,6", "2,0"),
            ("Kost", "-460,9", "-457,6", "-3,3"), ("Summa netto", "-1,3", "0,0", "-1,3")]
    path = tmp_path / "table.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=True)
    c.setFont("Helvetica", 10)
    c.drawString(60, 780, "Driftredovisning per verksamhet, mnkr")
    for r, row in enumerate(rows):
        for col, cell in enumerate(row):
            c.drawString(60 + [0, 240, 320, 400][col], 750 - 16 * r, cell)
    c.drawString(60, 640, "Nämnden redovisar en total avvikelse för perioden på -1,3 mnkr.")
    c.showPage()
    c.save()
    (table,) = read_pdf(path, ocr=False).pages[0].tables
    assert any(r[-3:] == ("459,6", "457,6", "2,0") and "Gymnasieskola" in r[0] for r in table.rows)
    assert "Kost" not in read_pdf(path, ocr=False).pages[0].text
