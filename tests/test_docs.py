"""Every CLI command has help and is documented in the README (sqlite-utils test_docs style)."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from namndkoll.cli import app

REPO = __import__("pathlib").Path(__file__).resolve().parent.parent

runner = CliRunner()


def _commands(a: typer.Typer, prefix: str = "") -> list[str]:
    names = [prefix + (c.name or c.callback.__name__) for c in a.registered_commands]
    for g in a.registered_groups:
        names += _commands(g.typer_instance, prefix + g.name + " ")
    return names


COMMANDS = _commands(app)


def test_there_are_commands():
    assert {"ingest", "documents", "show", "stats"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help_and_is_in_readme(command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output or "example" in result.output, "help should show an example"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`namndkoll {re.escape(command)}\b", readme), f"README lacks `namndkoll {command}`"


def test_help_is_instant_no_heavy_imports():
    import subprocess
    import sys

    code = ("import sys; from namndkoll.cli import app; "
            "heavy = [m for m in ('torch', 'spacy', 'sentence_transformers', 'pdfplumber') if m in sys.modules];"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
