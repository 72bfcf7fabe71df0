"""`namndkoll serve`: the web app over a real corpus in tmp_path, through FastAPI's TestClient.

The corpus is real PDFs (reportlab) run through the whole ingest and extraction: a
kommunstyrelse protocol and a kommunfullmäktige protocol of the same case (SLK-2023-00068),
a Lund tjänsteskrivelse, and a hostile party document whose text holds HTML and a formula.
The search index uses the fake embedder of test_search (hashed word stems), so these tests
are fast; tests/test_web_browser.py drives a real Chromium over the sample with the real model.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import served
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder

from namndkoll import api
from namndkoll.cli import app as cli_app
from namndkoll.corpus import opened
from namndkoll.search import index_corpus

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

KS = [
    """Göteborgs Stad Kommunstyrelsen
Protokoll nr 30
Sammanträdesdatum: 2023-10-25
§ 12 Ärendenummer SLK-2023-00068
Förslag till budget 2024 och flerårsplaner 2025–2026
Beslut
Kommunstyrelsen föreslår kommunfullmäktige att fastställa budget 2024 enligt
Socialdemokraternas, Vänsterpartiets och Miljöpartiets förslag.
Yrkanden
Jonas Attenius (S) yrkar bifall till Socialdemokraternas, Vänsterpartiets och
Miljöpartiets förslag till budget 2024.
Axel Josefson (M) yrkar bifall till Moderaternas, Liberalernas och Kristdemokraternas
förslag till budget 2024.
Omröstning
Omröstningen utfaller med 7 Ja mot 6 Nej.
Reservation
Ledamöterna från M, L och KD reserverar sig mot beslutet till förmån för det egna
yrkandet om budget 2024.
"""
]
KF = [
    """Göteborgs Stad Kommunfullmäktige
Protokoll nr 10
Sammanträdesdatum: 2023-11-09
§ 4 Ärendenummer SLK-2023-00068
Förslag till budget 2024 och flerårsplaner 2025–2026
Beslut
Socialdemokraternas, Vänsterpartiets och Miljöpartiets förslag till budget 2024 fastställs.
Skattesatsen fastställs till 21:12 öre per skattekrona.
Yrkanden
Jonas Attenius (S) yrkar bifall till kommunstyrelsens förslag.
Axel Josefson (M) yrkar bifall till Moderaternas förslag till budget 2024.
Omröstning
Omröstningen utfaller med 44 Ja mot 37 Nej.
Reservation
Ledamöterna från M reserverar sig mot beslutet till förmån för det egna yrkandet.
""",
    """Göteborgs Stad Kommunfullmäktige
Protokoll nr 10
Sammanträdesdatum: 2023-11-09
§ 5 Ärendenummer SLK-2023-00101
Förskoleplatser i centrum
Beslut
Kommunfullmäktige beslutar att utöka antalet platser i förskolan i centrala Göteborg
med 120 platser till hösten 2024. Kostnaden beräknas till 14 500 tkr per år.
Reservation
Vänsterpartiet reserverar sig mot beslutet. Förskolan behöver mindre barngrupper,
inte bara fler platser.
""",
]
TS = [
    """Lunds kommun
Socialförvaltningen
Tjänsteskrivelse
2021-01-05
Dnr SO 2020/0129
Stärkt arbetsmarknadsfokus i Lund
Förslag till beslut
Socialnämnden föreslås besluta
- att godkänna inriktningen och förslagen i ärendet
Sammanfattning
Anställning med stöd, introduktionsjobb, genererar en kostnad för arbetsgivaren med
cirka 8 000 kronor per månad och riktas mot nyanlända.

=1+2 kostar 500 000 kronor enligt kalkylen.
"""
]
# document text is untrusted: markup and a spreadsheet formula, as a PDF may carry them
EVIL = [
    """Lunds kommun
