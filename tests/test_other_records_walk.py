"""What a reader of other municipalities' records noticed (the twentieth walk through Lomma's
NetPublicator, Kungsbacka's Ciceron and Alingsås' Meetings Plus protocols): a § whose heading
the running header took lost its diarienummer, NetPublicator's "Den som önskar bifalla … röstar
ja och den som … röstar nej" was no proposition, "flytta 1 / 040 tkr" became 40 000 kr, and a
member named in the genitive ("Johan Tolinssons (S) m.fl. yrkande") was a person of their own
and an author of the note that backed the yrkande. Short excerpts of the public records
(upphovsrättslagen 9 §), the PDF drawn with reportlab and read into a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from test_decisions_votes_positions import make_doc
from test_structure_templates import draw

from namndkoll.extract.figure_text import iter_figures
from namndkoll.extract.people import find_people
from namndkoll.extract.positions import find_positions
from namndkoll.extract.votes import find_votes


def _sn_82(tmp_path: Path) -> Path:
    """Lomma socialnämnden 2025-10-07 § 82 (p. 12-13) as laid out: "SN § 82" on the running
    header's line beside "Sida 14 av 16", the date under it, the dnr alone under the date."""
    head = [(40, 34, "SOCIALNÄMNDEN", 10), (212, 34, "SAMMANTRÄDESPROTOKOLL", 10)]
    foot = [(40, 790, "Justerande", 9), (330, 790, "Utdragsbestyrkande", 9),
            (40, 802, "Protokollet har justerats digitalt", 9)]
    p1 = head + foot + [
        (40, 44, "SN § 81", 10), (212, 44, "Sida 13 av 16", 10),
        (212, 65, "Sammanträdesdatum", 10), (212, 75, "2025-10-07", 10),
        (40, 117, "Information från förvaltningen", 10),
        (40, 148, "Ärendebeskrivning", 10),
        (40, 158, "Vid socialnämndens sammanträde informerar förvaltningschef Annikki Tinmark om", 10),
        (40, 168, "aktuella ärenden från förvaltningen.", 10),
        (40, 178, "Beslut:", 10), (40, 188, "- Socialnämnden har tagit del av informationen.", 10)]
    p2 = head + foot + [
        (40, 44, "SN § 82", 10), (212, 44, "Sida 14 av 16", 10),
        (212, 65, "Sammanträdesdatum", 10), (212, 75, "2025-10-07", 10),
        (212, 96, "SN/2025:231", 10),
        (40, 117, "Nämndinitiativ från Ida Alm (L) och Christian Kampmann – följ upp omläggning från", 10),
        (40, 127, "kommunresor till färdtjänst", 10),
        (40, 148, "Ärendebeskrivning", 10),
        (40, 158, "Ida Alm (L) inkommer med följande nämndinitiativ om en uppföljning av omläggningen.", 10),
        (40, 178, "Överläggning", 10),
        (40, 188, "Ordförande Jens Thystrup (M) yrkar att initiativet ska avgöras under sammanträdet samt att det", 10),
        (40, 198, "avslås.", 10),
        (40, 208, "Ida Alm (L) yrkar bifall till initiativet.", 10),
        (40, 218, "Propositionsordning", 10),
        (40, 228, "Ordföranden ställer yrkandena mot varandra och finner att socialnämnden beslutar enligt eget", 10),
        (40, 238, "förslag", 10),
        (40, 248, "Votering begärs", 10),
        (40, 258, "Den som bifaller ordförandes yrkande röstar ja, den som avser bifalla Ida Alms (L) yrkande röstar nej.", 9),
        (40, 268, "Voteringen utfaller enligt följande:", 10),
        (40, 278, "Ja: 7, Nej: 4", 10),
        (40, 298, "Reservation", 10),
        (40, 308, "Ida Alm (L) reserverar sig muntligen från beslutet till förmån för eget yrkande.", 10),
        (40, 328, "Beslut:", 10), (40, 338, "- Socialnämnden beslutar att avslå nämndinitiativet.", 10)]
    return draw(tmp_path / "lomma-sn-2025-10-07.pdf", [p1, p2])


def test_a_dnr_alone_under_the_header_date_is_the_items_and_the_vote_has_its_proposition(tmp_path):
    from namndkoll.api import show, votes
    from namndkoll.api.batch import ingest

    db = tmp_path / "w.db"
    report = ingest([_sn_82(tmp_path)], db=db, index=False)
    assert [r.status for r in report.results] == ["ingested"]
    d = show("1", db=db)
    got = {it.number: (it.title, it.diarienummer) for it in d.items}
    assert got["82"] == (("Nämndinitiativ från Ida Alm (L) och Christian Kampmann – följ upp omläggning från "
                          "kommunresor till färdtjänst"), ("SN/2025:231",))
    assert got["81"][1] == ()  # no dnr printed: none borrowed from the next §
    (v,) = votes(db=db)
    assert (v["item"], v["yes"], v["no"], v["page"]) == ("§ 82", 7, 4, 2)
    assert v["proposition"] == ("Den som bifaller ordförandes yrkande röstar ja, den som avser bifalla "
                                "Ida Alms (L) yrkande röstar nej.")


