"""A stance's quote does not run back over a page's running head left in a web copy's run-on
text (walk 17, Storuman KSAU 2010 as copied from a document site: the motion of "Karin Malmfjord
(S)" was quoted from "Organ Kommunstyrelsens arbetsutskott Sammanträdesdatum Datum då anslaget
sätts upp … Underskrift Maria Mickelsson Utdragsbestyrkande 2 STORUMANS KOMMUN PROTOKOLL 2 (18)",
the anslag box of page 1 and page 2's head, before the sentence itself). Drawn with reportlab in
that run-on layout; other names and another municipality."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

LINES = [
    "1 SKOGSBY KOMMUN PROTOKOLL 1 (12) Plats och tid Kommunhuset, Skogsby Beslutande Anna Berg (C)",
    "ordförande Bo Ek (M) Utses att justera Bo Ek Paragrafer Underskrift Sekreterare Lisa Holm",
    "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag på",
    "kommunens anslagstavla. Organ Kommunstyrelsens arbetsutskott Sammanträdesdatum Datum då",
    "anslaget sätts upp Datum då anslaget tas ned Förvaringsplats för protokollet",
    "Kommunstyrelsens kansli Underskrift Lisa Holm Utdragsbestyrkande 2 SKOGSBY KOMMUN",
    "PROTOKOLL 2 (12) KSAU 14 KS/2011: Motion - fler cykelbanor Sven Dahl (V) har lämnat in",
    "rubricerad motion. I motionen skriver Dahl bland annat att fler cykelbanor behövs i Skogsby.",
]


def test_a_motions_quote_starts_after_the_page_head(tmp_path):
    page = [(40, 60 + 14 * i, line, 9) for i, line in enumerate(LINES)]
    found = extract_document(read_document(draw(tmp_path / "skogsby-ksau-2011.pdf", [page]))).positions
    (motion,) = [p for p in found if p.kind == "motion"]
    assert motion.parties == ("V",)
    assert motion.text.startswith("KSAU 14 KS/2011: Motion - fler cykelbanor Sven Dahl (V) har lämnat in")
    assert "anslaget" not in motion.text and "PROTOKOLL 2 (12)" not in motion.text
