"""`namndkoll extract FILE.pdf [--json]` and `namndkoll eval extract GOLD_DIR` on small real PDFs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.extract.evaluate import render_pdf

runner = CliRunner()

TEXT = """Tjänsteskrivelse
Förslag till beslut
Socialnämnden föreslås besluta
- att godkänna inriktningen i ärendet
Ärendet
Ledamoten Rashid Mohammed (V) har frågat om kostnaderna. En minskning med tre tjänster
skulle innebära en besparing på 1 550 t kr. Anställningen kostar cirka 8 000 kronor per månad.
Vid slutet av år 2021 bedöms minst 200 anställningar med stöd finnas, en ökning med 100 %.
Ledamöterna från SD har tidigare yrkat avslag.

Annika Pettersson
socialdirektör
"""

KEYS = {
    "document": {"source", "sha256", "pages", "title", "municipality", "committee", "doc_type", "date",
                 "diarienummer", "paragraphs"},
    "figures": {"kind", "value", "value_to", "unit", "qualifier", "per", "text", "sentence", "page", "start",
                "end"},
    "parties": {"code", "text", "page", "original", "local"},
    "people": {"name", "party", "role", "page", "party_original"},
    "decisions": {"body", "status", "date", "item", "text", "clauses", "page"},
    "votes": {"item", "yes", "no", "abstain", "absent", "proposition", "page", "note", "roll_call"},
    "positions": {"parties", "kind", "text", "page"},
    "entities": {"text", "label", "page", "start", "end"},
}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_pdf(TEXT, tmp_path_factory.mktemp("x") / "skrivelse.pdf", header="Lunds kommun   Socialförvaltningen")


def test_extract_json_has_exactly_the_documented_shape(pdf):
    result = runner.invoke(app, ["extract", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) == set(KEYS)
    assert set(out["document"]) == KEYS["document"]
    for key, rows in out.items():
        if key != "document":
            assert isinstance(rows, list)
            for row in rows:
                assert set(row) == KEYS[key], key
    assert out["document"]["pages"] == 1 and len(out["document"]["sha256"]) == 64

    figs = {(f["kind"], f["value"], f["unit"]) for f in out["figures"]}
    assert figs == {("count", 3, "tjänst"), ("amount", 1_550_000, "SEK"), ("amount", 8_000, "SEK"),
                    ("count", 200, "anställning"), ("percent", 100, "%")}
    monthly = next(f for f in out["figures"] if f["value"] == 8_000)
    assert (monthly["qualifier"], monthly["per"], monthly["page"]) == ("ca", "månad", 1)
    assert "8 000 kronor" in monthly["sentence"]
    assert {p["code"] for p in out["parties"]} == {"V", "SD"}
    people = {(p["name"], p["party"], p["role"]) for p in out["people"]}
    assert ("Rashid Mohammed", "V", "ledamot") in people
    assert ("Annika Pettersson", None, "socialdirektör") in people


def test_extract_readable_report(pdf):
    result = runner.invoke(app, ["extract", str(pdf)])
    assert result.exit_code == 0, result.output
    assert "Figures" in result.output and "1 550 000" in result.output
    assert "Rashid Mohammed" in result.output


def test_extract_not_a_pdf_is_one_clear_line(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"this is no pdf")
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output


def _gold(tmp_path: Path, figures_required: list[dict], people: list[dict]) -> Path:
    (tmp_path / "gold").mkdir(exist_ok=True)
    gold = {
        "text": TEXT, "header": "Lunds kommun   Socialförvaltningen",
        "metadata": {"municipality": "Lund"},
        "figures_required": figures_required,
        "figures_optional": [{"kind": "percent", "value": 100, "text": "100 %"}],
        "parties_required": ["V", "SD"], "parties_forbidden": ["M"],
        "people_required": people, "decisions_required": [], "positions": [],
    }
    (tmp_path / "gold" / "one.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "gold"


def test_eval_extract_scores_figures_as_a_multiset(tmp_path):
    gold = _gold(tmp_path, [
        {"kind": "amount", "value": 1550000, "text": "1 550 t kr"},
        {"kind": "amount", "value": 8000, "text": "8 000 kronor"},
        {"kind": "count", "value": 3, "text": "tre tjänster"},
        {"kind": "count", "value": 7, "text": "not in the text"},
    ], [{"name": "Rashid Mohammed", "party": "V"}, {"name": "Annika Pettersson", "party": "S"}])
    result = runner.invoke(app, ["eval", "extract", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    res = json.loads(result.stdout)
    fig = res["figures"]
    # 3 of 4 required found; "200 anställningar" is a false positive; 100 % is optional
    assert (fig["tp"], fig["fn"], fig["fp"]) == (3, 1, 1)
    assert fig["precision"] == 0.75 and fig["recall"] == 0.75
    assert any("7" in m for m in fig["misses"])
    assert res["parties"]["recall"] == 1.0 and res["parties"]["forbidden_found"] == []
    assert res["people"]["recall"] == 0.5  # Annika Pettersson is no (S) politician
    assert res["metadata"]["accuracy"] == 1.0


def test_eval_extract_readable_and_empty_dir(tmp_path):
    gold = _gold(tmp_path, [{"kind": "count", "value": 3, "text": "tre tjänster"}], [])
    result = runner.invoke(app, ["eval", "extract", str(gold)])
    assert result.exit_code == 0, result.output
    assert "figures" in result.output and "1 gold files" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["eval", "extract", str(empty)])
    assert result.exit_code == 1 and "no gold extraction files" in result.output


def test_eval_on_the_shared_gold_meets_the_target(shared):
    result = runner.invoke(app, ["eval", "extract", str(shared / "data" / "gold"), "--json"])
    assert result.exit_code == 0, result.output
    res = json.loads(result.stdout)
    assert res["figures"]["f1"] >= 0.95, res["figures"]
    for key in ("parties", "people", "decisions", "positions"):
        assert res[key]["recall"] == 1.0, (key, res[key]["misses"])
    assert res["parties"]["forbidden_found"] == []
