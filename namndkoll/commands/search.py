"""`namndkoll search | compare | cite | index | eval search`."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from ..display import copy_label, doc_title, one_line, shown_path, terminal_safe
from ..errors import NamndkollError
from ._output import (
    Col,
    DbOption,
    DocTypeOption,
    JsonOption,
    NoWaitOption,
    PartyOption,
    WideOption,
    XlsxOption,
    console,
    echo,
    eval_group,
    fail,
    out_width,
    print_csv,
    print_json,
    print_table,
    say_body_hint,
    say_undated,
    to_jsonable,
    write_xlsx_file,
)

if TYPE_CHECKING:
    from ..search.compare import Comparison

ModelOption = Annotated[str | None, typer.Option("--model", help="Embedding model (default: the index's).")]
Municipality = Annotated[str | None, typer.Option(help="e.g. Göteborg")]
Committee = Annotated[str | None, typer.Option(help="Part of the body's name, e.g. Socialnämnden")]
Party = PartyOption
DocType = DocTypeOption
Year = Annotated[int | None, typer.Option(help="Only this year.")]
YearFrom = Annotated[int | None, typer.Option("--from", help="From this year on.")]
YearTo = Annotated[int | None, typer.Option("--to", help="Up to this year.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="Most hits to show.")]
ModeOption = Annotated[Literal["hybrid", "dense", "keyword"], typer.Option(
    "--mode", help="hybrid (meaning and keywords), dense (meaning) or keyword.")]


def hit_json(h: Any, ocr_pages: tuple[int, ...] = ()) -> dict[str, Any]:
    from ..api.reading import document_json, item_number

    md = document_json(to_jsonable(h.metadata))
    # document_id and item_number flat, as every list gives them: the keys a script joins on
    return {"source": h.source, "document_id": h.document_id, "document": {"id": h.document_id, **md},
            "item": h.item, "item_number": item_number(h.item), "section": h.section,
            "page": h.page, "page_end": h.page_end, "start": h.start, "end": h.end, "text": h.text,
            "score": h.score, "citation": h.citation, "chunk_id": h.chunk_id,
            "highlights": [list(s) for s in h.highlights], "confidence": h.confidence,
            "also_in": [to_jsonable(c) for c in h.also_in],
            # the passage's pages that Tesseract read: check the quote against the page
            "ocr_pages": list(ocr_pages)}


# ocr_pages before item_number, which stays last: no other column moves
HIT_COLUMNS = ["rank", "score", "confidence", "citation", "title", "date", "item", "page", "page_end",
               "document_id", "source", "text", "also_in", "ocr_pages", "item_number"]


def hit_row(rank: int, h: Any, ocr: dict[int, tuple[int, ...]]) -> dict[str, Any]:
    """A hit as a CSV row (``HIT_COLUMNS``): search --csv and watch --csv."""
    from ..api.reading import item_number

    # confidence: a weak hit (under "weak matches" in the table) must not read as a sure one
    # in a sheet, as in the web's CSV; document_id as every other CSV gives it
    return {"rank": rank, "score": round(h.score, 4), "confidence": h.confidence, "citation": h.citation,
            "title": h.metadata.title, "date": h.metadata.date, "item": h.item, "page": h.page,
            "page_end": h.page_end, "document_id": h.document_id, "source": h.source,
            "item_number": item_number(h.item),
            "text": " ".join(h.text.split()),
            "also_in": " | ".join(copy_label(h.citation, c.citation, c.source) for c in h.also_in),
            # the passage's pages Tesseract read ("2 3"): a quote to check against the page
            "ocr_pages": " ".join(map(str, ocr.get(h.chunk_id, ())))}


def _flat(text: str, spans: tuple[tuple[int, int], ...], max_chars: int | None = 700) -> Any:
    """The passage on one line, at most ``max_chars``, with the matched words highlighted;
    nothing in it can drive the terminal."""
    import bisect

    from rich.text import Text

    chars: list[str] = []
    where: list[int] = []  # offset in ``text`` of each kept character
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        elif not terminal_safe(ch):
            continue  # a control character: not shown
        chars.append(ch)
        where.append(i)
    flat = "".join(chars).strip()
    lead = len("".join(chars)) - len("".join(chars).lstrip())
    where = where[lead:lead + len(flat)]
    limit = len(flat) if max_chars is None else max_chars
    cut = len(flat) > limit
    if cut and flat.rfind(" ", 0, limit) > limit // 2:
        limit = flat.rfind(" ", 0, limit)  # at a word's end
    out = Text(flat[:limit] + (" …" if cut else ""))
    for s, e in spans:
        a, b = bisect.bisect_left(where, s), bisect.bisect_left(where, e)
        if a < min(b, limit):
            out.stylize("bold yellow", a, min(b, limit))
    return out


def _print_hits(hits: list[Any], *, wide: bool = False, ocr: dict[int, tuple[int, ...]] | None = None) -> None:
    """Each hit: its number, the document's title, §, date; the passage; the citation."""
    width = out_width(wide)
    con = console(width=width or 10_000)
    # rich pads every wrapped line to the full width: no trailing blanks in a file or a pipe
    with con.capture() as captured:
        _render_hits(con, hits, width, ocr or {})
    sys.stdout.write("".join(line.rstrip(" ") + "\n" for line in captured.get().splitlines()))


