"""Every form in which Swedish records name people and parties (issue 8): "Namn m.fl. (S)",
"med flera", several signatures on one line above their party or titles, lower-case and
historical party codes mapped to today's with the original kept, independents "(-)", local
parties the document names; and a party's own motion, initiativärende or skrivelse — as a §
title, quoted in an officer report, or as the document itself — as that party's position.
The strings are excerpts of real records (Alingsås 2018/2026, Göteborg 2023, Lund 2016) or
written the way older Word protocols write them."""

from __future__ import annotations

import pytest
from test_decisions_votes_positions import make_doc

from namndkoll.extract.parties import find_parties, local_parties, party_code
from namndkoll.extract.people import find_people
from namndkoll.extract.positions import find_positions
from namndkoll.registry import canonical_code


def people(text: str, municipality: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.party, p.party_original) for p in find_people(make_doc(text, municipality=municipality))]


def mentions(text: str, municipality: str | None = None) -> list[tuple[str, str, str | None, bool]]:
    return [(p.text, p.code, p.original, p.local) for p in find_parties(make_doc(text, municipality=municipality))]


# ---- codes: lower case, older codes and names ----------------------------------------------

@pytest.mark.parametrize(("written", "code"), [
    ("s", "S"), ("m", "M"), ("fp", "L"), ("FP", "L"), ("kd", "KD"), ("kds", "KD"), ("KDS", "KD"),
    ("mp", "MP"), ("v", "V"), ("vpk", "V"), ("c", "C"), ("sd", "SD"), ("FI", "Fi"), ("fi", "Fi"), ("(S)", "S"),
])
def test_canonical_code(written, code):
    assert canonical_code(written) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Folkpartiet liberalerna", "L"), ("Folkpartiets", "L"), ("Kristdemokratiska samhällspartiet", "KD"),
    ("Vänsterpartiet kommunisterna", "V"), ("Moderata samlingspartiet", "M"), ("(fp)", "L"), ("(s)", "S"),
])
def test_older_names_and_codes(text, code):
    assert party_code(text) == code


@pytest.mark.parametrize(("text", "expected"), [
    ("Ulf Olsson (s) och Eva Berg (fp) yrkar avslag.", [("s", "S", "s", False), ("fp", "L", "fp", False)]),
    ("Reservation (s, v och mp)", [("s", "S", "s", False), ("v", "V", "v", False), ("mp", "MP", "mp", False)]),
    ("Folkpartiet liberalerna yrkar bifall.", [("Folkpartiet liberalerna", "L", "Folkpartiet liberalerna", False)]),
    ("Kjell Ek (kds) instämmer.", [("kds", "KD", "kds", False)]),
    ("Karin Ernlund (C) yrkar bifall.", [("C", "C", None, False)]),
])
def test_lower_case_and_historical_mentions_keep_the_original(text, expected):
    assert mentions(text) == expected


@pytest.mark.parametrize("text", [
    "enligt punkt (c) i avtalet", "barnet(s) vårdnadshavare", "vårdnadshavare(n)", "Se bilaga (a) och (b).",
])
def test_lower_case_letters_that_are_no_party(text):
    assert mentions(text) == []


# ---- people: m.fl., med flera, independents, signatures ----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Nina Miskovsky m.fl. (M) yrkar bifall.", [("Nina Miskovsky", "M", None)]),
    ("Anders Julin (S) med flera", [("Anders Julin", "S", None)]),
    ("Svar på motion gällande stöd till föreningar som nattvandrar - Irene\nJonsson (S) med flera",
     [("Irene Jonsson", "S", None)]),
    ("Ja för bifall till yrkandet från Nina Miskovsky m.fl.", [("Nina Miskovsky", None, None)]),
    ("Heidi Hankanen Ängberg (C) med fleras ändringsförslag", [("Heidi Hankanen Ängberg", "C", None)]),
    ("Ulf Olsson (s) och Eva Berg (fp) yrkar avslag.", [("Ulf Olsson", "S", "s"), ("Eva Berg", "L", "fp")]),
    ("Peter Martini (-) och Lena Ek (-) deltar inte i beslutet.", [("Peter Martini", "-", None), ("Lena Ek", "-", None)]),
    ("Martin Stensson\nVänsterpartiet\n", [("Martin Stensson", "V", None)]),
    ("Elin Bååth, Feministiskt initiativ\nDatum 2017-01-30", [("Elin Bååth", "Fi", None)]),
])
def test_people_forms(text, expected):
    assert people(text) == expected


