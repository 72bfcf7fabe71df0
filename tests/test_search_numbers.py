"""The numbers a question states count (issue 11, twenty-second session; walk 22 check 6):
"7 ja-röster och 8 nej-röster" is answered by the § saying exactly that, not by BUN's "Med 6
ja-röster och 7 nej-röster" that stood above it on both backends; a number is read whole ("1 550"
is 1550, "3,5 mnkr" is 3,5, never "3" or "5"), and a single digit only beside the word it counts.

Texts (excerpts of public records): Alingsås barn- och ungdomsnämnd 2026-06-16 § 44 and
Alingsås kommunstyrelse 2026-06-15 § 114 (../shared/data/pdf-other and the restored dev gold)."""

from __future__ import annotations

import pytest
from test_search import FakeEmbedder
from test_search_order import Cand, names, rerank_on_meaning
from test_search_order import protocol as order_protocol

from namndkoll.corpus import opened
from namndkoll.search import index_corpus, search
from namndkoll.search.judge import CALIBRATIONS, Calibration
from namndkoll.search.numbers import Stated, number_phrases, numbers_evidence, stated_numbers
from namndkoll.search.order import SETTLE_DEPTH, settle
from namndkoll.types import Metadata

BUN_44 = """§ 44 2026.156 BUN
Kompetensförsörjningsplan
Omröstningsresultat
Med 6 ja-röster och 7 nej-röster finner ordföranden att barn- och ungdomsnämnden beslutar
att ärendet ska avgöras idag.
"""
KS_114 = """§ 114 2026.201 KS
Återremiss av detaljplan för kv. Tranan
Omröstningsresultat
Med 7 ja-röster och 8 nej-röster finner ordföranden att kommunstyrelsen beslutar att
ärendet ska avgöras idag. Kommunstyrelsen har att ta ställning till förslaget till
detaljplan för kvarteret Tranan i centrala Alingsås, som medger bostäder och lokaler
i fyra våningar, samt till samhällsbyggnadsförvaltningens tjänsteskrivelse i ärendet.
"""
HEADINGS = {"Omröstningsresultat": "omrostning"}


def test_a_number_is_read_whole_with_the_word_it_counts() -> None:
    assert stated_numbers("7 ja-röster och 8 nej-röster") == (Stated("7", "ja"), Stated("8", "nej"))
    assert stated_numbers("Vad kostar bron, 3,5 mnkr?") == (Stated("3,5", "mnkr"),)
    assert stated_numbers("1 550 platser i förskolan") == (Stated("1550", "platser"),)
    # a year, a date, a dnr and a lone digit are no number stated
    assert stated_numbers("budget 2024 dnr 2021/123 beslut 2021-06-15 kvartal 1") == ()
    # a label's number counts nothing ("§ 114", "etapp 4": not "4 kr"), a day is a date
    assert stated_numbers("§ 114 kommunstyrelsen") == (Stated("114", None),)
    assert stated_numbers("markpris stadsskogen etapp 4 kr/kvm") == ()
    assert stated_numbers("Vem var ordförande 1 juni 2026?") == ()


def test_a_passage_holds_the_number_or_states_another() -> None:
    tally = stated_numbers("7 ja-röster och 8 nej-röster")
    assert numbers_evidence(tally, "Med 7 ja-röster och 8 nej-röster finner ordföranden") == 1
    assert numbers_evidence(tally, "Med 6 ja-röster och 7 nej-röster finner ordföranden") == -1
    assert numbers_evidence(tally, "Ärendet har 7 bilagor och 8 sidor") == 0  # a "7" is not "7 ja"
    assert numbers_evidence(stated_numbers("1 550 platser"), "totalt 1550 platser") == 1
    assert numbers_evidence(stated_numbers("3,5 mnkr"), "kostar 3,5 mnkr") == 1
    assert numbers_evidence(stated_numbers("3,5 mnkr"), "kostar 3 mnkr, 5 av dem i år") == -1
    assert numbers_evidence(stated_numbers("3,5 mnkr"), "ramen är 13,5 mnkr") == -1  # not "3,5" inside "13,5"
    assert numbers_evidence((), "Med 7 ja-röster") == 0
    assert numbers_evidence(stated_numbers("3,5 mnkr"), "Resultat -3,5 mnkr") == 1  # a minus, not a range
    assert numbers_evidence(stated_numbers("30 mopeder"), "20-30 mopeder") == 0  # a range is no count


