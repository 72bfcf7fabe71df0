"""CLI command modules. Each has ``register(app)``; heavy libraries are imported inside
the commands so that ``namndkoll --help`` stays instant."""

from __future__ import annotations

import functools
import importlib
import inspect
import re
from collections.abc import Callable
from typing import Any

import typer

# modules are optional while the stages are being built: a missing one registers nothing
_MODULES = ("ingest", "extract", "lists", "blocs", "search", "watch", "redact", "ner", "evaluate", "serve")


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
        if cmd.callback is not None:
            cmd.callback = database_errors_on_one_line(upgrade_shown(cmd.callback))


def database_errors_on_one_line(command: Callable[..., Any]) -> Callable[..., Any]:
    """What a PostgreSQL server answers in the middle of a command (a permission it lacks, a
    statement_timeout, a connection lost while the server restarts) as one line that says what
    to do, not a traceback; namndkoll's own errors are already lines of their own."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except Exception as exc:
            if not type(exc).__module__.startswith("psycopg"):
                raise
            from ._output import fail

            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            fail(f"the PostgreSQL server refused or broke off this command: {first}; run it again, and if it "
                 "fails again ask whoever runs the server (the user's grants, statement_timeout, that it runs)")
    return run


def upgrade_shown(command: Callable[..., Any]) -> Callable[..., Any]:
    """A PostgreSQL corpus's keyword words rewritten on the first open after an upgrade
    (migration 0020, ``corpus/pg_words.py``: minutes on a big corpus) shown on stderr: a line
    that says what it is, then a bar with counts and ETA (plain lines where stderr is no
    terminal), as ingest shows its own."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from ..corpus import pg_words

        pg_words.on_progress(_rewrite_bar())
        try:
            return command(*args, **kwargs)
        finally:
            pg_words.on_progress(None)
    return run


def _rewrite_bar() -> Callable[[int, int], None]:
    state: dict[str, Any] = {}

    def report(done: int, total: int) -> None:
        if "bar" not in state:  # rich is imported when there is something to show only
            if done >= total:
                return
            import sys

            from ._output import console
            from .ingest import index_bar

            con = console(stderr=True)
            tty = sys.stderr.isatty()
            con.print(f"upgrading the keyword index of {total - done:,} passages (migration 0020), in batches: "
                      "searches go on meanwhile, and an interrupted upgrade goes on at the next open",
                      soft_wrap=True)
            state["bar"] = index_bar(con, tty, plain=not tty, what="upgrade", unit="passages",
                                     plain_unit="passages rewritten")
        state["bar"](done, total)
    return report


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
