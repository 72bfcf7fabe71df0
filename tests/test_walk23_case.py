"""The twenty-third session's walk (docs/walks/twenty-third-session-case.md): a researcher and
a journalist follow one matter across meetings and bodies, export what they found and ask how
complete the corpus is. Each test fails on the main branch of that session.

The corpus is small real PDFs (reportlab): a KS protocol whose § 113 is case 2026.266 KS, and
a page with no text layer (needs OCR), ingested without OCR.
"""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll import api
from namndkoll.cli import app

KS = """Alingsås kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum: 2026-06-15
§ 113 Dnr 2026.266 KS
Revidering felparkeringsavgifter
Ärendebeskrivning
Felparkeringsavgifter i Alingsås kommun behöver revideras. Avgiften höjs till 1 500 kronor.
Beslut
Kommunstyrelsen beslutar
att föreslå kommunfullmäktige att anta reviderade felparkeringsavgifter.
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("walk23")
    make_pdf(tmp / "ks-2026-06-15.pdf", [KS])
    db = str(tmp / "walk23.db")
    report = api.ingest(sorted(tmp.glob("*.pdf")), db=db, index=False)
    assert not report.failed, report.failed
    return db


def _cli(args: list[str]) -> str:
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_case_json_steps_carry_the_join_keys(corpus: str) -> None:
    """`case --json` named the § of each step `item` only; README promises `document_id` and
    `item_number` on every --json output that names a place (as /api/cases gives them)."""
    steps = json.loads(_cli(["case", "2026.266 KS", "--db", corpus, "--json"]))["steps"]
    assert steps and all("item_number" in s and "document_id" in s for s in steps)
    assert [(s["item"], s["item_number"]) for s in steps] == [("113", "113")]
    votes_like = json.loads(_cli(["decisions", "--db", corpus, "--json"]))
    assert {(d["document_id"], d["item_number"]) for d in votes_like} == {
        (s["document_id"], s["item_number"]) for s in steps}
