"""`figures --committee BUN` (as Alingsås' protocols abbreviate barn- och ungdomsnämnden in
every diarienummer, "2026.156 BUN") answered with the whole list of stored committees
(walk75); it now names the committee those initials spell. A real PDF made with reportlab."""

from __future__ import annotations

from pathlib import Path

from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app

runner = CliRunner()

BUN = ("Alingsås kommun\nBarn- och ungdomsnämnden\nProtokoll\n2026-06-16\n"
       "§ 42 2026.007 BUN\nEkonomisk uppföljning 2026\n"
       "Nämnden har 40 platser i förskolan.\nBeslut\nBarn- och ungdomsnämnden godkänner uppföljningen.\n")
KS = ("Alingsås kommun\nKommunstyrelsen\nProtokoll\n2026-06-01\n§ 95 2026.016 KS\nMånadsuppföljning\n"
      "Kommunstyrelsen har 12 tjänster.\nBeslut\nKommunstyrelsen godkänner uppföljningen.\n")


def test_a_committee_s_initials_name_the_committee(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    pdfs = [make_pdf(tmp_path / "bun.pdf", [BUN]), make_pdf(tmp_path / "ks.pdf", [KS])]
    assert not ingest(pdfs, db=db, index=False).failed
    out = runner.invoke(app, ["figures", "--db", db, "--committee", "BUN"])
    assert out.exit_code == 0, out.output
    assert "did you mean Barn- och ungdomsnämnden?" in out.output, out.output
    out = runner.invoke(app, ["decisions", "--db", db, "--committee", "ks"])
    assert "did you mean Kommunstyrelsen?" in out.output, out.output
