package org.everyoneserves.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A person's account at the company's provider: its issuer and subject, linked once to the person here. */
@Entity
@Table(name = "oidc_link")
@IdClass(OidcLink.Key.class)
class OidcLink {

    /** How the link was made: by a verified e-mail that matched a person here, or by creating the person. */
    enum LinkedBy { EMAIL, CREATED }

    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;
        private String issuer;
        private String subject;

        protected Key() {
        }

        Key(String issuer, String subject) {
            this.issuer = issuer;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(issuer, key.issuer) && java.util.Objects.equals(subject, key.subject);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(issuer, subject);
        }
    }

    @Id
    @Column(nullable = false, length = 255)
    private String issuer;

    @Id
    @Column(nullable = false, length = 255)
    private String subject;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "linked_by", nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private LinkedBy linkedBy;

    protected OidcLink() {
    }

    OidcLink(String issuer, String subject, long personId, Instant linkedAt, LinkedBy linkedBy) {
        this.issuer = issuer;
        this.subject = subject;
        this.personId = personId;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
    }

    Long getPersonId() {
        return personId;
    }
}
