"""`namndkoll watch [add | list | remove | run]`: saved topics and what is new on each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..display import one_line
from ..errors import NamndkollError
from ._output import (
    DbOption,
    DocTypeOption,
    JsonOption,
    PartyOption,
    WideOption,
    echo,
    fail,
    print_csv,
    print_json,
)
from .search import Committee, Municipality, Year, YearFrom, YearTo

if TYPE_CHECKING:
    from ..api.watch import Watch, WatchResult

CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV for a spreadsheet.")]


def when(stamp: str | None) -> str:
    """A stored moment as people read it: to the second, in UTC."""
    return f"{stamp[:19]} UTC" if stamp else "never"


def described(w: Watch) -> str:
    """The topic in quotes with its filters: '"hemtjänst" (Lund · Socialnämnden)'."""
    f = w.filters
    shown = [f[k] for k in ("municipality", "committee") if k in f]
    if "doc_type" in f:
        shown.append(f"type {f['doc_type']}")
    if "party" in f:
        shown.append(f"party {f['party']}")
    if w.years:
        shown.append(years(w.year_from, w.year_to))
    return one_line(f'"{w.topic}"' + (f" ({' · '.join(shown)})" if shown else ""))


def years(first: int | None, last: int | None) -> str:
    """A watch's years as its options give them: "2024", "2023-2024", "from 2023", "to 2024"."""
    if first is not None and last is not None:
        return str(first) if first == last else f"{first}-{last}"
    return f"from {first}" if first is not None else f"to {last}"


WATCH_COLUMNS = ["id", "topic", "municipality", "committee", "doc_type", "party", "year_from", "year_to",
                 "created_at", "seen_until", "last_run_at"]


def watch_json(w: Watch) -> dict[str, Any]:
    return {"id": w.id, "topic": w.topic, "municipality": w.municipality, "committee": w.committee,
            "doc_type": w.doc_type, "party": w.party, "year_from": w.year_from, "year_to": w.year_to,
            "created_at": w.created_at, "seen_until": w.seen_until, "last_run_at": w.last_run_at}


def add_cmd(
    topic: Annotated[str, typer.Argument(help="What to watch, in Swedish, as you would search for it.")],
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None,
    doc_type: DocTypeOption = None, party: PartyOption = None, year: Year = None, year_from: YearFrom = None,
    year_to: YearTo = None, as_json: JsonOption = False,
) -> None:
    """Watch a topic: `namndkoll watch run` shows what is stored on it from now on.

    Example: namndkoll watch add "hemtjänst" --municipality Lund --committee Socialnämnden --from 2026
    """
    from ..api.watch import watch_add

    if not topic.strip():
        fail("give words to watch, e.g. namndkoll watch add \"hemtjänst\"", code=2)
    from ..corpus.index import check_years

    try:
        check_years(year_from, year_to)  # a range that runs backwards: a usage error, as search says it
    except NamndkollError as exc:
        fail(exc, code=2)
    try:
        w = watch_add(topic, db=db, municipality=municipality, committee=committee, doc_type=doc_type, party=party,
                      year=year, year_from=year_from, year_to=year_to)
    except NamndkollError as exc:
        fail(exc)
    _say_filter_hints(w, db)
    if as_json:
        print_json(watch_json(w))
        return
    echo(f"watching {described(w)} as watch {w.id}: documents stored after {when(w.seen_until)}; "
         f"`namndkoll watch run` shows what is new, `namndkoll search` what is stored already")


def _say_filter_hints(w: Watch, db: str | None) -> None:
    """A --municipality or --committee that no stored document has (misspelt: "Lundd"), on
    stderr: a watch under it would never find anything. Nothing when the corpus is empty yet
    (topics may be watched before the first ingest)."""
    from ..api.reading import body_hint, committee_hint, empty_corpus_hint

    try:
        if empty_corpus_hint(db=db):
            return
        hints = [body_hint(w.municipality, db=db) if w.municipality else None,
                 committee_hint(w.committee, db=db) if w.committee else None]
    except NamndkollError:
        return
    for hint in filter(None, hints):
        echo(f"note: {hint}", err=True)


