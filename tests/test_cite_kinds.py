"""A citation and a page heading name the kind of document as the document is: an annual report
is an "årsredovisning", a policy a "policy" — not "dokument" — in the search's citation, the
lists' citations and the web page's heading alike."""

from __future__ import annotations

import csv
import io
import re

from namndkoll.search.cite import format_citation
from namndkoll.types import Metadata
from namndkoll.web.common import TYPE_NAMES, doc_title


def test_annual_report_and_initiative_are_named_by_their_kind() -> None:
    md = Metadata(None, "Skövde", "Direktionen", "arsredovisning", "2026-03-20")
    assert format_citation(md, item=None, page=4, page_end=4) == \
        "Direktionen, Skövde, årsredovisning 2026-03-20, s. 4"
    md = Metadata(None, "Alingsås", "Kommunfullmäktige", "initiativarende", "2026-05-02")
    assert "initiativärende 2026-05-02" in format_citation(md, item=None, page=1, page_end=1)


def test_a_document_of_kind_other_is_named_by_its_kind_word() -> None:
    md = Metadata(None, "Botkyrka", "Kommunfullmäktige", "other", "2023-02-23", kind="policy")
    assert format_citation(md, item=None, page=2, page_end=3) == \
        "Kommunfullmäktige, Botkyrka, policy 2023-02-23, s. 2–3"
    unknown = Metadata(None, "Botkyrka", "Kommunfullmäktige", "other", "2023-02-23")
    assert "dokument 2023-02-23" in format_citation(unknown, item=None, page=2, page_end=2)
    assert doc_title(md) == "Kommunfullmäktige, Botkyrka, policy 2023-02-23"
    assert doc_title(unknown) == "Kommunfullmäktige, Botkyrka, 2023-02-23"


def test_a_policy_without_a_body_is_named_by_its_title() -> None:
    """Botkyrka's Bemanningspolicy (decided by its förvaltning's managers: no committee found)
    was cited 'policy 2023-09-19, s. 1', which names no policy at all."""
    md = Metadata("BEMANNINGSPOLICY", None, None, "other", "2023-09-19", kind="policy")
    assert format_citation(md, item=None, page=1, page_end=1) == "”BEMANNINGSPOLICY”, policy 2023-09-19, s. 1"
    with_body = Metadata("Bemanningspolicy", "Botkyrka", "Kommunfullmäktige", "other", "2023-09-19", kind="policy")
    assert format_citation(with_body, item=None, page=1, page_end=1) == \
        "Kommunfullmäktige, Botkyrka, policy 2023-09-19, s. 1"


def test_the_web_filter_names_every_kind() -> None:
    from typing import get_args

    from namndkoll.types import DocType

    assert set(TYPE_NAMES) == set(get_args(DocType))
    assert TYPE_NAMES["other"] == "övrigt"


def test_the_lists_cite_a_policy_by_its_kind_word(tmp_path) -> None:
    """`namndkoll figures` on a policy cites it as the search does: "policy", not "dokument"."""
    from namndkoll.api import extracted
    from namndkoll.corpus import extractions, store
    from namndkoll.corpus.db import open_db, transaction
    from namndkoll.extract import extract_document
    from namndkoll.types import Document, Page

    md = Metadata("Policy för inköp", "Botkyrka", "Kommunfullmäktige", "other", "2023-02-23",
                  kind="policy")
    doc = Document(str(tmp_path / "policy.pdf"), "a" * 64,
                   [Page(1, "Inköp över 100 tkr ska alltid upphandlas enligt denna policy.")], md)
    db = tmp_path / "c.db"
    conn = open_db(db)
    try:
        with transaction(conn):
            extractions.save_extraction(conn, store.replace_document(conn, doc), doc,
                                        extract_document(doc))
    finally:
        conn.close()
    rows = extracted("figures", db=db)
    assert rows and rows[0]["citation"] == "Kommunfullmäktige, Botkyrka, policy 2023-02-23, s. 1"
    assert "doc_kind" not in rows[0]
    # the documents list says what the document is ('other' alone was all it said of a policy)
    from typer.testing import CliRunner

    from namndkoll.cli import app

    out = CliRunner().invoke(app, ["documents", "--db", str(db), "--wide"])
    assert out.exit_code == 0 and "other: policy" in out.stdout, out.stdout
    csv_out = CliRunner().invoke(app, ["documents", "--db", str(db), "--csv"]).stdout
    rows_csv = list(csv.DictReader(io.StringIO(csv_out)))
    assert rows_csv and rows_csv[0]["kind"] == "policy" and rows_csv[0]["doc_type"] == "other"


