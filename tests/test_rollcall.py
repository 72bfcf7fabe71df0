"""Roll calls member by member on real shapes of Swedish vote lists: a Meetings Plus
Voteringslista page (Alingsås barn- och ungdomsnämnden 2026-06-16, copied by
tests/fixtures/make_fixtures.py), a Göteborg omröstningsbilaga as its text layer reads (one cell
per line, header cells scattered), Göteborg kommunstyrelsen's prose ("… röstar Ja (7)"), and
tables with a result column; each joined to its vote, never reported twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc

from namndkoll.extract import extract_document
from namndkoll.extract.evaluate import render_pdf
from namndkoll.extract.people import find_people
from namndkoll.extract.rollcall import member
from namndkoll.extract.votes import find_votes
from namndkoll.ingest import read_document
from namndkoll.types import Table

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VOTERINGSLISTA = FIXTURES / "alingsas_bun_2026-06-16_voteringslista_p12.pdf"

# the page as labelled by reading it (bench/gold/dev/alingsas-bun-2026-06-16.json, § 44)
BUN_44 = [
    ("Thomas Thim", "M", "ja", "ordförande"), ("Camilla Stensson", "S", "nej", "vice ordförande"),
    ("Annika Olofsson", "S", "nej", "ledamot"), ("Thomas Ludvigsson", "S", "nej", "ledamot"),
    ("Carin Östh", "M", "ja", "ledamot"), ("David Skoog", "M", "ja", "ledamot"),
    ("Linda Ynghammar", "KD", "ja", "ledamot"), ("Kjerstin Hansson", "SD", "ja", "ledamot"),
    ("Heidi Hankanen Ängberg", "C", "nej", "ledamot"), ("Karin Josefsson", "L", "ja", "ledamot"),
    ("Britt-Marie Kuylenstierna", "MP", "nej", "ledamot"), ("Jenny Helgesson", "S", "nej", "ersättare"),
    ("Milka Pettersson", "S", "nej", "ersättare"),
]


def _rows(v):
    return [(e.name, e.party, e.vote, e.role) for e in v.roll_call]


def test_voteringslista_page_is_one_vote_under_its_paragraph():
    doc = read_document(VOTERINGSLISTA)
    (v,) = extract_document(doc).votes  # the list's "Resultat 6 7 0" row is no second vote
    assert (v.item, v.yes, v.no, v.abstain, v.page) == ("§ 44", 6, 7, 0, 1)
    assert v.proposition == "Omröstning angående återremiss"
    assert _rows(v) == BUN_44
    assert v.note is None and all(e.page == 1 for e in v.roll_call)


def _bun_table(result: tuple[str, str, str]) -> Table:
    marks = {"ja": ("X", "", ""), "nej": ("", "X", "")}
    rows = [("Ledamot", "Ja", "Nej", "Avstår")]
    rows += [(f"{n} ({p}), {r}", *marks[v]) for n, p, v, r in BUN_44]
    return Table(2, tuple(rows + [("Resultat", *result)]))


BUN_TEXT = ("§ 44 2026.156 BUN\nKompetensförsörjningsplan\nOmröstning\nOmröstning begärs.\n"
            "Följande beslutsgång godkänns:\nJa-röst för bifall till återremittering av förslag.\n"
            "Nej-röst för att avgöra ärendet idag.\nOmröstningsresultat\nMed 6 ja-röster och 7 nej-röster "
            "finner ordföranden att nämnden beslutar att ärendet ska avgöras idag.\n"
            "Omröstningsresultatet finns i slutet av paragrafen.\n"
            "\fBarn- och ungdomsnämnden Voteringslista\nVoteringslista: §44\n"
            "Ärende: Kompetensförsörjningsplan 2026.156 BUN\nOmröstning angående återremiss\n")


@pytest.mark.parametrize("items", [True, False])
def test_voteringslista_joins_the_vote_of_its_paragraph(items):
    """The result sentence and the list are one vote, also where the § items were not found
    (then the list's own "§44" names it)."""
    doc = make_doc(BUN_TEXT, items=items, tables={2: [_bun_table(("6", "7", "0"))]})
    (v,) = find_votes(doc)
    assert (v.item, v.yes, v.no, v.abstain, v.page) == ("§ 44", 6, 7, 0, 1)
    assert v.proposition.startswith("Ja-röst för bifall till återremittering")
    assert _rows(v) == BUN_44 and v.note is None


def test_counts_that_disagree_with_the_result_are_noted():
    doc = make_doc(BUN_TEXT.replace("Med 6 ja-röster och 7 nej-röster", "Med 7 ja-röster och 6 nej-röster"),
                   items=True, tables={2: [_bun_table(("7", "6", "0"))]})
    (v,) = find_votes(doc)
    assert (v.item, v.yes, v.no) == ("§ 44", 7, 6) and len(v.roll_call) == 13
    assert v.note == ("the roll call counts 6 ja, 7 nej; the result says 7 ja, 6 nej; "
                      "the list says 7 ja, 6 nej")


def test_a_row_without_a_mark_is_absent_and_said_so():
    table = Table(1, (("Ledamot", "Ja", "Nej", "Avstår"), ("Anna Ek (S), ledamot", "X", "", ""),
                      ("Bo Berg (M), ledamot", "", "X", ""), ("Cia Dahl (V), ersättare", "", "", "")))
    (v,) = find_votes(make_doc("Voteringslista: §3\nOmröstning om avslag\n", tables={1: [table]}))
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 3", 1, 1, 0)
    assert [(e.name, e.vote, e.note) for e in v.roll_call] == [
        ("Anna Ek", "ja", None), ("Bo Berg", "nej", None), ("Cia Dahl", "franvarande", "no mark")]


def test_a_table_with_a_result_column():
    """Göteborg's bilaga as a real PDF's table: Namn | Parti | Plats | Funktion | Resultat."""
    table = Table(3, (("Namn", "Parti", "Plats", "Funktion", "Resultat"),
                      ("Aslan Akbas", "S", "1", "Ordförande", "Ja"),
                      ("Margareta Broang", "M", "3", "2:e v Ordf", "Nej"),
                      ("Hakan Önal", "M", "13", "Ledamot", "Frånvarande"),
                      ("Karin Berg", "fp", "52", "Ersättare", "Kvittad")))
    text = ("§ 9\nRiksnorm\nOmröstningen utfaller med 1 Ja mot 1 Nej. Hur var och en röstar framgår av bilaga 2."
            "\f\fBilaga 2\nÄrende: 12\nÄrendemening: Riksnorm\nAntal Ja: 1\nAntal Nej: 1\nAntal Avstår: 0\n"
            "Antal Frånv: 1\nAntal Kvittade: 1\n")
    (v,) = find_votes(make_doc(text, items=True, tables={3: [table]}))
    assert (v.item, v.yes, v.no, v.abstain, v.absent) == ("§ 9", 1, 1, 0, 2)
    assert [(e.name, e.party, e.vote, e.role, e.note) for e in v.roll_call] == [
        ("Aslan Akbas", "S", "ja", "ordförande", None),
        ("Margareta Broang", "M", "nej", "2:e vice ordförande", None),
        ("Hakan Önal", "M", "franvarande", "ledamot", None),
        ("Karin Berg", "L", "franvarande", "ersättare", "kvittad")]
    assert v.note is None


# ---- Göteborg's omröstningsbilaga as text: one cell per line --------------------------------

GBG = """§ 9 0271/23
Riksnorm ekonomiskt bistånd och riktmärken för boendekostnader för 2023
Omröstning
Godkänd voteringsproposition: ”Ja för bifall till kommunstyrelsens förslag. Nej för bifall
till yrkandet från Nina Miskovsky m.fl.”
Omröstningen utfaller med 4 Ja mot 2 Nej. 1 ledamot avstår från att rösta. Hur var och en
röstar framgår av bilaga 2.
Bilaga 2
Ärende: 12
Ärendemening: Riksnorm ekonomiskt bistånd och riktmärken för boendekostnader för 2023
Antal Ja: 4
Antal Nej: 2
Antal Avstår: 1
Antal Frånv: 1
Antal Kvittade: 1
Namn
Parti
Aslan Akbas
S
1 Ordförande
Ja
Altenhammar, Emma
SD
67
Ledamot
Nej
Robert Andersson
Hammarstrand
S
22
Ledamot
Ja
Plats
Funktion
Resultat
Bettan Andersson
V
59
Ledamot
Avstår
Margareta Broang
M
3
2:e v Ordf
Nej
Jessica Blixt
D
35
Ledamot
Frånvarande
Karin Berg
L
52
Ersättare
Kvittad
Ann-Sofie Hermansson S
20
Ledamot
Ja
Björn Åhlin
MP
77
Tjänstgörande ersättare
Ja
"""
GBG_ROLL = [
    ("Aslan Akbas", "S", "ja", "ordförande", None), ("Emma Altenhammar", "SD", "nej", "ledamot", None),
    ("Robert Andersson Hammarstrand", "S", "ja", "ledamot", None),
    ("Bettan Andersson", "V", "avstar", "ledamot", None), ("Margareta Broang", "M", "nej", "2:e vice ordförande", None),
    ("Jessica Blixt", "D", "franvarande", "ledamot", None), ("Karin Berg", "L", "franvarande", "ersättare", "kvittad"),
    ("Ann-Sofie Hermansson", "S", "ja", "ledamot", None), ("Björn Åhlin", "MP", "ja", "tjänstgörande ersättare", None),
]


def test_goteborg_bilaga_list_joins_the_vote_that_points_to_it(tmp_path):
    pdf = render_pdf(GBG, tmp_path / "kf.pdf", page_marker=r"^(?:§ \d|Bilaga \d)")
    doc = read_document(pdf)
    (v,) = extract_document(doc).votes  # the bilaga's "Antal Ja: 4 …" is no second vote
    assert (v.item, v.yes, v.no, v.abstain, v.absent, v.page) == ("§ 9", 4, 2, 1, 2, 1)
    assert [(e.name, e.party, e.vote, e.role, e.note) for e in v.roll_call] == GBG_ROLL
    assert v.note is None and {e.page for e in v.roll_call} == {2, 3}  # the list runs on to page 3
    # each member's line is where the quote says
    e = v.roll_call[2]
    assert doc.text[e.start:e.end].split() == ["Robert", "Andersson", "Hammarstrand", "S", "22", "Ledamot", "Ja"]


def test_a_running_header_left_between_members_is_passed():
    text = GBG.replace("Jessica Blixt\nD\n", "Göteborgs Stad Stadsledningskontoret protokoll\fJessica Blixt\nD\n")
    (v,) = find_votes(make_doc(text, items=True))
    assert [(e.name, e.page) for e in v.roll_call][4:6] == [("Margareta Broang", 1), ("Jessica Blixt", 2)]
    assert len(v.roll_call) == 9 and v.note is None


def test_bilaga_list_found_by_its_arendemening_when_the_paragraph_names_no_bilaga():
    text = GBG.replace("Hur var och en\nröstar framgår av bilaga 2.", "").replace("Bilaga 2\n", "\fBilaga 2\n")
    (v,) = find_votes(make_doc(text, items=True, municipality="Göteborg"))
    assert (v.item, v.yes, v.no) == ("§ 9", 4, 2) and len(v.roll_call) == 9


def test_an_unreferenced_bilaga_is_a_vote_of_its_own_without_a_paragraph():
    text = "Bilaga 5\n" + GBG[GBG.index("Ärende: 12"):]
    (v,) = find_votes(make_doc(text))
    assert (v.item, v.yes, v.no, v.abstain, v.absent) == (None, 4, 2, 1, 2)
    assert v.proposition.startswith("Riksnorm") and len(v.roll_call) == 9


# ---- prose: Göteborg kommunstyrelsen -------------------------------------------------------

KS = """§ 12
Yttrande till Trafikverket
Omröstning
Godkänd voteringsproposition: "Ja för bifall till Jonas Attenius yrkande och Nej för bifall
till Axel Josefsons yrkande.
Daniel Bernmar (V), Ingrid Andreae (S), Jenny Broman (V), Marina Johansson (S),
Karin Pleijel (MP), tjänstgörande ersättaren Johannes Hulter (S) och ordföranden
Jonas Attenius (S) röstar Ja (7).
Axel Josefson (M), Axel Darvik (L), Elisabet Lann (KD) och tjänstgörande ersättarna
Nina Miskovsky (M) och Anneli Rhedin (M) röstar Nej (5).
Jörgen Fogelklou (SD) avstår från att rösta (1).
"""


def test_prose_roll_call_is_the_vote():
    doc = make_doc(KS, items=True, municipality="Göteborg")
    (v,) = find_votes(doc, find_people(doc))
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 12", 7, 5, 1)
    assert v.proposition.startswith("Ja för bifall till Jonas Attenius yrkande")
    assert [(e.name, e.party, e.vote) for e in v.roll_call][::3] == [
        ("Daniel Bernmar", "V", "ja"), ("Marina Johansson", "S", "ja"), ("Jonas Attenius", "S", "ja"),
        ("Elisabet Lann", "KD", "nej"), ("Jörgen Fogelklou", "SD", "avstar")]
    roles = {e.name: e.role for e in v.roll_call}
    assert roles["Johannes Hulter"] == "tjänstgörande ersättare" and roles["Jonas Attenius"] == "ordförande"
    assert roles["Nina Miskovsky"] == roles["Anneli Rhedin"] == "tjänstgörande ersättare"
    assert roles["Axel Josefson"] is None and v.note is None
    first = v.roll_call[0]
    assert doc.text[first.start:first.end] == "Daniel Bernmar (V)"


def test_prose_roll_call_joins_a_result_sentence_and_names_without_party():
    text = KS.replace("och ordföranden\nJonas Attenius (S) röstar Ja (7)", "samt ordföranden\nJonas Attenius röstar Ja (7)")
    text = "Ordföranden Jonas Attenius (S) yrkar bifall.\n" + text + "Omröstningen utfaller med 7 Ja mot 5 Nej.\n"
    doc = make_doc(text, items=True, municipality="Göteborg")
    (v,) = find_votes(doc, find_people(doc))
    assert (v.yes, v.no, v.abstain) == (7, 5, 1) and len(v.roll_call) == 13
    assert next(e.party for e in v.roll_call if e.name == "Jonas Attenius") == "S"


def test_prose_counts_that_disagree_are_noted():
    doc = make_doc(KS.replace("röstar Nej (5)", "röstar Nej (6)"), items=True)
    (v,) = find_votes(doc)
    assert (v.yes, v.no) == (7, 6) and v.note == "the roll call counts 7 ja, 5 nej, 1 avstår; the list says 6 nej"


@pytest.mark.parametrize(("text", "expected"), [
    # a name broken over two lines, "samt", a plural role over two names
    (("Daniel Bernmar (V), Viktoria\nTryggvadottir Rolka (S) samt tjänstgörande ersättarna Johannes Hulter (S)\n"
      "och Marie Brynolfsson (V) röstar Ja (4).\nAxel Josefson (M) och Hampus Magnusson (M) avstår från att rösta (2)."),
     [("Daniel Bernmar", "V", "ja", None), ("Viktoria Tryggvadottir Rolka", "S", "ja", None),
      ("Johannes Hulter", "S", "ja", "tjänstgörande ersättare"), ("Marie Brynolfsson", "V", "ja", "tjänstgörande ersättare"),
      ("Axel Josefson", "M", "avstar", None), ("Hampus Magnusson", "M", "avstar", None)]),
    # lower-case and older codes in an older protocol
    ("Anna Berg (s) och Per Ek (fp) röstade ja. Lena Holm (m) röstade nej.",
     [("Anna Berg", "S", "ja", None), ("Per Ek", "L", "ja", None), ("Lena Holm", "M", "nej", None)]),
])
def test_prose_variants(text, expected):
    (v,) = find_votes(make_doc(text))
    assert [(e.name, e.party, e.vote, e.role) for e in v.roll_call] == expected
    assert v.note is None


def test_not_taking_part_is_no_abstention():
    text = KS + "Jessica Blixt (D) deltar inte i beslutet.\n"
    (v,) = find_votes(make_doc(text, items=True))
    assert "Jessica Blixt" not in {e.name for e in v.roll_call} and v.abstain == 1


@pytest.mark.parametrize("text", [
    "Ledamöterna från S röstar ja.",  # a party, no members
    "Fem ledamöter avstår från att rösta.",
    "Namn\nParti\nPlats\nAnna Ek\nS\n1\nLedamot\n15:51\n21:47",  # an attendance list
])
def test_no_roll_call_invented(text):
    assert all(not v.roll_call for v in find_votes(make_doc(text)))


@pytest.mark.parametrize(("cell", "expected"), [
    ("Thomas Thim (M), ordförande", ("Thomas Thim", "M", "ordförande", None)),
    ("Akbas, Aslan", ("Aslan Akbas", None, None, None)),
    ("Robert Andersson\nHammarstrand", ("Robert Andersson Hammarstrand", None, None, None)),
    ("Anna Svensson (fp), ledamot", ("Anna Svensson", "L", "ledamot", "fp in the list")),
    ("Per Olsson (-), ersättare", ("Per Olsson", "-", "ersättare", None)),
    ("Eva Lund (s), 1:e v ordf", ("Eva Lund", "S", "1:e vice ordförande", None)),
    ("Resultat", None),
])
def test_member_cells(cell, expected):
    assert member(cell) == expected


# ---- Ciceron (Kungsbacka): "Omröstningsresultat", a Ja-röst | Nej-röst | Avstår table ------

CICERON_VOTE = """§ 191 Dnr KS-2025-00846
Svar på motion från Magdalena Sundqvist (S) om att öka Kungsbacka
kommuns strategiska markinnehav
Beslut – Förslag till kommunfullmäktige
Kommunfullmäktige avslår motionen.
Förslag till beslut på sammanträdet
Magdalena Sundqvist (S) och Patrik Jervne Henestam (V) yrkar bifall till motionen.
\fBeslutsgång
Ordföranden ställer kommunstyrelsens arbetsutskotts förslag och Magdalena Sundqvists
(S) m.fl. yrkande mot varandra, och finner att kommunstyrelsen bifaller
kommunstyrelsens arbetsutskotts förslag.
Omröstning begärs och verkställs.
Ordförande redovisar sedan följande propositionsordning för omröstningen som
kommunstyrelsen godkänner:
− Ja-röst innebär att bifalla kommunstyrelsens arbetsutskotts förslag.
− Nej-röst innebär att bifalla Magdalena Sundqvists (S) m.fl. yrkande.
Omröstningsresultat
Ordföranden finner att kommunstyrelsen, med 4 ja-röster mot 2 nej-röster och
1 som avstår, beslutar enligt kommunstyrelsens arbetsutskotts förslag.
"""
CICERON_HEAD = ("Ledamot/tjänstgörande ersättare", "Ja-röst", "Nej-röst", "Avstår från att rösta")
CICERON_ROLL = [("Emanuel Forsell", "M", "ja"), ("Magdalena Sundqvist", "S", "nej"), ("Stefan Jägnert", "SD", "ja"),
                ("Fredrik Hansson", "C", "ja"), ("Patrik Jervne Henestam", "V", "nej"), ("Maria Losman", "MP", "avstar"),
                ("Lisa Andersson", "M", "ja")]


def _ciceron_rows(members: list[tuple[str, str, str]]) -> list[tuple[str, ...]]:
    cols = {"ja": 1, "nej": 2, "avstar": 3}
    return [tuple(f"{n} ({p})" if j == 0 else ("X" if j == cols[v] else "") for j in range(4))
            for n, p, v in members]


def _pipes(rows: list[tuple[str, ...]]) -> str:
    """The rows as a Markdown export writes them: "| a | b |", a rule row under the first."""
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines[:1] + ["| --- | --- | --- | --- |"] + lines[1:]) + "\n"


