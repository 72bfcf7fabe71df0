"""`namndkoll ingest | documents | show | stats`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import NamndkollError
from ._output import DbOption, fail, print_csv, print_json, print_table

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]


def _progress_bar(enabled: bool) -> Any:
    """A rich bar on stderr: files and pages done, pages/s and ETA."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from ..api import Progress as Callbacks

    console = Console(stderr=True)
    bar = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("pages · {task.fields[files]} files"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=console, disable=not enabled, transient=False,
    )
    state: dict[str, Any] = {}

    def start(files: int, pages: int) -> None:
        if files == 0:
            return
        bar.start()
        state["task"] = bar.add_task("ingest", total=max(pages, 1), files=f"0/{files}")
        state["files"], state["done"] = files, 0

    def advance(result: Any) -> None:
        if "task" not in state:
            return
        state["done"] += 1
        bar.update(state["task"], advance=result.pages, files=f"{state['done']}/{state['files']}")
        if result.status == "failed" and enabled:  # live, above the bar; the summary repeats it
            bar.console.print(f"[red]failed[/red] {result.path}: {result.message}", soft_wrap=True)

    def done() -> None:
        if "task" in state:
            bar.update(state["task"], completed=bar.tasks[0].total)
            bar.stop()

    return Callbacks(start=start, advance=advance, done=done, extra={"index": _index_bar(console, enabled)})


def _index_bar(console: Any, enabled: bool) -> Any:
    """Progress callback for the search index: called with (done, total) chunks."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("[bold]index"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"),
                   TextColumn("ETA"), TimeRemainingColumn(), console=console, disable=not enabled)
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "task" not in state:
            bar.start()
            state["task"] = bar.add_task("index", total=max(total, 1))
        bar.update(state["task"], completed=done, total=max(total, 1))
        if done >= total:
            bar.stop()

    return update


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders (searched recursively).")],
    db: DbOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel worker processes.")] = 1,
    ocr: Annotated[Optional[bool], typer.Option("--ocr/--no-ocr",
                   help="OCR pages without text (default: when tesseract is installed).")] = None,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Only read text and structure (no figures, parties, decisions).")] = False,
    no_index: Annotated[bool, typer.Option("--no-index", help="Skip the search index (run `namndkoll index` later).")] = False,
    model: Annotated[Optional[str], typer.Option("--model", help="Embedding model for the search index.")] = None,
    as_json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    cluster: Annotated[Optional[str], typer.Option(
        "--cluster", metavar="local:N|tcp://HOST:8786",
        help="Read, extract and embed on Dask workers (pip install 'namndkoll[cluster]'): N local worker "
             "processes, or a running scheduler. With a postgresql:// --db the workers write themselves.")] = None,
) -> None:
    """Read PDFs into the corpus: text per page, § items, metadata, figures, parties, decisions.

    Example: namndkoll ingest protokoll/ --db lund.db --jobs 2
    Example: namndkoll ingest /mnt/arkiv --db postgresql://namndkoll@dbhost/arkiv --cluster tcp://sched:8786
    """
    import sys

    from ..api import ingest

    try:
        report = ingest(paths, db=db, jobs=jobs, ocr=ocr, extract=not no_extract, index=not no_index, model=model,
                        progress=_progress_bar(enabled=not quiet and sys.stderr.isatty()), cluster=cluster)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json({
            "results": report.results,
            "summary": {s: report.count(s) for s in ("ingested", "replaced", "unchanged", "skipped", "failed")},
            "pages": report.pages, "seconds": round(report.seconds, 2),
            "index": report.index,
        })
    else:
        for r in report.results:
            if r.status == "skipped":
                typer.echo(f"skipped  {r.path}: {r.message}")
            for w in r.warnings:
                typer.echo(f"warning  {r.path}: {w}")
        rate = report.pages / report.seconds if report.seconds else 0
        typer.echo(
            f"{report.count('ingested')} ingested, {report.count('unchanged')} unchanged (skipped), "
            f"{report.count('replaced')} replaced, {report.count('failed')} failed"
            f" · {report.pages} pages in {report.seconds:.1f} s ({rate:.0f} pages/s)"
        )
        for r in report.failed:
            typer.echo(f"failed   {r.path}: {r.message}", err=True)
        if report.index is not None:
            ix = report.index
            typer.echo(f"search index: {ix.embedded} new passages embedded ({ix.reused} reused, "
                       f"{ix.chunks} in all) with {ix.model_id} in {ix.seconds:.1f} s")
    raise typer.Exit(1 if report.failed else 0)


def documents_cmd(
    db: DbOption = None,
    municipality: Annotated[Optional[str], typer.Option(help="e.g. Göteborg")] = None,
    committee: Annotated[Optional[str], typer.Option(help="e.g. Socialnämnden (part of the name is enough)")] = None,
    doc_type: Annotated[Optional[str], typer.Option("--type", help="protokoll, tjansteskrivelse, reservation, ...")] = None,
    year: Annotated[Optional[int], typer.Option(help="Meeting or document year.")] = None,
    dnr: Annotated[Optional[str], typer.Option("--dnr", help="Follow a case: documents naming this diarienummer.")] = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """List stored documents, one line each.

    Example: namndkoll documents --committee Kommunfullmäktige --year 2024
    Example: namndkoll documents --dnr "SO 2020/0129"
    """
    from ..api import documents

    try:
        docs = documents(db=db, municipality=municipality, committee=committee, doc_type=doc_type, year=year,
                         dnr=dnr)
    except NamndkollError as exc:
        fail(exc)
    cols = ["id", "date", "municipality", "committee", "doc_type", "pages", "items", "title", "source"]
    rows = [dict(vars(d)) for d in docs]
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, cols + ["diarienummer", "sha256"])
    else:
        print_table(rows, cols, title=f"{len(rows)} documents")


def show_cmd(
    doc: Annotated[str, typer.Argument(help="Document id, path, or a unique part of its file name.")],
    db: DbOption = None,
    page: Annotated[Optional[int], typer.Option("--page", help="Only this page.")] = None,
    item: Annotated[Optional[str], typer.Option("--item", help="Only this § item, e.g. 9.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Print a document's clean text with page markers.

    Example: namndkoll show kf-2023-01-26 --item 9
    """
    from ..api import show

    try:
        d = show(doc, db=db)
    except NamndkollError as exc:
        fail(exc)
    start, end = 0, len(d.text)
    if item is not None:
        wanted = item.strip().lstrip("§").strip()
        found = [it for it in d.items if it.number == wanted]
        if not found:
            fail(f"no § {wanted} in this document; it has §§ {', '.join(it.number for it in d.items) or 'none'}")
        start, end = found[0].start, found[0].end
    pages = [p for p in d.pages if p.end >= start and p.start <= end and (page is None or p.number == page)]
    if page is not None and not pages:
        fail(f"no page {page}: the document has {len(d.pages)} pages")
    if as_json:
        print_json({"source": d.source, "metadata": d.metadata, "pages": [
            {"number": p.number, "ocr": p.ocr, "header": p.header, "footer": p.footer,
             "text": p.text[max(start - p.start, 0): end - p.start],
             "tables": [[list(r) for r in t.rows] for t in p.tables] if item is None else []} for p in pages]})
        return
    for p in pages:
        mark = f"--- page {p.number} of {len(d.pages)}" + (" (OCR)" if p.ocr == "ocr" else "")
        mark += " (needs OCR: no text layer)" if p.ocr == "needs_ocr" else ""
        typer.echo(mark + " ---")
        typer.echo(p.text[max(start - p.start, 0): end - p.start])
        if item is None:
            for n, t in enumerate(p.tables, 1):
                typer.echo(f"[table {n} of page {p.number}]")
                for row in t.rows:
                    typer.echo(" | ".join(c for c in row))


