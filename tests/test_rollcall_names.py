"""A vote list that writes members surname first with all their given names (Lomma BUN's
'Upprops- och voteringslista', 2025-05-20: "Larsson Gun Yvonne", "Ekström Tingberg Jonna") while
the attendance list and the yrkanden write "Gun Larsson (-)", "Jonna Tingberg (M)": the roll
call names the member as the document does elsewhere, so `members` counts one person and
`votes --member "Gun Larsson"` finds her list votes; the list's own row stays the entry's quote.
An excerpt drawn with reportlab, its marks on their members' lines."""

from __future__ import annotations

from pathlib import Path

from test_lists import _store_all
from test_structure_templates import draw

import namndkoll
from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

JA, NEJ, AVST = 430, 468, 526
ROWS = [("Karström Fredrik, Ordförande M", "ja"), ("Eneström Thomas, 2:e vice ordförande S", "nej"),
        ("Ekström Tingberg Jonna, Ledamot M", "ja"), ("Larsson Gun Yvonne, Ledamot -", "ja"),
        ("Sand Marie, Ledamot S", "nej")]


def _pdf(path: Path, attendance_extra: tuple[str, ...] = (), item: int = 41, date: str = "2025-05-20") -> Path:
    attendance = [(40, 40, "BARN- OCH UTBILDNINGSNÄMNDEN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"),
                  (330, 52, date), (40, 58, "Beslutande"), (40, 70, "Fredrik Karström (M), ordförande"),
                  (40, 82, "Jonna Tingberg (M), 1:e vice ordförande"),
                  (40, 94, "Thomas Eneström (S), 2:e vice ordförande"), (40, 106, "Gun Larsson (-)"),
                  (40, 118, "Marie Sand (S)")]
    attendance += [(40, 130 + 12 * k, who) for k, who in enumerate(attendance_extra)]
    attendance += [(40, 200, f"BUN § {item}"), (330, 200, "BUN/2025:12"),
                   (40, 215, "Grundskolans organisation"), (40, 235, "Yrkanden"),
                   (40, 250, "Fredrik Karström (M) yrkar bifall till förvaltningens förslag."),
                   (40, 262, "Thomas Eneström (S) yrkar avslag."), (40, 282, "Beslutsgång"),
                   (40, 297, "Votering begärs och genomförs. Ja 3, Nej 2, Avstår 0.")]
    page = [(40, 40, "Upprops- och voteringslista"), (400, 40, f"BUN {date}"),
            (400, 52, f"Bilaga A §{item}/25"), (40, 70, f"Datum: {date}"), (400, 70, "Ärende nr"),
            (JA - 6, 90, "JA"), (NEJ - 10, 90, "NEJ"), (AVST - 26, 90, "AVSTÅR")]
    x = {"ja": JA, "nej": NEJ, "avstar": AVST}
    for k, (who, vote) in enumerate(ROWS):
        page += [(40, 104 + 12 * k, who), (x[vote] - 5, 104 + 12 * k, "X")]
    return draw(path, [attendance, page])


def test_a_list_name_with_all_given_names_is_the_name_the_attendance_list_gives(tmp_path):
    doc = read_document(_pdf(tmp_path / "bun.pdf"))
    (v,) = extract_document(doc).votes
    assert (v.yes, v.no) == (3, 2)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        ("Fredrik Karström", "M", "ja"), ("Thomas Eneström", "S", "nej"), ("Jonna Tingberg", "M", "ja"),
        ("Gun Larsson", "-", "ja"), ("Marie Sand", "S", "nej")]
    gun = v.roll_call[3]
    assert gun.text.startswith("Larsson Gun Yvonne")  # the list's own row is the quote
    assert doc.text[gun.start:gun.end].startswith("Larsson Gun Yvonne")


def test_two_names_that_fit_leave_the_list_name_as_written(tmp_path):
    # "Larsson Gun Yvonne" could be Gun Larsson or Yvonne Larsson, both independents here
    doc = read_document(_pdf(tmp_path / "bun.pdf", ("Yvonne Larsson (-)",)))
    (v,) = extract_document(doc).votes
    assert [e.name for e in v.roll_call][2:4] == ["Jonna Tingberg", "Larsson Gun Yvonne"]


def test_another_party_is_not_the_same_member(tmp_path):
    # the attendance list's only Larsson is a Social Democrat: not the list's independent
    doc = read_document(_pdf(tmp_path / "bun.pdf", ("Eva Yvonne Larsson (S)",)))
    (v,) = extract_document(doc).votes
    assert v.roll_call[3].name == "Gun Larsson"
    doc = read_document(_pdf(tmp_path / "bun2.pdf", ("Yvonne Larsson (S)",)))
    (v,) = extract_document(doc).votes
    assert v.roll_call[3].name == "Gun Larsson"


def test_members_count_one_person_and_votes_of_a_member_find_the_list_votes(tmp_path):
    db = tmp_path / "corpus.db"
    _store_all(db, [read_document(_pdf(tmp_path / "a.pdf")),
                    read_document(_pdf(tmp_path / "b.pdf", item=42, date="2025-06-10"))])
    rows = namndkoll.members(db=db, party="-")
    assert [(r["name"], r["votes"], r["ja"]) for r in rows] == [("Gun Larsson", 2, 2)]
    assert [r["name"] for r in namndkoll.members(db=db, party="M")] == ["Fredrik Karström", "Jonna Tingberg"]
    assert [(v["item"], v["member_vote"]) for v in namndkoll.votes(db=db, member="Gun Larsson")] == [
        ("§ 41", "ja"), ("§ 42", "ja")]
