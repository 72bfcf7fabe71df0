"""Parties and people in Swedish records: codes, full names and inflections, local parties
from context, and the names with party, role or signature title."""

from __future__ import annotations

import pytest

from namndkoll.extract import PARTIES, find_parties, find_people, party_code
from namndkoll.types import Document, Metadata, Page, with_offsets


def doc(text: str, municipality: str | None = None) -> Document:
    pages = [Page(i, t) for i, t in enumerate(text.split("\f"), 1)]
    return Document("t.pdf", "0" * 64, with_offsets(pages), Metadata(municipality=municipality))


def codes(text: str, municipality: str | None = None) -> list[str]:
    return [p.code for p in find_parties(doc(text, municipality))]


@pytest.mark.parametrize(("text", "code"), [
    ("(S)", "S"), ("(Fi)", "Fi"), ("(FI)", "Fi"), ("SD", "SD"), ("Fi", "Fi"), ("KD", "KD"),
    ("Socialdemokraterna", "S"), ("Socialdemokraternas", "S"), ("Vänsterpartiet", "V"),
    ("Vänsterpartiets", "V"), ("Moderaterna", "M"), ("Sverigedemokraterna", "SD"),
    ("Kristdemokraternas", "KD"), ("Centerpartiet", "C"), ("Liberalerna", "L"), ("Folkpartiet", "L"),
    ("Miljöpartiet de gröna", "MP"), ("Feministiskt initiativ", "Fi"), ("Demokraterna", "D"),
])
def test_party_code(text, code):
    assert party_code(text) == code
    assert code in PARTIES


@pytest.mark.parametrize("text", ["S:t", "SE", "SKR", "GEO", "moderat", "Sverige", "A.", ""])
def test_not_a_party(text):
    assert party_code(text) is None


def test_local_party_needs_its_municipality():
    assert party_code("D", municipality="Göteborg") == "D"
    assert party_code("D", municipality="Lund") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Karin Ernlund (C) yrkar bifall", ["C"]),
    ("Ledamöterna från SD reserverar sig mot beslutet", ["SD"]),
    ("yrkande från S, V och MP", ["S", "V", "MP"]),
    ("SD-ledamöterna lämnar ett särskilt yttrande", ["SD"]),
    ("Vänsterpartiets slutsats är att", ["V"]),
    ("Socialdemokraterna och Kristdemokraternas förslag", ["S", "KD"]),
    ("Motion av Stina Svensson (FI) och Teysir Subhi (FI)", ["Fi", "Fi"]),
    ("Reservation (S och V)", ["S", "V"]),
])
def test_find_parties(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text", [
    "S:t Petri kyrka i Lund",
    "Metoder såsom IPS och SE (supported employment).",
    "C. Förslag på framtagande av finansieringsmodell",
    "D. Förändrat utvecklingsmål för socialnämnden",
    "Sveriges kommuner och regioners (SKR) rekommendation",
    "Gothenburg European Office (GEO)",
    "enligt bilaga A och B",
    "Anna M. Svensson skriver",
])
def test_no_party_invented(text):
    assert codes(text) == []


def test_d_is_demokraterna_in_goteborg_only():
    text = "Martin Wannholt (D) yrkar avslag."
    assert codes(text, "Göteborg") == ["D"]
    assert codes(text, "Lund") == []
    assert codes("Demokraterna yrkar avslag. Martin Wannholt (D) instämmer.", "Lund") == ["D", "D"]


def test_party_mentions_carry_page_and_offsets():
    d = doc("Inledning\fLedamöterna från SD reserverar sig")
    [p] = find_parties(d)
    assert (p.code, p.page, d.text[p.start:p.end], p.text) == ("SD", 2, "SD", "SD")


def people(text: str, municipality: str | None = "Göteborg") -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.party, p.role) for p in find_people(doc(text, municipality))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Karin Ernlund (C) yrkar bifall.", [("Karin Ernlund", "C", None)]),
    ("Ordföranden Karin Ernlund (C) föreslår", [("Karin Ernlund", "C", "ordförande")]),
    ("Yrkande från ledamoten Rashid Mohammed (V).", [("Rashid Mohammed", "V", "ledamot")]),
    ("tjänstgörande ersättaren Farida al-Abani (Fi) yrkar",
     [("Farida al-Abani", "Fi", "tjänstgörande ersättare")]),
    ("Helena Norin (MP), Martin Wannholt (D) och Karin Pleijel (MP) yrkar",
     [("Helena Norin", "MP", None), ("Martin Wannholt", "D", None), ("Karin Pleijel", "MP", None)]),
    ("Förste vice ordföranden Håkan Eriksson (V) och tredje vice ordföranden Lisbeth Sundén Andersson (D)",
     [("Håkan Eriksson", "V", "förste vice ordförande"),
      ("Lisbeth Sundén Andersson", "D", "tredje vice ordförande")]),
])
def test_people_with_party_and_role(text, expected):
    assert people(text) == expected


def test_signatures_at_the_end_of_an_officer_report():
    text = ("Syftet med skrivelsen är att ge en beskrivning.\n\nAnnika Pettersson\nsocialdirektör\n\n"
            "Karin Säfström\nverksamhetschef\n\nBeslutet skickas till\nKommunstyrelsen")
    assert people(text, "Lund") == [("Annika Pettersson", None, "socialdirektör"),
                                    ("Karin Säfström", None, "verksamhetschef")]


def test_signature_with_party_name_under_it():
    text = "Vänsterpartiets slutsats är att minskningen inte ska genomföras!\n\nMartin Stensson \n\nVänsterpartiet \n"
    assert people(text, "Lund") == [("Martin Stensson", "V", None)]


