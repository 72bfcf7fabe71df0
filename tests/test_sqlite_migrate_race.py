"""Two processes creating one SQLite corpus at once: neither breaks the other.

An ingest creating a new corpus while another command opens the same file (a second ingest
started at once, a reader polling it) ran each migration without looking again whether the other
had applied it meanwhile, and failed with "table documents already exists"; and between the
lone ``_migrations`` table and the file's mark the other took the file for another application's.
"""

from __future__ import annotations

from namndkoll.corpus import db


def test_a_migration_the_other_process_applied_meanwhile_is_not_run_again(tmp_path, monkeypatch):
    path = tmp_path / "corpus.db"
    first = db.connect(path)
    original = db._migrations
    raced: list[int] = []

    def migrations_after_the_other_created_it():
        found = original()
        if not raced:  # `first` has read what is applied (nothing); the other process now does it all
            raced.append(1)
            other = db.connect(path)
            try:
                db.migrate(other)
            finally:
                other.close()
        return found

    monkeypatch.setattr(db, "_migrations", migrations_after_the_other_created_it)
    try:
        assert db.migrate(first) == []  # every migration was the other's: none run twice
    finally:
        first.close()
    monkeypatch.setattr(db, "_migrations", original)
    conn = db.open_db(path)
    try:
        numbers = [r[0] for r in conn.execute("SELECT number FROM _migrations ORDER BY number")]
        assert numbers == sorted(n for n, _, _ in original())
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_corpus_being_created_is_marked_before_its_first_table(tmp_path):
    """Another process looking between the two sees a marked, empty file (ours, to be migrated),
    never a lone ``_migrations`` table in an unmarked file (another application's)."""
    path = tmp_path / "corpus.db"
    conn = db.connect(path)
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        db.migrate(conn)
    finally:
        conn.close()
    mark = next(i for i, s in enumerate(seen) if s.startswith("PRAGMA application_id ="))
    table = next(i for i, s in enumerate(seen) if "CREATE TABLE IF NOT EXISTS _migrations" in s)
    assert mark < table
