-- PostgreSQL twin of migrations/0014_document_reader.sql: the fingerprint of the namndkoll code
-- that read the document (NULL for documents stored before this migration).
ALTER TABLE documents ADD COLUMN reader text;
