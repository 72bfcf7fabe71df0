"""Running headers and footers of OCR'd pages, which Tesseract reads differently on each page.

The pages are Nykarleby's välfärdsnämnd protocol of 2022-09-15, pp. 3-8 and 18, as
Tesseract (swe) read them through ``read_document``: each line with its top and bottom in
points from the page's top (A4, 841.9 pt high)."""

from __future__ import annotations

from namndkoll.ingest.layout import PageLines, split_margins

HEIGHT = 841.9
# (text, top, bottom) per line, as OCR gave them
NYKARLEBY = [
    [("EP NYKARLEBY", 27.6, 39.6), ("CzP VUSIKAARLEPYY", 39.4, 52.1), ("Protokoll 398 15.09.2022 Sida", 77.3, 89.3),
     ("Välfärdshämnden 1", 91.2, 103.2), ("398 Sammanträdets laglighet och beslutförhet", 123.1, 134.2),
     ("Ordförande öppnar sammanträdet och konstaterar om välfärdsnämnden är lagligt", 148.3, 158.6),
     ("Välfärdshämnden konstaterades vara lagligt sammankallad och beslutför.", 221.8, 232.1)],
    [("<Ae", 18.2, 20.9), ("ÖR NYKARLEBY", 23.0, 37.2), ("&j UUSIKAARLEPYY", 38.6, 52.1),
     ("Protokoll 408 15.09.2022 Sida", 77.3, 89.3), ("Välfärdshämnden 2", 91.2, 103.2),
     ("408 Val av protokolljusterare", 123.1, 134.2),
     ("I tur attjustera protokollet är medlemmarna Johannes Karf och Anna Kengo.", 148.3, 158.6)],
    [("SD NYKARLEBY", 20.6, 38.2), ("& ) UUSIKAARLEPYY", 39.4, 52.1), ("Protokoll 418 15.09.2022 Sida", 77.3, 89.3),
     ("Välfärdshämnden 3", 91.2, 103.2), ("418 Godkännande av föredragningslistan", 123.1, 134.2),
     ("Föredragningslistan godkändes.", 235.2, 245.5)],
    [("<A", 18.2, 20.9), ("SE NYKARLEBY", 27.8, 39.4), ("CZ VUSIKAARLEPYY", 40.1, 52.1),
     ("Protokoll 428 15.09.2022 Sida", 77.3, 89.3), ("Välfärdshämnden 4", 91.2, 103.2),
     ("NKBY/497/12.03.01/2022", 123.4, 133.7),
     ("428 Presentation av verksamheten: International Club 2022", 145.2, 156.7)],
    # the row "Protokoll 43 § 15.09.2022 Sida" read as two lines, the logo as three specks
    [("-", 18.2, 22.1), ("=", 23.5, 25.4), (")", 35.5, 37.2), ("6 NYKARLEBY", 20.6, 37.0),
     ("S&gp UUSIKAARLEPYY", 39.1, 53.0), ("Protokoll", 78.2, 86.9), ("438 15.09.2022 Sida", 78.2, 88.3),
     ("Välfärdshämnden 5", 91.2, 103.2), ("NKBY/444/00.02.07/2022", 123.4, 133.7),
     ("438 Anmälningsärenden; Välfärdsnämnden 15.9.2022", 145.2, 156.7)],
    [("SOK", 18.2, 21.6), ("SE NYKARLEBY", 27.8, 39.4), ("CZ VUSIKAARLEPYY", 40.1, 52.1),
     ("Protokoll 438 15.09.2022 Sida", 77.3, 89.3), ("Välfärdshämnden 6", 91.2, 103.2),
     ("25.5 Årets sommarlovsprogram skickades ut till alla skolelever i åk 1-9.", 136.3, 148.8)],
    # the logo not read at all; an earlier handling's line under the head, alike but lower down
    [("&j UUSIKAARLEPYY", 38.6, 52.1), ("Protokoll 478 15.09.2022 Sida", 77.3, 89.3),
     ("Välfärdshämnden 16", 91.2, 103.2), ("Välfärdsnämnden 15.9.2022, 47 8", 123.8, 133.7),
     ("Beredning: Bildningsdirektör/tf välfärdschef Teresia Tötterman-Engström", 167.3, 178.1)],
]


