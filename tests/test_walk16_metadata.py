"""What the sixteenth session's walks left in the metadata of web copies (docs/walks/sixteenth-
session.md; openings batch 10, Finland-Swedish and Åland records), on PDFs drawn here in other
names: a kommun's letterhead, a bilingual form's labels and a file's name are no title; a page of
decisions in brief is of no kind a decided document is."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from test_pdf import draw

from namndkoll.ingest import read_document


def lines_pdf(path: Path, lines: list[str]) -> Path:
    return draw(path, [[(50, 60 + 16 * i, line) for i, line in enumerate(lines)]])


def web_copy_pdf(path: Path, head: str, body: str) -> Path:
    """A document-sharing site's copy: the page title it gave the file, its viewer's buttons, then
    the transcript run on as one paragraph."""
    return lines_pdf(path, [head, "", "Storlek: px", "Starta visningen från sidan:", "", f'Download "{head}"', "",
                            "Transkript", "", *textwrap.wrap(body, 88)])


AGENDA = ("1 1 KALLELSESIDA Utfärdad Sammanträdestid ;, kl.19 - Sammanträdesplats; Holmö kommunkansli. "
          "1. LAGLIGHET OCH BESLUTFÖRHET. 2. PROTOKOLLJUSTERARE. 3. GODKÄNNANDE AV FÖREDRAGNINGSLISTAN. "
          "4. NÄMNDERNAS MÖTESPROTOKOLL. 5. FRISKVÅRD FÖR KOMMUNENS ANSTÄLLDA. 6. ANHÅLLAN OM BIDRAG.")


@pytest.mark.parametrize("head", ["HOLMÖ KOMMUN PROTOKOLLSIDA", "Holmö kommun Kallelsesida",
                                  "HOLMÖ KOMMUN KOMMUNSTYRELSEN"])
def test_a_letterhead_of_a_kommun_and_its_page_word_is_no_title(tmp_path: Path, head: str) -> None:
    """A kommun the register does not know (Finland-Swedish and Åland ones) with its body or
    "PROTOKOLLSIDA" is a letterhead, not the document's title; the kommun is still read."""
    md = read_document(web_copy_pdf(tmp_path / "p.pdf", head, AGENDA)).metadata
    assert md.title is None and md.municipality == "Holmö"


@pytest.mark.parametrize("head", ["TID - AIKA KL. - KLO", "Tid aika 12 06 2014 kl klo 16 30",
                                  "PLATS - PAIKKA"])
def test_a_bilingual_field_label_is_no_title(tmp_path: Path, head: str) -> None:
    """A Finland-Swedish protocol's heads "TID - AIKA", "PLATS - PAIKKA", their values dropped
    or run together by the copy, are a form's labels, not the title."""
    assert read_document(web_copy_pdf(tmp_path / "p.pdf", head, AGENDA)).metadata.title is None


def test_a_file_name_shown_as_the_page_title_is_no_title(tmp_path: Path) -> None:
    """A sharing site that prints the uploaded file's name over the document
    ("granskningsrapport2019_svenska_webb"): the heading under it is the title."""
    for name in ("Granskningsrapport2019 svenska webb", "granskningsrapport_2019_svenska_webb",
                 "Granskningsrapport 2019 svenska.pdf"):
        doc = read_document(lines_pdf(tmp_path / "r.pdf", [
            name, "Page 1", "LOVISA STADS REVISIONSNÄMND", "UTVÄRDERINGSBERÄTTELSE FÖR ÅR 2018", "",
            "INNEHÅLLSFÖRTECKNING 1. Ordförandens översikt 3", "2. Revisionsnämndens arbete 5",
            ("Revisionsnämnden har under året följt upp målen som fullmäktige satt för stadens "
            "verksamhet och ekonomi.")]))
        assert doc.metadata.title == "UTVÄRDERINGSBERÄTTELSE FÖR ÅR 2018", name


DECISIONS_IN_BRIEF = [
    "Beslut i korthet - tekniska nämnden 12 maj 2021",
    ("Tekniska nämnden beslutade bland annat att godkänna en ny plan för vinterväghållning 2021-2023. "
    "Vidare beslutades att fastställa regler för upplåtelse av torgplatser."),
    "Beslut i korthet",
    ("Nedan redovisas besluten kring merparten av ärendena vid nämnden. För en komplett redovisning "
    "hänvisas till handlingarna."),
    ("Målet för kommunens vinterväghållning är framkomlighet på alla gator. Planen för "
    "vinterväghållning ska bidra till ett helhetsperspektiv och en gemensam riktning framåt."),
    "Tekniska nämnden beslutar att", "Godkänna planen för vinterväghållning 2021-2023.",
]


@pytest.mark.parametrize("width", [88, 300])
def test_a_document_a_page_of_decisions_tells_of_is_not_its_kind(tmp_path: Path, width: int) -> None:
    """A page that reports a meeting's decisions in brief and tells of a plan ("Planen för … ska
    bidra till …", "Godkänna planen för …") is no plan: it tells of what was decided."""
    lines = [ln for para in DECISIONS_IN_BRIEF for ln in [*textwrap.wrap(para, width), ""]]
    md = read_document(lines_pdf(tmp_path / "k.pdf", lines)).metadata
    assert md.doc_type == "other" and md.kind is None


def test_a_field_label_with_its_values_over_two_lines_is_no_title(tmp_path: Path) -> None:
    head = ("TID - AIKA KL. - KLO 16:30-18:15 Lillholmens områdeskontor, Skärvägen 12, 21600 Lillholmen, "
            "Sammanträdet öppnades av ordföranden.")
    lines = [*textwrap.wrap(head, 72), "", *textwrap.wrap(AGENDA, 88)]
    assert read_document(lines_pdf(tmp_path / "p.pdf", lines)).metadata.title is None
    # the sharing site's 'Download "…"' quoting the same particulars wraps as well
    quoted = textwrap.wrap(f'Download "{head[:-38]}"', 72)
    lines = ["TID - AIKA KL. - KLO 16:30-18:15", "Storlek: px", *quoted, "", *textwrap.wrap(AGENDA, 88)]
    assert read_document(lines_pdf(tmp_path / "q.pdf", lines)).metadata.title is None
    # and the transcript's own first line runs the labels on after the body's name
    lines = ["1 3/ Kulturnämnden TID - AIKA KL. - KLO 17:00-19:10 PLATS - PAIKKA", *textwrap.wrap(AGENDA, 88)]
    assert read_document(lines_pdf(tmp_path / "r.pdf", lines)).metadata.title is None
