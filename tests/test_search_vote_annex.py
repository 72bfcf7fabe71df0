"""A vote annex names the matter it records, and is about that matter's years (issue 11,
twenty-fifth session; search/surely.py ``year_surely_other``). Göteborg's protocols print each
roll call as an annex after the last §, "Bilaga 4 · Ärende: 14 · Ärendemening: Utdelning ur
stiftelsen Olof och Caroline Wijks fond 2024", and the reader files the annexes under that last §
("§ 245 Förteckning över anmälningsärenden"). A vote passage is read with the § text before it
(``subject.with_subject``), here the annex before, on another matter ("Kompletterande uppföljning
per december 2023"): so "Hur röstade fullmäktige om utdelningen ur Wijks fond 2023?" found the
asked year "in its §" and showed the 2024 vote as a weak match, where the corpus holds no vote on
the fund for 2023.

Text (excerpt, Göteborg kommunfullmäktige 2024-05-23, annexes 2 and 4, as read; the first twenty
members of each roll call)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_search import protocol
from test_search_when_asked import indexed

from namndkoll.search.hybrid import search
from namndkoll.search.question import read_question
from namndkoll.search.surely import year_surely_other
from namndkoll.types import Metadata

MEMBERS = [("Emma Altenhammar", "SD", 67, "Ledamot"), ("Bettan Andersson", "V", 59, "Ledamot"),
           ("Robert Andersson Hammarstrand", "S", 22, "Ledamot"), ("Hans Arby", "C", 49, "Ledamot"),
           ("Mats Arnsmar", "S", 20, "Ledamot"), ("Jonas Attenius", "S", 10, "Ledamot"),
           ("Daniel Augustsson", "C", 50, "Ersättare"), ("Hanan Baalbaki", "S", 38, "Ledamot"),
           ("Mariah Ben Salem Dynehäll", "L", 54, "Ersättare"), ("Jesper Berglund", "V", 81, "Ledamot"),
           ("Kristina Bergman Alme", "L", 51, "Ersättare"), ("Daniel Bernmar", "V", 56, "Ledamot"),
           ("Jessica Blixt", "D", 35, "Ledamot"), ("Leif Blomqvist", "S", 39, "Ersättare"),
           ("Margareta Broang", "M", 3, "2:e v Ordf"), ("Jenny Broman", "V", 57, "Ledamot"),
           ("Ajsela Bruncevic", "C", 48, "Ersättare"), ("Marie Brynolfsson", "V", 58, "Ledamot"),
           ("Kalle Bäck", "KD", 31, "Ledamot"), ("Sara Carlsson Hägglund", "V", 62, "Ledamot")]


def annex(n: int, errand: int, matter: str, counts: tuple[int, int, int], votes: str) -> str:
    ja, nej, avstar = counts
    head = (f"Bilaga {n}\nÄrende: {errand}\nÄrendemening: {matter}\nAntal Ja: {ja}\nAntal Nej: {nej}\n"
            f"Antal Avstår: {avstar}\nAntal Frånv: 0\nAntal Kvittade: 0\nNamn\nParti\nPlats\nFunktion\nResultat\n")
    return head + "\n".join(f"{name}\n{party}\n{seat}\n{post}\n{vote}"
                            for (name, party, seat, post), vote in zip(MEMBERS, votes.split(), strict=True))


KF_245 = "§ 245 SLK-2024-00075\nFörteckning över anmälningsärenden\nBeslut\nAntecknas."
ANNEX_2 = annex(2, 11, "Kompletterande uppföljning per december 2023", (43, 38, 0),
                "Nej Ja Ja Nej Ja Ja Nej Ja Nej Ja Nej Ja Nej Ja Nej Ja Nej Ja Nej Ja")
ANNEX_4 = annex(4, 14, "Utdelning ur stiftelsen Olof och Caroline Wijks fond 2024", (43, 29, 9),
                "Avstår Ja Ja Ja Ja Ja Ja Ja Nej Ja Nej Ja Nej Ja Nej Ja Ja Ja Nej Ja")
KF_MD = Metadata("Kommunfullmäktige protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2024-05-23")


@pytest.fixture
def store(db_path: Path):
    yield from indexed(db_path, [protocol("kf-2024-05-23.pdf", [KF_245 + "\n\n" + ANNEX_2, ANNEX_4], KF_MD)])


def test_a_vote_annex_is_of_its_own_matters_year():
    q = read_question("Hur röstade fullmäktige om utdelningen ur Wijks fond 2023?")
    widened = "§ 245 Förteckning över anmälningsärenden\n" + ANNEX_2  # its context, as a vote passage's
    assert year_surely_other(q, ANNEX_4, widened, KF_MD.title, KF_MD.date)
    # a passage that does not name its own matter is still read with its § title and the § before it
    assert not year_surely_other(q, "Omröstningen utfaller med 43 Ja mot 29 Nej.", widened, KF_MD.title, KF_MD.date)
    # and the annex of the year asked is of that year
    assert not year_surely_other(read_question("Hur röstade fullmäktige om utdelningen ur Wijks fond 2024?"),
                                 ANNEX_4, widened, KF_MD.title, KF_MD.date)


def test_the_vote_of_another_year_answers_nothing(store: Any):
    assert search(store, "Hur röstade fullmäktige om utdelningen ur Wijks fond 2023?", None, mode="keyword") == []
    # its twin, asking the year the annex records, is answered by it
    hits = search(store, "Hur röstade fullmäktige om utdelningen ur Wijks fond 2024?", None, mode="keyword")
    assert hits and "Wijks fond 2024" in hits[0].text
