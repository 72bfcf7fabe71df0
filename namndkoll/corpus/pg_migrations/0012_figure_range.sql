-- PostgreSQL twin of migrations/0012_figure_range.sql: a range figure's high end (value is
-- its low end); NULL for one number.
ALTER TABLE figures ADD COLUMN value_to double precision;