def test_a_name_without_party_takes_the_party_the_document_gives_it():
    text = "Nina Miskovsky (M) yrkar avslag.\nJa för bifall till yrkandet från Nina Miskovsky m.fl."
    assert people(text) == [("Nina Miskovsky", "M", None), ("Nina Miskovsky", "M", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # several signatures over one party line: all of that party
    ("Vi yrkar bifall till motionen.\n\nAnna Andersson Bo Bengtsson\nVänsterpartiet\n",
     [("Anna Andersson", "V", None), ("Bo Bengtsson", "V", None)]),
    # one party under each name
    ("Vi reserverar oss.\n\nAnna Andersson Bo Bengtsson Cia Carlsson\nSocialdemokraterna Moderaterna Vänsterpartiet\n",
     [("Anna Andersson", "S", None), ("Bo Bengtsson", "M", None), ("Cia Carlsson", "V", None)]),
    # three-word names when the party line says how many there are
    ("Vi reserverar oss.\n\nHeidi Hankanen Ängberg Anton César\nCenterpartiet Socialdemokraterna\n",
     [("Heidi Hankanen Ängberg", "C", None), ("Anton César", "S", None)]),
    ("För Socialdemokraterna\n\nAnna Andersson Bo Bengtsson\nSocialdemokraterna i Lund\n",
     [("Anna Andersson", "S", None), ("Bo Bengtsson", "S", None)]),
    # nothing under the names, but right under the statement's closing line (Göteborg's
    # revisionsberättelse: four revisorer sign side by side)
    (("Ledamöterna beviljas ansvarsfrihet för 2025.\nGöteborg den 13 april 2026\n"
     "Anna Andersson Bo Bengtsson Cia Carlsson Dan Sundén Dahl\n______\n"),
     [("Anna Andersson", None, None), ("Bo Bengtsson", None, None), ("Cia Carlsson", None, None),
      ("Dan Sundén Dahl", None, None)]),
    ("Vi föreslår att motionen bifalls.\nLund, 2016-04-13\nMartin Stensson\n", [("Martin Stensson", None, None)]),
])
def test_several_signatures_on_one_line(text, expected):
    assert people(text, "Lund") == expected


def test_two_officers_side_by_side_with_their_titles():
    text = ("Motionen anses besvarad.\nJerker Gustafsson Cecilia Knutsson\n"
            "Biträdande kommundirektör Kanslichef och kommunjurist\n")
    got = [(p.name, p.role) for p in find_people(make_doc(text))]
    assert got == [("Jerker Gustafsson", "biträdande kommundirektör"), ("Cecilia Knutsson", "kanslichef och kommunjurist")]


# ---- local parties ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Sjukvårdspartiet yrkar avslag. Sjukvårdspartiets förslag faller.",
     [("Sjukvårdspartiet", "Sjukvårdspartiet", None, True), ("Sjukvårdspartiets", "Sjukvårdspartiet", None, True)]),
    ("Kommunens Väl (KV) yrkar bifall. Per Olsson (KV) och Ann Berg (KV) reserverar sig.",
     [("Kommunens Väl", "KV", None, True), ("KV", "KV", None, True), ("KV", "KV", None, True), ("KV", "KV", None, True)]),
    ("Lars Ek (SJVP) och Eva Holm (SJVP) yrkar avslag.", [("SJVP", "SJVP", None, True), ("SJVP", "SJVP", None, True)]),
])
def test_local_parties_keep_the_documents_own_name(text, expected):
    assert mentions(text, "Västerviks") == expected


@pytest.mark.parametrize("text", [
    "Regeringspartiet har inte agerat.", "Gothenburg European Office (GEO)", "Sveriges Kommuner och Regioner (SKR)",
    "Anna Ek (GR) deltar.",  # one unknown code after one name: not enough to call it a party
])
def test_no_local_party_invented(text):
    assert local_parties(text) == {} and [m for m in mentions(text) if m[3]] == []


MEMBER_LIST = """Beslutande ledamöter:
Karin Holm (M), Ordförande                      Sammanträdesdatum
Per Åberg (S), 2:e vice ordförande              2026-03-24
Lena Vik (C)
Bo Lindqvist (F)
Olle Sand (SD)

Ej tjänstgörande ersättare:
Eva Strand (M)
"""


def test_a_local_code_once_in_a_member_list_is_a_party():
    # written once, after one member between members with the registry's codes: that member's
    # party (a Lomma-style attendance list; the party's name is never written out)
    assert local_parties(MEMBER_LIST) == {"F": "F"}
    assert ("Bo Lindqvist", "F", None) in people(MEMBER_LIST)
    # the same code after one name in running text, or in a list of unknown codes, is not enough
    assert local_parties("Vid mötet deltog Bo Lindqvist (F) som gäst.\nLena Vik (C)") == {}
    assert local_parties("Lena Vik (GR)\nBo Lindqvist (F)\nOlle Sand (XY)") == {}


