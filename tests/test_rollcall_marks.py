"""Vote lists set as text with a mark under Ja / Nej / Avstår (NetPublicator's Voteringsprotokoll,
as in Lomma's protocols): no ruling lines, the choice only visible from the mark's x-position,
and marks that often stand half a row below their members. Drawn with reportlab."""

from __future__ import annotations

from pathlib import Path

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

JA, NEJ, AVST = 200, 240, 280  # the columns' x (the header words stand there too)
MEMBERS = [("Jens Thystrup", "M"), ("Christer Philipson", "KD"), ("Pia Johnson", "S"), ("Ingrid Strömgren", "M"),
           ("Anna Ericson", "M"), ("Ida Alm", "L"), ("Christian Wennerberg", "S"), ("Oscar Sedira", "SD")]
VOTES = ["ja", "ja", "avstar", "ja", "ja", "nej", "avstar", "ja"]
X = {"ja": JA, "nej": NEJ, "avstar": AVST}


def _item_page(list_rows: list[tuple]) -> list[tuple]:
    return [(40, 40, "SOCIALNÄMNDEN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 55, "2025-12-09"),
            (40, 90, "SN § 92"), (330, 90, "SN/2025:110"),
            (40, 110, "Nämndsbudget för socialnämnden år 2026"),
            (40, 135, "Yrkanden"),
            (40, 150, "Ordförande Jens Thystrup (M) yrkar bifall till arbetsutskottets förslag till beslut."),
            (40, 165, "Ida Alm (L) yrkar avslag till liggande budgetförslag till förmån för eget yrkande."),
            (40, 185, "Beslutsgång"),
            (40, 200, "Votering begärs. De som röstar enligt ordförandens yrkande röstar ja, de som röstar"),
            (40, 212, "enligt Ida Alms yrkande röstar nej."),
            (40, 240, "Voteringsprotokoll"), (JA, 240, "Ja"), (NEJ, 240, "Nej"), (AVST, 240, "Avstår"),
            (45, 255, "Ledamot/tjänstgörande ersättare"), *list_rows]


def _aligned(tmp_path: Path, votes: list[str]) -> Path:
    rows: list[tuple] = []
    y = 270
    for (name, party), v in zip(MEMBERS, votes, strict=True):
        rows.append((45, y, f"{name} ({party})"))
        if v:
            rows.append((X[v], y, "x"))
        y += 12
    rows += [(45, y, "Totalt"), (JA, y + 14, str(votes.count("ja"))), (NEJ, y + 14, str(votes.count("nej"))),
             (AVST, y + 14, str(votes.count("avstar"))),
             (40, y + 40, "Ordföranden konstaterar att socialnämnden beslutar enligt eget yrkande.")]
    return draw(tmp_path / "sn.pdf", [_item_page(rows)])


def test_marks_on_their_members_lines(tmp_path):
    doc = read_document(_aligned(tmp_path, VOTES))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 92", 5, 1, 2)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        (n, p, c) for (n, p), c in zip(MEMBERS, VOTES, strict=True)]
    assert v.note is None


def test_a_member_without_a_mark_is_absent(tmp_path):
    votes = VOTES[:-1] + [""]
    doc = read_document(_aligned(tmp_path, votes))
    (v,) = extract_document(doc).votes
    assert (v.yes, v.no, v.abstain) == (4, 1, 2)
    assert (v.roll_call[-1].name, v.roll_call[-1].vote, v.roll_call[-1].note) == ("Oscar Sedira", "franvarande",
                                                                                  "no mark")


def _offset_pages(tmp_path: Path, votes: list[str], total: tuple[str, ...]) -> Path:
    """A list inserted as a bilaga over two pages, each mark set half a row below its member, so
    that every other mark stands on a line of its own (as the text layer of Lomma's lists reads)."""
    pages = []
    halves = [(MEMBERS[:5], votes[:5]), (MEMBERS[5:], votes[5:])]
    for k, (members, vs) in enumerate(halves):
        head = "Kommunfullmäktige:"
        rows: list[tuple] = [(40, 34, head + (" Bilaga KF § 34/26" if k == 0 else "")),
                             (40, 55, "Voteringsprotokoll"), (JA, 55 if k == 0 else 34, "Ja"),
                             (NEJ, 55 if k == 0 else 34, "Nej"), (AVST, 55 if k == 0 else 34, "Avstår"),
                             (45, 76, "Ledamot/tjänstgörande ersättare")]
        y = 90.0
        for (name, party), v in zip(members, vs, strict=True):
            rows.append((45, y, f"{name} ({party})"))
            rows.append((X[v], y + 10, "X"))  # half a row lower than its member
            y += 20
        if k == 1:  # the total under the list's last page
            rows.append((45, y, "Totalt"))
            rows += [(x, y + 40, t) for x, t in zip((JA, NEJ, AVST), total, strict=False)]
        pages.append(rows)
    before = [(40, 40, "KOMMUNFULLMÄKTIGE"), (40, 90, "KF § 34"), (330, 90, "KS KF/2026:20"),
              (40, 110, "Årsredovisning 2025 för Lomma kommun"),
              (40, 140, "Votering begärs. Den som bifaller Robert Wengléns yrkande röstar ja, den som"),
              (40, 152, "bifaller Per Bengtssons yrkande röstar nej. Voteringen utfaller enligt följande:"),
              (40, 170, f"Ja: {votes.count('ja')}, Nej: {votes.count('nej')}."),
              (40, 190, "Kommunfullmäktige beslutar att godkänna årsredovisningen.")]
    return draw(tmp_path / "kf.pdf", [before, *pages])


def test_marks_half_a_row_low_are_read_in_row_order_when_the_counts_confirm_it(tmp_path):
    votes = ["ja", "ja", "nej", "ja", "nej", "nej", "ja", "nej"]
    doc = read_document(_offset_pages(tmp_path, votes, ("4", "4")))
    (v,) = extract_document(doc).votes  # the bilaga's list is the vote of § 34, not a second vote
    assert (v.item, v.yes, v.no) == ("§ 34", 4, 4)
    assert [(e.name, e.vote) for e in v.roll_call] == [(n, c) for (n, _), c in zip(MEMBERS, votes, strict=True)]
    assert {e.page for e in v.roll_call} == {2, 3}
    assert all(e.note == "mark read in row order" for e in v.roll_call)


def test_an_order_reading_the_counts_contradict_gives_no_member_votes(tmp_path):
    votes = ["ja", "ja", "nej", "ja", "nej", "nej", "ja", "nej"]
    # the list's total says 5-3 while its marks, read in order, give 4-4: nobody's vote is guessed
    doc = read_document(_offset_pages(tmp_path, votes, ("5", "3")))
    votes_found = extract_document(doc).votes
    assert all(not v.roll_call for v in votes_found)
    assert ("§ 34", 4, 4) in {(v.item, v.yes, v.no) for v in votes_found}


def _header_on_a_member_line(tmp_path: Path, votes: list[str], stated: tuple[int, int, int]) -> Path:
    """Lomma SN 2025-10-07's list: the text layer sets the "Ja Nej Avstår" header on the second
    member's line ("Christer Philipson (KD)   Ja   Nej   Avstår"), the first member above it, and
    the marks out of step with the members: the k-th mark on the (2k+3)-th member's line, then one
    on "Totalt" and the rest on lines of their own after it."""
    rows: list[tuple] = [(40, 34, "SOCIALNÄMNDEN"), (330, 34, "SAMMANTRÄDESPROTOKOLL"),
                         (40, 55, "Voteringsprotokoll"), (45, 76, "Ledamot/tjänstgörande ersättare")]
    y = 90.0
    marks = iter(votes)
    for k, (name, party) in enumerate(MEMBERS):
        rows.append((45, y, f"{name} ({party})"))
        if k == 1:
            rows += [(JA, y, "Ja"), (NEJ, y, "Nej"), (AVST, y, "Avstår")]
        if k >= 3 and k % 2 == 1:
            rows.append((X[next(marks)], y, "x"))
        y += 12
    rows += [(45, y, "Totalt"), (X[next(marks)], y, "x")]
    for v in marks:
        y += 14
        rows.append((X[v], y, "x"))
    rows += [(x, y + 20, str(n)) for x, n in zip((JA, NEJ, AVST), stated, strict=True)]
    before = [(40, 34, "SOCIALNÄMNDEN"), (40, 90, "SN § 82"), (330, 90, "SN/2025:231"),
              (40, 110, "Nämndinitiativ från Ida Alm (L) om uppföljning av färdtjänst"),
              (40, 140, "Votering begärs. Den som bifaller ordförandes yrkande röstar ja, den som avser"),
              (40, 152, "bifalla Ida Alms (L) yrkande röstar nej. Voteringen utfaller enligt följande:"),
              (40, 170, f"Ja: {votes.count('ja')}, Nej: {votes.count('nej')}")]
    return draw(tmp_path / "sn82.pdf", [before, rows])


def test_a_header_set_on_a_members_line_still_starts_the_list(tmp_path):
    votes = ["ja", "ja", "nej", "ja", "ja", "nej", "nej", "ja"]
    doc = read_document(_header_on_a_member_line(tmp_path, votes, (5, 3, 0)))
    (v,) = extract_document(doc).votes  # the list's counts complete the § text's, not a second vote
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 82", 5, 3, 0)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        (n, p, c) for (n, p), c in zip(MEMBERS, votes, strict=True)]


def _upprop_pdf(tmp_path: Path) -> Path:
    """Lomma BUN 2025-05-20 § 41 as its text layer sets it: an 'Upprops- och voteringslista'
    (surname first, the role, the party code bare), the header 'JA NEJ AVSTÅR' on the first
    member's line beside the serving substitutes' column, the marks half a row below; the
    attendance page names who served for whom."""
    ja, nej, avst = 430, 468, 526
    attendance = [(40, 40, "BARN- OCH UTBILDNINGSNÄMNDEN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"),
                  (40, 58, "Beslutande"), (40, 70, "Fredrik Karström (M), ordförande"),
                  (40, 82, "Michelle Vithal Bergström (KD)"), (40, 94, "Amy Bergstrand (C)"),
                  (40, 106, "Thomas Eneström (S), 2:e vice ordförande"), (40, 118, "Ulf Richeberg (F)"),
                  (40, 130, "Natalia Engstedt (SD)"), (40, 142, "Ulrika Ek (F)"),
                  (40, 160, "Tjänstgörande ersättare"),
                  (40, 172, "Camilla Cronsjö (M) för Michelle Vithal Bergström (KD), § 41"),
                  (40, 200, "BUN § 41"), (330, 200, "BUN/2025:12"),
                  (40, 215, "Grundskolans organisation"), (40, 235, "Beslutsgång"),
                  (40, 250, "Votering begärs och genomförs. Ja 4, Nej 2, Avstår 1.")]
    rows = [("Karström Fredrik, Ordförande M", "Cronsjö Camilla, Ersättare M"),
            ("Eneström Thomas, 2:e vice ordförande S", None), ("Vithal Bergström Michelle KD", None),
            ("Bergstrand Amy, Ledamot C", None), ("Ek Ulrika, Ledamot F", None),
            ("Richeberg Ulf, Ledamot F", None), ("Engstedt Natalia, Ledamot SD", None)]
    # the k-th mark is the k-th row's, but set half a row lower: rows 2.. carry the marks of 1..
    marks = [ja, nej, ja, ja, avst, ja, nej]
    page = [(40, 40, "Upprops- och voteringslista"), (400, 40, "BUN 2025-05-20"), (400, 52, "Bilaga A §41/25"),
            (40, 70, "Datum: 2025-05-20"), (250, 70, "Tjänstgörande ers."), (400, 70, "Ärende nr"),
            (ja - 6, 90, "JA"), (nej - 10, 90, "NEJ"), (avst - 26, 90, "AVSTÅR")]
    y = 90
    for k, (who, sub) in enumerate(rows):
        page.append((40, y, who))
        if sub:
            page.append((250, y, sub))
        if k:
            page.append((marks[k - 1] - 5, y, "X"))
        y += 12
    page.append((marks[-1] - 5, y, "X"))
    return draw(tmp_path / "bun.pdf", [attendance, page])


def test_an_upprops_och_voteringslista_with_substitutes_and_surnames_first(tmp_path):
    doc = read_document(_upprop_pdf(tmp_path))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 41", 4, 2, 1)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        ("Fredrik Karström", "M", "ja"), ("Thomas Eneström", "S", "nej"),
        ("Camilla Cronsjö", "M", "ja"),  # in the seat of Michelle Vithal Bergström, for § 41
        ("Amy Bergstrand", "C", "ja"), ("Ulrika Ek", "F", "avstar"), ("Ulf Richeberg", "F", "ja"),
        ("Natalia Engstedt", "SD", "nej")]
    sub = v.roll_call[2]
    assert sub.role == "tjänstgörande ersättare" and "Michelle Vithal Bergström" in (sub.note or "")


