"""Decisions, votes and positions on excerpts of real Swedish records (public documents,
upphovsrättslagen 9 §): Göteborg kommunfullmäktige 2023, Kungsbacka 2024, Lund 2016/2021."""

from __future__ import annotations

import pytest

from namndkoll.extract.decisions import clauses, find_decisions, swedish_date
from namndkoll.extract.positions import find_positions
from namndkoll.extract.votes import find_votes
from namndkoll.types import Document, Item, Metadata, Page, Table, with_offsets


def make_doc(text: str, *, items: bool = False, tables: dict[int, list[Table]] | None = None,
             **md: object) -> Document:
    """A Document from text with form feeds as page breaks; with ``items`` its § items and
    sections come from namndkoll's own structure reader when it is there."""
    pages = with_offsets([Page(i + 1, t, tables=tuple((tables or {}).get(i + 1, ())))
                          for i, t in enumerate(text.split("\f"))])
    found: tuple[Item, ...] = ()
    if items:
        from namndkoll.ingest.structure import find_items

        found = find_items("\f".join(p.text for p in pages), pages)
    return Document("test.pdf", "0" * 64, pages, Metadata(**md), found)  # type: ignore[arg-type]


KF_17 = """§ 17 0120/22
Delrapportering i uppdraget att ta fram en
klimatanpassningsplan
Beslut

Enligt kommunstyrelsens förslag:
1. Göteborgs Stads nämnder och styrelser får i uppdrag att analysera klimateffekternas
påverkan och konsekvenser för sin verksamhet.
2. Uppdraget ska återrapporteras till kommunstyrelsen senast kvartal 3 2023.

Handling
2022 nr 259.

Yrkanden

Helena Norin (MP), Martin Wannholt (D), Eva Flyborg (L), Sarah Ullmark (M) och
Karin Pleijel (MP) yrkar bifall till kommunstyrelsens förslag.
Emma Ylivallo Altenhammar (SD) yrkar bifall till kommunstyrelsens förslag och
tilläggsyrkande från SD i kommunstyrelsen.

Propositionsordning

Kommunfullmäktige beslutar först att bifalla kommunstyrelsens förslag.
Ordföranden ställer härefter propositioner på bifall respektive avslag på tilläggsyrkandet
från SD i kommunstyrelsen och finner att det har avslagits. Omröstning begärs.

Omröstning

Godkänd voteringsproposition: ”Ja för avslag och Nej för bifall till tilläggsyrkandet
från SD i kommunstyrelsen.”
Omröstningen utfaller med 70 Ja mot 9 Nej. 2 ledamöter är frånvarande. Hur var och en
röstar framgår av bilaga 4.
\fReservation

Ledamöterna från SD reserverar sig mot beslutet till förmån för det egna yrkandet.

Protokollsutdrag skickas till
Stadens nämnder och bolag
"""

KUNGSBACKA_75 = """§ 75                       Dnr VO-2024-00167
Ekonomisk uppföljning och prognos till och med april 2024 - Nämnden
för Vård & Omsorg

Beslut
Nämnden för Vård & Omsorg godkänner uppföljning per april 2024.

Nämnden för Vård & Omsorg förklarar paragrafen omedelbart justerad.

Reservation
Ermin Škorić (S), Ingela Hansson (S) och Eva Tingström (S) reserverar sig mot
beslutet med följande motivering: Driften av Signes Hus kostar drygt 65 miljoner
kronor och budget för att klara av detta måste förvaltningen i dagsläget själva göra
avsättningar då inga extra medel har tillförts.

Sammanfattning av ärendet

Budgetansvariga i Kungsbacka kommun har ett ansvar för verksamhetens resultat.
"""

LUND_TS = """Stärkt arbetsmarknadsfokus i Lund

Förslag till beslut

Socialnämnden föreslås besluta

- att godkänna inriktningen och förslagen i ärendet
- att finansiering sker genom delar av den förstärkta budgeten för socialnämnden

Sammanfattning

Antalet personer med försörjningsstöd ökar i Lunds kommun.
"""