def test_ciceron_vote_with_its_list_written_as_text_over_two_pages():
    """The result sentence far from the word Omröstning ("Ordföranden finner att
    kommunstyrelsen, med 4 ja-röster mot 2 nej-röster och 1 som avstår") and the member table as
    a text export writes it, running on to the next page, whose first row is a member (the
    export took it for the header): one vote with all seven members."""
    text = (CICERON_VOTE + "Det här dokumentet är digitalt signerat\n"
            + _pipes([CICERON_HEAD, *_ciceron_rows(CICERON_ROLL[:4])])
            + "\fDet här dokumentet är digitalt signerat\n" + _pipes(_ciceron_rows(CICERON_ROLL[4:])))
    (v,) = find_votes(make_doc(text, items=True))
    assert (v.item, v.yes, v.no, v.abstain, v.page) == ("§ 191", 4, 2, 1, 2)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == CICERON_ROLL and v.note is None
    assert v.proposition == ("Ja-röst innebär att bifalla kommunstyrelsens arbetsutskotts förslag. Nej-röst "
                             "innebär att bifalla Magdalena Sundqvists (S) m.fl. yrkande.")
    e = v.roll_call[5]  # each member's row is where its span says
    assert e.page == 3 and e.text == "Maria Losman (MP) | X" and text[e.start:e.end] == "| Maria Losman (MP) |  |  | X |"


