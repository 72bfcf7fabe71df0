-- A table's caption: the title the page sets for it ("Tabell 3 Antal årsarbetare", or a heading
-- right above it), which each row's passage carries. NULL for tables stored before this
-- migration (read as ''); `namndkoll ingest --reread` reads their documents again.
ALTER TABLE page_tables ADD COLUMN caption TEXT;
