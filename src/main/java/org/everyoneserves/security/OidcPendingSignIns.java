package org.everyoneserves.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-ins this browser has started at the provider and not finished, by their {@code state}, kept in its HTTP
 * session. Each can be finished once: taking it removes it, so an answer replayed (or forged with another state)
 * finds nothing. A few may be open at once (several tabs); they expire after ten minutes.
 */
final class OidcPendingSignIns implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String SESSION_ATTRIBUTE = "everyoneserves.oidc.pending";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_OPEN = 5;

    /** One sign-in started: what its answer must match, and what finishing it needs. */
    record Pending(String state, String nonce, String codeVerifier, String redirectUri, Instant startedAt) implements Serializable {
    }

    private final LinkedHashMap<String, Pending> open = new LinkedHashMap<>();

    synchronized void add(Pending pending) {
        expire(pending.startedAt());
        while (open.size() >= MAX_OPEN) {
            open.remove(open.keySet().iterator().next());
        }
        open.put(pending.state(), pending);
    }

    synchronized Optional<Pending> take(String state, Instant now) {
        expire(now);
        return state == null ? Optional.empty() : Optional.ofNullable(open.remove(state));
    }

    private void expire(Instant now) {
        open.values().removeIf(p -> p.startedAt().plus(LIFETIME).isBefore(now));
    }

    synchronized Map<String, Pending> open() {
        return Map.copyOf(open);
    }
}
