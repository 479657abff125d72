-- Sign-in events of known people (issue 19): what the security log writes about a person, kept for their export, for
-- the list on their account page and for the retention period "sign-in events". Attempts on e-mails that belong to
-- nobody stay in the security log only. Never a password, token or the e-mail typed. A lock is the account's, whatever
-- the channel: it has none.
CREATE TABLE sign_in_event (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id    BIGINT        NOT NULL,
  kind         VARCHAR(24)   NOT NULL,
  channel      VARCHAR(16)   NULL,
  address      VARCHAR(64)   NULL,
  user_agent   VARCHAR(60)   NULL,
  occurred_at  TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_sign_in_event_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_sign_in_event_person ON sign_in_event (person_id, occurred_at);
CREATE INDEX ix_sign_in_event_time ON sign_in_event (occurred_at);
