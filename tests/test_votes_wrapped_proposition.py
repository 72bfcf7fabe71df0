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


ROLL_AFTER = [
    "§ 71 Ärendenummer IUN-2024-00211",
    "Initiativyrkande från V, S och MP",
    "Omröstning begärs och ska verkställas.",
    "Ordförande ställer upp följande beslutsgång:",
    "Ja-röst för att bifalla initiativyrkandet från V, S och MP.",
    "Nej-röst för avslag.",
    "",
    "Ja-röster: Anna Skarsjö (S), Åke Persson (S), Paul Hedman (V), Anne Akujärvi (S) och",
    "Håkan Eriksson (V).",
    "",
    "Nej-röster: Sarah Ullmark (M), Björn Oxe (M), Ditte Nörby (L) och Jim Posio (SD).",
    "",
    "Med resultatet 5 ja-röster mot 4 nej-röster beslutar nämnden att bifalla initiativyrkande",
    "från V, S och MP.",
]


def test_the_ja_roster_roll_call_is_not_the_proposition(tmp_path):
    """Göteborg's inköps- och upphandlingsnämnd 2024-06-13 § 71: the members' 'Ja-röster: …' list
    wraps too; what ja meant is the 'Ja-röst för …' line above it."""
    page = [(450, 40, "Inköps- och upphandlingsnämnden"), (450, 55, "Protokoll"), (450, 70, "2024-06-13")]
    page += [(60, 110 + 15 * i, line) for i, line in enumerate(ROLL_AFTER) if line]
    [vote] = extract_document(read_document(draw(tmp_path / "iun.pdf", [page]))).votes
    assert (vote.yes, vote.no) == (5, 4)
    assert vote.proposition == "Ja-röst för att bifalla initiativyrkandet från V, S och MP. Nej-röst för avslag."
