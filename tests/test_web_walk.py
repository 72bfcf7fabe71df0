"""What a walk through `namndkoll serve` as its users found (political secretary, journalist,
municipal staff): each test is one thing a user saw wrong on a page, over the real corpus of
tests/test_web.py (reportlab PDFs, whole ingest, fake embedder)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import served
from test_search import FakeEmbedder
from test_web import build_corpus

from namndkoll import api

fastapi = pytest.importorskip("fastapi")



@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("walk"))


@pytest.fixture(scope="module")
def client(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("home")
    with served(corpus, home, embedder=FakeEmbedder()) as c:
        yield c


def test_status_page_counts_the_items(client, corpus):
    """The count of § items read '<built-in method items of dict object at 0x…>'."""
    html = client.get("/status").text
    assert "built-in method" not in html
    n = api.corpus_status(db=corpus)["items"]
    assert n > 0 and re.search(rf"\b{n} §-ärenden", html)


def test_case_timeline_never_shows_none_for_a_missing_title(client):
    """A protocol without a title showed 'protokoll · None · Förslag till budget …'."""
    html = client.get("/cases/SLK-2023-00068").text
    assert "None" not in html
    assert "protokoll · Förslag till budget 2024" in html


def test_a_figure_cites_its_case_number_as_a_search_hit_does(client):
    """A figure's citation in the table and the basket lacked the dnr that the same passage's
    search hit carries ('Kommunfullmäktige, Göteborg, protokoll 2023-11-09 § 5, s. 1')."""
    rows = client.get("/api/figures", params={"municipality": "Göteborg"}).json()
    fig = next(r for r in rows if r["text"].startswith("14 500 tkr"))
    assert "§ 5, dnr SLK-2023-00101, s. " in fig["citation"]
    hit = next(h for h in client.get("/api/search", params={"q": "förskoleplatser centrum"}).json()["hits"]
               if h["item"] == "5")
    assert fig["citation"] == hit["citation"]
    shared = client.get("/basket/export", params={"format": "md", "items": f"f{fig['id']}"}).text
    assert "dnr SLK-2023-00101" in shared


def test_the_markdown_citation_pack_renders_no_html_or_link_from_a_document(client):
    """The basket's Markdown export put a document's '<script>alert(…)</script>' and
    '<img src=x onerror=…>' into the file as they were: any Markdown viewer ran them."""
    markdown_it = pytest.importorskip("markdown_it")
    hits = client.get("/api/search", params={"q": "förskoleplatser i Lund", "limit": 20}).json()["hits"]
    evil = next(h for h in hits if "<script>" in h["text"])
    md = client.get("/basket/export", params={"format": "md", "items": f"c{evil['chunk_id']}"}).text
    html = markdown_it.MarkdownIt("commonmark").render(md)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert('xss')&lt;/script&gt;" in html  # shown as written, not dropped
    assert md.count("[^1]") == 2


def test_the_cli_citation_pack_escapes_a_documents_markup_too(client, corpus):
    """`namndkoll cite` writes the same Markdown: a document's HTML shows as text there too."""
    markdown_it = pytest.importorskip("markdown_it")
    from namndkoll.search import cite_db

    hits = client.get("/api/search", params={"q": "förskoleplatser i Lund", "limit": 20}).json()["hits"]
    evil = next(h for h in hits if "<script>" in h["text"])
    html = markdown_it.MarkdownIt("commonmark").render(cite_db(None, chunk_ids=[evil["chunk_id"]], db=corpus))
    assert "<script" not in html and "<img" not in html and "evil.pdf" in html


def test_the_search_csv_says_which_hits_are_weak(client):
    """The page sets weak hits apart under 'Svaga träffar'; the CSV download lost that, so a
    journalist's sheet read every row as a sure match."""
    import csv
    import io

    params = {"q": "förskoleplatser i centrum", "limit": 20}
    hits = client.get("/api/search", params=params).json()["hits"]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/search", params={**params, "format": "csv"})
                                           .content.decode("utf-8-sig"))))
    assert [r["confidence"] for r in rows] == [h["confidence"] for h in hits]
    assert {r["confidence"] for r in rows} <= {"high", "weak"} and rows


def test_the_compare_matrix_names_each_rows_municipality(client):
    """Rows read 'Kommunfullmäktige § 4 / 2023-11-09 · …' with no municipality, so two
    municipalities' fullmäktige could not be told apart in one matrix."""
    m = client.get("/api/compare", params={"topic": "budget 2024"}).json()
    assert m["rows"] and all(r["municipality"] == "Göteborg" for r in m["rows"])
    html = client.get("/compare", params={"topic": "budget 2024"}).text
    assert "<small>Göteborg · 2023-10-25 · " in html and "<small>Göteborg · 2023-11-09 · " in html


