-- What the platform told each person (reminders, nudges, session reminders), in the application and by e-mail.
-- The dedupe key makes every reminder step exist once, however many servers run the reminder job.

CREATE TABLE notification (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id     BIGINT        NOT NULL,
  kind          VARCHAR(24)   NOT NULL,
  dedupe_key    VARCHAR(120)  NOT NULL,
  subject       VARCHAR(300)  NOT NULL,
  body          TEXT          NOT NULL,
  link          VARCHAR(300)  NULL,
  sent_by       BIGINT        NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  read_at       TIMESTAMP(3)  NULL,
  email_status  VARCHAR(16)   NOT NULL,
  emailed_at    TIMESTAMP(3)  NULL,
  email_claimed_at TIMESTAMP(3) NULL,
  CONSTRAINT uk_notification_dedupe UNIQUE (dedupe_key),
  CONSTRAINT fk_notification_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_notification_sent_by FOREIGN KEY (sent_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_notification_person ON notification (person_id, created_at);
CREATE INDEX ix_notification_email ON notification (email_status, created_at);
CREATE INDEX ix_notification_sent_by ON notification (sent_by);
