"""Lomma BUN 2024-02-06 § 11 (an excerpt, drawn with reportlab): two voteringar in one §, each
with an X-mark list whose marks stand on every other member's line and below 'Totalt', a member
line whose party lost its opening bracket ('Leslie Qvandrup M)'), a totals row of Ja and Nej
only, and result lines written 'Ja: 4, Nej 7' and 'Ja:2, Nej: 9'."""

from __future__ import annotations

from pathlib import Path

from test_structure_templates import draw

from namndkoll.extract import extract_document
from namndkoll.ingest import read_document

JA, NEJ, AVST = 230, 330, 430
LIST = [("Thomas Eneström (S)", "Thomas Eneström", "S"), ("Jonna Tingberg (M)", "Jonna Tingberg", "M"),
        ("Leslie Qvandrup M)", "Leslie Qvandrup", "M"), ("Camilla Cronsjö (M)", "Camilla Cronsjö", "M"),
        ("Janina Petersson (M)", "Janina Petersson", "M"), ("Tina Falk (M)", "Tina Falk", "M"),
        ("Gun Larsson (L)", "Gun Larsson", "L"), ("Pär Tufvesson (L)", "Pär Tufvesson", "L"),
        ("Eva Neterlid (S)", "Eva Neterlid", "S"), ("Ulf Richeberg (FB)", "Ulf Richeberg", "FB"),
        ("Natalia Engstedt (SD)", "Natalia Engstedt", "SD")]
VOTES_1 = ["ja", "nej", "nej", "nej", "nej", "nej", "nej", "nej", "ja", "ja", "ja"]
VOTES_2 = ["nej"] * 9 + ["ja", "ja"]
X = {"ja": JA, "nej": NEJ}


def _list_rows(y: float, votes: list[str], *, totals: bool = True) -> list[tuple]:
    """The list as the text layer has it: the k-th mark half a row below the k-th member, so the
    marks stand on the 2nd, 4th, … member's line, on 'Totalt' and on lines of their own below."""
    rows: list[tuple] = [(45, y, "Ledamot/tjänstgörande ersätare"), (JA, y, "Ja"), (NEJ, y, "Nej"),
                         (AVST, y, "Avstår")]
    for k, (cell, _, _) in enumerate(LIST):
        rows.append((45, y + 12 * (k + 1), cell))
    rows.append((45, y + 12 * (len(LIST) + 1), "Totalt"))
    for k, v in enumerate(votes):  # mark k on row k + 1 (the member after its own)
        rows.append((X[v], y + 12 * (k + 2), "X"))
    end = y + 12 * (len(votes) + 3)
    if totals:
        rows += [(JA, end, str(votes.count("ja"))), (NEJ, end, str(votes.count("nej")))]
    return rows


