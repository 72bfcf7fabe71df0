"""Answers the search hid (issue 11, batch s90): a question naming a party by its name
("Miljöpartiets motion"), asking "hur mycket pengar" of an amount written in mnkr or tkr, or asking
what one uppdrag in a long list was given, where the list cites each uppdrag's § ("givet av
kommunfullmäktige 2022-05-19 § 22") and writes the nämnd's name with a linking s dropped
("Idrott- och föreningsnämndens").

Texts (excerpts, ../shared): Göteborg kommunfullmäktige 2023-06-19 § 10 (the friluftsliv motion)
and 2024-02-01 § 16 (återrapportering av uppdrag), Alingsås kommunfullmäktige 2018-03-28 § 59
(flyktingfond) and § 61 (GR's revisionsbudget)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed, protocol

from namndkoll.search import search
from namndkoll.types import Metadata

KF_MOTION = """§ 10 0675/22
Motion av Bosse Parbring (MP) och Karin Pleijel (MP) om att genomföra aktiviteter för att nå nya målgrupper för friluftsliv
Beslut
Den av Bosse Parbring och Karin Pleijel väckta motionen avslås.
Yrkanden
Cecilia Magnusson (M) och Elisabet Lann (KD) yrkar avslag på motionen.
Bosse Parbring (MP), Staffan Lindström (S) och Bettan Andersson (V) yrkar bifall till
kommunstyrelsens förslag.
Omröstning
Godkänd voteringsproposition: ”Ja för bifall till kommunstyrelsens förslag. Nej för bifall
till yrkandet från Cecilia Magnusson och Elisabet Lann.”
Omröstningen utfaller med 40 Ja mot 41 Nej. Hur var och en röstar framgår av bilaga 6."""
KF_UPPDRAG = """§ 16 SLK-2023-00712
Återrapportering av uppdrag augusti 2023
Beslut
Följande uppdrag förklaras fullgjorda:
o. Äldre samt vård- och omsorgsnämndens uppdrag att ta fram en plan för sommarmånaderna som
tryggar planerade insatser för de äldre.
p. Idrott- och föreningsnämndens uppdrag, givet av kommunfullmäktige 2022-05-19 § 22, att utreda möjligheterna att anlägga ett skateboardtorg vid Slottsskogsvallen.
Utredningen ska göras tillsammans med berörda föreningar. Nämnden tilldelas 2 mnkr
för uppdraget.
q. Styrelsen för Higab AB:s uppdrag, givet av kommunfullmäktige 2022-06-16 § 11, att
ta fram en plan för att bevara och utveckla Slottsskogsobservatoriets byggnader.
r. Stadsbyggnadsnämndens uppdrag, givet av kommunfullmäktige 2022-10-27 § 20, att
medge tidsbegränsade bygglov för uteserveringar under vintersäsongen 2022/2023.
s. Stadsmiljönämndens uppdrag, givet av kommunfullmäktige 2022-10-27 § 20, att
medge upplåtelse av allmän plats för uteserveringar under vintersäsongen 2022/2023."""
AL_FOND = """§ 59 2018.112 KS
Ansökan om medel ur flyktingfond 2018
Beredning
Barn- och ungdomsnämnden ansöker om 6 mnkr för utökade kostnader för nyanlända elever.
Nämnden framför att medlen är tänkt att finansiera studiehandledning, modersmålsundervisning och
förberedelseklasser.
Beslut
Kommunfullmäktiges beslut:
1. Barn- och ungdomsnämndens ansökan om 6 mnkr från kommunens flyktingfond
godkänns.
2. Beviljade medel som ej nyttjas till ändamålet återförs till flyktingfonden i samband
med årsbokslutet 2018."""
AL_GR = """§ 61 2018.084 KS
Förslag till samrådsunderlag avseende revisionsbudget för GR 2019
Beredning
Inför 2019 har GR:s förtroendevalda revisorer lämnat in ett äskande av budget till
förbundsfullmäktiges presidium, om sammanlagt 1 089 tkr varav 750 tkr till
fördjupade granskningar.
Förbundsfullmäktiges presidium har berett budgetäskandet och föreslår för 2019 ett
revisionsanslag om sammanlagt 519 tkr varav 180 tkr för fördjupade granskningar,
en höjning med 30 tkr jämfört med 2018.
Beslut
Kommunfullmäktiges beslut:
Göteborgsregionens kommunalförbund (GR) förslag till revisionsbudget för 2019
godkänns."""

GBG = Metadata("Kommunfullmäktige protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2023-06-19")
ALINGSAS = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2018-03-28")


@pytest.fixture
def corpus(tmp_path: Path):
    docs = [protocol("kf-2023-06-19.pdf", [KF_MOTION], GBG),
            protocol("kf-2024-02-01.pdf", [KF_UPPDRAG], GBG),
            protocol("alingsas-kf-2018-03-28.pdf", [AL_FOND, AL_GR], ALINGSAS)]
    with indexed(tmp_path / "c.db", docs) as built:
        yield built


@pytest.mark.parametrize(("query", "answer"), [
    # a party named by its name, not its code: the vote names the proposers only, its § the party
    ("Hur slutade omröstningen om Miljöpartiets motion om friluftsliv för nya målgrupper?", "40 Ja mot 41 Nej"),
    # "pengar" is money, not a thing the passage must name beside its "6 mnkr"
    ("hur mycket pengar fick barn och ungdomsnämnden ur flyktingfonden 2018", "6 mnkr"),
    ("Hur mycket pengar får GR:s revisorer till fördjupade granskningar 2019?", "180 tkr"),
    # one uppdrag of a list citing each one's §: its sum two sentences after what it is
    ("Hur mycket pengar fick idrotts- och föreningsnämnden för att utreda ett skateboardtorg?", "2 mnkr"),
])
def test_a_present_answer_is_shown(corpus, query: str, answer: str) -> None:
    conn, emb = corpus
    hits = search(conn, query, emb, limit=5)
    assert hits, f"{query!r} refused though the corpus answers it"
    assert any(answer in " ".join(h.text.split()) for h in hits), [h.text[:80] for h in hits]
