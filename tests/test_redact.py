"""`namndkoll redact`: a person's name removed from the corpus on request (USERS.md 'asked for
most' 8). Real PDFs (reportlab) through the real ingest with extraction and the search index
(the fake embedder), both backends: after `redact add "Anna Berg"` the name is in no search
hit, no `show`, no `people`, no `members`, no roll call of `votes --json`, no CSV; the vote's
counts still add up; "Annaberg" and "Anna Bergström" are untouched; a later ingest of a new PDF
naming her is redacted as it is stored."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from typer.testing import CliRunner

import namndkoll
from namndkoll.api import ingest, redact_add, redact_list, redact_remove
from namndkoll.cli import app
from namndkoll.corpus import opened
from namndkoll.corpus.redactions import mark_for, name_pattern, rewrite
from namndkoll.search.judge import CALIBRATIONS, Calibration

runner = CliRunner()

KS = [("Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 2024-01-24\n"
       "§ 1 Dnr KS 2024/0001\nAnna Bergs motion om cykelbanor i Annaberg\n"
       "Omröstning\n"
       "Godkänd voteringsproposition: \"Ja för bifall till Anna Bergs yrkande och Nej för avslag.\"\n"
       "Anna Berg (S) och Bo Ek (S) röstar Ja (2).\n"
       "Cia Ek (S), Dan Lund (M) och Anna Bergström (M) röstar Nej (3).\n"
       "Beslut\n"
       "Kommunstyrelsen beslutar att bifalla motionen om cykelbanor i Annaberg.\n"
       "Reservation\n"
       "Anna Bergström (M) reserverar sig mot beslutet.\n")]
LATER = [("Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 2024-02-07\n"
          "§ 9 Dnr KS 2024/0020\nBelysning vid skolan\n"
          "Anna Berg (S) yrkar bifall till förslaget om belysning vid skolan i Annaberg.\n"
          "Beslut\nKommunstyrelsen beslutar att bifalla förslaget om belysning.\n")]


@pytest.fixture
def fake_index(monkeypatch: pytest.MonkeyPatch) -> FakeEmbedder:
    emb = FakeEmbedder()
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
    yield emb
    CALIBRATIONS.pop("fake-hash", None)


def _ingest(db: str, *pdfs: Path) -> None:
    report = ingest(list(pdfs), db=db, extract=True, index=True)
    assert all(r.status == "ingested" for r in report.results), [r.message for r in report.results]


def _cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _everything(db: str) -> str:
    """What a reader can get out of the corpus: search hits, show, the lists as JSON and CSV."""
    out = [_cli("search", "cykelbanor Annaberg", "--db", db, "--json"),
           _cli("search", "Anna Berg", "--db", db, "--json"),
           _cli("show", "1", "--db", db, "--json")]
    for what in ("people", "members", "votes", "positions", "decisions"):
        out += [_cli(what, "--db", db, "--json"), _cli(what, "--db", db, "--csv")]
    with opened(db) as store:  # and the stored rows themselves, the passages' text included
        for r in store.conn.execute("SELECT text, context FROM chunks"):
            out += [r[0], r[1]]
        for r in store.conn.execute("SELECT text FROM pages"):
            out.append(r[0])
    return "\n".join(out)


def _roll_call(db: str) -> list[tuple[str, str]]:
    votes = json.loads(_cli("votes", "--db", db, "--json"))
    return [(e["name"], e["vote"]) for v in votes for e in v["roll_call"]]


def test_the_name_is_gone_everywhere_and_near_names_stay(db: str, tmp_path: Path, fake_index: FakeEmbedder):
    _ingest(db, make_pdf(tmp_path / "ks-2024-01-24.pdf", KS))
    before = _everything(db)
    assert "Anna Berg (S)" in before and "Anna Bergs" in before
    assert ("Anna Berg", "ja") in _roll_call(db)

    r = redact_add("Anna Berg", reason="begäran 2024-03-01", db=db)
    assert r.places > 0 and r.documents == 1
    after = _everything(db)
    pat = name_pattern("Anna Berg")
    assert not pat.search(after), pat.search(after)
    # near names untouched
    assert "Annaberg" in after and "Anna Bergström" in after
    # the roll call keeps her vote, anonymised: the counts still add up
    calls = _roll_call(db)
    assert ("[namn borttaget]", "ja") in calls and len(calls) == 5
    assert sorted(v for _n, v in calls) == ["ja", "ja", "nej", "nej", "nej"]
    assert not any("Anna Berg" == m["name"] for m in json.loads(_cli("members", "--db", db, "--json")))
    # spans stay valid: the page text keeps its length, a vote's quote is still its span of the text
    with opened(db) as store:
        doc = store.load_document(1)
        vote = store.conn.execute('SELECT start, "end", quote FROM votes').fetchone()
        assert doc.text[vote[0]:vote[1]].split() == vote[2].split()
    # the keyword index follows: the name's words no longer find her passage
    hits = json.loads(_cli("search", "Anna Berg yrkande", "--db", db, "--json"))
    assert not any(pat.search(json.dumps(h, ensure_ascii=False)) for h in hits)

    rules = redact_list(db=db)
    assert [(x.name, x.reason, x.places) for x in rules] == [("Anna Berg", "begäran 2024-03-01", r.places)]


def test_a_later_ingest_is_redacted_as_it_is_stored(db: str, tmp_path: Path, fake_index: FakeEmbedder):
    _ingest(db, make_pdf(tmp_path / "ks-2024-01-24.pdf", KS))
    first = redact_add("Anna Berg", db=db)
    _ingest(db, make_pdf(tmp_path / "ks-2024-02-07.pdf", LATER))
    after = _everything(db)
    assert not name_pattern("Anna Berg").search(after)
    assert "belysning" in after and "Annaberg" in after
    (rule,) = redact_list(db=db)
    assert rule.documents == 2 and rule.places > first.places
    # a removed rule no longer applies to what is ingested after it
    redact_remove(str(rule.id), db=db)
    assert redact_list(db=db) == []
    _ingest(db, make_pdf(tmp_path / "ks-2024-03-01.pdf", [LATER[0].replace("2024-02-07", "2024-03-01")]))
    assert "Anna Berg (S)" in _cli("show", "3", "--db", db, "--json")


def test_the_cli_adds_lists_and_removes(tmp_path: Path, fake_index: FakeEmbedder):
    db = str(tmp_path / "corpus.db")
    _ingest(db, make_pdf(tmp_path / "ks-2024-01-24.pdf", KS))
    help_text = " ".join(_cli("redact", "add", "--help").split())
    assert "original PDFs on disk are NOT changed" in help_text
    out = _cli("redact", "add", "Anna Berg", "--reason", "begäran", "--db", db)
    assert "rule 1: Anna Berg removed from" in out and "not changed" in out
    rows = json.loads(_cli("redact", "list", "--db", db, "--json"))
    assert rows[0]["name"] == "Anna Berg" and rows[0]["places"] > 0
    csv_text = _cli("redact", "list", "--db", db, "--csv")
    assert csv_text.splitlines()[0] == "id,name,reason,created_at,places,documents"
    again = runner.invoke(app, ["redact", "add", "anna  berg", "--db", db])
    assert again.exit_code != 0 and "removed already" in again.output
    assert "rule 1" in _cli("redact", "remove", "1", "--db", db)
    assert "no name is removed" in _cli("redact", "list", "--db", db)
    one = runner.invoke(app, ["redact", "add", "Berg", "--db", db])
    assert one.exit_code != 0 and "first and last name" in one.output
    assert namndkoll.redact_list(db=db) == []


@pytest.mark.parametrize("text, expected", [
    ("Anna Berg (S) yrkar", "[namn]    (S) yrkar"),
    ("Anna Bergs förslag", "[namn]     förslag"),
    ("Berg, Anna (S)", "[namn]     (S)"),
    ("Berg Anna (S)", "[namn]    (S)"),
    ("ANNA BERG", "[namn]   "),
    ("Annaberg", "Annaberg"),
    ("Anna Bergström", "Anna Bergström"),
    ("Anna Berg-Lind", "Anna Berg-Lind"),
    ("Lisa-Anna Berg", "Lisa-Anna Berg"),
    ("Berg Anna tycker", "Berg Anna tycker"),
])
def test_forms_of_the_name(text, expected):
    new, _counts = rewrite(text, [name_pattern("Anna Berg")])
    assert new == expected and len(new) == len(text)


@pytest.mark.parametrize("text, expected", [
    ("Andersson, Lars Erik\nS", "[namn borttaget]    \nS"),  # an attendance list (Göteborg KF)
    ("Lars Erik Anderssons yrkande", "[namn borttaget]     yrkande"),
    ("Lars Andersson (S)", "Lars Andersson (S)"),
])
def test_forms_of_a_name_with_two_given_names(text, expected):
    new, _counts = rewrite(text, [name_pattern("Lars Erik Andersson")])
    assert new == expected and len(new) == len(text)


def test_a_mark_keeps_length_and_line_breaks():
    assert mark_for("Anna-Karin Johansson") == "[namn borttaget]    "
    assert mark_for("Anna\nBerg").count("\n") == 1 and len(mark_for("Anna\nBerg")) == 9


def test_the_page_image_blacks_the_name_out_and_the_original_is_not_served(tmp_path: Path, fake_index: FakeEmbedder):
    """`serve` draws pages from the original PDF, which still names her: after the rule the
    image has her name painted black (an image cached before is not served), and the PDF
    itself is not handed out."""
    from PIL import Image

    from namndkoll.api import original_pdf, page_image
    from namndkoll.api.images import span_boxes
    from namndkoll.errors import NotFoundError

    db = str(tmp_path / "corpus.db")
    _ingest(db, make_pdf(tmp_path / "ks-2024-01-24.pdf", KS))
    cache = tmp_path / "cache"
    before = page_image(1, 1, db=db, cache_dir=cache)
    assert original_pdf(1, db=db)[1] == "ks-2024-01-24.pdf"
    redact_add("Anna Berg", db=db)
    after = page_image(1, 1, db=db, cache_dir=cache)
    assert after != before
    with opened(db) as store:
        page = store.load_document(1).pages[0]
    at = page.text.index("[namn]    (S) och Bo Ek")
    (x0, top, x1, bottom), = span_boxes(page, at, at + len("Anna Berg"))
    img = Image.open(__import__("io").BytesIO(after)).convert("L")
    scale = 1.5
    inside = [img.getpixel((int((x0 + (x1 - x0) * f) * scale), int((top + bottom) / 2 * scale)))
              for f in (0.1, 0.3, 0.5, 0.7, 0.9)]
    assert max(inside) < 30, inside  # black where her name was
    with pytest.raises(NotFoundError, match="removed on request"):
        original_pdf(1, db=db)


def test_a_crash_midway_leaves_the_corpus_as_it_was(db: str, tmp_path: Path, fake_index: FakeEmbedder,
                                                    monkeypatch: pytest.MonkeyPatch):
    """One transaction per rule: a failure after the page texts were rewritten, while the
    passages are being made again, leaves the name everywhere and no rule stored."""
    _ingest(db, make_pdf(tmp_path / "ks-2024-01-24.pdf", KS))
    before = _everything(db)

    def broken(store, doc_id):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    with monkeypatch.context() as m, pytest.raises(RuntimeError, match="disk full"):
        m.setattr("namndkoll.api.redact._passages_again", broken)
        redact_add("Anna Berg", db=db)
    assert _everything(db) == before
    assert redact_list(db=db) == []
    assert redact_add("Anna Berg", db=db).places > 0  # and the same rule goes in whole afterwards
    assert not name_pattern("Anna Berg").search(_everything(db))


def test_a_copy_keeps_the_rules(tmp_path: Path, pg_url: str, fake_index: FakeEmbedder):
    """`namndkoll copy` to a served corpus carries the rules: the PostgreSQL copy holds no name,
    lists the rule, and its own later ingests remove the name too."""
    from namndkoll.api import copy_corpus

    src = str(tmp_path / "corpus.db")
    _ingest(src, make_pdf(tmp_path / "ks-2024-01-24.pdf", KS))
    redact_add("Anna Berg", reason="begäran", db=src)
    copy_corpus(src, pg_url)
    assert [(r.name, r.reason) for r in redact_list(db=pg_url)] == [("Anna Berg", "begäran")]
    _ingest(pg_url, make_pdf(tmp_path / "ks-2024-02-07.pdf", LATER))
    after = _everything(pg_url)
    assert "belysning" in after and not name_pattern("Anna Berg").search(after)


def test_the_same_pdf_ingested_again_stays_redacted(tmp_path: Path, fake_index: FakeEmbedder):
    """The same file again is skipped (its stored text is the redacted one); a changed file at
    the same path is read again and its new version is redacted as it is stored."""
    db = str(tmp_path / "corpus.db")
    pdf = make_pdf(tmp_path / "ks-2024-01-24.pdf", KS)
    _ingest(db, pdf)
    redact_add("Anna Berg", db=db)
    report = ingest([pdf], db=db, extract=True, index=True)
    assert [r.status for r in report.results] == ["unchanged"]
    make_pdf(pdf, [KS[0] + "Justerat: Anna Berg\n"])
    report = ingest([pdf], db=db, extract=True, index=True)
    assert [r.status for r in report.results] == ["replaced"]
    after = _everything(db)
    assert "Justerat:" in after and not name_pattern("Anna Berg").search(after)
    assert ("[namn borttaget]", "ja") in _roll_call(db)


def test_the_black_covers_the_whole_name_in_a_proportional_font(tmp_path: Path, fake_index: FakeEmbedder):
    """A box cut from the line's width in proportion to its characters falls short after narrow
    letters ("Jill Illi (S), " then "Mowgli Wammwm": Göteborg KF 2023-11-09 p. 9 showed
    "r (V)" of "Daniel Bernmar" beside the black): the name's own glyphs are painted over,
    measured against where reportlab drew them."""
    import io

    from PIL import Image
    from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames, stringWidth

    from namndkoll.api import page_image

    prefix, name = "Jill Illi (S), ", "Mowgli Wammwm"
    text = ("Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 2024-01-24\n§ 1 Dnr KS 2024/0001\nBudget\n"
            f"{prefix}{name} (V) och lili il (MP) yrkar bifall till förslaget.\n"
            "Beslut\nKommunstyrelsen beslutar att bifalla förslaget.\n")
    pdf = make_pdf(tmp_path / "ks-2024-01-24.pdf", [text])
    db = str(tmp_path / "corpus.db")
    _ingest(db, pdf)
    redact_add(name, db=db)
    img = Image.open(io.BytesIO(page_image(1, 1, db=db, cache_dir=tmp_path / "cache"))).convert("L")
    font = "DejaVu" if "DejaVu" in getRegisteredFontNames() else "Helvetica"  # as make_pdf drew it
    x0 = 60 + stringWidth(prefix, font, 10)
    x1 = x0 + stringWidth(name, font, 10)
    y = 70 + 5 * 14 - 3  # the sixth line's baseline is 70 + 5*14 points from the top; 3 points above it
    scale = 1.5
    along = [img.getpixel((int((x0 + (x1 - x0) * f) * scale), int(y * scale))) for f in (0.02, 0.5, 0.9, 0.98)]
    assert max(along) < 30, along  # black to the name's last letter


def _many_pages(day: str) -> list[str]:
    """Two pages of 40 yrkanden each naming Anna Berg beside 80 other people: enough people
    and positions rows that SQLite splits their pages while the document is written."""
    others = [f"{g} {s}" for s in ("Ek", "Lund", "Holm", "Strand", "Berglund", "Dahl", "Sjöberg", "Nyström",
                                   "Lindqvist", "Wikström") for g in ("Bo", "Cia", "Dan", "Eva", "Finn", "Gun", "Hans", "Ida")]
    lines = [f"Anna Berg (S) och {o} (M) yrkar bifall till förslaget om budget {n}." for n, o in enumerate(others, 1)]
    return [f"Kommunstyrelsen\nProtokoll\nSammanträdesdatum: {day}\n§ {p + 1} Dnr KS 2024/00{p + 1:02d}\nBudget\n"
            "Yrkanden\n" + "\n".join(lines[p * 40:(p + 1) * 40]) + "\nBeslut\nKommunstyrelsen beslutar att bifalla.\n"
            for p in range(2)]


def test_no_old_copy_of_a_row_is_left_in_the_sqlite_file(tmp_path: Path, fake_index: FakeEmbedder):
    """SQLite leaves old copies of cells in a page's unused space when it splits the page, and
    secure_delete during the rule does not reach them: on Göteborg KF 2023-11-09 the file kept
    "Jonas Attenius (S), Daniel Bernmar (V) och" in positions' and people's pages after `redact
    add`. Afterwards the file (and its WAL) holds her name once, in the rule itself; and so
    after a later ingest of a PDF naming her, which writes the name and rewrites it."""
    db = tmp_path / "corpus.db"

    def left() -> int:
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("corpus.db*"))
        return len(re.findall(rb"Anna Berg", raw))

    _ingest(str(db), make_pdf(tmp_path / "ks-2024-01-24.pdf", _many_pages("2024-01-24")))
    redact_add("Anna Berg", db=str(db))
    assert left() == 1  # before: 276
    _ingest(str(db), make_pdf(tmp_path / "ks-2024-02-07.pdf", _many_pages("2024-02-07")))
    assert redact_list(db=str(db))[0].places > 160  # the later ingest's places counted
    assert left() == 1  # before: 17


@pytest.mark.parametrize("direction", ["sqlite-to-pg", "pg-to-sqlite"])
def test_a_copied_rule_keeps_what_it_removed(tmp_path: Path, pg_url: str, fake_index: FakeEmbedder, direction: str):
    """The registrar reading `redact list` on the served copy saw "0 places in 0 documents"
    for a rule that removed the name from 8 places of Göteborg KF 2023-11-09 in the corpus it
    was copied from: the copy's documents came already rewritten. The copy keeps the counts."""
    from namndkoll.api import copy_corpus

    sqlite_db = str(tmp_path / "corpus.db")
    src, dst = (sqlite_db, pg_url) if direction == "sqlite-to-pg" else (pg_url, sqlite_db)
    _ingest(src, make_pdf(tmp_path / "ks-2024-01-24.pdf", KS))
    made = redact_add("Anna Berg", reason="begäran", db=src)
    assert made.places > 0 and made.documents == 1
    copy_corpus(src, dst)
    (rule,) = redact_list(db=dst)
    assert (rule.name, rule.reason, rule.places, rule.documents) == ("Anna Berg", "begäran", made.places, 1)
    _ingest(dst, make_pdf(tmp_path / "ks-2024-02-07.pdf", LATER))  # and its own ingests add to them
    (rule,) = redact_list(db=dst)
    assert rule.places > made.places and rule.documents == 2


