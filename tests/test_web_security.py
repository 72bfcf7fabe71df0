"""Security of `namndkoll serve`: untrusted document text is escaped, files are reached by
document id only, uploads are limited, --read-only refuses writes, POSTs need the CSRF token,
and spreadsheet cells never start a formula. Same corpus as tests/test_web.py."""

from __future__ import annotations

import csv
import inspect
import io
import os
from pathlib import Path

import pytest
from test_search import FakeEmbedder
from test_web import build_corpus, doc_id

from namndkoll import api
from namndkoll.errors import NotAPdfError, NotFoundError

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from namndkoll.web import create_app
from namndkoll.web.export import csv_bytes, neutralise, xlsx_bytes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("websec"))


def _app(corpus: Path, tmp: Path, **kw: object) -> TestClient:
    return TestClient(
        create_app(
            corpus,
            embedder=FakeEmbedder(),
            cache_dir=tmp / "cache",
            upload_dir=tmp / "uploads",
            **kw,
        )
    )


@pytest.fixture
def client(corpus: Path, tmp_path: Path):
    with _app(corpus, tmp_path) as c:
        yield c


def _token(c: TestClient) -> str:
    c.get("/")
    return c.cookies["nk_csrf"]


# ---- untrusted text --------------------------------------------------------------------------


def test_a_pdf_with_script_renders_as_text_everywhere(client, corpus):
    evil = doc_id(corpus, "evil")
    pages = [
        client.get("/search", params={"q": "förskoleplatser"}),
        client.get(f"/documents/{evil}"),
        client.get("/documents"),
        client.get("/figures"),
        client.get("/people"),
        client.get("/status"),
        client.get("/basket", params={"items": "f1.f2.f3"}),
    ]
    for r in pages:
        assert r.status_code == 200
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, r.url
    doc = client.get(f"/documents/{evil}").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(1)&gt;" in doc
    assert (
        client.get(f"/documents/{evil}")
        .headers["content-security-policy"]
        .startswith("default-src 'self'")
    )
    # the JSON API hands the text over as data
    data = client.get("/api/search", params={"q": "förskoleplatser"}).json()
    assert any("<script>alert('xss')</script>" in h["text"] for h in data["hits"])


def test_query_and_parameters_are_escaped_too(client):
    r = client.get("/search", params={"q": '"><script>alert(1)</script>', "committee": "<b>x</b>"})
    assert r.status_code == 200 and "<script>alert(1)" not in r.text and "<b>x</b>" not in r.text
    assert "&lt;script&gt;" in r.text


# ---- files by id only ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/documents/..%2F..%2F..%2Fetc%2Fpasswd",
        "/documents/1/pages/..%2F..%2F..%2Fetc%2Fpasswd.png",
        "/documents/1/pages/1.png/../../../../etc/passwd",
        "/documents/%2Fetc%2Fpasswd/original.pdf",
        "/documents/-1/original.pdf",
        "/documents/1/pages/0.png",
        "/static/../../../../etc/passwd",
        "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/api.py",
        "/static/..%2Fcommon.py",
        "/upload/..%2F..%2Fetc%2Fpasswd",
        "/api/uploads/../../etc/passwd",
    ],
)
def test_path_traversal_reaches_no_file(client, url):
    r = client.get(url)
    assert r.status_code in (400, 404, 422), (url, r.status_code)
    assert b"root:" not in r.content and b"def " not in r.content and b"import" not in r.content


def test_a_document_whose_file_changed_or_went_is_not_served(tmp_path):
    from test_ingest_batch import make_pdf

    pdf = make_pdf(tmp_path / "a.pdf", ["Lunds kommun\nSocialnämnden\nEn sida om förskolan.\n"])
    db = tmp_path / "c.db"
    api.ingest([pdf], db=db, index=False, extract=False)
    doc = api.documents(db=db)[0].id
    with _app(db, tmp_path) as c:
        assert c.get(f"/documents/{doc}/original.pdf").status_code == 200
        pdf.write_bytes(pdf.read_bytes() + b"\n% changed\n")
        assert c.get(f"/documents/{doc}/original.pdf").status_code == 404
        assert c.get(f"/documents/{doc}/pages/1.png", params={"size": "large"}).status_code == 404
        assert "Sidbilden kan inte visas" in c.get(f"/documents/{doc}").text
        pdf.unlink()
        assert c.get(f"/documents/{doc}/original.pdf").status_code == 404
    with pytest.raises(NotFoundError):
        api.original_pdf(10**9, db=db)


def test_an_uploaded_name_never_becomes_a_path(tmp_path):
    saved = api.save_upload(
        "../../../etc/cron.d/evil.pdf", b"%PDF-1.4\n%%EOF\n", folder=tmp_path / "up"
    )
    assert saved.parent.parent == tmp_path / "up" and saved.name == "evil.pdf"
    saved = api.save_upload("..\\..\\win.pdf", b"%PDF-1.4\n%%EOF\n", folder=tmp_path / "up")
    assert saved.parent.parent == tmp_path / "up" and saved.name == "win.pdf"
    with pytest.raises(NotAPdfError, match="not a PDF"):
        api.save_upload("x.pdf", b"<html>not a pdf</html>", folder=tmp_path / "up")


# ---- uploads -----------------------------------------------------------------------------------


def _pdf_bytes(size: int) -> bytes:
    return b"%PDF-1.4\n" + b"0" * size


