"""A party's initiativärende, nämndinitiativ or initiativ that a protocol § handles or quotes is
that party's position, kind motion (issue 8 item 4; bench/gold/README.md "Positions"). The
excerpts are real: Lomma's NetPublicator protocols (SN 2025-10-07 § 82, SN 2026-03-24 § 26),
Kungsbacka's Ciceron GA 2024-01-24 § 8 and a Göteborg inköps- och upphandlingsnämnd extract
(2024-06-13 § 71)."""

from __future__ import annotations

from test_decisions_votes_positions import make_doc

from namndkoll.extract.people import find_people
from namndkoll.extract.positions import find_positions
from namndkoll.types import Position

# SN_82 is as ingest gives it (no blank lines: a heading is told by its line alone); SN_26 keeps the
# pdftotext blank lines, which a quote must read through as well


def motions(text: str, **md: object) -> list[Position]:
    doc = make_doc(text, **md)  # type: ignore[arg-type]
    return [p for p in find_positions(doc, find_people(doc)) if p.kind == "motion"]


SN_82 = """Ärendebeskrivning
Ida Alm (L) inkommer med följande nämndinitiativ:
Socialnämnden har tidigare beslutat om att transport till dagverksamhet skulle läggas om från
kommunresor till färdtjänst av besparingsskäl. Ida Alm (L) och Christian Kampmann (L) yrkar att
socialnämnden uppdrar åt förvaltningen att en uppföljning görs där det redovisas vilka besparingar
omläggningen i praktiken har medfört och vilken effekt på kvaliteten och brukarnöjdhet som
omläggningen har haft. Uppföljningen ska presenteras på socialnämndens sammanträde den 9
december 2025.
Överläggning
Ordförande Jens Thystrup (M) yrkar att initiativet ska avgöras under sammanträdet samt att det
avslås.
"""


def test_a_namndinitiativ_handed_in_is_the_partys_motion_with_its_text():
    (p,) = motions(SN_82, municipality="Lomma", doc_type="protokoll")
    assert p.parties == ("L",)
    assert p.text.startswith("Ida Alm (L) inkommer med följande nämndinitiativ:")
    # the quoted initiative is the position, up to the next heading
    assert "transport till dagverksamhet skulle läggas om" in p.text
    assert p.text.endswith("sammanträde den 9 december 2025.") and "Överläggning" not in p.text


SN_26 = """Ärendebeskrivning

Socialdemokraternas ledamöter Pia Johnson och Paul Andersson inkommer med följande
nämndinitiativ:

Socialdemokraterna i Lomma väcker härmed följande nämndinitiativ. Behovet av platser inom
särskilt boende med demensinriktning är stort och förväntas öka i takt med en åldrande befolkning.
Mot denna bakgrund anser vi att nämnden behöver agera proaktivt för att säkerställa att kommunen kan möta
både dagens och morgondagens behov av demensinriktade platser.

Yrkande

Paul Andersson (S) yrkar:

att förvaltningen ges i uppdrag att skyndsamt utreda behovet av att inrätta fler platser i särskilt
boende med demensinriktning samt hur behovet kommer se ut de kommande 5 åren från och med
2026.
"""


def test_a_quoted_initiative_that_names_itself_again_is_one_position():
    (p,) = motions(SN_26, municipality="Lomma", doc_type="protokoll")
    assert p.parties == ("S",)
    assert "Behovet av platser inom särskilt boende med demensinriktning" in p.text
    assert p.text.endswith("behov av demensinriktade platser.") and "yrkar" not in p.text


GA_8 = """Sammanfattning av ärendet
Den 22 november 2023 inkom Socialdemokraterna med ett initiativärende
Otillräckliga faciliteter och arbetsmiljö. Bakgrunden är uppmärksammade brister
gällande lokaler och övningsfordon. I initiativärendet yrkas på följande förslag till
beslut.
"""


def test_a_party_named_by_its_name_hands_in_an_initiativarende():
    (p,) = motions(GA_8, municipality="Kungsbacka", doc_type="protokoll")
    assert p.parties == ("S",) and "Otillräckliga faciliteter och arbetsmiljö" in p.text


def test_a_body_that_hands_in_a_letter_is_no_party():
    text = "Den 22 november 2023 inkom Kommunstyrelsen med en skrivelse om lokaler.\n"
    assert motions(text, municipality="Kungsbacka", doc_type="protokoll") == []


IUN_71 = """Inköps- och upphandlingsnämnden

                                                      Utdrag ur protokoll
                                           Sammanträdesdatum: 2024-06-13


Bordlagt ärende: Initiativyrkande från V, S och
MP om att bojkotta varor från stater som
bedriver illegal ockupation av andra stater
§ 71, 202/24

Beslut
I inköps- och upphandlingsnämnden:

    1. Förvaltningen får i uppdrag att sluta köpa in produkter ursprungsmärkta från
       stater som bedriver illegal ockupation av andra stater.

Ärendet
Yrkande har inkommit från V, S och MP om att bojkotta varor från stater som bedriver
illegal ockupation av andra stater.
"""


def test_a_paragraph_titled_a_partys_initiative():
    doc = make_doc(IUN_71, items=True, municipality="Göteborg", doc_type="protokollsutdrag")
    assert [i.number for i in doc.items] == ["71"]
    (p,) = [p for p in find_positions(doc, find_people(doc)) if p.kind == "motion"]
    assert (p.parties, p.item) == (("V", "S", "MP"), "§ 71")
    assert "bojkotta varor från stater som bedriver illegal ockupation" in " ".join(p.text.split())