LUND_RES = """Ärende 7: Åtgärder avseende resurserna för arbetsmarknadsåtgärder

Socialnämnden gav vid sammanträdet den 13 april 2016 socialförvaltningen
följande uppdrag: ”att inleda översyn av resurserna för arbetsmarknadsåtgärder och
föreningsbidrag för eventuell minskning (min kursivering)”.

Vänsterpartiets slutsats är att ”den eventuella minskningen” inte ska
genomföras!

Martin Stensson
Vänsterpartiet
"""


# ---- decisions --------------------------------------------------------------------------

@pytest.mark.parametrize("text, body, status, date, first_clause", [
    ("Arbetsmarknadsnämnden beslutade att godkänna rapporten.\n\nÄrendet gäller annat.",
     "Arbetsmarknadsnämnden", "decided", None, "att godkänna rapporten"),
    (("Stadsdelsnämnden beslöt den 20 januari 2011 att uppdra åt förvaltningen att utreda frågan. "
      "Därefter gick man vidare."), "Stadsdelsnämnden", "decided", "2011-01-20",
     "att uppdra åt förvaltningen att utreda frågan"),
    (("Socialnämnden föreslås besluta – att godkänna förslaget – att uppdra åt förvaltningen att "
      "återkomma."), "Socialnämnden", "proposed", None, "att godkänna förslaget"),
    (LUND_TS, "Socialnämnden", "proposed", None, "att godkänna inriktningen och förslagen i ärendet"),
    (LUND_RES, "Socialnämnden", "decided", "2016-04-13",
     ("att inleda översyn av resurserna för arbetsmarknadsåtgärder och föreningsbidrag för eventuell "
      "minskning (min kursivering)")),
])
def test_decision_in_running_text(text, body, status, date, first_clause):
    (d,) = find_decisions(make_doc(text))
    assert (d.body, d.status, d.date) == (body, status, date)
    assert d.clauses[0] == first_clause
    assert "Därefter" not in d.text and "Sammanfattning" not in d.text
    doc_text = make_doc(text).text
    assert " ".join(doc_text[d.start:d.end].split()) == d.text  # the quote is the span


def test_proposed_decision_keeps_every_att_clause():
    (d,) = find_decisions(make_doc(LUND_TS))
    assert d.clauses == ("att godkänna inriktningen och förslagen i ärendet",
                         "att finansiering sker genom delar av den förstärkta budgeten för socialnämnden")


@pytest.mark.parametrize("items", [False, True])
def test_protocol_beslut_section_numbered_points(items):
    doc = make_doc(KF_17, items=items, committee="Kommunfullmäktige", date="2023-01-26")
    (d,) = [x for x in find_decisions(doc) if x.text.startswith("Enligt")]
    assert d.body == "Kommunfullmäktige" and d.status == "decided" and d.date == "2023-01-26"
    assert len(d.clauses) == 2 and d.clauses[1].startswith("Uppdraget ska återrapporteras")
    assert "Handling" not in d.text
    if items:
        assert d.item == "§ 17"


def test_beslut_written_as_sentences_names_its_body():
    doc = make_doc(KUNGSBACKA_75, items=True, committee="Nämnden för Vård & Omsorg", date="2024-05-14")
    (d,) = find_decisions(doc)
    assert d.body == "Nämnden för Vård & Omsorg" and d.item == "§ 75"
    assert d.clauses == ("Nämnden för Vård & Omsorg godkänner uppföljning per april 2024",
                         "Nämnden för Vård & Omsorg förklarar paragrafen omedelbart justerad")
    assert "Reservation" not in d.text


@pytest.mark.parametrize("text, iso", [
    ("den 20 januari 2011", "2011-01-20"), ("2023-01-26", "2023-01-26"), ("1 mars 2024", "2024-03-01"),
    ("i januari", None),
])
def test_swedish_dates(text, iso):
    assert swedish_date(text) == iso


