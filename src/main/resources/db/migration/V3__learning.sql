-- Learning: what each person owes (assignments), what they finished (completions), quiz attempts, and a
-- per-person progress summary kept current by the same transactions.

CREATE TABLE assignment (
  id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id            BIGINT       NOT NULL,
  kind                 VARCHAR(16)  NOT NULL,
  code                 VARCHAR(64)  NOT NULL,
  origin               VARCHAR(16)  NOT NULL,
  reason               VARCHAR(24)  NOT NULL,
  assigned_on          DATE         NOT NULL,
  due_on               DATE         NOT NULL,
  repeat_months        INT          NULL,
  status               VARCHAR(16)  NOT NULL,
  completed_at         TIMESTAMP(3) NULL,
  completed_version_id BIGINT       NULL,
  assigned_by          BIGINT       NULL,
  created_at           TIMESTAMP(3) NOT NULL,
  version              INT          NOT NULL DEFAULT 0,
  -- at most one live (open or paused) assignment per person and item, even under concurrent events
  live_key             VARCHAR(90)  AS (CASE WHEN status IN ('OPEN', 'PAUSED') THEN CONCAT(kind, ':', code) END) PERSISTENT,
  CONSTRAINT uk_assignment_live UNIQUE (person_id, live_key),
  CONSTRAINT fk_assignment_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_assignment_version FOREIGN KEY (completed_version_id) REFERENCES content_version (id),
  CONSTRAINT fk_assignment_assigned_by FOREIGN KEY (assigned_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_assignment_person_status ON assignment (person_id, status, due_on);
CREATE INDEX ix_assignment_item ON assignment (kind, code, status);
CREATE INDEX ix_assignment_version ON assignment (completed_version_id);
CREATE INDEX ix_assignment_assigned_by ON assignment (assigned_by);

CREATE TABLE completion (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id     BIGINT       NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  code          VARCHAR(64)  NOT NULL,
  version_id    BIGINT       NOT NULL,
  completed_at  TIMESTAMP(3) NOT NULL,
  how           VARCHAR(16)  NOT NULL,
  score         INT          NULL,
  assignment_id BIGINT       NULL,
  CONSTRAINT fk_completion_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_completion_version FOREIGN KEY (version_id) REFERENCES content_version (id),
  CONSTRAINT fk_completion_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_completion_person ON completion (person_id, completed_at);
CREATE INDEX ix_completion_version ON completion (version_id);
CREATE INDEX ix_completion_assignment ON completion (assignment_id);

CREATE TABLE quiz_attempt (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id    BIGINT       NOT NULL,
  quiz_code    VARCHAR(64)  NOT NULL,
  version_id   BIGINT       NOT NULL,
  number       INT          NOT NULL,
  started_at   TIMESTAMP(3) NOT NULL,
  shown        LONGTEXT     NOT NULL,
  answers      LONGTEXT     NULL,
  saved_at     TIMESTAMP(3) NULL,
  submitted_at TIMESTAMP(3) NULL,
  correct      INT          NULL,
  total        INT          NOT NULL,
  percent      INT          NULL,
  passed       BOOLEAN      NULL,
  version      INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_quiz_attempt UNIQUE (person_id, quiz_code, number),
  CONSTRAINT fk_quiz_attempt_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_quiz_attempt_version FOREIGN KEY (version_id) REFERENCES content_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_quiz_attempt_version ON quiz_attempt (version_id);

CREATE TABLE progress_summary (
  person_id   BIGINT       NOT NULL PRIMARY KEY,
  required    INT          NOT NULL,
  done        INT          NOT NULL,
  next_due_on DATE         NULL,
  updated_at  TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_progress_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
