"""NetPublicator protocols (Lomma and others) as their PDFs lay them out: every § on a page of
its own with its heading "SN § 91   SN/2025:31" at the same height under the running header,
the title on the next line, the meeting's § range alone on a cover line ("§ 57-§ 73"), a
party's written reservation inserted as "Bilaga KF § 71/25", and an e-signing service's
"Document reference: …" stamped beside a line of every page. Drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

from test_structure_templates import draw

from namndkoll.extract.pipeline import extract_file
from namndkoll.ingest import read_document

STAMP = "Document reference: 6044_202512121008288911765530508891"
# body text runs across the page, as in the protocols (no two-column page)
LONG = "Förvaltningen har upprättat ärendet och redovisar det i tjänsteskrivelsen som bifogas protokollet."


def _header(body: str, n: int, total: int) -> list[tuple]:
    return [(40, 40, body, 10), (330, 40, "SAMMANTRÄDESPROTOKOLL", 10), (330, 52, f"Sida {n} av {total}", 10),
            (330, 70, "Sammanträdesdatum", 10), (330, 82, "2025-12-09", 10),
            (40, 790, "Justerande", 9), (330, 790, "Utdragsbestyrkande", 9),
            (40, 802, "Protokollet har justerats digitalt", 9)]


def _item(body: str, org: str, n: int, total: int, num: int, dnr: str, title: list[str],
          text: list[str], stamp_on_heading: bool = False) -> list[tuple]:
    page = _header(body, n, total) + [(40, 110, f"{org} § {num}", 10)]
    if dnr:
        page.append((330, 110, dnr, 10))
    if stamp_on_heading:
        page.append((430, 110, STAMP, 6))
    y = 135
    for t in title:
        page.append((40, y, t, 10))
        y += 12
    y += 14
    page.append((40, y, "Ärendebeskrivning", 10))
    if not stamp_on_heading:
        page.append((430, y, STAMP, 6))
    for t in text + [LONG]:
        y += 12
        page.append((40, y, t, 10))
    return page


def _kf(tmp_path: Path) -> Path:
    total = 6
    cover = _header("KOMMUNFULLMÄKTIGE", 1, total) + [
        (40, 120, "Plats:", 10), (200, 120, "Lomma kommun, Sessionssalen Kärnan", 10),
        (40, 150, "Paragraf:", 10), (200, 150, "Digital justering, 2025-10-09", 10),
        (200, 172, "§ 57-§ 60", 10),
        (40, 200, "Beslutande organ:", 10), (200, 200, "Kommunfullmäktige", 10)]
    pages = [cover]
    items = [
        (57, "KS KF/2025:6", ["Meddelanden"], ["Inga nya meddelanden föreligger."], False),
        (58, "KS KF/2025:105", ["Fyllnadsval av 1:e vice ordförande och ledamot i kultur- och fritidsnämnden för",
                                "Moderaterna"], ["Kommunfullmäktige beslutade 2025-08-28 att välja."], True),
        (59, "KS KF/2025:31", ["Beslut om svar på motion från Sandra Pilemalm (L) och Ida Alm (L) angående",
                               "utökning av tid för bostadsförsörjning för nyanlända barnfamiljer"],
         ["Sandra Pilemalm (L) och Ida Alm (L) inkom 2025-01-30 med en motion.",
          "Ida Alm (L) och Alexander Werne (L) lämnar en skriftlig reservation."], False),
    ]
    for k, (num, dnr, title, text, stamp) in enumerate(items, 2):
        pages.append(_item("KOMMUNFULLMÄKTIGE", "KF", k, total, num, dnr, title, text, stamp))
    # the L reservation, inserted without the protocol's header
    pages.append([(180, 60, "Bilaga KF § 59/25", 10),
                  (40, 90, "Reservation i ärende 15 Beslut om svar på motion från Sandra Pilemalm (L)", 10),
                  (40, 102, "Vi har lagt denna motion av framför allt humanistiska skäl.", 10)])
    pages.append(_item("KOMMUNFULLMÄKTIGE", "KF", 5, total, 60, "", ["Besvarande av interpellation om klädsortering"],
                       ["Sandra Pilemalm (L) inkom 2025-08-22 med en interpellation."], True))
    return draw(tmp_path / "kf.pdf", pages)


def test_headings_at_the_same_height_on_every_page_are_the_items(tmp_path):
    doc = read_document(_kf(tmp_path))
    got = [(it.number, it.page_start, it.title) for it in doc.items]
    assert got == [
        ("57", 2, "Meddelanden"),
        ("58", 3, "Fyllnadsval av 1:e vice ordförande och ledamot i kultur- och fritidsnämnden för Moderaterna"),
        ("59", 4, ("Beslut om svar på motion från Sandra Pilemalm (L) och Ida Alm (L) angående utökning av tid "
                  "för bostadsförsörjning för nyanlända barnfamiljer")),
        ("60", 6, "Besvarande av interpellation om klädsortering"),
    ]
    # the cover's range line and the bilaga's "§ 59/25" are no headings; the stamp is in no text
    assert "6044_" not in doc.text
    assert doc.items[0].diarienummer == ("KS KF/2025:6",)


def test_slash_diarienummer_after_a_nämnd_heading(tmp_path):
    pages = [_item("SOCIALNÄMNDEN", "SN", n, 3, num, dnr, [title], ["Vid sammanträdet informerar controller."])
             for n, (num, dnr, title) in enumerate([
                 (91, "SN/2025:31", "Prognosrapport oktober 2025 Socialnämnden"),
                 (92, "SN/2025:110", "Nämndsbudget för socialnämnden år 2026"),
                 (93, "SN/2025:114", "Redovisning av rapporterade ej verkställda beslut kvartal 3 år 2025")], 1)]
    doc = read_document(draw(tmp_path / "sn.pdf", pages))
    assert [(it.number, it.page_start, it.title) for it in doc.items] == [
        ("91", 1, "Prognosrapport oktober 2025 Socialnämnden"),
        ("92", 2, "Nämndsbudget för socialnämnden år 2026"),
        ("93", 3, "Redovisning av rapporterade ej verkställda beslut kvartal 3 år 2025")]
    assert doc.metadata.committee == "Socialnämnden"


def test_a_heading_on_the_running_headers_line_takes_its_title_from_below(tmp_path):
    """Lomma SN 2025-10-07 § 82: the heading stands on the header's first line, beside "Sida 14
    av 16", and the date and dnr sit under it before the title ("SN § 82   Sida 14 av 16")."""
    pages = [_item("SOCIALNÄMNDEN", "SN", 1, 2, 81, "", ["Information från förvaltningen"],
                   ["Vid sammanträdet informerar förvaltningschefen."])]
    pages.append([(40, 40, "SOCIALNÄMNDEN", 10), (330, 40, "SAMMANTRÄDESPROTOKOLL", 10),
                  (40, 52, "SN § 82", 10), (330, 52, "Sida 2 av 2", 10),
                  (330, 70, "Sammanträdesdatum", 10), (330, 82, "2025-10-07", 10), (330, 100, "SN/2025:231", 10),
                  (40, 125, "Nämndinitiativ från Ida Alm (L) och Christian Kampmann – följ upp omläggning från", 10),
                  (40, 137, "kommunresor till färdtjänst", 10),
                  (40, 162, "Ärendebeskrivning", 10), (40, 174, LONG, 10),
                  (40, 790, "Justerande", 9), (330, 790, "Utdragsbestyrkande", 9)])
    doc = read_document(draw(tmp_path / "sn.pdf", pages))
    assert [(it.number, it.page_start, it.title) for it in doc.items] == [
        ("81", 1, "Information från förvaltningen"),
        ("82", 2, ("Nämndinitiativ från Ida Alm (L) och Christian Kampmann – följ upp omläggning från "
                   "kommunresor till färdtjänst"))]


