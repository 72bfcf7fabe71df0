"""A written reservation (protokollsanteckning, särskilt yttrande) attached to a protocol as pages
of its own is one position of whoever signs it, tied to the § it names and quoted with the page it
starts on (issue 8 item 4). The excerpts are real, from Lomma's kommunstyrelse 2025-03-26 (§§ 42,
43, 45, with the written reservations of L and S) and 2025-04-23 (§ 48, the chair's own
nämndinitiativ); in the PDFs the attachments stand at the end of the protocol, as other
municipalities put them, so only what they name ties them to their §. Each PDF is drawn with
reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndkoll.extract.pipeline import extract_file
from namndkoll.types import Document, Extraction, Position

HEAD = ["KOMMUNSTYRELSEN                                   SAMMANTRÄDESPROTOKOLL",
        "                                                  Sammanträdesdatum 2025-03-26"]
FOOT = ["", "Justerande                          Utdragsbestyrkande"]


def _pdf(path: Path, pages: list[list[str]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for lines in pages:
        for i, text in enumerate(lines):
            c.setFont("Helvetica", 9)
            c.drawString(50, h - 50 - 13 * i, text)
        c.showPage()
    c.save()
    return path


P1 = [*HEAD, "Sida 1 av 3", "", "Beslutande ledamöter:", "Aron Regnéll (M), 1:e vice ordförande",
      "Per Bengtsson (S), 2:e vice ordförande", "Sandra Pilemalm (L)", "Oscar Sedira (SD)",
      "Tjänstgörande ersättare:", "Fredrik Karström (M) ersätter Robert Wenglén (M)", "",
      "KS § 42                             KS KF/2024:318", "",
      "Beslut angående motion från Ida Alm (L) och Sandra Pilemalm (L) avseende bättre",
      "kvalité i Lomma kommuns äldreomsorg", "",
      "Överläggning",
      "Sandra Pilemalm (L) yrkar att kommunstyrelsen ska rekommendera kommunfullmäktige besluta bifalla motionen.",
      "Aron Regnéll (M) yrkar att kommunstyrelsen ska besluta i enlighet med arbetsutskottets förslag.",
      "Beslut:", "Kommunstyrelsen föreslår kommunfullmäktige besluta:",
      "    - att föreslå kommunfullmäktige att avslå motionen med hänvisning till framtaget motionssvar.",
      "Reservation", "Sandra Pilemalm (L) reserverar sig skriftligt.", "Bilaga", *FOOT]
# the rest of § 42 on a page of its own, as in the real protocol, before the next §
P1B = [*HEAD, "Sida 2 av 4", "_________________________________", "Beslutet expedieras till: 2025-03-26",
       "Kommunfullmäktige", *FOOT]
P2 = [*HEAD, "Sida 2 av 3", "", "KS § 43                             KS KF/2025:13", "",
      "Beslut gällande utredning gällande etablering av familjecentral", "",
      "Överläggning",
      "Per Bengtsson (S), Sandra Pilemalm (L) och Oscar Sedira (SD) yrkar att kommunstyrelsen ska föreslå",
      "kommunfullmäktige att ge kommunstyrelsen i uppdrag att samordna frågan om lämplig lokal.",
      "Beslut:", "Kommunstyrelsen föreslår kommunfullmäktige besluta:",
      "    - att det inte är aktuellt med etablering av familjecentral i Lomma kommun.",
      "Reservation", "Per Bengtsson (S) reserverar sig skriftligt.", "Bilaga A",
      "Sandra Pilemalm (L) reserverar sig skriftligt.", "Bilaga B",
      "Oscar Sedira (SD) reserverar sig till förmån för sitt eget yrkande.", *FOOT]
P3 = [*HEAD, "Sida 3 av 3", "", "KS § 45                             KS KF/2025:74", "",
      "Nämndinitiativ från Robert Wenglén (M) och Aron Regnéll (M) om Gröna Lomma", "",
      "Ärendebeskrivning",
      "Robert Wenglén och Aron Regnéll inkom 2025-03-20 med ett nämndinitiativ avseende Gröna",
      "Lomma. Initiativtagarna yrkar att Lomma kommun ska ta fram en övergripande policy och",
      "utvecklingsplan för kommunens utemiljöer.",
      "Beslut:", "Kommunstyrelsen beslutar:",
      "    - att överlämna nämndinitiativet till förvaltningen för beredning av ärendet.", *FOOT]
# the written reservations, all at the end: the first names its § only by the meeting's agenda
# number ("ärende 1" = the first § of this protocol), the other two by their "Bilaga … § 43/25" head
A42 = ["Reservation avseende beslut att avslå motionens förslag",
       "gällande att höja kvaliteten i Lomma kommuns äldreomsorg", "",
       "   - ärende 1 kommunstyrelsen 26 mars 2025", "",
       "Jag reserverar mig till förmån för eget yrkande och önskar bifalla förslaget i",
       "motionen.", "",
       "Motionen beskriver hur (vi) motionärerna Sandra Pilemalm och Ida Alm vill förbättra",
       "kvalitén i Lomma kommuns äldreomsorg.", "",
       "Sandra Pilemalm (L)", "Liberalerna Lomma-Bjärred", "",
       "____________________________________________________________________", "",
       "LIBERALERNA LOMMA-BJÄRRED    www.lomma.liberalerna.se",
       "Besöksadress: Hamngatan 3 ·  lomma@liberalerna.se", "Postadress: 234 31 Lomma"]
A43 = ["                                                   Bilaga A KS § 43/25", "",
       "                                        Reservation", "",
       "Jag reserverar mig mot beslutet i kommunstyrelsen att föreslå fullmäktige att",
       "besluta att det inte är aktuellt med familjecentral i Lomma Kommun.",
       "Dock pekar utredningen på ett ointresse, som är av politisk karaktär, av",
       "att utveckla organisationen och samordningen mellan socialtjänst och förskola.", "",
       "För den socialdemokratiska gruppen i Lomma Kommunstyrelse", "", "Per Bengtsson", "",
       "Arbetarepartiet Socialdemokraterna"]
B43 = ["                             Bilaga B KS § 43/25", "",
       "Reservation avseende beslut grundat på utredning gällande",
       "etablering av familjecentral", "",
       "Jag reserverar mig till förmån för eget yrkande.",
       "Fördelarna med en familjecentral är så kraftigt övervägande att vi rekommenderar",
       "kommunstyrelsen att gå vidare med planerna på att etablera en sådan även i Lomma",
       "kommun.", "", "Sandra Pilemalm (L)", "", "Liberalerna Lomma-Bjärred"]


@pytest.fixture(scope="module")
def protocol(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Extraction]:
    path = _pdf(tmp_path_factory.mktemp("attached") / "ks.pdf", [P1, P1B, P2, P3, A42, A43, B43])
    return extract_file(str(path))


def _with(ext: Extraction, key: str) -> list[Position]:
    return [p for p in ext.positions if key in p.text]


def test_an_attached_reservation_is_tied_to_the_section_its_head_names(protocol: tuple[Document, Extraction]) -> None:
    doc, ext = protocol
    assert [i.number for i in doc.items] == ["42", "43", "45"]
    (s,) = _with(ext, "ett ointresse, som är av politisk karaktär")
    assert (s.kind, s.item, s.parties) == ("reservation", "§ 43", ("S",))
    assert "Per Bengtsson" in s.people
    (b,) = _with(ext, "Fördelarna med en familjecentral")
    assert (b.kind, b.item, b.parties) == ("reservation", "§ 43", ("L",))
    # two attachments on two pages are two positions, not one block signed by both
    assert "Fördelarna" not in s.text and "ointresse" not in b.text


def test_an_attached_reservation_named_by_agenda_number(protocol: tuple[Document, Extraction]) -> None:
    _doc, ext = protocol
    (a,) = _with(ext, "önskar bifalla förslaget i motionen")
    assert (a.kind, a.item, a.parties) == ("reservation", "§ 42", ("L",))
    assert "Reservation avseende beslut att avslå motionens förslag" in a.text
    assert "Sandra Pilemalm (L)" in a.text


def test_a_reservation_announced_and_attached_is_one_stance_with_both_quotes(
        protocol: tuple[Document, Extraction]) -> None:
    """"Sandra Pilemalm (L) reserverar sig skriftligt. Bilaga" in § 42 and the reservation she
    signs at the end are L's one reservation of § 42: the sentence, then the written text, quoted
    from the § page where the protocol records it (page 1), the span running over both."""
    doc, ext = protocol
    res = [p for p in ext.positions if p.kind == "reservation"]
    assert sorted((p.item, p.parties) for p in res) == [("§ 42", ("L",)), ("§ 43", ("L",)), ("§ 43", ("S",)),
                                                         ("§ 43", ("SD",))]
    (a,) = [p for p in res if p.item == "§ 42"]
    said, written = a.text.split(" … ")
    assert said == "Sandra Pilemalm (L) reserverar sig skriftligt. Bilaga"
    assert written.startswith("Reservation avseende beslut") and "önskar bifalla förslaget" in written
    assert a.page == 1 and doc.page_of(a.end - 1) == 5
    assert " ".join(doc.text[a.start:a.end].split()).startswith(said)
    # Bilaga A is S's and Bilaga B is L's: each joins the sentence that names its letter
    (s,) = [p for p in res if p.parties == ("S",)]
    assert s.text.startswith("Per Bengtsson (S) reserverar sig skriftligt. Bilaga A … ") and "ointresse" in s.text
    # SD's reservation for its own yrkande is oral: nothing attached joins it
    (sd,) = [p for p in res if p.parties == ("SD",)]
    assert " … " not in sd.text


def test_the_protocols_own_sentences_stay_in_their_section(protocol: tuple[Document, Extraction]) -> None:
    _doc, ext = protocol
    own = [p for p in ext.positions if p.kind == "reservation" and "reserverar sig" in p.text]
    assert {(p.item, p.parties) for p in own} == {("§ 42", ("L",)), ("§ 43", ("S",)), ("§ 43", ("L",)),
                                                  ("§ 43", ("SD",))}
    # none of the sentences runs on into the attachments: the pointer "Bilaga" ends it (the
    # written text is joined after " … ", not read on into)
    said = [p.text.split(" … ")[0] for p in own]
    assert not any("Jag reserverar mig" in t for t in said)
    assert not any("expedieras" in p.text for p in own)


def test_the_chairs_own_namndinitiativ_named_without_codes(protocol: tuple[Document, Extraction]) -> None:
    _doc, ext = protocol
    (m,) = [p for p in _with(ext, "inkom 2025-03-20 med ett nämndinitiativ") if p.kind == "motion"]
    assert (m.item, m.parties, m.people) == ("§ 45", ("M",), ("Robert Wenglén", "Aron Regnéll"))
    assert "Initiativtagarna yrkar att Lomma kommun ska ta fram en övergripande policy" in m.text


def test_a_reservation_heading_on_a_protocol_page_is_not_an_attachment(tmp_path: Path) -> None:
    # § 42 runs over a page break: its "Reservation" section heads the next page, third person
    p1 = P1[:-5]
    p2 = [*HEAD, "Sida 2 av 2", "", "Reservation", "Sandra Pilemalm (L) reserverar sig till förmån för sitt eget yrkande.",
          "", "Beslutet expedieras till:", "Kommunfullmäktige", *FOOT]
    _doc, ext = extract_file(str(_pdf(tmp_path / "ks.pdf", [p1, p2])))
    res = [p for p in ext.positions if p.kind == "reservation"]
    assert [(p.item, p.parties, p.page) for p in res] == [("§ 42", ("L",), 2)]
    assert res[0].text.startswith("Sandra Pilemalm (L) reserverar sig")


# KS 2025-04-23 §§ 51-52 with S's two written reservations, here at the end of the protocol under
# the heads other meeting systems give them: a § and the party in the head, and a note from a party
# that names its § only by repeating the § title
Q1 = [*HEAD, "Sida 1 av 2", "", "Beslutande ledamöter:", "Robert Wenglén (M), Ordförande",
      "Per Bengtsson (S), 2:e vice ordförande", "Oscar Sedira (SD)", "",
      "KS § 51                             KS KF/2025:96", "",
      "Beslut om inrättande av investeringsanslag för strategiska fastighetsförvärv år 2025", "",
      "Överläggning", "Per Bengtsson (S) yrkar avslag till beslutsförslaget.",
      "Beslut:", "Kommunstyrelsen föreslår kommunfullmäktige besluta:",
      "    - att inrätta ett nytt investeringsanslag omfattande 50 mnkr för strategiska fastighetsförvärv.",
      "Reservation", "Per Bengtsson (S) reserverar sig skriftligt.", *FOOT]
Q2 = [*HEAD, "Sida 2 av 2", "", "KS § 52                             KS KF/2025:95", "",
      "Beslut om förvärv av fastigheten Lomma Önnerup 8:9", "",
      "Överläggning", "Per Bengtsson (S) och Oscar Sedira (SD) yrkar avslag till beslutsförslaget.",
      "Beslut:", "Kommunstyrelsen beslutar:",
      "    - att delta i budgivningen för Önnerup 8:9 vid exekutiv auktion den 29 april 2025.", *FOOT]
R51 = ["Reservation § 51 (S)", "",
       "Jag reserverar mig i kommunstyrelsens ärende om inrättande av",
       "investeringsanslag för strategiska fastighetsförvärv år 2025.",
       "Jag och mitt parti har länge drivit att vi inom ramen för ordinarie budgetprocess",
       "ska ha avsatt medel för strategiska mark- och fastighetsförvärv.", "",
       "Per Bengtsson, oppositionsråd", "Arbetarepartiet Socialdemokraterna"]
N52 = ["Protokollsanteckning från Sverigedemokraterna", "",
       "Beslut om förvärv av fastigheten Lomma Önnerup 8:9", "",
       "Vi ser inte det strategiska värdet av marken och anser att det finns mer",
       "prioriterade frågor att lägga kommunens pengar på.", "", "Oscar Sedira (SD)"]


def test_attachments_named_by_a_section_in_the_head_or_by_the_title(tmp_path: Path) -> None:
    _doc, ext = extract_file(str(_pdf(tmp_path / "ks.pdf", [Q1, Q2, R51, N52])))
    (r,) = _with(ext, "länge drivit att vi inom ramen för ordinarie budgetprocess")
    assert (r.kind, r.item, r.parties, r.people) == ("reservation", "§ 51", ("S",), ("Per Bengtsson",))
    # announced in § 51 ("reserverar sig skriftligt", page 1): one stance, the sentence quoted first
    assert r.page == 1 and r.text.startswith("Per Bengtsson (S) reserverar sig skriftligt. … Reservation § 51 (S)")
    (n,) = _with(ext, "Vi ser inte det strategiska värdet av marken")
    assert (n.kind, n.item, n.parties, n.page) == ("protokollsanteckning", "§ 52", ("SD",), 4)


def test_a_motion_whose_authors_stand_without_codes_before_their_party(tmp_path: Path) -> None:
    # Lomma KF 2025-01-30 § 6: the members without codes, their party's name after them
    page = ["KOMMUNFULLMÄKTIGE                   SAMMANTRÄDESPROTOKOLL", "Sida 13 av 14", "",
            "KF § 6                              KS KF/2024:362", "",
            "Besvarande av motion om att upplösa kommunens arbetsutskott", "",
            "Ärendebeskrivning",
            "Den 4 december 2024 inkom Oscar Sedira och Tony Ljungström, Sverigedemokraterna, med en",
            "motion avseende förslag om att upplösa kommunens arbetsutskott. Motionärerna anser att",
            "arbetsutskottens partisammansättningar inte representerar valresultatet.", "",
            "Beslut:", "Kommunfullmäktige beslutar:", "    - att avslå motionen.", *FOOT]
    _doc, ext = extract_file(str(_pdf(tmp_path / "kf.pdf", [page])))
    (m,) = [p for p in ext.positions if p.kind == "motion"]
    assert (m.item, m.parties) == ("§ 6", ("SD",))
    assert "Motionärerna anser att arbetsutskottens partisammansättningar" in m.text


BUN_HEAD = ["BUN SAMMANTRÄDESPROTOKOLL", "Sammanträdesdatum 2024-02-06"]
BUN1 = [*BUN_HEAD, "Sida 1 av 3", "", "Beslutande ledamöter:", "Fredrik Karström (M), Ordförande",
        "Thomas Eneström (S), 2:e vice ordförande", "Leslie Qvandrup (M)", "Ulf Richeberg (FB)",
        "Natalia Engstedt (SD)", "", "§11 BUN/2024:39", "",
        "Nämndinitiativ från Fokus Bjärred om förskoleklass i Bjärred", "",
        "Beslut", "Barn- och utbildningsnämnden beslutar att avslå yrkandena.", "",
        "Reservation", "Ulf Richeberg (FB) och Natalia Engstedt (SD) reserverar sig mot besluten.",
        # the protocol's own slip: the FB member once written with SD's code
        "Skriftlig reservation har inkommit från Ulf Richeberg (SD) gällande att-sats 1, Bilaga A.",
        *FOOT]
BUN_A = ["BUN Bilaga A § 11/24", "Reservation från Fokus Bjärred", "2024-02-06",
         "Vi reserverar oss härmed mot nämndens beslut att avslå vårt yrkande att häva det",
         "politiska beslutet om att pausa förskoleklassintag i Bjärred.", "", "För Fokus Bjärred", "",
         "Ulf Richeberg"]


def test_an_attached_reservation_from_a_local_party_named_in_full(tmp_path: Path) -> None:
    _doc, ext = extract_file(str(_pdf(tmp_path / "bun.pdf", [BUN1, BUN_A])))
    attached = [p for p in ext.positions if p.kind == "reservation" and p.text.startswith("BUN Bilaga A")]
    assert len(attached) == 1
    # the party it names itself, not the code a slip elsewhere gave its signer; its name no person
    assert attached[0].parties == ("FB",) and attached[0].item == "§ 11"
    assert "Fokus Bjärred" not in attached[0].people


def test_positions_lists_an_announced_written_reservation_once(tmp_path: Path) -> None:
    """A real SQLite corpus: `positions --party L --kind reservation` shows L's reservation of
    § 42 once, quoting the protocol's sentence and the written text, not twice."""
    from namndkoll.api import extracted, ingest

    pdf = _pdf(tmp_path / "ks.pdf", [P1, P1B, P2, P3, A42, A43, B43])
    db = tmp_path / "ks.db"
    assert ingest([pdf], db=db, index=False).count("ingested") == 1
    rows = extracted("positions", db=db, party="L", kind="reservation")
    assert [r["item"] for r in rows] == ["§ 42", "§ 43"]
    assert rows[0]["text"].startswith("Sandra Pilemalm (L) reserverar sig skriftligt. Bilaga … ")
    assert "önskar bifalla förslaget i motionen" in rows[0]["text"] and rows[0]["page"] == 1