def test_clauses_split_numbered_and_bulleted_lists():
    assert clauses("1. Första punkten\nfortsätter här.\n2. Andra punkten.") == (
        "Första punkten fortsätter här", "Andra punkten")
    assert clauses("• att göra A\n• att göra B") == ("att göra A", "att göra B")


# ---- votes ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, yes, no, abstain, absent", [
    ("Omröstningen utfaller med 70 Ja mot 9 Nej. 2 ledamöter är frånvarande.", 70, 9, None, 2),
    ("Omröstningen utfaller med 40 Ja mot 29 Nej. 12 ledamöter avstår från att rösta.", 40, 29, 12, None),
    (("Omröstningen utfaller med 65 Ja mot 9 Nej. 5 ledamöter avstår från att rösta. 2 ledamöter är "
      "frånvarande."), 65, 9, 5, 2),
    ("Omröstningen utfaller med 48 Ja mot 32 Nej. 1 ledamot är frånvarande.", 48, 32, None, 1),
    ("Omröstningen utföll med 8 ja-röster mot 5 nej-röster.", 8, 5, None, None),
    ("Omröstningsresultat: 7 ja, 4 nej, 2 avstår.", 7, 4, 2, None),
    # Ciceron: the result inside the chair's sentence, after "Omröstningsresultat" on its own line
    (("Omröstningsresultat\nOrdföranden finner att kommunstyrelsen, med 12 ja-röster mot 3 nej-röster, "
      "beslutar enligt kommunstyrelsens arbetsutskotts förslag."), 12, 3, None, None),
    (("Ordföranden finner att kommunstyrelsen, med 11 ja-röster mot 3 nej-röster och\n1 som avstår, "
      "beslutar enligt kommunstyrelsens arbetsutskotts förslag."), 11, 3, 1, None),
    ("Nämnden beslutar med 7 ja-röster mot 6 nej-röster att avslå motionen.", 7, 6, None, None),
    ("Antal Ja: 43\n\nAntal Nej: 38\n\nAntal Avstår: 0\n\nAntal Frånv: 0", 43, 38, 0, 0),
])
def test_vote_counts(text, yes, no, abstain, absent):
    (v,) = find_votes(make_doc(text))
    assert (v.yes, v.no, v.abstain, v.absent) == (yes, no, abstain, absent)


def test_vote_has_proposition_and_item():
    (v,) = find_votes(make_doc(KF_17, items=True))
    assert v.item == "§ 17" and (v.yes, v.no, v.absent) == (70, 9, 2)
    assert v.proposition == "Ja för avslag och Nej för bifall till tilläggsyrkandet från SD i kommunstyrelsen."


def test_vote_takes_abstentions_from_its_bilaga_once():
    text = ("§ 10\nRiksnorm\nOmröstning\nOmröstningen utfaller med 43 Ja mot 37 Nej. Hur var och en röstar "
            "framgår av bilaga 2.\n\fBilaga 2\n\nÄrende: 9\n\nÄrendemening: Riksnorm ekonomiskt bistånd\n"
            "Antal Ja: 43\n\nAntal Nej: 37\n\nAntal Avstår: 1\n\nAntal Frånv: 0\n\nNamn\n")
    (v,) = find_votes(make_doc(text))
    assert (v.yes, v.no, v.abstain, v.absent, v.page) == (43, 37, 1, 0, 1)


def test_roll_call_table_is_counted():
    table = Table(2, (("Namn", "Parti", "Ja", "Nej", "Avstår"), ("Anna A", "S", "X", "", ""),
                      ("Bo B", "M", "", "X", ""), ("Cia C", "V", "X", "", ""), ("Dan D", "SD", "", "", "X")))
    doc = make_doc("Omröstning begärs.\fAnna A S X\nBo B M X\nCia C V X\nDan D SD X", tables={2: [table]})
    (v,) = find_votes(doc)
    assert (v.yes, v.no, v.abstain, v.page) == (2, 1, 1, 2)


@pytest.mark.parametrize("text", [
    "Beslutet fattades med 5 röster.", "Ja, nämnden ställer sig bakom 3 förslag.", "Antal ärenden: 43",
])
def test_no_vote_invented(text):
    assert find_votes(make_doc(text)) == ()


