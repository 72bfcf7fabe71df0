-- Where a table's cells stand on the page, and where a figure read from a table cell stands:
-- the cells' boxes (JSON, rows x columns of [x0, top, x1, bottom] in PDF points from the
-- page's top-left corner, or null), and per figure the table's index on its page, the cell's
-- span in that table's text (namndkoll.tables.table_text) and the cell's box (JSON).
-- Rows stored before this migration keep NULL until their documents are ingested again.
ALTER TABLE page_tables ADD COLUMN cells TEXT;
ALTER TABLE figures ADD COLUMN table_index INTEGER;
ALTER TABLE figures ADD COLUMN table_start INTEGER;
ALTER TABLE figures ADD COLUMN table_end INTEGER;
ALTER TABLE figures ADD COLUMN bbox TEXT;
