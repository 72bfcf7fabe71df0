"""A yrkande that quotes the wording it wants changed: full stops inside the quotation do not
end the statement (Lomma kommunfullmäktige 2023-12-07 § 108, NetPublicator, shortened). Drawn
with reportlab."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.extract.decisions import iter_sentences
from namndkoll.ingest import read_document

LINES = [
    "KOMMUNFULLMÄKTIGE                   SAMMANTRÄDESPROTOKOLL",
    "                                    Sammanträdesdatum 2023-12-07",
    "KF § 108                            KS KF/2023:283",
    "Revidering av finanspolicy för Lomma kommun",
    "Överläggning",
    "Aron Regnéll (M) yrkar att kommunfullmäktige ska besluta i enlighet med kommunstyrelsens förslag i",
    "ärendet.",
    "",
    "Ingrid Ascard (MP) yrkar att kommunfullmäktige ska besluta i enlighet med kommunstyrelsens",
    "förslag i ärendet med förändringen att stycket ”Kommunen undviker i möjligaste mån att investera i",
    "fossila energikällor. I stället uppmuntras investeringar i klimatarbete.” på sidan 18 ändras till",
    "”Kommunen undviker att investera i fossila energikällor. I stället uppmuntras investeringar i",
    "klimatarbete.”",
    "",
    "Per Bengtsson (S) yrkar bifall till Ingrid Ascards yrkande.",
    "",
    "Propositionsordning",
    "Sedan överläggningen förklarats avslutad ställer ordförande Lena Wahlgren (M) yrkandena mot",
    "varandra, vartefter kommunfullmäktige beslutar i enlighet med Aron Regnélls yrkande.",
]


def test_a_quoted_wording_stays_inside_its_yrkande(tmp_path):
    pdf = draw(tmp_path / "kf.pdf", [[(40, 40 + 14 * i, line, 8) for i, line in enumerate(LINES)]])
    doc = read_document(pdf)
    mp = [p for p in extract_document(doc).positions if p.parties == ("MP",)]
    assert len(mp) == 1 and mp[0].kind == "yrkande"
    assert "på sidan 18 ändras till" in mp[0].text
    assert mp[0].text.endswith("klimatarbete.”")
    s = [p for p in extract_document(doc).positions if p.parties == ("S",)]
    assert [p.text for p in s] == ["Per Bengtsson (S) yrkar bifall till Ingrid Ascards yrkande."]


def test_an_unclosed_quote_mark_does_not_swallow_the_next_sentences():
    text = "Han sa ”hej. Sedan gick han.\n\nNästa stycke. Här."
    assert [text[a:b].strip() for a, b in iter_sentences(text, 0, len(text))] == [
        "Han sa ”hej.", "Sedan gick han.", "Nästa stycke.", "Här."]
