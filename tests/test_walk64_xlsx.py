"""A journalist on a Swedish Excel: `figures --csv > siffror.csv` opened in one column (Excel
set to Swedish splits a CSV on ";") with å ä ö garbled (no byte order mark), and the command
line had no other way to a spreadsheet. `--xlsx FILE` on the lists, `members` and `compare`
writes the rows --csv gives as a workbook: numbers as numbers, text as text, every cell a
spreadsheet would run as a formula neutralised as in CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.types import Document

openpyxl = pytest.importorskip("openpyxl")
runner = CliRunner()

KS = """§ 12
Förskoleplatser i Nolhaga
=HYPERLINK("http://evil.example","x") Förvaltningen anslår 3,5 mkr till 40 nya förskoleplatser.
Beslut
Kommunstyrelsen beslutar att anslå 3,5 mkr till förskoleplatserna.
Omröstning
Godkänd voteringsproposition: "Ja för bifall till förslaget och Nej för avslag."
Åsa Ek (S) och Bo Ek (S) röstar Ja (2).
Cia Berg (M) röstar Nej (1).
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("w64xlsx") / "corpus.db"
    d = make_doc(KS, items=True, municipality="Alingsås", committee="Kommunstyrelsen", date="2026-05-20",
                 doc_type="protokoll", title="Kommunstyrelsen, protokoll 2026-05-20")
    _store_all(path, [Document("/records/ks.pdf", "4" * 64, d.pages, d.metadata, d.items)])
    return str(path)


def _sheet(path: Path) -> list[dict]:
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_figures_to_a_workbook(db: str, tmp_path: Path) -> None:
    out_file = tmp_path / "siffror.xlsx"
    out = runner.invoke(app, ["figures", "--db", db, "--municipality", "Alingsås", "--xlsx", str(out_file)])
    assert out.exit_code == 0, out.output
    assert f"rows to {out_file}" in out.output and "figures" not in out.stdout.split("\n")[0]
    rows = _sheet(out_file)
    money = next(r for r in rows if r["unit"] == "SEK")
    assert money["value"] == 3_500_000 and isinstance(money["value"], float | int)
    assert money["municipality"] == "Alingsås" and money["item_number"] == "12"
    quotes = [r["quote"] for r in rows if r["quote"] and "HYPERLINK" in r["quote"]]
    assert quotes and all(q.startswith("'=") for q in quotes)


def test_votes_members_and_compare_to_workbooks(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    votes = tmp_path / "v.xlsx"
    assert runner.invoke(app, ["votes", "--db", db, "--xlsx", str(votes)]).exit_code == 0
    (vote,) = _sheet(votes)
    assert (vote["yes"], vote["no"]) == (2, 1) and "Åsa Ek (S) ja" in vote["roll_call"]
    members = tmp_path / "m.xlsx"
    assert runner.invoke(app, ["members", "--db", db, "--xlsx", str(members)]).exit_code == 0
    assert {r["name"] for r in _sheet(members)} == {"Åsa Ek", "Bo Ek", "Cia Berg"}
    from namndkoll.search.compare import Comparison

    monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: Comparison("x", "party", {}, 0))
    comp = tmp_path / "c.xlsx"
    out = runner.invoke(app, ["compare", "förskoleplatser", "--db", db, "--xlsx", str(comp)])
    assert out.exit_code == 0, out.output
    assert openpyxl.load_workbook(comp).active.title == "compare"


def test_a_file_that_cannot_be_written_is_one_line(db: str, tmp_path: Path) -> None:
    out = runner.invoke(app, ["figures", "--db", db, "--xlsx", str(tmp_path / "no" / "such" / "f.xlsx")])
    assert out.exit_code == 1 and out.output.startswith("error: cannot write") and "Traceback" not in out.output
    # the line says what to do, not only the system's errno ("[Errno 2] No such file or directory")
    assert "a folder that exists" in out.output and "[Errno" not in out.output, out.output
