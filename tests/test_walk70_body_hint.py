"""`figures --municipality "Region Västra Götaland"` printed "0 figures" and a list of every
stored body, with no word that the region is stored as Västra Götalandsregionen: the hint knew
the names a body uses of itself from the shipped table (aliases, genitive + kommun/stad), but
not the form the other regions' names give ("Region Skåne", "Region Halland"). A region is
now also known by the names its county makes of it. A real PDF made with reportlab."""

from __future__ import annotations

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("w70hint")
    vgr = make_pdf(tmp / "vgr-rus.pdf", [
        ("Västra Götalandsregionen\nRegionfullmäktige\nRegional utvecklingsstrategi 2021-2030\n"
         "Västra Götalandsregionen har 49 kommuner och 1,8 miljoner invånare.\n")])
    lund = make_pdf(tmp / "lund-sn-2025-03-12-protokoll.pdf", [
        ("Lunds kommun\nSocialnämnden\nProtokoll\nSammanträdesdatum: 2025-03-12\n"
         "§ 21 Dnr SN 2025/14\nVerksamhetsplan\nFörvaltningen har 40 platser.\n")])
    path = str(tmp / "h.db")
    assert not ingest([vgr, lund], db=path, index=False).failed
    return path


@pytest.mark.parametrize("typed", ["Region Västra Götaland", "region vastra gotaland",
                                   "Västra Götalands län"])
def test_a_regions_name_after_its_county_is_answered_with_the_stored_one(db: str, typed: str) -> None:
    out = runner.invoke(app, ["figures", "--db", db, "--municipality", typed])
    assert out.exit_code == 0, out.output
    assert "did you mean Västra Götalandsregionen?" in out.output, out.output


def test_another_regions_name_is_no_hint_for_this_one(db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", db, "--municipality", "Region Skåne"])
    assert "did you mean" not in out.output and "stored:" in out.output, out.output