def test_a_member_of_a_local_party():
    text = "Kommunens Väl (KV) yrkar bifall. Per Olsson (KV) reserverar sig mot beslutet."
    assert people(text) == [("Per Olsson", "KV", None)]


# ---- positions: a party's own motion, initiativärende, skrivelse ---------------------------------

TS = """Svar på motion gällande att stärka stödet till det ukrainska
folket - Anton Cesár (S) och Leif Hansson (S)
Ärendebeskrivning
Anton Cesár (S) och Leif Hansson (S) har till kommunfullmäktige den 5 november 2025
lämnat in en motion gällande att stärka stödet till det ukrainska folket. Motionärerna föreslår
följande:
- Alingsås kommun deltar i Göteborgsregionens (GR) samarbete med Lviv-regionen och
erbjuder sig ta emot besök vid det planerade studiebesöket 2026.
- Kommunstyrelsen får i uppdrag att utveckla kontakter med Lviv-regionen och söker en
samarbetspartner bland kommuner med behov av stöd och samverkan.
Kommunfullmäktige beslutade den 5 november 2025, § 224 att lämna motionen till
kommunstyrelsen för beredning.
Förvaltningens yttrande
Kommunledningskontoret anser att motionen kan anses vara besvarad.
"""


def test_a_motion_quoted_in_an_officer_report_is_the_partys_position():
    doc = make_doc(TS, municipality="Alingsås", doc_type="tjansteskrivelse")
    (p,) = [p for p in find_positions(doc, find_people(doc)) if p.kind == "motion"]
    assert p.parties == ("S",) and p.people == ("Anton Cesár", "Leif Hansson") and p.item is None
    assert p.text.startswith("Anton Cesár (S) och Leif Hansson (S) har till kommunfullmäktige")
    assert p.text.endswith("samarbetspartner bland kommuner med behov av stöd och samverkan.")
    assert doc.text[p.start:p.end].split() == p.text.split()


KF_2018 = """§ 64 2018.187 KS
Motion om klimathot mot kommunen
Ärendebeskrivning
Boris Jernskiegg (sd) och Agneta Grange Petrusson (sd) lämnar en motion om
klimathot mot kommunen där de framför att kommunen bör arbeta fram en
handlingsplan för extremväder och utreda hur samhället kan göras tryggare.
Motionärerna yrkar att:
\uf0b7 Att klimathotet identifieras och att handlingsplaner upprättas därefter
\uf0b7 Att nybebyggelse säkras och planeras utifrån framtida väderhot
Beslut
Ärendet remitteras till kommunstyrelsen för beredning.
"""


def test_a_motion_in_a_protocol_with_lower_case_codes():
    doc = make_doc(KF_2018, items=True, municipality="Alingsås", doc_type="protokoll")
    (p,) = [p for p in find_positions(doc, find_people(doc)) if p.kind == "motion"]
    assert (p.parties, p.item) == (("SD",), "§ 64")
    assert "handlingsplan för extremväder" in p.text and p.text.endswith("utifrån framtida väderhot")


KF_TITLE = """§ 7 0497/22
Motion av Jessica Blixt (D) och Martin Wannholt (D) om att
Göteborg ska bli Årets studentstad 2026
Beslut
Enligt kommunstyrelsens förslag:
1. Beslutssats 1 i den av Jessica Blixt och Martin Wannholt väckta motionen bifalles.
"""


def test_a_paragraph_titled_motion_of_a_party():
    doc = make_doc(KF_TITLE, items=True, municipality="Göteborg", doc_type="protokoll")
    (p,) = [p for p in find_positions(doc, find_people(doc)) if p.kind == "motion"]
    assert (p.parties, p.item, p.people) == (("D",), "§ 7", ("Jessica Blixt", "Martin Wannholt"))
    assert p.text == "Motion av Jessica Blixt (D) och Martin Wannholt (D) om att Göteborg ska bli Årets studentstad 2026"


INITIATIV_TITLE = """§ 43 Dnr FG-2024-00239
Initiativ (S) Konsekvensanalys av besparingar på skolan
Beslut
Nämnden beslutar att avslå initiativet.
Sammanfattning av ärendet
Socialdemokraterna vill att förvaltningen får i uppdrag att redovisa risk- och
konsekvensanalys på berörda skolor samt besvara följande frågeställningar:
• Vilka konsekvenser får det för barn och elever?
• Vilka arbetsmiljökonsekvenser får det för anställd personal?
Beslutsunderlag
Initiativ från Socialdemokraterna, 2024-04-17
"""


