"""The roll calls on the web (`/votes`, `/members`, `/blocs` and their JSON under /api) over a
real SQLite corpus in tmp_path: two protocols stored with their extractions, votes whose roll
calls list every member — one roll call that does not add up to the stated result, a name that
two municipalities list (two members), and a "name" that is markup, as a PDF may carry it."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import pytest
from conftest import served

from namndkoll.corpus import opened
from namndkoll.types import (
    Document,
    Extraction,
    Item,
    Metadata,
    Page,
    RollCallEntry,
    Vote,
    with_offsets,
)

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from namndkoll.web.votes import note_heading, own_note, shared_notes, swedish_note

EVIL = "<script>alert(1)</script>"
LOMMA = """§ 5 Skolstruktur i Bjärred
Omröstning begärs och verkställs. Ja för bifall till kommunstyrelsens förslag.
Omröstningen utfaller med 3 Ja mot 2 Nej.
§ 6 Budget 2026
Omröstning begärs och verkställs. Ja för bifall till budgeten.
Omröstningen utfaller med 2 Ja mot 3 Nej."""
ROW = "vote read in row order, party checked"
ALINGSAS = """§ 44 Förskola i Hemsjö
Omröstning begärs och verkställs.
Omröstningen utfaller med 1 Ja mot 2 Nej."""


def _vote(text: str, item: str, said: tuple[int, int], calls: list[tuple[str, ...]],
          proposition: str | None = None, note: str | None = None) -> Vote:
    """A vote at its result sentence in ``text``, with its roll call (listed on page 1); a
    call's fourth element is its entry's note."""
    at = text.index(sentence := f"utfaller med {said[0]} Ja mot {said[1]} Nej")
    return Vote(item, said[0], said[1], 0, None, proposition, 1, at, at + len(sentence), note=note, roll_call=tuple(
        RollCallEntry(c[0], c[1], c[2], "ledamot", 1, note=c[3] if len(c) > 3 else None)  # type: ignore[arg-type]
        for c in calls))


def _docs() -> list[tuple[Document, Extraction]]:
    lomma = Document("lomma-kf-2026-03-12.pdf", "a" * 64, with_offsets([Page(1, LOMMA)]),
                     Metadata("Protokoll", "Lomma", "Kommunfullmäktige", "protokoll", "2026-03-12"),
                     (Item("5", "Skolstruktur i Bjärred", 0, LOMMA.index("§ 6"), 1, 1),
                      Item("6", "Budget 2026", LOMMA.index("§ 6"), len(LOMMA), 1, 1)))
    lomma_votes = Extraction(votes=(
        # every entry read the same way (as the Lomma table reader notes it), one also more
        _vote(LOMMA, "5", (3, 2), [("Anna M", "M", "ja", ROW), ("Bo M", "M", "ja", ROW),
                                   ("Cia C", "C", "ja", ROW + "; FP in the list"),
                                   ("Dan S", "S", "nej", ROW), ("Eva S", "S", "nej", ROW)],
              "Ja för bifall till kommunstyrelsens förslag"),
        # the members add up to 3 ja, 2 nej; the protocol says 2 ja, 3 nej
        _vote(LOMMA, "6", (2, 3), [("Anna M", "M", "nej"), ("Bo M", "M", "ja"), ("Cia C", "C", "nej"),
                                   ("Dan S", "S", "ja"), (EVIL, "S", "ja")],
              note="the roll call counts 3 ja, 2 nej; the result says 2 ja, 3 nej"),
    ))
    alingsas = Document("alingsas-bun-2025-05-20.pdf", "b" * 64, with_offsets([Page(1, ALINGSAS)]),
                        Metadata("Protokoll", "Alingsås", "Barn- och ungdomsnämnden", "protokoll", "2025-05-20"),
                        (Item("44", "Förskola i Hemsjö", 0, len(ALINGSAS), 1, 1),))
    alingsas_votes = Extraction(votes=(
        _vote(ALINGSAS, "44", (1, 2), [("Anna M", "M", "nej"), ("Gun KD", "KD", "nej"),
                                       ("Ola S", "S", "ja"), ("Pia S", "S", "franvarande")]),))
    return [(lomma, lomma_votes), (alingsas, alingsas_votes)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("webvotes") / "corpus.db"
    with opened(db, write=True) as st:
        for doc, ext in _docs():
            with st.transaction():
                st.save_extraction(st.replace_document(doc), doc, ext)
    return db


@pytest.fixture(scope="module")
def client(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("home")
    with served(corpus, home, warm=False) as c:
        yield c


def _rows(html: str) -> list[str]:
    """The vote rows of the /votes table (each vote's roll call is a row of its own)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return re.findall(r'<tr id="v\d+">(.*?)</tr>', body, re.DOTALL)


def _doc_id(client: TestClient, source: str) -> int:
    return next(d["id"] for d in client.get("/api/documents").json() if d["source"].endswith(source))


# ---- /votes ---------------------------------------------------------------------------------


def test_votes_page_lists_each_vote_with_its_page_result_and_roll_call_by_party(client):
    r = client.get("/votes")
    assert r.status_code == 200 and "Content-Security-Policy" in r.headers
    rows = _rows(r.text)
    assert len(rows) == 3
    # oldest first: Alingsås 2025, then Lomma § 5 and § 6
    assert "2025-05-20" in rows[0] and "Förskola i Hemsjö" in rows[0] and "1 ja – 2 nej" in rows[0]
    assert "Skolstruktur i Bjärred" in rows[1] and "3 ja – 2 nej" in rows[1]
    assert "Ja för bifall till kommunstyrelsens förslag" in rows[1]
    assert "Budget 2026" in rows[2] and "2 ja – 3 nej" in rows[2]
    # each links to the document page at the vote's page, the result sentence marked
    lomma = _doc_id(client, "lomma-kf-2026-03-12.pdf")
    at = LOMMA.index("utfaller med 3 Ja mot 2 Nej")
    span = f"{at}-{at + len('utfaller med 3 Ja mot 2 Nej')}"
    assert f'href="/documents/{lomma}?page=1&amp;hl={span}#sida"' in rows[1]
    page = client.get(f"/documents/{lomma}", params={"page": 1, "hl": span})
    assert page.status_code == 200 and '<mark id="hl">' in page.text
    # only the vote whose members do not add up carries the warning, in Swedish
    assert [("stämmer inte med resultatet" in row) for row in rows] == [False, False, True]
    assert "namnuppropet räknar 3 ja, 2 nej; resultatet anger 2 ja, 3 nej" in rows[2]
    # the roll calls, on demand, grouped by party with each member's vote
    calls = re.findall(r'<tr class="rollcall">(.*?)</tr>', r.text, re.DOTALL)
    assert len(calls) == 3 and all("<details>" in c for c in calls)
    assert "Namnupprop: 5 ledamöter" in calls[1]
    groups = re.findall(r"<h3>(\w+) <span", calls[1])
    assert groups == ["M", "C", "S"]  # in the list's order
    s_group = calls[1].split("<h3>S ")[1]
    assert "2 nej" in s_group and "Dan S" in s_group and "Eva S" in s_group
    assert re.search(r"Pia S</a> <small>ledamot</small>: <span class=\"vote-franvarande\">frånvarande", calls[0])


def test_a_note_every_roll_call_entry_shares_is_said_once_above_the_list(client):
    calls = re.findall(r'<tr class="rollcall">(.*?)</tr>', client.get("/votes").text, re.DOTALL)
    said = "rösten läst i radordning, partiet kontrollerat"
    # Lomma § 5: once, above the party groups, not on each of the five members
    assert calls[1].count(said) == 1
    assert calls[1].index(said) < calls[1].index("<h3>")
    assert re.search(r'<p class="info shared-note">Gäller alla 5: ' + said + "</p>", calls[1])
    # the part only one entry has stays on its row
    assert re.search(r'Cia C</a> <small>ledamot</small>: <span class="vote-ja">ja</span> '
                     r'<small class="info">\(FP i listan\)</small>', calls[1])
    assert calls[1].count('<small class="info">') == 1
    # roll calls without notes say nothing of the kind
    assert "shared-note" not in calls[0] and "shared-note" not in calls[2]


def test_shared_notes_are_the_parts_every_entry_carries():
    row = "vote read in row order, party checked"
    call = [{"note": row}, {"note": f"{row}; FP in the list"}, {"note": f"kvittad; {row}"}]
    assert shared_notes(call) == [row]
    assert [own_note(e["note"], [row]) for e in call] == ["", "FP in the list", "kvittad"]
    # one entry lacking it: nothing is shared, every note stays on its row
    assert shared_notes([*call, {"note": None}]) == []
    assert own_note(f"{row}; FP in the list", []) == f"{row}; FP in the list"
    # a single entry's note is its own, not the list's
    assert shared_notes([{"note": row}]) == [] and shared_notes([]) == []


def test_votes_filters_by_municipality_committee_and_year(client):
    def items(**params: str) -> list[str]:
        return [re.search(r'c-item">(.*?)<', row).group(1) for row in _rows(client.get("/votes", params=params).text)]

    assert items(municipality="Alingsås") == ["§ 44"]
    assert items(committee="Kommunfullmäktige") == ["§ 5", "§ 6"]
    assert items(year="2026") == ["§ 5", "§ 6"]
    assert items(year="2025", municipality="Lomma") == []
    assert "Inga omröstningar med de filtren" in client.get("/votes", params={"year": "1999"}).text
    assert client.get("/votes", params={"year": "20x6"}).status_code == 400


def test_a_member_filter_shows_that_members_vote_in_each_and_a_way_back(client):
    html = client.get("/votes", params={"member": "bo  m", "municipality": "Lomma"}).text
    assert "Så röstade Bo M" in html
    rows = _rows(html)
    assert len(rows) == 2
    assert [re.search(r'c-member vote-(\w+)">(\w+)<', row).groups() for row in rows] == [("ja", "ja"), ("ja", "ja")]
    # the member's record: listed twice, both ja; with the other M member (Anna M) in § 5,
    # against her in § 6
    assert "finns i 2 namnupprop: 2 ja, 0 nej, 0 avstår, 0 frånvarande" in html
    assert "röstade med sitt parti i 1 av 2 (50 %)" in html
    assert '<li class="me"><a href="/votes?member=Bo+M&amp;municipality=Lomma">Bo M</a>' in html
    assert 'href="/votes?municipality=Lomma">← Alla omröstningar' in html
    # one name in two municipalities is two members: both records, all three votes
    anna = client.get("/votes", params={"member": "Anna M"}).text
    assert len(_rows(anna)) == 3 and anna.count('class="record"') == 2
    assert [re.search(r'c-member vote-\w+">(\w+)<', row).group(1) for row in _rows(anna)] == ["nej", "ja", "nej"]


def test_an_unknown_member_is_said_on_the_page_with_the_names_it_is_part_of(client):
    r = client.get("/votes", params={"member": "Anna"})
    assert r.status_code == 200
    assert "Inget namnupprop listar ”Anna”" in r.text
    assert '<a href="/votes?member=Anna+M&amp;municipality=Alings%C3%A5s">Anna M</a> (Alingsås)' in r.text
    assert '<a href="/votes?member=Anna+M&amp;municipality=Lomma">Anna M</a> (Lomma)' in r.text
    assert "Menade du" not in client.get("/votes", params={"member": "Zlatan"}).text


def test_votes_download_as_csv_with_the_members_vote(client):
    r = client.get("/votes", params={"member": "Dan S", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [(row["§"], row["ärende"], row["röst"], row["ja"], row["nej"]) for row in rows] == [
        ("§ 5", "Skolstruktur i Bjärred", "nej", "3", "2"), ("§ 6", "Budget 2026", "ja", "2", "3")]
    assert rows[1]["anmärkning"].startswith("the roll call counts")


# ---- /members and /blocs ----------------------------------------------------------------------


def test_members_page_lists_each_member_with_votes_and_with_party_share(client):
    html = client.get("/members").text
    body = html.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    assert len(rows) == 10  # Anna M twice (Lomma, Alingsås): one name, two members
    bo = next(r for r in rows if ">Bo M<" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", bo, re.DOTALL)
    assert cells[0] == '<a href="/votes?member=Bo+M&amp;municipality=Lomma">Bo M</a>'
    assert cells[1:9] == ["M", "Lomma", "Kommunfullmäktige", "2", "2", "0", "0", "0"]
    assert cells[9].startswith("50 %")
    pia = next(r for r in rows if ">Pia S<" in r)
    assert re.findall(r'<td class="n">(\d+)</td>', pia) == ["1", "0", "0", "0", "1"]
    only_s = client.get("/members", params={"party": "S", "municipality": "Lomma"}).text
    assert "Dan S" in only_s and "Eva S" in only_s and "Bo M" not in only_s and "Ola S" not in only_s


def test_blocs_page_shows_each_municipalitys_parties_matrix_with_a_legend(client):
    html = client.get("/blocs").text
    sections = html.split('<section class="bloc">')[1:]
    assert [re.search(r"<h2>(.*?)</h2>", s).group(1) for s in sections] == ["Alingsås", "Lomma"]
    lomma = sections[1]
    assert re.findall(r'<th class="party-col">(\w+)</th>', lomma) == ["C", "M", "S"]
    # C and S: opposite in both votes; M split 1-1 in § 6 (no line), with C in § 5
    c_row = lomma.split('<tr>\n    <th class="row">')[1]
    assert re.findall(r'(\d+) %<br><small>(\d+/\d+)</small>', c_row) == [("100", "1/1"), ("0", "0/2")]
    m_row = next(r for r in lomma.split('<th class="row">')[1:] if r.startswith('<a href="/members?party=M'))
    assert "75 %" in m_row  # cohesion: 2 of 2, then an even split counting half
    assert "Så räknas det" in html and "<strong>linje</strong>" in html
    assert "Inga namnupprop med de filtren" in client.get("/blocs", params={"year": "1999"}).text


# ---- JSON -----------------------------------------------------------------------------------


def test_json_apis_give_votes_members_and_blocs(client):
    votes = client.get("/api/votes", params={"municipality": "Lomma"}).json()
    assert [(v["item"], v["item_title"], v["yes"], v["no"]) for v in votes] == [
        ("§ 5", "Skolstruktur i Bjärred", 3, 2), ("§ 6", "Budget 2026", 2, 3)]
    assert votes[0]["note"] is None and votes[1]["note"].startswith("the roll call counts")
    assert [(e["name"], e["party"], e["vote"]) for e in votes[0]["roll_call"]][:2] == [
        ("Anna M", "M", "ja"), ("Bo M", "M", "ja")]
    assert votes[0]["citation"].startswith("Kommunfullmäktige, Lomma, protokoll 2026-03-12 § 5")
    mine = client.get("/api/votes", params={"member": "cia c"}).json()
    assert [(v["item"], v["member_vote"], v["member_party"]) for v in mine] == [("§ 5", "ja", "C"), ("§ 6", "nej", "C")]
    missing = client.get("/api/votes", params={"member": "Nobody Here"})
    assert missing.status_code == 400 and "no roll call lists" in missing.json()["error"]
    assert len(client.get("/api/votes", params={"limit": 1}).json()) == 1

    members = client.get("/api/members", params={"municipality": "Alingsås"}).json()
    pia = next(m for m in members if m["name"] == "Pia S")
    assert (pia["party"], pia["votes"], pia["absent"], pia["url"]) == (
        "S", 1, 1, "/votes?member=Pia+S&municipality=Alings%C3%A5s")
    assert {m["name"] for m in client.get("/api/members", params={"party": "KD"}).json()} == {"Gun KD"}

    blocs = client.get("/api/blocs", params={"municipality": "Lomma"}).json()
    assert set(blocs) == {"pairs", "parties"}
    assert {(p["party_a"], p["party_b"]): (p["votes"], p["together"]) for p in blocs["pairs"]} == {
        ("C", "M"): (1, 1), ("C", "S"): (2, 0), ("M", "S"): (1, 0)}
    assert {p["party"]: p["cohesion"] for p in blocs["parties"]} == {"C": 1.0, "M": 0.75, "S": 1.0}
    pairs = client.get("/api/blocs", params={"format": "csv"}).content.decode("utf-8-sig").splitlines()
    assert pairs[0] == "kommun,parti A,parti B,omröstningar,röstade lika,andel" and len(pairs) == 1 + 3 + 3

    spec = client.get("/api/openapi.json").json()
    assert {"/api/votes", "/api/members", "/api/blocs"} <= set(spec["paths"])
    assert spec["paths"]["/api/blocs"]["get"]["tags"] == ["röstningar"]
    assert "member" in {p["name"] for p in spec["paths"]["/api/votes"]["get"]["parameters"]}


# ---- untrusted names ------------------------------------------------------------------------


def test_a_name_that_is_markup_is_escaped_in_every_page_and_encoded_in_urls(client):
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    for path, params in (("/votes", {}), ("/members", {}), ("/votes", {"member": EVIL}),
                         ("/votes", {"member": "script"})):
        html = client.get(path, params=params).text
        assert EVIL not in html and "<script>alert" not in html, (path, params)
        assert escaped in html, (path, params)
    members = client.get("/members").text
    assert 'href="/votes?member=%3Cscript%3Ealert%281%29%3C%2Fscript%3E&amp;municipality=Lomma"' in members
    mine = client.get("/votes", params={"member": EVIL}).text
    assert f"Så röstade {escaped}" in mine and len(_rows(mine)) == 1


def test_notes_are_put_in_swedish():
    assert swedish_note("the roll call counts 2 ja; the list says 3 ja") == (
        "namnuppropet räknar 2 ja; listan anger 3 ja")
    assert swedish_note("kvittad; in the seat of Per Ek") == "kvittad; på platsen för Per Ek"
    assert swedish_note("FP in the list") == "FP i listan" and swedish_note(None) == ""
    # every member of Lomma KF 2025-06-05's Voteringsprotokoll (a Party/Vote column read by row)
    # carried '(vote read in row order, party checked)' in English on the Swedish page
    assert swedish_note("vote read in row order, party checked; FB in the list") == (
        "rösten läst i radordning, partiet kontrollerat; FB i listan")
    assert swedish_note("mark read in row order") == "markeringen läst i radordning"
    # Alingsås KF 2026-05-06 § 92: a list with Ja and Nej the other way round (extract/votes.py)
    assert swedish_note("the list prints ja and nej the other way round: its result and its members' votes "
                        "say 26 ja, 20 nej where the result sentence says 20 ja, 26 nej; the members' votes "
                        "follow the result sentence") == (
        "listan har Ja och Nej åt motsatt håll mot paragrafens beslutsgång: dess resultat och ledamöternas "
        "röster anger 26 ja, 20 nej där paragrafens resultatmening anger 20 ja, 26 nej; ledamöternas röster "
        "följer resultatmeningen")
    assert swedish_note("Nej in the list") == "Nej i listan"
    assert note_heading("the list prints ja and nej the other way round: …") == (
        "Listan har Ja och Nej åt motsatt håll mot paragrafens beslutsgång")


def test_members_page_shows_the_other_ways_a_members_name_is_written(tmp_path: Path):
    """A second Lomma protocol writes Bo M's middle name: one member on /members, the other
    form beside the name, and /votes?member= with either form gives both votes."""
    (lomma, ext), _ = _docs()
    later = dataclasses.replace(lomma, source="lomma-kf-2026-04-09.pdf", sha256="c" * 64)
    vote = _vote(LOMMA, "5", (3, 2), [("Bo Anders M", "M", "nej"), ("Anna M", "M", "ja"), ("Cia C", "C", "ja"),
                                      ("Dan S", "S", "nej"), ("Eva S", "S", "nej")])
    db = tmp_path / "c.db"
    with opened(db, write=True) as st:
        for doc, e in ((lomma, ext), (later, Extraction(votes=(vote,)))):
            with st.transaction():
                st.save_extraction(st.replace_document(doc), doc, e)
    with served(db, tmp_path, warm=False) as c:
        html = c.get("/members", params={"municipality": "Lomma"}).text
        assert html.count(">Bo M</a>") == 1 and "även skrivet Bo Anders M" in html
        for name in ("Bo M", "Bo Anders M"):
            assert len(_rows(c.get("/votes", params={"member": name}).text)) == 3


def test_a_result_sentence_the_list_outweighs_is_said_in_swedish_on_the_page(tmp_path: Path):
    """extract/votes.py keeps a slipped result sentence's counts in the note when the list's
    own result stands (Lomma KF 2025-01-30 § 6): the page showed that note in English, under
    a heading that blamed the roll call, which is the part that adds up."""
    slip = ("the result sentence says 2 ja, 3 nej; the list's result and its members' votes "
            "say 3 ja, 2 nej")
    assert swedish_note(slip) == ("paragrafens resultatmening anger 2 ja, 3 nej; listans resultat och "
                                  "ledamöternas röster anger 3 ja, 2 nej")
    (lomma, ext), _ = _docs()
    ext = dataclasses.replace(ext, votes=(ext.votes[0], dataclasses.replace(ext.votes[1], note=slip)))
    db = tmp_path / "slip.db"
    with opened(db, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(lomma), lomma, ext)
    with served(db, tmp_path, warm=False) as c:
        rows = _rows(c.get("/votes").text)
    assert "Paragrafens text anger ett annat resultat än listan" in rows[1]
    assert "Namnuppropet stämmer inte" not in rows[1] and "the result" not in rows[1]
    assert "listans resultat och ledamöternas röster anger 3 ja, 2 nej" in rows[1]


def test_a_press_note_is_named_by_its_kind_on_the_documents_pages(tmp_path: Path):
    """A press note is stored as doc_type "other" with kind "pressmeddelande": the CLI's
    `documents` said "other: pressmeddelande" and the citation "pressmeddelande", the web
    pages only "övrigt"."""
    text = "Pressmeddelande\nKommunstyrelsen beslutade att bygga en förskola."
    doc = Document("lomma-press-2025-03-13.pdf", "c" * 64, with_offsets([Page(1, text)]),
                   Metadata("Nyheter från kommunstyrelsen", "Lomma", "Kommunstyrelsen", "other", "2025-03-13",
                            kind="pressmeddelande"))
    db = tmp_path / "press.db"
    with opened(db, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(doc), doc, Extraction())
    with served(db, tmp_path, warm=False) as c:
        listing = c.get("/documents").text
        page = c.get(f"/documents/{_doc_id(c, 'lomma-press-2025-03-13.pdf')}").text
    assert "<td>övrigt: pressmeddelande</td>" in listing
    assert "<dd>övrigt: pressmeddelande</dd>" in page
