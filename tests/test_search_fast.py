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

    from namndkoll.search.ranked import Ranked, with_changes

    r = Ranked(7, 0.5, 0.81, 2, None, keywords=0.4)
    a, b = with_changes(r, answer=0.3, keywords=0.2, place_ok=False), replace(r, answer=0.3, keywords=0.2, place_ok=False)
    assert a == b and hash(a) == hash(b) and r.keywords == 0.4  # the original unchanged
    with pytest.raises(TypeError):
        with_changes(r, answr=0.3)


# ---- the focus pattern searched from its stems (issue 13) -----------------------------------

_L = "[\\wåäöÅÄÖ]"
_VOCAB = {"resa", "resan", "bidrag", "kort", "plats", "platser", "avgift"}


def _doc_counts(words: list[str]) -> dict[str, int]:
    return {w: 3 for w in words if w in _VOCAB}


def _old_focus_pattern(word: str, terms: list[Term]) -> re.Pattern[str]:
    """``terms.focus_pattern`` as a plain regex, as it was before it searched its stems first."""
    from namndkoll.search.terms import _TAIL_ENDINGS, compound_tail, stem
    term = next((t for t in terms if t.word == word), None)
    stems = sorted({stem(word), *(term.alts if term else ())}, key=len, reverse=True)
    if len(word) < MIN_STEM:
        return re.compile(rf"(?<!{_L}){re.escape(word.lower())}(?!{_L})")
    pat = rf"(?<!{_L})(?:{_L}{{3,}})?(?:" + "|".join(re.escape(s.lower()) for s in stems) + ")"
    tail = compound_tail(word, _doc_counts)
    if tail:
        pat += rf"|(?<!{_L})(?:" + "|".join(re.escape(tail + e) for e in _TAIL_ENDINGS) + rf")(?!{_L})"
    return re.compile(pat)


FOCUS_TEXTS = [
    "utvecklingsbidrag om 249 488 kr; bidraget beviljas men bidrog inte",
    "kostnaden per resa är 82 kr, tågresandet ska tredubblas; omresa, resande, ombidrag",
    "bidrag-bidrag, stats-bidrag och EU-bidraget; ab bidrag abcbidrag x_bidrag 12bidrag",
    "Bidrag med stor bokstav, BIDRAGET, Utvecklingsbidrag",  # upper case: the callers lower it
    "årsbidrag, åäöbidrag, äbidrag, öbidragsram; månadskortet, seniorkort, korta resor, ett kort",
    "bidragbidragbidrag och bidragsbidrag; förskoleplatser, platsen, 120 nya platser.",
    "tågresor/resa\nresa\tresan resans resorna tågresa-resa",
    "ist administration, en specialist, IST-stöd, ist",
    "",
    "bidrag",
    "xbidra",
    "lokalhyran höjs, hyran, ramökning 6 000 tkr, avgiften, avgiftsfri, taxeavgift",
]
FOCUS_WORDS = [("bidrag", ()), ("tågresa", ()), ("månadskort", ()), ("ist", ()), ("hyran", ()),
               ("förskoleplatser", ()), ("avgiften", ("avgift",)), ("bidraget", ("bidrog",))]


@pytest.mark.parametrize(("word", "alts"), FOCUS_WORDS)
def test_the_focus_pattern_finds_every_span_the_plain_regex_finds(word: str, alts: tuple[str, ...]) -> None:
    from namndkoll.search.terms import focus_pattern, stem
    terms = [Term(word, stem(word), alts=alts, df=3)]
    old, new = _old_focus_pattern(word, terms), focus_pattern(word, terms, _doc_counts)
    assert new.pattern.pattern == old.pattern
    found = 0
    for text in FOCUS_TEXTS:
        for t in (text, text.lower()):
            for pos in range(len(t) + 1):  # every start, as a search from a position asks
                a, b = old.search(t, pos), new.search(t, pos)
                assert (a and a.span()) == (b and b.span()), (word, t, pos)
                found += a is not None
    assert found  # each word is found somewhere: the comparison is not of two misses


def test_the_focus_pattern_skips_a_text_without_its_stems() -> None:
    from namndkoll.search.terms import focus_pattern
    resa = focus_pattern("tågresa", [Term("tågresa", "tågres", df=5)], _doc_counts)
    assert resa.literals == ("tågres", "resa")
    assert resa.search("nämnden noterar informationen") is None
    m = resa.search("kostnaden för tågresor och per resa")
    assert m is not None and m.group() == "tågres"
    m = resa.search("järnvägstågresor", 1)  # the word starts before pos: no match from inside it
    assert m is None and resa.pattern.search("järnvägstågresor", 1) is None
