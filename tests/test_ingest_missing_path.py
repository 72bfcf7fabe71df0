"""`namndkoll ingest nosuch/ --db y.db` (a typo in the folder) made y.db though nothing could be
read, and every later command then read that empty file as the corpus. When no path given
exists, ingest says so on one line and makes no database; a missing path beside one that
exists is still reported on its own line while the rest is read."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from namndkoll.cli import app

runner = CliRunner()


def test_when_no_given_path_exists_one_line_and_no_database(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    r = runner.invoke(app, ["ingest", str(tmp_path / "nosuch"), str(tmp_path / "nor-this.pdf"), "--db", str(db)])
    assert r.exit_code == 1
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: no such file or folder: "), r.stderr
    assert "nosuch" in lines[0] and "nor-this.pdf" in lines[0] and "check the path" in lines[0]
    assert not db.exists()
    # beside a folder that exists, the missing path is one line of the batch and the rest is read
    (tmp_path / "empty").mkdir()
    r = runner.invoke(app, ["ingest", str(tmp_path / "nosuch"), str(tmp_path / "empty"), "--db", str(db)])
    assert r.exit_code == 1
    assert "nosuch: no such file or folder: check the path" in r.stderr
    assert db.exists()  # the folder that exists was read (into a new, empty corpus)
