"""Shared output helpers for the CLI: people get tables that fit their terminal, machines get
--json / --csv.

Document text is data, never markup or terminal commands: every value reaches rich as a
``Text`` (no ``[link=…]`` markup is read from a PDF), and everything printed passes
``display.terminal_safe`` (no escape sequence reaches the terminal, through a pipe either).

Tables fit the terminal's width: dates, numbers, § and page are never cut; long text
columns (title, quote, proposition) get the width that is left, cut with "…" on one or two
lines; the least important columns drop out first when it is narrow. ``--wide``, or output
to a pipe or file (without ``$COLUMNS``), keeps every value whole.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import typer

from ..display import one_line, shown_path, terminal_safe
from ..errors import NamndkollError

# the corpus: a SQLite file, or a PostgreSQL URL for a served one (a str, not a Path: a URL
# is no file name)
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Corpus: a SQLite file, or postgresql://USER@HOST/DB for a served corpus "
                              "(default: $NAMNDKOLL_DB or ./namndkoll.db).", metavar="FILE|URL"),
]

# another run (a second `index` or ingest at once) embedding the passages this one would: wait
# for it (the default: the index is whole when the command ends) or not
NoWaitOption = Annotated[bool, typer.Option(
    "--no-wait", help="Passages another index run is embedding now are left to it: end at once, not when they "
                      "are stored.")]

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]

GAP = 2  # spaces between two columns
TEXT_COMFORT = 28  # a text column narrower than this reads badly
OPTIONAL = 3  # columns this unimportant drop out before anything is cut
WideOption = Annotated[bool, typer.Option(
    "--wide", help="Every column, every value whole (as when the output goes to a file or pipe).")]


def to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj


# JSON escapes C0 controls itself; DEL, C1 and the bidi controls it leaves as they are
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(obj: Any) -> None:
    text = json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def print_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """CSV for a spreadsheet: formula cells neutralised (``namndkoll.export``)."""
    from ..export import write_csv

    write_csv(sys.stdout, rows, columns)


def write_xlsx_file(path: Path, rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, sheet: str) -> None:
    """``--xlsx FILE``: the rows a ``--csv`` gives, as an Excel workbook (cells neutralised as in
    CSV, ``namndkoll.export``), and one line on stderr saying where. A CSV opens in one column
    in an Excel set to Swedish (its list separator is ";") and with å ä ö garbled without a
    byte order mark; a workbook opens right everywhere. A file that cannot be written ends the
    command with an error naming it."""
    from ..export import write_xlsx

    rows = list(rows)
    try:
        write_xlsx(path, rows, columns, sheet=sheet)
    except (NamndkollError, OSError) as exc:
        if not isinstance(exc, OSError):
            fail(exc)
        why = exc.strerror or str(exc)
        fail(f"cannot write {path}: {why}; give --xlsx a file in a folder that exists and you may write to")
    echo(f"wrote {len(rows)} {'row' if len(rows) == 1 else 'rows'} to {shown_path(path)}", err=True)


def say_undated(db: str | None, *, year: int | None = None, year_from: int | None = None,
                year_to: int | None = None, **filters: Any) -> None:
    """A year filter leaves out the documents whose date was not found: say how many (on
    stderr, so --json and --csv stay clean), never silently; and when no stored document is
    from the years asked at all, which years are stored."""
    from ..api.reading import undated_count, year_hint

    try:
        hint = year_hint(db=db, year=year, year_from=year_from, year_to=year_to)
        n = undated_count(db=db, **filters)
    except NamndkollError:
        return
    if hint:
        echo(hint, err=True)
    if n:
        echo(f"note: {n} {'document has' if n == 1 else 'documents have'} no date and "
             f"{'was' if n == 1 else 'were'} left out by the year filter (`namndkoll documents` marks "
             "them ?)", err=True)


def say_body_hint(municipality: str | None, db: str | None, committee: str | None = None) -> None:
    """When nothing was found: that the corpus holds no document at all, if so; else, under a
    --municipality that names no stored body ("Göteborgs") or a --committee no stored
    committee's name contains, which are stored, as the list commands do."""
    from ..api.reading import body_hint, committee_hint, empty_corpus_hint

    try:
        empty = empty_corpus_hint(db=db)
    except NamndkollError:
        empty = None
    if empty:  # nothing stored at all: that, not a filter, is why nothing was found
        echo(empty, err=True)
        return
    hint = body_hint(municipality, db=db) if municipality else None
    if hint:
        echo(hint, err=True)
    hint = committee_hint(committee, db=db) if committee else None
    if hint:
        echo(hint, err=True)


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """typer.echo of text that may hold document text or file names: nothing in it can
    drive the terminal."""
    typer.echo(terminal_safe(message), err=err, nl=nl)


