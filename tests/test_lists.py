"""Storing extractions and listing them: `namndkoll figures | decisions | votes | positions |
people` on a real SQLite corpus in tmp_path, built from excerpts of real records run through
the whole extraction pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_decisions_votes_positions import KF_17, LUND_RES, LUND_TS, make_doc
from typer.testing import CliRunner

import namndkoll
from namndkoll.cli import app
from namndkoll.corpus import extractions, store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.extract import extract_document
from namndkoll.types import Document, Metadata, Page, with_offsets

runner = CliRunner()

LUND_RES_FIGURES = LUND_RES.replace(
    "Vänsterpartiets slutsats",
    "En neddragning med 5 OSA-anställningar skulle innebära en besparing på 732 tkr.\n\n"
    "Vänsterpartiets slutsats",
)


def _docs() -> list[Document]:
    kf = make_doc(KF_17, items=True, municipality="Göteborg", committee="Kommunfullmäktige",
                  date="2023-01-26", doc_type="protokoll", title="Kommunfullmäktige, protokoll 2023-01-26")
    ts = make_doc(LUND_TS, municipality="Lund", committee="Socialnämnden", date="2021-01-05",
                  doc_type="tjansteskrivelse", title="Stärkt arbetsmarknadsfokus i Lund")
    res = make_doc(LUND_RES_FIGURES, municipality="Lund", committee="Socialnämnden", date="2016-05-18",
                   doc_type="skrivelse", title="Ärende 7: Åtgärder avseende resurserna")
    return [Document(f"/records/{n}.pdf", str(i) * 64, d.pages, d.metadata, d.items)
            for i, (n, d) in enumerate([("kf-2023-01-26", kf), ("lund-ts", ts), ("lund-res-v", res)])]


def _store_all(db: Path, docs: list[Document]) -> None:
    conn = open_db(db)
    try:
        for doc in docs:
            ext = extract_document(doc)
            with transaction(conn):
                doc_id = store.replace_document(conn, doc)
                extractions.save_extraction(conn, doc_id, doc, ext)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("lists") / "corpus.db"
    _store_all(db, _docs())
    return db


def _json(args: list[str]) -> list[dict]:
    result = runner.invoke(app, args + ["--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _csv(args: list[str]) -> list[dict]:
    result = runner.invoke(app, args + ["--csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_positions_by_party_carry_item_page_and_quote(corpus):
    rows = _csv(["positions", "--db", str(corpus), "--party", "SD"])
    assert [(r["kind"], r["item"], r["page"]) for r in rows] == [("yrkande", "§ 17", "1"), ("reservation", "§ 17", "2")]
    res = rows[1]
    assert res["quote"] == "Ledamöterna från SD reserverar sig mot beslutet till förmån för det egna yrkandet."
    assert res["source"] == "/records/kf-2023-01-26.pdf" and res["municipality"] == "Göteborg"
    assert "§ 17" in res["citation"] and "s. 2" in res["citation"]
    # the quote is what stands at the stored offsets of the stored page text
    conn = open_db(corpus)
    try:
        doc = store.load_document(conn, int(res["document_id"]))
    finally:
        conn.close()
    assert " ".join(doc.text[int(res["start"]):int(res["end"])].split()) == res["quote"]
    assert doc.page_of(int(res["start"])) == 2


def test_party_document_and_kind_filter(corpus):
    # Lund V's paper on "Ärende N: …" opposes the proposal ("… inte ska …"): a reservation (h-meta152),
    # and the only V position of that kind in Lund; no V paper is filed as a skrivelse any more
    rows = _json(["positions", "--db", str(corpus), "--party", "V", "--kind", "reservation", "--municipality", "Lund"])
    assert len(rows) == 1 and rows[0]["parties"] == ["V"] and rows[0]["municipality"] == "Lund"
    assert "inte ska" in rows[0]["text"]
    assert _json(["positions", "--db", str(corpus), "--party", "V", "--kind", "skrivelse"]) == []


def test_votes_json(corpus):
    (v,) = _json(["votes", "--db", str(corpus)])
    assert (v["yes"], v["no"], v["abstain"], v["absent"], v["item"]) == (70, 9, None, 2, "§ 17")
    assert v["proposition"].startswith("Ja för avslag")
    assert v["quote"].startswith("Omröstningen utfaller med 70 Ja mot 9 Nej")


def test_decisions_filters_and_clauses(corpus):
    proposed = _json(["decisions", "--db", str(corpus), "--kind", "proposed"])
    assert [(d["body"], d["municipality"], d["date"]) for d in proposed] == [("Socialnämnden", "Lund", "2021-01-05")]
    assert proposed[0]["clauses"][1].startswith("att finansiering sker")
    kf = _json(["decisions", "--db", str(corpus), "--municipality", "göteborg", "--year", "2023"])
    assert len(kf) == 1 and kf[0]["item"] == "§ 17" and len(kf[0]["clauses"]) == 2
    assert _json(["decisions", "--db", str(corpus), "--year", "2019"]) == []


def test_figures_csv_is_a_spreadsheet_with_pages(corpus):
    rows = _csv(["figures", "--db", str(corpus), "--municipality", "Lund", "--unit", "SEK"])
    assert [float(r["value"]) for r in rows] == [732000.0]
    assert rows[0]["page"] == "1" and "732 tkr" in rows[0]["quote"] and rows[0]["kind"] == "amount"


def test_people_by_party(corpus):
    rows = _json(["people", "--db", str(corpus), "--party", "MP"])
    assert {r["name"] for r in rows} == {"Helena Norin", "Karin Pleijel"}
    assert all(r["item"] == "§ 17" and r["committee"] == "Kommunfullmäktige" for r in rows)


def test_table_output_for_people(corpus):
    result = runner.invoke(app, ["votes", "--db", str(corpus)])
    assert result.exit_code == 0 and "1 vote\n" in result.stdout and "70" in result.stdout


def test_a_list_of_one_row_says_it_in_the_singular(corpus):
    """'1 figures', '1 votes', '1 documents' headed lists of one row (Alingsås TN's one
    '20-30 mopeder'); two or more keep the plural."""
    one = runner.invoke(app, ["figures", "--db", str(corpus), "--municipality", "Lund", "--unit", "SEK"])
    assert one.exit_code == 0 and one.stdout.startswith("1 figure\n"), one.stdout
    docs = runner.invoke(app, ["documents", "--db", str(corpus)])
    assert docs.exit_code == 0 and docs.stdout.startswith("3 documents\n"), docs.stdout


def test_storing_again_replaces_rows(tmp_path):
    db = tmp_path / "again.db"
    docs = _docs()[:1]
    _store_all(db, docs)
    _store_all(db, docs)
    conn = open_db(db)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("positions", "position_parties", "votes", "decisions", "decision_clauses", "people")}
        assert counts["positions"] == 3 and counts["votes"] == 1 and counts["decisions"] == 1
        assert counts["decision_clauses"] == 2
        store.delete_document(conn, store.resolve(conn, "kf-2023-01-26"))
        assert conn.execute("SELECT count(*) FROM positions").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM position_parties").fetchone()[0] == 0
    finally:
        conn.close()


def test_unknown_list_is_a_clear_error(tmp_path):
    from namndkoll.api import extracted
    from namndkoll.errors import NamndkollError

    with pytest.raises(NamndkollError, match="choose one of"):
        extracted("sausages", db=tmp_path / "x.db")


def test_empty_corpus_lists_nothing(tmp_path):
    open_db(tmp_path / "empty.db").close()
    assert _json(["positions", "--db", str(tmp_path / "empty.db")]) == []


def test_missing_database_is_one_line_and_creates_nothing(tmp_path):
    result = runner.invoke(app, ["positions", "--db", str(tmp_path / "typo" / "x.db")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no database at" in result.output
    assert not (tmp_path / "typo").exists()


def test_document_outside_items_has_no_item(tmp_path):
    db = tmp_path / "plain.db"
    pages = with_offsets([Page(1, "Ledamöterna från SD reserverar sig mot beslutet.")])
    _store_all(db, [Document("/r/plain.pdf", "f" * 64, pages, Metadata(municipality="Göteborg"))])
    (row,) = _json(["positions", "--db", str(db)])
    assert row["item"] is None and row["parties"] == ["SD"]


def test_a_unit_is_found_as_a_reader_types_it(tmp_path):
    """`figures --unit m2` found nothing where the record writes "5 000 m2" (stored "m²"), nor
    did "kr" (stored "SEK") or "platser" (stored "plats"): a keyboard has no "²"."""
    text = ("§ 4\nMarkanvisning\nMaximalt fast egendom om 5 000 m2 per ärende. Kostnaden är 120 000 kr "
            "för 12 platser, 4 procent av budgeten.")
    db = tmp_path / "units.db"
    _store_all(db, [make_doc(text, items=True)])
    assert [r["unit"] for r in namndkoll.extracted("figures", db=db, kind="measure")] == ["m²"]
    for typed, stored in [("m2", "m²"), ("kvm", "m²"), ("kvadratmeter", "m²"), ("kr", "SEK"),
                          ("kronor", "SEK"), ("platser", "plats"), ("plats", "plats"), ("procent", "%"),
                          ("%", "%")]:
        rows = namndkoll.extracted("figures", db=db, unit=typed)
        assert [r["unit"] for r in rows] == [stored], typed
    result = runner.invoke(app, ["figures", "--db", str(db), "--unit", "m2"])
    assert result.exit_code == 0 and result.stdout.startswith("1 figure\n"), result.output
    assert namndkoll.extracted("figures", db=db, unit="ton") == []


def test_positions_table_says_each_kind_as_read_at_80_columns(corpus):
    """At 80 columns the positions table dropped the kind, so a reservation read as a yrkande;
    wider, it showed the stored 'protokollsanteckning'/'sarskilt_uttalande' (STANCE_LABELS
    are what the web pages say)."""
    result = runner.invoke(app, ["positions", "--db", str(corpus), "--party", "SD"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "kind" in lines[1] and "parties" in lines[1] and max(len(line) for line in lines) <= 80
    assert any("yrkande" in line for line in lines) and any("reservation" in line for line in lines)



def test_positions_table_says_the_kinds_in_swedish(tmp_path):
    db = tmp_path / "kinds.db"
    _store_all(db, [make_doc("§ 3\nBudget\nBeslut\nKommunstyrelsen beslutar att godkänna budgeten.\n"
                             "Särskilt uttalande\nAnna Ek (V) lämnar ett särskilt uttalande: Mer till skolan.\n"
                             "Protokollsanteckning\nBo Ek (MP) lämnar en protokollsanteckning: Vi noterar.",
                             items=True)])
    assert [r["kind"] for r in _json(["positions", "--db", str(db)])] == [
        "sarskilt_uttalande", "protokollsanteckning"]  # the machines keep the stored kinds
    table = runner.invoke(app, ["positions", "--db", str(db), "--wide"]).stdout
    assert "särskilt uttalande" in table and "anteckning" in table
    assert "sarskilt_uttalande" not in table and "protokollsanteckning  " not in table


def test_positions_table_names_every_party_of_a_reservation_at_80_columns(tmp_path):
    """Walk 20 (votes): at 80 columns the parties of a joint reservation read "M, KD,…" (Alingsås
    BUN 2026-06-16 § 44: M, KD and L), and over two municipalities the parties column was
    dropped, leaving the reader to guess from a cut quote who reserved themselves."""
    from namndkoll.types import Document

    texts = [("Alingsås", "Barn- och ungdomsnämnden",
              ("§ 44\nKompetensförsörjningsplan\nBeslut\nNämnden antar planen.\nReservation\n"
               "Thomas Thim (M), Carin Östh (M), David Skoog (M), Linda Ynghammar (KD) och Karin Josefsson (L) "
               "lämnar följande skriftliga reservation: Vi reserverar oss mot målvärdet.")),
             ("Göteborg", "Kommunfullmäktige",
              ("§ 4\nBudget 2024\nBeslut\nKommunfullmäktige beslutar att bifalla förslaget.\nReservationer\n"
               "Ledamöterna från M, D, L och KD reserverar sig mot beslutet till förmån för det egna yrkandet."))]
    docs = []
    for i, (town, body, text) in enumerate(texts):
        d = make_doc(text, items=True, municipality=town, committee=body, date=f"2026-06-1{i}",
                     doc_type="protokoll")
        docs.append(Document(f"/records/{i}.pdf", str(i) * 64, d.pages, d.metadata, d.items))
    db = tmp_path / "reservations.db"
    _store_all(db, docs)
    expected = {"2026-06-10": "M, KD, L", "2026-06-11": "M, D, L, KD"}
    assert {r["date"]: ", ".join(r["parties"]) for r in _json(["positions", "--db", str(db)])} == expected
    for args in (["--municipality", "Alingsås"], []):
        result = runner.invoke(app, ["positions", "--db", str(db), *args], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= 80 and "parties" in lines[1], result.stdout
        for date, parties in expected.items():
            if args and date == "2026-06-11":
                continue
            row = next(line for line in lines if line.startswith(date))
            assert f"  {parties}  " in row, row


def test_votes_table_keeps_the_committee_over_two_municipalities_at_80_columns(tmp_path):
    """Walk 20 (votes, row 25): at 80 columns over two municipalities the committee gave way, so
    Alingsås KS § 114 and BUN § 44 read alike but for the date."""
    from namndkoll.types import Document

    vote = ("Omröstning\nGodkänd voteringsproposition: ”Ja för bifall till arbetsutskottets förslag och Nej för "
            "bifall till avslagsyrkandet.”\nOmröstningen utfaller med {y} Ja mot {n} Nej. 1 ledamot avstår från att rösta.")
    texts = [("Alingsås", "Kommunstyrelsen", "§ 114\nMotion om lekplatser\nBeslut\nMotionen avslås.\n" + vote.format(y=9, n=6)),
             ("Alingsås", "Barn- och ungdomsnämnden",
              "§ 44\nKompetensförsörjningsplan\nBeslut\nNämnden antar planen.\n" + vote.format(y=6, n=7)),
             ("Göteborg", "Kommunfullmäktige", "§ 4\nBudget 2024\nBeslut\nBudgeten fastställs.\n" + vote.format(y=40, n=29))]
    docs = []
    for i, (town, body, text) in enumerate(texts):
        d = make_doc(text, items=True, municipality=town, committee=body, date=f"2026-06-1{i}", doc_type="protokoll")
        docs.append(Document(f"/records/{i}.pdf", str(i) * 64, d.pages, d.metadata, d.items))
    db = tmp_path / "votes.db"
    _store_all(db, docs)
    assert len(_json(["votes", "--db", str(db)])) == 3
    result = runner.invoke(app, ["votes", "--db", str(db)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, result.stdout
    assert "committee" in lines[1] and "munic" in lines[1], result.stdout
    ks = next(line for line in lines if line.startswith("2026-06-10"))
    bun = next(line for line in lines if line.startswith("2026-06-11"))
    assert "Kommunsty" in ks and "Barn- och" in bun, result.stdout
