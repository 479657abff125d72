package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecurityLogTest {

    @Test
    void aLineIsKeyValuePairsWithoutNullsOrSpaces() {
        assertEquals("event=sign_in.failure account=sha256:abc address=10.0.0.1 channel=web",
                SecurityLog.line("sign_in.failure", "person", null, "account", "sha256:abc", "address", "10.0.0.1", "channel", "web"));
        assertEquals("event=x reason=a_b_c_d", SecurityLog.line("x", "reason", "a b=c\nd"), "nobody can forge a second pair or line");
    }

    @Test
    void anUnknownEmailIsOnlyAStableShortHash() {
        String hash = SecurityLog.accountHash("Someone@Example.org");
        assertEquals(hash, SecurityLog.accountHash(" someone@example.org"));
        assertEquals("sha256:".length() + 12, hash.length());
        assertFalse(hash.contains("someone"));
    }

    @Test
    void aSignInGoesOnWhenItsEventCannotBeStored() {
        SecurityLog log = new SecurityLog();
        log.clock = java.time.Clock.systemUTC();
        log.events = new SignInEvents() {
            @Override
            public boolean record(long personId, Kind kind, String channel, String address, String userAgent, java.time.Instant at) {
                throw new jakarta.persistence.PersistenceException("the database is away");
            }

            @Override
            public boolean recordForEmail(String email, Kind kind, String channel, String address, String userAgent, java.time.Instant at) {
                throw new jakarta.persistence.PersistenceException("the database is away");
            }
        };
        log.signedIn(7, "10.0.0.1", "web");
        log.signInFailed(7L, "someone@example.org", "10.0.0.1", "api");
        log.throttled(7L, "someone@example.org", "10.0.0.1", 10, "web");
        log.accountLocked("someone@example.org", "10.0.0.1", 10, 900);
        log.signedOut(7, "api_everywhere");
    }
}
