"""NetPublicator's "Voteringsmall" vote form, inserted after a voted § as "Votering #1: Bilaga KF
§ 31/25": a Resultat box (Ja 22 / Nej 10 / Avstår 1 / Totalt 33), then Stol | Namn | Ersätter |
Parti | Val with the seat number glued to the name ("1Robert Wenglén (M)"), the party written out
and the vote as a word. Its text layer sets the columns apart — the names first, the "Parti Val"
cells after them, a substitute's name in between — as Lomma kommunfullmäktige 2025-06-05 reads.
Drawn with reportlab, shortened to eight members over two pages."""

from __future__ import annotations

from pathlib import Path

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.extract.rollcall_seats import seat_form_calls
from namndkoll.ingest import read_document

MEMBERS = [("Robert Wenglén", "M"), ("Bengt Göransson", "M"), ("Per Bengtsson", "S"), ("Marie Sand", "S"),
           ("Sandra Pilemalm", "L"), ("Bo Polsten", "L"), ("Gun Larsson", "-"), ("Jenny Morau", "F")]
SEATS = [1, 2, 19, 22, 27, 28, 29, 41]
VOTES = ["Ja", "Ja", "Nej", "Nej", "Nej", "Avstår", "Ja", "Nej"]
WORD = {"M": "Moderaterna", "S": "Socialdemokraterna", "L": "Liberalerna", "F": "Fokus"}


def _cell(party: str, vote: str, glued: str = "") -> list[tuple]:
    return [(40, 0, "Partitillhörighet"), (40, 12, f"saknas {vote}")] if party == "-" else [
        (40, 0, f"{WORD[party]}{'' if party == glued else ' '}{vote}")]


def _pdf(tmp_path: Path, cells: list[tuple[str, str]], result: tuple[str, str, str, str], *,
         bilaga: str = "Bilaga KF § 31/25", glued: str = "") -> Path:
    before = [(40, 40, "KOMMUNFULLMÄKTIGE"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 52, "Sida 13 av 37"),
              (40, 90, "KF § 31"), (330, 90, "KS KF/2025:35"),
              (40, 110, "Beslut angående fråga om ansvarsfrihet för socialnämnden för 2024"),
              (40, 140, "Votering begärs och följande voteringsproposition godkänns:"),
              (40, 155, "Den som önskar bifalla Bert Larssons m.fl. yrkande röstar ja och den som önskar bifalla Per"),
              (40, 167, "Bengtssons m.fl. yrkande röstar nej."),
              (40, 185, "Voteringen utfaller enligt följande, vilket närmare framgår av till protokollet bifogad"),
              (40, 197, "voteringslista."),
              (40, 215, "Ja: 3, Nej: 4, Avstår: 1."),
              (40, 235, "Ordföranden förklarar att kommunfullmäktige därmed har beslutat i enlighet med Bert"),
              (40, 247, "Larssons m.fl. yrkande.")]
    ja, nej, avst, tot = result
    form = [(40, 40, "Votering #1:"), (330, 40, bilaga), (40, 52, "Voteringsmall KF"),
            (40, 64, "2025-06-05"), (40, 76, "Ärende nr 9 - 7. Beslut angående fråga om ansvarsfrihet"),
            (60, 100, "Resultat"), (60, 115, f"Ja {ja}"), (60, 127, f"Nej {nej}"), (60, 139, f"Avstår {avst}".strip()),
            (60, 151, f"Totalt {tot}"), (40, 175, "Stol Namn Ersätter"),
            (300, 175, "Parti Val")]
    y = 190
    for (name, party), seat in list(zip(MEMBERS, SEATS, strict=True))[:6]:
        form.append((60, y, f"{seat}{name} ({party if party != '-' else '-'})"))
        if seat == 1:
            form.append((200, y, "Susanne Borgelius (M)"))  # the Ersätter column, beside the name
        y += 12
    # the Parti Val cells below the names, as the text layer reads them
    for party, vote in cells[:6]:
        for _, dy, t in _cell(party, vote, glued):
            form.append((300, y + dy, t))
        y += 12 if party != "-" else 24
    rest = [(40, 40, f"{SEATS[6]}{MEMBERS[6][0]} (-)"), (40, 52, f"{SEATS[7]}{MEMBERS[7][0]} (F)")]
    y = 70
    for party, vote in cells[6:]:
        for _, dy, t in _cell(party, vote, glued):
            rest.append((300, y + dy, t))
        y += 12 if party != "-" else 24
    after = [(40, 40, "KOMMUNFULLMÄKTIGE"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 52, "Sida 14 av 37"),
             (40, 90, "KF § 32"), (330, 90, "KS KF/2025:73"), (40, 110, "Beslut om delårsrapport 1"),
             (40, 130, "Kommunfullmäktige beslutar att godkänna delårsrapporten.")]
    return draw(tmp_path / "kf.pdf", [before, form, rest, after])


def test_the_forms_cells_are_its_members_votes_in_reading_order(tmp_path):
    cells = [(p, v) for (_, p), v in zip(MEMBERS, VOTES, strict=True)]
    doc = read_document(_pdf(tmp_path, cells, ("3", "4", "1", "8")))
    (v,) = extract_document(doc).votes  # the form's Resultat box is no second vote
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 31", 3, 4, 1)
    assert [(e.name, e.party, e.vote) for e in v.roll_call] == [
        (n, p, {"Ja": "ja", "Nej": "nej", "Avstår": "avstar"}[c]) for (n, p), c in zip(MEMBERS, VOTES, strict=True)]
    assert {e.page for e in v.roll_call} == {2, 3}
    assert v.note is None


def test_cells_whose_parties_do_not_match_their_members_give_no_member_votes(tmp_path):
    # two cells of the same count but in another order: Sandra Pilemalm's cell says Socialdemokraterna
    cells = [(p, v) for (_, p), v in zip(MEMBERS, VOTES, strict=True)]
    cells[3], cells[4] = cells[4], cells[3]
    doc = read_document(_pdf(tmp_path, cells, ("3", "4", "1", "8")))
    (v,) = extract_document(doc).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 31", 3, 4, 1)
    assert v.roll_call == ()


def test_a_pairing_the_result_box_contradicts_gives_no_member_votes(tmp_path):
    cells = [(p, v) for (_, p), v in zip(MEMBERS, VOTES, strict=True)]
    doc = read_document(_pdf(tmp_path, cells, ("4", "3", "1", "8")))
    (v,) = extract_document(doc).votes  # its counts still make the Resultat box no second vote
    assert (v.item, v.roll_call) == ("§ 31", ())


def test_a_party_word_run_into_its_vote_is_still_a_cell(tmp_path):
    # Lomma KF 2025-04-24: "SverigedemokraternaNej", a party name that fills its cell with no
    # space before the vote; and the form's "Bilaga A KF § 18/25" names its § after a letter
    cells = [(p, v) for (_, p), v in zip(MEMBERS, VOTES, strict=True)]
    pdf = _pdf(tmp_path, cells, ("3", "4", "1", "8"), bilaga="Bilaga A KF § 31/25", glued="S")
    doc = read_document(pdf)
    assert "SocialdemokraternaNej" in doc.text
    (call,) = seat_form_calls(doc, {})
    assert call.item == "§ 31"
    (v,) = extract_document(doc).votes
    assert [(e.name, e.vote) for e in v.roll_call] == [
        (n, {"Ja": "ja", "Nej": "nej", "Avstår": "avstar"}[c]) for (n, _), c in zip(MEMBERS, VOTES, strict=True)]
