"""The officials' signatures under an officer report's "Förslag till beslut" are no clause of the
proposal: Alingsås kommunstyrelse's tjänsteskrivelse 2026-05-11 (svar på motion, shortened)
ends with two names, their titles and an approval line, and `namndkoll decisions` quoted
"Motionen anses besvarad. Jerker Gustafsson Cecilia Knutsson Biträdande kommundirektör …" with
the signature block as a second att-clause."""

from __future__ import annotations

from test_decisions_walk import make_doc

ALINGSAS_TS = """Datum: 2026-05-11 Kommunstyrelsen
Diarienr: 2025.503 KS
Svar på motion gällande att stärka stödet till det ukrainska folket
Ärendebeskrivning
Anton Cesár (S) och Leif Hansson (S) har lämnat in en motion.
Förslag till beslut
Förslag till beslut i kommunfullmäktige
Motionen anses besvarad.
Jerker Gustafsson Cecilia Knutsson
Biträdande kommundirektör Kanslichef och kommunjurist
Jerker Gustafsson, Godkännare tjänsteskrivelse, 2026-05-12
"""

LISTED = """Förslag till beslut
1. Tekniska nämnden får i uppdrag att bygga överföringsledningar.
2. Kommunfullmäktige beviljar en investeringsram om 10 mnkr.
Anna Berg
Förvaltningschef
"""


def test_the_signatures_under_a_proposal_are_no_clause() -> None:
    [d] = find_decisions_of(ALINGSAS_TS)
    assert d.status == "proposed"
    assert d.text == "Motionen anses besvarad."
    assert d.clauses == ("Motionen anses besvarad",)


def test_a_numbered_proposal_keeps_its_points_and_drops_the_signature() -> None:
    [d] = find_decisions_of(LISTED)
    assert d.text.endswith("investeringsram om 10 mnkr."), d.text
    assert len(d.clauses) == 2


def find_decisions_of(text: str):
    from namndkoll.extract.decisions import find_decisions

    return find_decisions(make_doc(text, committee="Kommunstyrelsen", doc_type="tjansteskrivelse"))


def test_two_chairs_signing_side_by_side_with_title_before_body():
    # VGR's förord: "Helen Eliasson Madeleine Jonsson" over "Ordförande regionstyrelsen
    # Ordförande miljö- och" (the second body's name wraps to the next line)
    from namndkoll.extract.people import find_people

    text = ("Du är varmt välkommen att vara en del i arbetet.\nVänersborg februari 2026\n"
            "Helen Eliasson Madeleine Jonsson\nOrdförande regionstyrelsen Ordförande miljö- och\n"
            "Västra Götalandsregionen regionutvecklingsnämnden\n")
    got = {p.name: p.role for p in find_people(make_doc(text))}
    assert got == {"Helen Eliasson": "ordförande regionstyrelsen", "Madeleine Jonsson": "ordförande miljö- och"}
