"""`namndkoll serve`'s Bevakningar (`/watches`) and Vad är nytt (`/watches/new`): the watches of
`namndkoll watch` for those who do not work in a terminal.

A secretary adds "hemtjänst" (Socialnämnden) on the page; the night's ingest adds a Socialnämnden
protocol on hemtjänst and one from another body. Vad är nytt shows the new § 102 as the search
page shows a hit (link to the page, quote, citation), and looking never marks the topic run: the
secretary's `namndkoll watch run` still finds it. `/api/watches?new=1` gives what `watch run
--dry-run --json` gives. Hostile text is shown as text; `--read-only` refuses adding and removing
and still shows what is new. Real PDFs (reportlab), the real ingest, the fake embedder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import served
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from test_watch import NEW, OLD, OTHER, _ingest, fake_index  # noqa: F401 - fake_index is a fixture
from typer.testing import CliRunner

from namndkoll.api import watch_add, watch_list, watch_run
from namndkoll.cli import app as cli_app

pytest.importorskip("fastapi")

HOSTILE = [("Socialnämnden\nProtokoll\nSammanträdesdatum: 2026-11-27\n"
            "§ 110 Dnr SN 2026/0431\nHemtjänst <script>alert('x')</script>\nBeslut\n"
            "Socialnämnden beslutar att hemtjänsten <img src=x onerror=alert(1)> ska utredas.\n")]


@pytest.fixture
def corpus(db: str, tmp_path: Path, fake_index: FakeEmbedder) -> str:  # noqa: F811
    """A corpus holding the October protocol of Socialnämnden, on both backends (conftest's ``db``)."""
    _ingest(db, make_pdf(tmp_path / "sn-2026-10-14.pdf", OLD))
    return db


def _token(client) -> str:  # type: ignore[no-untyped-def]
    client.get("/watches")
    return client.cookies["nk_csrf"]


def _hit_blocks(page: str) -> list[str]:
    return re.findall(r'<li class="hit[^"]*" id="hit-\d+">.*?</li>', page, flags=re.DOTALL)


def test_a_topic_added_on_the_page_shows_what_the_next_ingest_adds_without_using_up_the_run(
        corpus: str, tmp_path: Path):
    with served(corpus, tmp_path / "home", embedder=FakeEmbedder()) as c:
        page = c.get("/watches")
        assert page.status_code == 200 and "Inget ämne bevakas ännu" in page.text
        assert '<a href="/watches" aria-current="page">Bevakningar</a>' in page.text  # in the navigation
        r = c.post("/watches/add", data={"topic": "hemtjänst", "committee": "Socialnämnden", "csrf": _token(c)},
                   follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/watches"
        (w,) = watch_list(db=corpus)
        assert (w.id, w.topic, w.committee) == (1, "hemtjänst", "Socialnämnden")
        row = re.search(r"<tr>\s*<td>1</td>.*?</tr>", c.get("/watches").text, flags=re.DOTALL).group(0)
        assert "<td>hemtjänst</td>" in row and "<td>Socialnämnden</td>" in row and "<td>aldrig</td>" in row
        assert f"<td>{w.created_at[:19]} UTC</td>" in row
        # the same topic under the same filters again: said in Swedish, nothing added
        again = c.post("/watches/add", data={"topic": "hemtjänst", "committee": "Socialnämnden", "csrf": _token(c)})
        assert again.status_code == 400 and "”hemtjänst” bevakas redan med de här filtren (bevakning 1)" in again.text
        assert len(watch_list(db=corpus)) == 1

        new = c.get("/watches/new").text
        assert "Inga nya dokument sedan" in new and "”hemtjänst” (Socialnämnden)" in new
        _ingest(corpus, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW), make_pdf(tmp_path / "kfn-2026-11-26.pdf", OTHER))

        for _ in range(2):  # looked at twice: the same both times, as nothing is marked
            new = c.get("/watches/new")
            assert new.status_code == 200 and "1 nytt dokument sedan" in new.text and "1 träff" in new.text
            (block,) = _hit_blocks(new.text)
            assert "§ 102" in block and "380 kronor" in block and 'href="/documents/' in block
            assert re.search(r'<span class="citation">Socialnämnden[^<]*§ 102[^<]*s\. 1</span>', block)
            assert "Läst med OCR" not in block  # a page with its own text layer
        api_new = c.get("/api/watches", params={"new": 1}).json()
        listed = c.get("/api/watches").json()
    assert [x["topic"] for x in listed] == ["hemtjänst"] and listed[0]["last_run_at"] is None
    (w,) = watch_list(db=corpus)
    assert w.last_run_at is None  # no page and no API call marked the topic run

    # the dry run's JSON is what `namndkoll watch run --dry-run --json` prints (the source as the file's name)
    out = CliRunner().invoke(cli_app, ["watch", "run", "--dry-run", "--json", "--db", corpus])
    assert out.exit_code == 0, out.output
    (cli,) = json.loads(out.stdout)
    (web,) = api_new
    assert web.keys() == cli.keys() and web["watch"] == cli["watch"]
    assert (web["outcome"], web["new_documents"], web["marked"], web["since"]) == ("hits", 1, False, cli["since"])
    assert [h["citation"] for h in web["hits"]] == [h["citation"] for h in cli["hits"]]
    assert web["hits"][0].keys() == cli["hits"][0].keys() and web["hits"][0]["source"] == "sn-2026-11-25.pdf"

    (run,) = watch_run(db=corpus)  # the secretary's run still finds the § 102
    assert run.outcome == "hits" and {h.item for h in run.hits} == {"102"} and run.marked

    with served(corpus, tmp_path / "home", embedder=FakeEmbedder()) as c:
        assert "Inga nya dokument sedan" in c.get("/watches/new").text
        missing = c.post("/watches/remove", data={"id": "7", "csrf": _token(c)})
        assert missing.status_code == 404 and "Ingen bevakning har nummer 7" in missing.text
        r = c.post("/watches/remove", data={"id": "1", "csrf": _token(c)}, follow_redirects=False)
        assert r.status_code == 303
        assert "Inget ämne bevakas ännu" in c.get("/watches").text
        assert c.get("/api/watches").json() == [] and c.get("/api/watches", params={"new": 1}).json() == []
        assert c.get("/api/watches", params={"mark": 1}).status_code == 422  # no parameter read silently
    assert watch_list(db=corpus) == []


def test_hostile_text_in_a_topic_and_in_a_new_document_is_shown_as_text(corpus: str, tmp_path: Path):
    watch_add("hemtjänst <script>alert(1)</script>", db=corpus, municipality='"><img src=x onerror=alert(2)>')
    watch_add("hemtjänst", db=corpus)
    _ingest(corpus, make_pdf(tmp_path / "sn-2026-11-27.pdf", HOSTILE))
    with served(corpus, tmp_path / "home", embedder=FakeEmbedder()) as c:
        for page in (c.get("/watches").text, c.get("/watches/new").text):
            assert "<script>alert" not in page and "<img src=x" not in page
            assert "hemtjänst &lt;script&gt;alert(1)&lt;/script&gt;" in page
            assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
        new = c.get("/watches/new").text
        (block,) = _hit_blocks(new)  # the topic without the hostile filter finds the hostile protocol
        assert "&lt;img src=x onerror=alert(1)&gt;" in block and "onerror=alert(1)>" not in block


def test_read_only_refuses_adding_and_removing_and_still_shows_what_is_new(corpus: str, tmp_path: Path):
    watch_add("hemtjänst", db=corpus)
    _ingest(corpus, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW))
    with served(corpus, tmp_path / "home", embedder=FakeEmbedder(), read_only=True) as c:
        token = _token(c)
        page = c.get("/watches").text
        assert "<td>hemtjänst</td>" in page and "skrivskyddad" in page
        assert 'action="/watches/add"' not in page and 'action="/watches/remove"' not in page
        add = c.post("/watches/add", data={"topic": "budget 2027", "csrf": token})
        remove = c.post("/watches/remove", data={"id": "1", "csrf": token})
        assert add.status_code == remove.status_code == 403 and "--read-only" in add.text
        assert "1 nytt dokument sedan" in c.get("/watches/new").text
    (w,) = watch_list(db=corpus)
    assert (w.topic, w.last_run_at) == ("hemtjänst", None)


