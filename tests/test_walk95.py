"""A user walk over other municipalities' records (sixteenth session, h-walk95): what a
journalist, a political secretary, a researcher and a municipal officer would notice.
Small reportlab PDFs, other names and bodies than the real pages."""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app

runner = CliRunner()


def test_a_one_page_scan_is_reported_as_one_page(tmp_path):
    """`ingest` of a one-page scan said "1 of 1 pages have no text layer and need OCR (pages 1)"
    (a Sundbyberg audit page: "1 pages read by OCR")."""
    pdf = make_pdf(tmp_path / "skannad.pdf", [""], image_only=True)
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(pdf), "--db", str(db), "--no-ocr", "--no-index"])
    out = result.stdout + (result.stderr or "")
    assert "1 of 1 page has no text layer and needs OCR (page 1)" in out
    assert "1 page in " in out and "1 pages in " not in out and "pages 1)" not in out
    two = make_pdf(tmp_path / "tva.pdf", ["", ""], image_only=True)
    rep = ingest([two], db=tmp_path / "d.db", index=False, extract=False, ocr=False)
    assert any("2 of 2 pages have no text layer and need OCR (pages 1-2)" in w for w in rep.results[0].warnings)


def _counts(text: str) -> list[tuple[str, float, str]]:
    from namndkoll.extract.figures import iter_figures, normalize_spaces

    t = normalize_spaces(text)
    return [(kind, value, unit) for _s, _e, kind, value, unit, _q, _p, _to in iter_figures(t)]


def test_a_floor_a_file_size_and_a_numbered_point_are_no_counts():
    """`figures --kind count` listed a meeting room's floor ("Swedenborgsgatan 20, 3 tr": 3 "tr"),
    a linked file's size ("Närvaro.pdf (118 kb)": 118 "kb") and a § whose sign a web copy lost
    ("deltar ej vid 59 punkt 2 pga. jäv": 59 "punkt") as things counted."""
    assert _counts("Plats: Lilla salen, Kyrkvägen 7, 4 tr. Tid: kl 13.00") == []
    assert _counts("Kontoret ligger på plan 2, 2 trappor upp.") == []
    assert _counts("Bilagor till protokollet: Närvarolista.pdf (245 kb), Budget.pdf (2 mb)") == []
    assert _counts("Lena Ek (KD) deltar inte vid 12 punkt 3 på grund av jäv.") == []
    # what is counted stays counted
    assert _counts("Huset har 3 trappor.") == [("count", 3.0, "trappa")]
    assert _counts("Ärendet har 3 bilagor 2 av dem nya.") == [("count", 3.0, "bilaga")]
    assert _counts("Listan har fem punkter.") == [("count", 5.0, "punkt")]


def test_figures_of_a_stored_agenda_count_no_floor_and_no_point(tmp_path):
    pdf = make_pdf(tmp_path / "kallelse.pdf", [
        ("Kultur- och fritidsnämnden\nKallelse\nSammanträde 2019-03-12\n"
        "Plats: Sammanträdesrum Ekan, Torggatan 4, 2 tr\n"
        "Bilagor: Föredragningslista.pdf (96 kb)\n"
        "Per Holm (C) deltar inte vid 7 punkt 2 på grund av jäv.\n"
        "Nämnden föreslås inrätta 3 nya tjänster.\n")])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False)
    result = runner.invoke(app, ["figures", "--db", str(db), "--kind", "count", "--csv"])
    assert result.exit_code == 0
    units = [line.split(",")[14] for line in result.stdout.splitlines()[1:]]
    assert units == ["tjänst"]


BRIEF = ("Beslut i korthet - kommunstyrelsen 4 maj 2023\n"
         "Kommunstyrelsen beslutade bland annat att anta en ny avfallsplan.\n"
         "Beslut i korthet\n"
         "Här redovisas de flesta besluten från mötet. För fullständiga beslut hänvisas till protokollet.\n"
         "Avfallsplanen gäller 2024-2030 och ersätter den tidigare planen.\n"
         "Kommunstyrelsen beslutar att\n"
         "Föreslå kommunfullmäktige besluta att anta avfallsplan 2024-2030.\n"
         "Bolagets årsredovisning har granskats av revisorerna.\n"
         "Kommunstyrelsen beslutar att\n"
         "Godkänna Vattenbolagets årsredovisning 2022.\n")


