"""A nämndsekreterare in a small kommun on the web page, in a real Chromium (Playwright over
Debian's chromium; skipped without it, as tests/test_web_browser.py): printing a document page
for a politician cut the page's text at its scroll box (the printout of Tolkförmedling Väst's
årsredovisning s. 2 stopped at 'Balanskravsresultat', half the page's contents left out) and
printed the menu and every button; on a phone the search filter's Kommun list ran past the
window's edge ('Alingsås och Vårgårda Räddningstjänstförbund'), its arrow out of reach."""

from __future__ import annotations

import pytest
from test_web_browser import browser, page, server  # noqa: F401 - the fixtures, shared

pytestmark = pytest.mark.browser

LONG_KOMMUN = "Alingsås och Vårgårda Räddningstjänstförbund"


def _a_long_page(page) -> str:  # noqa: F811 - a fixture
    """A document page whose text is longer than its scroll box."""
    page.goto("/documents")
    for href in page.locator("main table a[href^='/documents/']").evaluate_all("as => as.map(a => a.getAttribute('href'))"):
        for n in (1, 2, 3):
            page.goto(f"{href.split('?')[0]}?page={n}")
            if page.evaluate("() => { const p = document.querySelector('pre.clean'); return p && p.scrollHeight > p.clientHeight + 20 }"):
                return page.url
    pytest.fail("no document page in the corpus has more text than its box")


def test_a_printed_document_page_holds_the_whole_page_text_and_no_menu(page) -> None:  # noqa: F811
    page.set_viewport_size({"width": 1000, "height": 700})
    _a_long_page(page)
    page.emulate_media(media="print")
    box = page.evaluate("() => { const p = document.querySelector('pre.clean'); return [p.scrollHeight, p.clientHeight] }")
    assert box[0] <= box[1] + 1, box  # nothing of the text hidden below a scroll box
    assert not page.locator("header.top nav").is_visible()
    assert not page.locator("button.copy").first.is_visible()
    assert page.locator("p.cite .citation").is_visible()  # the reference is printed


def test_on_a_phone_no_filter_field_runs_past_the_window(page, server) -> None:  # noqa: F811
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/search?q=budget")
    # a body with a long name among the Kommun options, as a förbund's records bring one
    page.evaluate("name => { const o = document.createElement('option'); o.textContent = name;"
                  " document.querySelector('select[name=municipality]').appendChild(o) }", LONG_KOMMUN)
    page.locator("details.filters summary").click()
    rights = page.locator("details.filters select").evaluate_all(
        "ss => ss.map(s => s.getBoundingClientRect().right)")
    assert rights and max(rights) <= 360, rights
