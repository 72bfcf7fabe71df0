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
DROP INDEX IF EXISTS chunks_municipality_words;
DROP INDEX IF EXISTS chunks_tsv;
ALTER TABLE chunks DROP COLUMN tsv;
ALTER TABLE chunks ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', namndkoll_words(text)), 'A')
    || setweight(to_tsvector('simple', namndkoll_words(context)), 'B')
) STORED;
CREATE INDEX chunks_tsv ON chunks USING gin (tsv);
CREATE INDEX chunks_municipality_words ON chunks
    USING gin (namndkoll_municipality_words(municipality, tsv));
ANALYZE chunks;
