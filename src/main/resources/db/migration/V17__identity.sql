-- Company accounts. SCIM provisioning: each identity provider allowed to provision people has a bearer token, of
-- which only the SHA-256 is kept, and says whether its groups are departments or job roles. The provider's own id
-- of a person (SCIM externalId) is kept beside the person. OpenID Connect: a person's account at the company's
-- provider (issuer and subject), linked once, by a verified e-mail or by just-in-time creation.

CREATE TABLE scim_provider (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(100)  NOT NULL,
  token_hash    VARCHAR(64)   NOT NULL,
  group_target  VARCHAR(16)   NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  created_by    BIGINT        NULL,
  last_used_at  TIMESTAMP(3)  NULL,
  revoked_at    TIMESTAMP(3)  NULL,
  CONSTRAINT uk_scim_provider_token UNIQUE (token_hash),
  CONSTRAINT fk_scim_provider_creator FOREIGN KEY (created_by) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_scim_provider_creator ON scim_provider (created_by);

CREATE TABLE scim_person (
  person_id     BIGINT        NOT NULL PRIMARY KEY,
  external_id   VARCHAR(255)  NOT NULL,
  CONSTRAINT uk_scim_person_external UNIQUE (external_id),
  CONSTRAINT fk_scim_person_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE oidc_link (
  issuer        VARCHAR(255)  NOT NULL,
  subject       VARCHAR(255)  NOT NULL,
  person_id     BIGINT        NOT NULL,
  linked_at     TIMESTAMP(3)  NOT NULL,
  linked_by     VARCHAR(16)   NOT NULL,
  PRIMARY KEY (issuer, subject),
  CONSTRAINT uk_oidc_link_person UNIQUE (person_id, issuer),
  CONSTRAINT fk_oidc_link_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