def list_cmd(db: DbOption = None, as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """The watched topics: number, topic, filters, when added and when last run.

    Example: namndkoll watch list
    """
    from ..api.watch import watch_list

    try:
        rows = watch_list(db=db)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json([watch_json(w) for w in rows])
    elif as_csv:
        print_csv([watch_json(w) for w in rows], WATCH_COLUMNS)
    elif not rows:
        echo("no topic is watched: `namndkoll watch add \"hemtjänst\"` adds one")
    else:
        for w in rows:
            echo(f"{w.id}. {described(w)}  added {when(w.created_at)}, last run {when(w.last_run_at)}; "
                 f"new: stored after {when(w.seen_until)}")


def remove_cmd(
    watch: Annotated[str, typer.Argument(help="The watch's number (watch list) or its topic.")],
    db: DbOption = None,
) -> None:
    """Stop watching a topic.

    Example: namndkoll watch remove "hemtjänst"
    """
    from ..api.watch import watch_remove

    try:
        w = watch_remove(watch, db=db)
    except NamndkollError as exc:
        fail(exc)
    echo(f"no longer watching {described(w)} (watch {w.id})")


def run_cmd(
    watches: Annotated[list[str] | None, typer.Argument(help="Only these watches (numbers or topics).")] = None,
    db: DbOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Look without marking the topics as run.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most hits per topic.")] = 10,
    model: Annotated[str | None, typer.Option("--model", help="Embedding model (default: the index's).")] = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV: one row per hit, with its watch.")] = False,
    wide: WideOption = False,
) -> None:
    """What is new on each watched topic: the documents stored since its last run searched for it
    (as `namndkoll search` does), each hit with quote and citation; then the topic is marked run.

    Example: namndkoll watch run --dry-run
    """
    from ..api.watch import watch_run

    try:
        results = watch_run(db=db, watches=list(watches or []) or None, dry_run=dry_run, limit=limit, model=model)
    except NamndkollError as exc:
        fail(exc)
    from ..api.reading import ocr_read_pages

    ocr = ocr_read_pages([h for r in results for h in r.hits], db=db)
    if as_json:
        print_json([result_json(r, ocr) for r in results])
    elif as_csv:
        from .search import HIT_COLUMNS, hit_row

        print_csv([{"watch_id": r.watch.id, "topic": r.watch.topic, **hit_row(i, h, ocr)}
                   for r in results for i, h in enumerate(r.hits, 1)], ["watch_id", "topic", *HIT_COLUMNS])
        for r in results:  # the topics without a row, on stderr: the CSV stays clean
            if not r.hits:
                echo(f"{described(r.watch)}: {outcome_line(r)}", err=True)
    else:
        _print_results(results, wide=wide, ocr=ocr, dry_run=dry_run)
    for r in results:
        if r.undated:  # as search says it under a year filter
            echo(f"note: {described(r.watch)}: {r.undated} of its new documents "
                 f"{'has' if r.undated == 1 else 'have'} no date and {'was' if r.undated == 1 else 'were'} left out "
                 "by its years (`namndkoll documents` marks them ?)", err=True)
        if r.waiting:
            echo(f"note: {described(r.watch)}: {r.waiting} of its new documents "
                 f"{'is' if r.waiting == 1 else 'are'} not in the search index yet (ingested with --no-index, or "
                 "being embedded): run `namndkoll index`; the topic is not marked run, and they are looked at "
                 "again next time", err=True)
    if not results:
        echo("no topic is watched: `namndkoll watch add \"hemtjänst\"` adds one", err=True)


def outcome_line(r: WatchResult) -> str:
    """What a topic's run found, honestly: nothing new, new documents but no good match, or hits."""
    since = when(r.since)
    if r.outcome == "no_new_documents":
        return f"no new documents since {since}"
    docs = f"{r.new_documents} new {'document' if r.new_documents == 1 else 'documents'} since {since}"
    if r.outcome == "no_match":
        return f"{docs}, no good match"
    return f"{docs}: {len(r.hits)} {'hit' if len(r.hits) == 1 else 'hits'}"


def result_json(r: WatchResult, ocr: dict[int, tuple[int, ...]]) -> dict[str, Any]:
    from .search import hit_json

    return {"watch": watch_json(r.watch), "outcome": r.outcome, "since": r.since, "until": r.until,
            "new_documents": r.new_documents, "waiting": r.waiting, "undated": r.undated, "marked": r.marked,
            "newest_stored": r.newest_stored,
            "hits": [hit_json(h, ocr.get(h.chunk_id, ())) for h in r.hits]}


def _print_results(results: list[WatchResult], *, wide: bool, ocr: dict[int, tuple[int, ...]], dry_run: bool) -> None:
    from .search import _print_hits

    for r in results:
        echo(f"== {r.watch.id}. {described(r.watch)}: {outcome_line(r)}")
        echo()
        if r.hits:
            _print_hits(r.hits, wide=wide, ocr=ocr)
    if results:
        marked = [r for r in results if r.marked]
        until = when(results[0].until)
        # freshness: an ingest that stopped shows as a newest document of long ago
        echo(f"the corpus's newest document was stored {when(results[0].newest_stored)}"
             if results[0].newest_stored else "the corpus holds no document yet")
        if dry_run:
            echo("dry run: no topic marked run")
        else:
            echo(f"{len(marked)} of {len(results)} {'topic' if len(results) == 1 else 'topics'} marked run up to "
                 f"{until}: the next run shows what is stored after it")


def register(app: typer.Typer) -> None:
    import inspect

    from . import database_errors_on_one_line, unwrapped

    group = typer.Typer(help="Saved topics: what is new on each since the last run (`namndkoll watch` alone runs "
                             "them).", invoke_without_command=True)

    @group.callback()
    def watch_root(ctx: typer.Context) -> None:
        if ctx.invoked_subcommand is None:
            run_cmd()

    for name, cmd in (("add", add_cmd), ("list", list_cmd), ("remove", remove_cmd), ("run", run_cmd)):
        doc = unwrapped(inspect.cleandoc(cmd.__doc__ or ""))
        group.command(name, help=doc)(database_errors_on_one_line(cmd))
    app.add_typer(group, name="watch")
