-- Locks for work that one server at a time does, held until the transaction commits (a row lock). GET_LOCK was
-- released before the commit, so the next content import read the catalog as it was before the first one's changes
-- and published the same item again (a duplicate key, a server error). People imports queue the same way.
CREATE TABLE app_lock (
  name VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO app_lock (name) VALUES ('content'), ('people');
