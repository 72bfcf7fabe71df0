-- PostgreSQL twin of migrations/0019_table_caption.sql: a table's caption (NULL before it).
ALTER TABLE page_tables ADD COLUMN caption TEXT;
