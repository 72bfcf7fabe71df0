"""What the eighteenth session's walk left for the owners (docs/walks/eighteenth-session.md),
read from real PDFs made with reportlab in other names than the walk's documents: a copy of a
protocol's front pages whose table of contents has titles that wrap over several lines became
§ items with no text of their own."""

from __future__ import annotations

import textwrap
from pathlib import Path

from test_ingest_batch import make_pdf
from test_pdf import _font, draw

from namndkoll.ingest import read_document

_FRONT = """VÄSTERBY KOMMUN
SAMMANTRÄDESPROTOKOLL
Tekniska nämnden
2019-03-12
Plats och tid
Nämndrummet, kl. 09:00-11:30
Justerade paragrafer
40-49
Sekreterare
Karin Ek
INNEHÅLLSFÖRTECKNING
Paragrafer
Ärenden
Sida
§ 40
Information om vattenverkets drift"""

_CONTENTS = """§ 41
Meddelanden tekniska nämnden 2019-03-12
3 - 4
§ 42
Delegationsbeslut tekniska nämnden 2019-03-12
5 - 6
§ 43
Gatubelysning i Norrby
7 - 8
§ 44
Medborgarförslag om gång- och cykelväg mellan Norrby och Söderby
under vinterhalvåret
Upprustning av lekplatser
9 - 10
11 - 12
§ 47
Samverkansavtal mellan Västerby kommun och kommunerna i länet
om gemensam upphandling av vinterväghållning efter beslut om
Remiss om nya regler för enskilda vägar (Ds
2018:31)
Motion om fler laddstolpar
§ 48
Taxa för parkering på kvartersmark
21 - 22
§ 49
Tekniska nämndens verksamhetsplan 2019-20"""


def test_a_table_of_contents_with_wrapped_titles_gives_no_items(tmp_path: Path) -> None:
    """Where the contents jump past §§ whose lines ran together ("§ 44 … 9 - 10 11 - 12 § 47"),
    the §§ after the jump are still contents lines, not items: a copy of the front pages only
    has no items at all."""
    doc = read_document(make_pdf(tmp_path / "front.pdf", [_FRONT, _CONTENTS]))
    assert [i.number for i in doc.items] == []


def test_items_after_a_table_of_contents_are_still_read(tmp_path: Path) -> None:
    """The same contents followed by the §§ themselves: the items are read from their headings,
    with their own text."""
    body = [f"§ {n}\nÄrendet nummer {n}\nÄrendebeskrivning\n"
            "Förvaltningen har sammanställt en redovisning av ärendet och dess kostnader.\n"
            "Redovisningen visar att arbetet har gått enligt plan under det senaste året.\n"
            "Beslutsunderlag\nTjänsteskrivelse från förvaltningen.\n"
            "Tekniska nämndens beslut\nRedovisningen godkänns och läggs till handlingarna."
            for n in range(40, 50)]
    doc = read_document(make_pdf(tmp_path / "whole.pdf", [_FRONT, _CONTENTS, *body]))
    assert [i.number for i in doc.items] == [str(n) for n in range(40, 50)]
    assert all(i.page_start >= 3 for i in doc.items)


_KF_FRONT = "SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Sida 1-30"
_KF_MEETING = """1 Kommunfullmäktige Sammanträdesdatum Sida 1-30 Plats och tid Folkets hus, Ljusdal, tisdagen
den 14 maj 2019, kl. 18:00-21:10. Beslutande Ordförande Anna Berg samt ordinarie
ledamöter och ersättare enligt bilagd närvaroförteckning. Övriga deltagare Lars Holm,
kommundirektör. Utses att justera Eva Sund och Per Dahl. Paragrafer 40-58
2 Kommunfullmäktige Sammanträdesdatum Sida 2 Dnr: KF Innehållsförteckning Allmänhetens
frågestund... 3 Kommunalrådet har ordet... 4 Taxa för bygglov... 5
Delårsrapport för kommunen... 9 Samverkan med Region Gävleborg om hjälpmedel,
revidering av avtal Reglemente för gemensam nämnd med Region Gävleborg avseende
kostfrågor Val till vakanta uppdrag Mottagande av motioner och medborgarförslag
Delgivningar... 30"""


