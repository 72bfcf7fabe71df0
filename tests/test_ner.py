"""The shipped Swedish NER, the rule components for parties and bodies, and `ner train` / `eval ner`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.extract.ner import MODEL_DIR, entities_in_text, find_entities, load_ner, rule_spans
from namndkoll.types import Document, Page, with_offsets

runner = CliRunner()
PKG = Path(__file__).resolve().parent.parent / "namndkoll"


def _ents(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in entities_in_text(text)}


# ---- the shipped model --------------------------------------------------------------------


def test_model_ships_inside_the_package_small_and_attributed():
    files = [p for p in MODEL_DIR.rglob("*") if p.is_file()]
    assert (MODEL_DIR / "config.cfg").is_file() and (MODEL_DIR / "meta.json").is_file()
    assert sum(p.stat().st_size for p in files) <= 30 * 1024 * 1024
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in meta["attribution"] and "klintan" in meta["attribution"]
    assert set(meta["labels"]["ner"]) == {"PER", "LOC", "ORG", "MISC"}
    # pyproject's package-data glob ("extract/models/**/*") must take every model file along
    globbed = set(PKG.glob("extract/models/**/*"))
    assert all(p in globbed for p in files)


def test_model_loads_from_the_package_once():
    nlp = load_ner()
    assert nlp is load_ner()
    assert nlp.pipe_names[-2:] == ["ner", "namndkoll_bodies"]
    assert [t.text for t in nlp.make_doc("bl.a. Ordf. Karin, t.ex. S:t Jörgen")][:3] == ["bl.a.", "Ordf.", "Karin"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ordföranden Karin Ernlund (C) föreslår att nämnden bifaller förslaget.", ("Karin Ernlund", "PER")),
    ("Kommunfullmäktige i Göteborg beslutade i går att Anna Svensson ska leda arbetet.",
     ("Anna Svensson", "PER")),
    ("Projektet genomförs i Malmö och Lund under våren.", ("Malmö", "LOC")),
    ("Volvo och Ericsson har lovat att anställa fler ungdomar i Stockholm.", ("Stockholm", "LOC")),
])
def test_model_finds_people_and_places_in_public_record_sentences(text, expected):
    assert expected in _ents(text)


def test_offsets_point_into_document_text_on_the_right_page():
    pages = with_offsets([
        Page(1, "Protokoll\n\nNärvarande: Karin Ernlund (C), ordförande"),
        Page(2, "Beslut\nSocialnämnden beslutade att ge Stadsledningskontoret i uppdrag att\n"
                "utreda frågan.\n\nSammanträdet hölls i Lund den 5 maj. Kommunalrådet Jonas\n"
                "Attenius (S) reserverade sig mot beslutet."),
    ])
    doc = Document(source="x.pdf", sha256="0", pages=pages)
    ents = find_entities(doc)
    assert ents, "the model should find something"
    for e in ents:
        assert doc.text[e.start:e.end] == e.text
        assert doc.page_of(e.start) == e.page
    found = {(e.text, e.label, e.page) for e in ents}
    assert ("Karin Ernlund", "PER", 1) in found
    assert ("Socialnämnden", "ORG", 2) in found and ("Stadsledningskontoret", "ORG", 2) in found
    assert ("S", "PARTY", 2) in found and ("C", "PARTY", 1) in found
    # a name broken over two lines stays one name
    assert ("Jonas\nAttenius", "PER", 2) in found


# ---- rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Ärendet har remitterats till Arbetsförmedlingen.", "Arbetsförmedlingen", "ORG"),
    ("Enligt Försäkringskassans statistik ökar sjuktalen.", "Försäkringskassans", "ORG"),
    ("SKR rekommenderar kommunerna att avvakta.", "SKR", "ORG"),
    ("IVO har granskat verksamheten.", "IVO", "ORG"),
    ("Beslutet kan överklagas hos Länsstyrelsen i Västra Götalands län.",
     "Länsstyrelsen i Västra Götalands län", "ORG"),
    ("Region Skåne ansvarar för vården.", "Region Skåne", "ORG"),
    ("Ärendet skickas till Lunds kommun för yttrande.", "Lunds kommun", "ORG"),
    ("Enligt kommunstyrelsens förslag beslutar fullmäktige", "kommunstyrelsens", "ORG"),
    ("Stadsbyggnadsnämnden har yttrat sig.", "Stadsbyggnadsnämnden", "ORG"),
    ("Socialförvaltningen föreslår att nämnden beslutar", "Socialförvaltningen", "ORG"),
    ("Ärendet avgörs av kommunfullmäktige.", "kommunfullmäktige", "ORG"),
    ("Vänsterpartiets förslag avslogs.", "Vänsterpartiets", "PARTY"),
    ("Sverigedemokraterna reserverar sig.", "Sverigedemokraterna", "PARTY"),
    ("Martin Wannholt (D) yrkar bifall.", "D", "PARTY"),
    ("Rashid Mohammed (V) och Farida al-Abani (Fi) yrkar avslag.", "Fi", "PARTY"),
])
def test_rules_find_bodies_and_parties(text, span, label):
    spans = {(text[s:e], lab) for s, e, lab in rule_spans(text)}
    assert (span, label) in spans


@pytest.mark.parametrize("text", [
    "S:t Jörgens kyrka ligger i centrum.",
    "Beslutet fattades av nämnden och styrelsen.",  # no named body, only the common noun
    "Kontakt: SE-412 96 Göteborg, org.nr 212000-1355.",
    "Enligt avtal med bolagsstyrelsen.",
])
def test_rules_do_not_invent_parties_or_bodies(text):
    labels = [(text[s:e], lab) for s, e, lab in rule_spans(text)]
    assert not [x for x in labels if x[1] == "PARTY"], labels
    assert not [x for x in labels if x[0].lower() in {"nämnden", "styrelsen", "bolagsstyrelsen"}]


def test_rules_win_over_the_model_in_the_pipeline():
    doc = load_ner()("Anna Berg (KD) och Arbetsförmedlingen i Göteborg träffades.")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("KD", "PARTY") in labels and ("Arbetsförmedlingen", "ORG") in labels
    assert [s.text for s in doc.spans["namndkoll_bodies"]] == ["KD", "Arbetsförmedlingen"]


# ---- training and evaluation --------------------------------------------------------------

_TRAIN = [
    ("Anna Andersson bor i Malmö och arbetar på Volvo .", ["PER", "PER", 0, 0, "LOC", 0, 0, 0, "ORG", 0]),
    ("Erik Lind flyttade till Uppsala .", ["PER", "PER", 0, 0, "LOC", 0]),
    ("Ikea öppnar ett varuhus i Umeå .", ["ORG", 0, 0, 0, 0, "LOC", 0]),
    ("Det regnade hela dagen .", [0, 0, 0, 0, 0]),
]


def _write_klintan(path: Path, n: int) -> None:
    lines = []
    for i in range(n):
        text, labels = _TRAIN[i % len(_TRAIN)]
        lines += [f"{w}\t{lab}" for w, lab in zip(text.split(), labels)] + [""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_ner_train_and_eval_on_a_tiny_set(tmp_path):
    data = tmp_path / "ner"
    _write_klintan(data / "klintan-swedish-ner" / "train_corpus.txt", 40)
    _write_klintan(data / "klintan-swedish-ner" / "test_corpus.txt", 8)
    out = tmp_path / "model"
    res = runner.invoke(app, ["ner", "train", "--data", str(data), "-o", str(out), "--max-steps", "2",
                              "--eval-every", "1", "--silver", "0", "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["train_sentences"] == 36 and report["dev_sentences"] == 4
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in meta["attribution"]
    assert "ner" in load_ner(out, rules=False).pipe_names

    res = runner.invoke(app, ["eval", "ner", "--data", str(data), "--model", str(out), "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)
    assert set(scores["per_label"]) == {"PER", "LOC", "ORG", "MISC"}
    assert scores["per_label"]["PER"]["support"] == 4 and scores["sentences"] == 8
    assert 0.0 <= scores["f1"] <= 1.0


def test_ner_train_says_where_the_data_is_missing(tmp_path):
    res = runner.invoke(app, ["ner", "train", "--data", str(tmp_path), "-o", str(tmp_path / "m")])
    assert res.exit_code == 1
    assert "klintan-swedish-ner" in res.output


def test_shipped_model_scores_on_klintan_test(shared):
    res = runner.invoke(app, ["eval", "ner", "--data", str(shared / "data" / "ner"), "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)
    assert scores["f1"] > 0.65
    assert scores["per_label"]["PER"]["f1"] > 0.75