def test_an_untitled_protocol_is_named_by_body_and_date_not_its_file(client, corpus):
    """A protocol (whose title is seldom read) was headed by its file name, 'kf-2023-11-09.pdf',
    in the hits, the document list and its own page."""
    name = "Kommunfullmäktige, Göteborg, protokoll 2023-11-09"
    html = client.get("/search", params={"q": "förskoleplatser i centrum"}).text
    assert re.search(rf'class="hit-title" href="[^"]+">{name}</a>', html)
    assert not re.search(r'class="hit-title" href="[^"]+">kf-2023-11-09\.pdf<', html)
    kf = next(d.id for d in api.documents(db=corpus) if Path(d.source).stem == "kf-2023-11-09")
    page = client.get(f"/documents/{kf}").text
    assert f"<h1>{name}</h1>" in page and "kf-2023-11-09.pdf" in page  # the file still named
    assert f'<a href="/documents/{kf}">{name}</a>' in client.get("/documents").text
    lund = client.get("/documents").text  # a titled document keeps its title
    assert ">Stärkt arbetsmarknadsfokus i Lund</a>" in lund


def test_tables_say_kinds_in_swedish_and_the_downloads_keep_the_stored_value(client):
    """The figures page showed 'amount', 'count' and the decisions page 'decided', in English,
    in the rows and in the Slag filter."""
    html = client.get("/figures", params={"kind": "amount"}).text
    cells = re.findall(r'<td class="c-kind">([^<]*)</td>', html)
    assert cells and set(cells) == {"belopp"}
    assert '<option value="amount" selected>belopp</option>' in html
    assert "amount" in client.get("/figures", params={"kind": "amount", "format": "csv"}).text
    decisions = client.get("/decisions").text
    assert set(re.findall(r'<td class="c-status">([^<]*)</td>', decisions)) <= {"beslut", "förslag till beslut"}
    assert re.search(r'<td class="c-status">beslut</td>', decisions)


def test_the_document_list_can_be_filtered_from_its_form(client):
    """/documents took municipality, committee, type and year in its URL but its form offered
    only a diarienummer: a user could not narrow a long list to one body or year."""
    html = client.get("/documents").text
    for field in ('name="municipality"', 'name="committee"', 'name="type"', 'name="year"', 'name="dnr"'):
        assert field in html
    lund = client.get("/documents", params={"municipality": "Lund", "type": "tjansteskrivelse"}).text
    assert "Stärkt arbetsmarknadsfokus i Lund" in lund and "Kommunfullmäktige, Göteborg" not in lund
    assert '<option value="tjansteskrivelse" selected>tjänsteskrivelse</option>' in lund
    assert "1 dokument" in lund
    assert "med de filtren" in client.get("/documents", params={"year": "1999"}).text


def test_a_document_page_gives_the_marked_passages_citation_to_copy(client):
    """Opened from a hit, the page said only 'Markerat: tecken 812–1044': the reference to paste
    (body, date, §, dnr, page) was left behind on the search page."""
    hit = next(h for h in client.get("/api/search", params={"q": "förskoleplatser i centrum"}).json()["hits"]
               if h["item"] == "5" and h["page"] == h["page_end"])
    html = client.get(hit["url"]).text
    assert f'Markerat stycke: <span class="citation">{hit["citation"]}</span>' in html
    assert f'data-copy="{hit["citation"]}"' in html
    assert "dnr SLK-2023-00101" in hit["citation"]


def test_a_passage_that_runs_onto_the_next_page_is_cited_over_both(client, corpus):
    """A hit on 's. 9–10' opened at page 9 was cited 's. 9' on the document page."""
    kf = next(d.id for d in api.documents(db=corpus) if Path(d.source).stem == "kf-2023-11-09")
    pages = client.get(f"/api/documents/{kf}").json()["pages"]
    start, end = pages[1]["start"] - 20, pages[1]["start"] + 30
    html = client.get(f"/documents/{kf}", params={"page": 1, "hl": f"{start}-{end}"}).text
    assert re.search(r'Markerat stycke: <span class="citation">[^<]*, s\. 1–2</span>', html)


def test_a_name_no_roll_call_lists_is_not_headed_as_if_it_had_voted(client):
    """/votes?member=Kalle Anka was headed 'Så röstade Kalle Anka' above 'Inget namnupprop
    listar ”Kalle Anka”'."""
    html = client.get("/votes", params={"member": "Kalle Anka"}).text
    assert "Inget namnupprop listar ”Kalle Anka”" in html
    assert "Så röstade" not in html and "<h1>Omröstningar</h1>" in html


def test_a_partys_roll_call_tally_is_not_shown_as_a_quote(client, monkeypatch):
    """The matrix put a party's tally in a vote ("2 ja, 1 nej") inside <q> behind the ” button, as
    if the protocol said it; it is namndkoll's count (the CLI prints it without quotation marks)."""
    from namndkoll.api.pages import CompareMatrix, MatrixCell, MatrixRow
    from namndkoll.web import compare

    row = MatrixRow("", 1, "Budget 2026", "Kommunfullmäktige", "2026-03-12", "6", "KF § 6", cells={
        "M": [MatrixCell("omröstning", "2 ja, 1 nej", 1, 1, 0, 10)],
        "S": [MatrixCell("reservation", "Ledamöterna från S reserverar sig.", 1, 1, 20, 50)]})
    matrix = CompareMatrix("budget", "party", ["M", "S"], [row], 2, 0)
    monkeypatch.setattr(compare.api, "compare_matrix", lambda *a, **k: matrix)
    html = client.get("/compare", params={"topic": "budget"}).text
    assert "<q>2 ja, 1 nej</q>" not in html and '<small class="tally">2 ja, 1 nej</small>' in html
    assert "<q>Ledamöterna från S reserverar sig.</q>" in html