def fail(exc: NamndkollError | str, code: int = 1) -> NoReturn:
    """Print one clear line on stderr and exit with ``code``."""
    typer.echo(f"error: {one_line(str(exc))}", err=True)
    raise typer.Exit(code)


def console(*, stderr: bool = False, width: int | None = None) -> Any:
    """A rich Console that reads no markup, emoji codes or highlights from what it prints."""
    from rich.console import Console

    return Console(stderr=stderr, width=width, markup=False, emoji=False, highlight=False)


def eval_group(app: typer.Typer) -> typer.Typer:
    """The `namndkoll eval` sub-app (eval extract, eval ner, eval search): made by whichever
    stage registers first, joined by the others."""
    group = next((g.typer_instance for g in app.registered_groups if g.name == "eval"), None)
    if group is None:
        group = typer.Typer(help="Measure quality on gold data.", no_args_is_help=True)
        app.add_typer(group, name="eval")
    return group


# ---- tables that fit the terminal ------------------------------------------------------------

Kind = Literal["fixed", "short", "text"]


@dataclasses.dataclass(frozen=True)
class Col:
    """How a column behaves when the terminal is narrow.

    ``fixed``: never cut (dates, numbers, §, page). ``short``: a name or code, cut with "…"
    to between ``min`` and ``max`` (0: its longest value). ``text``: takes the width left,
    wrapped on up to ``lines`` lines. ``keep``: importance; the lowest drop out first."""

    key: str
    header: str = ""
    kind: Kind = "short"
    keep: int = 5
    lines: int = 1
    min: int = 8
    max: int = 0
    right: bool = False
    abbr: str = ""  # the header when the column is narrower than its header

    @property
    def title(self) -> str:
        return self.header or self.key

    def heading(self, width: int) -> str:
        short = self.abbr and _width(self.title) > width
        return fit(self.abbr if short else self.title, width)


def _fixed(key: str, keep: int = 9, *, right: bool = False, header: str = "") -> Col:
    return Col(key, header, "fixed", keep, right=right)


# the columns every listing shares; a command passes Col objects for anything else
KNOWN: dict[str, Col] = {c.key: c for c in (
    _fixed("id", 8, right=True), _fixed("date", 10), _fixed("decision_date", 4), _fixed("year", 9),
    _fixed("item", 9, header="§"), _fixed("page", 9, right=True), _fixed("pages", 3, right=True),
    _fixed("items", 2, right=True, header="§§"), _fixed("value", 10, right=True),
    _fixed("yes", 9, right=True), _fixed("no", 9, right=True), _fixed("abstain", 8, right=True),
    _fixed("absent", 7, right=True), _fixed("mentions", 8, right=True),
    _fixed("passages", 8, right=True), _fixed("rank", 9, right=True),
    _fixed("score", 3, right=True),
    _fixed("party", 7), _fixed("parties", 6),
    Col("title", kind="text", keep=8, lines=2, min=16),
    Col("quote", kind="text", keep=7, lines=2, min=20),
    Col("proposition", kind="text", keep=8, lines=2, min=20),
    Col("text", kind="text", keep=7, lines=2, min=20),
    Col("source", kind="text", keep=1, min=16),
    Col("name", kind="short", keep=8, min=28, max=28),
    Col("role", kind="short", keep=4, min=10, max=30),
    Col("people", kind="text", keep=2, min=12),
    Col("municipality", kind="short", keep=3, min=8, max=14, abbr="munic."),
    Col("committee", kind="short", keep=6, min=10, max=22, abbr="comm."),
    Col("body", kind="short", keep=2, min=10, max=22),
    Col("doc_type", header="type", kind="short", keep=5, min=8, max=16),
    Col("kind", kind="short", keep=4, min=9, max=14),
    Col("status", kind="short", keep=6, min=7, max=8),
    Col("unit", kind="short", keep=3, min=4, max=12),
    Col("qualifier", kind="short", keep=2, min=5, max=10),
)}


def out_width(wide: bool = False) -> int | None:
    """The width to fit tables to: the terminal's (``$COLUMNS`` first), or ``$COLUMNS``
    when the output is no terminal; None (every value whole) for --wide or a plain pipe."""
    if wide:
        return None
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, 20)
    cols = os.environ.get("COLUMNS", "")
    return max(int(cols), 20) if cols.isdigit() and int(cols) > 0 else None