def _list_page(head: str, votes: list[str], *, off: dict[int, float] | None = None) -> list[tuple]:
    """A one-page "Voteringsprotokoll" under ``head``, each mark on its member's line (``off``:
    the x of a mark set off its column, by member index), closed by the list's own totals."""
    rows: list[tuple] = [(40, 34, head), (40, 55, "Voteringsprotokoll"), (JA, 55, "Ja"), (NEJ, 55, "Nej"),
                         (AVST, 55, "Avstår"), (45, 76, "Ledamot/tjänstgörande ersättare")]
    y = 90.0
    for k, ((name, party), v) in enumerate(zip(MEMBERS, votes, strict=True)):
        rows += [(45, y, f"{name} ({party})"), ((off or {}).get(k, X[v]), y, "x")]
        y += 12
    rows += [(45, y, "Totalt")]
    rows += [(x, y + 14, str(votes.count(c))) for x, c in zip((JA, NEJ, AVST), ("ja", "nej", "avstar"), strict=True)]
    return rows


def test_a_mark_set_off_its_column_counts_for_the_column_the_lists_totals_give_it(tmp_path):
    """Lomma SN 2025-06-10: one lower-case x stands a little left of the Nej column's upper-case
    X, so the marks' x-positions make three groups though only Ja and Nej are marked; the list's
    totals ("6 5 0" there, "5 3 0" here) say the off mark is a Nej, not an Avstår."""
    votes = ["ja", "ja", "nej", "ja", "ja", "nej", "nej", "ja"]
    before = [(40, 34, "SOCIALNÄMNDEN"), (40, 90, "SN § 56"), (330, 90, "SN/2025:145"),
              (40, 110, "Analys- och kvalitetsrapport 2026-2029 för socialnämnden"),
              (40, 140, "Ida Alm (L) begär votering och följande voteringsproposition godkännes: Den som"),
              (40, 152, "avser att bifalla ordförandes yrkande röstar ja, den som avser bifalla Ida Alms (L)"),
              (40, 164, "yrkande röstar nej. Voteringen utfaller enligt följande:"), (40, 180, "Ja: 5, Nej: 3")]
    pdf = draw(tmp_path / "sn56.pdf", [before, _list_page("SOCIALNÄMNDEN", votes, off={2: NEJ - 12})])
    (v,) = extract_document(read_document(pdf)).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 56", 5, 3, 0)
    assert [(e.name, e.vote) for e in v.roll_call] == [(n, c) for (n, _), c in zip(MEMBERS, votes, strict=True)]


