"""Table rows as search passages, and figures read from table cells with their place in the
table: an excerpt of Alingsås' budget frames 2027 (tkr), a real table as ingest stores it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from test_search import FakeEmbedder

from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.extract.figures import find_figures
from namndkoll.search import chunk_document, index_corpus, search
from namndkoll.tables import table_text
from namndkoll.types import Document, Metadata, Page, Table, with_offsets

ROWS = (
    ("2027", "", "", "", "", "", ""),
    ("NÄMND", "Ram inkl PKV", "Resurs kompensation", "Ram förändringar", "Ram inkl förändringar",
     "Statsbidrag", "Ram inkl förändringar och statsbidrag"),
    ("Vård- och omsorgsnämnden", "1 049 382", "8 936", "-935", "1 057 382", "0", "1 057 382"),
    ("Socialnämnden", "274 077", "-427", "-50", "273 600", "9 192", "282 792"),
    ("Barn- och ungdomsnämnden", "1 166 294", "-30 668", "5 075", "1 140 701", "3 625", "1 144 327"),
)
BBOX = (100.1, 137.5, 795.1, 331.0)


def frames() -> Document:
    pages = [Page(1, "Ramar 2027–2029\n\nKommunstyrelsen föreslår ramar per nämnd."),
             Page(2, "Ramar per nämnd 2027\nBelopp i tkr", tables=(Table(2, ROWS, BBOX),))]
    return Document("alingsas_ramar_2027-2029.pdf", hashlib.sha256(b"ramar").hexdigest(), with_offsets(pages),
                    Metadata("Ramar 2027–2029", "Alingsås", "Kommunstyrelsen", "other", "2026-05-01"))


def test_a_table_cell_is_found_by_its_row_label_and_value(db_path: Path):
    doc = frames()
    rows = [c for c in chunk_document(doc) if c.section == "table"]
    assert len(rows) == 3 and all(c.page_start == 2 and c.table is not None for c in rows)
    soc = next(c for c in rows if c.text.startswith("Socialnämnden"))
    assert soc.text.splitlines()[0] == "Socialnämnden 274 077 -427 -50 273 600 9 192 282 792"
    assert "Socialnämnden · 2027 Ram inkl PKV · 274 077" in soc.text  # the year heads every column
    conn = open_db(db_path)
    with transaction(conn):
        replace_document(conn, doc)
    index_corpus(conn, FakeEmbedder())
    for mode, emb in (("keyword", None), ("hybrid", FakeEmbedder())):
        hits = search(conn, "Socialnämnden statsbidrag 9 192", emb, mode=mode)  # type: ignore[arg-type]
        assert hits and hits[0].section == "table" and hits[0].page == 2, mode
        assert "Socialnämnden · 2027 Statsbidrag · 9 192" in hits[0].text
        assert hits[0].citation.endswith("s. 2")
    conn.close()


def test_a_table_figure_carries_its_cells_box_where_the_reader_kept_them():
    doc = frames()
    cells = tuple(tuple((100.0 + 100 * j, 150.0 + 20 * i, 200.0 + 100 * j, 170.0 + 20 * i) for j in range(len(r)))
                  for i, r in enumerate(ROWS))
    page = doc.pages[1]
    doc = Document(doc.source, doc.sha256, (doc.pages[0], Page(
        page.number, page.text, page.start, tables=(Table(2, ROWS, BBOX, cells),))), doc.metadata)
    soc = next(f for f in find_figures(doc) if f.table and f.value == 9_192_000)
    assert soc.bbox == cells[3][5]  # Socialnämnden's Statsbidrag cell, not the whole table


def test_table_figures_carry_page_box_and_span_into_the_table_text():
    doc = frames()
    figs = [f for f in find_figures(doc) if f.table]
    text = table_text(doc.pages[1].tables[0])
    soc = next(f for f in figs if f.value == 9_192_000)
    assert soc.kind == "amount" and soc.page == 2 and soc.bbox == BBOX and soc.table_index == 0
    assert soc.table_span is not None and text[soc.table_span[0]:soc.table_span[1]] == "9 192"
    line = text.splitlines()[3]
    assert line.startswith("Socialnämnden | 274 077") and text.index(line) < soc.table_span[0] < text.index(line) + len(line)
    assert all(f.table_span and text[f.table_span[0]:f.table_span[1]] in f.text for f in figs)


def test_figures_csv_gives_a_table_figures_cell_box_and_span(db_path: Path):
    """A spreadsheet user gets the same place of a table figure as `--json`: which table of the
    page, the span in its stored text and the cell's box (points, x0; top; x1; bottom)."""
    import csv
    import io

    from typer.testing import CliRunner

    from namndkoll.cli import app
    from namndkoll.corpus import opened
    from namndkoll.types import Extraction

    cells = tuple(tuple((100.0 + 100 * j, 150.0 + 20 * i, 200.0 + 100 * j, 170.0 + 20 * i) for j in range(len(r)))
                  for i, r in enumerate(ROWS))
    base = frames()
    doc = Document(base.source, base.sha256, (base.pages[0], Page(
        2, base.pages[1].text, base.pages[1].start, tables=(Table(2, ROWS, BBOX, cells),))), base.metadata)
    with opened(str(db_path), write=True) as st, st.transaction():
        doc_id = st.replace_document(doc)
        st.save_extraction(doc_id, doc, Extraction(figures=tuple(find_figures(doc))))
    out = CliRunner().invoke(app, ["figures", "--db", str(db_path), "--csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    soc = next(r for r in rows if r["value"] and float(r["value"]) == 9_192_000)
    assert soc["table"] == "True" and soc["table_index"] == "0" and soc["page"] == "2"
    assert soc["bbox"] == "; ".join(str(v) for v in cells[3][5])
    start, end = (int(v) for v in soc["table_span"].split("; "))
    assert table_text(doc.pages[1].tables[0])[start:end] == "9 192"
    prose = [r for r in rows if r["table"] != "True"]
    assert all(r["bbox"] == "" and r["table_span"] == "" for r in prose)


# Simrishamn's budget timeline (tidplan och anvisningar för budget 2027–2031, p. 3): a table of
# dates and what happens, no value in any cell; ingest keeps its text out of the page body
TIMELINE = (
    ("10 sep", "Bolagen och förbunden lämnar in förslag på budget samt"),
    ("", "eventuellt taxor för 2027."),
    ("23 sep", "Det strategiska utskottet bereder budgetärendet, bolagens taxor"),
    ("", "samt en sammanställd internkontrollplan för samtliga nämnder"),
    ("", "inför kommunstyrelsen."),
    ("14 okt", "Kommunstyrelsen bereder budgetärendet och taxor inför"),
    ("", "kommunfullmäktige och beslutar om en sammanställd"),
    ("", "internkontrollplan för samtliga nämnder."),
    ("26 okt", "Kommunfullmäktige beslutar om skattesats, driftramar,"),
    ("", "investerings- och exploateringsbudget, god ekonomisk"),
    ("", "hushållning och taxor."),
)


def timeline() -> Document:
    pages = [Page(1, "Tidplan och anvisningar för budget 2027–2031\n\nTidplanen för budgetarbetet är enligt "
                     "nedanstående:"),
             Page(2, "3 (13)", tables=(Table(2, TIMELINE, BBOX),)),
             Page(3, "Budgetberedningen består av en representant från respektive parti.")]
    return Document("simrishamn-tidplan-budgetanvisningar-2027-2031.pdf", hashlib.sha256(b"tidplan").hexdigest(),
                    with_offsets(pages), Metadata("Tidplan och anvisningar för budget 2027–2031", "Simrishamn",
                                                  "Kommunstyrelsen", "other", "2025-12-01"))


def test_a_table_of_text_is_searchable_and_found_by_when(db_path: Path):
    """A timeline laid out as a table (no figure in any cell) was in no passage at all: "När
    beslutar fullmäktige om skattesatsen?" found nothing of it. Its rows are passages now."""
    rows = [c for c in chunk_document(timeline()) if c.section == "table_text"]
    assert rows and all(c.page_start == 2 and c.table == (0, 0) for c in rows)
    assert "26 okt Kommunfullmäktige beslutar om skattesats, driftramar,\ninvesterings- och" in rows[0].text
    conn = open_db(db_path)
    with transaction(conn):
        replace_document(conn, timeline())
    index_corpus(conn, FakeEmbedder())
    for mode, emb in (("keyword", None), ("hybrid", FakeEmbedder())):
        hits = search(conn, "När beslutar fullmäktige om skattesatsen?", emb, mode=mode,  # type: ignore[arg-type]
                      abstention=False)
        assert hits and hits[0].section == "table_text" and "beslutar om skattesats" in hits[0].text, mode
        assert hits[0].page == 2 and hits[0].citation.endswith("s. 2")
    conn.close()


def test_a_long_table_of_text_is_cut_between_entries_not_inside_one():
    from namndkoll.search.chunking import text_table_passages

    table = Table(2, TIMELINE, BBOX)
    parts = text_table_passages(table, max_chars=200)
    assert len(parts) > 1
    starts = [r for r, _ in parts]
    assert all(TIMELINE[r][0] for r in starts)  # each passage opens with an entry's date
    assert "".join(t.replace("\n", " ") for _, t in parts).count("skattesats") == 1
    assert text_table_passages(Table(1, (("Indikator", "Utfall"),), BBOX)) == []  # a header alone
