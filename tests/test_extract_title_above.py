"""Protocol extracts that print the § title ABOVE a "§ 59, N609-4635/23" line (Göteborg's
grundskolenämnd and inköps- och upphandlingsnämnd, bundled in KF's 2025 revision handling), and
the vote forms they use: a result with "röster" twice ("Med 5 ja-röster röster mot 4
nej-röster"), "Med resultatet 5 ja-röster mot 4 nej-röster", the members under "Ja-röster:" /
"Nej-röster:" labels; results in words ("Med fem ja-röster mot sex nej-röster"); and a result
without ja and nej ("med 33 röster mot 12"), which is not read as one. Each PDF is a small excerpt
drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndkoll.extract.countwords import count
from namndkoll.extract.pipeline import extract_file
from namndkoll.types import Document, Extraction

Line = tuple[str, str, float]  # text, font, size


def _pdf(path: Path, pages: list[list[Line]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for lines in pages:
        y = h - 50
        for text, font, size in lines:
            c.setFont(font, size)
            c.drawString(60, y, text)
            y -= size + 5
        c.showPage()
    c.save()
    return path


def _body(*texts: str) -> list[Line]:
    return [(t, "Helvetica", 10) for t in texts]


def _extract(body: str, date: str, title: list[str], head: str | None, lines: list[Line], n: int) -> list[Line]:
    """An 'Utdrag ur protokoll' page: the running head, the title in large bold type, the
    '§ N, dnr' line in smaller bold type, the body."""
    out: list[Line] = [(body, "Helvetica", 10), ("Utdrag ur protokoll", "Helvetica-Bold", 10),
                       (f"Sammanträdesdatum: {date}", "Helvetica", 10)]
    out += [(t, "Helvetica-Bold", 16) for t in title]
    if head:
        out.append((head, "Helvetica-Bold", 12))
    return out + lines + [(f"Göteborgs Stad {body}, protokollsutdrag {n} (2)", "Helvetica", 8)]


_GSN = "Grundskolenämnd"
_IUN = "Inköps- och upphandlingsnämnden"
_COVER = _body("Kommunfullmäktige", "Handling 2025 nr 68", "Revisionsberättelse avseende Göteborgs Stads",
               "verksamheter under 2024", "Nämndernas yttranden över anmärkningarna bifogas.",
               "Göteborgs Stad kommunfullmäktige 1 (1)")
_P99A = _body(
    "Beslut", "Grundskolenämnden beslutar enligt alternativ 5 i förvaltningens förslag.",
    "Ärendet", "Grundskolenämndens beslut om kompletteringsbudget (§ 59 vid sammanträdet den 26",
    "mars 2024) har överklagats genom laglighetsprövning.",
    "Bilaga 1, Protokollsutdrag GSN 2024-03-26 § 59, samt underlag",
    "Yrkanden", "Axel Darvik (L) yrkar bifall till yrkandet från M, D och L.",
    "Beslutsgång", "Ordföranden ställer yrkandena mot varandra och finner att nämnden bifallit",
    "yrkande från S, V och MP.", "Omröstning begärs.")
_P99B = _body(
    "Omröstning", "Nämnden godkänner följande ordning för omröstning:",
    "Ja-röst för bifall till yrkandet från S, V och MP.", "Nej-röst för bifall till yrkandet från M, D och L.",
    "Viktoria Tryggvadottir Rolka (S), Sara Carlsson Hägglund (V) och Felix Oderth (S) röstar ja.",
    "Nicklas Gretzer (M) och Axel Darvik (L) röstar nej.",
    "Med 3 ja-röster röster mot 2 nej-röster har grundskolenämnden beslutat enligt yrkandet",
    "från S, V och MP.", "Reservationer",
    "Axel Darvik (L) och Nicklas Gretzer (M) reserverar sig mot beslutet med hänvisning till eget yrkande.")
_P71A = _body(
    "Beslut", "Förvaltningen får i uppdrag att sluta köpa in produkter ursprungsmärkta från vissa stater.",
    "Handlingar", "1. Initiativyrkande från V, S och MP den 15 maj 2024.",
    "Beslutsgång 1", "Ordförande ställer yrkandet mot avslag och finner att nämnden bifaller det.",
    "Omröstning begärs och ska verkställas.")
_P71B = _body(
    "Omröstning 1", "Nämnden godkänner följande ordning för omröstningen:",
    "Ja-röst för att bifalla initiativyrkandet från V, S och MP.", "Nej-röst för avslag.",
    "Ja-röster: Anna Skarsjö (S), Åke Persson (S), Paul Hedman (V) och",
    "           Håkan Eriksson (V).",
    "Nej-röster: Sarah Ullmark (M), Ditte Nörby (L) och Jim Posio (SD).",
    "Med resultatet 4 ja-röster mot 3 nej-röster beslutar nämnden att bifalla initiativyrkandet.",
    "Reservationer", "Jim Posio (SD) reserverar sig mot beslutet till förmån för eget yrkande.")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Extraction]:
    path = _pdf(tmp_path_factory.mktemp("bundle24") / "rb.pdf", [
        _COVER,
        _extract(_GSN, "2024-05-21", ["Verkställighet av nämndens beslut om", "kompletteringsbudget"],
                 "§ 99, N609-4635/23", _P99A, 1),
        _extract(_GSN, "2024-05-21", [], None, _P99B, 2),
        _extract(_IUN, "2024-06-13", ["Bordlagt ärende: Initiativyrkande från V, S och",
                                      "MP om att bojkotta varor från vissa stater"],
                 "§ 71, 202/24", _P71A, 1),
        _extract(_IUN, "2024-06-13", [], None, _P71B, 2),
    ])
    return extract_file(str(path))


def test_comma_heading_under_its_title_is_an_item(bundle: tuple[Document, Extraction]) -> None:
    doc, _ = bundle
    assert [(i.number, i.page_start, i.page_end) for i in doc.items] == [("99", 2, 3), ("71", 4, 5)]
    assert [i.title for i in doc.items] == [
        "Verkställighet av nämndens beslut om kompletteringsbudget",
        "Bordlagt ärende: Initiativyrkande från V, S och MP om att bojkotta varor från vissa stater"]
    assert [i.diarienummer for i in doc.items] == [("N609-4635/23",), ("202/24",)]
    # the item's span starts with the heading as printed: its title over the § line
    assert doc.text[doc.items[0].start:].startswith("Verkställighet av nämndens beslut om")


def test_votes_of_comma_heading_extracts_land_on_their_own_section(bundle: tuple[Document, Extraction]) -> None:
    _, ext = bundle
    assert [(v.item, v.yes, v.no, v.page) for v in ext.votes] == [("§ 99", 3, 2, 3), ("§ 71", 4, 3, 5)]
    assert {p.item for p in ext.positions if p.kind == "reservation"} == {"§ 99", "§ 71"}


def test_result_with_roster_twice_is_the_prose_roll_calls_vote(bundle: tuple[Document, Extraction]) -> None:
    doc, ext = bundle
    v = ext.votes[0]
    assert doc.text[v.start:v.end] == "Med 3 ja-röster röster mot 2 nej-röster"
    assert [(e.name, e.vote) for e in v.roll_call] == [
        ("Viktoria Tryggvadottir Rolka", "ja"), ("Sara Carlsson Hägglund", "ja"), ("Felix Oderth", "ja"),
        ("Nicklas Gretzer", "nej"), ("Axel Darvik", "nej")]
    assert v.note is None


def test_members_under_ja_and_nej_labels_are_the_roll_call(bundle: tuple[Document, Extraction]) -> None:
    doc, ext = bundle
    v = ext.votes[1]
    assert doc.text[v.start:v.end].startswith("Med resultatet 4 ja-röster mot 3 nej-röster")
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        ("Anna Skarsjö", "S", "ja"), ("Åke Persson", "S", "ja"), ("Paul Hedman", "V", "ja"),
        ("Håkan Eriksson", "V", "ja"), ("Sarah Ullmark", "M", "nej"), ("Ditte Nörby", "L", "nej"),
        ("Jim Posio", "SD", "nej")]
    assert v.note is None


def test_comma_reference_outside_an_extract_is_no_heading(tmp_path: Path) -> None:
    """A protocol of its own (no extract head) citing "§ 22, 2023/12" at a line start."""
    path = _pdf(tmp_path / "p.pdf", [_body(
        "Kommunstyrelsen", "Protokoll", "Sammanträdesdatum: 2024-03-01",
        "§ 21 Dnr 2024/3", "Budget för 2025", "Beslut", "Kommunstyrelsen godkänner budgeten, med stöd av",
        "beslutet i", "§ 22, 2023/12", "och i enlighet med förslaget.",
        "§ 23 Dnr 2024/7", "Val av revisorer", "Beslut", "Kommunstyrelsen väljer revisorer.")])
    doc, _ = extract_file(str(path))
    assert [i.number for i in doc.items] == ["21", "23"]


def _protocol(tmp_path: Path, result: list[str]) -> Extraction:
    path = _pdf(tmp_path / "kf.pdf", [_body(
        "Stadsfastighetsnämnden", "Protokoll", "Sammanträdesdatum: 2025-02-26",
        "§ 27 Ärendenummer SFF-2025-00146", "Triple Net-avtal för fastigheten Gårdsten", "Beslut",
        "Nämnden bifaller yrkandet.", "Omröstning",
        "Godkänd voteringsproposition: Ja för avslag till yrkandet och nej för bifall till yrkandet.",
        *result)])
    return extract_file(str(path))[1]


def test_result_in_words(tmp_path: Path) -> None:
    ext = _protocol(tmp_path, ["Med fem ja-röster mot sex nej-röster beslutar nämnden att bifalla",
                               "yrkandet. Tre ledamöter avstod från att rösta."])
    assert [(v.item, v.yes, v.no, v.abstain) for v in ext.votes] == [("§ 27", 5, 6, 3)]


def test_result_without_ja_and_nej_is_not_guessed(tmp_path: Path) -> None:
    """"med 33 röster mot 12" says how many won, not which side voted ja: no counts are made up."""
    ext = _protocol(tmp_path, ["Kommunfullmäktige beslutar med 33 röster mot 12 och 2 som avstår att",
                               "bifalla yrkandet."])
    assert ext.votes == ()
    ext = _protocol(tmp_path, ["Kommunfullmäktige beslutar med 33 ja-röster mot 12 nej-röster och 2 som",
                               "avstår att bifalla yrkandet."])
    assert [(v.item, v.yes, v.no, v.abstain) for v in ext.votes] == [("§ 27", 33, 12, 2)]


def test_auditors_retelling_with_parties_between_the_counts_is_no_vote(tmp_path: Path) -> None:
    ext = _protocol(tmp_path, ["Med fem ja-röster (S, V och MP) mot sex nej-röster (M, L, D, KD, SD och C)",
                               "beslutade nämnden att bifalla yrkandet."])
    assert ext.votes == ()


def test_count_words() -> None:
    assert [count(w) for w in ("fem", "Sex", "elva", "sexton", "tjugotre", "trettioett", "12")] == [
        5, 6, 11, 16, 23, 31, 12]
    with pytest.raises(ValueError):
        count("sextiotal")


def test_party_codes_before_antecknar_are_the_notes_parties(tmp_path: Path) -> None:
    """"M, L och KD antecknar följande till protokollet:" and a quotation naming other parties,
    then an official's note of no party: the note is M's, L's and KD's alone, and ends where the
    official's begins; the parties' yttranden listed under the heading are theirs."""
    path = _pdf(tmp_path / "iun.pdf", [_extract(_IUN, "2024-06-13", ["Initiativyrkande om bojkott"],
                                                "§ 71, 202/24", _body(
        "Beslut", "Nämnden bifaller initiativyrkandet.",
        "Protokollsanteckningar",
        "Yttrande från L, M D och KD, daterat 2024-03-26",
        "Förvaltningsdirektör Maria Andersson får anteckna följande till protokollet:",
        "Beslutet strider mot skollagen.",
        "M, L och KD antecknar följande till protokollet:",
        "”Socialdemokraterna, Vänsterpartiet och Miljöpartiet har lagt ett yrkande om att stoppa",
        "inköp. Det är högst olämpligt att göra utrikespolitiska bedömningar.”",
        "Förvaltningsdirektör Henrik Karlsson lägger protokollsanteckning enligt följande:",
        "”Förvaltningen uppfattar en risk för att beslutet ligger utanför den kommunala kompetensen.”",
        "Dag för justering", "2024-06-19"), 1)])
    _, ext = extract_file(str(path))
    notes = [(p.parties, p.text) for p in ext.positions if p.kind == "protokollsanteckning"]
    assert [n[0] for n in notes] == [("L", "M", "D", "KD"), ("M", "L", "KD")]
    assert notes[0][1] == "Yttrande från L, M D och KD, daterat 2024-03-26"
    assert notes[1][1].startswith("M, L och KD antecknar följande till protokollet:")
    assert notes[1][1].endswith("utrikespolitiska bedömningar.”")


def test_a_yrkande_for_ajournering_is_no_position(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "gsn.pdf", [_extract(_GSN, "2024-03-26", ["Kompletteringsbudget"], "§ 59, N609-4635/23",
                                                _body(
        "Beslut", "Nämnden bifaller yrkandet.", "Ajournering",
        "Axel Darvik (L) yrkar på ajournering. Ajournering genomförs mellan 17:05-17:15.", "Yrkanden",
        "Axel Darvik (L) yrkar avslag till yrkandet från S, V och MP.", "Beslutsgång",
        "Ordföranden ställer yrkandet mot avslag och finner att nämnden bifallit yrkandet."), 1)])
    _, ext = extract_file(str(path))
    assert [(p.parties, p.text) for p in ext.positions if p.kind == "yrkande"] == [
        (("L",), "Axel Darvik (L) yrkar avslag till yrkandet från S, V och MP.")]
