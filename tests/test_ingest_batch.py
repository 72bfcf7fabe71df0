"""Batches of files, good and bad: what a user sees, what is stored, what survives a crash."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.corpus.db import open_db

runner = CliRunner()

PROTOCOL = [
    ("Kommunfullmäktige\nProtokoll nr 4\nSammanträdesdatum: 2024-04-25\n"
     "§ 143 Ärendenummer SLK-2011-01082:79\nInformation om Göteborgs 400-årsjubileum\n"
     "Beslut\nInformationen antecknas.\n"),
    ("Kommunfullmäktige\nProtokoll nr 4\nSammanträdesdatum: 2024-04-25\n"
     "§ 144 Ärendenummer SLK-2024-00078\nBestämmande av tid för justering\nBeslut\n"
     "Förste vice ordföranden Håkan Eriksson (V) justerar dagens protokoll.\n"),
]


def make_pdf(path: Path, pages: list[str], *, password: str | None = None, image_only: bool = False) -> Path:
    """A small real PDF: one text page per string, 'Sida N (M)' footers, DejaVu for å/ä/ö."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True,
                          check=False).stdout
    name = "Helvetica"
    if font.endswith(".ttf"):
        pdfmetrics.registerFont(TTFont("DejaVu", font))
        name = "DejaVu"
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=password, invariant=True)
    w, h = A4
    for n, text in enumerate(pages, 1):
        if image_only:
            c.rect(60, 400, 300, 200, fill=1)  # a drawing, no text layer
        else:
            c.setFont(name, 10)
            y = h - 70
            for line in text.split("\n"):
                c.drawString(60, y, line)
                y -= 14
            c.setFont(name, 8)
            c.drawRightString(w - 60, 30, f"Sida {n} ({len(pages)})")
        c.showPage()
    c.save()
    return path


def _counts(db: Path) -> tuple[int, int]:
    conn = open_db(db)
    try:
        return (conn.execute("select count(*) from documents").fetchone()[0],
                conn.execute("select count(*) from pages").fetchone()[0])
    finally:
        conn.close()


def test_good_and_bad_files_each_get_one_line_and_the_batch_goes_on(tmp_path, db_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    make_pdf(folder / "kf.pdf", PROTOCOL)
    make_pdf(folder / "sub" / "second.pdf", ["Socialnämnden\nTjänsteskrivelse\n2021-01-05\nText."])
    (folder / "empty.pdf").write_bytes(b"")
    good = (folder / "kf.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 2])
    (folder / "random.pdf").write_bytes(random.Random(1).randbytes(5000))
    make_pdf(folder / "locked.pdf", PROTOCOL, password="hemligt")
    (folder / "notes.txt").write_text("not a pdf")

    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db_path), "--no-index", "--no-extract", "--quiet"])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "2 ingested" in out and "4 failed" in out
    lines = {name: [ln for ln in out.splitlines() if name in ln] for name in
             ("empty.pdf", "truncated.pdf", "random.pdf", "locked.pdf", "notes.txt")}
    assert all(len(v) == 1 for v in lines.values()), lines
    assert "0 bytes" in lines["empty.pdf"][0]
    assert "password" in lines["locked.pdf"][0].lower()
    assert "not a pdf" in lines["random.pdf"][0].lower()
    assert "skipped" in lines["notes.txt"][0]
    assert "Traceback" not in out
    assert _counts(db_path) == (2, 3)


def test_same_file_is_skipped_and_changed_file_replaces(tmp_path, db_path):
    pdf = make_pdf(tmp_path / "kf.pdf", PROTOCOL)
    first = ingest([pdf], db=db_path, index=False, extract=False)
    assert first.count("ingested") == 1
    again = ingest([pdf], db=db_path, index=False, extract=False)
    assert again.count("unchanged") == 1 and again.pages == 0
    make_pdf(pdf, PROTOCOL + ["Kommunfullmäktige\n§ 145 Ny punkt\nBeslut\nBifall."])
    changed = ingest([pdf], db=db_path, index=False, extract=False)
    assert changed.count("replaced") == 1
    assert _counts(db_path) == (1, 3)


def test_image_only_pdf_is_stored_and_marked(tmp_path, db_path):
    pdf = make_pdf(tmp_path / "scan.pdf", ["", ""], image_only=True)
    rep = ingest([pdf], db=db_path, index=False, extract=False, ocr=False)
    assert rep.count("ingested") == 1
    assert any("ocr" in w.lower() for w in rep.results[0].warnings)
    result = runner.invoke(app, ["stats", "--db", str(db_path), "--json"])
    stats = json.loads(result.stdout)
    assert stats["needs_ocr_pages"] == 2 and stats["needing_ocr"][0]["pages"] == 2


