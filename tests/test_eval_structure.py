"""`namndkoll eval structure`: the gold format, the scoring rules, and a run on a generated PDF."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.extract.evaluate_structure import (
    GoldError,
    evaluate_structure,
    load_gold_dir,
    meta_ok,
    validate_gold,
)
from namndkoll.types import (
    Document,
    Extraction,
    Item,
    Metadata,
    Page,
    Position,
    RollCallEntry,
    Vote,
    with_offsets,
)

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "bench" / "gold"


# ---- the committed gold set -----------------------------------------------------------------

def test_every_committed_gold_file_follows_the_format():
    files = sorted(GOLD.rglob("*.json"))
    assert len(files) >= 30
    for path in files:
        g = json.loads(path.read_text(encoding="utf-8"))
        assert validate_gold(g) == [], path
        assert path.stem == g["id"], path
        assert path.parent.name == g["split"], path
    golds = load_gold_dir(GOLD)  # raises on any bad file
    splits = {g["split"] for _, g in golds}
    assert {"dev", "heldout"} <= splits
    assert all(s in ("dev", "heldout") or s[3:].isdigit() for s in splits), splits
    assert len({g["metadata"]["municipality"] if isinstance(g["metadata"]["municipality"], str) else None
                for _, g in golds} - {None}) >= 6


def test_roll_calls_in_the_gold_agree_with_their_counts():
    for _, g in load_gold_dir(GOLD):
        for v in g["votes"]:
            if not v["roll_call"]:
                continue
            n = {c: sum(m["vote"] == c for m in v["roll_call"]) for c in ("ja", "nej", "avstar")}
            assert (n["ja"], n["nej"]) == (v["yes"], v["no"]), (g["id"], v["item"])
            if v["abstain"] is not None:
                assert n["avstar"] == v["abstain"], (g["id"], v["item"])


# ---- the format checks ------------------------------------------------------------------------

def _gold(**over):
    g = {"id": "x", "source": {"repo": "o/r", "path": "a.pdf", "commit": "0" * 40, "file": "heldout/a.pdf"},
         "sha256": "a" * 64, "split": "heldout", "template": "meetings-plus",
         "metadata": {"municipality": "Exempelstad", "org_kind": "kommun", "committee": "Kommunstyrelsen",
                      "doc_type": "protokoll", "kind": None, "date": "2024-03-05", "title": None},
         "items": [{"number": "1", "title": "Val av justerare", "page_start": 1}],
         "votes": [], "positions": []}
    g.update(over)
    return g


@pytest.mark.parametrize("change, fragment", [
    ({"split": "test"}, "split"),
    ({"sha256": "xyz"}, "sha256"),
    ({"source": {"shared": "data/pdf/a.pdf"}}, "held-out"),
    ({"items": [{"number": 1, "title": "A", "page_start": 1}]}, "items[0]"),
    ({"votes": [{"item": "1", "yes": "6", "no": 5, "abstain": 0, "absent": None, "roll_call": []}]}, "votes[0].yes"),
    ({"positions": [{"party": "S", "kind": "opinion", "key": "x"}]}, "positions[0]"),
    ({"metadata": {"municipality": None, "org_kind": "stad", "committee": None, "doc_type": "protokoll",
                   "kind": None, "date": None, "title": None}}, "org_kind"),
])
def test_validate_gold_names_what_is_wrong(change, fragment):
    assert validate_gold(_gold()) == []
    problems = validate_gold(_gold(**change))
    assert any(fragment in p for p in problems), problems


@pytest.mark.parametrize("split, ok", [("dev", True), ("heldout", True), ("dev177", True),
                                       ("dev-177", False), ("devx", False), ("heldout2", False)])
def test_a_rounds_own_dev_batch_is_a_split_of_its_own(split, ok, tmp_path):
    """A round's new documents go in a split devN: valid gold, scored with --split devN and never
    mixed into dev's lines (so dev stays comparable round to round)."""
    assert (validate_gold(_gold(split=split, source={"repo": "o/r", "path": "a.pdf", "commit": "0" * 40,
                                                     "file": "x/a.pdf"})) == []) is ok
    if split != "dev177":
        return
    gdir = _write_gold(tmp_path, _gold(split="dev177"))
    res = evaluate_structure(gdir, pdf_dirs=[tmp_path / "pdfs"], split="dev177", read=lambda p: _fake_reading())
    assert list(res["splits"]) == ["dev177"] and res["splits"]["dev177"]["all"]["documents"] == 1
    with pytest.raises(GoldError, match="no gold files for split 'dev'"):
        evaluate_structure(gdir, pdf_dirs=[tmp_path / "pdfs"], split="dev", read=lambda p: _fake_reading())


def test_load_gold_dir_rejects_a_bad_file_with_its_name(tmp_path):
    (tmp_path / "heldout").mkdir()
    (tmp_path / "heldout" / "x.json").write_text(json.dumps(_gold(split="nope")), encoding="utf-8")
    with pytest.raises(GoldError, match="x.json"):
        load_gold_dir(tmp_path)


