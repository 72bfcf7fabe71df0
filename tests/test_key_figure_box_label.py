"""A key figure box's big label ("NTI" over "4,5", both in 20 pt beside 12 pt prose, as
Tolkförmedling Väst's annual report sets NTI, eNPS, NKI and HME) is no word of the sentence it
stands level with. Before, the label ran into that sentence ("svar vilket motsvarar en NTI",
"uppdragsgivare. Årets eNPS eNPS"): the figure beside it was already set apart, its label not.
"""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf


def _boxed(path: Path) -> Path:
    """Prose in 12 pt with a key figure box right of it: the label "NTI" in 20 pt over the
    figure "4,5" in 20 pt, the label level with a line of four words."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    prose = ["Under hösten skickades den årliga enkäten ut till alla",
             "uppdragstagare. Totalt inkom 814 svar, vilket motsvarar",
             "en svarsfrekvens om 61 procent av",
             "de tillfrågade. Tolkarna var även i år mycket positiva",
             "och indexet ligger på samma nivå som året innan."]
    for i, line in enumerate(prose):
        c.setFont(font, 12)
        c.drawString(70, h - 300 - 16 * i, line)
    c.setFont(font, 20)
    c.drawString(460, h - 332, "NTI")  # level with the third line, far right of its words
    c.drawString(462, h - 360, "4,5")
    c.showPage()
    c.save()
    return path


def test_a_key_figure_boxs_label_is_no_word_of_the_sentence_beside_it(tmp_path: Path) -> None:
    doc = read_pdf(_boxed(tmp_path / "nti.pdf"))
    lines = [ln.strip() for ln in doc.pages[0].text.splitlines()]
    assert "en svarsfrekvens om 61 procent av" in lines, lines
    assert "NTI" in lines and "4,5" in lines, lines  # the box is still on the page
