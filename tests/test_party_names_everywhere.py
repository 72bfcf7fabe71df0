"""One party registry: a party typed or written by an older, spoken or inflected name is read
the same way by every stage (issue 13) — the query, the refusal check, the ``--party`` option,
the question's kind, the extract and a document's signature."""

from __future__ import annotations

import pytest

from namndkoll.commands._output import party_code as party_option
from namndkoll.extract.parties import find_parties, party_code
from namndkoll.ingest.metadata import find_doc_type
from namndkoll.registry import parties_by_stem
from namndkoll.search.absent import absent_from, constraints_of
from namndkoll.search.question import read_question
from namndkoll.search.terms import query_terms
from namndkoll.types import Document, Metadata, Page


@pytest.mark.parametrize("typed, code", [
    ("sossarna", "S"), ("vänstern", "V"), ("centern", "C"),  # as people say it
    ("moderater", "M"), ("liberaler", "L"), ("folkpartister", "L"),  # words for its members
    ("mp:s", "MP"),  # a code in the genitive
])
def test_a_party_typed_any_way_is_the_same_party_in_a_query_and_in_the_party_option(typed: str, code: str) -> None:
    """`namndkoll search … --party sossarna` and the query "Vad tyckte sossarna …" mean S alike:
    the option refused spoken names and members' words the query understood."""
    assert party_option(typed) == code
    assert [t.party for t in query_terms(f"Vad tyckte {typed} om skolan?") if t.party] == [code]


def test_liberal_as_an_adjective_is_no_party() -> None:
    """"en liberal hållning" is no mention of Liberalerna: the query, the refusal check and the
    option agree (the refusal check read every word starting "liberal" as the party)."""
    assert not [t for t in query_terms("liberal alkoholpolitik") if t.party]
    q = "Vad tyckte Liberalerna om serveringstillstånden?"
    c = constraints_of(q, read_question(q))
    row = {"title": "", "committee": "Socialnämnden", "municipality": "Lund"}
    assert c.parties == ("L",)
    assert "party" in absent_from(c, "Nämnden har en liberal hållning till serveringstillstånd.", row)
    assert "party" not in absent_from(c, "Liberalerna yrkar avslag på serveringstillstånden.", row)


@pytest.mark.parametrize("q", ["Vad yrkade Folkpartiet om skolskjutsen?", "Vad yrkade Liberalerna om skolskjutsen?"])
def test_an_older_record_writing_the_older_code_holds_the_party_asked(q: str) -> None:
    """A 2010 protocol writes "Anna Berg (fp)": a question about Liberalerna or Folkpartiet is
    answered there, not refused as if the party were absent."""
    c = constraints_of(q, read_question(q))
    row = {"title": "", "committee": "Barn- och ungdomsnämnden", "municipality": "Alingsås"}
    assert c.parties == ("L",)
    assert "party" not in absent_from(c, "Anna Berg (fp) yrkar att skolskjutsen ska utredas.", row)
    assert "party" in absent_from(c, "Per Ek (s) yrkar att skolskjutsen ska utredas.", row)


@pytest.mark.parametrize("q", ["Vilka folkpartister reserverade sig?", "Vilka sossar röstade nej?"])
def test_a_question_about_a_partys_members_asks_for_people(q: str) -> None:
    assert "who" in read_question(q).kinds


@pytest.mark.parametrize("written, code", [
    ("moderater", "M"), ("Moderaten", "M"), ("folkpartister", "L"), ("liberaler", "L"),
    ("centerpartister", "C"), ("Folkpartiet", "L"),
])
def test_the_extract_reads_the_names_the_search_reads(written: str, code: str) -> None:
    """What the search takes for a party's name the extract stores as that party's mention, so
    a passage found by the name is also found by ``--party`` through its stored mentions."""
    assert [t.party for t in query_terms(written) if t.party] == [code]
    assert party_code(written) == code
    assert parties_by_stem(written) == {code}
    text = f"Mot beslutet reserverade sig {written}."
    doc = Document("x.pdf", "h", (Page(1, text),), Metadata("x", "Lund", None, "protokoll", None))
    assert [m.code for m in find_parties(doc)] == [code]


def test_a_motion_signed_with_an_older_code_or_name_is_a_motion_or_a_party_statement() -> None:
    """An older motion signed "Anna Berg (fp)" is a motion and a statement signed "Folkpartiet
    liberalerna" a party's statement, as with today's codes and names: the signature test knew
    today's codes and names only."""
    first = "Fler platser i förskolan\nFörslag till beslut i kommunfullmäktige:\n1. Kommunen bygger"
    assert find_doc_type(["Fler platser i förskolan"], False, first_text=first,
                         last_lines=["Anna Berg (fp)"]) == "motion"
    assert find_doc_type(["Om matsvinnet"], False, first_text="Vi anser att ...",
                         last_lines=["Per Ek", "Folkpartiet liberalerna"]) == "skrivelse"


def test_an_older_name_of_several_words_is_read_whole() -> None:
    """"Kristdemokratiska samhällspartiet" (KD before 1996) is one mention kept as written, and
    a signature line naming it beside another party names both; its first word alone was taken
    for the party and the rest of the line for no party."""
    from namndkoll.extract.people import find_people

    text = "Mot beslutet reserverade sig Kristdemokratiska samhällspartiet."
    doc = Document("x.pdf", "h", (Page(1, text),), Metadata("x", "Lund", None, "protokoll", None))
    assert [(m.code, m.text, m.original) for m in find_parties(doc)] == [
        ("KD", "Kristdemokratiska samhällspartiet", "Kristdemokratiska samhällspartiet")]
    signed = "Vi reserverar oss.\n\nAnna Andersson Bo Bengtsson\nKristdemokratiska samhällspartiet Moderaterna\n"
    doc = Document("r.pdf", "h", (Page(1, signed),), Metadata("r", "Lund", None, "reservation", None))
    assert [(p.name, p.party) for p in find_people(doc)] == [("Anna Andersson", "KD"), ("Bo Bengtsson", "M")]



@pytest.mark.parametrize("text, parties", [
    # Göteborg writes Feministiskt initiativ "(FI)": one column with the stored positions' "Fi"
    ("Motion av Stina Svensson (FI) och Teysir Subhi (FI) om Slottsskogen", ("Fi",)),
    # every party of a list, not the first only
    ("Ledamöterna från M, L och KD reserverar sig mot beslutet.", ("KD", "L", "M")),
    # an older record: "(fp)" is L's column
    ("Anna Berg (fp) och Per Ek (fp) yrkar avslag.", ("L",)),
])
def test_compare_puts_a_passage_under_the_parties_the_search_reads_in_it(text: str, parties: tuple[str, ...]) -> None:
    """`compare TOPIC --by party` gives a matching passage to the parties it names by the same
    rule as the search's refusal check and party filter: today's code whatever the case, every
    party of a list, older codes. An attendance list, which writes every party's code on its own,
    speaks for none."""
    from namndkoll.search.compare import parties_named_in
    from namndkoll.types import Hit

    def named(t: str) -> tuple[str, ...]:
        return parties_named_in(Hit(1, 1, "x.pdf", t, 1.0, 1, 1, None, None, 0, len(t), "x", Metadata()))

    assert named(text) == parties
    assert named("Andersson, Bettan\nV\n11:20\n21:08\nArby, Hans\nC\n9:00\nElf, Petra\nMP\n15:41") == ()