Socialnämnden
Skrivelse
2022-03-01
<script>alert('xss')</script> om förskoleplatser i Lund
Vi vill ha fler förskoleplatser. <img src=x onerror=alert(1)> 300 platser behövs.
=HYPERLINK("http://example.invalid") Anna Andersson (S) yrkar bifall.
"""
]
PDFS = {"ks-2023-10-25": KS, "kf-2023-11-09": KF, "lund-ts": TS, "evil": EVIL}


def indexed(paths: list[Path], db: Any, *, embedder: object | None = None) -> Any:
    """``paths`` (PDFs or folders) ingested into the corpus at ``db`` (a SQLite file or a
    postgresql:// URL), every file read, then indexed with ``embedder`` (fake by default)."""
    report = api.ingest(paths, db=db, index=False)
    assert not report.failed, report.failed
    with opened(db, write=True) as store:
        index_corpus(store, embedder or FakeEmbedder())
    return db


def write_pdfs(folder: Path) -> Path:
    """The corpus's PDFs (``PDFS``) written into ``folder``/pdf."""
    pdfs = folder / "pdf"
    pdfs.mkdir(parents=True, exist_ok=True)
    for name, pages in PDFS.items():
        make_pdf(pdfs / f"{name}.pdf", pages)
    return pdfs


def build_corpus(folder: Path, *, embedder: object | None = None) -> Path:
    """Real PDFs ingested into a real SQLite corpus, indexed with ``embedder`` (fake by default)."""
    return indexed([write_pdfs(folder)], folder / "corpus.db", embedder=embedder)


def doc_id(db: Path, name: str) -> int:
    return next(d.id for d in api.documents(db=db) if Path(d.source).stem == name)


def kf_hit(client: TestClient, db: Path, query: str) -> dict:
    """The best hit of ``query`` in the KF protocol (the hostile document also says förskoleplatser)."""
    kf = doc_id(db, "kf-2023-11-09")
    hits = client.get("/api/search", params={"q": query}).json()["hits"]
    return next(h for h in hits if h["document"]["id"] == kf)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("home")
    with served(corpus, home, embedder=FakeEmbedder()) as c:
        yield c


def csrf(client: TestClient) -> str:
    client.get("/basket")
    return client.cookies["nk_csrf"]


# ---- search -------------------------------------------------------------------------------


def test_search_page_shows_hits_with_marked_words_page_link_thumbnail_and_citation(client, corpus):
    r = client.get("/search", params={"q": "förskoleplatser"})
    assert r.status_code == 200
    html = r.text
    kf = doc_id(corpus, "kf-2023-11-09")
    assert re.search(r"<mark>Förskoleplatser</mark>", html, re.IGNORECASE)
    assert (
        f'href="/documents/{kf}?page=2&amp;hl=' in html
    )  # the hit links to its page with the span
    assert re.search(rf'src="/documents/{kf}/pages/2\.png\?highlight=\d+-\d+&amp;size=thumb"', html)
    assert "Kommunfullmäktige, Göteborg, protokoll 2023-11-09 § 5, dnr SLK-2023-00101, s. 2" in html


def test_facets_count_hits_and_a_facet_narrows_them(client):
    all_hits = client.get("/api/search", params={"q": "budget 2024", "limit": 50}).json()
    munis = {f["value"]: f["count"] for f in all_hits["facets"]["municipality"]}
    assert munis.get("Göteborg", 0) >= 2
    parties = {f["value"] for f in all_hits["facets"]["party"]}
    assert {"S", "M"} <= parties
    narrowed = client.get(
        "/api/search", params={"q": "budget 2024", "committee": "Kommunstyrelsen"}
    ).json()
    assert narrowed["hits"] and len(narrowed["hits"]) < len(all_hits["hits"])
    assert {h["document"]["committee"] for h in narrowed["hits"]} == {"Kommunstyrelsen"}
    html = client.get("/search", params={"q": "budget 2024"}).text
    assert (
        'data-facet="committee" href="/search?q=budget+2024&amp;committee=Kommunstyrelsen"' in html
    )


def test_search_api_csv_and_empty_query(client):
    r = client.get("/api/search", params={"q": "introduktionsjobb", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows and "introduktionsjobb" in rows[0]["text"]
    assert client.get("/search").status_code == 200  # the start page: no query, no hits
    assert client.get("/api/search").status_code == 422


# ---- documents and page images ---------------------------------------------------------------


def test_document_page_marks_the_passage_and_lists_items_and_download(client, corpus):
    kf = doc_id(corpus, "kf-2023-11-09")
    hit = kf_hit(client, corpus, "förskoleplatser")
    r = client.get(
        f"/documents/{kf}", params={"page": hit["page"], "hl": f"{hit['start']}-{hit['end']}"}
    )
    assert r.status_code == 200
    assert '<mark id="hl">' in r.text
    assert f'src="/documents/{kf}/pages/2.png?highlight={hit["start"]}-{hit["end"]}"' in r.text
    assert "§ 4</a>" in r.text and "§ 5</a>" in r.text
    assert f'href="/documents/{kf}/original.pdf"' in r.text
    assert 'href="/cases/SLK-2023-00068"' in r.text
    by_item = client.get(f"/documents/{kf}", params={"item": "5"})
    assert "Text, sida 2" in by_item.text
    pdf = client.get(f"/documents/{kf}/original.pdf")
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"


def test_page_image_is_a_png_with_the_passage_boxed_and_cached(client, corpus):
    import numpy as np
    from PIL import Image

    def yellow(img: Image.Image) -> int:  # the highlight's fill over white paper
        px = np.asarray(img.convert("RGB")).astype(int)
        return int(((px[..., 0] > 200) & (px[..., 1] > 180) & (px[..., 2] < 150)).sum())

    kf = doc_id(corpus, "kf-2023-11-09")
    hit = kf_hit(client, corpus, "förskoleplatser")
    plain = client.get(f"/documents/{kf}/pages/2.png")
    boxed = client.get(
        f"/documents/{kf}/pages/2.png", params={"highlight": f"{hit['start']}-{hit['end']}"}
    )
    assert plain.headers["content-type"] == boxed.headers["content-type"] == "image/png"
    a = Image.open(io.BytesIO(plain.content)).convert("RGB")
    b = Image.open(io.BytesIO(boxed.content)).convert("RGB")
    assert a.size == b.size
    assert yellow(b) > 500 and yellow(a) == 0
    thumb = client.get(f"/documents/{kf}/pages/2.png", params={"size": "thumb"})
    assert Image.open(io.BytesIO(thumb.content)).size[0] < a.size[0] / 2
    again = client.get(
        f"/documents/{kf}/pages/2.png", params={"highlight": f"{hit['start']}-{hit['end']}"}
    )
    assert again.content == boxed.content
    assert client.get(f"/documents/{kf}/pages/9.png").status_code == 404


def test_span_boxes_from_page_layout():
    from namndkoll.types import Line, Page

    page = Page(
        1,
        "Beslut\nKommunfullmäktige beslutar",
        lines=(Line(0, 6, 50.0, 100.0, 86.0, 110.0), Line(7, 35, 50.0, 112.0, 218.0, 122.0)),
    )
    boxes = api.span_boxes(page, 3, 24)
    assert boxes[0] == (68.0, 100.0, 86.0, 110.0)  # "lut" of Beslut: the right half of the line
    assert boxes[1][0] == 50.0 and boxes[1][2] == pytest.approx(50.0 + 17 * 6.0)


def test_documents_list_json_and_missing_document(client, corpus):
    docs = client.get("/api/documents", params={"dnr": "SLK-2023-00068"}).json()
    assert {Path(d["source"]).stem for d in docs} == {"ks-2023-10-25", "kf-2023-11-09"}
    one = client.get(f"/api/documents/{docs[0]['id']}").json()
    assert one["pages"][0]["text"] and one["items"]
    assert client.get("/documents/999999").status_code == 404
    assert client.get("/api/documents/999999").json()["error"].startswith("Dokument 999999 finns inte")


# ---- tables ----------------------------------------------------------------------------------


def test_figures_table_writes_decimals_the_swedish_way_and_scrolls_in_its_own_box(tmp_path):
    """Alingsås BUN 2026-06-16 § 44 ('ska vara 66,6 % legitimerade förskollärare') showed
    '66.6' in the figures table; its twelve columns pushed the page to 1759 px at 1280."""
    make_pdf(tmp_path / "bun.pdf", ["""Alingsås kommun
Barn- och ungdomsnämnden
Protokoll 2026-06-16
§ 44 Dnr 2026.100 BUN
Kompetensförsörjning
Andelen legitimerade förskollärare ska vara 66,6 % och bufferten 4,25 mnkr.
"""])
    db = tmp_path / "c.db"
    assert not api.ingest([tmp_path / "bun.pdf"], db=db, index=False).failed
    with served(db, tmp_path, embedder=FakeEmbedder()) as c:
        html = c.get("/figures").text
    values = re.findall(r'<td class="c-value">([^<]*)</td>', html)
    assert "66,6" in values and "4 250 000" in values and not any("." in v for v in values), values
    assert '<div class="scroll">\n<table class="data">' in html


def test_tables_render_filter_and_download_csv_and_xlsx(client):
    from openpyxl import load_workbook

    html = client.get("/figures", params={"unit": "SEK"}).text
    assert "14 500 tkr per år" in html and "120 platser" not in html
    r = client.get("/figures", params={"format": "csv", "kind": "count"})
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert {row["text"] for row in rows} >= {"120 platser"} and all(
        row["slag"] == "count" for row in rows
    )
    x = client.get("/decisions", params={"format": "xlsx"})
    ws = load_workbook(io.BytesIO(x.content)).active
    assert ws["A1"].value == "datum" and ws.max_row >= 4
    votes = client.get("/api/votes").json()
    assert {(v["yes"], v["no"]) for v in votes} == {(7, 6), (44, 37)}
    positions = client.get("/api/positions", params={"party": "KD"}).json()
    assert [p["kind"] for p in positions] == ["reservation"]
    assert "Anna Andersson" in client.get("/people", params={"party": "S"}).text


# ---- compare and cases -----------------------------------------------------------------------


def test_compare_matrix_items_by_parties_with_links(client, corpus):
    m = client.get("/api/compare", params={"topic": "budget 2024"}).json()
    assert {"S", "M"} <= set(m["parties"])
    ks_row = next(r for r in m["rows"] if r["committee"] == "Kommunstyrelsen")
    assert {c["kind"] for c in ks_row["cells"]["M"]} >= {"reservation", "yrkande"}
    assert {c["kind"] for c in ks_row["cells"]["KD"]} == {"reservation"}
    html = client.get("/compare", params={"topic": "budget 2024"}).text
    ks = doc_id(corpus, "ks-2023-10-25")
    assert re.search(
        rf'class="cell kind-reservation" href="/documents/{ks}\?page=1&amp;hl=\d+-\d+#sida"', html
    )
    by_year = client.get("/api/compare", params={"topic": "budget 2024", "by": "year"}).json()
    assert "2023" in {r["group"] for r in by_year["rows"]}
    assert all(r["group"] == r["date"][:4] for r in by_year["rows"])


def test_case_timeline_goes_from_ks_to_kf_with_decisions_and_votes(client):
    case = client.get("/api/cases/SLK-2023-00068").json()
    assert [e["stage"] for e in case["entries"]] == ["KS", "KF"]
    assert case["bodies"] == ["Kommunstyrelsen", "Kommunfullmäktige"]
    assert (
        case["entries"][0]["votes"][0]["yes"] == 7 and case["entries"][1]["votes"][0]["yes"] == 44
    )
    html = client.get("/cases/slk 2023 00068").text  # any spacing
    assert html.index("Kommunstyrelsen § 12") < html.index("Kommunfullmäktige § 4")
    lund = client.get("/api/cases/SO%202020/0129").json()  # a dnr with a slash
    assert len(lund["entries"]) == 1 and lund["entries"][0]["stage"] == "nämnd"
    assert "Inget dokument" in client.get("/cases/XYZ-1999-1").text


# ---- basket ----------------------------------------------------------------------------------


def test_basket_add_reorder_export_markdown_csv_docx(client, corpus):
    from docx import Document

    token = csrf(client)
    hit = kf_hit(client, corpus, "förskoleplatser")
    fig = client.get("/api/figures", params={"unit": "SEK"}).json()[0]
    for ref in (f"c{hit['chunk_id']}", f"f{fig['id']}"):
        r = client.post(
            "/basket/add",
            data={"ref": ref, "csrf": token, "next": "/search?q=x"},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/search?q=x"
    md = client.get("/basket/export", params={"format": "md"}).text
    assert md.index("[^1]: Kommunfullmäktige") < md.index("[^2]:") and "s. 2." in md
    client.post("/basket/move", data={"ref": f"f{fig['id']}", "direction": "up", "csrf": token})
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/basket/export", params={"format": "csv"}).content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0]["slag"].startswith("siffra") and rows[1]["slag"] == "citat"
    doc = Document(io.BytesIO(client.get("/basket/export", params={"format": "docx"}).content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Källor" in text and "14 500 tkr" in text
    page = client.get("/basket").text
    assert page.count('action="/basket/move"') == 4
    shared = re.search(r'href="/basket\?items=([\w.]+)"', page).group(1)
    assert shared == f"f{fig['id']}.c{hit['chunk_id']}"
    client.post("/basket/clear", data={"csrf": token})
    assert "Korgen är tom" in client.get("/basket").text
    assert (
        "14 500 tkr" in client.get("/basket", params={"items": shared}).text
    )  # a shared basket still shows


def test_basket_add_from_script_answers_json(client):
    token = csrf(client)
    r = client.post(
        "/basket/add",
        data={"ref": "c1", "csrf": token},
        headers={"X-Requested-With": "fetch", "X-CSRF-Token": token},
    )
    assert r.json()["count"] >= 1
    client.post("/basket/clear", data={"csrf": token})


# ---- upload and status -----------------------------------------------------------------------


def test_upload_ingests_in_the_background_with_progress(client, tmp_path):
    import time

    token = csrf(client)
    text = "Lunds kommun\nKulturnämnden\nSkrivelse\n2024-02-01\nBiblioteket i Dalby får 2 nya tjänster.\n"
    pdf = make_pdf(tmp_path / "ny-skrivelse.pdf", [text])
    r = client.post(
        "/upload",
        data={"csrf": token},
        files={"files": ("ny skrivelse.pdf", pdf.read_bytes(), "application/pdf")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    job_id = r.headers["location"].rsplit("/", 1)[1]
    for _ in range(300):
        job = client.get(f"/api/uploads/{job_id}").json()
        if job["done"]:
            break
        time.sleep(0.1)
    assert job["state"] == "klar", job
    assert job["results"][0]["status"] == "ingested" and job["percent"] == 100
    doc = job["results"][0]["document_id"]
    assert "Dalby" in client.get(f"/documents/{doc}").text
    assert client.get("/api/search", params={"q": "biblioteket Dalby"}).json()[
        "hits"
    ]  # indexed too
    assert "klar" in client.get(f"/upload/{job_id}").text


def test_status_and_health_and_api_docs(client):
    html = client.get("/status").text
    assert "fake-hash-v1" in html and "Kommunstyrelsen" in html
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["documents"] >= 4 and health["read_only"] is False
    docs = client.get("/api/docs").text
    for path in (
        "/api/search",
        "/api/documents/{document_id}",
        "/api/figures",
        "/api/compare",
        "/api/cases/{dnr}",
        "/api/health",
    ):
        assert path in docs
    assert json.loads(client.get("/api/openapi.json").text)["paths"]


def test_serve_command_refuses_a_missing_corpus_in_read_only_mode(tmp_path):
    from typer.testing import CliRunner

    result = CliRunner().invoke(
        cli_app, ["serve", "--db", str(tmp_path / "none.db"), "--read-only"]
    )
    assert result.exit_code == 1 and "no database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_a_repeated_query_is_not_embedded_again(corpus):
    emb = FakeEmbedder()
    first = api.search_page("förskoleplatser", db=corpus, embedder=emb)
    calls = emb.calls
    again = api.search_page("förskoleplatser", db=corpus, embedder=emb, committee="Kommunfullmäktige")
    assert emb.calls == calls  # a facet click asks the same question: its vector is remembered
    assert again.hits and len(again.hits) <= len(first.hits)
    api.search_page("förskolan", db=corpus, embedder=emb)
    assert emb.calls == calls + 1


def test_search_page_shows_all_good_hits_on_request(client):
    html = client.get("/search", params={"q": "budget 2024", "limit": 2}).text
    assert len(re.findall(r'class="hit( weak)?"', html)) == 2
    link = re.search(r'href="/search\?([^"]*limit=(\d+)[^"]*)">visa alla', html)
    assert link and int(link.group(2)) > 2
    assert client.get("/search", params={"q": "budget", "limit": 999}).status_code == 422


def test_the_web_page_ranks_as_the_cli_does(corpus, monkeypatch):
    """The page counts facets over up to 50 hits but looks as widely as a search for the hits
    it shows: a secretary who pastes the query into the CLI gets the same first ones (and the
    page costs what that search costs, not five times the candidates)."""
    from namndkoll.search import hybrid, search

    asked: list[int] = []
    rank = hybrid.rank

    def spy(*args, **kwargs):
        asked.append(kwargs["candidates"])
        return rank(*args, **kwargs)

    monkeypatch.setattr(hybrid, "rank", spy)
    emb = FakeEmbedder()
    page = api.search_page("budget 2024", db=corpus, embedder=emb, limit=10)
    with opened(corpus) as store:
        cli = search(store, "budget 2024", emb, limit=10)
    assert asked[0] == asked[1]
    assert [h.chunk_id for h in page.hits] == [h.chunk_id for h in cli]
    assert page.total >= len(page.hits)


def test_the_pages_work_over_a_postgresql_corpus(pg_url: str, tmp_path: Path):
    """The same app over a served corpus (`serve --db postgresql://…`): search with citations
    and facets, the document page, its page image, the status page and a table as CSV."""
    indexed([write_pdfs(tmp_path)], pg_url)
    with served(pg_url, tmp_path, embedder=FakeEmbedder()) as c:
        res = c.get("/api/search", params={"q": "förskoleplatser"}).json()
        kf = next(h for h in res["hits"] if Path(h["source"]).stem == "kf-2023-11-09")
        assert kf["citation"].startswith("Kommunfullmäktige, Göteborg, protokoll 2023-11-09 § 5")
        assert {f["value"] for f in res["facets"]["municipality"]} >= {"Göteborg"}
        doc = kf["document"]["id"]
        page = c.get(kf["url"])
        assert page.status_code == 200 and "Förskoleplatser" in page.text
        img = c.get(kf["image"])
        assert img.status_code == 200 and img.headers["content-type"] == "image/png"
        assert c.get("/status").status_code == 200
        # what the corpus takes on the server (it said "databasen 0.0 MB": no file to measure)
        assert c.get("/api/status").json()["db_bytes"] > 100_000
        votes = c.get("/api/votes", params={"format": "csv"})
        assert votes.status_code == 200 and "ja,nej,avstår" in votes.text.splitlines()[0]
        assert c.get(f"/documents/{doc}/pages/99.png").status_code == 404
        # the footer names the corpus (it said "namndkoll ·  · " over a URL)
        assert "<footer>namndkoll · postgres (t" in c.get("/").text


def test_the_footer_names_a_served_corpus_without_host_or_password(tmp_path: Path):
    from namndkoll.web.common import WebConfig

    url = "postgresql://namndkoll:hemligt@db.example:5433/kommuner?options=-csearch_path%3Dlund%2Cpublic"
    assert WebConfig(db=url).db_name == "kommuner (lund)"
    assert WebConfig(db="postgresql://namndkoll@db.example/arkiv").db_name == "arkiv"
    assert WebConfig(db=str(tmp_path / "lund.db")).db_name == "lund.db"


def test_a_table_rows_hit_shows_its_page_image(tmp_path: Path):
    """A table row is a passage of its own with no span in the page text: its hit links to and
    shows its page (unmarked) instead of an image request the server must refuse."""
    from test_pdf import _table_pdf

    pdf = _table_pdf(tmp_path)
    db = indexed([pdf], tmp_path / "t.db")
    with served(db, tmp_path, embedder=FakeEmbedder()) as c:
        hits = c.get("/api/search", params={"q": "Förskola utfall tkr"}).json()["hits"]
        row = next(h for h in hits if h["section"] == "table" and h["text"].startswith("Förskola"))
        assert "highlight=" not in row["image"] and "hl=" not in row["url"]
        # the row's band across the table is boxed: the Förskola row, not the header or another row
        x0, top, x1, bottom = row["box"]
        assert 55 <= x0 < 65 and 505 < x1 <= 515 and (top, bottom) == (160, 190)  # the third ruled row
        assert f"box={x0},{top},{x1},{bottom}" in row["image"] and "box=" in row["url"]
        img = c.get(row["image"])
        assert img.status_code == 200 and img.headers["content-type"] == "image/png"
        assert img.content != c.get(row["image"].split("?")[0]).content  # marked
        page = c.get(row["url"])
        assert page.status_code == 200 and f"box={x0},{top},{x1},{bottom}" in page.text
        assert c.get(row["image"].replace("box=", "box=9")).status_code in (200, 400)
        assert c.get(row["image"].split("?")[0], params={"box": "1,2,3"}).status_code == 400
        # a figure read from a cell links to the page with that cell boxed
        cell = re.search(r'href="([^"]*box=(\d+),(\d+),(\d+),(\d+)[^"]*)">Förskola \| Utfall tkr', page.text)
        assert cell, page.text
        cx0, ctop, cx1, cbottom = (int(g) for g in cell.groups()[1:])
        assert (ctop, cbottom) == (160, 190) and 355 <= cx0 < 365 and cx1 == x1
        html = c.get("/search", params={"q": "Förskola utfall tkr"}).text
        thumbs = re.findall(r'class="thumb"[^>]*><img[^>]*src="([^"]+)"', html)
        assert thumbs and all(c.get(t.replace("&amp;", "&")).status_code == 200 for t in thumbs)


def test_a_bad_parameter_is_explained_in_swedish(client):
    """The page is Swedish; pydantic's "Input should be a valid integer" was shown as it is."""
    page = client.get("/", params={"q": "skola", "limit": "abc"})
    assert page.status_code == 422
    assert "limit: ska vara ett heltal" in page.text and "Input should" not in page.text
    api_error = client.get("/api/search", params={"q": "skola", "limit": 0}).json()["error"]
    assert api_error == "Ogiltiga parametrar (limit: ska vara minst 1)"


def test_a_missing_document_or_choice_is_explained_in_swedish(client):
    """The corpus's English messages ("no document with id 999: `namndkoll documents` lists
    them", "document 1 has 3 pages, not 999") and pydantic's "String should match pattern
    '^(md|csv|docx|txt)$'" were shown as they are on the Swedish pages."""
    page = client.get("/documents/999")
    assert page.status_code == 404
    assert "Dokument 999 finns inte i korpusen" in page.text and "namndkoll documents" not in page.text
    doc_id = client.get("/api/documents").json()[0]["id"]
    page = client.get(f"/documents/{doc_id}", params={"page": 999})
    assert page.status_code == 404 and "sidor, inte 999" in page.text and "pages" not in page.text
    api_error = client.get("/api/documents/999").json()["error"]
    assert api_error.startswith("Dokument 999 finns inte")
    page = client.get("/compare", params={"topic": "budget", "by": "foo"})
    assert page.status_code == 422 and "by: ska vara en av party, committee, year" in page.text
    assert "String should" not in page.text


def test_compare_counts_one_item_in_the_singular(client):
    """Lomma KF 2025-06-05's 'investeringsprocessen' (one §) was headed '1 ärenden'."""
    params = {"topic": "budget 2024", "committee": "Kommunstyrelsen"}
    assert len(client.get("/api/compare", params=params).json()["rows"]) == 1
    html = client.get("/compare", params=params).text
    assert '<p class="count">1 ärende, ' in html and "1 ärenden" not in html


def test_socialdemokraterna_is_no_mention_of_demokraterna(client):
    """Lomma KF 2025-06-05's roll call ('Socialdemokraterna Nej') was counted under 'D'
    (Demokraterna, a Göteborg party) in the search facets and hit badges: its stem
    'demokraterna' was looked for anywhere in the text, inside 'Socialdemokraterna' too."""
    res = client.get("/api/search", params={"q": "Socialdemokraternas förslag till budget 2024"}).json()
    named = [h for h in res["hits"] if "Socialdemokraternas" in h["text"]]
    assert named and all("S" in h["parties"] and "D" not in h["parties"] for h in named)
    assert "D" not in dict(res["facets"].get("party", []))
    m = client.get("/api/compare", params={"topic": "budget 2024"}).json()
    assert "D" not in m["parties"]
    # nor does the party filter find it (the corpus names no Demokraterna)
    d = client.get("/api/search", params={"q": "Socialdemokraternas förslag till budget 2024", "party": "D"})
    assert not [h for h in d.json()["hits"] if "Socialdemokraternas" in h["text"]]


def test_compare_cells_show_their_quote_without_a_mouse(client):
    """A phone has no hover: each cell's quote is one tap away, escaped like all document text."""
    m = client.get("/api/compare", params={"topic": "budget 2024"}).json()
    quotes = [c["quote"] for r in m["rows"] for cells in r["cells"].values() for c in cells]
    html = client.get("/compare", params={"topic": "budget 2024"}).text
    assert html.count('<details class="quote">') == len(quotes) > 0
    from markupsafe import escape

    assert f"<q>{escape(quotes[0])}</q>" in html


def test_serve_says_what_to_do_when_its_port_is_taken(tmp_path, monkeypatch):
    """`serve --port 8853` with another server on 8853 printed the address it would listen on,
    then uvicorn's "[Errno 98] error while attempting to bind …": now one line says the port is
    in use and which --port to try, and nothing is started."""
    import socket

    from typer.testing import CliRunner

    import namndkoll.commands.serve  # noqa: F401 - the module whose uvicorn.run must not be reached

    started = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: started.append(a))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "c.db"), "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"port {port} on 127.0.0.1 is in use" in result.output and "--port" in result.output
    assert not started


def test_serve_says_when_it_starts_a_new_empty_corpus(tmp_path, monkeypatch):
    """A mistyped --db started the app over a new, empty corpus without a word."""
    import socket

    from typer.testing import CliRunner

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = str(free.getsockname()[1])
    started = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: started.append(k))
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "typo.db"), "--port", port])
    assert result.exit_code == 0, result.output
    assert "no corpus at" in result.output and "empty" in result.output and started
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "typo.db"), "--port", port])
    assert "no corpus at" not in result.output  # the second time it is the corpus made the first


