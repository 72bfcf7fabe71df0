"""`namndkoll redact [add | list | remove]`: a person's name removed from the corpus on request."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..display import one_line
from ..errors import NamndkollError
from ._output import DbOption, JsonOption, echo, fail, print_csv, print_json

if TYPE_CHECKING:
    from ..api.redact import Redaction

CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV for a spreadsheet.")]
COLUMNS = ["id", "name", "reason", "created_at", "places", "documents"]


def rule_json(r: Redaction) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "reason": r.reason, "created_at": r.created_at, "places": r.places,
            "documents": r.documents}


def _counted(r: Redaction) -> str:
    return (f"{r.places} {'place' if r.places == 1 else 'places'} in {r.documents} "
            f"{'document' if r.documents == 1 else 'documents'}")


def add_cmd(
    name: Annotated[str, typer.Argument(help='First and last name, as the records write it: "Anna Berg".')],
    reason: Annotated[str | None, typer.Option("--reason", help="Why (kept with the rule, shown by redact list).")]
    = None,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Remove a person's name from the corpus, now and at every later ingest: page texts,
    passages and their keyword index, §§ and titles, quotes of figures, decisions, votes and
    positions, people and roll calls. Each place gets a mark of the same length ("\\[namn
    borttaget]"); the person's roll-call votes stay, without the name. Forms: "Anna Berg",
    "Anna Bergs", "Berg, Anna", "Berg Anna (S)"; never "Annaberg" or "Anna Bergström". The
    original PDFs on disk are NOT changed: remove the name there yourself if you publish them.

    Example: namndkoll redact add "Anna Berg" --reason "begäran 2026-12-01"
    """
    from ..api.redact import redact_add

    try:
        r = redact_add(name, reason=reason, db=db)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json({**rule_json(r), "waiting": r.waiting,
                    "other_forms": [{"form": f, "pages": n} for f, n in r.other_forms]})
        return
    echo(f"rule {r.id}: {one_line(r.name)} removed from {_counted(r)}; later ingests remove it too. "
         "The original PDFs on disk are not changed.")
    for form, pages in r.other_forms:  # the same name with other accents: not taken by the rule
        echo(f"note: {one_line(form)!r} is still on {pages} {'page' if pages == 1 else 'pages'}: if it is the same "
             f"person, remove it too: namndkoll redact add {one_line(form)!r}", err=True)
    if r.waiting:
        echo(f"note: {r.waiting} changed {'passage waits' if r.waiting == 1 else 'passages wait'} for a new vector: "
             "run `namndkoll index`", err=True)


def list_cmd(db: DbOption = None, as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """The names removed on request: number, name, reason, when, and how many places each changed.

    Example: namndkoll redact list --csv
    """
    from ..api.redact import redact_list

    try:
        rows = redact_list(db=db)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json([rule_json(r) for r in rows])
    elif as_csv:
        print_csv([rule_json(r) for r in rows], COLUMNS)
    elif not rows:
        echo('no name is removed: `namndkoll redact add "Anna Berg"` removes one')
    else:
        for r in rows:
            why = f" ({one_line(r.reason)})" if r.reason else ""
            echo(f"{r.id}. {one_line(r.name)}{why}  added {r.created_at} UTC; {_counted(r)}")


def remove_cmd(
    rule: Annotated[str, typer.Argument(help="The rule's number (redact list) or its name.")],
    db: DbOption = None,
) -> None:
    """Remove a rule: later ingests keep the name. What it removed stays removed; `namndkoll
    ingest --reread` of the PDFs reads the name again.

    Example: namndkoll redact remove 1
    """
    from ..api.redact import redact_remove

    try:
        r = redact_remove(rule, db=db)
    except NamndkollError as exc:
        fail(exc)
    echo(f"rule {r.id} ({one_line(r.name)}) removed: later ingests keep the name; what it removed stays "
         "removed until `namndkoll ingest --reread` reads the PDFs again")


def register(app: typer.Typer) -> None:
    import inspect

    from . import database_errors_on_one_line, unwrapped

    group = typer.Typer(help="Names removed from the corpus on request (the PDFs on disk are not changed).")
    for name, cmd in (("add", add_cmd), ("list", list_cmd), ("remove", remove_cmd)):
        doc = unwrapped(inspect.cleandoc(cmd.__doc__ or ""))
        group.command(name, help=doc)(database_errors_on_one_line(cmd))
    app.add_typer(group, name="redact")
