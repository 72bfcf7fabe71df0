-- A watch's years (`namndkoll watch add --year 2024`, `--from 2023 --to 2024`, as `search` takes
-- them): year_from and year_to, 0 for none (as '' is for the other filters: UNIQUE sees two
-- watches of one topic without years as the same, and the same topic for 2023 and for 2024 as
-- two). SQLite cannot change a table's UNIQUE constraint: the table is made again with the
-- years in it, and its rows copied with their numbers.
CREATE TABLE watches_years (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL,
    municipality TEXT NOT NULL DEFAULT '',
    committee TEXT NOT NULL DEFAULT '',
    doc_type TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL DEFAULT '',
    year_from INTEGER NOT NULL DEFAULT 0,
    year_to INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    seen_until TEXT NOT NULL,
    last_run_at TEXT,
    UNIQUE (topic, municipality, committee, doc_type, party, year_from, year_to)
);
INSERT INTO watches_years (id, topic, municipality, committee, doc_type, party, created_at, seen_until, last_run_at)
    SELECT id, topic, municipality, committee, doc_type, party, created_at, seen_until, last_run_at FROM watches;
DROP TABLE watches;
ALTER TABLE watches_years RENAME TO watches;
