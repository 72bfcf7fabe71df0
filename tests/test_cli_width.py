"""Tables that read well in an 80-column terminal (issue 10): every list command rendered at a
fixed width through CliRunner ($COLUMNS), on a real corpus; dates, numbers, § and page come
out whole, long text is cut with "…", a pipe or --wide keeps every value."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from test_lists import _docs, _store_all
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.commands._output import Col, fit, layout
from namndkoll.display import format_figure, one_line, swedish_number
from namndkoll.types import Document, Metadata, Page, with_offsets

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent
LISTS = ["documents", "figures", "decisions", "votes", "positions", "people"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("width") / "corpus.db"
    undated = Document("/records/utan-datum.pdf", "9" * 64, with_offsets([Page(1, "Anteckningar utan rubrik.")]),
                       Metadata(municipality="Lund"))
    _store_all(db, [*_docs(), undated])
    return db


def run(args: list[str], width: int | None) -> str:
    env = {"COLUMNS": str(width)} if width else {}
    r = runner.invoke(app, args, env=env)
    assert r.exit_code == 0, r.output
    return r.stdout


def rows(command: str, db: Path) -> list[dict]:
    return json.loads(run([command, "--db", str(db), "--json"], None))


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", LISTS)
def test_lists_fit_the_width_and_keep_dates_numbers_and_places_whole(corpus, command, width):
    out = run([command, "--db", str(corpus)], width)
    too_wide = [ln for ln in out.splitlines() if cell_len(ln) > width]
    assert not too_wide, too_wide
    for row in rows(command, corpus):
        if row.get("date"):
            assert re.search(rf"(?<![\d-]){row['date']}(?![\d-])", out), (row["date"], out)
        if row.get("item"):
            assert row["item"] in out
        if row.get("page") is not None:
            assert re.search(rf"(?<!\d){row['page']}(?!\d)", out)
        if command == "figures":
            assert format_figure(row) in out, (format_figure(row), out)
        if command == "votes":
            for k in ("yes", "no", "absent"):
                if row[k] is not None:
                    assert re.search(rf"(?<!\d){row[k]}(?!\d)", out)
        if command == "documents":
            assert str(row["id"]) in out


def test_figures_are_written_the_swedish_way_in_tables_and_plain_in_csv_and_json(corpus):
    out = run(["figures", "--db", str(corpus)], 80)
    assert "732 000 kr" in out and "732000" not in out
    assert "732\u00a0tkr" in out  # the figure as written, whole, in the quote column
    (row,) = [r for r in rows("figures", corpus) if r["unit"] == "SEK"]
    assert row["value"] == 732000.0
    csv_out = run(["figures", "--db", str(corpus), "--csv"], 80)
    assert ",732000," in csv_out  # a whole number written whole (a Swedish spreadsheet reads "732000.0" as text)


def test_long_text_is_cut_on_two_lines_and_a_pipe_or_wide_keeps_it(corpus):
    (vote,) = rows("votes", corpus)
    proposition = one_line(vote["proposition"])
    narrow = run(["votes", "--db", str(corpus)], 80)
    body = [ln for ln in narrow.splitlines()[3:] if ln.strip()]
    assert len(body) <= 2 and body[-1].rstrip().endswith("…")
    assert proposition not in narrow.replace("\n", " ")
    for out in (run(["votes", "--db", str(corpus)], None), run(["votes", "--db", str(corpus), "--wide"], 80)):
        assert proposition in out  # every value whole, on one line


def test_less_important_columns_drop_out_first(corpus):
    narrow = run(["documents", "--db", str(corpus)], 80).splitlines()[1]
    wide = run(["documents", "--db", str(corpus)], 160).splitlines()[1]
    assert "source" in wide and "source" not in narrow
    for head in ("id", "date", "committee", "title"):
        assert head in narrow


def test_documents_mark_what_is_missing(corpus):
    out = run(["documents", "--db", str(corpus)], 80)
    line = next(ln for ln in out.splitlines() if re.match(r"\s*4\s{2}", ln))
    assert "?" in line
    assert "? = not found in the document" in out


def test_search_hits_show_title_item_date_citation_and_no_ids(tmp_path, monkeypatch):
    from test_search import DOCS, FakeEmbedder

    from namndkoll.corpus.db import open_db, transaction
    from namndkoll.corpus.store import replace_document
    from namndkoll.search import index_corpus

    db = tmp_path / "s.db"
    conn = open_db(db)
    for d in DOCS:
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, FakeEmbedder())
    conn.close()
    hits = json.loads(run(["search", "förskoleplatser", "--db", str(db), "--mode", "keyword", "--json"], None))
    out = run(["search", "förskoleplatser", "--db", str(db), "--mode", "keyword"], 80)
    assert hits
    assert not [ln for ln in out.splitlines() if cell_len(ln) > 80]
    # each wrapped passage line was padded with blanks to the full width (in a file, a pipe)
    assert not [ln for ln in out.splitlines() if ln.endswith(" ")]
    assert "chunk" not in out and "score" not in out
    first = hits[0]
    assert out.startswith("1. ") and f"§ {first['item']}" in out.splitlines()[0]
    assert first["document"]["date"] in out.splitlines()[0]
    assert first["citation"] in out


# ---- the pieces ---------------------------------------------------------------------------------

@pytest.mark.parametrize("figure, shown", [
    ({"kind": "amount", "value": 1550000.0, "unit": "SEK", "text": "1 550 t kr"}, "1 550 000 kr"),
    ({"kind": "amount", "value": 74500000000.0, "unit": "SEK", "qualifier": "högst"}, "högst 74 500 000 000 kr"),
    ({"kind": "amount", "value": 8000.0, "unit": "SEK", "qualifier": "ca", "per": "månad"}, "ca 8 000 kr/månad"),
    ({"kind": "amount", "value": 518.5, "unit": "SEK"}, "518,5 kr"),
    ({"kind": "percent", "value": 66.6, "unit": "%"}, "66,6 %"),
    ({"kind": "percent", "value": 2.25, "unit": "%"}, "2,25 %"),
    ({"kind": "count", "value": 12.0, "unit": "plats", "text": "12 platser"}, "12 platser"),
    ({"kind": "count", "value": 4.0, "unit": "socialförvaltning", "text": "fyra socialförvaltningarna"},
     "4 socialförvaltningar"),
    ({"kind": "count", "value": 12.0, "unit": "ledamot", "text": "12 ledamöter"}, "12 ledamöter"),
    ({"kind": "count", "value": 5.0, "unit": "plats", "text": "5 OSA-platser"}, "5 OSA-platser"),
    ({"kind": "count", "value": 1.0, "unit": "tjänst", "text": "en tjänst"}, "1 tjänst"),
    ({"kind": "count", "value": 3.0, "unit": "hushåll", "text": "tre"}, "3 hushåll"),
])
def test_figures_as_a_swedish_reader_writes_them(figure, shown):
    assert format_figure(figure) == shown


def test_swedish_numbers():
    assert swedish_number(1550000) == "1 550 000"
    assert swedish_number(-1234.5) == "-1 234,5"
    assert swedish_number(0.25) == "0,25"


def test_fixed_columns_are_never_cut_and_the_least_important_go_first():
    cols = [Col("date", kind="fixed", keep=9), Col("value", kind="fixed", keep=9),
            Col("municipality", kind="short", keep=3, min=8), Col("note", kind="short", keep=1, min=8),
            Col("quote", kind="text", keep=7, min=20)]
    cells = [["2023-11-09", "74 500 000 000 kr", "Göteborg", "anteckning", "x " * 80]]
    plan = {c.key: w for c, w in layout(cols, cells, 60)}
    assert plan["date"] == 10 and plan["value"] == 17
    assert "note" not in plan  # keep 1 went before municipality (keep 3)
    assert sum(plan.values()) + 2 * (len(plan) - 1) <= 60
    assert {c.key: w for c, w in layout(cols, cells, None)}["quote"] == len("x " * 80)


def test_fit_cuts_at_words_with_an_ellipsis():
    assert fit("Ja för bifall till förslaget från S, V och MP", 20, 2) == "Ja för bifall till\nförslaget från S, V…"
    assert fit("kort", 20, 2) == "kort"
    assert fit("Kommunfullmäktige", 10) == "Kommunful…"


# ---- the demo, as `make demo` runs it -----------------------------------------------------------

@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from namndkoll.api import ingest

    if not (REPO / "sample").is_dir():
        pytest.skip("sample/ is not here")
    db = tmp_path_factory.mktemp("demo") / "sample.db"
    rep = ingest([REPO / "sample"], db=db, index=False)
    assert rep.count("ingested") == 4
    return db


@pytest.mark.slow
@pytest.mark.parametrize("args", [["documents"], ["figures", "--unit", "SEK", "--limit", "15"], ["votes"],
                                  ["positions", "--limit", "8"], ["decisions", "--limit", "8"], ["people"]])
def test_the_demo_reads_at_80_columns(sample_db, args):
    out = run([*args, "--db", str(sample_db)], 80)
    assert not [ln for ln in out.splitlines() if cell_len(ln) > 80]
    data = json.loads(run([*args, "--db", str(sample_db), "--json"], None))
    for row in data:
        if row.get("date"):
            assert row["date"] in out
        if args[0] == "figures":
            assert format_figure(row) in out
    if args[0] == "figures":
        # the Lund reservation's "1 550 t kr" (undated, so listed after the dated documents)
        every = run(["figures", "--unit", "SEK", "--db", str(sample_db)], 80)
        assert "1 550 000 kr" in every and "1\u00a0550\u00a0t\u00a0kr" in every and "1550000" not in every
    if args[0] == "votes":
        assert "committee" in out and "committ…" not in out


def test_help_paragraphs_wrap_at_the_terminal_not_at_the_source_lines():
    """`namndkoll --help` at 80 columns broke blocs' sentence where its docstring's line ended
    ("… how often each two parties voted the same" / "way in the stored roll calls"), and
    `ingest --help` "a file beyond" / "them": each paragraph is one line for the help to wrap;
    examples keep a line each."""
    import typer.main

    from namndkoll.cli import app

    cli = typer.main.get_command(app)
    blocs = cli.commands["blocs"].help.split("\n\n")[0]  # type: ignore[attr-defined]
    assert "\n" not in blocs and "voted the same way in the stored roll calls" in blocs
    ingest = cli.commands["ingest"].help  # type: ignore[attr-defined]
    assert "a file beyond them" in ingest
    examples = [ln for ln in ingest.splitlines() if ln.startswith("Example:")]
    assert len(examples) == 2 and examples[0] == "Example: namndkoll ingest protokoll/ --db lund.db --jobs 2"


def test_a_title_longer_than_its_narrow_table_reads_on_one_line(capsys):
    """`compare "grundskolans organisation" --by party` at 80 columns printed its title over
    three lines ('grundskolans' / 'organisation — by' / 'party'): rich wrapped it to the
    width of the table under it."""
    from namndkoll.commands._output import print_table

    print_table([{"party": "F", "passages": 1}, {"party": "M", "passages": 1}], ["party", "passages"],
                title="grundskolans organisation — by party", width=80)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "grundskolans organisation — by party" and lines[1].split() == ["party", "passages"]


def test_help_shows_the_extras_in_square_brackets():
    """`ingest --help` said "pip install 'namndkoll'" for --cluster: the help is read as rich
    markup, where `[cluster]` is a tag and vanished; the command a user copies must be whole."""
    out = " ".join(run(["ingest", "--help"], 200).split())
    assert "pip install 'namndkoll[cluster]'" in out


def test_a_title_keeps_its_line_in_a_pipe_too(capsys):
    """Piped or written to a file (walk64), `compare "initiativärende parkering Nolhaga" --by
    party` printed its title over three lines ('initiativärende' / 'parkering Nolhaga —' / 'by
    party'): with nothing to fit, the console took the narrow table's width."""
    from namndkoll.commands._output import print_table

    print_table([{"party": "L", "passages": 5}], ["party", "passages"],
                title="initiativärende parkering Nolhaga — by party", wide=True)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "initiativärende parkering Nolhaga — by party" and lines[1].split() == ["party", "passages"]
