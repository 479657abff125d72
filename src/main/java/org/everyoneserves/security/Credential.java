package org.everyoneserves.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's password, as a PBKDF2 hash. A person without one cannot sign in until they use a set-password link. */
@Entity
@Table(name = "credential")
class Credential {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected Credential() {
    }

    Credential(long personId, String passwordHash, Instant changedAt) {
        this.personId = personId;
        change(passwordHash, changedAt);
    }

    void change(String passwordHash, Instant changedAt) {
        this.passwordHash = passwordHash;
        this.changedAt = changedAt;
    }

    String passwordHash() {
        return passwordHash;
    }
}
