"""An ingest whose stderr is no terminal (a cron job, `nohup … > ingest.log`, a pipe) drew no bar
and wrote nothing at all until the end: hundreds of PDFs and their embedding ran for an hour
without a line. Now it writes a plain progress line at most every 30 seconds (files, pages,
elapsed, an estimate of what is left), and `--quiet` still writes none."""

from __future__ import annotations

from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.commands import ingest as ingest_cmd

runner = CliRunner()


def _pdfs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_pdf(folder / "a.pdf", ["Socialnämnden\nProtokoll 2024-01-10\nText.", "Mer text."])
    make_pdf(folder / "b.pdf", ["Socialnämnden\nProtokoll 2024-02-14\nText."])
    return folder


def test_a_log_file_gets_plain_progress_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_cmd, "_PLAIN_EVERY", 0.0)
    result = runner.invoke(app, ["ingest", str(_pdfs(tmp_path)), "--db", str(tmp_path / "c.db"), "--no-extract",
                                 "--no-index"])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("ingest: ")]
    assert lines, result.stderr
    assert lines[-1].startswith("ingest: 3/3 pages · 2/2 files"), lines
    assert "elapsed" in lines[-1]
    assert "\x1b" not in result.stderr and "\r" not in result.stderr  # plain lines, no bar drawing
    assert "2 ingested" in result.stdout


def test_quiet_writes_no_progress_and_a_short_run_no_line(tmp_path, monkeypatch):
    folder = _pdfs(tmp_path)
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "c.db"), "--no-extract",
                                 "--no-index"])
    assert result.exit_code == 0 and "ingest: " not in result.stderr  # under 30 s: the summary says it all
    monkeypatch.setattr(ingest_cmd, "_PLAIN_EVERY", 0.0)
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "d.db"), "--no-extract",
                                 "--no-index", "--quiet"])
    assert result.exit_code == 0 and "ingest: " not in result.stderr
