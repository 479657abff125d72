-- Sign-ins of the mobile app. One api_session per device sign-in holds its family of tokens and an absolute expiry;
-- tokens are stored only as SHA-256 hashes. A refresh token is spent by its one rotation; presenting it again
-- revokes the whole session.

CREATE TABLE api_session (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id      BIGINT        NOT NULL,
  device         VARCHAR(100)  NOT NULL,
  created_at     TIMESTAMP(3)  NOT NULL,
  expires_at     TIMESTAMP(3)  NOT NULL,
  last_used_at   TIMESTAMP(3)  NOT NULL,
  last_address   VARCHAR(64)   NULL,
  revoked_at     TIMESTAMP(3)  NULL,
  revoked_reason VARCHAR(24)   NULL,
  CONSTRAINT fk_api_session_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_api_session_person ON api_session (person_id, revoked_at);

CREATE TABLE api_token (
  token_hash    VARCHAR(64)      NOT NULL PRIMARY KEY,
  session_id    BIGINT        NOT NULL,
  kind          VARCHAR(8)    NOT NULL,
  issued_at     TIMESTAMP(3)  NOT NULL,
  expires_at    TIMESTAMP(3)  NOT NULL,
  parent_hash   VARCHAR(64)      NULL,
  spent_at      TIMESTAMP(3)  NULL,
  spent_key     VARCHAR(100)  NULL,
  CONSTRAINT fk_api_token_session FOREIGN KEY (session_id) REFERENCES api_session (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_api_token_session ON api_token (session_id);
CREATE INDEX ix_api_token_parent ON api_token (parent_hash);

-- The first answer to each client-generated write id, returned again when the write is retried.
CREATE TABLE api_idempotency (
  person_id     BIGINT        NOT NULL,
  idem_key      VARCHAR(100)  NOT NULL,
  request_hash  VARCHAR(64)      NOT NULL,
  status        INT           NOT NULL,
  location      VARCHAR(300)  NULL,
  etag          VARCHAR(100)  NULL,
  body          LONGTEXT      NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (person_id, idem_key),
  CONSTRAINT fk_api_idempotency_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_api_idempotency_created ON api_idempotency (created_at);