def test_each_member_who_announces_a_reservation_and_a_yrkande_after_a_bare_line(tmp_path):
    """Lomma BUN 2025-05-20 § 41: F's återremiss yrkande ends on a line holding only "0" (no full
    stop), so SD's yrkande after it started inside F's "sentence"; and three parties announce
    their written reservations one after the other ("… meddelar att Fokus vill lämna en
    skriftlig reservation mot beslutet. Bilaga C."), each its own reservation."""
    lines = [
        "Överläggning",
        "Ulf Richeberg (F) yrkar att utredningen om grundskolans organisation skall återremitteras till",
        "förvaltningen med förnyade målbeskrivningar som lägger ett större fokus på behoven.",
        "Samt: att diagrammet på sid 9 (av 16) i slut-rapporten byts ut mot ett diagram där y-axeln startar på",
        "0",
        "",
        "Natalia Engstedt (SD) yrkar på att förvaltningen får i uppdrag att ta fram en beräkning av",
        "kostnadsökningen vid ett bevarande av samtliga kommunens skolor; dvs erbjuda en till alternativ (D).",
        "",
        "Reservation",
        "Thomas Eneström(S) och Marie Sand (S) meddelar att Socialdemokraterna vill lämna skriftliga",
        "reservationer mot beslutet.",
        "Bilaga B.",
        "Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation mot beslutet.",
        "Bilaga C.",
        "Natalia Engstedt (SD) meddelar att Sverigedemokraterna vill lämna en skriftlig reservation mot",
        "beslutet.",
        "Bilaga D.",
    ]
    page = _item("BARN- OCH UTBILDNINGSNÄMNDEN", "BUN", 1, 1, 41, "BUN/2025:107",
                 ["Beslut om organisatoriska lösningar inom grundskolan i södra kommundelen"], [])
    page += [(40, 260 + 12 * k, t, 10) for k, t in enumerate(lines) if t]
    _doc, ext = extract_file(str(draw(tmp_path / "bun.pdf", [page])))
    got = [(p.kind, p.parties, p.item) for p in ext.positions]
    assert got == [("yrkande", ("F",), "§ 41"), ("yrkande", ("SD",), "§ 41"),
                   ("reservation", ("S",), "§ 41"), ("reservation", ("F",), "§ 41"),
                   ("reservation", ("SD",), "§ 41")]


