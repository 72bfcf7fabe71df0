"""Stated abstentions in the forms Swedish protocols write them, results written with dashes
("6-5-0"), and a local party the document names in full ("Fokus Bjärred" for FB). Excerpts of
Lomma's barn- och utbildningsnämnd (2023-10-10 § 72, 2024-02-06 § 11) drawn with reportlab; the
other forms are one sentence each, shaped like the protocols' result lines."""

from __future__ import annotations

import pytest
from test_decisions_votes_positions import make_doc
from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.extract.parties import local_parties
from namndkoll.extract.votes import find_votes
from namndkoll.ingest import read_document


def test_two_voteringar_one_stating_its_abstentions(tmp_path):
    """BUN 2023-10-10 § 72: 'Ja 7, Nej 4.' states no abstention (None), 'Ja 7, Nej 2, Avstår 2.'
    states two."""
    first = [(40, 40, "BARN- OCH UTBILDNINGSNÄMNDEN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"),
             (330, 55, "Sida 20 av 22"), (40, 90, "BUN § 72 (fort.)"), (330, 90, "BUN/2023:206"),
             (40, 110, "Votering begärs och följande voteringsproposition godkänns:"),
             (40, 125, "Den som önskar att ärendet ska avgöras vid dagens sammanträde röstar ja, och den som önskar"),
             (40, 137, "återremittera ärendet röstar nej."),
             (40, 152, "Votering utfaller enligt följande, vilket närmare framgår av till protokollet bifogad"),
             (40, 164, "voteringslista."), (40, 180, "Bilaga A."), (40, 196, "Ja 7, Nej 4."),
             (40, 212, "Votering begärs och följande voteringsproposition godkänns:"),
             (40, 227, "Den som önskar bifalla barn- och utbildningsnämndens arbetsutskotts förslag till beslut"),
             (40, 239, "röstar ja, och den som önskar avslå det röstar nej."),
             (40, 254, "Votering utfaller enligt följande, vilket närmare framgår av till protokollet bifogad"),
             (40, 266, "voteringslista."), (40, 282, "Bilaga B."), (40, 298, "Ja 7, Nej 2, Avstår 2.")]
    votes = extract_document(read_document(draw(tmp_path / "bun.pdf", [first]))).votes
    assert [(v.item, v.yes, v.no, v.abstain) for v in votes] == [("§ 72", 7, 4, None), ("§ 72", 7, 2, 2)]


@pytest.mark.parametrize("text, yes, no, abstain", [
    # dashes in the order ja-nej-avstår, after a word that says the vote came out so
    ("Omröstningen utföll 6-5-0.", 6, 5, 0),
    ("Voteringen utföll 6–5–0 (ja–nej–avstår).", 6, 5, 0),
    ("Votering utfaller enligt följande: 6 - 5 - 0", 6, 5, 0),
    ("Med röstsiffrorna 7-4-2 beslutar nämnden att avslå yrkandet.", 7, 4, 2),
    ("Omröstningsresultat: 6-5-0", 6, 5, 0),
    ("Resultat: 6–5–0", 6, 5, 0),
    ("Omröstningen utföll 6-5.", 6, 5, None),  # two counts: no abstention stated
    ("Omröstningen utföll med 6-5, 0 avstod.", 6, 5, 0),
    # the counted words with other labels
    ("Ja 6, Nej 5, Avstod 0", 6, 5, 0),
    ("Ja-röster: 6, Nej-röster: 5, Avstår: 0", 6, 5, 0),
    ("Ja: 6 Nej: 5 Nedlagda: 1", 6, 5, 1),
    ("Ja 6 – Nej 5 – Avstår 0", 6, 5, 0),
    ("Resultat: 6 ja, 5 nej, 0 avstår", 6, 5, 0),
    # none abstained, in words
    ("Omröstningen utföll med 6 ja-röster mot 5 nej-röster. Ingen ledamot avstod från att rösta.", 6, 5, 0),
    ("Omröstningen utföll med 6 ja-röster mot 5 nej-röster, ingen avstod.", 6, 5, 0),
    ("Omröstningen utföll med 6 ja-röster mot 5 nej-röster och inga nedlagda röster.", 6, 5, 0),
    ("Omröstningen utföll med 6 ja-röster mot 5 nej-röster och 2 avstående.", 6, 5, 2),
    # silent on abstentions: None, not 0
    ("Omröstningen utföll med 6 ja-röster mot 5 nej-röster.", 6, 5, None),
])
def test_stated_abstentions_in_every_form(text, yes, no, abstain):
    (v,) = find_votes(make_doc(text))
    assert (v.yes, v.no, v.abstain) == (yes, no, abstain)


