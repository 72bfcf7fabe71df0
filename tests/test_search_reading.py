"""How the search reads a question's form, kind, unit and focus (search/question.py,
search/focus.py; issue 11): the misreadings found by bench/question_audit.py on dev, dev2, test
and other-dev, each read right, and the readings they must not disturb."""

from __future__ import annotations

import pytest

from namndkoll.search import question
from namndkoll.search.question import focus_of, read_question, unit_of


@pytest.mark.parametrize(("query", "form"), [
    ("Ska nämnderna i Simrishamn räkna med löneökningar i sina budgetförslag?", "yes/no"),
    ("Upphävdes beslutet om en handlingsplan för de demografiska utmaningarna?", "yes/no"),
    ("finns det nattvandring i alingsås som kommunen betalar", "yes/no"),
    ("Var ska det byggas nya förskolor i Alingsås?", "other"),  # "var": where, not "was"
    ("Från när gäller taxan för låst cykelparkering?", "other"),
    ("Med hur mycket har socialförvaltningens ram i Lund förstärkts 2021?", "figure"),
    ("Vilken skattesats har Simrishamns kommun 2027?", "figure"),
    ("lomma skattesats 2026", "keywords"),
])
def test_the_form_of_a_question(query: str, form: str):
    assert question.sentence_form(query) == form


@pytest.mark.parametrize("query", [
    "Ska nämnderna i Simrishamn räkna med löneökningar i sina budgetförslag?",
    "Ville Liberalerna ge socialnämnden mer pengar i delårsrapporten?",
])
def test_a_yes_no_question_asks_no_figure_and_no_unit(query: str):
    q = read_question(query)
    assert "figure" not in q.kinds and q.unit is None and not q.price


@pytest.mark.parametrize("query", [
    "Hur röstade kommunfullmäktige i Simrishamn om budgeten för 2027?",
    "När beslutar fullmäktige i Simrishamn om skattesatsen för 2027?",
    "Vilka partier reserverade sig mot Alingsås budget för 2027?",
    "Vem ville att tillsynsavgiften för fyra produkter skulle vara 5 000 kr?",
])
def test_a_question_that_asks_no_figure_asks_it_in_no_unit(query: str):
    assert read_question(query).unit is None


def test_a_measure_word_in_a_why_question_asks_no_figure():
    q = read_question("Varför höjs anläggningsavgiften för VA med 3,2 procent?")
    assert "figure" not in q.kinds and q.unit is None


def test_figure_questions_and_keyword_queries_keep_their_unit():
    assert read_question("lomma skattesats 2026").unit == "money"
    assert read_question("Hur stor andel av tolkarna är auktoriserade?").unit == "percent"
    assert read_question("Hur mycket ska Higab investera i energiåtgärder fram till 2030?").unit == "money"
    q = read_question("Med hur många röster föll kommunstyrelsens förslag om motionen?")
    assert "figure" in q.kinds


def test_fram_and_program_are_no_ramar():
    assert unit_of("Vilka ändringar av översiktsplanen ska stadsbyggnadsnämnden ta fram 2024?") is None
    assert unit_of("bekämpningsmedel arrende naturmiljöprogram yrkande") is None
    assert unit_of("Vilken driftram får socialnämnden i Simrishamn 2027?") == "money"


@pytest.mark.parametrize(("query", "focus"), [
    # a plural noun after a plural adjective is no verb
    ("Hur stora avskrivningar räknar Simrishamn med för 2029?", ("avskrivningar",)),
    ("Hur stora besparingar ska nämnderna i Simrishamn ta fram inför budget 2027?", ("besparingar",)),
    # an -ar noun that a finite verb follows
    ("Hur mycket pengar får biblioteken i Alingsås 2027?", ("pengar",)),
    # an adjective after "en/ett" is no head; a noun in -a after them is no adjective
    ("Vad kostar en ny tågstation i Brålanda?", ("tågstation",)),
    ("Vad kostar sophämtningen för en villa per år i Alingsås 2027?", ("sophämtningen", "villa")),
    # a participle in -ade after a genitive; owners of owners
    ("Hur stor är Alingsås kommuns samlade driftsprognos för 2026?", ("driftsprognos",)),
    ("Hur stor blev Göteborgs Stads koncerns resultat 2023?", ("resultat",)),
    # "Vad är/blir/blev" + an amount asks it as "Vilken" does
    ("Vad är arvodet för kommunstyrelsens ordförande i Göteborg 2025?", ("arvodet", "ordförande")),
    ("Vad blev årets resultat för Tolkförmedling Väst 2024 och 2023?", ("resultat", "tolkförmedling")),
    ("Vad är Lomma kommuns prognostiserade resultat i delårsrapport 2 för 2025?", ("resultat",)),
    # unchanged: verbs where the noun would be, and "vad är" with no amount
    ("Hur mycket ökar kostnaderna för hemtjänsten?", ()),
    ("Hur mycket höjs taxan 2027?", ()),
    ("Vad är syftet med granskningen?", ()),
    ("Hur många tolkuppdrag på polska utförde Tolkförmedling Väst 2023?", ("tolkuppdrag", "polska")),
])
def test_the_focus_read_right(query: str, focus: tuple[str, ...]):
    assert focus_of(query) == focus


def test_vad_ar_with_an_amount_asks_a_figure():
    q = read_question("Vad är arvodet för kommunstyrelsens ordförande i Göteborg 2025?")
    assert "figure" in q.kinds and q.unit == "money"


def test_the_word_that_asks_how_big_is_not_what_is_asked():
    from namndkoll.search.grounds import thing_beside, thing_of
    from namndkoll.search.terms import query_terms

    query = "Hur stora avskrivningar räknar Simrishamn med för 2029?"
    q = read_question(query)
    assert q.degree == "stora"
    thing = thing_of(q, query_terms(query))
    # a figure beside "stora" is no figure of the avskrivningar
    assert not thing_beside(q, "Stora satsningar görs på förskolan 2029 med 12,5 mnkr.", thing)
    assert thing_beside(q, "Avskrivningar 2029 beräknas till 41,2 mnkr.", thing)
