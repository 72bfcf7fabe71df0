"""Saved topics (`namndkoll watch`): after each night's ingest, only what is new on a topic.

A political secretary watches "hemtjänst" in a corpus that already holds a protocol on it; the
next ingest adds another protocol on hemtjänst and one on something else. The watch shows the
new protocol's § with its citation and not the old one's; a second run says there is nothing
new; a topic the new documents do not treat is "new documents, no good match", not hits nor
"no new documents". Real PDFs (reportlab), the real ingest, both backends (the pg fixture),
the fake embedder under its test calibration.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from typer.testing import CliRunner

from namndkoll.api import ingest, watch_add, watch_list, watch_remove, watch_run
from namndkoll.cli import app
from namndkoll.search.judge import CALIBRATIONS, Calibration

runner = CliRunner()

OLD = [("Socialnämnden\nProtokoll\nSammanträdesdatum: 2026-10-14\n"
        "§ 88 Dnr SN 2026/0311\nHemtjänst i egen regi\nBeslut\n"
        "Socialnämnden beslutar att hemtjänsten i egen regi ska utökas med 12 årsarbetare\n"
        "i hemtjänstområde Norr.\n")]
NEW = [("Socialnämnden\nProtokoll\nSammanträdesdatum: 2026-11-25\n"
        "§ 102 Dnr SN 2026/0420\nTaxa för hemtjänst 2027\nBeslut\n"
        "Socialnämnden beslutar att taxan för hemtjänst höjs till 380 kronor per timme\n"
        "från den 1 januari 2027.\n")]
OTHER = [("Kultur- och fritidsnämnden\nProtokoll\nSammanträdesdatum: 2026-11-26\n"
          "§ 55 Dnr KFN 2026/0090\nBidrag till studieförbund\nBeslut\n"
          "Nämnden beslutar att fördela bidrag till studieförbunden enligt förslaget.\n")]


@pytest.fixture
def fake_index(monkeypatch: pytest.MonkeyPatch) -> FakeEmbedder:
    emb = FakeEmbedder()
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
    yield emb
    CALIBRATIONS.pop("fake-hash", None)


def _ingest(db: str, *pdfs: Path, index: bool = True) -> None:
    report = ingest(list(pdfs), db=db, extract=False, index=index)
    assert all(r.status == "ingested" for r in report.results), [r.message for r in report.results]


@pytest.fixture
def first_night(db: str, tmp_path: Path, fake_index: FakeEmbedder) -> str:
    """A corpus holding the October protocol, and "hemtjänst" watched from now on."""
    _ingest(db, make_pdf(tmp_path / "sn-2026-10-14.pdf", OLD))
    watch_add("hemtjänst", db=db, committee="Socialnämnden")
    return db


def test_the_watch_shows_only_what_the_second_ingest_added(first_night: str, tmp_path: Path):
    db = first_night
    (r,) = watch_run(db=db)
    assert (r.outcome, r.new_documents, r.hits, r.marked) == ("no_new_documents", 0, [], True)
    _ingest(db, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW), make_pdf(tmp_path / "kfn-2026-11-26.pdf", OTHER))

    (look,) = watch_run(db=db, dry_run=True)  # looked at, not marked: the same again
    (r,) = watch_run(db=db)
    for res in (look, r):
        assert res.outcome == "hits" and res.new_documents == 1  # the other body's protocol is no new document here
        assert {h.item for h in res.hits} == {"102"}  # the October § 88 is not new
        assert res.hits[0].citation.startswith("Socialnämnden") and "§ 102" in res.hits[0].citation
        assert "s. 1" in res.hits[0].citation and "2026-11-25" in res.hits[0].citation
    assert (look.marked, r.marked) == (False, True)
    assert r.since == look.since and r.until > r.since
    assert r.since < r.newest_stored <= r.until  # freshness: the other body's protocol, stored last

    (again,) = watch_run(db=db)
    assert (again.outcome, again.new_documents, again.since) == ("no_new_documents", 0, r.until)
    (w,) = watch_list(db=db)
    assert w.seen_until == again.until and w.last_run_at == again.until


def test_new_documents_that_do_not_treat_the_topic_are_no_good_match(first_night: str, tmp_path: Path):
    db = first_night
    watch_add("Nolhaga parkering", db=db)
    _ingest(db, make_pdf(tmp_path / "kfn-2026-11-26.pdf", OTHER))
    by_topic = {r.watch.topic: r for r in watch_run(db=db)}
    assert by_topic["Nolhaga parkering"].outcome == "no_match"
    assert by_topic["Nolhaga parkering"].new_documents == 1
    assert by_topic["hemtjänst"].outcome == "no_new_documents"  # its committee filter: nothing new


def test_documents_not_indexed_yet_are_looked_at_again(first_night: str, tmp_path: Path):
    """An ingest with --no-index: its documents have no vectors yet. Marking the topic run would
    hide them for good once they are indexed; it stays unmarked and says why."""
    from namndkoll.search import index_db

    db = first_night
    _ingest(db, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW), index=False)
    (r,) = watch_run(db=db)
    assert (r.new_documents, r.waiting, r.marked) == (1, 1, False)
    index_db(db=db)
    (r,) = watch_run(db=db)
    assert (r.outcome, r.waiting, r.marked) == ("hits", 0, True)
    assert {h.item for h in r.hits} == {"102"}


def test_the_cli_adds_lists_runs_and_removes(first_night: str, tmp_path: Path):
    db = first_night
    out = runner.invoke(app, ["watch", "add", "budget 2027", "--db", db, "--type", "Protokoll"])
    assert out.exit_code == 0, out.output
    assert 'watching "budget 2027" (type protokoll) as watch 2' in out.stdout
    misspelt = runner.invoke(app, ["watch", "add", "budget 2027", "--db", db, "--municipality", "Lundd"])
    assert misspelt.exit_code == 0 and "note: no document is from 'Lundd'" in misspelt.stderr
    assert "note:" not in out.stderr
    runner.invoke(app, ["watch", "remove", "3", "--db", db])
    again = runner.invoke(app, ["watch", "add", "budget 2027", "--db", db, "--type", "protokoll"])
    assert again.exit_code == 1 and "watched already" in again.stderr
    listed = json.loads(runner.invoke(app, ["watch", "list", "--db", db, "--json"]).stdout)
    assert [(w["id"], w["topic"], w["committee"], w["doc_type"]) for w in listed] == [
        (1, "hemtjänst", "Socialnämnden", None), (2, "budget 2027", None, "protokoll")]

    sheet = runner.invoke(app, ["watch", "list", "--db", db, "--csv"]).stdout.splitlines()
    assert sheet[0] == ("id,topic,municipality,committee,doc_type,party,year_from,year_to,created_at,seen_until,"
                        "last_run_at")
    assert sheet[2].startswith("2,budget 2027,,,protokoll,,,,20")

    text = runner.invoke(app, ["watch", "run", "--db", db])
    assert text.exit_code == 0, text.output
    assert '"hemtjänst" (Socialnämnden): no new documents since' in text.stdout
    assert "2 of 2 topics marked run" in text.stdout
    assert "the corpus's newest document was stored 20" in text.stdout

    _ingest(db, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW))
    dry = runner.invoke(app, ["watch", "run", "hemtjänst", "--db", db, "--dry-run"])
    assert "1 new document since" in dry.stdout and "1 hit" in dry.stdout
    assert "Taxa för hemtjänst 2027" in dry.stdout and "§ 102" in dry.stdout
    assert "dry run: no topic marked run" in dry.stdout

    sheet = runner.invoke(app, ["watch", "run", "--db", db, "--csv"])
    assert sheet.exit_code == 0, sheet.output
    rows = list(csv.DictReader(io.StringIO(sheet.stdout)))
    assert [(r["watch_id"], r["topic"], r["item_number"]) for r in rows] == [("1", "hemtjänst", "102")]
    assert list(rows[0])[-1] == "item_number" and rows[0]["page"] == "1"
    assert "budget 2027" in sheet.stderr and "no good match" in sheet.stderr  # not in the CSV

    js = json.loads(runner.invoke(app, ["watch", "run", "--db", db, "--json"]).stdout)
    assert [(r["watch"]["topic"], r["outcome"], r["new_documents"], r["hits"]) for r in js] == [
        ("hemtjänst", "no_new_documents", 0, []), ("budget 2027", "no_new_documents", 0, [])]

    alone = runner.invoke(app, ["watch"], env={"NAMNDKOLL_DB": db})  # `namndkoll watch` is `watch run`
    assert alone.exit_code == 0, alone.output
    assert '== 1. "hemtjänst" (Socialnämnden): no new documents since' in alone.stdout

    gone = runner.invoke(app, ["watch", "remove", "hemtjänst", "--db", db])
    assert gone.exit_code == 0 and "no longer watching" in gone.stdout
    missing = runner.invoke(app, ["watch", "remove", "hemtjänst", "--db", db])
    assert missing.exit_code == 1 and "no watch is 'hemtjänst'" in missing.stderr and "2: budget 2027" in missing.stderr
    assert [w.topic for w in watch_list(db=db)] == ["budget 2027"]


def test_a_topic_is_shown_as_text_not_as_terminal_codes(db: str, fake_index: FakeEmbedder):
    w = watch_add("hemtjänst \x1b[2J\x1b]0;x\x07", db=db)
    out = runner.invoke(app, ["watch", "list", "--db", db])
    assert out.exit_code == 0 and "\x1b" not in out.stdout and "\x07" not in out.stdout
    assert watch_remove(w.id, db=db).id == w.id


def test_an_existing_corpus_gets_stored_times_from_when_it_was_read(tmp_path: Path):
    """Migration 0021 on a SQLite corpus made before it: each document's stored_at is its
    ingested_at, and a document stored afterwards gets the clock to the millisecond."""
    from namndkoll.corpus import opened
    from namndkoll.corpus.db import connect, migrate, numbered_sql

    path = tmp_path / "old.db"
    conn = connect(path)
    conn.execute("CREATE TABLE _migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    for number, name, sql in numbered_sql("migrations"):
        if number < 21:
            conn.executescript(sql)
            conn.execute("INSERT INTO _migrations (number, name) VALUES (?, ?)", (number, name))
    conn.execute("INSERT INTO documents (source, sha256, ingested_at) VALUES ('a.pdf', 'x', '2025-01-02 03:04:05')")
    assert 21 in migrate(conn)
    conn.execute("INSERT INTO documents (source, sha256) VALUES ('b.pdf', 'y')")
    got = dict(conn.execute("SELECT source, stored_at FROM documents").fetchall())
    conn.close()
    assert got["a.pdf"] == "2025-01-02 03:04:05"
    assert len(got["b.pdf"]) == len("2026-12-02 11:25:18.123") and got["b.pdf"] > got["a.pdf"]
    with opened(path) as st:
        assert st.list_watches() == []


def test_a_document_being_written_during_a_run_is_seen_by_this_run_or_the_next(db: str):
    """A nightly ingest commits a document while the morning's run looks: inserted (its
    stored_at taken) before the run's moment, committed after. Had the run taken its moment
    without waiting, it would not see the document (not committed yet), and the next run would
    start after its stored_at: shown by neither. The cut waits for the write to end."""
    import threading
    import time

    from test_search import DOCS

    from namndkoll.corpus import opened

    with opened(db, write=True) as st:
        start = st.watch_cut()
    inserted, done = threading.Event(), threading.Event()

    def write() -> None:
        with opened(db, write=True) as w, w.transaction():
            w.replace_document(DOCS[0])
            inserted.set()
            time.sleep(1.0)  # the ingest goes on with the document's extractions meanwhile
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert inserted.wait(30)
    with opened(db, write=True) as st:
        cut = st.watch_cut()  # waits for the document's transaction
        seen = st.documents_stored(start, cut)
        later = st.documents_stored(cut, st.watch_cut())
    writer.join(30)
    assert done.is_set()
    assert (len(seen), len(later)) == (1, 0)  # was (0, 0): shown by neither run


def test_a_postgresql_corpus_before_0021_gets_stored_times_from_when_it_was_read(pg_url: str):
    from test_search import DOCS

    from namndkoll.corpus import opened

    with opened(pg_url, write=True) as st:
        with st.transaction():
            doc_id = st.replace_document(DOCS[0])
            st.set_ingested_at(doc_id, "2025-01-02 03:04:05")
        # back to schema 20: no stored_at, no watches (nor what came after: redactions)
        st.conn.execute("ALTER TABLE documents DROP COLUMN stored_at; DROP TABLE watches; DROP TABLE redactions;"
                        " DELETE FROM _migrations WHERE number >= 21")
    with opened(pg_url, write=True) as st:
        assert st.conn.execute("SELECT stored_at FROM documents").fetchone()[0] == "2025-01-02 03:04:05"
        with st.transaction():
            st.replace_document(DOCS[1])
        assert len(st.documents_stored("2025-01-02 03:04:05", st.watch_cut())) == 1
        assert st.list_watches() == []


def test_a_search_that_fails_midway_marks_no_topic(first_night: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    """The second topic's search fails (a model that cannot load, a server that breaks off): the
    first topic's hits were never shown, so it must not be marked run either."""
    from namndkoll.errors import ModelError

    db = first_night
    watch_add("taxa", db=db)
    _ingest(db, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW))
    import namndkoll.api.watch as api_watch

    real, calls = api_watch._search, []

    def failing(store, w, ids, emb, limit):  # type: ignore[no-untyped-def]
        calls.append(w.topic)
        if len(calls) == 2:
            raise ModelError("the model cannot be loaded here")
        return real(store, w, ids, emb, limit)

    monkeypatch.setattr(api_watch, "_search", failing)
    with pytest.raises(ModelError):
        watch_run(db=db)
    monkeypatch.setattr(api_watch, "_search", real)
    assert [(r.watch.topic, r.outcome) for r in watch_run(db=db)] == [("hemtjänst", "hits"), ("taxa", "hits")]


