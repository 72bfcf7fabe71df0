"""The web's search page and its CSV say which hits quote a page Tesseract read, as `namndkoll
search` does since walk 23 ("read by OCR (s. N): check the quote against the page", `ocr_pages`
in --json, --csv and /api/search): the page showed such a quote as the PDF's own text, and the
sheet downloaded from it had no ocr_pages column. On both backends. The pages' OCR marks are read
by the store alone (``Store.ocr_read_pages``), no document loaded."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import served
from test_search import FakeEmbedder
from test_walk23_case import _ocr_read_doc

from namndkoll.corpus import opened
from namndkoll.search import index_corpus
from namndkoll.types import Document, Metadata, Page, with_offsets

SCANNED = "skannad-kf-2026-05-06.pdf"


def _corpus(db: str) -> None:
    """A protocol whose pages 2 and 3 Tesseract read, and one with a text layer throughout."""
    with opened(db, write=True) as st:
        with st.transaction():
            st.replace_document(_ocr_read_doc())
            st.replace_document(Document("/in/ks.pdf", "d" * 64, with_offsets([
                Page(1, "§ 12 Parkering\nBeslut\nKommunstyrelsen avslår initiativet om parkeringsdäck.")]),
                Metadata(None, "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-15"), size=10))
        index_corpus(st, FakeEmbedder())


def _hit_blocks(page: str) -> list[str]:
    """The search page's hits, each its <li> as HTML."""
    return re.findall(r'<li class="hit[^"]*" id="hit-\d+">.*?</li>', page, flags=re.DOTALL)


def test_the_search_page_marks_a_hit_quoting_a_page_read_by_ocr(db: str, tmp_path: Path) -> None:
    """Each hit whose passage lies on pages Tesseract read says so under its citation, with
    those pages (the same as /api/search's ``ocr_pages``); the others say nothing of OCR."""
    pytest.importorskip("fastapi")
    _corpus(db)
    with served(db, tmp_path, embedder=FakeEmbedder()) as client:
        for q in ("Miljöpartiet noterar", "parkeringsdäck"):
            hits = client.get("/api/search", params={"q": q}).json()["hits"]
            blocks = _hit_blocks(client.get("/search", params={"q": q}).text)
            assert hits and len(blocks) == len(hits)
            for block, hit in zip(blocks, hits, strict=True):
                assert f'id="hit-{hit["chunk_id"]}"' in block
                if hit["ocr_pages"]:
                    pages = ", ".join(map(str, hit["ocr_pages"]))
                    assert f'<p class="warn ocr">Läst med OCR (s. {pages}): kontrollera citatet mot sidan</p>' in block
                else:
                    assert "Läst med OCR" not in block
            if q == "Miljöpartiet noterar":  # the scanned protocol's note first, marked
                assert hits[0]["source"] == SCANNED and hits[0]["ocr_pages"]
            else:  # the text-layer protocol first, unmarked
                assert hits[0]["source"] == "ks.pdf" and not hits[0]["ocr_pages"]


def test_the_search_csv_gives_each_hits_ocr_read_pages(db: str, tmp_path: Path) -> None:
    """The sheet of hits ends with ocr_pages ("2 3", as `search --csv` writes it) just before
    item_number, so that no other column moves; a hit from a page with a text layer has none."""
    pytest.importorskip("fastapi")
    _corpus(db)
    with served(db, tmp_path, embedder=FakeEmbedder()) as client:
        hits = client.get("/api/search", params={"q": "Miljöpartiet noterar"}).json()["hits"]
        sheet = client.get("/api/search", params={"q": "Miljöpartiet noterar", "format": "csv"}).content.decode("utf-8-sig")
        plain = client.get("/api/search", params={"q": "parkeringsdäck", "format": "csv"}).content.decode("utf-8-sig")
    assert sheet.splitlines()[0].split(",")[-3:] == ["also_in", "ocr_pages", "item_number"]
    rows = list(csv.DictReader(io.StringIO(sheet)))
    assert [r["ocr_pages"] for r in rows] == [" ".join(map(str, h["ocr_pages"])) for h in hits]
    assert rows[0]["source"] == SCANNED and rows[0]["ocr_pages"] in ("2", "2 3")
    first = next(csv.DictReader(io.StringIO(plain)))
    assert (first["source"], first["ocr_pages"]) == ("ks.pdf", "")