def test_a_body_named_in_the_table_of_contents_is_not_the_author(tmp_path: Path) -> None:
    """A kommunfullmäktige protocol whose letterhead names no body: the region its contents
    list cases with ("Samverkan med Region … om …") is not its author; the kommun it met in
    ("Plats och tid Folkets hus, Ljusdal, …") is."""
    doc = read_document(make_pdf(tmp_path / "kf.pdf", [_KF_FRONT, _KF_MEETING]))
    assert doc.metadata.municipality == "Ljusdal"
    assert doc.metadata.org_kind == "kommun"


_ANMALAN = """NORRVIKS KOMMUN
PROTOKOLL
Kommunstyrelsen
2021-04-20
§ 88 Dnr KS 2021/41
Anmälningsärenden
Beslut
Noteras.
Sedan kommunstyrelsens förra sammanträde den 23 mars 2021 har följande
medborgarförslag kommit in till kommunstyrelsen.
Medborgarförslag
2021-03-30
Medborgarförslag om belysning längs gångvägen vid Strandskolan
2021-04-08
Medborgarförslag om en hundrastgård i Västra Norrvik
Justerandes signatur"""


def test_a_decision_before_a_titled_list_leaves_out_the_lists_introduction(tmp_path: Path) -> None:
    """"Noteras." is the decision; "Sedan … har följande medborgarförslag kommit in" tells what
    the list below holds, and the list is no part of the decision either."""
    from namndkoll.extract.decisions import find_decisions

    doc = read_document(make_pdf(tmp_path / "ks.pdf", [_ANMALAN]))
    texts = [d.text for d in find_decisions(doc)]
    assert texts == ["Noteras."], texts


_SHARED_COVER = "PROTOKOLL Tekniska nämnden Sida 1-12\nSave this PDF as:"
_SHARED_VIEWER = """WORD PNG TXT JPG
Storlek: px
Starta visningen från sidan:
Download "Tekniska nämnden Sammanträdesdatum 2017-05-09
Sida 1-12"
Transkript
1 Tekniska nämnden Sammanträdesdatum Sida 1-12 Plats och tid Kommunhuset
§ 31 Dnr TN 2017/12
Avfallstaxa för 2018
Tekniska nämndens beslut
Nämnden föreslår kommunfullmäktige att anta avfallstaxan för 2018."""


def test_a_sharing_sites_viewer_is_no_text_of_the_document(tmp_path: Path) -> None:
    """A web copy from a document-sharing site: its viewer's buttons and fields are neither page
    text nor an item's text; the file name it shows keeps its words (and its date, which the
    transcript below lost) without the button's word."""
    doc = read_document(make_pdf(tmp_path / "copy.pdf", [_SHARED_COVER, _SHARED_VIEWER]))
    text = "\n".join(p.text for p in doc.pages)
    for chrome in ("Save this PDF", "WORD PNG", "Storlek: px", "Starta visningen", "Download", "Transkript"):
        assert chrome not in text
    assert "Tekniska nämnden Sammanträdesdatum 2017-05-09" in text
    assert [i.number for i in doc.items] == ["31"]
    item = doc.items[0]
    assert "Storlek" not in text[item.start:item.end] and "avfallstaxan för 2018" in text[item.start:item.end]
    # a report that says "Transkript" once, with no viewer around it, keeps it
    page = "Revisionsrapport\nIntervjuerna spelades in.\nTranskript\nAv intervjuerna framgår att rutinerna följs."
    doc = read_document(make_pdf(tmp_path / "r.pdf", [page]))
    assert "Transkript" in doc.pages[0].text


