"""(issue 11, twenty-third session) A question asks in the past or the passive what the records
write as a noun or in the present, and the other way round: "När antogs detaljplanen?" over
"beslutar om antagande av detaljplanen", "Hur mycket ökade kostnaderna?" over "en ökning med
12 procent", "Avslogs motionen?" over "yrkar avslag på motionen". The word's stem is a prefix of
its own inflections only ("ökad*", "antog*", "avslog*"), and a strong verb's present stem
reached other words ("anta*": "antalet"). The verb's forms and nouns come from the lemma table
(search/forms.py). On both backends: FTS5 and PostgreSQL's tsquery take the same prefixes."""

from __future__ import annotations

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import opened
from namndkoll.extract.figure_lemmas import lemma_of
from namndkoll.search import index_corpus, search
from namndkoll.search.forms import verb_of
from namndkoll.search.plan import keyword_plan
from namndkoll.search.terms import Matcher
from namndkoll.types import Metadata

MD = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2026-06-15")
PASSAGES = {
    "antagande.pdf": "§ 45 Detaljplan för Skolgatan i Sollebrunn. Kommunfullmäktige beslutar om antagande av "
                     "detaljplanen för Skolgatan i Sollebrunn. Antagandet kan överklagas.",
    "antal.pdf": "Antalet elever i grundskolan har varit oförändrat under året enligt förvaltningens redovisning.",
    "okning.pdf": "Kostnaderna för färdtjänsten visar en ökning med 12 procent jämfört med föregående år.",
    "avslag.pdf": "Sanna Dabolins (V) yrkar avslag på motionen om fler parkeringsplatser vid stationen.",
    "okade.pdf": "Resorna med färdtjänst ökade under hösten, framför allt bland äldre resenärer.",
}


def _found(db: str, query: str) -> list[str]:
    with opened(db, write=True) as st:
        for name, text in PASSAGES.items():
            with st.transaction():
                st.replace_document(report(name, [text], MD))
        index_corpus(st, FakeEmbedder())
        return [h.source for h in search(st, query, None, mode="keyword", abstention=False)]


@pytest.mark.parametrize(("word", "verb"), [
    ("antogs", "anta"), ("ökade", "öka"), ("avslogs", "avslå"), ("infördes", "införa"), ("ökat", "öka"),
    ("ökning", "öka"), ("antagande", "anta"), ("upphandling", "upphandla"), ("avslag", None), ("förslag", None),
    # not a noun the table reads as a verb, nor a participle that is a noun, nor a present
    ("nämnd", None), ("klass", None), ("utsatta", None), ("kommunstyrelsens", None), ("ledning", None), ("ersättning", None),
])
def test_a_past_or_passive_verb_and_a_verbs_noun_are_read_as_the_verb(word: str, verb: str | None):
    assert verb_of(word, lambda w: lemma_of("sv", w)) == verb


def test_antogs_reaches_the_antagande_not_the_antal(db: str):
    found = _found(db, "antogs")
    assert "antagande.pdf" in found
    assert "antal.pdf" not in found


def test_okade_reaches_the_okning_and_the_reverse(db: str):
    assert set(_found(db, "ökade")) >= {"okning.pdf", "okade.pdf"}
    assert set(_found(db, "ökning")) >= {"okning.pdf", "okade.pdf"}


def test_avslogs_reaches_the_avslag(db: str):
    assert _found(db, "avslogs") == ["avslag.pdf"]


def test_a_passage_holding_the_noun_holds_the_question_word(db: str):
    with opened(db, write=True) as st:
        for name, text in PASSAGES.items():
            with st.transaction():
                st.replace_document(report(name, [text], MD))
        index_corpus(st, FakeEmbedder())
        terms = keyword_plan(st, "När antogs detaljplanen?")
    matcher = Matcher(terms)
    assert matcher.held(PASSAGES["antagande.pdf"]) == [True, True]
    assert matcher.held(PASSAGES["antal.pdf"]) == [False, False]


# (twenty-fourth session) the table gives a participle or an s-verb ("grundades" -> "grundad",
# "hålls" -> "hållas"), and the word's stem ran into other words: "grund*" reached grundskola,
# grundläggande, "håll*" hållbar. The word reaches its verb's forms, not the words its first
# letters begin
ROOTS = {
    "grundskola.pdf": "Grundskolan får en ny grundskolenämnd. Grundläggande resurser och grundavgiften för "
                      "grundskolans elever fastställs av grundskolenämnden.",
    "grundade.pdf": "Föreningen grundades 1952 av boende i Sollebrunn.",
    "hallbar.pdf": "Hållbarhetsarbetet ska göra staden hållbar, och hållbarheten följs upp i hållbarhetsrapporten.",
    "haller.pdf": "Kommunfullmäktige håller sitt möte i stadshuset varje månad; mötet hålls klockan 18.",
}


@pytest.mark.parametrize(("word", "verb"), [
    ("grundades", "grunda"), ("hålls", "hålla"), ("delades", "dela"), ("reserverade", "reservera"),
    # a noun's form the table takes to a participle or a root: no verb's form
    ("nämndens", None), ("samrådet", None), ("västs", None), ("nämns", None),
])
def test_a_participle_or_s_verb_in_the_table_is_read_as_its_verb(word: str, verb: str | None):
    assert verb_of(word, lambda w: lemma_of("sv", w)) == verb


