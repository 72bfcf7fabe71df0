-- Search index: passages (chunks) of stored documents, their keyword index (FTS5) and the
-- embedding model the vectors come from. The vec0 table (sign bits + filter columns) is
-- created by corpus/index.py once the model (and so the dimension) is known.

-- One row at most: the model every vector in this database comes from.
CREATE TABLE embedding_model (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    model_id TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    center BLOB,                -- float32 mean vector subtracted before bit quantization
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

-- Which chunker version made a document's chunks (a document with no passages still counts).
CREATE TABLE chunked_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    chunker TEXT NOT NULL
);

CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    item TEXT,
    section TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',  -- the § item's title, else the document's: searched and embedded with the text
    hash TEXT NOT NULL,
    -- copies of the document's filter fields, so keyword hits filter without a join
    municipality TEXT,
    committee TEXT,
    doc_type TEXT,
    year INTEGER,
    embedded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chunks_doc ON chunks(document_id, idx);
CREATE INDEX chunks_todo ON chunks(embedded) WHERE embedded = 0;

-- float32 vectors (exact cosine; the vec0 table holds their sign bits for the coarse pass).
-- No foreign key: the trigger made with the vec0 table deletes them with their chunk.
CREATE TABLE chunk_embeddings (
    chunk_id INTEGER PRIMARY KEY,
    embedding BLOB NOT NULL
);

-- Vectors of chunks that were deleted (a document replaced), by text hash, so that an
-- unchanged passage of a changed document is not embedded again. Emptied after indexing.
CREATE TABLE recycled_vectors (
    hash TEXT PRIMARY KEY,
    embedding BLOB NOT NULL
);

-- Keywords: case-folded, å/ä/ö kept as letters, prefix indexes for Swedish stems.
CREATE VIRTUAL TABLE chunks_fts USING fts5(
    text, context, content='chunks', content_rowid='id',
    tokenize="unicode61 remove_diacritics 0", prefix='4 6'
);
CREATE VIRTUAL TABLE chunks_vocab USING fts5vocab(chunks_fts, row);

CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, text, context) VALUES (new.id, new.text, new.context);
END;

CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, text, context) VALUES ('delete', old.id, old.text, old.context);
END;