def test_ciceron_vote_without_abstentions_takes_none_from_its_list():
    """"med 4 ja-röster mot 2 nej-röster" says nothing of abstentions; the list with its Avstår
    column says none abstained."""
    roll = [m for m in CICERON_ROLL if m[2] != "avstar"]
    text = (CICERON_VOTE.replace("4 ja-röster mot 2 nej-röster och\n1 som avstår,", "4 ja-röster mot 2 nej-röster,")
            + _pipes([CICERON_HEAD, *_ciceron_rows(roll)]))
    (v,) = find_votes(make_doc(text, items=True))
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 191", 4, 2, 0) and len(v.roll_call) == 6


def _draw_ciceron_table_pdf(path: Path) -> Path:
    """The vote page and the next as a Ciceron PDF sets them: the table ruled, in cells."""
    from reportlab.pdfgen import canvas

    h = 842.0
    c = canvas.Canvas(str(path), pagesize=(595, h), invariant=True)

    def table(rows: list[tuple[str, ...]], top: float) -> None:
        xs = [55, 255, 325, 395, 540]
        for i, row in enumerate(rows):
            y = top + 16 * i
            for j, cell in enumerate(row):
                c.setFont("Helvetica", 8)
                c.drawString(xs[j] + 3, h - y - 11, cell)
        for i in range(len(rows) + 1):
            c.line(xs[0], h - top - 16 * i, xs[-1], h - top - 16 * i)
        for x in xs:
            c.line(x, h - top, x, h - top - 16 * len(rows))

    pages = CICERON_VOTE.split("\f")
    for n, (body, rows) in enumerate(((pages[0], None), (pages[1], [CICERON_HEAD, *_ciceron_rows(CICERON_ROLL[:4])]),
                                      ("Det här dokumentet är digitalt signerat", _ciceron_rows(CICERON_ROLL[4:])))):
        c.setFont("Helvetica", 10)
        c.drawString(55, h - 40, f"KUNGSBACKA KOMMUN          SAMMANTRÄDESPROTOKOLL          {n + 1} (3)")
        lines = body.strip("\n").split("\n")
        for i, t in enumerate(lines):
            c.drawString(55, h - 120 - 14 * i, t)
        if rows:
            table(rows, 140 + 14 * len(lines))
        c.showPage()
    c.save()
    return path