# ---- positions --------------------------------------------------------------------------

@pytest.mark.parametrize("items", [False, True])
def test_yrkanden_and_reservation_in_a_protocol(items):
    doc = make_doc(KF_17, items=items, municipality="Göteborg")
    got = [(p.kind, p.parties) for p in find_positions(doc)]
    assert got == [
        ("yrkande", ("MP", "D", "L", "M")),
        ("yrkande", ("SD",)),  # "från SD i kommunstyrelsen" later in the sentence is not the actor
        ("reservation", ("SD",)),
    ]
    pos = find_positions(doc)
    assert pos[0].people[-1] == "Karin Pleijel"
    assert pos[2].page == 2 and pos[2].text.endswith("det egna yrkandet.")  # stops at the next heading
    if items:
        assert {p.item for p in pos} == {"§ 17"}


@pytest.mark.parametrize("text, kind, parties", [
    ("Reservation\n\nLedamöterna från M, D, L, och KD reserverar sig mot beslutet.", "reservation",
     ("M", "D", "L", "KD")),
    # a skrivelse the parties note as their yttrande is their särskilt yttrande (issue 8)
    (("Protokollsanteckning\n\nRepresentanterna från MP, S, V och C antecknar som yttrande en skrivelse "
      "från den 25 januari 2023."), "sarskilt_uttalande", ("MP", "S", "V", "C")),
    (("Protokollsanteckning\n\nLedamöterna från M, D, L och KD antecknar som yttrande tilläggsyrkandet "
      "från M, D, L och KD."), "sarskilt_uttalande", ("M", "D", "L", "KD")),
    (("Protokollsanteckning\n\nRepresentanterna från MP, S och V antecknar följande: "
      "Vi ser fram emot en utredning."), "protokollsanteckning", ("MP", "S", "V")),
    (("Särskilt yttrande\n\nKarin Ernlund (C) och Rashid Mohammed (V) lämnar ett särskilt yttrande: "
      "Vi anser att frågan måste utredas."), "sarskilt_uttalande", ("C", "V")),
    ("Under överläggningen yrkar Karin Pleijel (MP) bifall till motionen.", None, ()),
    ("Efter överläggning reserverar sig Ledamöterna från SD.", None, ()),
    ("Ledamöterna från SD reserverar sig mot beslutet till förmån för det egna yrkandet.", "reservation",
     ("SD",)),
])
def test_position_shapes(text, kind, parties):
    pos = find_positions(make_doc(text, municipality="Göteborg"))
    if kind is None:
        # the actor comes after the verb: not read (no guessing who), nothing invented
        assert all(p.parties for p in pos)
        return
    (p,) = pos
    assert (p.kind, p.parties) == (kind, parties)


def test_a_party_document_signed_only_in_its_byline():
    """An initiativärende whose author stands under its heading ("av Jens Christian Berlin
    (L)") and nowhere at the end is that party's position (Alingsås 2026)."""
    text = ("Initiativ i kommunstyrelsen\n11 maj 2026\nav Jens Christian Berlin (L)\n\n"
            "Inrätta en kollektivtrafikdialog\n\nFörslag till beslut i kommunstyrelsen\n"
            "Kollektivtrafikdialog ska hållas årligen.\n\nMotivering\nEn väl fungerande kollektivtrafik "
            "är av stor betydelse för många av kommunens invånare. " + "Kollektivtrafiken håller ihop vår "
            "kommun och är en förutsättning för att kunna ta sig till arbete, skola och vård. " * 6)
    (p,) = find_positions(make_doc(text, municipality="Alingsås", doc_type="initiativarende",
                                   title="Inrätta en kollektivtrafikdialog"))
    assert (p.kind, p.parties, p.item) == ("motion", ("L",), None) and "hållas årligen" in p.text


