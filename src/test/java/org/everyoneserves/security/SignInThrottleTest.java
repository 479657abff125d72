package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    @Test
    void theFirstThreeFailuresAreFreeThenTheWaitDoublesUpToFifteenMinutes() {
        assertEquals(Duration.ZERO, SignInThrottle.delayAfter(1));
        assertEquals(Duration.ZERO, SignInThrottle.delayAfter(3));
        assertEquals(Duration.ofSeconds(10), SignInThrottle.delayAfter(4));
        assertEquals(Duration.ofSeconds(20), SignInThrottle.delayAfter(5));
        assertEquals(Duration.ofSeconds(640), SignInThrottle.delayAfter(10));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.delayAfter(11));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.delayAfter(1_000_000));
    }

    @Test
    void keysKeepAccountAndAddressApartAndIgnoreCase() {
        assertEquals("pair:ann@x.example|10.0.0.1", SignInThrottle.pairKey(" Ann@X.example", "10.0.0.1"));
        assertEquals("account:ann@x.example", SignInThrottle.accountKey("ANN@x.example "));
    }
}
