-- The hash of the content folder (and the application build) that the last import not refused was made from: a start
-- that finds the same hash skips checking every file again (content.CatalogService#importIfChanged).
ALTER TABLE catalog_generation ADD COLUMN tree_hash CHAR(64) NULL;
