"""Documents that bundle other bodies' protocol extracts (a KF handling with the nämnder's
answers to the auditors, Göteborg 2026): each extract's § heading is an item with its own
numbering, its votes belong to that §, and the forms those extracts write votes in are read —
a "Name (P): Ja" list over a page break, the abstentions in a sentence of their own ("4 stycken
avstod från att rösta"), the prose roll call "Vid upprop röstar A (S) … ja, medan B (M) …
röstar nej". And a law's paragraph cited at a line start ("undantag från" / "39 § BS, eftersom")
is no heading. Each PDF is a small excerpt drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndkoll.extract.pipeline import extract_file
from namndkoll.ingest import read_document
from namndkoll.types import Document, Extraction

Row = tuple[float, float, str, int]


def _pdf(path: Path, pages: list[list[str]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for lines in pages:
        for i, text in enumerate(lines):
            c.setFont("Helvetica", 10)
            c.drawString(60, h - 50 - 14 * i, text)
        c.showPage()
    c.save()
    return path


def _extract(body: str, date: str, n: int, of: int, lines: list[str]) -> list[str]:
    return [body, "Protokollsutdrag", f"Sammanträdesdatum: {date}", "", *lines, "",
            f"Göteborgs Stad, {body} protokollsutdrag {n} ({of})"]


_FS = "Nämnden för funktionsstöd"
_SFN = "Stadsfastighetsnämnden"
_COVER = ["Kommunfullmäktige", "Handling 2026 nr 80", "Revisionsberättelse avseende Göteborgs Stads",
          "verksamheter under 2025", "", "Nämndernas yttranden över revisionens anmärkningar bifogas.",
          "Göteborgs Stad kommunfullmäktige 1 (1)"]
_P64A = ["§ 64 Ärendenummer FFS-2026-00773", "Stadsrevisionens granskning av nämnden för funktionsstöd",
         "2025", "Beslut", "Nämnden översänder tjänsteutlåtandet som yttrande till kommunfullmäktige.",
         "Omröstning", "Omröstning gällande yttrande från (SD) mot yttrande från (C)",
         "Åsa Hartzell (M): Avstår", "Emma Öman (V): Ja", "Pia Rönnesjö (S): Ja",
         "Sanda Anton Henriksson (SD): Nej"]
_P64B = ["Mattias Gerdås (L): Avstår", "Ulla Ekman (V): Ja",
         "Med 3 ja-röster mot 1 nej-röst vinner yttrande från (C). 2 stycken avstod från att rösta.",
         "Omröstning gällande (S), (V) mot yttrande från (C).",
         "Åsa Hartzell (M): Avstår", "Emma Öman (V): Ja", "Pia Rönnesjö (S): Ja",
         "Sanda Anton Henriksson (SD): Avstår", "Mattias Gerdås (L): Nej", "Ulla Ekman (V): Ja",
         "Med 3 ja-röster mot 1 nej-röst vinner yttrande från (S) och (V). 2 stycken avstår",
         "från att rösta.",
         "Reservation/er",
         "Sanda Anton Henriksson (SD) reserverar sig från beslutet till fördel för SD yttrande.",
         "Protokollsutdrag skickas till", "Stadsledningskontoret"]
# a förvaltning's paper between the extracts, its last page opening with the extract's mailing line
_TJUT = ["Protokollsutdrag skickas till", "stadsledningskontoret@stadshuset.goteborg.se", "",
         "Beskrivning av ärendet", "Stadsrevisionen har riktat en anmärkning mot nämnden (§ 27).",
         "Göteborgs Stad Stadsfastighetsförvaltningen, tjänsteutlåtande 3 (3)"]
_P45 = ["§ 45 Ärendenummer SFF-2025-00571", "Yttrande över anmärkning från stadsrevisionen", "Beslut",
        "Stadsfastighetsnämnden översänder yrkande M, L och KD som eget yttrande.", "Omröstning",
        "Godkänd voteringsproposition: ”Ja för att bifalla yrkande S, V, MP och nej för att bifalla",
        "yrkande M, L, KD”.",
        "Vid upprop röstar Camilla Widman (S), Jöran Fagerlund (V) och Thomas Larsson",
        "(MP) ja, medan Mattias Tykesson (M), Thomas Pettersson (M), Patrik Krantz (L)",
        "och Daniel Augustsson (C) röstar nej. Med tre ja-röster mot fyra nej-röster beslutar",
        "nämnden att bifalla yrkande M, L, KD."]
_P27 = ["§ 27 Ärendenummer SFF-2025-00146", "Yrkande från M, L, och KD om att teckna ett Triple Net-avtal",
        "med Räddningsmissionen för fastigheten Gårdsten", "Omröstning",
        "Godkänd voteringsproposition: Ja för avslag till yrkande M, L, KD och nej för bifall till",
        "yrkande M, L, KD.",
        "Camilla Widman (S) och Karl Larsson Bergh (S) röstar ja, medan Mattias Tykesson (M),",
        "Patrik Krantz (L) och Daniel Augustsson (C) röstar nej.", "",
        "Med två ja-röster mot tre nej-röster beslutar nämnden att bifalla yrkande M, L, KD."]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Extraction]:
    path = _pdf(tmp_path_factory.mktemp("bundle") / "rb.pdf", [
        _COVER,
        _extract(_FS, "2026-04-08", 1, 2, _P64A),
        _extract(_FS, "2026-04-08", 2, 2, _P64B),
        _TJUT,
        _extract(_SFN, "2026-04-08", 1, 1, _P45),
        _extract(_SFN, "2025-02-26", 1, 1, _P27),
    ])
    return extract_file(str(path))


def test_each_bundled_extract_heading_is_an_item(bundle: tuple[Document, Extraction]) -> None:
    doc, _ = bundle
    assert [(i.number, i.page_start) for i in doc.items] == [("64", 2), ("45", 5), ("27", 6)]
    assert doc.items[0].title == "Stadsrevisionens granskning av nämnden för funktionsstöd 2025"
    assert doc.items[2].title.endswith("med Räddningsmissionen för fastigheten Gårdsten")
    # an extract ends with its last page: the förvaltning's paper after it is no part of § 64
    assert doc.items[0].page_end == 3


def test_votes_belong_to_the_extract_they_stand_in(bundle: tuple[Document, Extraction]) -> None:
    _, ext = bundle
    assert [(v.item, v.page) for v in ext.votes] == [("§ 64", 3), ("§ 64", 3), ("§ 45", 5), ("§ 27", 6)]


def test_abstentions_in_a_sentence_after_the_result(bundle: tuple[Document, Extraction]) -> None:
    _, ext = bundle
    assert [(v.yes, v.no, v.abstain) for v in ext.votes[:2]] == [(3, 1, 2), (3, 1, 2)]


def test_colon_list_over_a_page_break_is_the_votes_roll_call(bundle: tuple[Document, Extraction]) -> None:
    _, ext = bundle
    first = ext.votes[0]
    assert [(e.name, e.party, e.vote) for e in first.roll_call] == [
        ("Åsa Hartzell", "M", "avstar"), ("Emma Öman", "V", "ja"), ("Pia Rönnesjö", "S", "ja"),
        ("Sanda Anton Henriksson", "SD", "nej"), ("Mattias Gerdås", "L", "avstar"), ("Ulla Ekman", "V", "ja")]
    assert first.note is None  # the members add up to the result
    assert {e.name: e.vote for e in ext.votes[1].roll_call}["Mattias Gerdås"] == "nej"


def test_prose_roll_call_with_the_verb_before_the_names(bundle: tuple[Document, Extraction]) -> None:
    _, ext = bundle
    v45, v27 = ext.votes[2], ext.votes[3]
    assert (v45.yes, v45.no) == (3, 4)
    assert [(e.name, e.party, e.vote) for e in v45.roll_call] == [
        ("Camilla Widman", "S", "ja"), ("Jöran Fagerlund", "V", "ja"), ("Thomas Larsson", "MP", "ja"),
        ("Mattias Tykesson", "M", "nej"), ("Thomas Pettersson", "M", "nej"), ("Patrik Krantz", "L", "nej"),
        ("Daniel Augustsson", "C", "nej")]
    # "… röstar ja, medan B (M), … röstar nej": the member after "medan" votes nej too
    assert (v27.yes, v27.no) == (2, 3)
    assert [e.name for e in v27.roll_call if e.vote == "nej"] == ["Mattias Tykesson", "Patrik Krantz",
                                                                   "Daniel Augustsson"]


def test_a_cited_law_paragraph_at_a_line_start_is_no_heading(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "ls.pdf", [[
        "Länsstyrelsen Västra Götaland", "Beslut", "2026-06-22 5475-2026", "",
        "Skäl för beslutet",
        "Nämnden har vidare bedömt att då miljöhuset placeras i direkt anslutning till befintlig",
        "byggnad bedöms det finnas särskilda skäl att medge undantag från",
        "39 § BS, eftersom detta är den mest lämpliga placeringen av",
        "miljöhus på fastigheten. Åtgärden anses därmed planenlig.",
    ]])
    assert read_document(path).items == ()


def test_a_plain_extract_document_keeps_one_numbering(tmp_path: Path) -> None:
    """One body's extract of two §§ (the same head on every page): both items, as before."""
    path = _pdf(tmp_path / "ks.pdf", [
        _extract("Kommunstyrelsen", "2026-03-04", 1, 2, ["§ 12 Ärendenummer KS-2026-00012", "Budget 2027",
                                                         "Beslut", "Kommunstyrelsen fastställer budgeten."]),
        _extract("Kommunstyrelsen", "2026-03-04", 2, 2, ["§ 13 Ärendenummer KS-2026-00044", "Taxor 2027",
                                                         "Beslut", "Kommunstyrelsen fastställer taxorna."]),
    ])
    assert [(i.number, i.page_start) for i in read_document(path).items] == [("12", 1), ("13", 2)]