def test_a_paragraph_titled_initiative_also_quotes_what_the_party_proposes():
    # Kungsbacka's "Initiativ (S) …": the § retells the proposal; that is S's position, not the title
    doc = make_doc(INITIATIV_TITLE, items=True, municipality="Kungsbacka", doc_type="protokoll")
    title, p = sorted((p for p in find_positions(doc, find_people(doc)) if p.kind == "motion"), key=lambda p: p.start)
    assert title.text.startswith("Initiativ (S) Konsekvensanalys")  # the title still names it
    assert (p.parties, p.item) == (("S",), "§ 43")
    assert p.text.startswith("Socialdemokraterna vill att förvaltningen får i uppdrag")
    assert p.text.endswith("anställd personal?") and doc.text[p.start:p.end].startswith("Socialdemokraterna vill")


def test_a_motion_handed_in_on_a_day_and_a_quote_without_the_rule_under_it():
    text = ("§ 136 KS KF/2025:200\nBesvarande av motion från Sandra Pilemalm (L)\nÄrendebeskrivning\n"
            "Sandra Pilemalm (L) inkom 2025-07-29 med en motion om utredningsuppdrag gällande hur kläd- och\n"
            "textilåtervinning kan ske effektivare.\nReservation\n"
            "Sandra Pilemalm (L) reserverar sig till förmån för sitt eget yrkande.\n"
            "_________________________________\nBeslutet expedieras till:\n")
    doc = make_doc(text, items=True, municipality="Lomma", doc_type="protokoll")
    found = {p.kind: p for p in find_positions(doc, find_people(doc))}
    assert found["motion"].parties == ("L",) and "inkom 2025-07-29 med en motion" in found["motion"].text
    assert found["reservation"].text.endswith("sitt eget yrkande.")


def test_an_initiativarende_is_the_partys_proposal():
    text = ("Ärendebeskrivning\nJan-Erik Wallin (M), Lady France Mulumba (KD) och Jens Christian Berlin (L) har den "
            "1 juni 2026 lämnat ett initiativärende till kommunstyrelsen, gällande att utreda utökad "
            "parkeringskapacitet vid Nolhaga. I initiativärendet föreslås att kommunstyrelsen ger "
            "samhällsbyggnadsförvaltningen i uppdrag att utreda.\n")
    doc = make_doc(text)
    (p,) = [p for p in find_positions(doc, find_people(doc)) if p.kind == "motion"]
    assert p.parties == ("M", "KD", "L") and "parkeringskapacitet vid Nolhaga" in p.text


def test_an_attached_skrivelse_noted_as_yttrande_is_the_partys_sarskilt_yttrande():
    text = ("Protokollsanteckningar\n\nRepresentanterna från S, V och MP antecknar som yttrande en skrivelse från\n"
            "den 18 mars 2024.\nEmmyly Bönfors (C) antecknar som yttrande en skrivelse från den 20 mars 2024.\n")
    doc = make_doc(text, municipality="Göteborg")
    got = [(p.kind, p.parties) for p in find_positions(doc, find_people(doc))]
    # the note is the attached skrivelse, which the members note as their statement: a särskilt
    # yttrande, so `positions --kind sarskilt_uttalande` finds it
    assert got == [("sarskilt_uttalande", ("S", "V", "MP")), ("sarskilt_uttalande", ("C",))]


def test_a_protocol_pdfs_skrivelse_noted_as_yttrande_is_found_as_sarskilt_yttrande(tmp_path):
    # a Göteborg-like § on a reportlab page: the parties' note under "Protokollsanteckning"
    from test_structure_templates import draw

    from namndkoll.extract.pipeline import extract_document
    from namndkoll.ingest import read_document

    page = [(60, 60, "§ 19 0312/23", 11, True), (60, 78, "Budget 2023 för Göteborgs Stad", 11, True),
            (60, 100, "Beslut"), (60, 114, "Kommunfullmäktige fastställer budgeten för 2023."),
            (60, 136, "Protokollsanteckning"),
            (60, 150, "Representanterna från M, D, L och KD antecknar som yttrande en skrivelse från"),
            (60, 164, "den 14 mars 2023."),
            (60, 186, "Reservation"),
            (60, 200, "Ledamöterna från SD reserverar sig mot beslutet.")]
    doc = read_document(draw(tmp_path / "kf.pdf", [page]), ocr=False)
    got = [(p.kind, p.parties, p.item) for p in extract_document(doc).positions]
    assert ("sarskilt_uttalande", ("M", "D", "L", "KD"), "§ 19") in got
    assert ("reservation", ("SD",), "§ 19") in got


