-- The catalog's generation: bumped in the transaction of every import that changes the catalog, so that each server's
-- in-memory copy of the current versions (content.Catalog) notices an import made on another server.
CREATE TABLE catalog_generation (
  id         INT    NOT NULL PRIMARY KEY,
  generation BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO catalog_generation (id, generation) VALUES (1, 0);
