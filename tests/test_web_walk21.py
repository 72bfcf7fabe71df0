"""Walk 21 (docs/walks/twenty-first-session-cite.md) on the web page: what walk 20 left, seen by a
municipal officer drafting a yttrande. Real reportlab PDFs, a whole ingest, the fake embedder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import served
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from test_web import KS, indexed

fastapi = pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("walk21")
    kept = tmp / "server" / "uploads" / "99385af6"  # where a server keeps what was uploaded
    kept.mkdir(parents=True)
    make_pdf(kept / "ks-2023-10-25.pdf", [KS[0] + "Kostnaden för budgetarbetet beräknas till 1 500 000 kronor.\n"])
    return indexed([kept / "ks-2023-10-25.pdf"], tmp / "corpus.db")


@pytest.fixture(scope="module")
def client(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("home")
    with served(corpus, home, embedder=FakeEmbedder()) as c:
        yield c


def _sources(obj: object) -> list[str]:
    """Every value of a "source" key in a JSON answer."""
    if isinstance(obj, dict):
        return [v for k, v in obj.items() if k == "source" and isinstance(v, str)] + [
            s for v in obj.values() for s in _sources(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _sources(v)]
    return []


@pytest.mark.parametrize("url", [
    "/api/figures", "/api/decisions", "/api/positions", "/api/people", "/api/votes",
    "/api/documents", "/api/search?q=budget+2024",
])
def test_json_gives_the_file_name_not_the_server_path(client, url):
    """Walk 20 (not fixed): the JSON `source` of every list was the path on the server
    (".../uploads/99385af6/ks-2023-10-25.pdf"), which says where it keeps its files and opens
    nothing for the reader; the page and the basket give the file name."""
    got = _sources(client.get(url).json())
    assert got, url
    assert set(got) == {"ks-2023-10-25.pdf"}, url


def test_a_documents_own_json_gives_the_file_name(client):
    doc = client.get("/api/documents").json()[0]
    assert client.get(f"/api/documents/{doc['document_id']}").json()["source"] == "ks-2023-10-25.pdf"


@pytest.mark.parametrize("url", ["/api/figures?format=csv", "/api/decisions?format=csv", "/figures?format=csv",
                                 "/api/votes?format=csv", "/api/search?q=budget+2024&format=csv",
                                 "/api/compare?topic=budget&format=csv"])
def test_table_downloads_give_the_file_name(client, url):
    """The 'fil' column of the tables' downloads was the server's path too."""
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))
    head = rows[0]
    col = head.index("fil") if "fil" in head else head.index("source")
    assert len(rows) > 1 and {r[col] for r in rows[1:]} == {"ks-2023-10-25.pdf"}, url


def test_xlsx_download_gives_the_file_name(client):
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(client.get("/api/figures?format=xlsx").content)).active
    head = [c.value for c in ws[1]]
    col = head.index("fil")
    assert {r[col] for r in ws.iter_rows(min_row=2, values_only=True)} == {"ks-2023-10-25.pdf"}


def test_the_search_box_does_not_take_the_focus_before_the_skip_link(client):
    """Walk 20: the box's autofocus put "Hoppa till innehållet" after every link in the Tab order
    (tests/test_web_browser.py presses Tab in chromium)."""
    html = client.get("/").text
    assert 'class="skip"' in html
    assert "autofocus" not in html


def test_json_is_still_json(client):
    assert json.loads(client.get("/api/figures").content)
