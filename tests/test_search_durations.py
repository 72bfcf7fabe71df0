"""A question asking how long is answered by a length of time or by when it ends (search/durations.py,
issue 11, twenty-fourth session): "Hur länge gäller avtalet …?" and "… gäller till och med den 4
mars 2026" (a date, which the figure checks read as no figure), "Inom hur lång tid …?" and "…
inom två år" (no word "tid").

Texts: an agreement's term as Alingsås kommunstyrelse writes one (and what it costs, in an annual
report), and Alingsås kommunfullmäktige
2018-03-28 § 54's ekonomistyrprinciper ("ska nämnden täcka underskottet inom två år")."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.durations import asks_duration, asks_length, duration_in, length_in
from namndkoll.search.grounds import states
from namndkoll.search.hybrid import evidence, rank, search
from namndkoll.search.plan import frame_spelled
from namndkoll.search.question import read_question
from namndkoll.types import Metadata

FARJA = """§ 112 2026.301 KS
Avtal om färjetrafik till Hjälmön
Ärendebeskrivning
Kommunen har sedan 2019 ett avtal med Västtrafik om färjetrafiken till Hjälmön. Avtalet om
färjetrafiken gäller till och med den 4 mars 2026. Därefter kan det förlängas."""
FARJA_KOSTNAD = """Färjetrafiken
Kommunens kostnad för färjetrafiken är 1 250 000 kronor per år. Resandet har ökat med 12 procent
sedan föregående år."""
UNDERSKOTT = """§ 54 2018.044 KS
Nämndernas underskott
Enligt ekonomistyrprinciper antagna av kommunfullmäktige den 25 november 2015, § 183 framgår
följande: En nämnd får inte förbruka mer resurser än vad den blivit tilldelad. Om detta ändå sker
ska nämnden täcka underskottet inom två år."""


@pytest.fixture
def alingsas(db_path: Path):
    conn = open_db(db_path)
    for d in (report("ks-2026-02-10.pdf", [FARJA], Metadata(
                  "Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-02-10")),
              report("budget-2025.pdf", [FARJA_KOSTNAD], Metadata(
                  "Årsredovisning 2025", "Alingsås", "Kommunstyrelsen", "arsredovisning", "2026-03-20")),
              report("kf-2018-03-28.pdf", [UNDERSKOTT], Metadata(
                  "Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2018-03-28"))):
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, FakeEmbedder())
    yield as_store(conn)
    conn.close()


@pytest.mark.parametrize("query, duration", [
    ("Hur länge gäller avtalet med Västtrafik?", True),
    ("hur länge pågår projektet", True),
    ("Inom hur lång tid måste en nämnd täcka ett underskott?", True),
    ("Hur lång är uppsägningstiden?", True),
    ("Hur lång är Vasaloppet?", False),  # a length, not a time
    ("Hur långt går en elcykel på en laddning?", False),
    ("Hur mycket kostar färjetrafiken?", False),
])
def test_which_questions_ask_how_long(query: str, duration: bool) -> None:
    assert asks_duration(read_question(query)) is duration


@pytest.mark.parametrize("text, duration", [
    ("Avtalet gäller till och med den 4 mars 2026.", True),
    ("Avtalet gäller t.o.m. 2026-03-04.", True),
    ("En tillfällig lösning är klar åtminstone fram till 31.12.2022.", True),
    ("Bidraget lämnas från och med 1 januari 2024.", True),
    ("Projektet pågår under tre år.", True),
    ("Nämnden ska täcka underskottet inom två år.", True),
    ("Uppdraget gäller under perioden 2024–2026.", True),
    ("Avtalet gäller tills vidare.", True),
    ("ett treårigt avtal", True),
    ("Beslutet fattades enligt 2026 års budget.", False),
    ("Ärendet har diarienummer KS 2026/123.", False),
    ("Kostnaden är 1 250 000 kronor.", False),
    ("Beslutet skickas till marken- och exploateringsenheten.", False),
])
def test_what_states_how_long(text: str, duration: bool) -> None:
    assert duration_in(text) is duration


def test_a_date_a_term_ends_answers_how_long() -> None:
    q = read_question("Hur länge gäller avtalet om färjetrafiken?")
    # the date the agreement runs to is the answer, though a date is no figure
    assert states(q, "Avtalet om färjetrafiken gäller till och med den 4 mars 2026.")
    assert states(q, "Avtalet gäller tills vidare.")
    # a passage with neither a figure nor a time states none
    assert not states(q, "Avtalet om färjetrafiken har tecknats med Västtrafik.")
    # "Hur många …" still asks a figure: a date is none
    assert not states(read_question("Hur många turer har färjan?"), "Turerna gäller till och med den 4 mars 2026.")


def test_how_long_an_agreement_runs_is_found(alingsas) -> None:
    q = "Hur länge gäller avtalet om färjetrafiken till Hjälmön?"
    ranked, terms = rank(alingsas, q, None, alingsas.resolve_filters(), mode="keyword", candidates=20)
    ranked, rows, _question = evidence(alingsas, q, ranked, terms)
    term = next(r for r in ranked if rows[r.chunk_id]["text"].startswith("§ 112"))
    assert term.kind_stated and term.stated  # before: a date was no answer of the kind asked
    hits = search(alingsas, q, None, mode="keyword")
    assert hits and "till och med den 4 mars 2026" in hits[0].text


def test_a_duration_holds_the_time_asked(alingsas) -> None:
    # "Inom hur lång tid …" asks a time ("tid", the focus): "inom två år" states it without the word
    q = "Inom hur lång tid måste en nämnd i Alingsås täcka ett underskott?"
    ranked, terms = rank(alingsas, q, None, alingsas.resolve_filters(), mode="keyword", candidates=20)
    ranked, rows, _question = evidence(alingsas, q, ranked, terms)
    rule = next(r for r in ranked if rows[r.chunk_id]["text"].startswith("§ 54"))
    assert rule.focus_ok and rule.kind_stated


def test_a_length_asked_is_stated_by_a_length() -> None:
    # "hur lang ar gota alv" (typed without dots) asks a length: a vote on the Göta älv ferries
    # counts votes, no length (before: any number was the figure asked)
    q = read_question(frame_spelled("hur lang ar gota alv"))
    assert asks_length(q) and not asks_duration(q)
    assert not states(q, "Omröstningen utfaller med 68 Ja mot 3 Nej. 9 ledamöter avstår från att rösta.")
    assert states(q, "Göta älv är 93 km lång och rinner från Vänern.")
    bike = read_question("Hur långt går en elcykel på en laddning?")
    assert states(bike, "En elcykel har normalt en räckvidd på 50–60 km per laddning.")
    assert not asks_length(read_question("Hur länge gäller avtalet?"))
    assert length_in("tre mil") and length_in("200 meter") and not length_in("500 kronor")