def test_grundades_and_halls_reach_their_verbs_not_words_sharing_their_letters(db: str):
    with opened(db, write=True) as st:
        for name, text in ROOTS.items():
            with st.transaction():
                st.replace_document(report(name, [text], MD))
        index_corpus(st, FakeEmbedder())
        grundades = [h.source for h in search(st, "grundades", None, mode="keyword", abstention=False)]
        halls = [h.source for h in search(st, "hålls", None, mode="keyword", abstention=False)]
        terms = keyword_plan(st, "När grundades föreningen?")
    assert grundades == ["grundade.pdf"]
    assert halls == ["haller.pdf"]
    assert Matcher(terms[:1]).held(ROOTS["grundskola.pdf"]) == [False]


def test_a_verb_form_typed_without_dots_reaches_what_it_does_typed_right(db: str):
    # "halls" is "hålls" (a keyboard without å): its spelling with the ring, then the verb's
    # forms, not "håll*" (hållbar)
    with opened(db, write=True) as st:
        for name, text in ROOTS.items():
            with st.transaction():
                st.replace_document(report(name, [text], MD))
        index_corpus(st, FakeEmbedder())
        (halls,) = [t for t in keyword_plan(st, "nar halls motet") if t.word == "halls"]
        found = [h.source for h in search(st, "nar halls motet", None, mode="keyword", abstention=False)]
    assert "hålls" in halls.alts
    assert Matcher([halls]).held(ROOTS["hallbar.pdf"]) == [False]
    assert found == ["haller.pdf"]


# (twenty-fifth session) where a verb form's stem reached mostly other words ("start*":
# startavgiften, startbidraget), the word was searched by its verb's forms as prefixes only, and
# the verb's own noun was lost with the stem ("startade": start, starten; "byggas": bygget).
# Those words are matched whole, on both backends. An -ande noun's other forms are read as the
# noun is ("mottagandet" as "mottagande": its verb's forms, not "mottag*": mottagningsgruppen)
OWN = {
    "start.pdf": "Projektets start är i mars. Starten av arbetet följs upp av nämnden varje kvartal.",
    "startade.pdf": "Arbetet startade under hösten med en workshop för personalen.",
    "startavgift.pdf": "Startavgiften för loppet höjs och startbidraget sänks enligt förslaget till ny taxa.",
    "bygget.pdf": "Bygget av den nya förskolan i Sollebrunn börjar i maj och pågår i ett år.",
    "bygglov.pdf": "Bygglovet för villan på Skolgatan beviljades; bygglovsavgiften tas ut enligt taxan.",
}


def _own_corpus(st) -> None:  # type: ignore[no-untyped-def]
    for name, text in OWN.items():
        with st.transaction():
            st.replace_document(report(name, [text], MD))
    index_corpus(st, FakeEmbedder())


def test_startade_reaches_its_own_noun_whole_not_the_stems_other_words(db: str):
    with opened(db, write=True) as st:
        _own_corpus(st)
        found = [h.source for h in search(st, "startade", None, mode="keyword", abstention=False)]
        (term,) = keyword_plan(st, "När startade arbetet?")[:1]
    assert set(found) == {"start.pdf", "startade.pdf"}
    assert Matcher([term]).held(OWN["start.pdf"]) == [True]
    assert Matcher([term]).held(OWN["startavgift.pdf"]) == [False]


def test_byggas_reaches_the_bygget_not_the_bygglov(db: str):
    with opened(db, write=True) as st:
        _own_corpus(st)
        found = [h.source for h in search(st, "byggas", None, mode="keyword", abstention=False)]
    assert found == ["bygget.pdf"]


@pytest.mark.parametrize(("word", "verb"), [("yttrandet", "yttra"), ("antagandet", "anta"), ("yttrandena", "yttra")])
def test_an_ande_nouns_forms_are_read_as_the_noun(word: str, verb: str):
    assert verb_of(word, lambda w: lemma_of("sv", w), nouns=True) == verb


def test_mottagandet_reaches_the_mottagande_not_the_mottagning(db: str):
    passages = {
        "mottagande.pdf": "Rutinen för mottagandet av nya elever i anpassad grundskola tas fram under våren.",
        "mottagning.pdf": "Mottagningsgruppen och mottagningen för hälsovården har öppet på tisdagar.",
        "mottagare.pdf": "Mottagaren av fakturan anges på blanketten.",
    }
    with opened(db, write=True) as st:
        for name, text in passages.items():
            with st.transaction():
                st.replace_document(report(name, [text], MD))
        index_corpus(st, FakeEmbedder())
        found = [h.source for h in search(st, "mottagandet", None, mode="keyword", abstention=False)]
    assert found == ["mottagande.pdf"]


def test_grundades_does_not_reach_the_grund_of_pa_grund_av(db: str):
    # the bare root's noun is reached whole only where the verb's forms are a tenth as common:
    # "grund" is mostly "på grund av", no word of what "När grundades …" asks
    with opened(db, write=True) as st:
        for name, text in {**ROOTS, **{f"grund{i}.pdf": f"Ärendet bordläggs på grund av tidsbrist vid mötet {i}."
                                       for i in range(12)}}.items():
            with st.transaction():
                st.replace_document(report(name, [text], MD))
        index_corpus(st, FakeEmbedder())
        found = [h.source for h in search(st, "grundades", None, mode="keyword", abstention=False)]
    assert found == ["grundade.pdf"]
