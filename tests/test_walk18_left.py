"""What the eighteenth session's walk left for the owners (docs/walks/eighteenth-session.md),
read from real PDFs made with reportlab in other names than the walk's documents: a copy of a
protocol's front pages whose table of contents has titles that wrap over several lines became
§ items with no text of their own."""

from __future__ import annotations

from pathlib import Path

from test_ingest_batch import make_pdf

from namndkoll.ingest import read_document

_FRONT = """VÄSTERBY KOMMUN
SAMMANTRÄDESPROTOKOLL
Tekniska nämnden
2019-03-12
Plats och tid
Nämndrummet, kl. 09:00-11:30
Justerade paragrafer
40-49
Sekreterare
Karin Ek
INNEHÅLLSFÖRTECKNING
Paragrafer
Ärenden
Sida
§ 40
Information om vattenverkets drift"""

_CONTENTS = """§ 41
Meddelanden tekniska nämnden 2019-03-12
3 - 4
§ 42
Delegationsbeslut tekniska nämnden 2019-03-12
5 - 6
§ 43
Gatubelysning i Norrby
7 - 8
§ 44
Medborgarförslag om gång- och cykelväg mellan Norrby och Söderby
under vinterhalvåret
Upprustning av lekplatser
9 - 10
11 - 12
§ 47
Samverkansavtal mellan Västerby kommun och kommunerna i länet
om gemensam upphandling av vinterväghållning efter beslut om
Remiss om nya regler för enskilda vägar (Ds
2018:31)
Motion om fler laddstolpar
§ 48
Taxa för parkering på kvartersmark
21 - 22
§ 49
Tekniska nämndens verksamhetsplan 2019-20"""


def test_a_table_of_contents_with_wrapped_titles_gives_no_items(tmp_path: Path) -> None:
    """Where the contents jump past §§ whose lines ran together ("§ 44 … 9 - 10 11 - 12 § 47"),
    the §§ after the jump are still contents lines, not items: a copy of the front pages only
    has no items at all."""
    doc = read_document(make_pdf(tmp_path / "front.pdf", [_FRONT, _CONTENTS]))
    assert [i.number for i in doc.items] == []


def test_items_after_a_table_of_contents_are_still_read(tmp_path: Path) -> None:
    """The same contents followed by the §§ themselves: the items are read from their headings,
    with their own text."""
    body = [f"§ {n}\nÄrendet nummer {n}\nÄrendebeskrivning\n"
            "Förvaltningen har sammanställt en redovisning av ärendet och dess kostnader.\n"
            "Redovisningen visar att arbetet har gått enligt plan under det senaste året.\n"
            "Beslutsunderlag\nTjänsteskrivelse från förvaltningen.\n"
            "Tekniska nämndens beslut\nRedovisningen godkänns och läggs till handlingarna."
            for n in range(40, 50)]
    doc = read_document(make_pdf(tmp_path / "whole.pdf", [_FRONT, _CONTENTS, *body]))
    assert [i.number for i in doc.items] == [str(n) for n in range(40, 50)]
    assert all(i.page_start >= 3 for i in doc.items)
