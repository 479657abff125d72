-- Shadowing: hosts' slots with a capacity, shadows' bookings, reflections with the friction they saw, and
-- improvement ideas routed to the department that owns the problem.

CREATE TABLE shadowing_slot (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  host_id      BIGINT       NOT NULL,
  starts_at    TIMESTAMP(3) NOT NULL,
  minutes      INT          NOT NULL,
  place        VARCHAR(200) NOT NULL,
  capacity     INT          NOT NULL,
  -- seats taken; changed only by conditional updates, so two bookings can never take the last seat twice
  booked       INT          NOT NULL DEFAULT 0,
  cancelled_at TIMESTAMP(3) NULL,
  created_at   TIMESTAMP(3) NOT NULL,
  version      INT          NOT NULL DEFAULT 0,
  CONSTRAINT ck_slot_capacity CHECK (capacity BETWEEN 1 AND 20),
  CONSTRAINT ck_slot_booked CHECK (booked BETWEEN 0 AND capacity),
  CONSTRAINT fk_slot_host FOREIGN KEY (host_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_slot_starts ON shadowing_slot (starts_at, cancelled_at);
CREATE INDEX ix_slot_host ON shadowing_slot (host_id, starts_at);

CREATE TABLE shadowing_booking (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slot_id          BIGINT        NOT NULL,
  person_id        BIGINT        NOT NULL,
  guide_code       VARCHAR(64)   NOT NULL,
  guide_version_id BIGINT        NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  booked_at        TIMESTAMP(3)  NOT NULL,
  cancelled_at     TIMESTAMP(3)  NULL,
  confirmed_at     TIMESTAMP(3)  NULL,
  confirmed_by     BIGINT        NULL,
  host_note        VARCHAR(1000) NULL,
  host_rating      INT           NULL,
  completed_at     TIMESTAMP(3)  NULL,
  version          INT           NOT NULL DEFAULT 0,
  -- one booked seat per person and guide at a time
  live_key         VARCHAR(64)   AS (CASE WHEN status = 'BOOKED' THEN guide_code END) PERSISTENT,
  CONSTRAINT uk_booking_live UNIQUE (person_id, live_key),
  CONSTRAINT ck_booking_rating CHECK (host_rating IS NULL OR host_rating BETWEEN 1 AND 5),
  CONSTRAINT fk_booking_slot FOREIGN KEY (slot_id) REFERENCES shadowing_slot (id),
  CONSTRAINT fk_booking_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_booking_version FOREIGN KEY (guide_version_id) REFERENCES content_version (id),
  CONSTRAINT fk_booking_confirmed_by FOREIGN KEY (confirmed_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_booking_slot ON shadowing_booking (slot_id, status);
CREATE INDEX ix_booking_person ON shadowing_booking (person_id, guide_code, status);
CREATE INDEX ix_booking_version ON shadowing_booking (guide_version_id);
CREATE INDEX ix_booking_confirmed_by ON shadowing_booking (confirmed_by);

CREATE TABLE shadowing_reflection (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  booking_id   BIGINT       NOT NULL,
  person_id    BIGINT       NOT NULL,
  answers      LONGTEXT     NOT NULL,
  takeaway     TEXT         NULL,
  submitted_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT uk_reflection_booking UNIQUE (booking_id),
  CONSTRAINT fk_reflection_booking FOREIGN KEY (booking_id) REFERENCES shadowing_booking (id),
  CONSTRAINT fk_reflection_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_reflection_person ON shadowing_reflection (person_id);
CREATE INDEX ix_reflection_submitted ON shadowing_reflection (submitted_at);

CREATE TABLE reflection_friction (
  reflection_id BIGINT      NOT NULL,
  friction      VARCHAR(32) NOT NULL,
  PRIMARY KEY (reflection_id, friction),
  CONSTRAINT fk_friction_reflection FOREIGN KEY (reflection_id) REFERENCES shadowing_reflection (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_friction_tag ON reflection_friction (friction);

CREATE TABLE improvement_idea (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  raised_by     BIGINT        NOT NULL,
  department_id BIGINT        NOT NULL,
  reflection_id BIGINT        NULL,
  title         VARCHAR(160)  NOT NULL,
  description   TEXT          NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  answer        VARCHAR(2000) NULL,
  decided_by    BIGINT        NULL,
  decided_at    TIMESTAMP(3)  NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  version       INT           NOT NULL DEFAULT 0,
  CONSTRAINT fk_idea_raised_by FOREIGN KEY (raised_by) REFERENCES person (id),
  CONSTRAINT fk_idea_department FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT fk_idea_reflection FOREIGN KEY (reflection_id) REFERENCES shadowing_reflection (id),
  CONSTRAINT fk_idea_decided_by FOREIGN KEY (decided_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_idea_department ON improvement_idea (department_id, status, created_at);
CREATE INDEX ix_idea_raised_by ON improvement_idea (raised_by, created_at);
CREATE INDEX ix_idea_reflection ON improvement_idea (reflection_id);
CREATE INDEX ix_idea_decided_by ON improvement_idea (decided_by);