@pytest.mark.parametrize("field, want, have, ok", [
    ("municipality", "Alingsås", "alingsås", True),
    ("municipality", "Alingsås", None, False),
    ("municipality", None, "Alingsås", False),
    ("municipality", None, None, True),
    ("committee", ["Revisorerna", "Kommunrevisionen"], "Kommunrevisionen", True),
    ("title", "Delårsrapport mars 2026- nämnder och styrelser", "Delårsrapport mars 2026 – nämnder och styrelser", True),
    ("date", [None, "2026-02-01"], None, True),
    ("date", "2024-04-09", "2024-04-10", False),
])
def test_metadata_comparison(field, want, have, ok):
    assert meta_ok(field, want, have) is ok


# ---- scoring rules on a known reading -----------------------------------------------------------

def _fake_reading() -> tuple[Document, Extraction]:
    pages = with_offsets([Page(1, "§ 1 Val av justerare"), Page(2, "§ 2 Budget\nOmröstning"), Page(3, "§ 4 Extra")])
    doc = Document(
        source="x.pdf", sha256="", pages=pages,
        metadata=Metadata(municipality="Exempelstad", org_kind="kommun", committee="Kommunstyrelsen",
                          doc_type="protokoll", date="2024-03-06"),
        items=(Item("1", "Val av justerare", 0, 10, 1, 1), Item("2", "Budget 2025", 11, 20, 3, 3),
               Item("4", "Extra", 21, 30, 3, 3)))
    roll = (RollCallEntry("Anna Andersson", "S", "ja"), RollCallEntry("Berit Berg", "M", "ja"),
            RollCallEntry("Cecilia Ceder", "SD", "ja"))
    ext = Extraction(
        votes=(Vote("§ 2", 2, 1, 0, None, None, 2, 0, 0, roll_call=roll), Vote("§ 4", 1, 1, 0, None, None, 3, 0, 0)),
        positions=(Position(("SD",), "reservation", "Ledamöterna från SD reserverar sig mot beslutet.", 2, 0, 0, item="§ 2"),
                   Position(("M",), "yrkande", "M yrkar avslag på budgeten.", 2, 0, 0, item="§ 2")))
    return doc, ext


