"""`namndkoll ingest | documents | show | stats`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..display import one_line, shown_path
from ..errors import NamndkollError
from ..types import DOC_TYPE_NAMES
from ._output import (
    MISSING,
    Col,
    DbOption,
    DocTypeOption,
    JsonOption,
    NoWaitOption,
    WideOption,
    console,
    counted,
    echo,
    fail,
    out_width,
    print_csv,
    print_json,
    print_table,
    say_body_hint,
    say_undated,
)

# seconds between two plain progress lines where stderr is no terminal (a log file, cron, a pipe)
_PLAIN_EVERY = 30.0


class _PlainLines:
    """Progress where no bar can be drawn: a plain line on stderr at most every ``_PLAIN_EVERY``
    seconds ("ingest: 1200/25000 pages · 40/800 files, 2 failed, 5 min elapsed, about 1 h 40 min
    left"), so that a long run into a log file is not silent until its end."""

    def __init__(self, what: str) -> None:
        import time

        self.what = what
        self.t0 = self.last = time.monotonic()

    def __call__(self, done: int, total: int, unit: str, extra: str = "") -> None:
        import sys
        import time

        now = time.monotonic()
        if now - self.last < _PLAIN_EVERY:
            return
        self.last = now
        elapsed = now - self.t0
        left = f", about {_duration(elapsed * (total - done) / done)} left" if 0 < done < total else ""
        print(f"{self.what}: {done}/{total} {unit}{extra}, {_duration(elapsed)} elapsed{left}",
              file=sys.stderr, flush=True)


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if seconds < 60:
        return f"{seconds:.0f} s"
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"


def _progress_bar(enabled: bool, plain: bool = False) -> Any:
    """A rich bar on stderr: files and pages done, pages/s and ETA; where stderr is no terminal
    (``plain``), a plain line now and then instead."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    from ..api import Progress as Callbacks

    out = console(stderr=True)
    bar = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("pages · {task.fields[files]} files"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=out, disable=not enabled, transient=False,
    )
    state: dict[str, Any] = {}

    def start(files: int, pages: int) -> None:
        if files == 0:
            return
        bar.start()
        state["task"] = bar.add_task("ingest", total=max(pages, 1), files=f"0/{files}")
        state["files"], state["done"], state["pages"], state["total"], state["failed"] = files, 0, 0, pages, 0
        if plain:
            state["lines"] = _PlainLines("ingest")

    def advance(result: Any) -> None:
        if "task" not in state:
            return
        state["done"] += 1
        state["pages"] += result.pages
        state["failed"] += result.status == "failed"
        if "lines" in state:
            failed = f", {state['failed']} failed" if state["failed"] else ""
            state["lines"](state["pages"], max(state["total"], state["pages"]), "pages",
                           f" · {state['done']}/{state['files']} files{failed}")
        bar.update(state["task"], advance=result.pages, files=f"{state['done']}/{state['files']}")
        if result.status == "failed" and enabled:  # live, above the bar; the summary repeats it
            line = Text("failed", style="red")
            line.append(f" {result.path}: {one_line(result.message)}")
            bar.console.print(line, soft_wrap=True)

    def done() -> None:
        if "task" in state:
            bar.update(state["task"], completed=bar.tasks[0].total)
            bar.stop()

    return Callbacks(start=start, advance=advance, done=done, extra={"index": index_bar(out, enabled, plain),
                                                                     "note": wait_note(out)})


def index_bar(con: Any, enabled: bool, plain: bool = False, *, what: str = "index", unit: str = "chunks",
              plain_unit: str = "passages embedded") -> Any:
    """Progress callback for the search index (or another job over passages, ``what``): called
    with (done, total) chunks."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn(f"[bold]{what}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
                   TextColumn("ETA"), TimeRemainingColumn(), console=con, disable=not enabled)
    state: dict[str, Any] = {}
    lines = _PlainLines(what) if plain else None

    def update(done: int, total: int) -> None:
        if lines is not None:
            lines(done, total, plain_unit)
        if "task" not in state:
            bar.start()
            state["task"] = bar.add_task(what, total=max(total, 1))
        bar.update(state["task"], completed=done, total=max(total, 1))
        if done >= total:
            bar.stop()

    return update