# Kungsbacka kommunstyrelsen 2026-08-25 § 190 (Ciceron), shortened
KUNGSBACKA_190 = """§ 190 Dnr KS-2023-00096
Svar på motion från Maria Losman (MP) m.fl. att införa ett
kostnadsneutralt system för förmånscyklar
Beslut – Förslag till kommunfullmäktige
Kommunfullmäktige anser motionen besvarad.
Sammanfattning av ärendet
Maria Losman (MP) och Elisabeth Sahlsten (MP) har i en motion som anmäldes vid
kommunfullmäktiges sammanträde den 7 februari 2023 föreslagit att Kungsbacka kommun ska
införa ett kostnadsneutralt system för förmånscyklar för medarbetare.
Beslutsunderlag
Kommunstyrelsens förvaltnings tjänsteskrivelse, 2026-03-24
Motion från Maria Losman m.fl. om att införa ett kostnadsneutralt system för
förmånscyklar, 2023-01-19
Förslag till beslut på sammanträdet
Monica Neptun (L) yrkar bifall till motionen, med tillägget att vid erbjudande om
förmånscyklar skall information om hur detta kan påverka kommande pensioner och
inkomster tydligt framgå.
Fredrik Hansson (C) och Patrik Jervne Henestam (V) yrkar bifall till Monica Neptuns (L) yrkande.
"""


@pytest.mark.parametrize("items", [False, True])
def test_ciceron_motion_summary_and_yrkanden_after_the_beslutsunderlag(items):
    """"X (MP) och Y (MP) har i en motion … föreslagit att …" is MP's motion, quoted; the first
    yrkande under "Förslag till beslut på sammanträdet" is not swallowed by the Beslutsunderlag
    list above the heading (its "m.fl. om att" no part of the actor)."""
    doc = make_doc(KUNGSBACKA_190, items=items, municipality="Kungsbacka")
    got = [(p.kind, p.parties, " ".join(p.text.split()[:3])) for p in find_positions(doc)]
    assert got == [
        ("motion", ("MP",), "Maria Losman (MP)"),
        ("yrkande", ("L",), "Monica Neptun (L)"),
        ("yrkande", ("C", "V"), "Fredrik Hansson (C)"),
    ]
    motion = find_positions(doc)[0]
    assert "kostnadsneutralt system för förmånscyklar för medarbetare" in motion.text
    assert motion.text.endswith("för medarbetare.") and motion.people == ("Maria Losman", "Elisabeth Sahlsten")


def test_jav_note_is_not_a_position():
    text = "Protokollsanteckning\n\nParisa Rezaeivar (S) deltar inte i handläggningen av ärendet på grund av jäv."
    assert find_positions(make_doc(text)) == ()


def test_reservation_section_with_signatories_and_motivation():
    doc = make_doc(KUNGSBACKA_75, items=True)
    (p,) = find_positions(doc)
    assert p.kind == "reservation" and p.parties == ("S",)
    assert p.people == ("Ermin Škorić", "Ingela Hansson", "Eva Tingström")
    assert "Signes Hus" in p.text and "Sammanfattning" not in p.text


def test_party_document_is_the_party_position():
    doc = make_doc(LUND_RES, doc_type="skrivelse", municipality="Lund")
    whole = [p for p in find_positions(doc) if p.kind == "skrivelse"]
    assert len(whole) == 1 and whole[0].parties == ("V",)
    assert "inte ska genomföras" in whole[0].text and whole[0].people == ("Martin Stensson",)


def test_officer_report_has_no_party_position():
    doc = make_doc(LUND_TS, doc_type="tjansteskrivelse", municipality="Lund")
    assert find_positions(doc) == ()


def test_name_without_party_gets_it_from_elsewhere_in_the_document():
    text = ("Närvarande: Karin Pleijel (MP), Axel Josefson (M)\n\nYrkanden\n\n"
            "Karin Pleijel yrkar bifall till motionen.\nAxel Josefson yrkar avslag på motionen.")
    pos = find_positions(make_doc(text))
    assert [(p.parties, p.people) for p in pos] == [(("MP",), ("Karin Pleijel",)), (("M",), ("Axel Josefson",))]