def test_a_second_dnr_on_the_heading_and_a_title_beside_the_headers_date_are_not_the_title(tmp_path):
    """Lomma SN 2025-02-25: § 12's heading carries two diarienummer ("SN § 12  SN/2025:23,
    SN/2024:120"); § 19's heading stands beside "Sida 2 av 2" and its title beside the header's
    "Sammanträdesdatum", the header's date on the line under it."""
    pages = [_item("SOCIALNÄMNDEN", "SN", 1, 2, 12, "SN/2025:23, SN/2024:120",
                   ["Socialförvaltningens verksamhetsplan 2025"], ["Vid sammanträdet redogör förvaltningschefen."])]
    pages.append([(40, 40, "SOCIALNÄMNDEN", 10), (330, 40, "SAMMANTRÄDESPROTOKOLL", 10),
                  (40, 52, "SN § 19", 10), (330, 52, "Sida 2 av 2", 10),
                  (40, 76, "Information från förvaltningen", 10), (330, 76, "Sammanträdesdatum", 10),
                  (330, 88, "2025-02-25", 10),
                  (40, 112, "Ärendebeskrivning", 10), (40, 124, LONG, 10),
                  (40, 790, "Justerande", 9), (330, 790, "Utdragsbestyrkande", 9)])
    doc = read_document(draw(tmp_path / "sn.pdf", pages))
    assert [(it.number, it.page_start, it.title) for it in doc.items] == [
        ("12", 1, "Socialförvaltningens verksamhetsplan 2025"), ("19", 2, "Information från förvaltningen")]


