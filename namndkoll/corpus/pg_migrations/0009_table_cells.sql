-- PostgreSQL twin of migrations/0009_table_cells.sql: table cells' boxes, and a figure's place
-- in its table (index on the page, span in the table's text, the cell's box).
ALTER TABLE page_tables ADD COLUMN cells TEXT;
ALTER TABLE figures ADD COLUMN table_index INTEGER;
ALTER TABLE figures ADD COLUMN table_start INTEGER;
ALTER TABLE figures ADD COLUMN table_end INTEGER;
ALTER TABLE figures ADD COLUMN bbox TEXT;