def test_a_motion_document_signed_by_a_party_without_a_known_type():
    text = ("Stärka stödet till det ukrainska folket\nSamtidigt pågår en stor utmaning.\n"
            "Förslag till beslut i kommunfullmäktige:\n1. Alingsås kommun deltar i samarbetet.\n"
            "2. Kommunstyrelsen får i uppdrag att söka en samarbetspartner bland kommuner.\n"
            "Anton César (S), Leif Hansson (S)")
    doc = make_doc(text, municipality="Alingsås")
    (p,) = find_positions(doc, find_people(doc))
    assert (p.kind, p.parties, p.item) == ("motion", ("S",), None)
    assert "söka en samarbetspartner bland kommuner" in p.text


def test_an_officer_report_is_no_motion():
    text = ("Förslag till beslut i kommunfullmäktige\nMotionen anses besvarad.\nJerker Gustafsson Cecilia Knutsson\n"
            "Biträdande kommundirektör Kanslichef och kommunjurist\n")
    assert find_positions(make_doc(text)) == ()


MEETINGS_PLUS = """§ 98 2026.254 KS
Förprojektering av överföringsledningar till Bjärke
Förslag till beslut på sammanträdet
Jan-Erik Wallin (M) föreslår följande tillägg till förslag till beslut:
I punkt 1, sista meningen läggs följande text till:
"enligt bifogade bilagor"
Heidi Hankanen Ängberg (C) föreslår att ärendet återremitteras för komplettering av
beslutsunderlaget med en uppdaterad beredskaps- och sårbarhetsanalys
Beslutsgång
Ordföranden ställer förslagen mot varandra.
Anteckning
Jan-Erik Wallin (M), Lady France Mulumba (KD) och Jens Christian Berlin (L) lämnar följande
protokollsanteckning:
Vi ser positivt på att ny lagstiftning ger möjlighet till fler bygglov. Det ligger i bolagets uppdrag.
Anton César (S) och Peter Norlander (S) lämnar följande protokollsanteckning:
Socialdemokraterna vill framhålla att vi är positiva till förtätning.
Beslutsunderlag
• Tjänsteskrivelse
"""


def test_meetings_plus_proposals_and_announced_notes():
    doc = make_doc(MEETINGS_PLUS, items=True, municipality="Alingsås", doc_type="protokoll")
    found = find_positions(doc, find_people(doc))
    assert [(p.kind, p.parties) for p in found] == [
        ("yrkande", ("M",)), ("yrkande", ("C",)), ("protokollsanteckning", ("M", "KD", "L")),
        ("protokollsanteckning", ("S",))]
    ends = ['läggs följande text till: "enligt bifogade bilagor"', "med en uppdaterad beredskaps- och sårbarhetsanalys",
            "bygglov. Det ligger i bolagets uppdrag.", "vill framhålla att vi är positiva till förtätning."]
    assert all(p.text.endswith(e) for p, e in zip(found, ends, strict=True)), [p.text for p in found]
    assert all(p.item == "§ 98" for p in found)


@pytest.mark.parametrize("conclusion, kind", [
    ("Vänsterpartiets slutsats är att den föreslagna minskningen inte ska genomföras!", "reservation"),
    ("Vänsterpartiet vill ändå understryka vikten av att följa upp besparingen noga.", "sarskilt_uttalande"),
])
def test_a_partys_paper_on_a_numbered_arende_is_its_reservation_or_yttrande(tmp_path, conclusion, kind):
    # Lund V 2016's form: a party's paper titled by the nämnd's agenda item, signed with the
    # party's name, never calling itself a reservation: its statement on the decision, not a
    # skrivelse raising a matter of its own
    from test_structure_templates import draw

    from namndkoll.extract.pipeline import extract_document
    from namndkoll.ingest import read_document

    page = [(60, 50, "Lunds kommun   Socialnämnden", 9),
            (60, 80, "Ärende 7: Åtgärder avseende resurserna för arbetsmarknadsåtgärder", 12, True),
            (60, 110, "Socialnämnden gav förvaltningen i uppdrag att se över resurserna för"),
            (60, 124, "arbetsmarknadsåtgärder för en eventuell minskning med tre tjänster."),
            (60, 146, conclusion),
            (60, 180, "Martin Stensson"), (60, 194, "Vänsterpartiet")]
    doc = read_document(draw(tmp_path / "v.pdf", [page]), ocr=False)
    got = [(p.kind, p.parties) for p in extract_document(doc).positions]
    assert got == [(kind, ("V",))]