# Lomma kommunfullmäktige 2025-06-05 § 31 (p. 12-13): the proposition wraps and holds "m.fl."
KF_31 = """KF § 31 KS KF/2025:35
Beslut angående fråga om ansvarsfrihet för socialnämnden för 2024
Propositionsordning
Ordförande ställer därefter proposition på frågan om Bert Larssons m.fl. yrkande mot Per Bengtssons
m.fl. yrkande avseende attsats 2, varefter ordföranden finner att kommunfullmäktige beslutat i
enlighet med Bert Larssons m.fl yrkande.

Votering begärs och följande voteringsproposition godkänns:

Den som önskar bifalla Bert Larssons m.fl. yrkande röstar ja och den som önskar bifalla Per
Bengtssons m.fl. yrkande röstar nej.

Voteringen utfaller enligt följande, vilket närmare framgår av till protokollet bifogad voteringslista.

Ja: 22, Nej: 10, Avstår: 1.
"""

# Kungsbacka Förskola & Grundskola 2024-04-17 § 39 (p. 14): "omröstningsordning"
FG_39 = """§ 39 Dnr FG-2024-00186
Anpassning av pedagogisk omsorg i Pedagogiskt område Söder
Omröstning begärs och verkställs. Följande omröstningsordning godkänns: Ja för
Peter Lundins yrkande och nej för Susanne Anderssons avslagsyrkande.

Omröstningsresultat

Med åtta ja-röster och fem nej-röster beslutar nämnden att bifalla Peter Lundins
yrkande.
"""


def test_netpublicator_and_ciceron_propositions_are_read():
    (v,) = find_votes(make_doc(KF_31, items=True))
    assert (v.yes, v.no, v.abstain) == (22, 10, 1)
    assert v.proposition == ("Den som önskar bifalla Bert Larssons m.fl. yrkande röstar ja och den som "
                             "önskar bifalla Per Bengtssons m.fl. yrkande röstar nej.")
    (v,) = find_votes(make_doc(FG_39, items=True))
    assert v.proposition == "Ja för Peter Lundins yrkande och nej för Susanne Anderssons avslagsyrkande."


def test_a_number_split_by_a_line_break_is_one_figure():
    # Lomma kommunstyrelsen 2025-11-19 § 138 (p. 14)
    text = ("- att flytta 4 360 tkr från samhällsbyggnadsnämnden till kommunstyrelsen, samt att flytta 1\n"
            "        040 tkr från samhällsbyggnadsnämnden till miljö- och byggnadsnämnden.")
    got = [(kind, value, " ".join(text[s:e].split())) for s, e, kind, value, *_ in iter_figures(text)]
    assert got == [("amount", 4_360_000.0, "4 360 tkr"), ("amount", 1_040_000.0, "1 040 tkr")]
    # a year or a count ending the line is no first group of the next line's number
    assert [v for _s, _e, _k, v, *_ in iter_figures("beslutade 2025\n300 tkr till")] == [300_000.0]
    assert [v for _s, _e, _k, v, *_ in iter_figures("enligt punkt 12\n300 personer")] == [300.0]


# Kungsbacka kommunstyrelsen 2024-09-24 § 223 (p. 40-41)
KS_223 = """§ 223 Dnr KS-2023-00729
Svar på motion om medarbetarundersökning
Förslag till beslut på sammanträdet
Johan Tolinsson (S), Magdalena Sundqvist (S) och Patrik Jervne Henestam (V) yrkar bifall till motionen.
Propositionsordning
− Ja-röst innebär att bifalla kommunstyrelsens arbetsutskotts förslag.
− Nej-röst innebär att bifalla Johan Tolinssons (S) m.fl. yrkande.
Omröstningsresultat
Kommunstyrelsen beslutar med 12 ja-röster mot 3 nej-röster att bifalla kommunstyrelsens arbetsutskotts förslag.
Protokollsanteckning
Ermin Škorić (S) och Ann-Louise Lundqvist (S) stödjer Johan Tolinssons (S) m.fl.
yrkande.
"""


def test_a_member_in_the_genitive_is_the_member_and_no_author():
    doc = make_doc(KS_223, items=True, municipality="Kungsbacka")
    names = {p.name for p in find_people(doc)}
    assert "Johan Tolinsson" in names and not any(n.endswith("Tolinssons") for n in names)
    assert not any(n.startswith("la ") for n in names)  # "bifalla Johan …": no "la Johan"
    note = next(p for p in find_positions(doc, find_people(doc)) if p.kind == "protokollsanteckning")
    assert note.people == ("Ermin Škorić", "Ann-Louise Lundqvist") and note.parties == ("S",)
