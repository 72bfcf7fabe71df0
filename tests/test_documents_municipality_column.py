"""`namndkoll documents` at 80 columns dropped the municipality column before the type column,
even with records of several municipalities stored: "Socialnämnden" then stood for any of them.
A committee's name repeats in every municipality, so when the rows come from more than one the
municipality ranks with the committee and the type goes first (the title mostly names the type,
"Protokoll …", "Tjänsteskrivelse …", and --type filters by it). Rows of one municipality still
give its column up first, as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.types import Document

runner = CliRunner()

TEXT = "§ 12\nBudget 2027\nBeslut\nSocialnämnden beslutar att anslå 3,5 mkr till 40 nya förskoleplatser.\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docmun") / "corpus.db"
    docs = []
    for n, town in enumerate(("Göteborg", "Alingsås", "Lund")):
        d = make_doc(TEXT, items=True, municipality=town, committee="Socialnämnden", date=f"2026-05-2{n}",
                     doc_type="tjansteskrivelse", title="Svar på motion om förskoleplatser i stadsdelarna")
        docs.append(Document(f"/records/{town}/sn-2026-05-2{n}.pdf", str(n) * 64, d.pages, d.metadata, d.items))
    _store_all(path, docs)
    return path


def table(db: Path, *args: str) -> str:
    r = runner.invoke(app, ["documents", "--db", str(db), *args], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.stdout.splitlines()) <= 80
    return r.stdout


def test_several_municipalities_keep_their_column_at_80_columns(db: Path) -> None:
    out = table(db)
    header = out.splitlines()[1]
    assert "munic" in header, out
    for town in ("Göteborg", "Alingsås", "Lund"):
        assert town in out, out
    assert "committee" in header or "comm." in header
    assert "type" not in header and "…" not in out, out  # the type gave way, the title reads whole
    # rows of one municipality: its column gives way first, as before
    out = table(db, "--municipality", "Lund")
    assert "munic" not in out.splitlines()[1] and "type" in out.splitlines()[1], out
