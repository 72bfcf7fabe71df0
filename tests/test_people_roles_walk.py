"""Roles in member lists and signature blocks, as the documents write them (walk75, reading
Tolkförmedling Väst's annual report 2025 and Alingsås BUN 2026-06-16 against their pages)."""

from __future__ import annotations

from namndkoll.extract import find_people
from namndkoll.types import Document, Metadata, Page, with_offsets


def people(text: str) -> list[tuple[str, str | None, str | None]]:
    d = Document("t.pdf", "0" * 64, with_offsets([Page(1, text)]), Metadata(municipality="Alingsås"))
    return [(p.name, p.party, p.role) for p in find_people(d)]


def test_a_role_after_the_name_and_a_comma_is_that_person_s():
    """A kommunalförbund's annual report lists its direktion as "Name (P), role" two to a line:
    `namndkoll people` gave each role to the next person (the vice chair was listed as
    "ordförande", every ersättare on the line after as "ledamot")."""
    text = ("Direktionen för Tolkförmedling Väst utgjordes 2025-12-31 av:\n"
            "Claudia Nistor Pedrini (S), ordförande Dragan Dobromirovic (S), vice ordförande\n"
            "Zagros Hama Ada (M), ersättare Susanna Cassberg (M), ersättare\n"
            "Per-Gordon Tranberg (M), ledamot Taiga Feldman Burgelis (M), ledamot\n"
            "Ulla Dalén (MP), ersättare Bashir Sulaiman (S), ersättare\n")
    assert people(text) == [
        ("Claudia Nistor Pedrini", "S", "ordförande"), ("Dragan Dobromirovic", "S", "vice ordförande"),
        ("Zagros Hama Ada", "M", "ersättare"), ("Susanna Cassberg", "M", "ersättare"),
        ("Per-Gordon Tranberg", "M", "ledamot"), ("Taiga Feldman Burgelis", "M", "ledamot"),
        ("Ulla Dalén", "MP", "ersättare"), ("Bashir Sulaiman", "S", "ersättare"),
    ]
    # the definite form after a comma is the next name's ("(V), andre vice ordföranden Margareta")
    assert people("Förste vice ordföranden Håkan Eriksson (V), andre vice ordföranden Margareta\n"
                  "Broang (M) och tredje vice ordföranden Lisbeth Sundén Andersson (S) justerar") == [
        ("Håkan Eriksson", "V", "förste vice ordförande"), ("Margareta Broang", "M", "andre vice ordförande"),
        ("Lisbeth Sundén Andersson", "S", "tredje vice ordförande")]


def test_a_role_before_the_name_still_counts():
    assert people("Yrkande från ledamoten Rashid Mohammed (V).") == [("Rashid Mohammed", "V", "ledamot")]
    assert people("Anna Berg (S), ordförande, och ledamoten Per Olsson (M) yrkar bifall.") == [
        ("Anna Berg", "S", "ordförande"), ("Per Olsson", "M", "ledamot")]


def test_a_signature_block_labels_each_name_from_above():
    """A Meetings Plus protocol signs with the label above each name ("Sekreterare / Karin
    Berg / Ordförande / Thomas Thim (M)"): the secretary was listed as "ordförande", the label
    of the name below her."""
    text = ("Utses att justera Camilla Stensson (S)\nJusteringens plats och \ntid\n"
            "Protokollet justeras på distans.\nSekreterare\nKarin Berg\nOrdförande\nThomas Thim (M)\n"
            "Justerande\nCamilla Stensson (S)\nProtokollet är justerat.\n")
    found = {(name, role) for name, _party, role in people(text)}
    assert ("Karin Berg", "sekreterare") in found
    assert ("Karin Berg", "ordförande") not in found
    assert ("Thomas Thim", "ordförande") in found



def test_a_role_in_parentheses_after_the_party_is_that_person_s():
    """Alingsås BUN 2026-06-16 opens "Beslutande Thomas Thim (M) (ordförande) / Camilla
    Stensson (S) (vice ordförande)": the attendance list gave the chair and vice chair no role."""
    text = ("Beslutande Thomas Thim (M) (ordförande)\nCamilla Stensson (S) (vice ordförande)\n"
            "Annika Olofsson (S)\n")
    assert people(text) == [("Thomas Thim", "M", "ordförande"), ("Camilla Stensson", "S", "vice ordförande"),
                            ("Annika Olofsson", "S", None)]
