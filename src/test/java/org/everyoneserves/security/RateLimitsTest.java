package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private long now;
    private final RateLimits limits = new RateLimits(5, 60, () -> now);

    @Test
    void aBurstGoesThroughThenEachRequestWaitsForItsShare() {
        IntStream.range(0, 5).forEach(i -> assertEquals(0, limits.spend("device-1"), "request " + i + " of the burst"));
        assertEquals(1, limits.spend("device-1"), "one a second comes back: wait a second");
        now += TimeUnit.MILLISECONDS.toNanos(400);
        assertEquals(1, limits.spend("device-1"), "still not a whole request back, and the wait is never told as 0");
        now += TimeUnit.SECONDS.toNanos(1);
        assertEquals(0, limits.spend("device-1"));
        assertEquals(1, limits.spend("device-1"));
    }

    @Test
    void eachKeyHasItsOwnAllowance() {
        IntStream.range(0, 5).forEach(i -> limits.spend("device-1"));
        assertEquals(1, limits.spend("device-1"));
        assertEquals(0, limits.spend("device-2"));
        assertEquals(0, limits.spend("127.0.0.1"));
    }

    @Test
    void theWaitIsToldInWholeSecondsUntilTheNextRequest() {
        RateLimits slow = new RateLimits(1, 6, () -> now);
        assertEquals(0, slow.spend("k"));
        assertEquals(10, slow.spend("k"), "six a minute: one every ten seconds");
    }

    @Test
    void idleFullBucketsAreDroppedWhenThereAreMany() {
        IntStream.rangeClosed(0, RateLimits.SWEEP_ABOVE).forEach(i -> limits.spend("address-" + i));
        now += TimeUnit.MINUTES.toNanos(1);
        assertEquals(0, limits.spend("device-1"), "the sweep keeps the map small and answers as before");
    }
}
