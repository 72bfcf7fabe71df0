"""The shortcuts that make a search's Python cheaper give what the plain computation gives:
remembered functions (``without_axes``, ``years_in``, ``has_figure``, ``figure_in``) the
uncached result, a caller changing what it got changes nothing remembered, and the Matcher's
skip of texts lacking a term's stems the same positions as scanning them."""

from __future__ import annotations

import re

import pytest

from namndkoll.search.grounds import _COUNT_WORD, _DIGITS, _NOT_FIGURES, figure_in, without_axes
from namndkoll.search.question import years_in
from namndkoll.search.rerank import has_figure
from namndkoll.search.terms import MIN_STEM, Matcher, Term, query_terms

TEXTS = [
    "Kommunfullmäktige beslutar att anta budget 2027–2029 med en ram om 24,5 miljoner kronor.",
    "Utveckling av tågresor 2,5 2 1,5 1 0,5 0 2010 2011 2012 2013 2014",
    "Sammanträdesdatum 2026-06-15 § 95 Dnr KS 2026/123",
    "Nämnden noterar informationen.",  # no digit at all
    "Tre av fyra rekommendationer har genomförts, hälften av uppdragen kvarstår.",
    "Ärendet återremitteras (V) och yrkar avslag från SD; röstade Ja 40 mot Nej 38",
    "İstanbul-resan 12 deltagare",  # lower case longer than the text: the case-blind path
]


@pytest.mark.parametrize("text", TEXTS)
def test_remembered_functions_give_the_uncached_result(text: str) -> None:
    assert without_axes(text) == without_axes.__wrapped__(text)
    assert has_figure(text) == has_figure.__wrapped__(text)
    # figure_in without its digit shortcut and memory: the substitution always run
    plain = bool(_DIGITS.search(_NOT_FIGURES.sub(" ", without_axes.__wrapped__(text)))) or bool(
        _COUNT_WORD.search(text))
    assert figure_in(text) == plain


def test_years_in_hands_out_a_copy() -> None:
    text = "Budget 2027–2029, beslut 2025-12-01"
    got = years_in(text)
    assert got >= {2025, 2027, 2028, 2029}
    got.add(1999)  # mentions_year adds the document's year to what it got
    assert 1999 not in years_in(text)


def _plain_patterns(terms: list[Term]) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each term's pattern as it was written before: the look-behind first, then the stems."""
    out = []
    for t in terms:
        stems = sorted({t.stem.lower(), *(a.lower() for a in t.alts)}, key=len, reverse=True)
        body = r"(?<![\wÅÄÖåäö])(?:" + "|".join(
            re.escape(s) + (r"(?![\wÅÄÖåäö])" if len(s) < MIN_STEM and s == t.word.lower() else "")
            for s in stems) + ")"
        out.append((re.compile(body), re.compile(body, re.IGNORECASE)))
    return out


MATCHED = TEXTS + [t.upper() for t in TEXTS] + [
    "Arvodet till ordföranden", "sd-gruppen och SD:s", "arvodenarvoden ordf. budgetramen,återremiss",
    "VA-taxan och va.", "Sd sd_x 5sd", "ordförande\nordförandens"]


def test_matcher_finds_what_the_plain_patterns_find() -> None:
    # the stems skipped where absent, and each pattern led by its stems (the look-behind after)
    terms = [*query_terms("arvoden ordförande budgetram återremiss va"), Term("v", "v", party="V"),
             Term("sd", "sd")]
    m, plain = Matcher(terms), _plain_patterns(terms)
    for text in MATCHED:
        low = text.lower()
        scan = ([[x.start() for x in rx.finditer(low)] for rx, _ in plain] if len(low) == len(text)
                else [[x.start() for x in ci.finditer(text)] for _, ci in plain])
        assert Matcher(terms).positions(text) == scan, text
        assert m.positions(text) == scan  # and again, remembered
        assert [[x.span() for x in rx.finditer(low)] for rx, _p, _q in m._rx] == [
            [x.span() for x in rx.finditer(low)] for rx, _ in plain]


def test_the_stems_are_what_the_pattern_needs() -> None:
    # a stem as a prefix and a short word whole: each match starts with one of the term's stems
    m = Matcher(query_terms("trygghetsboende va"))
    for (rx, _p, _q), lits in zip(m._rx, m._lits, strict=True):
        for text in ("trygghetsboendet och va-taxan", "ett vattenverk", "VA"):
            for x in rx.finditer(text.lower()):
                assert any(text.lower().startswith(s, x.start()) for s in lits)


def test_ranked_changed_as_dataclasses_replace_does() -> None:
    from dataclasses import replace

    from namndkoll.search.ranked import Ranked, _with

    r = Ranked(7, 0.5, 0.81, 2, None, keywords=0.4)
    a, b = _with(r, answer=0.3, keywords=0.2, place_ok=False), replace(r, answer=0.3, keywords=0.2, place_ok=False)
    assert a == b and hash(a) == hash(b) and r.keywords == 0.4  # the original unchanged
    with pytest.raises(TypeError):
        _with(r, answr=0.3)