def test_settle_puts_another_number_below_the_one_asked() -> None:
    other, asked, loose = Cand("bun", numbers=-1), Cand("ks", answer=0.2, numbers=1), Cand("loose")
    # the two swap places; a passage stating no number keeps its own
    assert names(settle([other, loose, asked], 0.99)) == ["ks", "loose", "bun"]
    assert names(settle([loose, other, Cand("none"), asked], 0.99)) == ["loose", "ks", "none", "bun"]
    # nothing states the question's numbers: the order stands
    assert names(settle([other, loose], 0.99)) == ["bun", "loose"]


def test_settle_puts_other_numbers_below_the_one_asked_from_any_depth() -> None:
    """Göteborg's twenty KF protocols: "Omröstningen utfaller med 70 Ja mot 9 Nej" stood in the
    first 27 places above "Med 7 ja-röster och 8 nej-röster" (the real model, eval index + KS)."""
    others = [Cand(f"kf{i}", numbers=-1) for i in range(SETTLE_DEPTH + 5)]
    ks = Cand("ks", answer=0.1, numbers=1)
    assert names(settle([*others, ks, Cand("loose")], 0.99)) == ["ks", *names(others), "loose"]


def test_settle_puts_the_numbers_asked_first_when_close() -> None:
    first, asked = Cand("first", answer=0.6), Cand("asked", answer=0.4, numbers=1)
    assert names(settle([first, asked], 0.99)) == ["asked", "first"]
    # less than half the first's chance, or failing a check the first passes: the order stands
    assert names(settle([first, Cand("asked", answer=0.2, numbers=1)], 0.99)) == ["first", "asked"]
    assert names(settle([first, Cand("asked", answer=0.4, numbers=1, own_place=False)], 0.99)) == ["first", "asked"]


@pytest.fixture
def votes(db: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    emb = FakeEmbedder()
    CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
    try:
        with opened(db, write=True) as st:
            for source, text, body, date in (("bun-2026-06-16.pdf", BUN_44, "Barn- och ungdomsnämnden", "2026-06-16"),
                                             ("ks-2026-06-15.pdf", KS_114, "Kommunstyrelsen", "2026-06-15")):
                md = Metadata(f"{body} protokoll", "Alingsås", body, "protokoll", date)
                with st.transaction():
                    st.replace_document(order_protocol(source, text, md, HEADINGS))
            index_corpus(st, emb)
        rerank_on_meaning(monkeypatch)  # the reranker weighs no number: BUN's shorter § is closer
        yield db, emb
    finally:
        CALIBRATIONS.pop("fake-hash", None)


def test_the_tally_asked_is_first_on_both_backends(votes) -> None:  # type: ignore[no-untyped-def]
    db, emb = votes
    with opened(db) as st:
        hits = search(st, "7 ja-röster och 8 nej-röster", emb, abstention=False)
    assert "Med 7 ja-röster och 8 nej-röster" in hits[0].text
    assert hits[0].source == "ks-2026-06-15.pdf"


def test_the_tally_asked_is_first_on_the_keyword_side_alone(votes) -> None:  # type: ignore[no-untyped-def]
    db, _emb = votes
    with opened(db) as st:
        hits = search(st, "7 ja-röster och 8 nej-röster", None, mode="keyword", abstention=False)
    assert hits[0].source == "ks-2026-06-15.pdf"


def test_another_tally_is_never_shown_sure(votes) -> None:  # type: ignore[no-untyped-def]
    """BUN's "Med 6 ja-röster och 7 nej-röster" is no sure answer to "7 ja-röster och 8
    nej-röster": shown, as a weak match at most, below the § stating it."""
    db, emb = votes
    with opened(db) as st:
        hits = search(st, "7 ja-röster och 8 nej-röster", emb)
    assert [(h.source, h.confidence) for h in hits][:1] == [("ks-2026-06-15.pdf", "high")]
    assert all(h.confidence == "weak" for h in hits if h.source == "bun-2026-06-16.pdf")


def test_the_keyword_side_finds_a_tally_by_its_numbers_on_both_backends(votes) -> None:  # type: ignore[no-untyped-def]
    """No query word finds "7 ja" (a word of one letter is none): on the eval index with KS
    2026-06-15 added, Göteborg's twenty KF protocols' votes kept § 114 out of the 100 candidates
    of a ten-hit search. The numbers are searched as words in a row: "7 ja" is not BUN's "7 nej"."""
    db, _emb = votes
    phrases = number_phrases(stated_numbers("7 ja-röster och 8 nej-röster"))
    assert [t.word for t in phrases] == ["7 ja", "8 nej"]
    assert number_phrases(stated_numbers("kostnad 3,5 mnkr"))[0].word == "3 5 mnkr"
    with opened(db) as st:
        found = [cid for cid, _ in st.keyword(phrases, 10, st.resolve_filters())]
        rows = st.chunk_rows(found)
        assert {rows[c]["source"] for c in found} == {"ks-2026-06-15.pdf"}