NEXT_YEAR = [("Socialnämnden\nProtokoll\nSammanträdesdatum: 2027-01-20\n"
              "§ 4 Dnr SN 2027/0012\nHemtjänst i glesbygd\nBeslut\n"
              "Socialnämnden beslutar att hemtjänsten i glesbygd ska ha längre besökstider.\n")]
UNDATED = [("Socialnämnden\nTjänsteskrivelse\n"
            "Hemtjänst på helger\n"
            "Förvaltningen föreslår att hemtjänsten på helger bemannas med fler undersköterskor.\n")]


def test_a_watch_keeps_its_years_and_shows_only_new_documents_of_them(first_night: str, tmp_path: Path):
    """`watch add --year/--from/--to` as search takes them: kept with the watch, one topic for two
    year ranges is two watches, listed with its years, and a run finds the new documents of its
    years only (search's year filter: a new protocol of another year is no new document here, and
    an undated one is left out, said on stderr)."""
    db = first_night
    added = runner.invoke(app, ["watch", "add", "hemtjänst", "--db", db, "--year", "2027"])
    assert added.exit_code == 0, added.output
    assert 'watching "hemtjänst" (2027) as watch 2' in added.stdout
    ranged = runner.invoke(app, ["watch", "add", "hemtjänst", "--db", db, "--from", "2025", "--to", "2026"])
    assert ranged.exit_code == 0 and 'watching "hemtjänst" (2025-2026) as watch 3' in ranged.stdout
    since = runner.invoke(app, ["watch", "add", "hemtjänst", "--db", db, "--from", "2027"])
    assert since.exit_code == 0 and 'watching "hemtjänst" (from 2027) as watch 4' in since.stdout
    same = runner.invoke(app, ["watch", "add", "hemtjänst", "--db", db, "--from", "2027", "--to", "2027"])
    assert same.exit_code == 1 and "watched already with these filters (watch 2)" in same.stderr  # --year 2027
    backwards = runner.invoke(app, ["watch", "add", "budget", "--db", db, "--from", "2027", "--to", "2020"])
    assert backwards.exit_code == 2 and "--from 2027 is after --to 2020" in backwards.stderr

    listed = json.loads(runner.invoke(app, ["watch", "list", "--db", db, "--json"]).stdout)
    assert [(w["id"], w["year_from"], w["year_to"]) for w in listed] == [
        (1, None, None), (2, 2027, 2027), (3, 2025, 2026), (4, 2027, None)]
    text = runner.invoke(app, ["watch", "list", "--db", db]).stdout
    assert '2. "hemtjänst" (2027)  added' in text and '3. "hemtjänst" (2025-2026)  added' in text

    _ingest(db, make_pdf(tmp_path / "sn-2026-11-25.pdf", NEW), make_pdf(tmp_path / "sn-2027-01-20.pdf", NEXT_YEAR),
             make_pdf(tmp_path / "skrivelse.pdf", UNDATED))
    by_id = {r.watch.id: r for r in watch_run(db=db, dry_run=True)}
    assert (by_id[1].new_documents, by_id[1].undated) == (3, 0)  # no years: every new Socialnämnden document
    assert {h.item for h in by_id[1].hits} >= {"102", "4"}
    for wid in (2, 4):  # 2027: the January protocol only
        assert (by_id[wid].new_documents, by_id[wid].undated) == (1, 1)
        assert {h.item for h in by_id[wid].hits} == {"4"}
        assert all("2027" in h.citation for h in by_id[wid].hits)
    assert (by_id[3].new_documents, by_id[3].undated) == (1, 1)
    assert {h.item for h in by_id[3].hits} == {"102"}

    out = runner.invoke(app, ["watch", "run", "2", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    (res,) = json.loads(out.stdout)
    assert (res["watch"]["year_from"], res["watch"]["year_to"], res["new_documents"], res["undated"]) == (
        2027, 2027, 1, 1)
    assert [h["item_number"] for h in res["hits"]] == ["4"]
    assert ('note: "hemtjänst" (2027): 1 of its new documents has no date and was left out by its years'
            in out.stderr)


def test_a_corpus_made_before_watch_years_keeps_its_watches(tmp_path: Path):
    """Migration 0022 on a SQLite corpus at schema 21: its watches keep their numbers, topics and
    times, without years; the same topic may then be watched for a year too."""
    from namndkoll.corpus import opened
    from namndkoll.corpus.db import connect, migrate, numbered_sql

    path = tmp_path / "old.db"
    conn = connect(path)
    conn.execute("CREATE TABLE _migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    for number, name, sql in numbered_sql("migrations"):
        if number <= 21:
            conn.executescript(sql)
            conn.execute("INSERT INTO _migrations (number, name) VALUES (?, ?)", (number, name))
    conn.execute("INSERT INTO watches (id, topic, committee, created_at, seen_until, last_run_at) VALUES"
                 " (7, 'hemtjänst', 'Socialnämnden', '2026-11-01 10:00:00.000', '2026-11-02 06:00:00.000',"
                 " '2026-11-02 06:00:00.000')")
    conn.commit()
    assert 22 in migrate(conn)
    conn.close()
    (w,) = watch_list(db=path)
    assert (w.id, w.topic, w.committee, w.year_from, w.year_to) == (7, "hemtjänst", "Socialnämnden", None, None)
    assert (w.seen_until, w.last_run_at) == ("2026-11-02 06:00:00.000", "2026-11-02 06:00:00.000")
    assert watch_add("hemtjänst", db=path, committee="Socialnämnden", year=2027).id == 8
    with opened(path) as st:
        assert [(r["id"], r["year_from"]) for r in st.list_watches()] == [(7, None), (8, 2027)]


def test_a_postgresql_corpus_made_before_watch_years_keeps_its_watches(pg_url: str):
    from namndkoll.corpus import opened
    from namndkoll.errors import CorpusError

    w = watch_add("hemtjänst", db=pg_url, committee="Socialnämnden")
    with opened(pg_url, write=True) as st:
        # back to schema 21: no years, the UNIQUE of 0021, no redactions (0023)
        st.conn.execute("ALTER TABLE watches DROP COLUMN year_from, DROP COLUMN year_to;"
                        " ALTER TABLE watches ADD UNIQUE (topic, municipality, committee, doc_type, party);"
                        " DROP TABLE redactions; DELETE FROM _migrations WHERE number >= 22")
    (again,) = watch_list(db=pg_url)
    assert again == w and (again.year_from, again.year_to) == (None, None)
    assert watch_add("hemtjänst", db=pg_url, committee="Socialnämnden", year_from=2027).year_from == 2027
    with pytest.raises(CorpusError, match="watched already"):
        watch_add("hemtjänst", db=pg_url, committee="Socialnämnden")


@pytest.mark.parametrize("typed", ["Tjänsteskrivelse", "protokol", "budget", "fp", "Socialdemokaterna", "sossarna",
                                   "-", "XYZ"])
def test_a_watch_checks_its_type_and_party_as_the_cli_options_do(tmp_path: Path, typed: str):
    """One check of a typed document type and party: the CLI's --type and --party (a usage
    error) and watch_add (the web's form, Python) accept the same values as the same codes and
    refuse the others with the same words."""
    import typer

    from namndkoll.commands._output import doc_type_code, party_code
    from namndkoll.errors import NamndkollError

    db = str(tmp_path / "corpus.db")
    for option, field_name in ((doc_type_code, "doc_type"), (party_code, "party")):
        try:
            cli = ("ok", option(typed))
        except typer.BadParameter as exc:
            cli = ("refused", exc.message)
        try:
            w = watch_add("budget", db=db, **{field_name: typed})
            api = ("ok", getattr(w, field_name))
            watch_remove(w.id, db=db)
        except NamndkollError as exc:
            api = ("refused", str(exc))
        assert api == cli