def test_ciceron_vote_table_in_a_pdf(tmp_path):
    """The same vote as a PDF with a ruled table, the list running on over the page break: the
    table's "Ledamot/tjänstgörande ersättare | Ja-röst | Nej-röst | Avstår från att rösta"
    columns are read, the second page's rows join the first's."""
    doc = read_document(_draw_ciceron_table_pdf(tmp_path / "ciceron.pdf"), ocr=False)
    assert doc.pages[1].tables and doc.pages[1].tables[0].rows[0] == CICERON_HEAD
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain, v.page) == ("§ 191", 4, 2, 1, 2)
    assert [(e.name, e.party, e.vote, e.page) for e in v.roll_call] == [
        (n, p, c, 2 if i < 4 else 3) for i, (n, p, c) in enumerate(CICERON_ROLL)]
    assert v.note is None


def test_a_run_on_table_missing_a_column_is_not_misread():
    """The next page's rows of a list whose reader left out a column empty on that page (no one
    voted Nej there): its marks no longer stand under their header, so they are not joined."""
    head = Table(1, (CICERON_HEAD, *_ciceron_rows(CICERON_ROLL[:4])))
    tail = Table(2, (("Maria Losman (MP)", "", "X"), ("Lisa Andersson (M)", "X", "")))
    calls = [v.roll_call for v in find_votes(make_doc("Omröstning begärs och verkställs.\f", tables={1: [head], 2: [tail]}))]
    assert [(e.name, e.vote) for c in calls for e in c] == [(n, c) for n, _p, c in CICERON_ROLL[:4]]


