package org.everyoneserves.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One sign-in of the mobile app on one device: the family its access and refresh tokens belong to. It ends at its
 * absolute expiry however often it is refreshed, and once revoked (sign-out, revoked from the devices page,
 * deactivation, a password change, a refresh token used twice) none of its tokens work again.
 */
@Entity
@Table(name = "api_session")
class ApiSession {

    static final int DEVICE_MAXLENGTH = 100;

    enum Revoked { SIGNED_OUT, REVOKED, DEACTIVATED, PASSWORD_CHANGED, REUSE, REPLACED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false, length = DEVICE_MAXLENGTH)
    private String device;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "last_address", length = 64)
    private String lastAddress;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 24)
    private String revokedReason;

    @Column(name = "client_key", length = 100, updatable = false)
    private String clientKey;

    protected ApiSession() {
    }

    ApiSession(long personId, String device, Instant now, Instant expiresAt, String address, String clientKey) {
        this.personId = personId;
        this.clientKey = clientKey;
        this.device = device;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.lastUsedAt = now;
        this.lastAddress = address;
    }

    boolean isLiveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void used(Instant now, String address) {
        lastUsedAt = now;
        lastAddress = address;
    }

    /** Ends the session; ending an ended one keeps the first reason. */
    void revoke(Instant now, Revoked reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason.name();
        }
    }

    Long getId() { return id; }
    long getPersonId() { return personId; }
    String getDevice() { return device; }
    Instant getCreatedAt() { return createdAt; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getLastUsedAt() { return lastUsedAt; }
    String getLastAddress() { return lastAddress; }
    Instant getRevokedAt() { return revokedAt; }
}
