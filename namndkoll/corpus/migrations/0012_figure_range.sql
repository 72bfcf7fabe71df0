-- A figure that is a range ("2-3 mnkr", "15-20 platser", "mellan 2 och 3 miljoner kronor"):
-- value is its low end, value_to its high end in the same unit. NULL for one number and for
-- rows stored before this migration (until their documents are ingested again).
ALTER TABLE figures ADD COLUMN value_to REAL;
