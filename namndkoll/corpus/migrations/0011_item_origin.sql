-- A § of another body's protocol bundled in a document (a protocol extract appended to an
-- audit report): that body and its meeting date, so that its votes and positions are listed
-- under them. NULL for a document's own §§ and for rows stored before this migration (until
-- their documents are ingested again).
ALTER TABLE items ADD COLUMN committee TEXT;
ALTER TABLE items ADD COLUMN meeting_date TEXT;