def _pdf(tmp_path: Path, *, totals: bool = True) -> Path:
    first = [(40, 40, "BUN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 55, "Sida 17 av 20"),
             (40, 90, "BUN § 11"), (330, 90, "BUN/2024:39"),
             (40, 110, "Nämndinitiativ från Ulf Richeberg (FB) avseende stängning/pausning av intag till F-"),
             (40, 122, "klasser HT 2024"),
             (40, 145, "Votering begärs och följande voteringsproposition godkänns:"),
             (40, 160, "Den som önskar bifalla yrkandet röstar ja, och den som önskar avslå det röstar nej."),
             (40, 175, "Voteringen utfaller enligt följande:"), (40, 190, "Ja: 4, Nej 7"),
             *_list_rows(210, VOTES_1, totals=totals),
             (40, 430, "2:e vice ordföranden ställer därefter proposition på frågan om bifall respektive avslag på Ulf"),
             (40, 442, "Richebergs (FB) och Natalia Engstedts (SD) yrkande att beslutet att pausa förskoleklassintag")]
    second = [(40, 40, "BUN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 55, "Sida 18 av 20"),
              (40, 90, "Votering begärs och följande voteringsproposition godkänns:"),
              (40, 105, "Den som önskar bifalla yrkandet röstar ja, och den som önskar avslå det röstar nej."),
              (40, 120, "Votering utfaller enligt följande:"), (40, 135, "Ja:2, Nej: 9"),
              *_list_rows(155, VOTES_2, totals=totals),
              (40, 430, "2:e vice ordföranden ställer därefter proposition på frågan om bifall respektive avslag.")]
    return draw(tmp_path / "bun.pdf", [first, second])


def test_a_member_line_missing_a_bracket_does_not_end_the_list(tmp_path):
    """'Leslie Qvandrup M)' is the list's third member: read as one, the list keeps its eleven
    members and its eleven marks, read in row order, give the stated 4-7."""
    votes = extract_document(read_document(_pdf(tmp_path))).votes
    first = votes[0]
    assert (first.item, first.yes, first.no) == ("§ 11", 4, 7)
    assert [(e.name, e.party, e.vote) for e in first.roll_call] == [
        (n, p, v) for (_, n, p), v in zip(LIST, VOTES_1, strict=True)]


def test_a_result_without_a_space_after_its_colon_is_a_vote(tmp_path):
    """'Ja:2, Nej: 9' is the second votering's result, joined to its list."""
    votes = extract_document(read_document(_pdf(tmp_path))).votes
    assert [(v.item, v.yes, v.no) for v in votes] == [("§ 11", 4, 7), ("§ 11", 2, 9)]
    second = votes[1]
    assert [(e.name, e.vote) for e in second.roll_call] == [
        (n, v) for (_, n, _), v in zip(LIST, VOTES_2, strict=True)]


def test_a_list_without_its_totals_row_is_read_against_the_result_stated_above_it(tmp_path):
    """Without the '4  7' row only two of the three columns are marked and nothing in the list
    tells Ja from Nej or Avstår: the § text's 'Ja: 4, Nej 7' just above it does, and the row-order
    reading must give exactly those counts."""
    votes = extract_document(read_document(_pdf(tmp_path, totals=False))).votes
    assert [(v.item, v.yes, v.no) for v in votes] == [("§ 11", 4, 7), ("§ 11", 2, 9)]
    assert [e.vote for e in votes[0].roll_call] == VOTES_1
    assert [e.vote for e in votes[1].roll_call] == VOTES_2


def test_a_stated_zero_abstentions_is_kept(tmp_path):
    """'Ja: 6, Nej: 5, Avstår: 0': the vote says 0 abstained, not 'not stated'."""
    page = [(40, 40, "SOCIALNÄMNDEN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (40, 90, "SN § 29"),
            (40, 110, "Yttrande över remiss"), (40, 140, "Votering begärs och följande voteringsproposition"),
            (40, 152, "godkänns: den som bifaller ordförandens yrkande röstar ja, den som bifaller"),
            (40, 164, "Bo Nors (F) yrkande röstar nej. Voteringen utfaller enligt följande:"),
            (40, 180, "Ja: 6, Nej: 5, Avstår: 0")]
    (v,) = extract_document(read_document(draw(tmp_path / "sn.pdf", [page]))).votes
    assert (v.item, v.yes, v.no, v.abstain) == ("§ 29", 6, 5, 0)


def test_a_comma_inside_a_members_party_bracket_still_names_the_party(tmp_path):
    """'Ulf Richeberg (FB,) Thomas Eneström (S), Natalia Engstedt (SD) yrkar …': FB is one of the
    yrkande's parties."""
    lines = [
        "BUN § 11                            BUN/2024:39",
        "Nämndinitiativ från Ulf Richeberg (FB) avseende stängning/pausning av intag till F-",
        "klasser HT 2024", "Ärendebeskrivning",
        "2024-01-22 inkom ett nämndinitiativ där Fokus Bjärred lämnar fyra yrkanden.",
        "Yrkande 1: FB yrkar att skolvalet görs om med f-klasser på Löddesnäs och Pilängskolan som möjliga",
        "val.", "Beslutsunderlag", "    - Nämndinitiativ från Fokus Bjärred, inkom 2024-01-22", "Överläggning",
        "Ulf Richeberg (FB,) Thomas Eneström (S), Natalia Engstedt (SD) yrkar att beslutet att pausa",
        "förskoleklassintag i Bjärred upphävs.",
        "Leslie Qvandrup (M) yrkar att samtliga Ulf Richebergs (FB)och Thomas Eneströms (S) yrkanden avslås.",
        "Reservation",
        # the protocol's own slip, which leaves the member's party in doubt, so the bracket must say it
        "Skriftlig reservation har inkommit från Ulf Richeberg (SD) gällande att-sats nummer 1 och 2."]
    page = [(40, 40, "BUN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"),
            *[(40, 90 + 14 * k, t) for k, t in enumerate(lines)]]
    ext = extract_document(read_document(draw(tmp_path / "bun.pdf", [page])))
    yrk = [p for p in ext.positions if p.kind == "yrkande" and "Bjärred upphävs" in p.text]
    assert yrk and set(yrk[0].parties) == {"FB", "S", "SD"}
