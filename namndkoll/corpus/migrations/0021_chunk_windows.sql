-- Sentence windows of the passages longer than 350 characters (search/windows.py: whole
-- sentences, at most ~350 characters each), each embedded under its passage's title as the
-- passage is: the reranker reads the closest window's cosine to the query beside the passage's
-- own (issue 11). A shorter passage has no row (it is its own window: its vector is the
-- passage's). `index` embeds the windows of new and changed passages, and once those of a corpus
-- indexed before this migration; a passage's windows go with it.
-- A rowid table: two vectors (1,536 bytes each) to a page; keyed by (chunk id, window) a
-- vector would not fit a key's page and take an overflow page of its own (25 MB here, not 11).
CREATE TABLE chunk_windows (
    id INTEGER PRIMARY KEY,
    chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    embedding BLOB NOT NULL,  -- float32, normalised
    UNIQUE (chunk_id, idx)
);