def test_a_citizens_initiative_and_the_right_of_initiative_are_no_party_motion():
    text = ("§ 3 KS 2023/12\nFolkinitiativ om kommunhuset\nBeslut\nÄrendet remitteras.\n\f"
            "§ 4 KS 2023/13\nInitiativrätt i direktionen\nÄrenden i direktionen får väckas av ledamot (S).\n")
    assert motions(text, items=True, municipality="Lomma", doc_type="protokoll") == []


# Göteborg inköps- och upphandlingsnämnden's tjänsteutlåtande under § 31 of 2025-04-03 (stadsrevisionen's
# revisionsberättelse bundle), which quotes the parties' initiative of 2024 without calling it one
IUN_31 = """§ 31 Yttrande över revisionens anmärkning
Tjänsteutlåtande
Beskrivning av ärendet
Inköps- och upphandlingsnämnden beslutade den 13 juni 2024, § 71 om bojkott av varor
från vissa stater efter att Socialdemokraterna, Vänsterpartiet och Miljöpartiet väckt
ärendet genom att lämna in följande yrkande.
1. ”Förvaltningen får i uppdrag att sluta köpa in produkter ursprungsmärkta från stater
som bedriver illegal ockupation av andra stater.
2. Förvaltningen får i uppdrag att återkomma med förslag på hur inköp av varor
producerade i stater som bedriver illegal ockupation av andra stater kan minimeras.”
Förvaltningens bedömning
Nämnden har att yttra sig över kritiken.
"""


def test_parties_that_raised_the_matter_with_a_quoted_yrkande_hold_it_as_their_initiative(tmp_path):
    from namndkoll.extract import extract_document
    from namndkoll.extract.evaluate import render_pdf
    from namndkoll.ingest import read_document

    doc = read_document(render_pdf(IUN_31, tmp_path / "iun.pdf"))
    got = [p for p in extract_document(doc).positions if p.kind == "motion"]
    assert [(p.parties, p.item) for p in got] == [(("S", "V", "MP"), "§ 31")]
    assert "väckt ärendet genom att lämna in följande yrkande" in got[0].text
    # the quoted yrkande is the parties' own words, up to the next heading
    assert got[0].text.endswith("kan minimeras.”") and "Förvaltningens bedömning" not in got[0].text


def test_a_body_or_an_unnamed_member_that_raises_a_matter_is_no_party():
    for text in ("Kommunstyrelsen väckte ärendet i mars.\n", "En ledamot har väckt ärendet genom en skrivelse.\n"):
        assert motions(text, municipality="Göteborg", doc_type="protokoll") == []


def test_an_initiative_quoted_in_the_tjansteutlatande_bundled_after_its_extract_is_that_s(tmp_path):
    # an audit handling's bundle: a nämnd's extract § 31, then its tjänsteutlåtande under the same
    # title, which quotes the parties' initiative; the extract's § ends with its page, the
    # initiative is the parties' position on § 31 all the same (Göteborg RB 2024's form; another
    # body's extract follows)
    from test_structure_templates import draw

    from namndkoll.extract.pipeline import extract_document
    from namndkoll.ingest import read_document

    title = "Yttrande gällande revisionens kritik mot beslut om inköp av varor"
    extract = [(60, 40, "Inköps- och upphandlingsnämnden", 11), (380, 56, "Utdrag ur protokoll", 11),
               (380, 70, "Sammanträdesdatum: 2025-04-03", 9),
               (60, 90, f"§ 31 {title}", 11, True), (60, 112, "Beslut"),
               (60, 126, "Nämnden översänder tjänsteutlåtandet som yttrande till revisionen.")]
    paper = [(60, 40, "Inköps- och upphandlingsförvaltningen", 11), (380, 40, "Tjänsteutlåtande", 11),
             (60, 90, title, 13, True),
             (60, 120, "Nämnden beslutade den 13 juni 2024 om inköp av varor efter att"),
             (60, 134, "Socialdemokraterna och Vänsterpartiet väckt ärendet genom att lämna in följande yrkande."),
             (60, 148, "1. ”Förvaltningen får i uppdrag att sluta köpa in varor från vissa stater.”"),
             (60, 176, "Förvaltningen avstår från att göra en bedömning i ärendet.")]
    earlier = [(60, 40, "Grundskolenämnden", 11), (380, 56, "Protokollsutdrag", 11),
               (380, 70, "Sammanträdesdatum: 2024-06-13", 9),
               (60, 90, "§ 71 Initiativärende om skolmat", 11, True), (60, 112, "Beslut"),
               (60, 126, "Nämnden bifaller initiativärendet.")]
    doc = read_document(draw(tmp_path / "bundle.pdf", [extract, paper, earlier]), ocr=False)
    assert [(i.number, i.page_start, i.page_end) for i in doc.items] == [("31", 1, 1), ("71", 3, 3)]
    got = [(p.kind, p.parties, p.item) for p in extract_document(doc).positions if p.kind == "motion"]
    assert got == [("motion", ("S", "V"), "§ 31")]
    # four pages on (the auditors' report bundled after the paper, retelling other meetings), the
    # title no longer says which § the text belongs to
    report = [[(60, 60 + 14 * k, f"Revisionen har på sidan {n} granskat nämndens arbete med fråga {k}.")
               for k in range(4)] for n in range(4)]
    doc = read_document(draw(tmp_path / "far.pdf", [extract, paper[:3], *report, paper[3:], earlier]), ocr=False)
    got = [(p.kind, p.parties, p.item) for p in extract_document(doc).positions if p.kind == "motion"]
    assert got == [("motion", ("S", "V"), None)]
