"""Shared output helpers for the CLI: people get tables, machines get --json / --csv."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, NoReturn, Optional

import typer

from ..errors import NamndkollError

# the corpus: a SQLite file, or a PostgreSQL URL for a served one (a str, not a Path: a URL
# is no file name)
DbOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation
    typer.Option("--db", help="Corpus: a SQLite file, or postgresql://USER@HOST/DB for a served corpus "
                              "(default: $NAMNDKOLL_DB or ./namndkoll.db).", metavar="FILE|URL"),
]


def to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")


def print_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: _cell(row.get(k)) for k in columns})


def _cell(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    return "" if v is None else v


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c)
    for row in rows:
        table.add_row(*(str(_cell(row.get(c))) for c in columns))
    Console().print(table)


def fail(exc: NamndkollError | str, code: int = 1) -> NoReturn:
    """Print one clear line on stderr and exit with ``code``."""
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(code)


def eval_group(app: typer.Typer) -> typer.Typer:
    """The `namndkoll eval` sub-app (eval extract, eval ner, eval search): made by whichever
    stage registers first, joined by the others."""
    group = next((g.typer_instance for g in app.registered_groups if g.name == "eval"), None)
    if group is None:
        group = typer.Typer(help="Measure quality on gold data.", no_args_is_help=True)
        app.add_typer(group, name="eval")
    return group