def cell_text(value: Any) -> str:
    """A stored value as one line of a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ", ".join(one_line(str(v)) for v in value if v is not None)
    return one_line(str(value))


def _spec(c: str | Col) -> Col:
    return c if isinstance(c, Col) else KNOWN.get(c, Col(c))


def _width(s: str) -> int:
    from rich.cells import cell_len

    return cell_len(s)


def layout(cols: Sequence[Col], cells: Sequence[Sequence[str]], width: int | None
           ) -> list[tuple[Col, int]]:
    """Which columns to show and how wide: every fixed column whole; the least important
    columns dropped until the rest fit ``width`` (None: all, each as wide as its longest
    value)."""
    natural = [max([_width(c.title)] + [_width(row[i]) for row in cells])
               for i, c in enumerate(cols)]
    shown = list(range(len(cols)))
    if width is None:
        return [(cols[i], natural[i]) for i in shown]

    def least(i: int) -> int:
        return natural[i] if cols[i].kind == "fixed" else min(natural[i], cols[i].min)

    while len(shown) > 1 and sum(least(i) for i in shown) + GAP * (len(shown) - 1) > width:
        shown.remove(min(shown, key=lambda i: (cols[i].keep, -i)))

    def wanted(i: int) -> int:
        c = cols[i]
        if c.kind == "short":
            return min(natural[i], c.max or natural[i])
        return natural[i] if c.kind == "fixed" else min(natural[i], max(c.min, TEXT_COMFORT))

    # then the optional columns go while what the rest would like does not fit, so that a
    # title or quote reads as more than a few words and names are not cut
    while True:
        optional = [i for i in shown if cols[i].keep <= OPTIONAL]
        if not optional or sum(wanted(i) for i in shown) + GAP * (len(shown) - 1) <= width:
            break
        shown.remove(min(optional, key=lambda i: (cols[i].keep, -i)))
    widths = {i: least(i) for i in shown}
    room = width - GAP * (len(shown) - 1) - sum(widths.values())
    # short columns up to their cap first (a committee's name reads whole at 18), then the
    # text columns share what is left, then short columns may grow to their longest value
    for i in sorted((i for i in shown if cols[i].kind == "short"), key=lambda i: -cols[i].keep):
        cap = min(natural[i], cols[i].max or natural[i])
        grow = max(0, min(cap - widths[i], room))
        widths[i] += grow
        room -= grow
    texts = [i for i in shown if cols[i].kind == "text"]
    while room > 0 and texts:
        wanting = [i for i in texts if widths[i] < natural[i]]
        if not wanting:
            break
        share = max(1, room // len(wanting))
        for i in wanting:
            grow = min(share, natural[i] - widths[i], room)
            widths[i] += grow
            room -= grow
    for i in shown:
        if cols[i].kind == "short" and room > 0:
            grow = min(natural[i] - widths[i], room)
            widths[i] += grow
            room -= grow
    return [(cols[i], widths[i]) for i in shown]


def fit(text: str, width: int, lines: int = 1) -> str:
    """``text`` wrapped at spaces to ``width`` on at most ``lines`` lines, cut with "…"."""
    if _width(text) <= width:
        return text
    wrapped = textwrap.wrap(text, width=max(width, 1), break_long_words=False,
                            break_on_hyphens=False)
    out: list[str] = []
    for n, line in enumerate(wrapped):
        if _width(line) > width:  # one word longer than the column
            out.append(_cut(line, width))
            break
        if n == lines - 1 and n < len(wrapped) - 1:  # the last line allowed, and more to come
            out.append(_cut(" ".join(wrapped[n:]), width))
            break
        out.append(line)
    return "\n".join(out)


def _cut(text: str, width: int) -> str:
    """``text`` in ``width`` cells, the last one "…"."""
    from rich.cells import set_cell_size

    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…"


MISSING = "?"  # what a table shows for a field the document does not give


_SINGULAR = {"people": "person", "entities": "entity"}


def counted(n: int, plural: str) -> str:
    """ "3 figures", "1 figure", "1 person": a list's title counts its rows."""
    if n != 1:
        return f"{n} {plural}"
    return f"1 {_SINGULAR.get(plural, plural.removesuffix('s'))}"