def _render_hits(con: Any, hits: list[Any], width: int | None, ocr: dict[int, tuple[int, ...]]) -> None:
    from rich.padding import Padding
    from rich.text import Text

    for n, h in enumerate(hits, 1):
        if h.confidence == "weak" and (n == 1 or hits[n - 2].confidence != "weak"):
            con.print(Text("weak matches", style="bold") + Text(
                " (some of the words or the meaning, not enough to be sure)", style="dim"))
            con.print()
        md = h.metadata
        head = Text(f"{n}. ", style="bold")
        # an untitled protocol by its body and date, as the web names it, not its file name
        head.append(one_line(doc_title(md, h.source)), style="bold")
        facts = [f"§ {h.item}" if h.item else "", md.date or ""]
        if any(facts):
            head.append("  " + " · ".join(f for f in facts if f), style="cyan")
        con.print(head, soft_wrap=width is None)
        passage = _flat(h.text, h.highlights, max_chars=None if width is None else 6 * max(width - 3, 20))
        if width is None:
            passage.pad_left(3)
            con.print(passage, soft_wrap=True)
        else:
            con.print(Padding(passage, (0, 0, 0, 3)))
        con.print(Text("   " + one_line(h.citation), style="green"), soft_wrap=True)
        if pages := ocr.get(h.chunk_id):
            con.print(Text(f"   read by OCR ({'s. ' + ', '.join(map(str, pages))}): check the quote against the page",
                           style="dim"), soft_wrap=True)
        if h.also_in:
            con.print(Text("   the same text also in: " + also_in_line(h), style="dim"), soft_wrap=True)
        con.print()


def _say_unindexed(db: str | None) -> None:
    """After "no good match": when stored documents are not in the search index yet (an
    ingest with --no-index, or one stopped while it embedded), say so on stderr: the answer
    may be in them."""
    from ..search import status_db

    try:
        st = status_db(db=db)
    except NamndkollError:
        return
    docs, chunks = int(st.get("documents_to_chunk") or 0), int(st.get("chunks_to_embed") or 0)
    if st.get("model") is None and not st.get("chunks") and not docs:
        return  # an empty corpus: nothing to index
    if st.get("model") is None or docs or chunks:
        left = (f"{docs} stored {'document is' if docs == 1 else 'documents are'} not in the search index"
                if docs else f"{chunks} passages are not embedded" if chunks else "the corpus has no search index")
        echo(f"note: {left} yet (ingested with --no-index, or stopped while it embedded): "
             "run `namndkoll index` and search again", err=True)


def also_in_line(hit: Any, shown: int = 3) -> str:
    """Where else a passage stands, on one line: the first few citations and how many more."""
    copies = hit.also_in
    line = "; ".join(one_line(copy_label(hit.citation, c.citation, c.source)) for c in copies[:shown])
    return line + (f" and {len(copies) - shown} more" if len(copies) > shown else "")



def _check_words(text: str, year_from: int | None, year_to: int | None) -> None:
    """The query's length and the year range checked before any corpus is opened: a usage error
    (exit code 2) with the check's own message, the same for search, compare and cite."""
    from ..corpus.index import check_years
    from ..search import check_query

    try:
        check_query(text)
        check_years(year_from, year_to)
    except NamndkollError as exc:
        fail(exc, code=2)