def test_two_lists_of_one_item_join_its_two_votes_in_order(tmp_path):
    """Lomma KF 2025-10-16 § 76: two voteringar in one § (whether to decide the matter today,
    then the matter), each with its list inserted pages later as "Bilaga A KF § 76" and "Bilaga
    B KF § 76" (a letter and the body's code before the §); both lists have the same totals."""
    votes_a = ["ja", "ja", "nej", "ja", "ja", "nej", "nej", "ja"]
    votes_b = ["nej", "ja", "ja", "ja", "nej", "ja", "nej", "ja"]
    p1 = [(40, 34, "KOMMUNFULLMÄKTIGE"), (40, 90, "KF § 76"), (330, 90, "KS KF/2024:344"),
          (40, 110, "Beslut om grundskoleorganisationen - södra kommundelen"),
          (40, 140, "Votering begärs och följande voteringsproposition godkänns: Den som önskar avgöra"),
          (40, 152, "ärendet vid dagens sammanträde röstar ja och den som önskar bordlägga ärendet röstar nej."),
          (40, 164, "Voteringen utfaller enligt följande, vilket närmare framgår av bifogad voteringslista."),
          (40, 176, "Bilaga A"), (40, 188, "Ja: 5, Nej: 3.")]
    p2 = [(40, 34, "KOMMUNFULLMÄKTIGE"),
          (40, 60, "Votering begärs och följande voteringsproposition godkänns: Den som önskar bifalla"),
          (40, 72, "Fredrik Karströms yrkande röstar ja och den som önskar bifalla Per Bengtssons röstar nej."),
          (40, 84, "Voteringen utfaller enligt följande, vilket närmare framgår av bifogad voteringslista."),
          (40, 96, "Bilaga B"), (40, 108, "Ja: 5, Nej: 3."),
          (40, 130, "Kommunfullmäktige beslutar att Strandskolan ska stängas till hösten 2026.")]
    p3 = [(40, 34, "KOMMUNFULLMÄKTIGE"), (40, 60, "Beslutet expedieras till:"), (40, 72, "Barn- och utbildningsnämnden")]
    pdf = draw(tmp_path / "kf76.pdf", [p1, p2, p3, p3,
                                       _list_page("Kommunfullmäktige: Bilaga A KF § 76", votes_a),
                                       _list_page("Kommunfullmäktige: Bilaga B KF § 76", votes_b)])
    found = extract_document(read_document(pdf)).votes
    assert [(v.item, v.yes, v.no, v.page) for v in found] == [("§ 76", 5, 3, 1), ("§ 76", 5, 3, 2)]
    assert [e.vote for e in found[0].roll_call] == votes_a
    assert [e.vote for e in found[1].roll_call] == votes_b


