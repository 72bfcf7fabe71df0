-- What kind of body wrote a document (kommun, region, kommunalforbund, other) and, for documents
-- of type "other", what kind of document it is (policy, plan, budget, delårsrapport ...).
-- Rows stored before this migration keep NULL until their documents are ingested again.
ALTER TABLE documents ADD COLUMN org_kind TEXT;
ALTER TABLE documents ADD COLUMN kind TEXT;
