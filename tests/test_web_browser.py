"""Browser tests: Playwright driving a real Chromium (Debian's `chromium`, through
``executable_path``; nothing is downloaded) against `namndkoll serve` over the bundled sample
plus a kommunstyrelse protocol of the sample's budget case, indexed with the real model when
it is installed (else the fake embedder). Each page's screenshot is saved to
docs/screenshots/ (shown in the README).

Skipped, not failed, when chromium or the playwright package is missing:
`apt-get install chromium` and `pip install playwright` (never `playwright install`).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from test_ingest_batch import make_pdf
from test_rollcall import KS as ROLL_CALL
from test_search import FakeEmbedder
from test_web import KS

from namndkoll import api
from namndkoll.corpus import opened
from namndkoll.search import index_corpus

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "docs" / "screenshots"
CHROMIUM = (
    os.environ.get("NAMNDKOLL_CHROMIUM")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
)
# no network here: without these Chromium keeps opening connections that are refused
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _embedder() -> object:
    try:
        from namndkoll.search.embed import get_embedder

        emb = get_embedder(None)
        emb.embed(["test"], kind="query")
        return emb
    except Exception:  # noqa: BLE001 - the model is not on this machine: the fake one still searches
        return FakeEmbedder()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory):
    if CHROMIUM is None:
        pytest.skip("no chromium: apt-get install chromium")
    pytest.importorskip("playwright.sync_api", reason="pip install playwright (the package only)")
    uvicorn = pytest.importorskip("uvicorn")
    from namndkoll.web import create_app

    tmp = tmp_path_factory.mktemp("browser")
    make_pdf(tmp / "ks-2023-10-25.pdf", KS)
    # a vote whose roll call names every member (the sample's protocol gives only the result)
    make_pdf(tmp / "ks-2023-11-29.pdf",
             ["Göteborgs Stad Kommunstyrelsen\nProtokoll nr 31\nSammanträdesdatum: 2023-11-29\n" + ROLL_CALL])
    db = tmp / "sample.db"
    report = api.ingest([REPO / "sample", tmp / "ks-2023-10-25.pdf", tmp / "ks-2023-11-29.pdf"], db=db,
                        index=False)
    assert not report.failed, report.failed
    emb = _embedder()
    with opened(db, write=True) as store:
        index_corpus(store, emb)
    app = create_app(db, embedder=emb, cache_dir=tmp / "cache", upload_dir=tmp / "uploads")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": db, "tmp": tmp}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        base_url=server["url"],
        accept_downloads=True,
        bypass_csp=True,
    )  # CSP forbids eval: the test waits use it
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


def shot(pg, name: str, *, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_search_then_click_through_to_the_highlighted_page(page):
    page.goto("/")
    page.fill("input[name=q]", "introduktionsjobb kostnad för arbetsgivaren")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("li.hit")
    assert page.locator("li.hit mark").count() >= 1
    page.wait_for_function("document.querySelector('li.hit img').naturalWidth > 0")
    shot(page, "search")
    title = page.locator("li.hit a.hit-title").first
    title.click()
    page.wait_for_selector("mark#hl")
    assert "introduktionsjobb" in page.locator("mark#hl").inner_text().casefold()
    img = page.locator("#page-image")
    assert "highlight=" in (img.get_attribute("src") or "")
    page.wait_for_function("document.getElementById('page-image').naturalWidth > 500")
    shot(page, "document")


def test_facets_narrow_the_hits(page):
    page.goto("/search?q=arbetsmarknad")
    page.wait_for_selector("li.hit")
    before = page.locator("li.hit").count()
    committees = page.locator("a[data-facet=committee]")
    assert committees.count() >= 1
    facet = page.locator("a[data-facet=municipality]").filter(has_text="Lund")
    facet.first.click()
    page.wait_for_selector("a.chip")
    after = page.locator("li.hit").count()
    assert 0 < after <= before
    metas = page.locator("li.hit .meta").all_inner_texts()
    assert all("Socialnämnden" in m for m in metas)
    shot(page, "facets")


def test_basket_add_and_export(page):
    page.goto("/search?q=introduktionsjobb")
    page.wait_for_selector("li.hit")
    page.locator("li.hit form.add button").first.click()
    page.wait_for_function("document.getElementById('basket-count').textContent === '1'")
    page.goto("/figures?unit=SEK")
    page.locator("table.data form.add button").first.click()
    page.wait_for_function("document.getElementById('basket-count').textContent === '2'")
    page.goto("/basket")
    assert page.locator("ol.basket > li").count() == 2
    page.locator("ol.basket > li").nth(1).locator("button[title='Flytta upp']").click()
    page.wait_for_selector("ol.basket > li")
    assert "siffra" in page.locator("ol.basket > li").first.inner_text()
    shot(page, "basket")
    with page.expect_download() as dl:
        page.click("text=Markdown med fotnoter")
    md = Path(dl.value.path()).read_text(encoding="utf-8")
    assert md.count("[^") == 4 and "[^2]: Socialnämnden, Lund, tjänsteskrivelse 2021-01-05" in md
    with page.expect_download() as dl:
        page.click("text=Word (DOCX)")
    assert Path(dl.value.path()).read_bytes()[:2] == b"PK"


def test_compare_matrix(page):
    page.goto("/compare?topic=budget+2024&by=party")
    page.wait_for_selector("table.matrix")
    heads = page.locator("table.matrix thead th").all_inner_texts()
    assert {"S", "M"} <= set(heads)
    cells = page.locator("table.matrix a.cell")
    assert cells.count() >= 3
    shot(page, "compare")
    cells.first.click()
    page.wait_for_selector("mark#hl")


def test_case_timeline(page):
    page.goto("/cases/SLK-2023-00068")
    entries = page.locator("ol.timeline > li")
    assert entries.count() == 2
    assert [s.strip() for s in page.locator("ol.timeline .stage").all_inner_texts()] == ["KS", "KF"]
    assert page.locator("ol.timeline .vote").count() >= 1
    shot(page, "case")


def test_tables_status_and_api_docs(page):
    page.goto("/figures?unit=SEK")
    assert page.locator("table.data tbody tr").count() >= 5
    shot(page, "figures")
    with page.expect_download() as dl:
        page.click("text=Excel (XLSX)")
    assert Path(dl.value.path()).read_bytes()[:2] == b"PK"
    page.goto("/status")
    assert "Sökindex" in page.content()
    shot(page, "status")
    page.goto("/api/docs")
    assert page.locator("section.endpoint").count() >= 10


def test_votes_roll_call_member_and_blocs(page):
    page.goto("/votes?committee=Kommunstyrelsen")
    row = page.locator("table.votes tbody tr[id]").filter(has_text="Yttrande till Trafikverket")
    assert "7 ja – 5 nej – 1 avstår" in row.inner_text()
    page.locator("tr.rollcall summary").first.click()
    groups = page.locator("tr.rollcall details[open] .party-group h3").all_inner_texts()
    assert {g.split()[0] for g in groups} == {"V", "S", "MP", "M", "L", "KD", "SD"}
    shot(page, "votes")
    page.locator("tr.rollcall details[open] a", has_text="Jörgen Fogelklou").click()
    page.wait_for_selector("td.c-member")
    assert page.locator("td.c-member").all_inner_texts() == ["avstår"]
    assert "Så röstade Jörgen Fogelklou" in page.locator("h1").inner_text()
    page.click("text=Partier som röstar lika")
    page.wait_for_selector("table.blocs")
    heads = page.locator("table.blocs thead th.party-col").all_inner_texts()
    assert {"S", "M", "SD"} <= set(heads)
    assert "Så räknas det" in page.locator("p.legend").inner_text()


def test_upload_shows_progress_to_completion(page, server):
    text = (
        "Lunds kommun\nKulturnämnden\nSkrivelse\n2024-02-01\nBiblioteket i Dalby får 2 nya tjänster "
        "och 450 tkr för längre öppettider.\n"
    )
    pdf = make_pdf(server["tmp"] / "kulturnamnden-2024.pdf", [text])
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(pdf))
    shot(page, "upload")
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/upload/*")
    page.wait_for_selector("#job-progress")
    page.wait_for_selector("li.status-ingested", timeout=180_000)
    assert page.locator("#job-progress").get_attribute("value") == "100"
    shot(page, "upload-done")
    page.click("text=öppna dokumentet")
    page.wait_for_selector("pre.clean")
    assert "Dalby" in page.locator("pre.clean").inner_text()


def test_the_marked_passage_is_scrolled_into_the_text_box(page):
    """A hit low on a long page opened with its passage marked below the fold of the page's
    text box (which scrolls on its own): the mark must be in sight without scrolling."""
    kf = next(d for d in page.request.get("/api/documents").json() if d["source"].endswith("goteborg-kf-2023-11-09.pdf"))
    p9 = page.request.get(f"/api/documents/{kf['id']}").json()["pages"][8]
    at = p9["text"].index("Ordföranden finner att förslaget till budget från S, V och MP")
    page.goto(f"/documents/{kf['id']}?page=9&hl={p9['start'] + at}-{p9['start'] + at + 80}#sida")
    page.wait_for_selector("mark#hl")
    inside = page.evaluate(
        "() => { const m = document.getElementById('hl').getBoundingClientRect();"
        " const b = document.querySelector('pre.clean').getBoundingClientRect();"
        " return [m.top >= b.top, m.bottom <= b.bottom, document.querySelector('pre.clean').scrollTop]; }")
    assert inside[0] and inside[1] and inside[2] > 0, inside


def test_a_phone_scrolls_a_wide_table_not_the_page(browser, server):
    """On a 390 px phone a wide table (the figures') pushed the whole page (header, filters)
    sideways and its last columns were out of reach: the table scrolls in its own box; the
    search page shows its first hit on the first screen, nothing wider than the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, base_url=server["url"],
                                  bypass_csp=True)
    pg = context.new_page()
    try:
        for url, table in (("/figures", "table.data"),):
            pg.goto(url)
            pg.wait_for_selector(table)
            assert pg.evaluate("document.documentElement.scrollWidth") <= 390, url
            assert pg.evaluate("t => { const e = document.querySelector(t);"
                               " return e.scrollWidth > e.clientWidth; }", table), url
            source = pg.locator(f"{table} td.c-citation a").first
            source.scroll_into_view_if_needed()
            assert source.is_visible() and source.bounding_box()["x"] < 390
        # the facets filled the first screen as a column and a hit's text ran past its edge
        pg.goto("/search?q=budget 2024 flerårsplaner")
        pg.wait_for_selector("li.hit")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
        assert pg.locator("li.hit").first.bounding_box()["y"] < 800
    finally:
        context.close()


