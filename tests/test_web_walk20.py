"""Walk 20 of the web page (docs/walks/twentieth-session-web.md): what a journalist and a
municipal official, who never use the CLI, saw wrong on `namndkoll serve`. Real reportlab PDFs,
a whole ingest, the fake embedder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import served
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from test_web import KS, indexed

from namndkoll import api

fastapi = pytest.importorskip("fastapi")


# an underlag that names its municipality but no body and no date (Alingsås' "Underlag ramar")
BARE = ["Alingsås kommun\nUnderlag ramar 2027-2029\nRamarna för nämnderna föreslås öka med 2 procent.\n"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("walk20")
    make_pdf(tmp / "ks-2023-10-25.pdf", KS)
    make_pdf(tmp / "ramar.pdf", BARE)
    return indexed([tmp / "ks-2023-10-25.pdf", tmp / "ramar.pdf"], tmp / "corpus.db")


@pytest.fixture(scope="module")
def client(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("home")
    with served(corpus, home, embedder=FakeEmbedder()) as c:
        yield c


def _bare(corpus: Path) -> Any:
    return next(d for d in api.documents(db=corpus) if Path(d.source).stem == "ramar")


def test_documents_list_marks_a_missing_date_and_body(client, corpus):
    """The list left the cells blank where the CLI prints '?': an official could not tell 'not
    read' from 'none'."""
    bare = _bare(corpus)
    assert bare.date is None and bare.committee is None  # the fixture: nothing to find
    html = client.get("/documents").text
    row = next(r for r in html.split("<tr>") if f'href="/documents/{bare.id}"' in r)
    cells = re.findall(r"<td>(.*?)</td>", row, re.DOTALL)
    assert 'class="missing"' in cells[0] and "saknas" in cells[0]  # Datum
    assert 'class="missing"' in cells[2]  # Nämnd


def test_document_page_says_which_fields_are_missing(client, corpus):
    """The page left Nämnd out altogether when it was not found."""
    bare = _bare(corpus)
    html = client.get(f"/documents/{bare.id}").text
    meta = html.split('<dl class="meta">', 1)[1].split("</dl>", 1)[0]
    assert re.search(r"<dt>Nämnd</dt><dd><span class=\"missing\"[^>]*>saknas</span></dd>", meta)
    assert re.search(r"<dt>Datum</dt><dd><span class=\"missing\"", meta)
    assert "<dt>Kommun</dt><dd>Alingsås</dd>" in meta


def test_api_refuses_a_filter_it_does_not_read(client):
    """/api/search?year=2026 (the name /api/documents and the CLI's --year use) answered every
    year, as if filtered; the search's own names are from/to."""
    r = client.get("/api/search", params={"q": "budget", "year": "2026"})
    assert r.status_code == 422
    error = r.json()["error"]
    assert "year" in error and "from" in error and "to" in error
    assert client.get("/api/search", params={"q": "budget", "from": "2023", "to": "2023"}).status_code == 200
    assert client.get("/api/documents", params={"year": "2023"}).status_code == 200
    # the pages keep their leniency: the form shows which filters were applied
    assert client.get("/search", params={"q": "budget", "year": "2026"}).status_code == 200


def test_table_api_refuses_a_filter_its_table_has_no_column_for(client):
    """/api/figures?party=S gave every figure (1,160 of 1,160 in the walk's corpus) as if
    filtered by party; /api/positions?party=S filters."""
    every = client.get("/api/figures").json()
    assert every
    r = client.get("/api/figures", params={"party": "S"})
    assert r.status_code == 422 and "party" in r.json()["error"]
    assert client.get("/api/decisions", params={"unit": "SEK"}).status_code == 422
    assert client.get("/api/positions", params={"party": "S"}).status_code == 200
    assert client.get("/api/figures", params={"kind": "amount"}).status_code == 200


def test_upload_from_the_page_script_gets_the_reason_it_was_refused(client):
    """The upload form (app.js, X-Requested-With: fetch) said only 'Uppladdningen misslyckades
    (400)' for a text file named .pdf: the server's reason came back as an HTML page it cannot read."""
    client.get("/upload")
    token = client.cookies["nk_csrf"]
    r = client.post(
        "/upload",
        files={"files": ("anteckningar.pdf", b"hej, inte en pdf\n", "application/pdf")},
        data={"csrf": token},
        headers={"X-Requested-With": "fetch"},
    )
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    assert "anteckningar.pdf" in r.json()["error"]


def test_basket_csv_names_the_file_not_the_servers_path(client, corpus):
    """The basket's CSV gave the server's path of an uploaded PDF
    (/root/.local/share/namndkoll/uploads/<hash>/…) in its "fil" column."""
    import csv
    import io

    hit = client.get("/api/search", params={"q": "budget"}).json()["hits"][0]
    text = client.get("/basket/export", params={"format": "csv", "items": f"c{hit['chunk_id']}"}).content
    rows = list(csv.DictReader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows and rows[0]["fil"] == Path(hit["source"]).name
    assert "/" not in rows[0]["fil"]