# Lomma kommunfullmäktige 2025-06-05 § 42 (NetPublicator): a yrkande without a full stop, and the
# next speaker's bifall to it on the following line
LOMMA_42 = """KF § 42                             KS KF/2025:55
Beslut om införande provperiod för e-förslag
Överläggning
Aron Regnéll (M) och Fredrik Sverkersten (F) yrkar att kommunfullmäktige ska besluta i enlighet med
kommunstyrelsens förslag i ärendet.
Ingrid Ascard (MP) yrkar bifall och att vi får en muntlig rapport i halvtid
Ida Alm (L) yrkar bifall till Ingrid Ascards yrkande.
Propositionsordning
Sedan överläggningen har förklarats avslutad meddelar ordförande Marie Nilsson (M) att hon avser
proposition på frågan om bifall respektive avslag på Aron Regnélls yrkande.
"""


def test_a_yrkande_without_full_stop_ends_where_the_next_speakers_line_starts():
    pos = [p for p in find_positions(make_doc(LOMMA_42, municipality="Lomma")) if p.kind == "yrkande"]
    by_party = {p.parties: p.text for p in pos}
    assert by_party[("MP",)] == "Ingrid Ascard (MP) yrkar bifall och att vi får en muntlig rapport i halvtid"
    assert by_party[("L",)] == "Ida Alm (L) yrkar bifall till Ingrid Ascards yrkande."


def test_a_name_wrapped_onto_the_verbs_line_still_joins_its_statement():
    text = ("Överläggning\nBert Larsson (M), Martin Uncyk (KD) och\nRobert Wenglén (M) yrkar att "
            "kommunfullmäktige ska besluta i enlighet med presidiets förslag.\n")
    (p,) = find_positions(make_doc(text, municipality="Lomma"))
    assert set(p.parties) == {"M", "KD"}


# Kungsbacka Förskola & Grundskola 2024-06-12 § 62 and § 63 (Ciceron), shortened
FG_62 = """§ 62 Dnr FG-2024-00129
Beredning av motion - Införande av tolkavgift i Kungsbacka kommun
(KS-2024-00131)
Beslut
Nämnden för Förskola & Grundskola föreslår att kommunfullmäktige bifaller
motionen.
Sammanfattning av ärendet
Stefan Jägnert (SD) har i motion till fullmäktige föreslagit:
- Att kommunfullmäktige ger berörda nämnder i uppdrag att se över hur en
egenavgift för tolktjänst efter 3 år i landet kan införas.
- Att kommunfullmäktige beslutar att vid besök där teckentolk behövs och där man
uteblivit utan att avboka tiden, ska teckentolksavgiften bekostas av den enskilde.
Kommunstyrelsens arbetsutskott har remitterat motionen bland annat till Nämnden
för Förskola & Grundskola för beredning.
Förslag till beslut på sammanträdet
Johan Tolinsson (S) yrkar att nämnden beslutar att till kommunfullmäktige föreslå
avslag på motionen med hänvisning till förvaltningens tjänsteskrivelse. Jan-Christer
Jansson (V), Elin Hysén (L), Peter Lundin (C) och Helen Thylin (S) stödjer yrkandet.
Susanne Andersson (SD) yrkar bifall till liggande förslag från arbetsutskottet.
Beslutsgång
Ordförande ställer förslagen mot varandra och finner att nämnden bifaller det liggande förslaget.
§ 63 Dnr FG-2024-00379
Förvaltningens handlingsplan för budget i balans
Förslag till beslut på sammanträdet
Johan Tolinsson (S) yrkar bifall till liggande förslag från arbetsutskottet med följande
tillägg: Handlingsplanen ska förhålla sig till skollagen. Jan- Christer Jansson (V) och
Helen Thylin (S) instämmer i förslaget.
Beslutsgång
Ordförande finner att nämnden bifaller liggande förslag.
"""


