-- PostgreSQL twin of migrations/0005_page_layout.sql: page size and the packed body lines
-- (corpus/store.py pack_lines) of each page.
CREATE TABLE page_layout (
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    width DOUBLE PRECISION NOT NULL DEFAULT 0,
    height DOUBLE PRECISION NOT NULL DEFAULT 0,
    lines BYTEA,
    PRIMARY KEY (document_id, page)
);
