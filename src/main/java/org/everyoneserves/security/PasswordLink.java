package org.everyoneserves.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.everyoneserves.platform.BusinessException;

/** A one-time link to set or reset a password. Only the token's SHA-256 is stored; it works once, before it expires. */
@Entity
@Table(name = "password_link")
class PasswordLink {

    enum Purpose { SET, RESET }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Purpose purpose;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordLink() {
    }

    PasswordLink(String tokenHash, long personId, Purpose purpose, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.personId = personId;
        this.purpose = purpose;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Spends the link; a used or expired link is refused. */
    void use(Instant now) {
        if (!usableAt(now)) {
            throw new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable");
        }
        usedAt = now;
    }

    long personId() {
        return personId;
    }

    Purpose purpose() {
        return purpose;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