def test_the_document_page_the_basket_and_the_case_cite_a_budget_by_its_kind(tmp_path) -> None:
    """Alingsås' 'Underlag ramar 2027-2029' (a budget, type other): the search and `figures` cite
    it '”Underlag ramar 2027-2029”, Alingsås, budget, s. 2', but the document page a secretary
    copies the reference from, a figure in the citation basket and the case page said
    'dokument'."""
    from fastapi.testclient import TestClient

    from namndkoll import api
    from namndkoll.corpus import extractions, store
    from namndkoll.corpus.db import open_db, transaction
    from namndkoll.extract import extract_document
    from namndkoll.types import Document, Page
    from namndkoll.web.app import create_app

    md = Metadata("Underlag ramar 2027-2029", "Alingsås", None, "other", None, ("2026.100 KS",), kind="budget")
    doc = Document(str(tmp_path / "ramar.pdf"), "b" * 64,
                   [Page(1, "Ram 2027\nKommunstyrelsen, lokalkostnad kommunhuset (4 000 tkr)\nDnr 2026.100 KS")], md)
    db = tmp_path / "c.db"
    conn = open_db(db)
    try:
        with transaction(conn):
            doc_id = store.replace_document(conn, doc)
            extractions.save_extraction(conn, doc_id, doc, extract_document(doc))
    finally:
        conn.close()
    want = "”Underlag ramar 2027-2029”, Alingsås, budget"
    assert api.extracted("figures", db=db)[0]["citation"].startswith(want)
    client = TestClient(create_app(db, read_only=True, warm=False))
    page = client.get(f"/documents/{doc_id}?page=1").text
    assert re.findall(r'class="citation">([^<]*)', page) == [want + ", dnr 2026.100 KS, s. 1"]
    figure = api.extracted("figures", db=db)[0]["id"]
    assert api.basket_items([f"f{figure}"], db=db)[0]["citation"].startswith(want)
    assert api.case_view("2026.100 KS", db=db).entries[0]["citation"].startswith(want)


def test_documents_and_stats_name_a_type_as_swedish_writes_it(tmp_path) -> None:
    """A secretary pasting `namndkoll documents --type tjänsteskrivelse` into an email got
    'tjansteskrivelse', 'arsredovisning', 'initiativarende' (the stored codes, no å ä ö) in the
    table, as in `stats`; the tables now say what the citations say. --json/--csv keep the code."""
    import json

    from typer.testing import CliRunner

    from namndkoll.cli import app
    from namndkoll.corpus import store
    from namndkoll.corpus.db import open_db, transaction
    from namndkoll.types import Document, Page

    db = tmp_path / "t.db"
    conn = open_db(db)
    try:
        with transaction(conn):
            for n, (doc_type, title) in enumerate([("tjansteskrivelse", "Svar på motion"),
                                                   ("arsredovisning", "Årsredovisning 2025")]):
                md = Metadata(title, "Alingsås", "Kommunstyrelsen", doc_type, "2026-05-11")  # type: ignore[arg-type]
                store.replace_document(conn, Document(str(tmp_path / f"{n}.pdf"), str(n) * 64,
                                                      [Page(1, "Text.")], md))
    finally:
        conn.close()
    run = CliRunner().invoke
    out = run(app, ["documents", "--db", str(db), "--wide"]).stdout
    assert "tjänsteskrivelse" in out and "årsredovisning" in out and "tjansteskrivelse" not in out, out
    stats = run(app, ["stats", "--db", str(db)]).stdout
    assert "tjänsteskrivelse" in stats and "arsredovisning" not in stats, stats
    rows = json.loads(run(app, ["documents", "--db", str(db), "--json"]).stdout)
    assert sorted(r["doc_type"] for r in rows) == ["arsredovisning", "tjansteskrivelse"]