def test_search_csv_has_the_columns_of_the_cli_csv(client):
    """/api/search?format=csv had no document id and no last page, which `search --csv` and
    every list's CSV give; a sheet of hits could not be joined to the figures of a document."""
    import csv
    import io

    hits = client.get("/api/search", params={"q": "förskoleplatser"}).json()["hits"]
    r = client.get("/api/search", params={"q": "förskoleplatser", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows and [(row["document_id"], row["page"], row["page_end"], row["confidence"]) for row in rows] == [
        (str(h["document"]["id"]), str(h["page"]), str(h["page_end"]), h["confidence"]) for h in hits]


def test_a_database_server_that_is_down_is_a_503_that_names_no_host(tmp_path: Path):
    """`serve --db postgresql://…` while the server was down answered every page, /api/health
    included, with 400 (the client's fault) and the database's address and socket path: a
    load balancer read it as a bad request, a visitor saw where the database runs. It is 503
    (try again later), and the address stays in the server's log."""
    pytest.importorskip("psycopg")
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://namndkoll:hemligt@127.0.0.1:{port}/kommuner"
    with served(url, tmp_path, embedder=FakeEmbedder()) as c:
        for path in ("/api/health", "/api/search?q=budget", "/documents", "/search?q=budget"):
            res = c.get(path)
            assert res.status_code == 503, (path, res.status_code)
            assert "127.0.0.1" not in res.text and str(port) not in res.text and "hemligt" not in res.text
            assert "Databasen" in res.text
