"""The ``namndkoll`` command: a thin layer over the Python API (see namndkoll/commands/)."""

from __future__ import annotations

import typer

from .commands import register_all
from .commands._usage import OneLineUsageErrors

app = typer.Typer(
    name="namndkoll",
    cls=OneLineUsageErrors,
    help="Search, quote and count Swedish municipal committee records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
register_all(app)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # python -m namndkoll.cli
    app()
