"""A yrkande the protocol states only in the chair's proposition sentence (Lomma KF 2025-11-13
§ 88, excerpt): its mover's party is named earlier in the §, the yrkande's content only there."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

LINES = [
    "KOMMUNFULLMÄKTIGE                   SAMMANTRÄDESPROTOKOLL",
    "                                    Sammanträdesdatum 2025-11-13",
    "KF § 88                             KS KF/2025:46",
    "Beslut om fastställande av budget för år 2026 samt plan för ekonomin åren 2027-2029",
    "Överläggning",
    "Robert Wenglén (M) och Martin Uncyk (KD) bifall till kommunstyrelsens förslag i ärendet.",
    "",
    "Sandra Pilemalm (L) och Ida Alm (L) yrkar att kommunfullmäktige ska besluta i enlighet med",
    "Liberalernas förslag till budget.",
    "",
    "Propositionsordning",
    "Ordförande ställer först proposition på frågan om bifall respektive avslag på Robert Wengléns",
    "yrkande om att bifalla kommunstyrelsens förslag, varefter kommunfullmäktige bifaller detsamma.",
    "",
    "Ordförande ställer därefter proposition på frågan om bifall respektive avslag på Sandra Pilemalms",
    "yrkande om att avslå alla utredningsuppdrag förutom nummer sex och sju, varefter",
    "kommunfullmäktige avslår detsamma.",
    "",
    "Ordförande ställer därefter proposition på frågan om bifall respektive avslag på Sandra Pilemalms",
    "och Ida Alms yrkande, varefter ordföranden finner att kommunfullmäktige avslår det samma.",
]


def test_a_yrkande_named_only_in_the_proposition_is_its_movers_partys(tmp_path):
    pdf = draw(tmp_path / "kf.pdf", [[(40, 40 + 14 * i, line, 8) for i, line in enumerate(LINES)]])
    positions = extract_document(read_document(pdf)).positions
    liberal = [p for p in positions if p.parties == ("L",) and p.kind == "yrkande"]
    assert len(liberal) == 2
    assert "Liberalernas förslag till budget" in liberal[0].text
    assert "avslå alla utredningsuppdrag förutom nummer sex och sju" in liberal[1].text
    assert liberal[1].item == "§ 88" and liberal[1].people == ("Sandra Pilemalm",)
    # a proposition on bifall to the proposal on the table, or on a yrkande already read, is none
    assert not [p for p in positions if "M" in p.parties or "KD" in p.parties]