def test_a_viewers_copy_of_a_form_run_on_as_a_paragraph_has_no_title(tmp_path: Path) -> None:
    """A sharing site's copy of a Finland-Swedish protocol: the file's page title (the form's
    labels "PLATS - PAIKKA KL. - KLO"), the viewer, then the front page and agenda run on as one
    paragraph. With the viewer gone from the text, the agenda's last point is still no title
    (it was read as one when the labels ran on into the form below them)."""
    head = "TID - AIKA KL. - KLO"
    agenda = ("2 1 PROTOKOLLSIDA Utfärdad Sammanträdestid kl.18 - Sammanträdesplats; Österby kommungård. "
              "1. MÖTETS LAGLIGHET. 2. VAL AV PROTOKOLLJUSTERARE. 3. FÖREDRAGNINGSLISTAN. "
              "4. BUDGETUPPFÖLJNING. 5. VÄGUNDERHÅLL I NORRBY BY.")
    lines = [head, "Save this PDF as:", "WORD PNG TXT JPG", "Storlek: px", "Starta visningen från sidan:",
             f'Download "{head}"', "Transkript", *textwrap.wrap(agenda, 88)]
    doc = read_document(draw(tmp_path / "copy.pdf", [[(50, 60 + 16 * i, ln) for i, ln in enumerate(lines)]]))
    assert "Storlek" not in doc.pages[0].text and "WORD PNG" not in doc.pages[0].text
    assert doc.metadata.title is None, doc.metadata.title


_RUN_ON_COVER = ("Delårsrapport januari-juni 2021 Godkänd av förbundsdirektionen 2021-08-25 Dnr 12.2021-000431\n"
                 "Innehåll Förbundschefens inledning... 1 Om förbundet... 2 Förvaltningsberättelse... 3\n"
                 "Förbundschefens inledning Våren präglades av många larm och av arbetet med den nya\n"
                 "ledningsorganisationen, som nu är på plats i hela förbundet och i alla medlemskommuner.")


def test_a_report_cover_run_on_is_dated_by_its_approval(tmp_path: Path) -> None:
    """A web copy runs a förbund's delårsrapport's cover into one line: the report is dated by
    the approval it states, and its title is the heading before it."""
    md = read_document(make_pdf(tmp_path / "dr.pdf", [_RUN_ON_COVER])).metadata
    assert md.date == "2021-08-25", md
    assert md.title == "Delårsrapport januari-juni 2021", md


def _boxed_page(path: Path) -> Path:
    """A page of prose in 11 pt with a box's key figure in 22 pt beside one of its lines, as an
    annual report sets an index ("NMI 71") in a box right of the paragraph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    prose = ["Förbundet mäter varje år hur nöjda medlemmarna är med",
             "servicen, och för 2024 uppgick indexet till 71 på en skala",
             "från 1 till 100. Av de öppna svaren i enkäten samlades",
             "värdefulla förslag om öppettider och om bemötandet i",
             "kundtjänsten, och de används i nästa års verksamhetsplan."]
    for i, line in enumerate(prose):
        c.setFont(font, 11)
        c.drawString(60, h - 100 - 14 * i, line)
    c.setFont(font, 22)
    c.drawString(470, h - 128 - 4, "71")  # level with the third line, far right of its words
    c.showPage()
    c.save()
    return path


def test_a_boxs_key_figure_is_no_word_of_the_sentence_beside_it(tmp_path: Path) -> None:
    """The box's figure is read apart from the sentence it stands level with: the sentence
    reads as printed, and the figures hold no count of "förslag" the page never states."""
    from namndkoll.extract.figures import find_figures

    doc = read_document(_boxed_page(tmp_path / "ar.pdf"))
    text = doc.pages[0].text
    assert "samlades värdefulla förslag" in " ".join(text.split()), text
    assert "71" in text.replace("till 71", "")  # the box's figure is still on the page
    assert not [f for f in find_figures(doc) if f.value == 71 and "förslag" in f.text], find_figures(doc)