def test_adding_and_removing_need_the_forms_csrf_token(corpus: str, tmp_path: Path):
    watch_add("hemtjänst", db=corpus)
    with served(corpus, tmp_path / "home", embedder=FakeEmbedder()) as c:
        _token(c)
        assert c.post("/watches/add", data={"topic": "budget 2027"}).status_code == 403
        assert c.post("/watches/remove", data={"id": "1", "csrf": "x" * 43}).status_code == 403
    assert [w.topic for w in watch_list(db=corpus)] == ["hemtjänst"]


def test_a_new_hit_quoting_a_page_read_by_ocr_says_so(db: str, tmp_path: Path, fake_index: FakeEmbedder):  # noqa: F811
    from test_walk23_case import _ocr_read_doc

    from namndkoll.corpus import opened
    from namndkoll.search import index_corpus

    _ingest(db, make_pdf(tmp_path / "sn-2026-10-14.pdf", OLD))
    watch_add("Miljöpartiet noterar", db=db)
    with opened(db, write=True) as st:
        with st.transaction():
            st.replace_document(_ocr_read_doc())
        index_corpus(st, FakeEmbedder())
    with served(db, tmp_path / "home", embedder=FakeEmbedder()) as c:
        (res,) = c.get("/api/watches", params={"new": 1}).json()
        blocks = _hit_blocks(c.get("/watches/new").text)
    assert res["hits"] and len(blocks) == len(res["hits"])
    marked = [h for h in res["hits"] if h["ocr_pages"]]
    assert marked  # the scanned protocol's note
    for block, hit in zip(blocks, res["hits"], strict=True):
        if hit["ocr_pages"]:
            pages = ", ".join(map(str, hit["ocr_pages"]))
            assert f'<p class="warn ocr">Läst med OCR (s. {pages}): kontrollera citatet mot sidan</p>' in block
        else:
            assert "Läst med OCR" not in block