def test_a_page_of_decisions_in_brief_gives_its_decisions_not_its_introduction(tmp_path):
    """A region's "Beslut i korthet" page listed one decision: its introduction ("Nedan redovisas
    besluten … hänvisas till protokollet"), and none of the "Regionstyrelsen beslutar att …" below."""
    pdf = make_pdf(tmp_path / "beslut-i-korthet.pdf", [BRIEF])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False)
    result = runner.invoke(app, ["decisions", "--db", str(db), "--json"])
    rows = json.loads(result.stdout)
    texts = " ".join(r["quote"] for r in rows)
    assert "hänvisas till protokollet" not in texts
    clauses = [c for r in rows for c in r["clauses"]]
    assert any("anta avfallsplan 2024-2030" in c for c in clauses)
    assert any("Vattenbolagets årsredovisning 2022" in c for c in clauses)


def test_a_proposed_decision_ends_at_the_description_of_the_case(tmp_path):
    """Tyresö's utskott writes "Kommunledningsutskottets förslag till beslut / - Informationen
    noteras. / Beskrivning av ärendet / …": the proposal ran on into the description."""
    pdf = make_pdf(tmp_path / "utskott.pdf", [
        ("Sammanträde med Fritidsutskottet 2021-10-05\n"
         "Ärende 3 Diarienummer 2021/FRU 0142\n"
         "Fritidsutskottets förslag till beslut\n"
         "- Rapporten läggs till handlingarna.\n"
         "Beskrivning av ärendet\n"
         "Förvaltningen redovisar hur badhuset har använts under sommaren.\n")])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False)
    rows = json.loads(runner.invoke(app, ["decisions", "--db", str(db), "--json"]).stdout)
    assert [r["status"] for r in rows] == ["proposed"]
    assert "badhuset" not in rows[0]["quote"] and "Beskrivning" not in " ".join(rows[0]["clauses"])
    assert "Rapporten läggs till handlingarna" in rows[0]["quote"]


