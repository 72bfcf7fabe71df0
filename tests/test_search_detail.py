"""The detail a question asks beyond its topic (search/detail.py, issue 11, ninth session): a
passage on the topic that does not state the post, the name, the words or the alternative asked
is not trusted ("high"). The texts are written for these tests in the manner of the records read
(the fetched records themselves are not committed)."""

from __future__ import annotations

import pytest

from namndkoll.search.asked import asked_of
from namndkoll.search.question import read_question


def trusted(query: str, text: str, context: str | None = None) -> bool:
    return asked_of(read_question(query), text, context, None, None, None)


APPOINTED = """§ 12 Dnr BUN-2024-00044
Verksamhetschef elevhälsans medicinska insatser
Beslut
Karin Lund utses till verksamhetschef för elevhälsans medicinska insatser från
och med 1 mars 2024."""
SUMMARY = """Nämnden ska se till att det finns en verksamhetschef för elevhälsans hälso- och
sjukvårdsverksamhet. Uppdraget som verksamhetschef för de psykologiska insatserna ändras inte.
Karin Lund föreslås som verksamhetschef för medicinska delen av elevhälsan."""


def test_another_posts_holder_is_not_trusted():
    q = "Vem var verksamhetschef för elevhälsans psykologiska insatser efter 1 mars 2024?"
    assert read_question(q).post_for == ("elevhälsans", "psykologiska", "insatser")
    assert not trusted(q, APPOINTED)
    # the post asked named with what it is for is the holder's passage
    assert trusted(q, "Per Ek utses till verksamhetschef för elevhälsans psykologiska insatser.")
    # a mention that says the post is for what is asked keeps the passage
    assert trusted(q, SUMMARY + "\nPer Ek är sedan maj verksamhetschef för elevhälsans psykologiska insatser.")
    # (a compound, "verksamhetschefsuppdraget för de psykologiska …", is no mention of the post)
    assert not trusted(q, SUMMARY.replace("Uppdraget som verksamhetschef", "Verksamhetschefsuppdraget"))
    # the post asked of a body, with no "för …" in the passage, is left to the other rules
    assert trusted("Vem är ny vice ordförande för tekniska nämnden?", "Eva Holm (S) väljs till vice ordförande.",
                   "§ 5 Val av vice ordförande i tekniska nämnden")


BANK = """Regler för betalkort
Allmänt
Med betalkort avses kontokort med kredit från kommunens
upphandlade bank. Betalkort får bara användas i tjänsten i Botkyrka kommun."""


@pytest.mark.parametrize("query", ["Vilken bank är kommunens upphandlade bank för betalkort i Botkyrka?",
                                   "Vilket företag levererar betalkorten i Botkyrka?"])
def test_a_name_asked_by_its_kind_must_be_stated(query: str):
    assert not trusted(query, BANK)
    assert trusted(query, BANK.replace("kommunens\nupphandlade bank", "kommunens upphandlade bank Nordbanken AB"))
    assert trusted(query, BANK.replace("kommunens\nupphandlade bank", "kommunens upphandlade bank, som är Swedbank"))


def test_a_name_question_of_another_kind_is_not_read_as_one():
    assert read_question("Vilken nämnd ansvarar för skolbiblioteken?").name_of is None
    assert trusted("Vilken nämnd ansvarar för skolbiblioteken?", "Ansvaret ligger hos kultur- och fritidsnämnden.")


ANSWERED = """Kommunfullmäktiges handläggning
Vid kommunfullmäktiges sammanträde besvarar samhällsbyggnadsnämndens ordförande Anna
Berg (M) frågan.
Beslut
Kommunfullmäktige beslutar:
- att frågan är besvarad."""


def test_what_someone_said_must_be_stated():
    q = "Vad svarade Anna Berg om biblioteket i Bjärred?"
    assert read_question(q).said_by == "Anna Berg"
    assert not trusted(q, ANSWERED)
    assert trusted(q, ANSWERED.replace("frågan.", "frågan och säger att biblioteket ska vara kvar."))
    assert trusted(q, "Anna Berg (M) svarar: Biblioteket flyttar inte.")


RESERVATION = """Vi reserverar oss mot att genomföra alternativ C för södra kommundelen och föredrar
alternativ B. Att behålla skolan kostar 2,4 miljoner per år enligt förvaltningen."""


def test_the_labelled_alternative_asked():
    q = "Vad kostar alternativ E per år för skolorna?"
    assert read_question(q).label == ("alt", "E")
    assert not trusted(q, RESERVATION)
    assert trusted(q, RESERVATION + " Alternativ E kostar 6 miljoner per år.")
    # a passage naming no labelled alternative is left to the other rules
    assert trusted(q, "Att behålla skolan kostar 2,4 miljoner per år.")