def search_cmd(
    query: Annotated[str, typer.Argument(help="What to look for, in Swedish.")],
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, party: Party = None,
    doc_type: DocType = None, year: Year = None, year_from: YearFrom = None, year_to: YearTo = None,
    limit: Limit = 10, mode: ModeOption = "hybrid", model: ModelOption = None, as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV: one row per hit, for a spreadsheet.")] = False,
    wide: WideOption = False,
) -> None:
    """Find passages: meaning and keywords together; each hit with quote and citation.

    Example: namndkoll search "förskoleplatser" --municipality Göteborg --from 2023 --to 2024
    """
    from ..search import search_db

    if not query.strip():
        fail("give words to search for, e.g. namndkoll search \"förskoleplatser\"", code=2)
    _check_words(query, year_from, year_to)
    try:
        hits = search_db(query, db=db, model=model, mode=mode, municipality=municipality,
                         committee=committee, party=party, doc_type=doc_type, year=year, year_from=year_from,
                         year_to=year_to, limit=limit)
    except NamndkollError as exc:
        fail(exc)
    from ..api.reading import ocr_read_pages

    ocr = ocr_read_pages(hits, db=db)
    if as_json:
        print_json([hit_json(h, ocr.get(h.chunk_id, ())) for h in hits])
    elif as_csv:
        print_csv([hit_row(i, h, ocr) for i, h in enumerate(hits, 1)], HIT_COLUMNS)
    elif not hits:
        echo("no good match (try other words or fewer filters)")
        say_body_hint(municipality, db, committee)
        _say_unindexed(db)
    else:
        _print_hits(hits, wide=wide, ocr=ocr)
    if year is not None or year_from is not None or year_to is not None:
        say_undated(db, year=year, year_from=year_from, year_to=year_to, municipality=municipality,
                    committee=committee, doc_type=doc_type)


def compare_cmd(
    topic: Annotated[str, typer.Argument(help="The topic, in Swedish.")],
    by: Annotated[Literal["party", "committee", "year"], typer.Option("--by", help="party, committee or year.")] = "party",
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, party: Party = None,
    year: Year = None, year_from: YearFrom = None, year_to: YearTo = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most passages in all.")] = 50,
    model: ModelOption = None, as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV: one row per party stance, for a spreadsheet.")] = False,
    wide: WideOption = False, xlsx: XlsxOption = None,
) -> None:
    """Positions on a topic grouped by party, committee or year, with quotes and counts.

    Reservations, särskilda uttalanden, yrkanden, votes and party documents, each with its
    citation; counts per group and per year.

    Example: namndkoll compare "arbetsmarknadsåtgärder" --by party --municipality Lund
    """
    from ..search import compare_db

    if not topic.strip():
        fail("give a topic, e.g. namndkoll compare \"budget\" --by party", code=2)
    _check_words(topic, year_from, year_to)
    try:
        res = compare_db(topic, db=db, model=model, by=by, municipality=municipality,
                         committee=committee, party=party, year=year, year_from=year_from, year_to=year_to,
                         limit=limit)
    except NamndkollError as exc:
        fail(exc)
    from ..search.compare import COMPARISON_COLUMNS, comparison_json, comparison_rows

    # the notes go to stderr, so --json, --csv and --xlsx give them too and stay clean
    if year is not None or year_from is not None or year_to is not None:
        say_undated(db, year=year, year_from=year_from, year_to=year_to, municipality=municipality,
                    committee=committee)
    if xlsx is not None:
        write_xlsx_file(xlsx, comparison_rows(res), COMPARISON_COLUMNS, sheet="compare")
    if as_json or as_csv or xlsx is not None:
        if as_json:
            print_json(comparison_json(res))
        elif as_csv:
            print_csv(comparison_rows(res), COMPARISON_COLUMNS)
        if not res.groups:
            say_body_hint(municipality, db, committee)
            _say_unindexed(db)
        return
    if not res.groups:
        echo("no good match among reservations, yrkanden, votes or party documents")
        say_body_hint(municipality, db, committee)
        _say_unindexed(db)
        return
    _print_comparison(res, by, wide=wide)


# a party's tally in a roll call as compare words it: "12 ja, 1 frånvarande (Ja för …. Nej för ….)"
_TALLY_RE = re.compile(r"^(?P<said>[^()]*?)(?: \((?P<what>.*)\))?$", re.DOTALL)