def _layout_pdf(path: Path, lines: list[str]) -> Path:
    """A pdftotext -layout text set line by line in Courier (one text object a line, the columns
    kept by spaces), as the Lomma protocols known only as layout text are rendered for reading."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=True)
    c.setFont("Courier", 8)
    for k, line in enumerate(lines):
        c.drawString(30, 800 - 11 * k, line)
    c.showPage()
    c.save()
    return path


def test_an_e_signing_stamp_on_a_members_row_does_not_end_the_list(tmp_path):
    # Lomma KF 2026-03-12: every page carries "Document reference: 06e5506e-…" far right on one of
    # its lines; inside a Voteringsprotokoll that line is a member's row with its mark
    stamp = "Document reference: 06e5506e-4aca-3831-9424-0f17e3308cdb"
    names = [f"{n} ({p})" for n, p in MEMBERS]
    rows = []
    for k, (who, v) in enumerate(zip(names, VOTES, strict=True)):
        row = f" {who:<32}" + " " * {"ja": 0, "nej": 4, "avstar": 9}[v] + "X"
        rows.append(row + (" " * 20 + stamp if k == 3 else ""))
    lines = ["SOCIALNÄMNDEN                      SAMMANTRÄDESPROTOKOLL", "", "SN § 92", "",
             "Nämndsbudget för socialnämnden år 2026", "",
             "Votering begärs. De som röstar enligt ordförandens yrkande röstar ja, de som röstar",
             "enligt Ida Alms yrkande röstar nej.", "",
             "Voteringsprotokoll                Ja  Nej  Avstår", "",
             " Ledamot/tjänstgörande ersättare", *rows,
             " Totalt", "                                  5   1    2", "",
             "Ordföranden konstaterar att socialnämnden beslutar enligt eget yrkande."]
    doc = read_document(_layout_pdf(tmp_path / "sn.pdf", lines))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 92", 5, 1, 2)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        (n, p, c) for (n, p), c in zip(MEMBERS, VOTES, strict=True)]