@pytest.mark.parametrize("text", [
    "Voteringslista §§ 12-13", "Omröstning om punkterna 1-2-3", "Resultatet i årskurs 7-8-9 har förbättrats.",
    "Votering sker kl 19-20", "Omröstningen ajournerades 19-20.", "Omröstningen utföll 2024-06-18 6-5",
    # an annual report's table row (Tolkförmedling Väst 2025): amounts, one of them negative
    "UB ackumulerade ej återställda negativa resultat 0 -215 -215\n- Varav från år 2023",
    # which count is the ja side's the sentence does not say
    "Nämnden beslutar med 6 röster mot 5 och 0 avstod att avslå yrkandet.",
])
def test_no_dash_vote_invented(text):
    assert find_votes(make_doc(text)) == ()


MEMBERS = ["Beslutande ledamöter:", "Thomas Eneström (S), 2:e vice ordförande", "Jonna Tingberg (M)",
           "Ulf Richeberg (FB)", "Natalia Engstedt (SD)"]


def test_a_local_party_named_in_full_is_its_members_code(tmp_path):
    """BUN 2024-02-06: the member list writes 'Ulf Richeberg (FB)'; § 11 says the initiative came
    from 'Fokus Bjärred' and the written reservation is 'Reservation från Fokus Bjärred', signed
    'Fokus Bjärred'. Both are FB's."""
    p1 = [(40, 40, "BUN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 55, "Sida 2 av 20"),
          *[(40, 90 + 14 * k, t) for k, t in enumerate(MEMBERS)]]
    lines = ["BUN § 11                            BUN/2024:39",
             "Nämndinitiativ från Ulf Richeberg (FB) avseende stängning/pausning av intag till F-",
             "klasser HT 2024", "Ärendebeskrivning",
             "2024-01-22 inkom ett nämndinitiativ där Fokus Bjärred lämnar fyra yrkanden.",
             "Beslutsunderlag", "    - Nämndinitiativ från Fokus Bjärred, inkom 2024-01-22",
             "Beslut:", "Barn- och utbildningsnämnden beslutar att avslå samtliga yrkanden.",
             "Reservation", "Skriftlig reservation har inkommit, se bilaga A och B."]
    p2 = [(40, 40, "BUN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 55, "Sida 17 av 20"),
          *[(40, 90 + 14 * k, t) for k, t in enumerate(lines)]]
    res = ["BUN Bilaga A § 11/24", "Reservation från Fokus Bjärred 2024-02-06",
           "Vi reserverar oss härmed mot nämndens beslut att avslå vårt yrkande om att skolvalet görs om.",
           "Med vänliga hälsningar", "Ulf Richeberg", "Fokus Bjärred"]
    p3 = [(40, 90 + 14 * k, t) for k, t in enumerate(res)]
    ex = extract_document(read_document(draw(tmp_path / "bun.pdf", [p1, p2, p3])))
    found = {(p.kind, p.item, tuple(p.parties)) for p in ex.positions}
    assert ("motion", "§ 11", ("FB",)) in found
    motion = next(p for p in ex.positions if p.kind == "motion" and "där Fokus Bjärred lämnar" in p.text)
    assert motion.parties == ("FB",) and "Fokus Bjärred" not in motion.people
    assert any(p.kind == "reservation" and p.parties == ("FB",) and "Vi reserverar oss" in p.text
               for p in ex.positions)


def test_a_local_name_needs_the_documents_own_tie_to_the_code():
    """The words must spell a code the document's members carry and stand where a party does; a
    person with those initials ('Frida Berg (M)', 'Fredrik Bengtsson, rektor') is no party."""
    base = "\n".join(MEMBERS) + "\n"
    assert local_parties(base + "Reservation från Fokus Bjärred\n")["Fokus Bjärred"] == "FB"
    assert local_parties(base + "Fokus Bjärreds förslag avslås.\n")["Fokus Bjärred"] == "FB"
    # no party context, or a person
    assert "Fokus Bjärred" not in local_parties(base + "Vi besökte Fokus Bjärred i maj.\n")
    assert "Frida Berg" not in local_parties(base + "Frida Berg (M) yrkar bifall.\nReservation från Frida Berg\n")
    assert "Fredrik Bengtsson" not in local_parties(
        base + "Fredrik Bengtsson, rektor\nYrkande från Fredrik Bengtsson\n")
    # a code no member carries: no name is tied to it
    assert "Fokus Bjärred" not in local_parties("Anna Ek (S)\nReservation från Fokus Bjärred\n")
