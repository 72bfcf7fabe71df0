"""A written reservation announced in the protocol and handed in later: Lomma BUN 2025-05-20
§ 41 "Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation mot beslutet.
Bilaga C." (KF 2025-09-25 § 71: "Ida Alm (L) och Alexander Werne (L) lämnar en skriftlig
reservation."). Lomma writes it under a "Reservation" heading, which made it a reservation
already; written in the Beslutsgång, as other protocols do, it was no position at all. It is the
announcing member's party's reservation whether or not the text itself is attached, and stated
once. Drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_positions_attached import _pdf

from namndkoll.extract.pipeline import extract_file

HEAD = ["BARN- OCH UTBILDNINGSNÄMNDEN                 SAMMANTRÄDESPROTOKOLL",
        "                                             Sammanträdesdatum 2025-05-20"]
P1 = [*HEAD, "", "Beslutande", "Fredrik Karström (M), ordförande", "Thomas Eneström (S)", "Ulf Richeberg (F)",
      "Natalia Engstedt (SD)", "Ida Alm (L)", "",
      "BUN § 41                                    BUN/2025:12", "Grundskolans organisation", "",
      "Yrkanden", "Fredrik Karström (M) yrkar bifall till förvaltningens förslag.",
      "Ulf Richeberg (F) yrkar att utredningen ska återremitteras till förvaltningen.", "",
      "Beslutsgång",
      "Ordföranden ställer proposition på yrkandena och finner att nämnden bifaller eget yrkande.",
      "{line}", "{line2}", "",
      "Barn- och utbildningsnämnden beslutar att bifalla förvaltningens förslag.", "",
      "Justerande                          Utdragsbestyrkande"]
ATTACHED = ["BUN 2025-05-20", "Bilaga C §41/25", "", "Reservation mot beslut i ärende 13 vid mötet 2025-05-20", "",
            "Vi i Fokus reserverar oss mot beslutet till förmån för eget yrkande att utredningen om",
            "grundskolans organisation skall återremitteras till förvaltningen.", "Med vänliga hälsningar,",
            "Ulf Richeberg", "Fokus partiet"]


def _reservations(tmp_path: Path, line: str, line2: str = "", attached: bool = False) -> list[tuple]:
    page = [s.replace("{line}", line).replace("{line2}", line2) for s in P1]
    _doc, ex = extract_file(str(_pdf(tmp_path / "bun.pdf", [page, ATTACHED] if attached else [page])))
    return [(p.parties, p.item, p.page, p.text[:40]) for p in ex.positions if p.kind == "reservation"]


@pytest.mark.parametrize("line", [
    "Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation mot beslutet. Bilaga C.",
    "Ulf Richeberg (F) meddelar att Fokus vill inkomma med en skriftlig reservation.",
    "Ulf Richeberg (F) lämnar en skriftlig reservation.",
    "Ulf Richeberg (F) anmäler att han kommer att lämna in en skriftlig reservation.",
])
def test_an_announced_written_reservation_is_the_announcers_partys(tmp_path, line):
    (res,) = _reservations(tmp_path, line)
    assert res[:3] == (("F",), "§ 41", 1) and res[3] == line[:40]


def test_the_announcement_and_the_attached_text_are_one_stance(tmp_path):
    """F's one reservation of § 41: the announcing sentence, then the written text it announces."""
    line = "Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation mot beslutet. Bilaga C."
    page = [s.replace("{line}", line).replace("{line2}", "") for s in P1]
    _doc, ex = extract_file(str(_pdf(tmp_path / "bun.pdf", [page, ATTACHED])))
    (res,) = [p for p in ex.positions if p.kind == "reservation"]
    assert (res.parties, res.item, res.page) == (("F",), "§ 41", 1)
    said, written = res.text.split(" … ")
    assert said == line.removesuffix(" Bilaga C.") and written.startswith("Bilaga C §41/25") and "Vi i Fokus reserverar oss" in written


def test_a_member_who_only_says_a_reservation_is_coming_from_another_party_is_not_its_author(tmp_path):
    # the chair tells the meeting what was handed in: the chair states no reservation of their own
    found = _reservations(tmp_path, "Ordföranden meddelar att en skriftlig reservation har lämnats.",
                          "Ida Alm (L) yrkar bifall till förvaltningens förslag.")
    assert found == []


def test_the_one_stance_is_cited_on_both_its_pages(tmp_path):
    """The announcing sentence stands on page 1, the written text on page 2: the stored row's
    citation said 's. 1' only, in `positions`, the web tables, the basket and compare."""
    from test_lists import _store_all

    import namndkoll
    from namndkoll.corpus import opened
    from namndkoll.ingest import read_document

    line = "Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation mot beslutet. Bilaga C."
    page = [s.replace("{line}", line).replace("{line2}", "") for s in P1]
    db = tmp_path / "bun.db"
    _store_all(db, [read_document(_pdf(tmp_path / "bun.pdf", [page, ATTACHED]))])
    rows = namndkoll.extracted("positions", db=db, kind="reservation")
    (res,) = rows
    assert (res["page"], res["page_end"]) == (1, 2) and res["citation"].endswith("§ 41, dnr BUN/2025:12, s. 1–2")
    (yrkande, *_) = namndkoll.extracted("positions", db=db, kind="yrkande")
    assert yrkande["citation"].endswith(", s. 1")  # a one-page stance keeps its one page
    with opened(db) as store:
        found = store.item_extractions(res["document_id"], 0, 10**6)
    assert [(p["kind"], p["page"], p["page_end"]) for p in found["positions"] if p["kind"] == "reservation"] == [
        ("reservation", 1, 2)]
