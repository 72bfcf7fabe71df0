"""An ingest that read nothing (`namndkoll ingest empty/ --db y.db`) still makes y.db; every
later list then printed "0 documents" or "no good match (try other words or fewer filters)",
sending the user after filters that were never the cause (walk75). Now they say the corpus is
empty and what to run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from namndkoll.cli import app

runner = CliRunner()


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    db = str(tmp_path / "y.db")
    (tmp_path / "empty").mkdir()
    out = runner.invoke(app, ["ingest", str(tmp_path / "empty"), "--db", db])
    assert out.exit_code == 0 and Path(db).exists(), out.output
    return db


@pytest.mark.parametrize("command", [
    ["documents"], ["figures", "--json"], ["decisions", "--csv"], ["votes"], ["members"], ["blocs"],
    ["search", "förskoleplatser", "--mode", "keyword"],
])
def test_an_empty_corpus_says_so_and_what_to_run(empty_db: str, command: list[str]) -> None:
    out = runner.invoke(app, [*command, "--db", empty_db])
    assert out.exit_code == 0, out.output
    assert f"the corpus at {empty_db} holds no documents yet: run `namndkoll ingest PDF... --db {empty_db}`" in out.stderr