def _once(stances: Any, *, votes_together: bool = True) -> list[tuple[Any, list[str]]]:
    """Each stance once with the parties that share it: one yrkande made by MP, V and C together
    is quoted once as "MP, V, C: yrkande: …", not three times in a row; one vote is one line with
    every party's tally ("S 22 ja · V 13 ja · M 15 nej (Ja för …)"), not a line per party."""
    out: dict[tuple[str, str, str], tuple[Any, list[str]]] = {}
    for st in stances:
        if st.kind == "omrostning" and votes_together and (m := _TALLY_RE.match(st.text)):
            key = (st.kind, m.group("what") or "", st.citation)
            said = f"{st.party} {m.group('said')}"
            if key in out:
                first, parties = out[key]
                parties.append(st.party)
                out[key] = (replace(first, text=f"{first.text} · {said}"), parties)
            else:
                out[key] = (replace(st, text=said), [st.party])
            continue
        key = (st.kind, st.text, st.citation)
        if key in out and st.kind != "omrostning":  # by party: a roll call's tally is the party's own
            out[key][1].append(st.party)
        else:
            out.setdefault(key if st.kind != "omrostning" else (st.kind, st.text + st.party, st.citation),
                           (st, [st.party]))
    return [(replace(st, text=f"{st.text} ({key[1]})") if votes_together and key[0] == "omrostning" and key[1]
             else st, parties) for key, (st, parties) in out.items()]


_SHOWN = 5  # §§ printed per group; the rest are counted, and --csv / --json give them


def _print_comparison(res: Comparison, by: str, *, wide: bool) -> None:
    """The comparison as text: the counts per group and year, then each group's first §§ with
    what was decided and each stance quoted with its citation."""
    from ..api.pages import KIND_LABELS  # the kind words the web page's cells show
    from ..search.cite import quote

    years = sorted({y for g in res.groups.values() for y in g.by_year})
    # a group's count is of §§ (a party document without §§ is one), however many passages matched
    print_table([{by: k, "items": g.count, **{str(y): n for y, n in g.by_year.items()}}
                 for k, g in res.groups.items()],
                [by, "items", *(Col(str(y), kind="fixed", keep=9 - i // 4, right=True)
                                   for i, y in enumerate(reversed(years)))],
                title=f"{res.topic} — by {by}", wide=wide)
    for k, g in res.groups.items():
        typer.secho(f"\n{one_line(str(k))}", bold=True)
        for p in g.hits[:_SHOWN]:
            row = p.row
            if row is not None:  # which §, what it is about and what was decided
                echo(f"  {one_line(row.title)}"
                     + (f"\n    Beslut: {one_line(quote(row.decision, max_chars=200))}" if row.decision else "")
                     + (f"\n    Förslag till beslut: {one_line(quote(row.proposal, max_chars=200))}"
                        if row.proposal else ""))
            stances = (row.stances.get(k, ()) if row is not None and by == "party"
                       else [s for st in (row.stances.values() if row else ()) for s in st])
            for st, parties in _once(stances, votes_together=by != "party"):
                who = "" if by == "party" or st.kind == "omrostning" else f"{', '.join(parties)}: "
                said = one_line(quote(st.text, max_chars=600 if st.kind == "omrostning" else 300))
                # a party's tally in a roll call ("1 nej (proposition)") is namndkoll's count,
                # not the protocol's words: no quotation marks to copy it by
                said = said if st.kind == "omrostning" else f"”{said}”"
                echo(f"    {who}{KIND_LABELS.get(st.kind, st.kind.replace('_', ' '))}: {said}\n"
                     f"      — {one_line(st.citation)}")
            if not stances:
                echo(f"    ”{one_line(quote(p.hit.text, max_chars=300))}”\n      — {one_line(p.hit.citation)}")
        if len(g.hits) > _SHOWN:  # the count above says more: say where the rest are, never drop them silently
            more = len(g.hits) - _SHOWN
            echo(f"  … {more} more {'§' if more == 1 else '§§'} under {one_line(str(k))}: "
                 "--csv or --json gives every one")
    if res.unattributed:
        echo(f"\n({res.unattributed} items on the topic name no party and are not shown)")


def cite_cmd(
    query: Annotated[str | None, typer.Argument(help="Search for the passages to cite ...")] = None,
    chunk: Annotated[list[int] | None, typer.Option("--chunk", help="... or cite these chunk ids (from search --json).")] = None,
    pick: Annotated[str | None, typer.Option("--pick", help="Hit numbers to keep, e.g. 1,3,4.")] = None,
    fmt: Annotated[Literal["markdown", "csv"], typer.Option("--format", help="markdown or csv.")] = "markdown",
    output: Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False, help="Write to this file.")] = None,
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, party: Party = None,
    year_from: YearFrom = None, year_to: YearTo = None, limit: Limit = 5, model: ModelOption = None,
) -> None:
    """A citation pack of selected hits: Markdown quotes with footnotes, or CSV.

    Example: namndkoll cite "introduktionsjobb kostnad" --pick 1,2 --format markdown -o citat.md
    """
    from ..search import cite_db

    if not query and not chunk:
        fail("give a QUERY or --chunk ID (see `namndkoll search --json` for chunk ids)", code=2)
    _check_words(query or "", year_from, year_to)
    try:
        picks = [int(x) for x in pick.split(",")] if pick else None
        text = cite_db(query, chunk_ids=chunk, pick=picks, fmt=fmt, db=db, model=model, limit=limit,
                       municipality=municipality, committee=committee, party=party,
                       year_from=year_from, year_to=year_to)
    except ValueError:
        fail("--pick takes hit numbers separated by commas, e.g. 1,3")
    except NamndkollError as exc:
        fail(exc)
    if output:
        # no control character in a file a person will open (CSV cells are neutralised already);
        # a CSV file with a byte order mark, as the web's downloads: Excel read å ä ö in
        # "Barn- och ungdomsnämnden" as "Ã¥ Ã¤ Ã¶" without it (stdout stays without one)
        mark = "\ufeff" if fmt == "csv" else ""
        output.write_text(mark + terminal_safe(text), encoding="utf-8")
        echo(f"wrote {shown_path(output)}", err=True)
    else:
        echo(text, nl=False)


