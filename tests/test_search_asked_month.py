"""A question naming a month and its year asks about that time: a record of a meeting held then is
of that time, whatever other years its words name (issue 11, twenty-fifth session;
search/grounds.py ``dated_in_asked_month``). § 52 of Alingsås kommunfullmäktige's meeting of 28
March 2018 takes up the audit reports of 2017 and records that the public asked nothing; its words
name 2017 only, so it was read as a passage about another year than the 2018 asked, and with the
fast model "Ställde allmänheten några frågor på fullmäktige i Alingsås i mars 2018?" was answered
"no good match" though the answer is there.

Text (excerpt, ../shared/data/pdf-other/alingsas_kf_2018-03-28_protokoll.pdf, § 52, as read)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_search import protocol
from test_search_when_asked import close, indexed

from namndkoll.search.grounds import names_asked_year, year_in_own_words
from namndkoll.search.hybrid import search
from namndkoll.search.judge import CALIBRATIONS, judge
from namndkoll.search.question import months_of, read_question
from namndkoll.types import Metadata

KF_52 = """§ 52 2018.197 KS
Information
A/ Grundläggande granskning 2017
B/ Granskning av elevhälsan december 2017
C/ Revisionsberättelse 2017 för Alingsås kommun
D/ Årsredovisning 2017 för Alingsås kommun
E/ Allmänhetens frågestund: inga frågor ställs"""
KF_MD = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2018-03-28")
ASKED = "Ställde allmänheten några frågor på fullmäktige i Alingsås i mars 2018?"


@pytest.fixture
def store(db_path: Path):
    yield from indexed(db_path, [protocol("alingsas_kf_2018-03-28_protokoll.pdf", [KF_52], KF_MD)])


def test_the_months_a_question_names():
    assert months_of(ASKED) == ("2018-03",)
    assert months_of("Vem var ordförande när kommunstyrelsen i Alingsås sammanträdde 1 juni 2026?") == ("2026-06",)
    assert months_of("vem justerar kf protokollet 2024-10-10") == ("2024-10",)
    # a month without its year names no record's month, a year alone none either
    assert months_of("Vad beslutade nämnden i mars?") == ()
    assert months_of("Vilket resultat redovisade Alingsås kommunkoncern för 2018?") == ()


def test_a_record_of_the_month_asked_is_of_that_time():
    q = read_question(ASKED)
    # its words name 2017 only: of another year, unless its document is of the month asked
    assert not year_in_own_words(q, KF_52)
    assert year_in_own_words(q, KF_52, "2018-03-28")
    assert names_asked_year(q, KF_52, "§ 52 Information", "2018-03-28")
    # a record of another month of the year asked, or of the same month another year, is not
    assert not year_in_own_words(q, KF_52, "2018-04-25")
    assert not year_in_own_words(q, KF_52, "2017-03-28")
    # a question naming the year alone keeps the passage's own years
    assert not year_in_own_words(read_question("Ställde allmänheten några frågor på fullmäktige i Alingsås 2018?"),
                                 KF_52, "2018-03-28")


def test_the_meeting_of_the_month_asked_answers(store: Any):
    cal = CALIBRATIONS["multilingual-e5-small"]
    # (the fast model's index: the reranker's first choice at chance 0.62, 0.81 of the keyword weight)
    here = close(store, ASKED, "Allmänhetens frågestund", similarity=0.50)
    assert here.year_own and here.year_named
    assert [r.confidence for r in judge([here], cal, mode="hybrid")] == ["weak"]
    hits = search(store, ASKED, None, mode="keyword")
    assert hits and "inga frågor ställs" in hits[0].text
    # the same meeting asked of April is another meeting's: nothing answers
    assert search(store, ASKED.replace("mars", "april"), None, mode="keyword") == []
