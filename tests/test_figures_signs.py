"""Figures a figure walk over Lomma, Kungsbacka and Alingsås records found misread: signed
amounts in running text ("motsvarande -0,7 mnkr", "Kommunstyrelsen -47,5 mnkr", "+5,0 mnkr")
were dropped, a currency glued to its number ("40mnkr") was not read, and a counted noun
behind a participle or compound adjective was taken for the participle ("fem övergripande
arbetsmiljömålen" counted "övergripa")."""

from __future__ import annotations

import pytest

from namndkoll.extract.figures import find_figures, iter_figures, normalize_spaces
from namndkoll.types import Document, Metadata, Page, with_offsets


def figures(text: str) -> list[tuple[str, float, str, str]]:
    t = normalize_spaces(text)
    return [(kind, round(value, 2), unit, t[s:e]) for s, e, kind, value, unit, _q, _p, _to in iter_figures(t)]


@pytest.mark.parametrize(("text", "value", "quote"), [
    # Lomma BUN delårsrapport: deviations are written with a hyphen-minus
    ("negativ budgetavvikelse i perioden motsvarande -1,0 mnkr.", -1_000_000, "-1,0 mnkr"),
    # Alingsås fördjupad månadsuppföljning: a bulleted committee with its signed deviation
    ("•     Kommunstyrelsen -47,5 mnkr", -47_500_000, "-47,5 mnkr"),
    ("•     Barn- och ungdomsnämnden +5,0 mnkr", 5_000_000, "+5,0 mnkr"),
    ("en avvikelse på \u22123 200 tkr", -3_200_000, "\u22123 200 tkr"),  # the real minus sign
    ("resultatet (–0,8 mnkr) beror på", -800_000, "–0,8 mnkr"),
    ("sänks med -0,5 procentenheter", -0.5, "-0,5 procentenheter"),
])
def test_signed_amounts_in_text_keep_their_sign(text, value, quote):
    (kind, got, _unit, q), = figures(text)
    assert (got, q) == (value, quote)
    assert kind in ("amount", "percent")


@pytest.mark.parametrize("text", [
    "eleverna i åk 1-6 och 7-9",        # a range of grades, no unit
    "en ökning med 2-3 mnkr",            # a range: neither end is negative
    "Tel. 031-368 00 00",
    "-3 platser",                         # a signed count is no figure
    "KS 2024-00421",
])
def test_dashes_that_are_no_minus_make_no_negative_figure(text):
    assert all(v >= 0 for _k, v, _u, _q in figures(text))
    assert not [f for f in figures(text) if f[0] == "count"]


def test_a_currency_glued_to_its_number_is_read():
    got = figures("Av överskottet kommer 40mnkr från finansiella poster samt 10mnkr från "
                  "försäljning och 500kr per elev.")
    assert [(v, q) for _k, v, _u, q in got] == [
        (40_000_000, "40mnkr"), (10_000_000, "10mnkr"), (500, "500kr per elev")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("utifrån de fem övergripande arbetsmiljömålen", 5, "arbetsmiljömål"),
    ("ersätta dagens två mindre hallar med två fullstora kommunala hallar", 2, "hall"),
    ("fem boende flyttar i år", 5, "boende"),  # a participle that is the noun, before a verb
    ("tre sökande till tjänsten", 3, "sökande"),
])
def test_the_counted_noun_stands_behind_participles_and_adjectives(text, value, unit):
    assert figures(text)[-1][:3] == ("count", value, unit)


def test_an_adjective_standing_alone_counts_nothing():
    # "två nya [indikatorer]": the noun is elsewhere, "ny" is no unit
    assert figures("Totalt har sju indikatorer tagits bort medan två nya har tillkommit.") == [
        ("count", 7, "indikator", "sju indikatorer")]


def test_a_document_keeps_negative_deviations_with_their_page():
    page2 = ("Kommunledningskontorets kommentar\n"
             "   •     Barn- och ungdomsnämnden +5,0 mnkr\n"
             "   •     Kommunstyrelsen -47,5 mnkr\n")
    doc = Document("t.pdf", "0" * 64, with_offsets([Page(1, "Driftsprognos\n"), Page(2, page2)]),
                   Metadata())
    got = [(f.page, f.value, f.text) for f in find_figures(doc)]
    assert got == [(2, 5_000_000, "+5,0 mnkr"), (2, -47_500_000, "-47,5 mnkr")]


def test_a_table_cell_is_not_placed_on_a_signed_amount_in_the_comment_below():
    """Alingsås månadsuppföljning: the table's text is not in the page body, the comment under
    it names the row again ("Barn- och ungdomsnämnden +5,0 mnkr"); the cell "5,0" must not be
    placed there, or the comment's own figure is dropped as covered by the table."""
    from namndkoll.types import Table

    body = ("Driftsprognos\n\nKommunledningskontorets kommentar\n"
            "   •     Barn- och ungdomsnämnden +5,0 mnkr\n")
    table = Table(1, rows=(("Miljoner kronor", "Budget 2026", "Prognos 2026"),
                        ("Barn- och ungdomsnämnden", "0,0", "5,0")))
    doc = Document("t.pdf", "0" * 64, with_offsets([Page(1, body, tables=(table,))]), Metadata())
    figs = find_figures(doc)
    text = [f for f in figs if not f.table]
    assert [(f.value, f.text) for f in text] == [(5_000_000, "+5,0 mnkr")]
    assert all(f.start == f.end for f in figs if f.table)  # not placed in the body


def test_a_counted_noun_is_not_read_as_a_verb():
    # Alingsås KF 2018-03-28 § 54 on the web page's figures table: "10 mål", "tio mål" had the
    # unit "måla" (the lemma table's verb reading of "mål")
    from namndkoll.extract.figure_text import iter_figures

    for text in ("Kommunen har 10 mål för god ekonomisk hushållning.", "I bokslutet uppfylldes tio mål."):
        assert [f[4] for f in iter_figures(text)] == ["mål"]
    assert [f[4] for f in iter_figures("Nämnden har 12 tjänster.")] == ["tjänst"]


def test_a_table_cell_with_a_plus_sign_is_a_figure():
    """Tolkförmedling Väst's annual report 2025, driftsredovisning (p. 33, "Belopp i tkr"):
    the row "ÅRETS RESULTAT +315 0 -3 950" gave the budget's 0 and last year's -3 950 tkr, but
    not the year's own result, +315 tkr, the figure the page is about."""
    from namndkoll.types import Table

    table = Table(1, rows=(("Belopp i tkr", "Utfall 2025", "Budget 2025", "Utfall 2024"),
                           ("Summa verksamhetens kostnader", "231 543", "233 760", "224 402"),
                           ("ÅRETS RESULTAT", "+315", "0", "-3 950")))
    doc = Document("t.pdf", "0" * 64, with_offsets([Page(1, "Driftsredovisning\n", tables=(table,))]), Metadata())
    result = [f.value for f in find_figures(doc) if f.table and "RESULTAT" in f.text]
    assert result == [315_000, 0, -3_950_000]
