"""A user walk over other municipalities' records (sixteenth session, h-walk95): what a
journalist, a political secretary, a researcher and a municipal officer would notice.
Small reportlab PDFs, other names and bodies than the real pages."""

from __future__ import annotations

from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app

runner = CliRunner()


def test_a_one_page_scan_is_reported_as_one_page(tmp_path):
    """`ingest` of a one-page scan said "1 of 1 pages have no text layer and need OCR (pages 1)"
    (a Sundbyberg audit page: "1 pages read by OCR")."""
    pdf = make_pdf(tmp_path / "skannad.pdf", [""], image_only=True)
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(pdf), "--db", str(db), "--no-ocr", "--no-index"])
    out = result.stdout + (result.stderr or "")
    assert "1 of 1 page has no text layer and needs OCR (page 1)" in out
    assert "1 pages" not in out and "pages 1)" not in out
    two = make_pdf(tmp_path / "tva.pdf", ["", ""], image_only=True)
    rep = ingest([two], db=tmp_path / "d.db", index=False, extract=False, ocr=False)
    assert any("2 of 2 pages have no text layer and need OCR (pages 1-2)" in w for w in rep.results[0].warnings)
