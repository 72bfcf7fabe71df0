-- Documents as ingested: one row per source path; a changed file replaces its row.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    title TEXT,
    municipality TEXT,
    committee TEXT,
    doc_type TEXT,
    date TEXT,
    year INTEGER,
    ocr_pages INTEGER NOT NULL DEFAULT 0,
    needs_ocr_pages INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_filters ON documents(municipality, committee, doc_type, year);

CREATE TABLE pages (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    start INTEGER NOT NULL,
    text TEXT NOT NULL,
    header TEXT NOT NULL DEFAULT '',
    footer TEXT NOT NULL DEFAULT '',
    ocr TEXT NOT NULL DEFAULT 'text',
    PRIMARY KEY (document_id, number)
);

CREATE TABLE page_tables (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    rows TEXT NOT NULL,
    bbox TEXT
);
CREATE INDEX page_tables_doc ON page_tables(document_id, page);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL
);
CREATE INDEX items_doc ON items(document_id, number);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL
);
CREATE INDEX sections_item ON sections(item_id);

CREATE TABLE diarienummer (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    dnr TEXT NOT NULL
);
CREATE INDEX diarienummer_dnr ON diarienummer(dnr);
CREATE INDEX diarienummer_doc ON diarienummer(document_id);
