-- Read models for the admin reports, kept current by the transactions that change the facts, so that a report
-- reads a few hundred rows whatever the size of the organisation.

-- completions per month, department (0: none) and kind
CREATE TABLE completion_month (
  month         DATE         NOT NULL,
  department_id BIGINT       NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  completions   INT          NOT NULL,
  PRIMARY KEY (month, department_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- submitted attempts per quiz, and how the first attempts went
CREATE TABLE quiz_stats (
  quiz_code       VARCHAR(64) NOT NULL PRIMARY KEY,
  submitted       INT         NOT NULL,
  passed          INT         NOT NULL,
  first_submitted INT         NOT NULL,
  first_passed    INT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- how often each question was shown in a submitted attempt and answered wrongly (or not at all)
CREATE TABLE question_stats (
  quiz_code   VARCHAR(64) NOT NULL,
  question_id VARCHAR(64) NOT NULL,
  shown       INT         NOT NULL,
  missed      INT         NOT NULL,
  PRIMARY KEY (quiz_code, question_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_completion_completed_at ON completion (completed_at);
