-- Page layout: the page size in PDF points and the box and font of every body line
-- (types.Page.lines), packed by corpus/store.py (pack_lines), so that a highlight can be drawn
-- for any character span of a page and the structure can be read again from the fonts.
ALTER TABLE pages ADD COLUMN width REAL NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN height REAL NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN lines BLOB;
