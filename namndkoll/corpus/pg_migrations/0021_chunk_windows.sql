-- Sentence windows of the passages longer than 350 characters (search/windows.py: whole
-- sentences, at most ~350 characters each), each embedded under its passage's title as the
-- passage is: the reranker reads the closest window's cosine to the query beside the passage's
-- own (issue 11). A shorter passage has no row (it is its own window: its vector is the
-- passage's). `index` embeds the windows of new and changed passages, and once those of a corpus
-- indexed before this migration; a passage's windows go with it. Read by chunk id only (a search's
-- candidates): no vector index.
CREATE TABLE chunk_windows (
    chunk_id BIGINT NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    embedding vector NOT NULL,
    PRIMARY KEY (chunk_id, idx)
);
