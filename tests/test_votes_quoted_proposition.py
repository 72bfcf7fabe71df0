"""What Ja and Nej meant, when the protocol quotes its voteringsproposition (walk 17, Göteborg KF
2023-02-23 § 28, 2024-08-22 § 313, 2024-11-07 § 451): `namndkoll votes` showed only the Ja half
("Ja för bifall till kommunstyrelsens förslag."), cut a name at "m.fl." ("… Marie Brynolfsson
m.") and, after a long "voteringsproposition i omröstning om antagande av motförslag i
huvudvotering:", the § title instead. A journalist reading a 40–41 vote could not tell what won.
Drawn with reportlab; other names and another body than the real pages."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

LINES = [
    "§ 12 Ärendenummer RF-2025-00031",
    "Ny taxa för parkering i centrum",
    "Propositionsordning",
    "Ordföranden ställer propositioner på yrkandena och finner att regionstyrelsens förslag",
    "har bifallits. Omröstning begärs.",
    "Omröstning",
    "Godkänd voteringsproposition: ”Ja för bifall till regionstyrelsens förslag. Nej för bifall",
    "till yrkandet från Vera Lund m fl”.",
    "Omröstningen utfaller med 30 Ja mot 31 Nej. Hur var och en röstar framgår av bilaga 3.",
    "§ 13 Ärendenummer RF-2025-00040",
    "Motion om fler laddplatser",
    "Omröstning",
    "Godkänd voteringsproposition: \"Ja för bifall till yrkandet från Per Åkesson m.fl.",
    "Nej för bifall till yrkandet från Stina Borg m.fl.\"",
    "Omröstningen utfaller med 33 Ja mot 20 Nej. 8 ledamöter avstår från att rösta.",
    "§ 14 Ärendenummer RF-2025-00051",
    "Budget 2026 och flerårsplaner 2027–2028",
    "Omröstning om antagande av motförslag i huvudvotering",
    "Godkänd voteringsproposition i omröstning om antagande av motförslag i huvudvotering:",
    "”Ja för bifall till förslaget från C och KD. Nej för bifall till förslaget från V.”",
    "Omröstningen utfaller med 21 Ja mot 7 Nej. 33 ledamöter avstår från att rösta.",
]


def test_a_quoted_proposition_keeps_its_nej_half_and_its_names(tmp_path):
    page = [(450, 40, "Regionfullmäktige"), (450, 55, "Protokoll"), (450, 70, "2025-03-20")]
    page += [(60, 110 + 15 * i, line) for i, line in enumerate(LINES)]
    votes = extract_document(read_document(draw(tmp_path / "rf.pdf", [page]))).votes
    got = {(v.item, v.yes, v.no): v.proposition for v in votes}
    assert got == {
        ("§ 12", 30, 31): "Ja för bifall till regionstyrelsens förslag. Nej för bifall till yrkandet från "
                          "Vera Lund m fl.",
        ("§ 13", 33, 20): "Ja för bifall till yrkandet från Per Åkesson m.fl. Nej för bifall till yrkandet "
                          "från Stina Borg m.fl.",
        ("§ 14", 21, 7): "Ja för bifall till förslaget från C och KD. Nej för bifall till förslaget från V.",
    }