def test_a_code_only_the_list_writes_is_the_party_the_document_states_elsewhere():
    """Lomma SN 2025-10-07: the attendance list writes "Bo Nors (F)" (Fokus Bjärred), its vote
    list "Bo Nors (FB)": one party, not two, in `members`; the list's own code kept in the note."""
    text = ("Närvarande: Jörgen Fogelklou (SD), Bo Nors (F) och Delphine Raimbault (F).\n"
            + KS.replace("Jörgen Fogelklou (SD) avstår", "Bo Nors (FB) avstår"))
    doc = make_doc(text, items=True, municipality="Göteborg")
    (v,) = find_votes(doc, find_people(doc))
    nors = next(e for e in v.roll_call if e.name == "Bo Nors")
    assert (nors.party, nors.vote) == ("F", "avstar")
    assert next(e.party for e in v.roll_call if e.name == "Axel Darvik") == "L"  # a known code stays


# Kungsbacka Förskola & Grundskola 2024-01-17 § 8 (Ciceron, as a Markdown export writes it),
# shortened: a member cell that wraps in the PDF is written "Anna-Karin Granberg<br>(SD)", the
# first column is the voter and "Ersätter" the member replaced, and the list runs on to the
# next page, where the export took its first member row for the header.
FG_8 = """§ 8 Dnr FG-2023-01427
Underlag kommunbudget 2025
Beslut
Nämnden för Förskola & Grundskola beslutar att godkänna Alliansens underlag till
kommunbudget 2025, plan 2026-2027.
Beslutsgång
Votering begärs och ska verkställas. Följande voteringsordning godkänns: Ja för
Alliansens förslag och nej för Socialdemokraternas förslag.
Omröstningsresultat i huvudomröstningen
Med 3 ja-röster, 2 nej-röster och 2 som avstår beslutar nämnden att bifalla Alliansens
förslag.
Expedierat/bestyrkt
[Tabell 12-2](protokoll.tabeller/12-2.csv)
|  | Ersätter | Ja | Nej | Avstår |
| --- | --- | --- | --- | --- |
| Emanuel Forsell (M) |  | X |  |  |
| Johan Tolinsson (S) |  |  | X |  |
\fBeslutet skickas till
Kommunstyrelsens arbetsutskott/budgetberedning
Expedierat/bestyrkt
[Tabell 13-1](protokoll.tabeller/13-1.csv)
| Ulrika Nyhlén (M) | Per Stenberg (M) | X |  |  |
| --- | --- | --- | --- | --- |
| Anna-Karin Granberg<br>(SD) |  |  |  | X |
| Susanne Andersson<br>(SD) |  |  |  | X |
| Evelyn Orest (KD) | Jenny Thorbjörnsson<br>(KD) | X |  |  |
| Jan-Christer Jansson<br>(V) |  |  | X |  |
"""
FG_8_ROLL = [("Emanuel Forsell", "M", "ja"), ("Johan Tolinsson", "S", "nej"), ("Ulrika Nyhlén", "M", "ja"),
             ("Anna-Karin Granberg", "SD", "avstar"), ("Susanne Andersson", "SD", "avstar"),
             ("Evelyn Orest", "KD", "ja"), ("Jan-Christer Jansson", "V", "nej")]