def wait_note(con: Any) -> Any:
    """``note(line)``: a line on ``con`` (stderr), above any progress bar drawn there, saying
    what the run waits for (``index_corpus``'s ``note``). It names another run's host, which is
    shown made safe."""
    from rich.text import Text

    def note(line: str) -> None:
        con.print(Text(one_line(line)), soft_wrap=True, highlight=False)

    return note


def _cluster_address(value: str | None) -> str | None:
    """``--cluster`` checked before anything is read: a usage error naming the accepted forms."""
    if value is None:
        return None
    from ..cluster import check_address

    try:
        return check_address(value)
    except NamndkollError as exc:
        raise typer.BadParameter(str(exc).removeprefix("--cluster ")) from None


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders (searched recursively).")],
    db: DbOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel worker processes.")] = 1,
    ocr: Annotated[bool | None, typer.Option("--ocr/--no-ocr",
                   help="OCR pages without text (default: when tesseract is installed).")] = None,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Only read text and structure (no figures, parties, decisions).")] = False,
    no_index: Annotated[bool, typer.Option("--no-index", help="Skip the search index (run `namndkoll index` later).")] = False,
    model: Annotated[str | None, typer.Option("--model", help="Embedding model for the search index.")] = None,
    max_seconds: Annotated[float | None, typer.Option(
        "--max-file-seconds", min=0, envvar="NAMNDKOLL_MAX_FILE_SECONDS", show_envvar=True,
        help="Stop reading a file after this many seconds and report it (default 900; 0: no limit).")] = None,
    max_memory: Annotated[int | None, typer.Option(
        "--max-file-memory", min=0, envvar="NAMNDKOLL_MAX_FILE_MEMORY_MB", show_envvar=True, metavar="MB",
        help="Memory a reader may take on for one file, in MB (default 1536; 0: no limit).")] = None,
    as_json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", metavar="local:N|tcp://HOST:8786", callback=_cluster_address,
        help="Read, extract and embed on Dask workers (pip install 'namndkoll\\[cluster]'): N local worker "
             "processes, or a running scheduler. With a postgresql:// --db the workers write themselves.")] = None,
    reread: Annotated[bool, typer.Option(
        "--reread", help="Also read again unchanged files that an older namndkoll read (after an upgrade: "
                         "its §§, metadata, figures and votes replace the old ones).")] = False,
    no_wait: NoWaitOption = False,
) -> None:
    """Read PDFs into the corpus: text per page, § items, metadata, figures, parties, decisions.

    Each file is read in a worker process, within a time and a memory limit: a file beyond
    them (a decompression bomb, a page of 80,000 text runs) is reported on one line and the
    batch goes on; raise them with --max-file-seconds / --max-file-memory or
    $NAMNDKOLL_MAX_FILE_SECONDS / $NAMNDKOLL_MAX_FILE_MEMORY_MB. Files that cannot be read,
    folders that cannot be entered and broken links each get a line too.

    Example: namndkoll ingest protokoll/ --db lund.db --jobs 2
    Example: namndkoll ingest /mnt/arkiv --db postgresql://namndkoll@dbhost/arkiv --cluster tcp://sched:8786
    """
    import sys

    from ..api import ingest

    try:
        report = ingest(paths, db=db, jobs=jobs, ocr=ocr, extract=not no_extract, index=not no_index, model=model,
                        progress=_progress_bar(enabled=not quiet and sys.stderr.isatty(),
                                               plain=not quiet and not sys.stderr.isatty()),
                        max_file_seconds=max_seconds, max_file_memory_mb=max_memory, cluster=cluster,
                        reread=reread, wait=not no_wait)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json({
            "results": report.results,
            "summary": {s: report.count(s) for s in ("ingested", "replaced", "unchanged", "skipped", "failed")},
            "pages": report.pages, "seconds": round(report.seconds, 2),
            "index": report.index, "older_reader": report.older_reader,
        })
    else:
        for r in report.results:
            if r.status == "skipped":
                echo(f"skipped  {r.path}: {one_line(r.message)}")
            for w in r.warnings:
                echo(f"warning  {r.path}: {one_line(w)}")
        rate = report.pages / report.seconds if report.seconds else 0
        # a night's run of an unchanged archive reads nothing: say so, not "0 pages (0 pages/s)";
        # a slow start (models loading) reads a few pages at a fraction of a page a second
        read = (f"{report.pages} {'page' if report.pages == 1 else 'pages'} in {report.seconds:.1f} s"
                f" ({rate:.{1 if rate < 10 else 0}f} pages/s)" if report.pages
                else f"no page read ({report.seconds:.1f} s)")
        echo(
            f"{report.count('ingested')} ingested, {report.count('unchanged')} unchanged (skipped), "
            f"{report.count('replaced')} replaced, {report.count('failed')} failed · {read}"
        )
        for r in report.failed:
            echo(f"failed   {r.path}: {one_line(r.message)}", err=True)
        if report.older_reader:
            n = report.older_reader
            echo(f"{n} unchanged {'file was' if n == 1 else 'files were'} read by an older namndkoll: "
                 "add --reread to read them again with this one")
        if report.index is not None:
            ix = report.index
            echo(f"search index: {ix.embedded} new passages embedded ({ix.reused} reused, "
                       f"{ix.chunks} in all) with {ix.model_id} in {ix.seconds:.1f} s")
            if ix.left_to_others:
                n = ix.left_to_others
                echo(f"search index: {n} {'passage was' if n == 1 else 'passages were'} being embedded by another "
                     "run, not waited for (--no-wait): that run stores them")
            if ix.documents_left:
                n = ix.documents_left
                echo(f"search index: {n} {'document was' if n == 1 else 'documents were'} replaced by another "
                     f"ingest while this one indexed {'it' if n == 1 else 'them'}: the new "
                     f"{'version is' if n == 1 else 'versions are'} left to that ingest (or the next "
                     "`namndkoll index`)")
    raise typer.Exit(1 if report.failed else 0)