def _write_gold(tmp_path: Path, gold: dict, pdf_bytes: bytes = b"%PDF-fake") -> Path:
    pdfs = tmp_path / "pdfs" / "heldout"
    pdfs.mkdir(parents=True, exist_ok=True)
    (pdfs / "a.pdf").write_bytes(pdf_bytes)
    gold["sha256"] = hashlib.sha256(pdf_bytes).hexdigest()
    gdir = tmp_path / "gold" / gold["split"]
    gdir.mkdir(parents=True, exist_ok=True)
    (gdir / f"{gold['id']}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "gold"


def test_scores_follow_the_rules(tmp_path):
    gold = _gold(
        items=[{"number": "1", "title": "Val av justerare", "page_start": 1},
               {"number": "2", "title": "Budget 2024", "page_start": 2},
               {"number": "3", "title": "Övrigt", "page_start": 3}],
        votes=[{"item": "2", "yes": 2, "no": 1, "abstain": 0, "absent": None,
                "roll_call": [{"name": "Andersson, Anna", "party": "S", "vote": "ja"},
                              {"name": "Berit Berg", "party": "M", "vote": "nej"},
                              {"name": "Cecilia Ceder", "party": "SD", "vote": "ja"},
                              {"name": "David Dahl", "party": "V", "vote": "nej"}]}],
        positions=[{"party": "SD", "kind": "reservation", "item": "2", "key": "reserverar  sig"},
                   {"party": "M", "kind": "reservation", "item": "2", "key": "avslag"},
                   {"party": "C", "kind": "yrkande", "item": None, "key": "bifall"}])
    gdir = _write_gold(tmp_path, gold)
    res = evaluate_structure(gdir, pdf_dirs=[tmp_path / "pdfs"], read=lambda p: _fake_reading())
    assert res["skipped"] == []
    for s in (res["splits"]["heldout"]["meetings-plus"], res["splits"]["heldout"]["all"]):
        # (1,p1) right; (2,p3) wrong page; § 3 missing; § 4 extra
        assert s["items"]["tp"] == 1 and s["items"]["fn"] == 2 and s["items"]["fp"] == 2
        assert s["item_numbers"] == {"share": 0.6667, "right": 2, "of": 3}
        assert s["item_titles"] == {"share": 0.5, "right": 1, "of": 2}
        # date wrong, the other six fields right
        assert s["metadata"]["right"] == 6 and s["metadata"]["of"] == 7
        assert s["metadata"]["fields"]["date"]["right"] == 0
        assert s["votes"] == {"share": 1.0, "right": 1, "of": 1, "extra": 1}
        # Anna (name reversed) and Cecilia right, Berit wrong vote, David missing
        assert s["roll_call"]["right"] == 2 and s["roll_call"]["of"] == 4
        assert s["roll_call"]["names_found"]["right"] == 3
        assert s["positions"] == {"share": 0.3333, "right": 1, "of": 3}
    misses = res["documents"][0]["misses"]
    assert any("§ 3" in m and "not found" in m for m in misses)
    assert any("found as yrkande" in m for m in misses)
    assert any("extra vote on § 4: 1-1-0" in m for m in misses)


def test_a_missing_or_changed_pdf_is_reported_and_skipped(tmp_path):
    gdir = _write_gold(tmp_path, _gold())
    res = evaluate_structure(gdir, pdf_dirs=[tmp_path / "elsewhere"], read=lambda p: _fake_reading())
    assert res["documents"] == [] and "not found" in res["skipped"][0]["reason"]
    (tmp_path / "pdfs" / "heldout" / "a.pdf").write_bytes(b"%PDF-other")
    res = evaluate_structure(gdir, pdf_dirs=[tmp_path / "pdfs"], read=lambda p: _fake_reading())
    assert "sha256" in res["skipped"][0]["reason"]


# ---- the real reader on a generated protocol ------------------------------------------------------

def _protocol_pdf(path: Path) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pages = [
        ["Exempelstads kommun", "Kommunstyrelsen", "Protokoll", "Sammanträdesdatum 2024-03-05", "",
         "§ 1 Val av justerare", "", "Anna Andersson (S) utses att justera protokollet."],
        ["§ 2 Budget 2025", "", "Yrkanden", "Berit Berg (M) yrkar avslag på förslaget.", "",
         "Omröstning", "Omröstningen utfaller med 6 Ja mot 5 Nej.", "",
         "Reservation", "Ledamöterna från M reserverar sig mot beslutet."],
    ]
    for n, lines in enumerate(pages, 1):
        y = 780
        for line in lines:
            c.setFont("Helvetica-Bold" if line.startswith("§") else "Helvetica", 11)
            c.drawString(60, y, line)
            y -= 16
        c.setFont("Helvetica", 8)
        c.drawRightString(540, 30, f"Sida {n} ({len(pages)})")
        c.showPage()
    c.save()
    return path.read_bytes()


def test_cli_runs_the_real_reader_on_a_generated_protocol(tmp_path):
    pdf_bytes = _protocol_pdf(tmp_path / "proto.pdf")
    gold = _gold(
        template="word",
        items=[{"number": "1", "title": "Val av justerare", "page_start": 1},
               {"number": "2", "title": "Budget 2025", "page_start": 2}],
        votes=[{"item": "2", "yes": 6, "no": 5, "abstain": None, "absent": None, "roll_call": []}],
        positions=[{"party": "M", "kind": "reservation", "item": "2", "key": "reserverar sig"}])
    gdir = _write_gold(tmp_path, gold, pdf_bytes)
    result = CliRunner().invoke(app, ["eval", "structure", str(gdir), "--pdf-dir", str(tmp_path / "pdfs"),
                                      "--split", "heldout", "--json"])
    assert result.exit_code == 0, result.output
    res = json.loads(result.output)
    doc = res["documents"][0]
    assert doc["pages"] == 2 and doc["template"] == "word"
    s = res["splits"]["heldout"]["all"]
    assert s["documents"] == 1 and s["item_numbers"]["of"] == 2 and s["votes"]["of"] == 1
    for share in (s["items"]["recall"], s["metadata"]["accuracy"], s["votes"]["share"], s["positions"]["share"]):
        assert share is not None and 0.0 <= share <= 1.0


def test_cli_says_what_to_fix_for_an_empty_split(tmp_path):
    gdir = _write_gold(tmp_path, _gold())
    result = CliRunner().invoke(app, ["eval", "structure", str(gdir), "--split", "dev"])
    assert result.exit_code == 1
    assert "no gold files for split 'dev'" in result.output


def test_a_member_named_as_the_document_does_elsewhere_meets_the_gold_of_the_list():
    """The gold transcribes a list's names ("Gun Yvonne Larsson" for "Larsson Gun Yvonne");
    the roll call names her as the attendance list does ("Gun Larsson") and keeps the list's row
    as its quote: found. A name that only shares words with the gold's, with no quote of the list
    holding it, is not."""
    from namndkoll.extract.evaluate_structure import Score, score_votes

    roll = (RollCallEntry("Gun Larsson", "-", "ja", text="Larsson Gun Yvonne, Ledamot - X"),
            RollCallEntry("Jonna Tingberg", "M", "nej", text="Tingberg Jonna, Ledamot M"),
            RollCallEntry("Marie Sand", "S", "nej", text="Sand Marie, Ledamot S X"))
    ext = Extraction(votes=(Vote("§ 41", 1, 2, 0, None, None, 39, 0, 0, roll_call=roll),))
    gold = [{"item": "41", "yes": 1, "no": 2, "abstain": 0, "absent": None,
             "roll_call": [{"name": "Gun Yvonne Larsson", "party": "-", "vote": "ja"},
                           {"name": "Jonna Ekström Tingberg", "party": "M", "vote": "nej"},
                           {"name": "Marie Sand", "party": "S", "vote": "nej"}]}]
    s, misses = Score(), []
    score_votes(ext, gold, s, misses)
    assert (s.roll_names.tp, s.roll_votes.tp, s.roll_names.fn) == (2, 2, 1)
