-- PostgreSQL twin of migrations/0011_item_origin.sql: a bundled protocol extract's body and
-- meeting date on its §§.
ALTER TABLE items ADD COLUMN committee TEXT;
ALTER TABLE items ADD COLUMN meeting_date TEXT;
