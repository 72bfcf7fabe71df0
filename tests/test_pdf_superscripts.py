"""Footnote marks and other superscripts set smaller and raised after a word (issue 8/11).

The reader glued them to the word before them: Alingsås' revisionsrapport read "riktlinje1",
"20246" (the year 2024 and footnote 6), "råd2 . Exempelvis", which a keyword search for
"riktlinje" or "2024" misses and a quote misstates. A footnote's mark is now set apart as
superscript digits after a space ("riktlinje ¹", "2024 ⁶"); a raised 2 or 3 after a unit of
length stays the area or volume the figure reader knows ("km2", "m3/s"). Real PDFs made with
reportlab (a smaller font and the text rise, as Word's superscript sets them)."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.extract.figures import iter_figures, normalize_spaces
from namndkoll.ingest.pdf import read_pdf

Part = tuple[str, bool]  # text, raised


def _pdf(path: Path, lines: list[list[Part]], *, size: float = 12.0, sup: float = 8.0, rise: float = 4.0) -> Path:
    """One page, each line drawn part by part in one text object: raised parts in the
    smaller type with the text rise (reportlab's ``setRise``), the others on the baseline."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for n, parts in enumerate(lines):
        t = c.beginText(70, h - 80 - n * 20)
        for text, raised in parts:
            t.setFont(font, sup if raised else size)
            t.setRise(rise if raised else 0)
            t.textOut(text)
        c.drawText(t)
    c.save()
    return path


def _text(path: Path) -> str:
    return read_pdf(path, ocr=False).pages[0].text


def _figures(text: str) -> list[tuple[str, float, str]]:
    return [(kind, value, unit) for _s, _e, kind, value, unit, _q, _p, _t in iter_figures(normalize_spaces(text))]


def test_a_footnote_mark_after_a_word_is_set_apart(tmp_path: Path) -> None:
    text = _text(_pdf(tmp_path / "a.pdf", [
        [("Per 2024-05-27 finns numera en upprättad riktlinje", False), ("1", True),
         (" avseende mottagande i anpassad grundskola.", False)],
        [("Arbetsgången beskrivs i enlighet med Skolverkets allmänna råd", False), ("2", True),
         (". Exempelvis framgår", False)],
    ]))
    assert "riktlinje ¹ avseende mottagande" in text
    assert "allmänna råd ². Exempelvis framgår" in text  # no space before the stop, as on the page
    assert "riktlinje1" not in text and "råd2" not in text


def test_a_footnote_mark_after_a_year_or_a_number_is_no_digit_of_it(tmp_path: Path) -> None:
    text = _text(_pdf(tmp_path / "a.pdf", [
        [("I genomlysningen 2024", False), ("6", True), (" konstateras att rutinen saknas.", False)],
        [("Under 2025 har förbundet utfört nära 313 000", False), ("4", True), (" uppdrag, vilket är fler.", False)],
        [("I delegationsordningen", False), ("11", True), (" framgår det.", False)],
    ]))
    assert "genomlysningen 2024 ⁶ konstateras" in text
    assert "delegationsordningen ¹¹ framgår" in text
    assert "20246" not in text and "0004" not in text
    assert ("count", 313_000.0, "uppdrag") in _figures(text)


def test_a_mark_after_a_closing_quote_or_a_stop_is_set_apart(tmp_path: Path) -> None:
    text = _text(_pdf(tmp_path / "a.pdf", [
        [("Ett arbete med ”grundresurs”", False), ("8", True), (" och genom en ny modell.", False)],
        [("Tillsynen gäller hela stadens verksamhet.", False), ("1", True), (" Undersökningen visar", False)],
    ]))
    assert "”grundresurs” ⁸ och genom" in text
    assert "verksamhet. ¹ Undersökningen" in text


def test_a_raised_2_or_3_after_a_unit_stays_an_area_or_a_volume(tmp_path: Path) -> None:
    text = _text(_pdf(tmp_path / "a.pdf", [
        [("Flödet får inte understiga 1,5 m", False), ("3", True), ("/s under sommaren.", False)],
        [("Sjöns yta är 12 km", False), ("2", True), (", inom vilken allt ligger.", False)],
        [("Huvudbyggnad högst 70 m", False), ("2", True), (" våningsplanyta.", False)],
    ]))
    assert "1,5 m3/s under" in text and "12 km2, inom" in text and "70 m2 våningsplanyta" in text
    assert _figures(text) == [("measure", 1.5, "m³"), ("measure", 12.0, "km²"), ("measure", 70.0, "m²")]


def test_digits_on_the_baseline_or_merely_smaller_are_left_alone(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "a.pdf", [
        [("Nämnden beslutar om 40 platser och ", False), ("12", False), (" tjänster år 2025.", False)],
    ])
    assert "40 platser och 12 tjänster år 2025." in _text(pdf)
    # smaller type on the baseline (a table's figure in smaller print) is no superscript
    small = _pdf(tmp_path / "b.pdf", [[("Summa", False), ("2300", True)]], rise=0.0)
    assert "Summa2300" in _text(small) or "Summa 2300" in _text(small)
    assert "²" not in _text(small) and "³" not in _text(small)


def test_a_keyword_search_finds_the_word_before_the_mark(tmp_path: Path) -> None:
    """In a real SQLite index (FTS5 takes "riktlinje1" and "riktlinje¹" for one word)."""
    from test_search import indexed

    from namndkoll.ingest import read_document
    from namndkoll.search import search

    pdf = _pdf(tmp_path / "rapport.pdf", [
        [("Revisionsrapport: uppföljning av tidigare granskningar", False)],
        [("Per 2024-05-27 finns numera en upprättad riktlinje", False), ("1", True),
         (" avseende mottagande i anpassad grundskola.", False)],
        [("Riktlinjen syftar till att visa processen för att besluta om en elev tillhör målgruppen.", False)],
    ])
    with indexed(tmp_path / "c.db", [read_document(pdf, ocr=False)]) as (conn, emb):
        hits = search(conn, "upprättad riktlinje mottagande", emb, mode="keyword", abstention=False)
    assert hits and "riktlinje ¹ avseende" in hits[0].text
    assert any(hits[0].text[a:b] == "riktlinje" for a, b in hits[0].highlights)
