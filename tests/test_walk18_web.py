"""What the eighteenth session's walk found on the web page's document view
(docs/walks/eighteenth-session.md): the figures listed under a page were a table cell's text
alone ("Hemtjänst | Utfall tkr: 13 100", "… | Årsbokslut 2025: 2,0" under "Miljoner kronor"),
so a reader of the page could not tell the amount without finding the table's unit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import served
from test_pdf import ruled_table

from namndkoll import api

fastapi = pytest.importorskip("fastapi")



def test_a_table_cells_figure_on_the_document_page_shows_its_amount(tmp_path: Path) -> None:
    pdf = ruled_table(tmp_path / "t.pdf", "Driftsprognos per nämnd",
                      [("Nämnd", "Budget mnkr", "Prognos mnkr"), ("Fritidsnämnden", "2,5", "3,1")])
    db = tmp_path / "c.db"
    assert not api.ingest([pdf], db=db, index=False).failed
    with served(db, tmp_path) as c:
        doc = api.documents(db=db)[0].id
        html = c.get(f"/documents/{doc}", params={"page": 1}).text
    found = re.findall(r'<a href="[^"]*box=[^"]*">([^<]*)<span class="value">= ([^<]*)</span>', html)
    assert ("Fritidsnämnden | Prognos mnkr: 3,1 ", "3 100 000 kr") in found, found
