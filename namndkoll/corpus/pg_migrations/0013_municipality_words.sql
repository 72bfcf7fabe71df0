-- A keyword search filtered on a municipality (the newsroom's common case) walked the GIN
-- index's prefix matches over the WHOLE corpus before the filter applied: a common stem
-- ('bygg':*) gathers ~90k passages' entries, ~35 ms at 1M passages, for the ~4k that pass the
-- filter. A GIN index cannot narrow a prefix scan by another column (the server has no
-- btree_gin, and with it GIN still gathers a prefix's whole match list first), so the words are
-- indexed a second time qualified by their municipality ('Lund|byggnad'): the prefix
-- 'Lund|bygg':* walks Lund's words only (pg_keywords.keyword; ~35 -> ~3 ms for that stem).
-- COST: the planner must never choose to compute this per row as a filter (~25 µs a row).
CREATE FUNCTION namndkoll_municipality_words(m TEXT, v TSVECTOR) RETURNS TSVECTOR
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
    RETURN array_to_tsvector(ARRAY(SELECT m || '|' || w FROM unnest(tsvector_to_array(v)) AS w));
CREATE INDEX chunks_municipality_words ON chunks
    USING gin (namndkoll_municipality_words(municipality, tsv));
-- the planner's statistics of the new expression (its estimate of a match sizes the ranking's plan)
ANALYZE chunks;