def index_cmd(
    db: DbOption = None, model: ModelOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Drop every vector and embed again (new model).")] = False,
    status: Annotated[bool, typer.Option("--status", help="Only show what is indexed and what is left.")] = False,
    rebuild_graph: Annotated[bool, typer.Option(
        "--rebuild-graph", help="PostgreSQL: build the vector graph again with today's settings; embeds nothing.")
    ] = False,
    no_wait: NoWaitOption = False,
    as_json: JsonOption = False,
) -> None:
    """(Re)build the search index: chunk new documents, embed only new or changed passages.

    Passages another run is embedding now (a second `index` or ingest) are left to it, and this
    one waits until they are stored, or takes them over if that run stops; --no-wait ends at once.

    Example: namndkoll index --db lund.db --model static --rebuild
    """
    import sys

    from ..search import index_db, rebuild_graph_db, status_db
    from .ingest import index_bar, wait_note

    try:
        out: Any
        if status:
            out = status_db(db=db)
        elif rebuild_graph:
            echo("building the vector graph in one pass (at 1M passages ~30 min on 2 cores) …", err=True)
            out = rebuild_graph_db(db=db)
        else:
            con = console(stderr=True)
            bar = index_bar(con, sys.stderr.isatty(), plain=not sys.stderr.isatty())
            out = index_db(db=db, model=model, rebuild=rebuild, progress=bar, wait=not no_wait, note=wait_note(con))
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json(out)
    else:
        for k, v in to_jsonable(out).items():
            echo(f"{k:>20}: {round(v, 1) if isinstance(v, float) else v}")


def eval_search_cmd(
    questions: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                              help="JSON list of {q, doc, passage[, answerable]}.")],
    db: DbOption = None, model: ModelOption = None, as_json: JsonOption = False,
) -> None:
    """Retrieval quality: recall@1, recall@5, MRR for keywords, dense and hybrid; abstention.

    Example: namndkoll eval search bench/questions.json --db eval.db
    """
    from ..search import evaluate_db

    try:
        qs = json.loads(questions.read_text(encoding="utf-8"))
        res = evaluate_db(qs, db=db, model=model)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json(res)
    else:
        def cell(v: Any) -> Any:  # refused / weak only / high per kind of unanswerable question
            if v is None:  # a share of no questions (no unanswerable one in the set)
                return "-"
            return f"{v:.3f}" if isinstance(v, float) else " / ".join(map(str, v)) if isinstance(v, list) else v

        print_table([{"mode": m, **{k: cell(v) for k, v in r.items()}} for m, r in res.items()],
                    ["mode", *next(iter(res.values())).keys()])


def register(app: typer.Typer) -> None:
    app.command("search")(search_cmd)
    app.command("compare")(compare_cmd)
    app.command("cite")(cite_cmd)
    app.command("index")(index_cmd)
    eval_group(app).command("search")(eval_search_cmd)