def test_markdown_line_breaks_in_table_cells_are_spaces(tmp_path):
    """"| Anna-Karin Granberg<br>(SD) |": the member is Anna-Karin Granberg of SD (the <br> was
    kept in her name), in a PDF rendered from the export as in a text."""
    pdf = render_pdf(FG_8.replace("\f", ""), tmp_path / "fg.pdf", page_marker=r"^Beslutet skickas till$")
    doc = read_document(pdf, ocr=False)
    assert len(doc.pages) == 2
    for d in (doc, make_doc(FG_8, items=True)):
        (v,) = find_votes(d)
        assert (v.item, v.yes, v.no, v.abstain) == ("§ 8", 3, 2, 2)
        assert [(e.name, e.party, e.vote) for e in v.roll_call] == FG_8_ROLL and v.note is None


def test_a_slip_in_the_result_sentence_gives_way_to_the_list_its_rows_bear_out(tmp_path):
    """Lomma KF 2025-01-30 § 6 writes "Ja: 20, Nej: 5." over a list whose Resultat box and 45
    rows both say 40 ja: the list's counts stand, and the note keeps the sentence's."""
    slipped = GBG.replace("med 4 Ja mot 2 Nej", "med 2 Ja mot 2 Nej")
    doc = read_document(render_pdf(slipped, tmp_path / "kf.pdf", page_marker=r"^(?:§ \d|Bilaga \d)"))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 9", 4, 2, 1)
    assert v.note == ("the result sentence says 2 ja, 2 nej; the list's result and its members' votes "
                      "say 4 ja, 2 nej")
    assert [(e.name, e.vote) for e in v.roll_call] == [(n, vote) for n, _p, vote, _r, _note in GBG_ROLL]


