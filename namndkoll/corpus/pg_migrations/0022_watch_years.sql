-- PostgreSQL twin of migrations/0022_watch_years.sql: a watch's years (`watch add --year`,
-- `--from`, `--to`), 0 for none, and the watch's UNIQUE with them in it (the same topic for 2023
-- and for 2024 is two watches). The constraint 0021 made is the one PostgreSQL names after its
-- columns.
ALTER TABLE watches ADD COLUMN year_from INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN year_to INTEGER NOT NULL DEFAULT 0;
ALTER TABLE watches DROP CONSTRAINT watches_topic_municipality_committee_doc_type_party_key;
ALTER TABLE watches ADD CONSTRAINT watches_topic_filters_key
    UNIQUE (topic, municipality, committee, doc_type, party, year_from, year_to);
