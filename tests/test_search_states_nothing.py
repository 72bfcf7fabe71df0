"""Near misses shown only by passages that cannot themselves be the answer (issue 11,
twenty-third session, ``judge._states_nothing_asked`` and ``Ranked.said``): when nothing is
trusted and every passage left states no answer of the kind asked (no number for "Hur många …"),
is a table of contents naming no one of the post asked, or records that the person asked spoke
and not what they said, the answer is "no good match"; what the same documents do state is still
answered. And a vote asked "om att <infinitive> …" is found in the § that writes the act in
another form (``hybrid.matter_term``).

Texts (excerpts, ../shared): Göteborg Stadsrevisionen's revisionsrapport 2024-02-06 (arbetet mot
våldsbejakande extremism), Alingsås kommunfullmäktige 2018-04-25 (its list of §§), Göteborg
kommunfullmäktige 2024-08-22 § 309 (its title set on one line), 2024-05-23 § 200 (frågestund) and
a § 16 naming "söka"."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed, protocol

from namndkoll.search import search
from namndkoll.types import Metadata

KF_309 = """§ 309 SLK-2023-00515
Motion av Ann Catrine Fogelgren (L), Pär Gustafsson (L) och Eva Flyborg (L) om att Göteborg ansöker att bli europeisk kulturhuvudstad 2029
Beslut
Enligt kommunstyrelsens förslag:
Den av Ann Catrine Fogelgren, Pär Gustafsson och Eva Flyborg väckta motionen avslås.
Yrkanden
Grith Fjeldmose (V) yrkar bifall till kommunstyrelsens förslag.
Pär Gustafsson (L) yrkar bifall till förslaget från M, D, L och KD i kommunstyrelsen.
Omröstning
Godkänd voteringsproposition: "Ja för bifall till kommunstyrelsens förslag. Nej för bifall
till yrkandet från Pär Gustafsson."
Omröstningen utfaller med 52 Ja mot 29 Nej. Hur var och en röstar framgår av bilaga 5."""


# another § where the question's verb stands as written ("söka nya former för samarbete")
KF_16 = """§ 16 0334/23
Uppdrag till nämnderna
Beslut
Nämnden för arbetsmarknad och vuxenutbildnings uppdrag att aktivt, tillsammans
med Arbetsförmedlingen, söka nya former för samarbete för de grupper som faller
utanför och innanför målgrupperna för Arbetsförmedlingens nya matchningstjänst
KROM."""


@pytest.fixture
def culture(tmp_path: Path):
    docs = [protocol("kf-2024-08-22.pdf", [KF_309 + "\n" + KF_16], Metadata(
        "Kommunfullmäktige protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2024-08-22"))]
    with indexed(tmp_path / "k.db", docs) as built:
        yield built


def test_a_vote_asked_by_its_act_is_found_where_the_motion_words_it_otherwise(culture) -> None:
    """dev15 "hur röstade fullmäktige om att söka europeisk kulturhuvudstad 2029" was refused: the
    matter was read as its rarest word, "söka", which § 309 writes "ansöker", so its vote stood
    on another matter. An infinitive after "att" says what was to be done, not what the matter is
    called."""
    conn, emb = culture
    hits = search(conn, "hur röstade fullmäktige om att söka europeisk kulturhuvudstad 2029", emb, limit=5)
    assert hits and any("52 Ja mot 29 Nej" in " ".join(h.text.split()) for h in hits), [h.text[:60] for h in hits]

