package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock moves only on a server started with the test switch; production's is the system clock and refuses. */
class ClocksTest {

    @AfterEach
    void clearSwitch() {
        System.clearProperty(Clocks.TEST_SWITCH);
    }

    @Test
    void withoutTheSwitchTheClockIsTheSystemClockAndCannotBeMoved() {
        Clocks clocks = new Clocks();
        assertFalse(clocks.adjustable());
        assertEquals(Clock.systemDefaultZone(), clocks.clock());
        assertThrows(IllegalStateException.class, () -> clocks.shift(Duration.ofDays(3)));
        assertEquals(Duration.ZERO, clocks.offset());
    }

    @Test
    void withTheSwitchTestsMoveTheClockAheadAndBack() {
        System.setProperty(Clocks.TEST_SWITCH, "true");
        Clocks clocks = new Clocks();
        Clock clock = clocks.clock();
        try {
            clocks.shift(Duration.ofDays(3));
            Instant real = Instant.now();
            Duration ahead = Duration.between(real, clock.instant());
            assertTrue(ahead.compareTo(Duration.ofDays(3).minusSeconds(5)) > 0 && ahead.compareTo(Duration.ofDays(3).plusSeconds(5)) < 0, ahead.toString());
            assertEquals(Duration.ofDays(3), clocks.offset());
            assertEquals(clock.instant().getEpochSecond(), clock.withZone(java.time.ZoneOffset.UTC).instant().getEpochSecond(), 1,
                    "every copy of the clock moves together");
        } finally {
            clocks.shift(Duration.ZERO);
        }
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofSeconds(5)) < 0, "back to the real time");
    }
}