MISSING_FIELDS = ("municipality", "committee", "doc_type", "date")


def documents_cmd(
    db: DbOption = None,
    municipality: Annotated[str | None, typer.Option(help="e.g. Göteborg")] = None,
    committee: Annotated[str | None, typer.Option(help="e.g. Socialnämnden (part of the name is enough)")] = None,
    doc_type: DocTypeOption = None,
    year: Annotated[int | None, typer.Option(help="Meeting or document year.")] = None,
    dnr: Annotated[str | None, typer.Option("--dnr", help="Follow a case: documents naming this diarienummer.")] = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    wide: WideOption = False,
) -> None:
    """List stored documents, one line each; "?" marks metadata not found (check those).

    Example: namndkoll documents --committee Kommunfullmäktige --year 2024
    Example: namndkoll documents --dnr "SO 2020/0129"
    """
    from ..api import documents

    try:
        docs = documents(db=db, municipality=municipality, committee=committee, doc_type=doc_type, year=year,
                         dnr=dnr)
    except NamndkollError as exc:
        fail(exc)
    if year is not None:
        say_undated(db, year=year, municipality=municipality, committee=committee, doc_type=doc_type)
    # document_id, the key every other list and search gives (a script joins on it); id kept
    rows = [{"document_id": d.id, **vars(d), "missing": [f for f in MISSING_FIELDS if not getattr(d, f)]}
            for d in docs]
    if not rows:
        say_body_hint(municipality, db, committee)
    if as_json:
        print_json(rows)
        return
    if as_csv:
        print_csv(rows, ["document_id", "id", "date", "municipality", "committee", "doc_type", "pages", "items", "title",
                         "source", "diarienummer", "sha256", "missing", "kind",
                         # how much of its text is not the PDF's own: pages read by OCR (quotes to
                         # check on the page), pages left unread (no text layer, or one garbled)
                         "ocr_pages", "needs_ocr_pages"])
        return
    fitted = out_width(wide) is not None
    # a document of type "other" says what it is by its kind word: "other: policy", not "other"
    shown = [{**r, **{f: MISSING for f in r["missing"]},
              **({"doc_type": f"other: {r['kind']}"} if r["doc_type"] == "other" and r.get("kind")
                 else {"doc_type": DOC_TYPE_NAMES.get(r["doc_type"], r["doc_type"])} if r["doc_type"] else {}),
              "source": Path(r["source"]).name if fitted else r["source"]} for r in rows]
    print_table(shown, ["id", "date", "municipality", "committee", "doc_type", "pages", "items", "title",
                        "source"], title=counted(len(rows), "documents"), wide=wide)
    incomplete = [r for r in rows if r["missing"]]
    if incomplete:
        echo(f"{MISSING} = not found in the document: check it with `namndkoll show ID`")
    ocr = [r for r in rows if r["ocr_pages"]]
    unread = [r for r in rows if r["needs_ocr_pages"]]
    if ocr:
        echo(f"{counted(len(ocr), 'documents')} ({', '.join(str(r['id']) for r in ocr)}) partly read by OCR: "
             "check quotes from them against the page (`namndkoll stats` names the pages)")
    if unread:
        echo(f"{counted(len(unread), 'documents')} ({', '.join(str(r['id']) for r in unread)}) with pages "
             "not read (no text layer, or one that does not read as words): `namndkoll stats` lists them")


