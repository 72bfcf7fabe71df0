-- Page layout: each page's size in PDF points and the box and font of every body line
-- (types.Page.lines), packed by corpus/store.py (pack_lines), so that a highlight can be drawn
-- for any character span of a page and the structure can be read again from the fonts.
-- A table of its own: the blobs would spread the pages table over many more database pages.
CREATE TABLE page_layout (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    width REAL NOT NULL DEFAULT 0,
    height REAL NOT NULL DEFAULT 0,
    lines BLOB,
    PRIMARY KEY (document_id, page)
) WITHOUT ROWID;
