"""A web page saved or printed as a PDF keeps the site's own furniture above the document: a
menu entry or trail as a list item, a breadcrumb, a search widget's empty answer, a cookie or
browser notice, a document-sharing site's viewer buttons. None of it is the document's title,
which is the heading below it (or none, where the page prints none). The words here are made up;
the shapes are those of the walk's web copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_metadata_policy import metadata_of


@pytest.mark.parametrize("chrome", [
    ["» Inga resultat hittades", "• No results found"],
    ["Du är här: Start > Invånare > Politik > Motioner"],
    ["Din position: Hem > Exempelby kommun > Kulturnämnden > Handlingar"],
    ["Vi använder kakor (cookies) för att förbättra din upplevelse på webbplatsen.",
     "Gå direkt till huvudinnehållet"],
    ["Webbplatsen använder teknik som troligen inte stöds av din webbläsare som exempelvis",
     "Internet Explorer 11. Vissa saker kan se konstiga ut eller inte fungera. Vi",
     "rekommenderar att du byter till en modern webbläsare istället."],
    ["• Start", "  • Motion om ny lekpl..."],
    ["Storlek: px", "Starta visningen från sidan:", "Transkript"],
])
def test_a_web_pages_chrome_is_not_the_title(tmp_path: Path, chrome: list[str]) -> None:
    page = [*chrome, "",
            "Motion om en ny lekplats vid Södra torget",
            "",
            "Barnfamiljerna i centrum saknar en lekplats nära bostäderna. Vi föreslår därför",
            "att nämnden utreder en ny lekplats vid torget.",
            "Kerstin Ahlgren (C)"]
    assert metadata_of(tmp_path, [page]).title == "Motion om en ny lekplats vid Södra torget"


def test_a_numbered_decision_point_after_the_chrome_is_no_title(tmp_path: Path) -> None:
    """A sharing site's page that opens with the decision's first point: that point is text."""
    page = ["• No results found", "",
            "1. Kulturnämnden godkänner förvaltningens förslag till yttrande och överlämnar det",
            "till kommunstyrelsen som svar på remissen.",
            "", "N/A", "Protected", "Academic year: 2022", "",
            "Tjänsteutlåtande", "Kulturförvaltningen",
            "Handläggare Lena Ek"]
    md = metadata_of(tmp_path, [page])
    assert md.doc_type == "tjansteutlatande"
    assert md.title is None


def test_a_heading_over_a_bullet_list_does_not_take_its_first_item(tmp_path: Path) -> None:
    page = ["Underlag som granskats inför yttrandet om:",
            "• Tillgänglighet för utryckningsfordon",
            "• Släckvatten inom 75 meter",
            "",
            "Förbundet har inget att erinra mot ansökan under förutsättning att vägen hålls farbar."]
    assert metadata_of(tmp_path, [page]).title == "Underlag som granskats inför yttrandet om"