def test_a_topic_added_with_years_on_the_page_is_searched_with_the_servers_model(
        corpus: str, tmp_path: Path, fake_index: FakeEmbedder):  # noqa: F811
    """Från år and Till år on Bevakningar, as on the search page: kept with the watch and shown
    with its filters. Vad är nytt searches with the server's own model (create_app's
    ``embedder``, as the search page does), not one loaded again for the index."""
    from test_watch import NEXT_YEAR

    server = FakeEmbedder()
    with served(corpus, tmp_path / "home", embedder=server) as c:
        r = c.post("/watches/add", data={"topic": "hemtjänst", "from": "2027", "to": "2027", "csrf": _token(c)},
                   follow_redirects=False)
        assert r.status_code == 303
        c.post("/watches/add", data={"topic": "hemtjänst", "from": "2026", "csrf": _token(c)})
        backwards = c.post("/watches/add", data={"topic": "budget", "from": "2027", "to": "2026", "csrf": _token(c)})
        assert backwards.status_code == 400 and "Från 2027 är efter Till 2026" in backwards.text
        bad = c.post("/watches/add", data={"topic": "budget", "from": "27", "csrf": _token(c)})
        assert bad.status_code == 400 and "fyra siffror" in bad.text
        assert [(w.topic, w.year_from, w.year_to) for w in watch_list(db=corpus)] == [
            ("hemtjänst", 2027, 2027), ("hemtjänst", 2026, None)]
        page = c.get("/watches").text
        assert "<td>2027</td>" in page and "<td>från 2026</td>" in page
        assert [(w["year_from"], w["year_to"]) for w in c.get("/api/watches").json()] == [(2027, 2027), (2026, None)]

        _ingest(corpus, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW), make_pdf(tmp_path / "sn-2027-01-20.pdf",
                                                                                  NEXT_YEAR))
        loaded, calls = fake_index.calls, server.calls
        new = c.get("/watches/new").text
        assert server.calls > calls and fake_index.calls == loaded  # was: the index's model, loaded for the page
        assert "”hemtjänst” (2027)" in new and "”hemtjänst” (från 2026)" in new
        one, two = re.findall(r'<section class="watch" id="watch-\d+">.*?</section>', new, flags=re.DOTALL)
        assert "1 nytt dokument sedan" in one and "§ 4" in one and "§ 102" not in one
        assert "2 nya dokument sedan" in two and "§ 102" in two