def _telling(cols: list[Col], cells: Sequence[Sequence[str]]) -> list[Col]:
    """A committee's name ("Socialnämnden", "Kommunstyrelsen") repeats in every municipality:
    when the rows come from more than one, the municipality column says which, and ranks with
    the committee's. The document type then gives way first, before the title is cut: the
    title mostly says what a document is ("Protokoll …", "Svar på motion …"), --type filters
    by it and `show ID` gives it. Rows of one municipality leave both as they were."""
    at = next((i for i, c in enumerate(cols) if c.key == "municipality"), None)
    if at is None or len({row[at] for row in cells if row[at] and row[at] != MISSING}) < 2:
        return cols
    ranks = {"municipality": max(KNOWN["municipality"].keep, KNOWN["committee"].keep), "doc_type": OPTIONAL}
    return [dataclasses.replace(c, keep=ranks[c.key]) if c.key in ranks else c for c in cols]


def print_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str | Col], *, title: str | None = None,
    wide: bool = False, width: int | None = None, empty_columns: bool = False,
) -> None:
    """Rows as a table fitted to the terminal (see ``layout``); every value shown as text.

    ``columns``: keys of ``rows``, as names (their behaviour from ``KNOWN``) or ``Col``.
    Columns empty in every row are left out unless ``empty_columns``."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    cols = [_spec(c) for c in columns]
    cells = [[cell_text(r.get(c.key)) for c in cols] for r in rows]
    if not empty_columns and cells:
        keep = [i for i in range(len(cols)) if any(row[i] for row in cells)]
        cols = [cols[i] for i in keep]
        cells = [[row[i] for i in keep] for row in cells]
    cols = _telling(cols, cells)
    fitted = width if width is not None else out_width(wide)
    plan = layout(cols, cells, fitted)
    index = {c.key: i for i, c in enumerate(cols)}
    total = sum(w for _, w in plan) + GAP * max(len(plan) - 1, 0)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0),
                  collapse_padding=False, header_style="bold")
    for c, w in plan:
        table.add_column(Text(c.heading(w)), width=w, no_wrap=True, overflow="crop",
                         justify="right" if c.right else "left")
    for row in cells:
        out = []
        for c, w in plan:
            s = row[index[c.key]]
            text = s if c.kind == "fixed" else fit(s, w, c.lines if c.kind == "text" else 1)
            out.append(Text(text, style="bold yellow" if s == MISSING else ""))
        table.add_row(*out)
    # to a file or pipe (nothing fitted) the title keeps its line: not wrapped to a narrow table
    whole_title = _width(one_line(title)) if title and fitted is None else 0
    con = console(width=max(total, fitted or 0, 20, whole_title))
    with con.capture() as captured:
        if title:  # above the table, not its title: rich wraps a title to the table's width
            con.print(Text(one_line(title)))
        con.print(table)
    # rich pads every line to the full width: no trailing blanks in a file or a pipe
    sys.stdout.write("".join(line.rstrip(" ") + "\n" for line in captured.get().splitlines()))


# ---- options shared by the commands ----------------------------------------------------------

def party_code(value: str | None) -> str | None:
    """``--party`` checked against the registry: today's code ("fp" -> "L"), or a usage error
    (``api.reading.checked_party``, the check ``watch_add`` makes too)."""
    if value is None:
        return None
    from ..api.reading import checked_party

    try:
        return checked_party(value)  # "S", "fp", "Socialdemokraterna", "moderater", "sossarna"
    except NamndkollError as exc:
        raise typer.BadParameter(str(exc)) from None


PartyOption = Annotated[str | None, typer.Option(
    help="Party: a code (S M SD C V KD L MP Fi D), a name (Socialdemokraterna), an older code or name (FP, Folkpartiet), "
         "a word for its members (moderater) or as people say it (sossarna); - for members without a party.",
    callback=party_code)]


def doc_type_code(value: str | None) -> str | None:
    """``--type`` as the documents store it, typed as Swedish writes it: any case, with or
    without å ä ö, a space or dash for the underscore ("Tjänsteskrivelse", "årsredovisning",
    "särskilt yttrande"); a usage error naming the types otherwise (``api.reading.checked_doc_type``,
    the check ``watch_add`` makes too)."""
    if value is None:
        return None
    from ..api.reading import checked_doc_type

    try:
        return checked_doc_type(value)
    except NamndkollError as exc:
        raise typer.BadParameter(str(exc)) from None


DocTypeOption = Annotated[str | None, typer.Option(
    "--type", help="Document type: protokoll, tjänsteskrivelse, reservation, motion, årsredovisning, ... "
                   "(any case, with or without å ä ö).", callback=doc_type_code)]


XlsxOption = Annotated[Path | None, typer.Option(
    "--xlsx", dir_okay=False, metavar="FILE",
    help="Write the rows --csv gives to an Excel workbook FILE (opens right in an Excel set to Swedish).")]
