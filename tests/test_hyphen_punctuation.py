"""A word split at a line end whose stop or comma stands on the next line ("säkerhets-" over
"arbete. Detta …", Göteborg Stadsrevisionen's årsredogörelse 2024 p. 4): the joined word ended
the first line and the stop began the second, "säkerhetsarbete / . Detta", so a quote, a
sentence split and a search passage saw a sentence starting with ". Detta". The joined word
takes the punctuation that closes it along."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf, repair_hyphenation


@pytest.mark.parametrize("raw, clean", [
    ("stadens säkerhets-\narbete. Detta mot", "stadens säkerhetsarbete.\nDetta mot"),
    ("hälften har lärarut-\nbildning, antingen för", "hälften har lärarutbildning,\nantingen för"),
    ("fyra befattningar: ”lärare fritids-\nhem”, ”pedagog”", "fyra befattningar: ”lärare fritidshem”,\n”pedagog”"),
    ("i enlighet med kommu-\nnallagen (KL).", "i enlighet med kommunallagen\n(KL)."),
    ("granskade nämn-\nderna.", "granskade nämnderna.\n"),
    # a stop inside a token ("kap.3") or a hyphen kept stays where it is
    ("enligt kommunal-\nlagen.3 kap", "enligt kommunallagen\n.3 kap"),
    ("fem OSA-\nplatser, sju", "fem OSA-platser,\nsju"),
    ("arbetsmarknads-\noch, utbildning", "arbetsmarknads-\noch, utbildning"),
])
def test_a_joined_word_takes_its_punctuation(raw: str, clean: str) -> None:
    assert repair_hyphenation(raw) == clean


def test_no_page_line_starts_with_the_stop_of_a_word_split_above(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "forord.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    c.setFont(_font(), 11)
    _, h = A4
    rows = ["Stadsrevisionen har granskat olika delar av stadens säkerhets-",
            "arbete. Detta mot bakgrund av det försämrade läget i omvärlden",
            "och de krav som ställs på stadens nämnder och bolag i dag."]
    for i, row in enumerate(rows):
        c.drawString(60, h - 100 - 15 * i, row)
    c.showPage()
    c.save()
    text = read_pdf(path, ocr=False).text
    assert "stadens säkerhetsarbete.\nDetta mot bakgrund" in text
    assert not any(line.startswith(".") for line in text.splitlines())
