"""A nämndsekreterare who uses the keyboard only (or a screen reader) on the web page: every page
made them tab through the twelve menu links before reaching the page's own content, with no way
past them; a search's results page had no main heading (its headings began with the facets'
'Kommun', a level below the hits' titles); and the menu did not say which page was open."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from namndkoll import api

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_ingest_batch import make_pdf
    from test_search import FakeEmbedder

    from namndkoll.corpus import opened
    from namndkoll.search import index_corpus

    tmp = tmp_path_factory.mktemp("w69web")
    text = ("Alingsås kommun\nKommunstyrelsen\nProtokoll\nSammanträdesdatum: 2026-05-11\n"
            "§ 77 Dnr 2026.013 KS\nMarknadsmässiga räntepåslag 2027\nBeslut\n"
            "Kommunstyrelsen föreslår att räntepåslaget fastställs till 0,46 procent.\n")
    make_pdf(tmp / "ks.pdf", [text])
    db = tmp / "c.db"
    assert not api.ingest([tmp / "ks.pdf"], db=db, index=False).failed
    with opened(db, write=True) as store:
        index_corpus(store, FakeEmbedder())
    return db


@pytest.fixture(scope="module")
def client(corpus: Path):
    from fastapi.testclient import TestClient
    from test_search import FakeEmbedder

    from namndkoll.web.app import create_app

    tmp = corpus.parent
    return TestClient(create_app(corpus, embedder=FakeEmbedder(), cache_dir=tmp / "cache", upload_dir=tmp / "up",
                                 warm=False))


def _body(html: str) -> str:
    return html.split("<body>", 1)[1]


@pytest.mark.parametrize("url", ["/", "/search?q=räntepåslag", "/documents", "/documents/1", "/figures",
                                 "/cases/2026.013 KS", "/basket", "/status"])
def test_the_first_tab_stop_skips_to_the_page_content(client, url: str) -> None:
    html = client.get(url).text
    first = re.search(r"<(a|button|input|select|textarea|summary)\b[^>]*>", _body(html))
    assert first and 'href="#main"' in first.group(0), first and first.group(0)
    assert re.search(r'<main id="main"', html)
    assert '<html lang="sv">' in html


def test_a_results_page_has_one_main_heading_above_the_hits(client) -> None:
    html = client.get("/search?q=räntepåslag").text
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert "räntepåslag" in re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL).group(1)
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels  # no level skipped


def test_the_menu_says_which_page_is_open(client) -> None:
    html = client.get("/figures").text
    nav = re.search(r'<nav aria-label="Huvudmeny">(.*?)</nav>', html, re.DOTALL)
    assert nav and re.findall(r'<a href="([^"]+)"[^>]*aria-current="page"', nav.group(1)) == ["/figures"]


def test_the_baskets_text_field_is_named(client, corpus: Path) -> None:
    """A screen reader announced the basket's text to copy as a bare 'text field, read only'."""
    figure = api.extracted("figures", db=corpus)[0]["id"]
    html = client.get(f"/basket?items=f{figure}").text
    field = re.search(r'<textarea id="basket-text"[^>]*>', html)
    assert field and 'aria-labelledby="basket-text-label"' in field.group(0)
    assert re.search(r'<h2 id="basket-text-label">Som text</h2>', html)


def test_the_original_pdf_opens_at_the_page_shown(client, corpus: Path) -> None:
    """A secretary on page 21 of a protocol who wanted the PDF itself to show a politician had
    only 'Ladda ner PDF' (an attachment, opened at page 1). The page now links the original to
    the browser's PDF viewer at #page=N, answered inline under a policy that lets the viewer show
    the PDF (the pages' object-src 'none' blocks it: Chromium never finished loading) and
    allows nothing else."""
    html = client.get("/documents/1?page=1").text
    link = re.search(r'<a href="(/documents/1/original\.pdf\?inline=1#page=1)">Öppna PDF:en på s\. 1</a>', html)
    assert link, re.findall(r'<a href="/documents/1/original[^>]*>[^<]*', html)
    r = client.get(link.group(1).split("#")[0])
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert r.headers["content-disposition"].startswith("inline")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "object-src 'self'" in csp and "script-src" not in csp
    download = client.get("/documents/1/original.pdf")
    assert download.headers["content-disposition"].startswith("attachment")
    assert "object-src 'none'" in download.headers["content-security-policy"]


def _upload(client, files: list[tuple[str, bytes]]) -> str:
    import time

    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/upload").text).group(1)
    r = client.post("/upload", data={"csrf": token}, follow_redirects=False,
                    files=[("files", (name, data, "application/pdf")) for name, data in files])
    assert r.status_code == 303, r.text
    job = r.headers["location"].rsplit("/", 1)[1]
    for _ in range(300):
        if client.get(f"/api/uploads/{job}").json()["done"]:
            break
        time.sleep(0.1)
    return client.get(f"/upload/{job}").text


def test_the_upload_page_says_in_swedish_what_became_of_each_file(client, corpus: Path) -> None:
    """A municipal officer uploading a protocol that was already in, with a Word file by mistake,
    read 'anteckningar.docx: not a PDF (no %PDF header); only PDF files can be ingested' and
    'ks.pdf: redan inläst – already ingested' on the Swedish page."""
    pdf = next(corpus.parent.glob("ks.pdf")).read_bytes()
    page = _upload(client, [("ks.pdf", pdf), ("anteckningar.docx", b"PK\x03\x04 not a pdf")])
    said = re.sub(r"<[^>]+>", "", page.split("<main", 1)[1])
    assert "anteckningar.docx: inte en PDF" in said, said
    assert "redan inläst" in said or "samma innehåll som" in said, said
    for english in ("not a PDF", "already ingested", "only PDF files", "same content as"):
        assert english not in said, said


def test_a_page_read_by_ocr_says_so_beside_its_text(tmp_path: Path) -> None:
    """A secretary quoting Nykarleby's välfärdsnämnd (21 of 25 pages read by OCR from broken
    fonts) got the text and the 'Kopiera källa' button with no word that the text was read from
    the image and may hold misread words and figures; an unreadable page said nothing either."""
    from fastapi.testclient import TestClient

    from namndkoll.corpus import store
    from namndkoll.corpus.db import open_db, transaction
    from namndkoll.types import Document, Metadata, Page
    from namndkoll.web.app import create_app

    md = Metadata(None, "Nykarleby", "Välfärdsnämnden", "protokoll", "2022-09-15")
    pages = [Page(1, "Välfärdsnämnden sammanträder."), Page(2, "Budgeten ökar med 3,6 miljoner euro.", ocr="ocr"),
             Page(3, "", ocr="unreadable")]
    db = tmp_path / "o.db"
    conn = open_db(db)
    try:
        with transaction(conn):
            doc_id = store.replace_document(conn, Document(str(tmp_path / "n.pdf"), "c" * 64, tuple(pages), md))
    finally:
        conn.close()
    client = TestClient(create_app(db, read_only=True, warm=False))
    assert "OCR-läst" not in client.get(f"/documents/{doc_id}?page=1").text
    assert "Texten på sidan är OCR-läst" in client.get(f"/documents/{doc_id}?page=2").text
    assert "textlager går inte att läsa" in client.get(f"/documents/{doc_id}?page=3").text
