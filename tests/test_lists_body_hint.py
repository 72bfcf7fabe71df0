"""`namndkoll figures --municipality Tolkförmedling` printed "0 figures" and nothing else: the
option compares whole names, and the table had cut the stored name to "Tolkförmedlin…", so the
user could not tell the filter from an empty corpus. An empty list under a municipality no
document has now says which stored body was meant. A real PDF made with reportlab."""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app

runner = CliRunner()

PROTOCOL = (
    "Lunds kommun\nSocialnämnden\nProtokoll\nSammanträdesdatum: 2025-03-12\n"
    "§ 21 Dnr SN 2025/14\nVerksamhetsplan\n"
    "Förvaltningen har 312 tolkar och 40 platser i Lunds kommun.\n"
    "Beslut\nSocialnämnden beslutar att godkänna verksamhetsplanen.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("hint")
    pdf = make_pdf(tmp / "lund-sn-2025-03-12-protokoll.pdf", [PROTOCOL])
    path = tmp / "h.db"
    rep = ingest([pdf], db=path, index=False)
    assert rep.count("ingested") == 1, rep.results
    return str(path)


def test_a_part_of_a_stored_name_is_answered_with_the_whole_name(db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", db, "--municipality", "lun"])
    assert out.exit_code == 0, out.output
    assert "0 figures" in out.output
    assert "did you mean Lund?" in out.output
    assert "--municipality takes the whole name" in out.output


def test_an_unknown_name_lists_the_stored_bodies(db: str) -> None:
    out = runner.invoke(app, ["decisions", "--db", db, "--municipality", "Göteborg"])
    assert out.exit_code == 0, out.output
    assert "no document is from 'Göteborg'; stored: Lund" in out.output


def test_the_whole_name_any_case_lists_and_says_nothing_more(db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", db, "--municipality", "LUND"])
    assert out.exit_code == 0, out.output
    assert "no document is from" not in out.output and "40 platser" in out.output


def test_search_and_compare_say_which_body_was_meant(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from namndkoll.search.compare import Comparison

    # `search --municipality "Lunds kommun"` answered "no good match" as if nothing were there
    out = runner.invoke(app, ["search", "tolkar", "--db", db, "--municipality", "Lunds kommun", "--mode", "keyword"])
    assert out.exit_code == 0, out.output
    assert "no good match" in out.output and "did you mean Lund?" in out.output
    # (compare's own search is another test's: here it finds nothing under the filter)
    monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: Comparison("verksamhetsplan", "party", {}, 0))
    out = runner.invoke(app, ["compare", "verksamhetsplan", "--db", db, "--municipality", "Malmö"])
    assert "no document is from 'Malmö'; stored: Lund" in out.output, out.output


def test_a_year_filter_says_how_many_undated_documents_it_left_out(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `search ... --municipality Lund --to 2016` answered "no good match" where the 2016
    # reservation had no date in its PDF: left out by the year filter without a word
    from namndkoll.search.compare import Comparison

    undated = make_pdf(tmp_path / "lund-v-reservation.pdf", [
        ("Lunds kommun\nSocialnämnden\nReservation\nÄrende 7: Åtgärder avseende arbetsmarknadsåtgärder\n"
        "Vänsterpartiet reserverar sig mot beslutet om minskningen av arbetsmarknadskonsulenter.\n")])
    dated = make_pdf(tmp_path / "lund-sn-2025-03-12-protokoll.pdf", [PROTOCOL])
    db = str(tmp_path / "u.db")
    assert not ingest([undated, dated], db=db, index=False).failed
    out = runner.invoke(app, ["search", "arbetsmarknadskonsulenter", "--db", db, "--municipality", "Lund",
                              "--to", "2016", "--mode", "keyword"])
    assert out.exit_code == 0, out.output
    assert "note: 1 document has no date and was left out by the year filter" in out.output
    out = runner.invoke(app, ["search", "arbetsmarknadskonsulenter", "--db", db, "--mode", "keyword"])
    assert "no date" not in out.output  # no year filter, nothing left out
    monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: Comparison("x", "party", {}, 0))
    out = runner.invoke(app, ["compare", "arbetsmarknadskonsulenter", "--db", db, "--from", "2020"])
    assert "1 document has no date" in out.output, out.output


def test_a_short_form_is_the_body_it_stands_for_not_a_name_inside_it(tmp_path) -> None:
    # `decisions --municipality VGR` answered "did you mean GR?": Göteborgsregionen, another
    # body, because "GR" stands inside "VGR"; the region calls itself VGR (the shipped table)
    vgr = make_pdf(tmp_path / "vgr-rus.pdf", [
        ("Västra Götalandsregionen\nRegionfullmäktige\nRegional utvecklingsstrategi 2021-2030\n"
        "Västra Götalandsregionen har 49 kommuner och 1,8 miljoner invånare.\n")])
    gr = make_pdf(tmp_path / "gr-kollektivtrafik.pdf", [
        ("Göteborgsregionen (GR)\nStrategiska vägval för storregional kollektivtrafik\n"
        "GR är ett kommunalförbund med 13 medlemskommuner.\n")])
    db = str(tmp_path / "v.db")
    assert not ingest([vgr, gr], db=db, index=False).failed
    stored = {r["municipality"] for r in json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)}
    assert "Västra Götalandsregionen" in stored
    out = runner.invoke(app, ["figures", "--db", db, "--municipality", "VGR"])
    assert "did you mean Västra Götalandsregionen?" in out.output, out.output
    assert "GR?" not in out.output and " or " not in out.output