def test_a_list_that_disagrees_with_its_own_rows_does_not_outweigh_the_sentence():
    doc = make_doc(BUN_TEXT.replace("Med 6 ja-röster och 7 nej-röster", "Med 5 ja-röster och 8 nej-röster"),
                   items=True, tables={2: [_bun_table(("7", "6", "0"))]})
    (v,) = find_votes(doc)
    assert (v.yes, v.no) == (5, 8) and v.note.startswith("the roll call counts 6 ja, 7 nej")


def test_goteborg_bilaga_whose_absent_count_is_read_among_its_rows(tmp_path):
    """KF 2024-08-22's bilaga 13 as its text layer reads: "Antal Frånv: 0" is not with the other
    counts above the list but after its first rows, between the column heads "Plats" and
    "Resultat"; "Funktion" stands between "Antal Avstår" and "Antal Kvittade". The vote named no
    absent members; the count is the list's own, wherever on its page the line is read."""
    text = (GBG.replace("Antal Frånv: 1\n", "").replace("Antal Kvittade: 1\n", "Funktion\nAntal Kvittade: 1\n")
            .replace("Plats\nFunktion\nResultat\n", "Plats\nAntal Frånv: 1\nResultat\n"))
    doc = read_document(render_pdf(text, tmp_path / "kf.pdf", page_marker=r"^(?:§ \d|Bilaga \d)"))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain, v.absent) == ("§ 9", 4, 2, 1, 2)
    assert [(e.name, e.vote) for e in v.roll_call] == [(n, c) for n, _p, c, _r, _x in GBG_ROLL]


def test_a_list_that_writes_a_members_full_name_keeps_it(tmp_path):
    """KF 2024-08-22's lists write "Lena Lindström Olinder" where a § names "Lena Olinder (M)":
    the roll call said "Lena Olinder", a form the list on the page does not show. A list that
    writes the name in full and in the document's order keeps its own form; one written surname
    first still reads as the document writes it."""
    text = GBG.replace("Omröstning\n", "Yrkanden\nRobert Hammarstrand (S) och Emma Altenhammar (SD) yrkar "
                       "bifall till kommunstyrelsens förslag.\nOmröstning\n", 1)
    doc = read_document(render_pdf(text, tmp_path / "kf.pdf", page_marker=r"^(?:§ \d|Bilaga \d)"))
    (v,) = extract_document(doc).votes
    names = [e.name for e in v.roll_call]
    assert "Robert Andersson Hammarstrand" in names and "Robert Hammarstrand" not in names, names
    assert "Emma Altenhammar" in names and "Altenhammar, Emma" not in names, names


# ---- a list whose Ja and Nej stand opposite to the § beslutsgång ---------------------------------

# (name, party, role, side): "motion" = for the motion (the beslutsgång's Ja), "KS" = for the
# kommunstyrelse's proposal (Nej); the list prints the KS side under Ja and the motion's under Nej
_REVERSED_MEMBERS = [("Anna Ek", "S", "ledamot", "KS"), ("Bo Berg", "M", "ledamot", "motion"),
                     ("Cia Dahl", "S", "ledamot", "KS"), ("Dan Holm", "SD", "ledamot", "motion"),
                     ("Eva Lind", "V", "ersättare", "KS")]


