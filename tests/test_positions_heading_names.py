"""A heading line above a yrkande is not the first word of the proposer's name: Alingsås
barn- och ungdomsnämnd 2026-06-16 § 43 has "Tilläggsyrkande" on a line of its own above "Heidi
Hankanen Ängberg (C) yrkar att …", and `namndkoll positions` listed the person
"Tilläggsyrkande Heidi Hankanen Ängberg" (shortened, drawn with reportlab)."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

LINES = [
    "BARN- OCH UNGDOMSNÄMNDEN            SAMMANTRÄDESPROTOKOLL",
    "                                    Sammanträdesdatum 2026-06-16",
    "§ 43                                Dnr 2026.100 BUN",
    "Resursfördelningsmodell",
    "Förslag till beslut",
    "Redovisningen godkänns.",
    "Tilläggsyrkande",
    "Heidi Hankanen Ängberg (C) yrkar att förvaltningen får i uppdrag att utreda möjligheten att",
    "införa ett riktat ekonomiskt stöd till mindre skolenheter.",
    "Ändringsyrkande",
    "Karin Josefsson (L) yrkar att ärendet återremitteras.",
    "Beslutsgång",
    "Ordföranden ställer först tilläggsförslaget mot avslag och finner att nämnden avslår det.",
    "Beslut",
    "Redovisningen godkänns.",
]


def test_the_heading_above_a_yrkande_is_not_part_of_the_name(tmp_path):
    pdf = draw(tmp_path / "bun.pdf", [[(40, 40 + 14 * i, line, 8) for i, line in enumerate(LINES)]])
    ext = extract_document(read_document(pdf))
    people = {p.parties: p.people for p in ext.positions if p.kind == "yrkande"}
    assert people == {("C",): ("Heidi Hankanen Ängberg",), ("L",): ("Karin Josefsson",)}
    names = {p.name for p in ext.people}
    assert not any(n.split()[0].endswith("yrkande") for n in names), names
