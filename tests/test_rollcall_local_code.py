"""Lomma KF 2025-08-28: the attendance list and the yrkanden write Fokus "(F)" ("Andreas
Svensson (F) ersätter Kristina Thored (F)", "Ulf Richeberg (F) … yrkar bifall"), while the
Voteringsprotokoll of § 53 and § 54 write the same members "(FB)" (Fokus Bjärred). The roll call
takes the code the rest of the document gives them, so compare, votes and blocs count Fokus
once, not as F beside FB; the list's own code stays in the note and the counts still agree with
the stated result. A document that writes FB everywhere keeps FB. Drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

from test_rollcall_marks import AVST, JA, NEJ
from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

LIST = [("Robert Wenglén", "M", "ja"), ("Susanne Borgelius", "M", "ja"), ("Gun Larsson", "-", "ja"),
        ("Per Bengtsson", "S", "nej"), ("Andreas Svensson", "FB", "nej"), ("Bo Nors", "FB", "nej"),
        ("Ulf Richeberg", "FB", "nej")]
X = {"ja": JA, "nej": NEJ, "avstar": AVST}


def _pdf(path: Path, attendance_code: str) -> Path:
    c = attendance_code
    first = [(40, 40, "KOMMUNFULLMÄKTIGE"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 52, "2025-08-28"),
             (40, 70, "Beslutande"), (40, 82, "Robert Wenglén (M), ordförande"), (40, 94, "Susanne Borgelius (M)"),
             (40, 106, "Gun Larsson (-)"), (40, 118, "Per Bengtsson (S)"), (40, 130, f"Ulf Richeberg ({c})"),
             (40, 142, f"Andreas Svensson ({c}) ersätter Kristina Thored ({c})"),
             (40, 154, f"Bo Nors ({c}) ersätter Fredrik Sverkersten ({c})"),
             (40, 190, "KF § 53"), (330, 190, "KS KF/2025:7"), (40, 205, "Detaljplan för Vinstorp"),
             (40, 225, "Yrkanden"),
             (40, 240, "Robert Wenglén (M) yrkar bifall till kommunstyrelsens förslag."),
             (40, 252, f"Per Bengtsson (S), Ulf Richeberg ({c}) och Bo Nors ({c}) yrkar avslag."),
             (40, 272, "Beslutsgång"),
             (40, 287, "Votering begärs. Den som röstar för bifall röstar ja, den som röstar för avslag"),
             (40, 299, "röstar nej. Omröstningen utfaller 3 ja och 4 nej, se bilaga A."),
             (40, 319, "Kommunfullmäktige beslutar att avslå kommunstyrelsens förslag.")]
    rows: list[tuple] = [(40, 34, "Kommunfullmäktige: Bilaga A KF § 53/25"), (40, 55, "Voteringsprotokoll"),
                         (JA, 55, "Ja"), (NEJ, 55, "Nej"), (AVST, 55, "Avstår"),
                         (45, 76, "Ledamot/tjänstgörande ersättare")]
    y = 90
    for name, party, vote in LIST:
        rows += [(45, y, f"{name} ({party})"), (X[vote], y, "X")]
        y += 12
    rows += [(45, y, "Totalt"), (JA, y + 14, "3"), (NEJ, y + 14, "4")]
    return draw(path, [first, rows])


def test_a_vote_lists_local_code_is_the_code_the_rest_of_the_document_gives(tmp_path):
    doc = read_document(_pdf(tmp_path / "kf.pdf", "F"))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no) == ("§ 53", 3, 4)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        (n, "F" if p == "FB" else p, c) for n, p, c in LIST]
    fokus = [e for e in v.roll_call if e.party == "F"]
    assert all("FB in the list" in (e.note or "") for e in fokus)
    assert all("(FB)" in e.text for e in fokus)  # the list's own row is still the quote
    # the counts per party still add up to the stated result
    assert sum(e.vote == "ja" for e in v.roll_call) == v.yes
    assert sum(e.vote == "nej" for e in v.roll_call) == v.no


def test_a_document_that_writes_the_lists_code_everywhere_keeps_it(tmp_path):
    doc = read_document(_pdf(tmp_path / "kf.pdf", "FB"))
    (v,) = extract_document(doc).votes
    assert [(e.name, e.party) for e in v.roll_call] == [(n, p) for n, p, _c in LIST]
    assert not any("in the list" in (e.note or "") for e in v.roll_call)
