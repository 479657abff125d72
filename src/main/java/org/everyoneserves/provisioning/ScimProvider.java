package org.everyoneserves.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** An identity provider allowed to provision people, known by the SHA-256 of its bearer token. */
@Entity
@Table(name = "scim_provider")
class ScimProvider {

    static final int NAME_MAXLENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = NAME_MAXLENGTH)
    @Column(nullable = false, length = NAME_MAXLENGTH)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_target", nullable = false, length = 16)
    private GroupTarget groupTarget;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ScimProvider() {
    }

    ScimProvider(String name, String tokenHash, GroupTarget groupTarget, Instant createdAt, Long createdBy) {
        this.name = name == null ? null : name.strip();
        this.tokenHash = tokenHash;
        this.groupTarget = groupTarget;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    boolean isLive() {
        return revokedAt == null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Remembers the last use to the minute, so that a busy provider does not write a row per request. */
    void used(Instant now) {
        if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
            lastUsedAt = now;
        }
    }

    Long getId() { return id; }
    String getName() { return name; }
    GroupTarget getGroupTarget() { return groupTarget; }
    Instant getCreatedAt() { return createdAt; }
    Instant getLastUsedAt() { return lastUsedAt; }
    Instant getRevokedAt() { return revokedAt; }
}
