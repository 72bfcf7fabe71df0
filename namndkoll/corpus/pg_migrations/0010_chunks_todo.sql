-- Which chunks still wait for a vector: a narrow table of their ids instead of a flag on the
-- chunk row. Setting the flag rewrote the whole row (text, context, its generated tsvector) and
-- an entry in every index on it, the GIN index included, for each passage embedded: 20k
-- passages took 4-5.5 s in the 1M benchmark corpus, a GPU's worth of embedding of the same
-- passages ~4 s. (SQLite keeps its flag: an UPDATE there touches no full-text index.)
DROP TRIGGER chunks_recycle ON chunks;
CREATE TRIGGER chunks_recycle BEFORE DELETE ON chunks
    FOR EACH ROW EXECUTE FUNCTION namndkoll_recycle_vector();
DROP INDEX chunks_todo;
CREATE TABLE chunks_todo (
    chunk_id BIGINT PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE
);
INSERT INTO chunks_todo SELECT id FROM chunks WHERE embedded = 0;
ALTER TABLE chunks DROP COLUMN embedded;