@pytest.mark.parametrize("items", [False, True])
def test_motion_without_article_and_backers_of_a_yrkande(items):
    """"X (SD) har i motion till fullmäktige föreslagit:" (no "en") is SD's motion with its
    points; "Y (V), Z (L) … stödjer yrkandet." and "… instämmer i förslaget." right after a
    yrkande make it theirs too (they say nothing else)."""
    doc = make_doc(FG_62, items=items, municipality="Kungsbacka")
    got = {(p.kind, p.parties, " ".join(p.text.split()[:3])) for p in find_positions(doc)}
    assert got >= {
        ("motion", ("SD",), "Stefan Jägnert (SD)"),
        ("yrkande", ("S", "V", "L", "C"), "Johan Tolinsson (S)"),
        ("yrkande", ("S", "V"), "Johan Tolinsson (S)"),
    }
    motion = next(p for p in find_positions(doc) if p.kind == "motion")
    assert "egenavgift för tolktjänst efter 3 år i landet" in motion.text
    assert motion.text.endswith("bekostas av den enskilde.")
    backed = [p for p in find_positions(doc) if p.kind == "yrkande" and "V" in p.parties]
    assert [p.text.split(". ")[-1] for p in backed] == [
        "Jan-Christer Jansson (V), Elin Hysén (L), Peter Lundin (C) och Helen Thylin (S) stödjer yrkandet.",
        "Jan- Christer Jansson (V) och Helen Thylin (S) instämmer i förslaget."]


# Kungsbacka Förskola & Grundskola 2024-04-17 § 39 and § 43 (Ciceron), shortened
FG_39_43 = """§ 39 Dnr FG-2024-00186
Anpassning av pedagogisk omsorg i Pedagogiskt område Söder
Förslag till beslut på sammanträdet
Peter Lundin (C) yrkar bifall till liggande förslag men att verksamheten ska
återupptas så snart förutsättningar finns. Evelyn Orest (KD), Elin Hysén (L) och Mia
Sundvall (M) stödjer Peter Lundins yrkande. Susanne Andersson (SD) yrkar avslag
till liggande förslag. Anna-Karin Granberg (SD), Johan Tolinsson (S), Helen Thylin
(S) och Anette Stockhaus (S) stödjer Susanne Anderssons avslagsyrkande.
Beslutsgång
Ordförande finner att nämnden bifaller Peter Lundins yrkande.
§ 43 Dnr FG-2024-00239
Initiativ (S) Konsekvensanalys av besparingar på skolan
Förslag till beslut på sammanträdet
Johan Tolinsson (S) yrkar att initiativet bereds och redovisas i nämnden. Helen
Thylin (S), Susanne Andersson (SD), Anna-Karin Granberg (SD), Anette Stockhaus
(S) och Helen Thylin (S) stödjer Johan Tolinssons yrkande. Paul Blomdahl (M) yrkar
avslag på initiativet. Elin Hysén (L), Peter Lundin (C), Per Stenberg (M), Mia
Sundvall (M), Evelyn Orest (KD) och Emanuel Forsell (M) stödjer Paul Blomdahls
avslagsyrkande.
Beslutsgång
Ordförande finner att nämnden beslutar att avslå initiativet.
"""


def test_backers_of_a_yrkande_named_by_its_mover():
    """"… stödjer Peter Lundins yrkande." / "… stödjer Paul Blomdahls avslagsyrkande." right
    after that member's yrkande make it the backers' too; a sentence backing someone else's
    yrkande does not."""
    doc = make_doc(FG_39_43, items=True, municipality="Kungsbacka")
    got = {(p.item, p.parties) for p in find_positions(doc) if p.kind == "yrkande"}
    assert got == {("§ 39", ("C", "KD", "L", "M")), ("§ 39", ("SD", "S")),
                   ("§ 43", ("S", "SD")), ("§ 43", ("M", "L", "C", "KD"))}
    other = FG_39_43.replace("stödjer Peter Lundins yrkande", "stödjer Paul Blomdahls yrkande")
    got = {(p.item, p.parties) for p in find_positions(make_doc(other, items=True, municipality="Kungsbacka"))
           if p.kind == "yrkande"}
    assert ("§ 39", ("C",)) in got