def case_cmd(
    dnr: Annotated[str, typer.Argument(help="A diarienummer, e.g. \"2026.266 KS\".")],
    db: DbOption = None,
    as_json: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """Follow a case through every body, oldest first: each step's body, date, §, page and
    diarienummer. A § under another body's number joins when a step names it by body and
    number ("§ 28 TEN", "Tekniska nämnden har den 18 maj 2026, § 28 behandlat ärendet").

    Example: namndkoll case "2026.266 KS"
    """
    from ..api import case_view

    try:
        case = case_view(dnr, db=db)
    except NamndkollError as exc:
        fail(exc)
    rows = [{"document_id": e["document_id"], "date": e["date"], "body": e["committee"] or e["stage"],
             "item": e["item_number"], "item_number": e["item_number"], "page": e["page_start"], "dnr": e["dnr"],
             "title": e["item_title"] or e["title"], "mentioned": e["mentioned"], "citation": e["citation"],
             "joined_by": e.get("joined")} for e in case.entries]
    if as_json:
        print_json({"dnr": case.dnr, "bodies": case.bodies, "steps": rows})
        return
    if not rows:
        echo(f"No stored document names {dnr}.")
        raise typer.Exit(1)
    shown = [{**r, "via": (f"{j['ref']} ({j['committee']} {j['date']} § {j['item']}, s. {j['page']})"
                           if (j := r["joined_by"]) else "mentioned only" if r["mentioned"] else "")}
             for r in rows]
    # the body is what a case is followed through: it stays, and the step's title reads before
    # the reference that joined it (a long § title of another step), which wraps and is cut first
    print_table(shown, ["date", Col("body", kind="short", keep=7, min=10, max=22), "item", "page", "dnr", "title",
                        Col("via", kind="text", keep=3, lines=2, min=16)],
                title=f"{dnr}: " + " → ".join(case.bodies), wide=wide)


def show_cmd(
    doc: Annotated[str, typer.Argument(help="Document id, path, or a unique part of its file name.")],
    db: DbOption = None,
    page: Annotated[int | None, typer.Option("--page", help="Only this page.")] = None,
    item: Annotated[str | None, typer.Option("--item", help="Only this § item, e.g. 9.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Print a document's clean text with page markers (--json: metadata, § items, pages).

    Example: namndkoll show kf-2023-01-26 --item 9
    """
    from ..api import show

    try:
        d = show(doc, db=db)
    except NamndkollError as exc:
        fail(exc)
    start, end = 0, len(d.text)
    if item is not None:
        from ..api.reading import same_item

        wanted = " ".join(item.replace("§", " ").split())
        found = [it for it in d.items if same_item(it.number, item)]  # "39", "§ 39", "39 §", "3 a"
        if not found:
            fail(f"no § {wanted} in this document; it has §§ {', '.join(it.number for it in d.items) or 'none'}")
        start, end = found[0].start, found[0].end
    pages = [p for p in d.pages if p.end >= start and p.start <= end and (page is None or p.number == page)]
    if page is not None and not pages:
        fail(f"no page {page}: the document has {len(d.pages)} pages")
    if as_json:
        print_json({"source": d.source, "metadata": d.metadata, "warnings": d.warnings,
                    "items": [{"number": it.number, "title": it.title, "page_start": it.page_start,
                               "page_end": it.page_end, "start": it.start, "end": it.end,
                               "sections": [{"kind": sec.kind, "title": sec.title, "page_start": sec.page_start,
                                             "page_end": sec.page_end} for sec in it.sections],
                               "diarienummer": it.diarienummer,
                               # a bundled protocol extract's §: its own body and meeting date
                               "committee": it.committee, "date": it.date}
                              for it in d.items if item is None or (it.start, it.end) == (start, end)],
                    "pages": [
            {"number": p.number, "ocr": p.ocr, "header": p.header, "footer": p.footer,
             "text": p.text[max(start - p.start, 0): end - p.start],
             "tables": [[list(r) for r in t.rows] for t in p.tables] if item is None else []} for p in pages]})
        return
    for p in pages:
        mark = f"--- page {p.number} of {len(d.pages)}" + (" (OCR)" if p.ocr == "ocr" else "")
        mark += " (needs OCR: no text layer)" if p.ocr == "needs_ocr" else ""
        mark += " (needs OCR: the text layer is garbled, left out)" if p.ocr == "unreadable" else ""
        echo(mark + " ---")
        echo(p.text[max(start - p.start, 0): end - p.start])
        if item is None:
            for n, t in enumerate(p.tables, 1):
                echo(f"[table {n} of page {p.number}" + (f": {one_line(t.caption)}]" if t.caption else "]"))
                for row in t.rows:
                    echo(" | ".join(one_line(c) for c in row))


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
    echo(f"{s['documents']} documents, {s['pages']} pages, {s['items']} § items, "
         f"{s['ocr_pages']} pages OCR'd, {s['needs_ocr_pages']} pages need OCR")
    for key, label in (("by_municipality", "municipality"), ("by_committee", "committee"),
                       ("by_type", "type"), ("by_year", "year")):
        echo(f"\n{label}:")
        for k, n in s[key].items():
            # a type as Swedish writes it, as --type takes it and every citation names it
            echo(f"  {n:6d}  {one_line(DOC_TYPE_NAMES.get(k, k) if key == 'by_type' else k)}")
    if s["read_by_older"]:
        n = s["read_by_older"]
        echo(f"\n{n} {'document was' if n == 1 else 'documents were'} read by an older namndkoll: "
             "`namndkoll ingest PATH --reread` reads them again with this one")
    if s.get("ocr_read"):
        echo("\nread by OCR (Tesseract: check quotes against the page):")
        for d in s["ocr_read"]:
            echo(f"  {d['pages']:4d} of {d['of']:4d} pages  {shown_path(d['source'])}")
    if s["needing_ocr"]:
        echo("\nneeds OCR (install tesseract-ocr tesseract-ocr-swe, then ingest again with --ocr):")
        for d in s["needing_ocr"]:
            echo(f"  {d['pages']:4d} pages  {shown_path(d['source'])}")


def copy_cmd(
    source: Annotated[str, typer.Option("--from", metavar="FILE|URL", help="The corpus to copy from.")],
    target: Annotated[str, typer.Option("--to", metavar="FILE|URL", help="The corpus to copy into (made if new).")],
    as_json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Copy a corpus between a SQLite file and PostgreSQL (either way), vectors included.

    Documents already in the target with the same content are skipped: run it again after an
    interruption, or to bring the target up to date. The source may be in use by an ingest
    meanwhile: each document is copied whole, one version of it.

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
    if rep.newer:
        typer.echo(f"{rep.newer} {'document' if rep.newer == 1 else 'documents'} changed in the source while copying: "
                   "the newer version was copied as the source had it (`namndkoll index --db TARGET` chunks "
                   "and embeds what it lacks)")
    if rep.gone:
        typer.echo(f"{rep.gone} {'document was' if rep.gone == 1 else 'documents were'} removed from the source "
                   "while copying and not copied")
    if rep.to_embed:
        typer.echo(f"{rep.to_embed} passages have no vector in the target (its index uses another model): "
                   "run `namndkoll index --db TARGET`")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("copy")(copy_cmd)
    app.command("documents")(documents_cmd)
    app.command("show")(show_cmd)
    app.command("case")(case_cmd)
    app.command("stats")(stats_cmd)