def _reversed_list_pdf(path: Path) -> Path:
    """A Meetings Plus extract as Alingsås KF 2026-05-06 § 92 prints it: the § text's
    beslutsgång makes Ja the motion's side and says 'Med 2 ja-röster och 3 nej-röster', the
    Voteringslista on the next page puts the 3 under Ja and ends 'Resultat 3 2 0'."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)

    def head() -> None:
        c.setFont("Helvetica", 10)
        for i, line in enumerate(("Kommunfullmäktige", "Protokoll", "", "2026-05-06")):
            c.drawString(330, 800 - 12 * i, line)

    head()
    y = 730
    for text, bold in (("§ 5 2026.100 KS", True), ("Svar på motion om fler parkbänkar - Bo Berg (M)", True),
                       ("Omröstning", True), ("Omröstning begärs.", False),
                       ("Följande beslutsgång godkänns:", False),
                       ("Ja-röst för bifall till Bo Bergs förslag att bifalla motionen.", False),
                       ("Nej-röst för bifall till kommunstyrelsens förslag att anse motionen besvarad.", False),
                       ("Omröstningsresultat", True),
                       ("Med 2 ja-röster och 3 nej-röster finner ordföranden att kommunfullmäktige beslutar", False),
                       ("att motionen ska anses besvarad.", False),
                       ("Omröstningsresultatet finns i slutet av paragrafen.", False),
                       ("Beslut", True), ("Motionen anses besvarad.", False)):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
        c.drawString(70, y, text)
        y -= 18
    c.setFont("Helvetica", 8)
    c.drawString(280, 40, "Sida 1 av 2")
    c.showPage()
    head()
    c.setFont("Helvetica-Bold", 11)
    c.drawString(70, 730, "Voteringslista: §5")
    c.setFont("Helvetica", 10)
    c.drawString(70, 712, "Ärende: Svar på motion om fler parkbänkar - Bo Berg (M), 2026.100 KS")
    c.drawString(70, 690, "Omröstning gällande fler parkbänkar")
    xs = (70, 380, 440, 490, 525)  # Ledamot | Ja | Nej | Avstår, ruled like the real list
    rows = [("Ledamot", "Ja", "Nej", "Avstår")]
    rows += [(f"{n} ({p}), {r}", "X" if side == "KS" else "", "X" if side == "motion" else "", "")
             for n, p, r, side in _REVERSED_MEMBERS]
    rows.append(("Resultat", "3", "2", "0"))
    top, h = 670, 16
    for i, row in enumerate(rows):
        c.line(xs[0], top - i * h, xs[-1], top - i * h)
        for j, cell in enumerate(row):
            c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 10)
            c.drawString(xs[j] + 3, top - i * h - 12, cell)
    bottom = top - len(rows) * h
    c.line(xs[0], bottom, xs[-1], bottom)
    for x in xs:
        c.line(x, top, x, bottom)
    c.setFont("Helvetica", 8)
    c.drawString(280, 40, "Sida 2 av 2")
    c.showPage()
    c.save()
    return path


def test_a_list_with_ja_and_nej_the_other_way_round_follows_the_paragraphs_beslutsgang(tmp_path):
    """Alingsås KF 2026-05-06 § 92: the sentence says 20 ja (for the motion) and 26 nej, the list
    and its rows 26 under Ja and 20 under Nej. Both count the same two sides; the decision
    ('Motionen anses besvarad') is the sentence's Nej. The vote keeps the stated result, each
    member's vote is read in the beslutsgång's terms with the column the list prints it under,
    and the note says that the list is the other way round (it was 26-20 with the members as
    printed, against the decision)."""
    doc = read_document(_reversed_list_pdf(tmp_path / "kf.pdf"))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 5", 2, 3, 0)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        (n, p, "ja" if side == "motion" else "nej") for n, p, _r, side in _REVERSED_MEMBERS]
    assert [e.note for e in v.roll_call] == ["Ja in the list", "Nej in the list", "Ja in the list",
                                             "Nej in the list", "Ja in the list"]
    assert v.note == ("the list prints ja and nej the other way round: its result and its members' votes "
                      "say 3 ja, 2 nej where the result sentence says 2 ja, 3 nej; the members' votes "
                      "follow the result sentence")


def test_a_tie_is_never_read_as_a_list_the_other_way_round():
    """22-22 in the sentence and 22-22 under the list: the same either way, nothing swapped."""
    rows = [("Ledamot", "Ja", "Nej", "Avstår"), ("Anna Ek (S), ledamot", "X", "", ""),
            ("Bo Berg (M), ledamot", "", "X", ""), ("Resultat", "1", "1", "0")]
    text = BUN_TEXT.replace("Med 6 ja-röster och 7 nej-röster", "Med 1 ja-röster och 1 nej-röster")
    (v,) = find_votes(make_doc(text, items=True, tables={2: [Table(2, tuple(rows))]}))
    assert (v.yes, v.no) == (1, 1) and [e.vote for e in v.roll_call] == ["ja", "nej"] and v.note is None