def test_headings_are_no_people():
    text = "Stärkt arbetsmarknadsfokus i Lund\nFörslag till beslut\nBarnets bästa\nRädda Barnens rapport\nBeslutet skickas till\nKommunstyrelsen"
    assert people(text, "Lund") == []


def test_person_carries_page_and_offsets():
    d = doc("Sida ett\fOrdföranden Aslan Akbas (S) öppnar mötet.")
    [p] = find_people(d)
    assert (p.page, d.text[p.start:p.end]) == (2, "Aslan Akbas")


def test_names_with_diacritics_from_beyond_sweden():
    text = "Ermin Škorić (S), Łukasz Wiśniewski (V) och Ayşe Yılmaz (MP) reserverar sig mot beslutet."
    assert people(text) == [("Ermin Škorić", "S", None), ("Łukasz Wiśniewski", "V", None),
                            ("Ayşe Yılmaz", "MP", None)]


def test_attendance_label_is_no_part_of_the_name():
    text = "kl. 14:00-16:20\nBeslutande Kent Perciwall (KD) (ordförande)\nLeif Hansson (S) (vice ordförande)\n"
    assert people(text, "Alingsås")[:2] == [("Kent Perciwall", "KD", "ordförande"),
                                            ("Leif Hansson", "S", "vice ordförande")]


def test_signature_lines_with_title_between_name_and_party():
    text = ("förutsättningar för genomförande.\n\nJan-Erik Wallin Kommunstyrelsens ordförande (M)\n\n"
            "Lady France Mulumba gruppledare (KD)\n\nJens Christian Berlin gruppledare Alingsås (L)\n")
    assert people(text, "Alingsås") == [("Jan-Erik Wallin", "M", "kommunstyrelsens ordförande"),
                                        ("Lady France Mulumba", "KD", "gruppledare"),
                                        ("Jens Christian Berlin", "L", "gruppledare")]


def test_signatures_side_by_side_over_bare_titles_and_a_party_with_its_place():
    text = ("Granskningsrapporten bifogas denna skrivelse.\nFör kommunrevisionen\n\n"
            "Anita Andersson                   Lennart Mattsson\nRevisionens ordförande            Vice ordförande\n")
    assert people(text, "Alingsås") == [("Anita Andersson", None, "revisionens ordförande"),
                                        ("Lennart Mattsson", None, "vice ordförande")]
    assert people("i större boendeområde.\n\nAmanda Andersson\nMiljöpartiet de gröna Alingsås\n",
                  "Alingsås") == [("Amanda Andersson", "MP", None)]


def test_two_signatures_over_lowercase_titles_are_two_people():
    """Göteborg Stadsrevisionen's rapportsammandrag 2023-09-01 signs "Jonas Ransgård Torbjörn
    Rigemar" over "ordförande vice ordförande": `namndkoll people` listed one person "Jonas
    Ransgård Torbjörn Rigemar" with the role "ordförande vice ordförande"."""
    text = ("Göteborg den 1 september 2023\nFör revisorsgruppen,\nenligt uppdrag\n"
            "Jonas Ransgård Torbjörn Rigemar\nordförande vice ordförande\n")
    assert people(text, "Göteborg") == [("Jonas Ransgård", None, "ordförande"),
                                        ("Torbjörn Rigemar", None, "vice ordförande")]


def test_a_verb_after_the_chair_s_name_is_no_part_of_it():
    """Nykarleby välfärdsnämnd 2022-09-15 (OCR): "Ordförande\nMikael Lindwall rapporterar från
    mötet" gave the person "Mikael Lindwall rapporterar"."""
    text = "Arbetsgruppen har kallats till möte 7.6.2022. Ordförande\nMikael Lindwall rapporterar från mötet.\n"
    assert people(text) == [("Mikael Lindwall", None, "ordförande")]


def _run_in_note_pdf(path):
    """A Meetings Plus extract's 'Anteckning' section whose note opens with a run-in head of its
    own, as Alingsås KSAU 2026-05-20 § 72 prints it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 760
    for text, bold in (("§ 72 2025.493 KS", True), ("Svar på motion om vindar - Heidi Hankanen Ängberg (C)", True),
                       ("Beslut", True), ("Motionen avslås i sin helhet.", False), ("Anteckning", True),
                       ("Anteckning Jan-Erik Wallin (M), Lay France Mulumba (KD) och Jens Christian Berlin (L):",
                        False),
                       ("Vi ser positivt på att ny lagstiftning ger möjlighet till fler bygglov.", False),
                       ("Reservation", True),
                       ("Reservation Anna Ek (S):", False), ("Vi reserverar oss mot beslutet.", False)):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
        c.drawString(70, y, text)
        y -= 18
    c.showPage()
    c.save()
    return path


def test_a_section_word_run_in_before_the_names_is_no_part_of_a_name(tmp_path):
    """'Anteckning Jan-Erik Wallin (M), …:' under the heading 'Anteckning': the first member is
    Jan-Erik Wallin, not 'Anteckning Jan-Erik Wallin' (the word heads the note, like
    'Reservation Anna Ek (S):')."""
    from namndkoll.ingest import read_document

    d = read_document(_run_in_note_pdf(tmp_path / "ksau.pdf"))
    people = {(p.name, p.party) for p in find_people(d)}
    assert {("Jan-Erik Wallin", "M"), ("Lay France Mulumba", "KD"), ("Jens Christian Berlin", "L"),
            ("Anna Ek", "S")} <= people
    assert not any(name.split()[0] in ("Anteckning", "Reservation") for name, _ in people)