def test_a_local_partys_code_written_in_the_passage_is_its_party(tmp_path):
    """Lomma KF 2025-10-16: the § text writes Fokus Bjärred "(F)", its vote list "(FB)"; a
    yrkande by one member written "Ulf Richeberg (F)" is F's, not only the party the list gives
    him elsewhere."""
    p1 = _item("KOMMUNFULLMÄKTIGE", "KF", 1, 2, 77, "KS KF/2024:344", ["Beslut om grundskoleorganisationen"], [])
    p1 += [(40, 260 + 12 * k, t, 10) for k, t in enumerate([
        "Överläggning",
        "Aron Regnéll (M) yrkar att kommunfullmäktige ska besluta i enlighet med kommunstyrelsens förslag.",
        "Ulf Richeberg (F) yrkar att kommunfullmäktige i första hand ska besluta bordlägga ärendet till efter",
        "valet och i andra hand att genomföra alternativ D.",
        "Reservation",
        "Jenny Morau (F), Ulf Richeberg (F) och Bo Nors (F) reserverar sig skriftligt."])]
    p2 = [(40, 34, "Kommunfullmäktige: Bilaga A KF § 77", 10), (40, 55, "Voteringsprotokoll", 10),
          (200, 55, "Ja", 10), (240, 55, "Nej", 10), (280, 55, "Avstår", 10),
          (45, 90, "Aron Regnéll (M)", 10), (200, 90, "X", 10), (45, 102, "Jenny Morau (FB)", 10), (240, 102, "X", 10),
          (45, 114, "Ulf Richeberg (FB)", 10), (240, 114, "X", 10), (45, 126, "Bo Nors (FB)", 10), (240, 126, "X", 10),
          (45, 138, "Totalt", 10), (200, 152, "1", 10), (240, 152, "3", 10)]
    _doc, ext = extract_file(str(draw(tmp_path / "kf.pdf", [p1, p2])))
    got = {(p.kind, p.parties) for p in ext.positions if "Richeberg" in p.text}
    assert got == {("yrkande", ("F",)), ("reservation", ("F",))}


def test_a_motion_whose_members_follow_the_verb(tmp_path):
    """Lomma SN 2025-02-25 § 16: "Den 26 september 2024 inkom Ida Alm (L) och Sandra Pilemalm (L)
    med en motion avseende …" — the sentence opens with the date, so the members stand after
    the verb; the motion is L's."""
    page = _item("SOCIALNÄMNDEN", "SN", 1, 1, 16, "SN/2024:308", ["Motion för bättre kvalitet i Lomma kommuns äldreomsorg"],
                 ["Den 26 september 2024 inkom Ida Alm (L) och Sandra Pilemalm (L) med en motion avseende bättre",
                  "kvalité i Lomma kommuns äldreomsorg. Motionärerna yrkar att socialnämnden ska ge förvaltningen",
                  "i uppdrag att ta fram ett förslag om lönetrappa."])
    _doc, ext = extract_file(str(draw(tmp_path / "sn.pdf", [page])))
    motions = [(p.parties, p.item) for p in ext.positions if p.kind == "motion"]
    assert motions == [(("L",), "§ 16")]
    assert "med en motion avseende bättre" in next(p.text for p in ext.positions if p.kind == "motion")


def test_a_title_wrapped_inside_a_year_range_keeps_the_range_whole(tmp_path):
    """Lomma KF 2025-11-13 § 88: the title breaks after the range's hyphen ("… ekonomin åren
    2027-" / "2029"); the line break is no space ("2027-2029", as the index page prints it)."""
    pages = [_item("KOMMUNFULLMÄKTIGE", "KF", 1, 1, 88, "KS KF/2025:46",
                   ["Beslut om fastställande av budget för år 2026 samt plan för ekonomin åren 2027-",
                    "2029"], ["Kommunfullmäktige fastställde 2024-10-24, § 121, budget för år 2025."])]
    doc = read_document(draw(tmp_path / "kf.pdf", pages))
    assert [(it.number, it.title) for it in doc.items] == [
        ("88", "Beslut om fastställande av budget för år 2026 samt plan för ekonomin åren 2027-2029")]
