-- People, organisation, sign-in and audit. InnoDB, utf8mb4; every foreign key indexed.

CREATE TABLE department (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(64)  NOT NULL,
  name        VARCHAR(120) NOT NULL,
  version     INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_department_code UNIQUE (code),
  CONSTRAINT uk_department_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE job_role (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(64)  NOT NULL,
  name          VARCHAR(120) NOT NULL,
  department_id BIGINT       NULL,
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_job_role_code UNIQUE (code),
  CONSTRAINT uk_job_role_name UNIQUE (name),
  CONSTRAINT fk_job_role_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_job_role_department ON job_role (department_id);

CREATE TABLE person (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  first_name    VARCHAR(100) NOT NULL,
  last_name     VARCHAR(100) NOT NULL,
  department_id BIGINT       NULL,
  job_role_id   BIGINT       NULL,
  manager_id    BIGINT       NULL,
  start_date    DATE         NOT NULL,
  locale        VARCHAR(8)   NOT NULL DEFAULT 'en',
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  admin         BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_person_email UNIQUE (email),
  CONSTRAINT fk_person_department FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT fk_person_job_role FOREIGN KEY (job_role_id) REFERENCES job_role (id),
  CONSTRAINT fk_person_manager FOREIGN KEY (manager_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_person_department ON person (department_id);
CREATE INDEX ix_person_job_role ON person (job_role_id);
CREATE INDEX ix_person_manager ON person (manager_id);
CREATE INDEX ix_person_name ON person (last_name, first_name);

-- the password of a person who may sign in; absent until they set one through a one-time link
CREATE TABLE credential (
  person_id     BIGINT       NOT NULL PRIMARY KEY,
  password_hash VARCHAR(255) NOT NULL,
  changed_at    TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_credential_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- one-time links to set or reset a password; only the SHA-256 of the token is stored
CREATE TABLE password_link (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash  VARCHAR(64)  NOT NULL,
  person_id   BIGINT       NOT NULL,
  purpose     VARCHAR(16)  NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  expires_at  TIMESTAMP(3) NOT NULL,
  used_at     TIMESTAMP(3) NULL,
  CONSTRAINT uk_password_link_token UNIQUE (token_hash),
  CONSTRAINT fk_password_link_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_password_link_person ON password_link (person_id);

-- failed sign-ins per account and per client address, for throttling (shared by every server)
CREATE TABLE sign_in_throttle (
  throttle_key     VARCHAR(320) NOT NULL PRIMARY KEY,
  failures         INT          NOT NULL,
  window_start     TIMESTAMP(3) NOT NULL,
  locked_until     TIMESTAMP(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- who changed whose data, when and how
CREATE TABLE audit_entry (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at            TIMESTAMP(3)  NOT NULL,
  actor_id      BIGINT        NULL,
  action        VARCHAR(64)   NOT NULL,
  subject_type  VARCHAR(40)   NOT NULL,
  subject_id    BIGINT        NULL,
  detail        VARCHAR(2000) NULL,
  CONSTRAINT fk_audit_actor FOREIGN KEY (actor_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_id);
CREATE INDEX ix_audit_actor ON audit_entry (actor_id);