def test_500_page_pdf_and_show_page(tmp_path, db_path):
    pages = [f"Kommunstyrelsen\nSida med innehåll nummer {i}.\nBudgeten omfattar {i} tkr." for i in range(1, 501)]
    pdf = make_pdf(tmp_path / "big.pdf", pages)
    rep = ingest([pdf], db=db_path, index=False, extract=False)
    assert rep.count("ingested") == 1 and rep.pages == 500
    result = runner.invoke(app, ["show", "big", "--db", str(db_path), "--page", "377"])
    assert result.exit_code == 0, result.output
    assert "--- page 377 of 500 ---" in result.output
    assert "nummer 377." in result.output and "nummer 376." not in result.output
    assert "Sida 377" not in result.output  # the footer is not body text


def test_documents_and_json(tmp_path, db_path):
    make_pdf(tmp_path / "kf.pdf", PROTOCOL)
    result = runner.invoke(app, ["ingest", str(tmp_path / "kf.pdf"), "--db", str(db_path), "--no-index",
                                 "--no-extract", "--json", "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["ingested"] == 1 and data["results"][0]["pages"] == 2
    docs = json.loads(runner.invoke(app, ["documents", "--db", str(db_path), "--json"]).stdout)
    assert docs[0]["pages"] == 2 and docs[0]["source"].endswith("kf.pdf")


def test_jobs_2_gives_the_same_corpus(tmp_path):
    files = [make_pdf(tmp_path / f"d{i}.pdf", PROTOCOL) for i in range(3)]
    files += [make_pdf(tmp_path / f"e{i}.pdf", [f"Nämnd {i}\nText {i}."]) for i in range(3)]
    one = ingest(files, db=tmp_path / "one.db", jobs=1, index=False, extract=False)
    two = ingest(files, db=tmp_path / "two.db", jobs=2, index=False, extract=False)
    # d1, d2 have the same content as d0: stored once
    assert one.count("ingested") == two.count("ingested") == 4
    assert one.count("unchanged") == two.count("unchanged") == 2
    assert _counts(tmp_path / "one.db") == _counts(tmp_path / "two.db")


def test_the_summary_lists_files_in_the_order_given_whatever_finishes_first(tmp_path):
    """With --jobs 2 (or --cluster) the report listed files as their readers finished: a broken
    file after a long one came first, and the same batch printed its failures in another order
    on each run and backend. The report keeps the order of the files given."""
    big = make_pdf(tmp_path / "a-long.pdf", PROTOCOL * 30)
    bad = tmp_path / "b-broken.pdf"
    bad.write_bytes(big.read_bytes()[:4000])
    small = make_pdf(tmp_path / "c-short.pdf", ["Nämnd\nText."])
    files = [big, bad, small]
    one = ingest(files, db=tmp_path / "one.db", jobs=1, index=False, extract=False)
    two = ingest(files, db=tmp_path / "two.db", jobs=2, index=False, extract=False)
    assert [r.path for r in one.results] == [r.path for r in two.results]
    assert [Path(r.path).name for r in two.results] == ["a-long.pdf", "b-broken.pdf", "c-short.pdf"]


def test_kill_9_mid_batch_leaves_only_whole_documents(tmp_path, db_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        make_pdf(folder / f"doc{i:02d}.pdf", [f"Nämnd {i}\nSida {p} av dokument {i}." for p in range(30)])
    err = tmp_path / "ingest.err"
    with err.open("wb") as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", "namndkoll.cli", "ingest", str(folder), "--db", str(db_path), "--no-index", "--no-extract", "-q"],
            stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db_path.exists():
            try:
                if _counts(db_path)[0] >= 2:
                    break
            except Exception:  # noqa: BLE001, S112 - the database may be mid-creation
                continue
    if proc.poll() is not None:  # nothing left to kill: say why rather than fail on the kill
        pytest.fail(f"the ingest ended (exit {proc.returncode}) before two documents were seen stored: "
                    f"{err.read_text(errors='replace')[-2000:]!r}; stored {_counts(db_path) if db_path.exists() else None}")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    docs, pages = _counts(db_path)
    assert 0 < docs and pages == docs * 30  # whole documents only
    rep = ingest([folder], db=db_path, index=False, extract=False)
    assert rep.count("unchanged") == docs and rep.count("ingested") == 40 - docs
    assert _counts(db_path) == (40, 1200)
