"""A member's party as the document gives it most often (Lomma, NetPublicator, shortened):
Fokus writes "(F)" in the statements and "(FB)" in the vote lists, and a § writes "Thomas
Eneström (M) yrkar" where the attendance list, the propositions and his own note say (S).
Drawn with reportlab."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

PAGE1 = [
    "BARN- OCH UTBILDNINGSNÄMNDEN          SAMMANTRÄDESPROTOKOLL",
    "                                      Sammanträdesdatum 2025-05-20",
    "Beslutande ledamöter",
    "Leslie Qvandrup (M), ordförande",
    "Thomas Eneström (S), 2:e vice ordförande",
    "Ulf Richeberg (F)",
    "Jenny Morau (F)",
    "Natalia Engstedt (SD)",
    "",
    "BUN § 40                              Dnr BUN 2025/12",
    "Remissvar om idrottshallar",
    "Yrkanden",
    "Ordförande Leslie Qvandrup (M) yrkar bifall till förvaltningens förslag.",
    "",
    "Thomas Eneström (M) yrkar bifall till ordförandens yrkande med ett tillägg: att förvaltningen",
    "ska belysa för- och nackdelar med två idrottshallar.",
    "",
    "Ulf Richeberg (F) yrkar att ärendet ska återremitteras till förvaltningen.",
    "",
    "Propositionsordning",
    "Ordföranden ställer proposition på Thomas Eneströms (S) yrkande och finner att det bifalls.",
    "Jenny Morau (F) och Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation.",
    "Thomas Eneström (S) och Natalia Engstedt (SD) deltar inte i beslutet.",
    "",
    "Upprops- och voteringslista",
    "Ulf Richeberg (FB)            X",
    "Jenny Morau (FB)              X",
    "Thomas Eneström (S)           X",
]
PAGE2 = [
    "Bilaga B §40/25",
    "Reservation mot beslut i ärende 12 vid mötet 2025-05-20",
    "Vi i Fokus reserverar oss mot beslutet till förmån för vårt yrkande att återremittera",
    "utredningen till förvaltningen.",
    "",
    "Ulf Richeberg",
    "Fokus partiet",
]


def _positions(tmp_path):
    pdf = draw(tmp_path / "bun.pdf", [[(40, 40 + 14 * i, line, 8) for i, line in enumerate(page)]
                                      for page in (PAGE1, PAGE2)])
    return extract_document(read_document(pdf)).positions


def test_a_party_slip_beside_a_name_the_document_gives_another_party_often(tmp_path):
    te = [p for p in _positions(tmp_path) if p.kind == "yrkande" and "Thomas Eneström" in p.people]
    assert len(te) == 1 and te[0].parties == ("S",)


def test_a_local_party_keeps_the_code_of_its_statements_not_of_the_vote_list(tmp_path):
    pos = _positions(tmp_path)
    ur = [p for p in pos if p.kind == "yrkande" and "Ulf Richeberg" in p.people]
    assert len(ur) == 1 and ur[0].parties == ("F",)
    # the written reservation, one stance with the sentence that announces it
    written = [p for p in pos if p.kind == "reservation" and "Bilaga B §40/25" in p.text]
    assert len(written) == 1 and written[0].parties == ("F",) and written[0].item == "§ 40"
    assert written[0].text.startswith("Jenny Morau (F) och Ulf Richeberg (F) meddelar att Fokus vill lämna")
