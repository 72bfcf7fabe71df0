"""The proposition of a vote whose Ja-röst line wraps onto a second line (Alingsås
kommunstyrelse 2026-06-15 § 114: "Ja-röst för bifall till Jan-Erik Wallins med fleras förslag
att lämna initiativärendet till / kommunledningskontoret för beredning."): `namndkoll votes`
showed the 7–8 vote with no proposition at all, so a reader could not tell what ja meant.
Drawn with reportlab in the protocol's layout."""

from __future__ import annotations

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

LINES = [
    "§ 114 2026.288 KS",
    "Initiativärende gällande utredning av utökad parkeringskapacitet vid Nolhaga",
    "Förslag till beslut på sammanträdet",
    "Jan-Erik Wallin (M) och Lady France Mulumba (KD) föreslår att initiativärendet lämnas till",
    "kommunledningskontoret för beredning.",
    "Anton César (S) och Sanna Dabolins (V) föreslår att initiativärendet avslås.",
    "Omröstning",
    "Omröstning begärs.",
    "Följande beslutsgång godkänns:",
    "Ja-röst för bifall till Jan-Erik Wallins med fleras förslag att lämna initiativärendet till",
    "kommunledningskontoret för beredning.",
    "Nej-röst för bifall till Anton Césars med fleras förslag att avslå initiativärendet.",
    "Omröstningsresultat",
    "Med 7 ja-röster och 8 nej-röster finner ordföranden att kommunstyrelsen beslutar enligt",
    "Anton Césars med fleras förslag att avslå initiativärendet.",
    "Beslut",
    "Initiativärendet avslås.",
]


def test_a_wrapped_ja_rost_line_is_the_votes_proposition(tmp_path):
    page = [(450, 40, "Kommunstyrelsen"), (450, 55, "Protokoll"), (450, 70, "2026-06-15")]
    page += [(60, 110 + 15 * i, line) for i, line in enumerate(LINES)]
    [vote] = extract_document(read_document(draw(tmp_path / "ks.pdf", [page]))).votes
    assert (vote.item, vote.yes, vote.no) == ("§ 114", 7, 8)
    assert vote.proposition == (
        "Ja-röst för bifall till Jan-Erik Wallins med fleras förslag att lämna initiativärendet till "
        "kommunledningskontoret för beredning. Nej-röst för bifall till Anton Césars med fleras förslag "
        "att avslå initiativärendet.")