def test_a_phone_shows_each_vote_as_a_card_with_its_result_in_sight(browser, server):
    """At 390 px the votes table showed date, kommun and nämnd and left what was voted on and
    the result past the edge of a scroll box: each vote is a card, the § and proposition and
    the result on screen, the roll call one tap away; at 1280 px the table stays a table."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server["url"],
                                  bypass_csp=True)
    pg = context.new_page()
    try:
        pg.goto("/votes")
        pg.wait_for_selector("table.votes")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
        assert not pg.evaluate("(() => { const e = document.querySelector('table.votes');"
                               " return e.scrollWidth > e.clientWidth; })()")
        card = pg.locator("table.votes tbody tr[id]").filter(has_text="Yttrande till Trafikverket")
        card.scroll_into_view_if_needed()
        for cell in ("td.c-item", "td.c-proposition", "td.c-result", "td.c-citation a"):
            box = card.locator(cell).first.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (cell, box)
        result, item, date = (card.locator(c).bounding_box() for c in ("td.c-result", "td.c-item", "td.c-date"))
        assert item["y"] < result["y"] < date["y"]  # what was voted on, the result, then the date
        assert "7 ja – 5 nej – 1 avstår" in card.locator("td.c-result").inner_text()
        assert pg.locator("table.votes thead").bounding_box()["height"] <= 1  # read out, not shown
        pg.locator("tr.rollcall summary").first.click()
        groups = pg.locator("tr.rollcall details[open] .party-group")
        assert groups.count() >= 2
        for i in range(groups.count()):
            box = groups.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        pg.set_viewport_size({"width": 1280, "height": 900})
        assert pg.evaluate("getComputedStyle(document.querySelector('table.votes tbody tr[id]')).display") == "table-row"
        assert pg.locator("table.votes thead th").first.is_visible()
    finally:
        context.close()


def test_a_roll_call_tally_wraps_inside_its_party_column(page):
    """The compare matrix of a topic with a roll call (walk64): each party's tally quotes the
    proposition voted on ("1 ja (Ja för bifall till …)") and stood on one line, so every party
    column was as wide as the longest proposition — 1,360 px each on Alingsås' Nolhaga
    parkering, one party in sight at a time on a laptop. A tally wraps within its column."""
    page.goto("/compare?topic=Yttrande+till+Trafikverket&by=party")
    page.wait_for_selector("table.matrix small.tally")
    widths = page.evaluate(
        "() => [...document.querySelectorAll('table.matrix thead th.party-col')]"
        ".map(t => t.getBoundingClientRect().width)")
    assert widths and max(widths) <= 320, widths


def test_a_roll_call_tally_stays_inside_its_own_cell(page):
    """Walk 17 (Göteborg KF 2024-11-07 § 451, compare "förslag till budget och flerårsplaner"):
    each party's tally ("22 avstår (Förslag till budget 2025 och flerårsplaner 2026–2027)") was
    drawn beside its 'omröstning' label as wide as the whole cell, so it ran over the next
    party's column and the two parties' counts were printed on top of each other."""
    page.goto("/compare?topic=Yttrande+till+Trafikverket&by=party")
    page.wait_for_selector("table.matrix small.tally")
    over = page.evaluate(
        "() => [...document.querySelectorAll('table.matrix small.tally')].map(t => {"
        " const c = t.closest('td').getBoundingClientRect(), r = t.getBoundingClientRect();"
        " return r.right - c.right; }).filter(d => d > 1)")
    assert over == [], f"tallies running past their cell's right edge by {over} px"


# ---- a nämndsekreterare's walk (walk 69): printing a document page for a politician cut the
# page's text at its scroll box (the printout of Tolkförmedling Väst's årsredovisning s. 2 stopped
# at 'Balanskravsresultat') and printed the menu and every button; on a phone the search filter's
# Kommun list ran past the window's edge ('Alingsås och Vårgårda Räddningstjänstförbund').

LONG_KOMMUN = "Alingsås och Vårgårda Räddningstjänstförbund"


def _a_long_page(page) -> str:
    """A document page whose text is longer than its scroll box."""
    page.goto("/documents")
    for href in page.locator("main table a[href^='/documents/']").evaluate_all("as => as.map(a => a.getAttribute('href'))"):
        for n in (1, 2, 3):
            page.goto(f"{href.split('?')[0]}?page={n}")
            if page.evaluate("() => { const p = document.querySelector('pre.clean'); return p && p.scrollHeight > p.clientHeight + 20 }"):
                return page.url
    pytest.fail("no document page in the corpus has more text than its box")


def test_a_printed_document_page_holds_the_whole_page_text_and_no_menu(page) -> None:
    page.set_viewport_size({"width": 1000, "height": 700})
    _a_long_page(page)
    page.emulate_media(media="print")
    box = page.evaluate("() => { const p = document.querySelector('pre.clean'); return [p.scrollHeight, p.clientHeight] }")
    assert box[0] <= box[1] + 1, box  # nothing of the text hidden below a scroll box
    assert not page.locator("header.top nav").is_visible()
    assert not page.locator("button.copy").first.is_visible()
    assert page.locator("p.cite .citation").is_visible()  # the reference is printed


def test_on_a_phone_no_filter_field_runs_past_the_window(page, server) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/search?q=budget")
    # a body with a long name among the Kommun options, as a förbund's records bring one
    page.evaluate("name => { const o = document.createElement('option'); o.textContent = name;"
                  " document.querySelector('select[name=municipality]').appendChild(o) }", LONG_KOMMUN)
    page.locator("details.filters summary").click()
    rights = page.locator("details.filters select").evaluate_all(
        "ss => ss.map(s => s.getBoundingClientRect().right)")
    assert rights and max(rights) <= 360, rights


def test_upload_of_a_file_that_is_not_a_pdf_says_why(page, server):
    """Walk 20: the form said only 'Uppladdningen misslyckades (400)'."""
    fake = server["tmp"] / "anteckningar.pdf"
    fake.write_text("hej, inte en pdf\n", encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(fake))
    page.click("form.upload button[type=submit]")
    error = page.locator("form.upload p.error")
    error.wait_for()
    assert "anteckningar.pdf: inte en PDF" in error.inner_text()


def test_the_first_tab_on_the_search_page_is_the_skip_link(page):
    """Walk 20/21: the search box's autofocus put "Hoppa till innehållet" after every link of the
    page in the Tab order; now the skip link comes first and leads to the search box."""
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('name')") == "q"
