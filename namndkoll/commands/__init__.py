"""CLI command modules. Each has ``register(app)``; heavy libraries are imported inside
the commands so that ``namndkoll --help`` stays instant."""

from __future__ import annotations

import importlib
import inspect
import re

import typer

# modules are optional while the stages are being built: a missing one registers nothing
_MODULES = ("ingest", "extract", "lists", "blocs", "search", "ner", "evaluate", "serve")


def register_all(app: typer.Typer) -> None:
    for name in _MODULES:
        try:
            mod = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        mod.register(app)
    for cmd in app.registered_commands:
        if cmd.help is None and cmd.callback is not None and cmd.callback.__doc__:
            cmd.help = unwrapped(inspect.cleandoc(cmd.callback.__doc__))


# a line that starts a line of its own in help text: an example, a list item
_OWN_LINE = re.compile(r"^\s*(?:Example:|[-*•] |\d+[.)] )")


def unwrapped(doc: str) -> str:
    """A docstring's paragraphs each on one line, for the help to wrap at the terminal's width:
    typer keeps the source's line breaks, so at 80 columns a sentence broke mid-line ("how often
    each two parties voted the same" / "way in the stored roll calls"). Examples and list items
    keep their own lines."""
    out: list[str] = []
    for para in doc.split("\n\n"):
        lines: list[str] = []
        for line in para.splitlines():
            if lines and line.strip() and not _OWN_LINE.match(line):
                lines[-1] += " " + line.strip()
            else:
                lines.append(line.rstrip())
        out.append("\n".join(lines))
    return "\n\n".join(out)