def test_each_extract_keeps_its_own_body_and_meeting_date(bundle: tuple[Document, Extraction]) -> None:
    """A vote in Nämnden för funktionsstöd's § 64 of 2026-04-08 is that nämnd's, on that date —
    not the handling's it was appended to."""
    doc, _ = bundle
    assert [(i.number, i.committee, i.date) for i in doc.items] == [
        ("64", _FS, "2026-04-08"), ("45", _SFN, "2026-04-08"), ("27", _SFN, "2025-02-26")]


def test_a_protocol_extract_of_its_own_has_no_other_origin(tmp_path: Path) -> None:
    """A document that is one body's extract: its § is the document's own (the same body and
    date as its metadata), so it carries none of its own."""
    path = _pdf(tmp_path / "utdrag.pdf", [_extract(_SFN, "2026-04-08", 1, 1, _P45)])
    doc = read_document(path)
    assert doc.metadata.committee == _SFN and doc.metadata.date == "2026-04-08"
    assert [(i.number, i.committee, i.date) for i in doc.items] == [("45", None, None)]


def test_a_bundled_protocol_with_the_city_before_its_body(tmp_path: Path) -> None:
    """'Göteborgs Stads grundskolenämnd / Protokoll nr 3' over a whole protocol bundled beside
    extracts: the body is the nämnd, in the form the others are written."""
    proto = ["Göteborgs Stads grundskolenämnd", "Protokoll nr 3", "Sammanträdesdatum: 2025-04-07", "",
             "§ 42 Ärendenummer GSF-2025-01221", "Yttrande gällande anmärkning från stadsrevisionen",
             "Beslut", "Grundskolenämnden översänder tjänsteutlåtandet som yttrande."]
    path = _pdf(tmp_path / "rb.pdf", [_COVER, proto, _TJUT, _extract(_SFN, "2025-02-26", 1, 1, _P27)])
    doc = read_document(path)
    assert [(i.number, i.committee, i.date) for i in doc.items] == [
        ("42", "Grundskolenämnden", "2025-04-07"), ("27", _SFN, "2025-02-26")]
    # it ends with the last page under its head: the förvaltning's paper after it is not § 42
    assert (doc.items[0].page_start, doc.items[0].page_end) == (2, 2)


