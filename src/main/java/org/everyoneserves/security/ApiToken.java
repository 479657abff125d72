package org.everyoneserves.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An access or refresh token of an {@link ApiSession}, known by its SHA-256 only. A refresh token is spent once. */
@Entity
@Table(name = "api_token")
class ApiToken {

    enum Kind { ACCESS, REFRESH }

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private Kind kind;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    /** The refresh token whose rotation issued this one. */
    @Column(name = "parent_hash", length = 64, updatable = false)
    private String parentHash;

    @Column(name = "spent_at")
    private Instant spentAt;

    /** The client's write id of the rotation that spent it: a retry of that same rotation is not a theft. */
    @Column(name = "spent_key", length = 100)
    private String spentKey;

    protected ApiToken() {
    }

    ApiToken(String tokenHash, long sessionId, Kind kind, Instant issuedAt, Instant expiresAt, String parentHash) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.kind = kind;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.parentHash = parentHash;
    }

    boolean isSpent() {
        return spentAt != null;
    }

    void spend(Instant now, String key) {
        spentAt = now;
        spentKey = key;
    }

    /** The same rotation sent again shortly after, because its answer was lost on the way. */
    boolean isRetryOfRotation(String key, Instant now, java.time.Duration grace) {
        return spentAt != null && key != null && key.equals(spentKey) && now.isBefore(spentAt.plus(grace));
    }

    String getTokenHash() { return tokenHash; }
    long getSessionId() { return sessionId; }
    Kind getKind() { return kind; }
    Instant getExpiresAt() { return expiresAt; }
}
