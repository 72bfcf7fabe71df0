"""`$NAMNDKOLL_DB` set to a served corpus's URL (the README: every command takes `--db FILE`,
default `$NAMNDKOLL_DB`, or a postgresql:// URL). The variable went through a Path, which made
"postgresql://…" "postgresql:/…", and every command without --db was refused with "--db
postgresql:/… is neither a SQLite file nor a postgresql:// URL"."""

from __future__ import annotations

import json

from test_search import DOCS
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.corpus import opened

runner = CliRunner()


def test_a_postgresql_url_in_namndkoll_db_is_the_corpus(pg_url: str):
    with opened(pg_url, write=True) as st, st.transaction():
        st.replace_document(DOCS[0])
    out = runner.invoke(app, ["documents", "--json"], env={"NAMNDKOLL_DB": pg_url})
    assert out.exit_code == 0, out.output
    assert [d["source"] for d in json.loads(out.stdout)] == [DOCS[0].source]
    stats = runner.invoke(app, ["stats", "--json"], env={"NAMNDKOLL_DB": pg_url})
    assert stats.exit_code == 0 and json.loads(stats.stdout)["documents"] == 1