def _joint_yrkande_pdf(path):
    from test_structure_templates import draw

    page = [(40, 40, "BYGGNADSNÄMNDEN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 52, "2024-03-14"),
            (40, 70, "Beslutande"), (40, 82, "Sara Lind (V)"), (40, 94, "Olle Berg (MP)"),
            (40, 106, "Karin Ås (M)"),
            (40, 150, "BN § 31"), (330, 150, "BN 2024/77"),
            (40, 165, "Motion om gång- och cykelbro över Ljusån"),
            (40, 185, "Yrkanden"),
            (40, 200, "Sara Lind (V) och Olle Berg (MP) yrkar att motionen om cykelbron bifalls."),
            (40, 220, "Karin Ås (M) yrkar att motionen om cykelbron avslås."),
            (40, 240, "Beslut"),
            (40, 255, "Byggnadsnämnden föreslår kommunfullmäktige att avslå motionen.")]
    return draw(path, [page])


def _compare_text(db, topic: str, by: str, emb) -> str:  # type: ignore[no-untyped-def]
    """What `namndkoll compare TOPIC --by BY --wide` prints for the corpus at ``db``."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
        r = runner.invoke(app, ["compare", topic, "--by", by, "--db", str(db), "--wide"])
    assert r.exit_code == 0, r.output
    return r.stdout


def test_compare_by_committee_quotes_a_joint_yrkande_once(tmp_path):
    """`compare … --by committee` printed a yrkande made by MP, V and C together three times in a
    row ("MP: yrkande: ”…”", "V: yrkande: ”…”", "C: yrkande: ”…”"); now once, "V, MP: yrkande"."""
    from test_search import indexed

    from namndkoll.ingest import read_document

    db = tmp_path / "c.db"
    with indexed(db, [read_document(_joint_yrkande_pdf(tmp_path / "bn.pdf"))], extract=True) as (_, emb):
        for by in ("committee", "year"):
            out = _compare_text(db, "motionen om cykelbron", by, emb)
            assert out.count("Sara Lind (V) och Olle Berg (MP) yrkar") == 1
            assert "V, MP: yrkande:" in out and "M: yrkande:" in out
        # by party each party's own column still quotes it
        out = _compare_text(db, "motionen om cykelbron", "party", emb)
        assert out.count("Sara Lind (V) och Olle Berg (MP) yrkar") == 2


def test_a_role_after_the_party_in_a_list_without_commas_is_that_members(tmp_path):
    """Attendance lists that run on without commas ("Thom Rasmusson (s) ordförande Solbritt
    Lindborg (mp) 1:e v ordf …", Hässleholm, Ludvika, Storuman, Trollhättan) gave the chair's role
    to the next member and none to the chair; "Ledamöter" was read as a first name."""
    pdf = make_pdf(tmp_path / "narvaro.pdf", [
        ("Fritidsnämnden\nSammanträdesprotokoll 2016-04-12\n"
         "Beslutande Ledamöter Märta Holm (s) ordförande Jonas Ek (m) 1:e v ordf Lisa Berg (c)\n"
         "Olle Lind (v) ledamot Kim Sjö (kd) Ersättare Eva Strand (mp)\n"
         "Sten Ås (s) ordförande 1:e vice ordförande ledamot ledamot\n"
         "§ 12 Bidrag till föreningar\nBeslut\nNämnden beviljar bidragen.\n")])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False)
    rows = json.loads(runner.invoke(app, ["people", "--db", str(db), "--json"]).stdout)
    roles = {r["name"]: r["role"] for r in rows}
    assert roles["Märta Holm"] == "ordförande" and roles["Jonas Ek"] == "förste vice ordförande"
    assert roles["Olle Lind"] == "ledamot"
    assert roles["Kim Sjö"] is None  # "Ersättare" heads the names after it
    assert roles["Sten Ås"] is None  # a column of roles flattened after the last name
    assert not any(n.startswith("Ledamöter") for n in roles)


def test_compare_shows_what_a_styrelse_proposed_to_fullmaktige(tmp_path):
    """Alingsås KS § 103 decided "Beslut / Förslag till beslut i kommunfullmäktige / Motionen
    avslås i sin helhet": stored as a proposal, so `compare` showed no line for what KS did while
    KF's § showed its Beslut. Now "Förslag till beslut: …" (JSON `proposal`); `decision` stays
    what was decided."""
    from test_search import indexed
    from test_structure_templates import draw

    from namndkoll.ingest import read_document
    from namndkoll.search import compare
    from namndkoll.search.compare import comparison_json

    page = [(40, 40, "REGIONSTYRELSEN"), (330, 40, "PROTOKOLL"), (330, 52, "2025-11-20"),
            (40, 90, "§ 212"), (330, 90, "RS 2025/301"),
            (40, 105, "Svar på motion om solceller på vårdcentralernas tak"),
            (40, 125, "Förslag till beslut på sammanträdet"),
            (40, 140, "Nils Alm (V) föreslår att motionen om solceller bifalls."),
            (40, 160, "Beslutsgång"),
            (40, 175, "Ordföranden finner att regionstyrelsen beslutar enligt arbetsutskottets förslag."),
            (40, 195, "Beslut"),
            (40, 210, "Förslag till beslut i regionfullmäktige"),
            (40, 225, "Motionen om solceller avslås.")]
    pdf = draw(tmp_path / "rs.pdf", [page])
    with indexed(tmp_path / "c.db", [read_document(pdf)], extract=True) as (conn, emb):
        out = _compare_text(tmp_path / "c.db", "motionen om solceller", "committee", emb)
        assert "Förslag till beslut: Motionen om solceller avslås." in out
        res = compare(conn, "motionen om solceller", emb, by="committee", mode="keyword")
        (item,) = comparison_json(res)["items"]
        assert item["decision"] is None and item["proposal"] == "Motionen om solceller avslås."


def test_a_count_names_its_noun_past_a_participle_and_mest():
    """A researcher's count column held 10 "inhyrda" ("10 inhyrda fordon", VGR), 3 and 12 "mycket"
    ("de tre mest aktuella hoten": the lemma of "mest") and 100 "vardera" ("flera hundra vardera")."""
    assert _counts("De ersattes av 10 inhyrda fordon från grannregionen.") == [("count", 10.0, "fordon")]
    assert _counts("Det är ett av de tre mest aktuella hoten mot verksamheten.") == [("count", 3.0, "hot")]
    assert _counts("Marknaden och loppisen samlade flera hundra vardera.") == []
    assert _counts("Vinnarna fick 3 vardera.") == []
    assert _counts("Av dem var 27 auktoriserade tolkar.") == [("count", 27.0, "tolk")]


def test_the_chairs_abbreviated_roles_are_read():
    """Attendance lists abbreviate the chairs ("Olof Röstin (M), ordf", "Per Hansson (L) 1:e vice
    ordf.", "Cecilia Andersson (C) v. ordf.", Svalöv, RJL, Borås, Katrineholm, Trollhättan …):
    `people` gave them no role."""
    from namndkoll.extract.people import iter_people

    text = ("Beslutande Lars Dahl (M), ordf\nMaja Ek (C) 1:e vice ordf. Jan Ros (S) 2:e v ordf Eva Ho (V)\n"
            "Lena Åberg (L) v. ordf.\n")
    roles = {n: r for _s, _e, n, _p, r, _o in iter_people(text)}
    assert roles == {"Lars Dahl": "ordförande", "Maja Ek": "förste vice ordförande",
                     "Jan Ros": "andre vice ordförande", "Eva Ho": None, "Lena Åberg": "vice ordförande"}
