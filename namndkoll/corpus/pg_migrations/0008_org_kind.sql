-- PostgreSQL twin of migrations/0008_org_kind.sql: the kind of body behind a document, and
-- what kind of document one of type "other" is.
ALTER TABLE documents ADD COLUMN org_kind TEXT;
ALTER TABLE documents ADD COLUMN kind TEXT;
