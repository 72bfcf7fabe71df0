"""A member who leaves a matter for jäv: Lomma KF 2025-04-24 § 16 writes it under a heading "Jäv"
("Med anledning av jäv har Bo Nors (F) inte deltagit i ärendets handläggning.") — no stance on
the matter; Göteborg KF 2023-06-19 § 14 writes it under "Protokollsanteckning" ("Jessica Blixt
(D) deltar inte i handläggningen av ärendet på grund av jäv.") — the party's note to the
protocol, which a reader comparing the parties' records of a § expects to find (and which says
why D is missing from the vote). Drawn with reportlab."""

from __future__ import annotations

from test_positions_attached import _pdf

from namndkoll.extract.pipeline import extract_file

HEAD = ["KOMMUNFULLMÄKTIGE                             SAMMANTRÄDESPROTOKOLL",
        "                                              Sammanträdesdatum 2025-04-24"]
PAGE = [*HEAD, "", "KF § 14                                     KS/2025:3", "Markanvisning för kvarteret Eken", "",
        "Beslut", "Kommunfullmäktige beslutar att godkänna markanvisningen.", "",
        "{heading}", "{line}", "",
        "KF § 15                                     KS/2025:4", "Taxa för bygglov", "",
        "Beslut", "Kommunfullmäktige beslutar att anta taxan.", "",
        "Justerande                          Utdragsbestyrkande"]


def _positions(tmp_path, heading: str, line: str) -> list[tuple]:
    page = [s.replace("{heading}", heading).replace("{line}", line) for s in PAGE]
    _doc, ex = extract_file(str(_pdf(tmp_path / "kf.pdf", [page])))
    return [(p.kind, p.parties, p.item) for p in ex.positions]


def test_a_jav_note_under_protokollsanteckning_is_the_partys_note(tmp_path):
    got = _positions(tmp_path, "Protokollsanteckning",
                     "Jessica Blixt (D) deltar inte i handläggningen av ärendet på grund av jäv.")
    assert got == [("protokollsanteckning", ("D",), "§ 14")]


def test_a_jav_declared_under_its_own_heading_is_no_position(tmp_path):
    assert _positions(tmp_path, "Jäv",
                      "Med anledning av jäv har Bo Nors (F) inte deltagit i ärendets handläggning.") == []
