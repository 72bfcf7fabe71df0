-- Which namndkoll read a document: a fingerprint of the code that reads and extracts
-- (ingest.reader_version). A file whose bytes are unchanged is not read again by `ingest`; with
-- this column `ingest --reread` can read again what an older namndkoll read, and `ingest` can say
-- how many such documents there are. NULL for documents stored before this migration.
ALTER TABLE documents ADD COLUMN reader TEXT;
