package org.everyoneserves.provisioning;

import java.time.Instant;

/** One provider on the admin page. */
public record ProviderSummary(long id, String name, GroupTarget groupTarget, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean live() {
        return revokedAt == null;
    }

    static ProviderSummary of(ScimProvider p) {
        return new ProviderSummary(p.getId(), p.getName(), p.getGroupTarget(), p.getCreatedAt(), p.getLastUsedAt(), p.getRevokedAt());
    }
}
