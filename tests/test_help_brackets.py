"""Help texts are shown as written: `ingest --help` said "(pip install 'namndkoll'): N local
worker processes" for --cluster, rich having read "[cluster]" as a style tag and dropped it, so
the one install command the help gives installed no Dask."""

from __future__ import annotations

import re

from typer.main import get_command
from typer.testing import CliRunner

from namndkoll.cli import app


def _commands(cmd, path=()):
    for name, sub in getattr(cmd, "commands", {}).items():
        yield from _commands(sub, (*path, name))
    if path:
        yield path, cmd


def test_every_bracketed_word_of_a_help_text_is_shown():
    runner = CliRunner()
    checked = 0
    for path, cmd in _commands(get_command(app)):
        texts = [cmd.help or ""] + [getattr(p, "help", "") or "" for p in cmd.params]
        wanted = [m.replace("\\[", "[") for t in texts for m in re.findall(r"\\?\[[^\]]*\]", t)]
        if not wanted:
            continue
        shown = " ".join(runner.invoke(app, [*path, "--help"], env={"COLUMNS": "400"}).output.split())
        for w in wanted:
            checked += 1
            assert w in shown, (path, w)
    assert checked >= 2
    assert "pip install 'namndkoll[cluster]'" in " ".join(
        runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "400"}).output.split())