def _pages(rows: list[list[tuple[str, float, float]]], ocr: bool = True) -> list[PageLines]:
    return [PageLines([t for t, _, _ in p], [a for _, a, _ in p], [b for _, _, b in p], HEIGHT, ocr)
            for p in rows]


def _split(pages: list[PageLines]) -> list[tuple[list[str], list[str], list[str]]]:
    return [([p.texts[i] for i in h], [p.texts[i] for i in b], [p.texts[i] for i in f])
            for p, (h, b, f) in zip(pages, split_margins(pages))]


def test_garbled_running_heads_of_ocrd_pages_are_headers_and_the_headings_stay_body():
    out = _split(_pages(NYKARLEBY))
    heads = [h for h, _, _ in out]
    assert heads[1] == ["<Ae", "ÖR NYKARLEBY", "&j UUSIKAARLEPYY", "Protokoll 408 15.09.2022 Sida",
                        "Välfärdshämnden 2"]
    assert heads[4] == ["-", "=", ")", "6 NYKARLEBY", "S&gp UUSIKAARLEPYY", "Protokoll", "438 15.09.2022 Sida",
                        "Välfärdshämnden 5"]
    assert heads[6] == ["&j UUSIKAARLEPYY", "Protokoll 478 15.09.2022 Sida", "Välfärdshämnden 16"]
    # the body starts where the page's own text does: the § heading, the dnr, the earlier handling
    assert [b[0] for _, b, _ in out] == [
        "398 Sammanträdets laglighet och beslutförhet", "408 Val av protokolljusterare",
        "418 Godkännande av föredragningslistan", "NKBY/497/12.03.01/2022", "NKBY/444/00.02.07/2022",
        "25.5 Årets sommarlovsprogram skickades ut till alla skolelever i åk 1-9.",
        "Välfärdsnämnden 15.9.2022, 47 8"]
    assert not any("NYKARLEBY" in t or "Sida" in t for _, b, _ in out for t in b)


def test_text_layer_pages_keep_the_exact_rules():
    # the same lines from a text layer: as written they repeat on too few pages to be a header
    assert all(not h and not f for h, _, f in _split(_pages(NYKARLEBY, ocr=False)))


def test_garbled_running_footers_of_ocrd_pages_are_footers():
    body = ["Nämnden beslutar enligt förslaget om {}.", "Beslutet ska verkställas genast i {}."]
    feet = ["Justerandes signatur Utdragsbestyrkande", "Justerandes sigrnatur Utdragsbestyrkandc",
            "Justcrandes signatur Utdragsbestyrkande", "Justerandes signatuv Utdragsbcstyrkande"]
    topics = ["skolan", "förskolan", "hemtjänsten", "trafiken"]
    rows = [[(body[0].format(t), 120.0, 131.0), (body[1].format(t), 140.0, 151.0), ("'", 790.0, 792.0),
             (foot, 800.0 + k, 811.0 + k)] for k, (t, foot) in enumerate(zip(topics, feet))]
    out = _split(_pages(rows))
    assert [f for _, _, f in out] == [["'", x] for x in feet]
    assert [b for _, b, _ in out] == [[body[0].format(t), body[1].format(t)] for t in topics]


def test_an_ocrd_line_alike_on_few_pages_or_at_another_height_stays_body():
    # a line repeated on two of six pages at one height is no running head, nor are titles
    # alike in a word, nor sentences near the edge that differ in one word
    topics = ["Skolskjuts", "Skolskjuts", "Elevhälsa", "Lokaler", "Budget", "Taxor"]
    rows = [[(f"Ärende {k}: {t}", 20.0, 31.0), ("Bildningsnämndens förslag till beslut", 40.0 + 25 * (k % 3), 51.0),
             (f"Nämnden beslutar att {t.lower()} bereds vidare.", 400.0, 411.0),
             (f"Beslutet om {t.lower()} verkställs.", 780.0, 791.0)]
            for k, t in enumerate(topics)]
    rows = [[(t, a, b + a - 20.0 if i == 1 else b) for i, (t, a, b) in enumerate(p)] for p in rows]
    out = _split(_pages(rows))
    assert all(not h and not f for h, _, f in out)


def test_a_single_ocrd_page_has_nothing_to_be_compared_with():
    assert _split(_pages(NYKARLEBY[:1])) == [([], [t for t, _, _ in NYKARLEBY[0]], [])]
