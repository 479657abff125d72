-- The content catalog: what was imported from content/, as immutable versions. Progress is kept against
-- (kind, code) and the version a person saw, so items are retired, never deleted.

CREATE TABLE content_import (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at               TIMESTAMP(3)  NOT NULL,
  actor_id         BIGINT        NULL,
  source           VARCHAR(500)  NOT NULL,
  outcome          VARCHAR(16)   NOT NULL,
  added            INT           NOT NULL DEFAULT 0,
  minor_changes    INT           NOT NULL DEFAULT 0,
  material_changes INT           NOT NULL DEFAULT 0,
  retired          INT           NOT NULL DEFAULT 0,
  unchanged        INT           NOT NULL DEFAULT 0,
  errors           INT           NOT NULL DEFAULT 0,
  warnings         INT           NOT NULL DEFAULT 0,
  CONSTRAINT fk_content_import_actor FOREIGN KEY (actor_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_content_import_actor ON content_import (actor_id);
CREATE INDEX ix_content_import_at ON content_import (at);

CREATE TABLE content_item (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind               VARCHAR(16)  NOT NULL,
  code               VARCHAR(64)  NOT NULL,
  track              VARCHAR(64)  NULL,
  current_version_id BIGINT       NULL,
  retired_at         TIMESTAMP(3) NULL,
  version            INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_content_item UNIQUE (kind, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_content_item_track ON content_item (track);

CREATE TABLE content_version (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id      BIGINT        NOT NULL,
  number       INT           NOT NULL,
  revision     INT           NOT NULL,
  material     BOOLEAN       NOT NULL,
  hash         CHAR(64)      NOT NULL,
  title        VARCHAR(300)  NOT NULL,
  summary      VARCHAR(2000) NULL,
  minutes      INT           NULL,
  definition   LONGTEXT      NOT NULL,
  html         MEDIUMTEXT    NULL,
  plain_text   MEDIUMTEXT    NULL,
  source_path  VARCHAR(500)  NOT NULL,
  import_id    BIGINT        NOT NULL,
  published_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_content_version UNIQUE (item_id, number),
  CONSTRAINT fk_content_version_item FOREIGN KEY (item_id) REFERENCES content_item (id),
  CONSTRAINT fk_content_version_import FOREIGN KEY (import_id) REFERENCES content_import (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_content_version_import ON content_version (import_id);

ALTER TABLE content_item
  ADD CONSTRAINT fk_content_item_current FOREIGN KEY (current_version_id) REFERENCES content_version (id);
CREATE INDEX ix_content_item_current ON content_item (current_version_id);

CREATE TABLE content_asset (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id   BIGINT       NOT NULL,
  path         VARCHAR(300) NOT NULL,
  media_type   VARCHAR(100) NOT NULL,
  hash         CHAR(64)     NOT NULL,
  bytes        LONGBLOB     NOT NULL,
  CONSTRAINT uk_content_asset UNIQUE (version_id, path),
  CONSTRAINT fk_content_asset_version FOREIGN KEY (version_id) REFERENCES content_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_content_asset_hash ON content_asset (hash);
