"""A yrkande whose member is named after the verb ("Vidare yrkar Axel Josefson (M) bifall till
tilläggsyrkandena från M, D, L och KD …", Göteborg KF 2023-06-08 § 13, walk 17) is that
member's own, not the tail of the yrkande before it: `compare` showed the sentence under SD,
KD, D and L too, as part of "Elisabet Lann (KD), … och Rasmus Ragnarsson (SD) yrkar bifall till
förslaget från M, D, L och KD". Drawn with reportlab; other names and another body."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

LINES = [
    "§ 22 Dnr RF 2025/77",
    "Budget för kollektivtrafiken 2026",
    "Yrkanden",
    "Eva Lind (S) och Mia Sand (V) yrkar bifall till regionstyrelsens förslag.",
    "Per Holm (M), Ola Berg (KD) och Siv Ek (SD) yrkar bifall till förslaget från M och KD i",
    "regionstyrelsen. Vidare yrkar Per Holm (M) bifall till tilläggsyrkandet från M om färdtjänst.",
    "Propositionsordning",
    "Ordföranden ställer propositioner på yrkandena och finner att regionstyrelsens förslag har bifallits.",
]


def test_a_member_named_after_the_verb_states_a_yrkande_of_their_own(tmp_path):
    page = [(450, 40, "Regionfullmäktige"), (450, 55, "Protokoll"), (450, 70, "2025-06-12")]
    page += [(60, 110 + 15 * i, line) for i, line in enumerate(LINES)]
    found = extract_document(read_document(draw(tmp_path / "rf.pdf", [page]))).positions
    got = [(p.parties, p.text) for p in found if p.kind == "yrkande"]
    assert got == [
        (("S", "V"), "Eva Lind (S) och Mia Sand (V) yrkar bifall till regionstyrelsens förslag."),
        (("M", "KD", "SD"), ("Per Holm (M), Ola Berg (KD) och Siv Ek (SD) yrkar bifall till förslaget från M och "
                             "KD i regionstyrelsen.")),
        (("M",), "Vidare yrkar Per Holm (M) bifall till tilläggsyrkandet från M om färdtjänst."),
    ]
