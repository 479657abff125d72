-- Daily refreshers: the spaced-repetition state of every quiz question and refresher item a person has met
-- (see org.everyoneserves.refreshers.Spacing), the set drawn for each day, every answer, settings and holidays.

CREATE TABLE review_card (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id        BIGINT        NOT NULL,
  item_key         VARCHAR(200)  NOT NULL,
  module_code      VARCHAR(64)   NULL,
  due_on           DATE          NOT NULL,
  interval_days    INT           NOT NULL,
  ease             INT           NOT NULL,
  reviews          INT           NOT NULL,
  lapses           INT           NOT NULL,
  right_streak     INT           NOT NULL,
  retired          BOOLEAN       NOT NULL,
  met_on           DATE          NOT NULL,
  last_reviewed_on DATE          NULL,
  version          INT           NOT NULL,
  CONSTRAINT uk_review_card UNIQUE (person_id, item_key),
  CONSTRAINT fk_review_card_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_review_card_due ON review_card (person_id, retired, due_on);

CREATE TABLE refresher_day (
  person_id     BIGINT        NOT NULL,
  day           DATE          NOT NULL,
  card_ids      VARCHAR(200)  NOT NULL,
  size          INT           NOT NULL,
  answered      INT           NOT NULL,
  completed_at  TIMESTAMP(3)  NULL,
  PRIMARY KEY (person_id, day),
  CONSTRAINT fk_refresher_day_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE refresher_answer (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id     BIGINT        NOT NULL,
  card_id       BIGINT        NOT NULL,
  day           DATE          NOT NULL,
  correct       BOOLEAN       NOT NULL,
  answered_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_refresher_answer UNIQUE (card_id, day),
  CONSTRAINT fk_refresher_answer_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_refresher_answer_card FOREIGN KEY (card_id) REFERENCES review_card (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_refresher_answer_person ON refresher_answer (person_id, day);

CREATE TABLE refresher_setting (
  person_id     BIGINT        NOT NULL PRIMARY KEY,
  daily_size    INT           NOT NULL,
  paused_from   DATE          NULL,
  paused_until  DATE          NULL,
  version       INT           NOT NULL,
  CONSTRAINT fk_refresher_setting_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE refresher_pause (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id     BIGINT        NOT NULL,
  starts_on     DATE          NOT NULL,
  ends_on       DATE          NOT NULL,
  CONSTRAINT fk_refresher_pause_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_refresher_pause_person ON refresher_pause (person_id, starts_on);