def test_each_vote_says_what_was_voted_on(bundle: tuple[Document, Extraction]) -> None:
    """A colon list's heading is the proposition where the text states no Ja/Nej one; an unquoted
    voteringsproposition ends with its sentence, not with the roll call after it."""
    _, ext = bundle
    assert [v.proposition for v in ext.votes] == [
        "Omröstning gällande yttrande från (SD) mot yttrande från (C)",
        "Omröstning gällande (S), (V) mot yttrande från (C).",
        "Ja för att bifalla yrkande S, V, MP och nej för att bifalla yrkande M, L, KD.",
        "Ja för avslag till yrkande M, L, KD och nej för bifall till yrkande M, L, KD.",
    ]


def test_a_colon_list_whose_last_member_ends_the_page(tmp_path: Path) -> None:
    # no running foot under the list: the page's text ends with the member's line, right before
    # the page break, and the next page opens with a member; each is one of the list
    first = ["§ 12 Ärendenummer FFS-2026-00100", "Yttrande till kommunfullmäktige", "Omröstning",
             "Åsa Hartzell (M): Avstår", "Emma Öman (V): Ja", "Pia Rönnesjö (S): Ja",
             "Mattias Gerdås (L): Avstår"]
    second = ["Ulla Ekman (V): Ja",
              "Med 3 ja-röster mot 0 nej-röster vinner yttrande från (V). 2 stycken avstod från att rösta."]
    _, ext = extract_file(str(_pdf(tmp_path / "lista.pdf", [first, second])), ocr=False)
    names = [e.name for v in ext.votes for e in v.roll_call]
    assert names == ["Åsa Hartzell", "Emma Öman", "Pia Rönnesjö", "Mattias Gerdås", "Ulla Ekman"]
