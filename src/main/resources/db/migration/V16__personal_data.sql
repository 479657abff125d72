-- Personal data (issue 19): when people left and were erased, exports made on request, retention periods and the
-- daily retention runs (one per day across the cluster: the run's row is its claim).
ALTER TABLE person ADD COLUMN deactivated_at TIMESTAMP(3) NULL;
ALTER TABLE person ADD COLUMN erased_at TIMESTAMP(3) NULL;
UPDATE person SET deactivated_at = updated_at WHERE active = FALSE;
CREATE INDEX ix_person_deactivated ON person (active, erased_at, deactivated_at);

CREATE TABLE personal_data_export (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id    BIGINT        NOT NULL,
  requested_by BIGINT        NOT NULL,
  requested_at TIMESTAMP(3)  NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  claimed_at   TIMESTAMP(3)  NULL,
  ready_at     TIMESTAMP(3)  NULL,
  expires_at   TIMESTAMP(3)  NULL,
  file_size    INT           NULL,
  content      LONGBLOB      NULL,
  version      INT           NOT NULL DEFAULT 0,
  CONSTRAINT fk_export_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_export_requested_by FOREIGN KEY (requested_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_export_person ON personal_data_export (person_id, requested_at);
CREATE INDEX ix_export_requested_by ON personal_data_export (requested_by);
CREATE INDEX ix_export_status ON personal_data_export (status, requested_at);

CREATE TABLE retention_policy (
  kind        VARCHAR(64)  NOT NULL PRIMARY KEY,
  days        INT          NOT NULL,
  updated_at  TIMESTAMP(3) NOT NULL,
  updated_by  BIGINT       NULL,
  CONSTRAINT ck_retention_days CHECK (days BETWEEN 1 AND 36500),
  CONSTRAINT fk_retention_updated_by FOREIGN KEY (updated_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE retention_run (
  day          DATE          NOT NULL PRIMARY KEY,
  node         VARCHAR(100)  NOT NULL,
  started_at   TIMESTAMP(3)  NOT NULL,
  finished_at  TIMESTAMP(3)  NULL,
  removed      VARCHAR(2000) NULL,
  failure      VARCHAR(300)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