def test_an_oversized_upload_is_refused_and_nothing_is_stored(corpus, tmp_path):
    before = len(api.documents(db=corpus))
    with _app(corpus, tmp_path, max_upload_mb=0.1) as c:
        token = _token(c)
        r = c.post(
            "/upload",
            data={"csrf": token},
            files={"files": ("big.pdf", _pdf_bytes(400_000), "application/pdf")},
        )
        assert r.status_code == 413 and "för stor" in r.text

        def chunks():  # no Content-Length: the limit holds while the body streams in
            yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n\r\n%PDF-1.4\n'
            for _ in range(40):
                yield b"0" * 16_384

        r = c.post(
            "/upload", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
        )
        assert r.status_code == 413
    assert not (tmp_path / "uploads").exists() or not any((tmp_path / "uploads").rglob("*.pdf"))
    assert len(api.documents(db=corpus)) == before


def test_only_pdfs_are_taken(client, tmp_path):
    token = _token(client)
    r = client.post(
        "/upload", data={"csrf": token}, files={"files": ("notes.pdf", b"hello", "application/pdf")}
    )
    assert r.status_code == 400 and "notes.pdf: inte en PDF" in r.text  # the page says it in Swedish
    assert not any((tmp_path / "uploads").rglob("*")) if (tmp_path / "uploads").exists() else True


def test_read_only_refuses_every_write(corpus, tmp_path):
    before = len(api.documents(db=corpus))
    mtime = os.stat(corpus).st_mtime_ns
    with _app(corpus, tmp_path, read_only=True) as c:
        token = _token(c)
        r = c.post(
            "/upload",
            data={"csrf": token},
            files={"files": ("ok.pdf", _pdf_bytes(100), "application/pdf")},
        )
        assert r.status_code == 403 and "--read-only" in r.text
        assert "uppladdning är avstängd" in c.get("/upload").text
        assert 'href="/upload"' not in c.get("/").text
        assert c.get("/api/health").json()["read_only"] is True
        # the basket lives in the browser's cookie: no write to the corpus
        assert c.post("/basket/add", data={"ref": "c1", "csrf": token}).status_code == 200
    assert not (tmp_path / "uploads").exists()
    assert len(api.documents(db=corpus)) == before and os.stat(corpus).st_mtime_ns == mtime


# ---- CSRF and redirects ----------------------------------------------------------------------


def test_posts_need_the_csrf_token_and_this_origin(client):
    assert client.post("/basket/add", data={"ref": "c1"}).status_code == 403
    assert client.post("/basket/add", data={"ref": "c1", "csrf": "x" * 43}).status_code == 403
    token = _token(client)
    r = client.post(
        "/basket/add", data={"ref": "c1", "csrf": token}, headers={"origin": "http://evil.example"}
    )
    assert r.status_code == 403
    assert (
        client.post(
            "/upload", files={"files": ("a.pdf", _pdf_bytes(10), "application/pdf")}
        ).status_code
        == 403
    )


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]
)
def test_redirect_after_a_post_stays_on_this_server(client, target):
    token = _token(client)
    r = client.post(
        "/basket/add", data={"ref": "c1", "csrf": token, "next": target}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == "/basket"


def test_serve_binds_to_loopback_by_default():
    from namndkoll.commands.serve import serve_cmd

    assert inspect.signature(serve_cmd).parameters["host"].default == "127.0.0.1"


# ---- spreadsheets ----------------------------------------------------------------------------


def test_csv_and_xlsx_cells_that_would_be_formulas_are_neutralised(client):
    from openpyxl import load_workbook

    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/people", params={"format": "csv"}).content.decode("utf-8-sig"))
        )
    )
    anna = next(r for r in rows if r["namn"] == "Anna Andersson")
    assert anna["rad"].startswith("'=HYPERLINK(")
    ws = load_workbook(io.BytesIO(client.get("/people", params={"format": "xlsx"}).content)).active
    cells = [
        c
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert cells and all(c.value.startswith("'=") and c.data_type == "s" for c in cells)
    api_csv = client.get("/api/people", params={"format": "csv"}).content.decode("utf-8-sig")
    assert ",=HYPERLINK" not in api_csv and "'=HYPERLINK" in api_csv


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=1+2", "'=1+2"),
        ("+46 31 123", "'+46 31 123"),
        ("-5 mkr", "'-5 mkr"),
        ("-", "-"),  # an independent's party code: no formula (walk64)
        ("- 5", "'- 5"),
        ("-=1+2", "'-=1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("budget", "budget"),
        (-5, -5),
        (1550000.0, 1550000.0),
        (None, ""),
        (["S", "V"], "S; V"),
    ],
)
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


def test_xlsx_holds_no_formula_whatever_the_text():
    from openpyxl import load_workbook

    data = xlsx_bytes([{"a": "=SUM(1,2)", "b": 3}], ["a", "b"])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A2"].value == "'=SUM(1,2)" and ws["A2"].data_type == "s" and ws["B2"].value == 3
    assert csv_bytes([{"a": "@x"}], ["a"]).decode("utf-8-sig").splitlines()[1] == "'@x"


def test_the_browser_icon_is_served_so_no_visit_logs_a_404(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'rel="icon" href="/static/favicon.svg"' in page.text
    for url in ("/static/favicon.svg", "/favicon.ico"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("image/svg+xml")
        assert r.content.startswith(b"<svg")
