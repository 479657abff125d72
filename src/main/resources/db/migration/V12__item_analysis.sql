-- Item analysis: per quiz version and question, the running sums from which its facility and its point-biserial
-- discrimination follow exactly (x: 1 when the question was answered rightly; y: the attempt's right answers on the
-- other questions it showed), kept current by each submission.
CREATE TABLE item_stats (
  version_id     BIGINT      NOT NULL,
  question_id    VARCHAR(64) NOT NULL,
  quiz_code      VARCHAR(64) NOT NULL,
  attempts       INT         NOT NULL,  -- n: submitted attempts that showed the question
  answered       INT         NOT NULL,  -- of those, not skipped
  right_count    INT         NOT NULL,  -- sum of x
  rest_sum       BIGINT      NOT NULL,  -- sum of y
  rest_squares   BIGINT      NOT NULL,  -- sum of y * y
  right_rest_sum BIGINT      NOT NULL,  -- sum of x * y
  PRIMARY KEY (version_id, question_id),
  CONSTRAINT fk_item_stats_version FOREIGN KEY (version_id) REFERENCES content_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- how often each choice of a choice question was picked (original choice indexes)
CREATE TABLE item_choice_stats (
  version_id   BIGINT      NOT NULL,
  question_id  VARCHAR(64) NOT NULL,
  choice_index INT         NOT NULL,
  picked       INT         NOT NULL,
  PRIMARY KEY (version_id, question_id, choice_index),
  CONSTRAINT fk_item_choice_stats_version FOREIGN KEY (version_id) REFERENCES content_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
