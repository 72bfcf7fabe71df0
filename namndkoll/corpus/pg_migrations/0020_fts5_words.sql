-- The keyword index read a passage's words with PostgreSQL's text parser, which keeps what
-- SQLite's FTS5 (unicode61) splits: '2022-2023' was '2022' and '-2023' (a signed number), a
-- double name 'Landén-Olsson' the whole word besides its parts, 'www.goteborg.se' and 'm.fl.'
-- one word each. So a question about 2023 missed the passages '2022-2023' on PostgreSQL only,
-- and a passage's counts (BM25) differed: on the search eval corpus 1,860 of 4,578 passages had
-- other words than FTS5 reads, and 572 of 730 questions' keyword lists (top 100) differed.
-- Every ASCII punctuation mark (what the parser joins words by) is a space before it reads the
-- text, as FTS5 and the word statistics (chunk_terms, ntokens: pg_index.TOKEN) split there.
-- Code-point ranges, not [[:punct:]]: the same on every server, whatever its locale.
CREATE FUNCTION namndkoll_words(t TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(t, '[!-/:-@[-`{-~]+', ' ', 'g');
-- A passage's keyword words: its text (weight A) and its context, the § title (B).
CREATE FUNCTION namndkoll_chunk_words(body TEXT, context TEXT) RETURNS TSVECTOR
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('simple', namndkoll_words(body)), 'A')
        || setweight(to_tsvector('simple', namndkoll_words(context)), 'B');
-- A new expression for the generated column would rewrite the whole table in this one
-- transaction, every reader locked out until it ends (minutes at 1M passages, and all of it
-- undone by a crash or Ctrl-C). So the column keeps its values and becomes a plain one (no
-- rewrite) that a trigger fills for every passage written from now on, and the passages
-- written before are rewritten in batches that commit, with progress, after the migrations
-- (pg_words.py: 'pg_words_todo' says how far it came; the next open goes on from there).
ALTER TABLE chunks ALTER COLUMN tsv DROP EXPRESSION;
CREATE FUNCTION namndkoll_chunk_words_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.tsv := namndkoll_chunk_words(NEW.text, NEW.context);
    RETURN NEW;
END $$;
CREATE TRIGGER chunks_words BEFORE INSERT OR UPDATE OF text, context ON chunks
    FOR EACH ROW EXECUTE FUNCTION namndkoll_chunk_words_row();
-- the passages up to this id have their words as the old parser read them; none are done yet
INSERT INTO corpus_info (key, value) SELECT 'pg_words_todo', '0 ' || max(id) FROM chunks HAVING count(*) > 0
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
