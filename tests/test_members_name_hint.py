"""A member asked by first and last name whose list writes a middle name too (walk 17: `votes
--member "Lisbeth Andersson"` over Göteborg KF's lists, which write "Lisbeth Sundén Andersson",
said "check the spelling" and named no one; "Sundén Andersson" got "did you mean Lisbeth Sundén
Andersson?"): the words asked, in their order, are enough to be named in the hint. Other names."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.types import Document

runner = CliRunner()

KF = """§ 3
Motion om badplatser
Omröstning
Godkänd voteringsproposition: "Ja för bifall till motionen och Nej för avslag."
Lisa Maria Holm (S) och Per Holm (S) röstar Ja (2).
Karl Holmberg (M) röstar Nej (1).
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = make_doc(KF, items=True, municipality="Skogsby", committee="Kommunfullmäktige", date="2025-02-20",
                 doc_type="protokoll", title="Kommunfullmäktige, protokoll 2025-02-20")
    db = tmp_path / "corpus.db"
    _store_all(db, [Document("/records/kf-2025-02-20.pdf", "7" * 64, d.pages, d.metadata, d.items)])
    return db


def test_a_name_without_its_middle_name_is_pointed_to_the_listed_member(corpus):
    result = runner.invoke(app, ["votes", "--db", str(corpus), "--member", "Lisa Holm"])
    assert result.exit_code == 1
    assert "no roll call lists 'Lisa Holm': did you mean Lisa Maria Holm?" in result.output
    result = runner.invoke(app, ["members", "--db", str(corpus), "--member", "lisa holm"])
    assert "did you mean Lisa Maria Holm?" in result.output
    # words out of their order name no one ("Holm Lisa" is not how the list writes her)
    result = runner.invoke(app, ["votes", "--db", str(corpus), "--member", "Holm Lisa"])
    assert "check the spelling" in result.output


def test_members_say_when_the_votes_found_list_no_member(tmp_path):
    """Walk 17: `members --year 2023` over Göteborg KF answered "0 members" and nothing else,
    though 46 votes of 2023 are stored — their protocols say only "Hur var och en röstar framgår
    av bilaga 2" and the bilagor are not in them. A researcher must be told that, not left to
    think nobody voted."""
    d = make_doc("§ 5\nMotion om lekplatser\nOmröstning\nOmröstningen utfaller med 41 Ja mot 38 Nej. Hur var "
                 "och en röstar framgår av bilaga 2.\n", items=True, municipality="Skogsby",
                 committee="Kommunfullmäktige", date="2023-03-16", doc_type="protokoll",
                 title="Kommunfullmäktige, protokoll 2023-03-16")
    db = tmp_path / "corpus.db"
    _store_all(db, [Document("/records/kf-2023-03-16.pdf", "8" * 64, d.pages, d.metadata, d.items)])
    result = runner.invoke(app, ["members", "--db", str(db), "--year", "2023"])
    assert result.exit_code == 0
    assert "1 vote stored under these filters, none with each member's vote listed" in result.output
    result = runner.invoke(app, ["members", "--db", str(db), "--year", "2023", "--json"])
    assert result.stdout.strip() == "[]"  # the line goes to stderr: --json stays clean
