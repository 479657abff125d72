package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A sign-in started in this browser is finished once: a replayed or forged state finds nothing. */
class OidcPendingSignInsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aStateIsTakenOnceAndAReplayFindsNothing() {
        OidcPendingSignIns open = new OidcPendingSignIns();
        open.add(pending("s1", T0));
        assertEquals("n-s1", open.take("s1", T0.plusSeconds(20)).orElseThrow().nonce());
        assertTrue(open.take("s1", T0.plusSeconds(21)).isEmpty(), "the same answer replayed");
        assertTrue(open.take("forged", T0.plusSeconds(21)).isEmpty());
        assertTrue(open.take(null, T0.plusSeconds(21)).isEmpty());
    }

    @Test
    void severalTabsMayStartASignInAndEachExpiresAfterTenMinutes() {
        OidcPendingSignIns open = new OidcPendingSignIns();
        open.add(pending("tab1", T0));
        open.add(pending("tab2", T0.plusSeconds(60)));
        assertTrue(open.take("tab1", T0.plus(OidcPendingSignIns.LIFETIME).plusSeconds(1)).isEmpty(), "expired");
        assertTrue(open.take("tab2", T0.plus(OidcPendingSignIns.LIFETIME).plusSeconds(1)).isPresent());
    }

    @Test
    void onlyTheNewestFewStayOpen() {
        OidcPendingSignIns open = new OidcPendingSignIns();
        for (int i = 0; i < OidcPendingSignIns.MAX_OPEN + 2; i++) {
            open.add(pending("s" + i, T0.plusSeconds(i)));
        }
        assertEquals(OidcPendingSignIns.MAX_OPEN, open.open().size());
        assertTrue(open.take("s0", T0.plusSeconds(30)).isEmpty());
        assertTrue(open.take("s" + (OidcPendingSignIns.MAX_OPEN + 1), T0.plusSeconds(30)).isPresent());
    }

    private static OidcPendingSignIns.Pending pending(String state, Instant at) {
        return new OidcPendingSignIns.Pending(state, "n-" + state, "verifier-" + state, "https://app.example/oidc/callback", at);
    }
}