def test_another_spelling_of_the_name_is_pointed_out(db: str, tmp_path: Path, fake_index: FakeEmbedder):
    """The records of Alingsås write "Anton Cesár" in the answer to his motion and "Anton
    César" in the motion and KS 2026-06-01: a rule for the one left the other in people,
    positions and pages without a word. `redact add` names what is left, on both backends."""
    text = ("Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 2026-06-01\n§ 1 Dnr KS 2025.503\n"
            "Motion om stöd till Ukraina\nAnton Cesár (S) och Leif Hansson (S) har lämnat en motion.\n"
            "Anton César (S) yrkar bifall till motionen.\nBeslut\nKommunstyrelsen beslutar att bifalla motionen.\n")
    _ingest(db, make_pdf(tmp_path / "ks-2026-06-01.pdf", [text]))
    r = redact_add("Anton Cesár", db=db)
    assert r.places > 0 and r.other_forms == (("Anton César", 1),)
    out = runner.invoke(app, ["redact", "add", "Anton César", "--db", db])
    assert out.exit_code == 0 and "is still on" not in out.output  # both gone now: nothing left to name
    with opened(db) as store:
        assert "Anton C" not in store.load_document(1).pages[0].text
    res = runner.invoke(app, ["redact", "add", "Leif Hansson", "--db", db, "--json"])
    assert json.loads(res.stdout)["other_forms"] == []