def stats_cmd(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts by municipality, committee, type and year; pages needing OCR.

    Example: namndkoll stats --db lund.db
    """
    from ..api import stats

    try:
        s = stats(db=db)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json(s)
        return
    typer.echo(f"{s['documents']} documents, {s['pages']} pages, {s['items']} § items, "
               f"{s['ocr_pages']} pages OCR'd, {s['needs_ocr_pages']} pages need OCR")
    for key, label in (("by_municipality", "municipality"), ("by_committee", "committee"),
                       ("by_type", "type"), ("by_year", "year")):
        typer.echo(f"\n{label}:")
        for k, n in s[key].items():
            typer.echo(f"  {n:6d}  {k}")
    if s["needing_ocr"]:
        typer.echo("\nneeds OCR (install tesseract-ocr tesseract-ocr-swe, then ingest again with --ocr):")
        for d in s["needing_ocr"]:
            typer.echo(f"  {d['pages']:4d} pages  {d['source']}")


def copy_cmd(
    source: Annotated[str, typer.Option("--from", metavar="FILE|URL", help="The corpus to copy from.")],
    target: Annotated[str, typer.Option("--to", metavar="FILE|URL", help="The corpus to copy into (made if new).")],
    as_json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Copy a corpus between a SQLite file and PostgreSQL (either way), vectors included.

    Documents already in the target with the same content are skipped: run it again after an
    interruption, or to bring the target up to date.

    Example: namndkoll copy --from lund.db --to postgresql://namndkoll@dbhost/kommuner
    """
    import sys

    from ..api import copy_corpus

    try:
        rep = copy_corpus(source, target, progress=_progress_bar(enabled=not quiet and sys.stderr.isatty()))
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json(rep)
        return
    typer.echo(f"{rep.copied} documents copied, {rep.unchanged} already there · {rep.vectors} passage vectors "
               f"copied in {rep.seconds:.1f} s")
    if rep.to_embed:
        typer.echo(f"{rep.to_embed} passages have no vector in the target (its index uses another model): "
                   "run `namndkoll index --db TARGET`")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("copy")(copy_cmd)
    app.command("documents")(documents_cmd)
    app.command("show")(show_cmd)
    app.command("stats")(stats_cmd)
