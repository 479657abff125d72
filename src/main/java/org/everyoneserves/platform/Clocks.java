package org.everyoneserves.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one clock of the application: every "now" is read from the {@link Clock} produced here.
 * <p>
 * Integration tests let time pass by moving this clock ahead instead of rewriting dates in the database. That switch
 * exists only when the server was started with {@code -Deveryoneserves.testclock=true} on its command line (the test
 * server's arquillian.xml does so); it is deliberately read from that system property alone, never from the
 * environment, so that no deployment setting can turn it on. Without it the clock is the system clock and
 * {@link #shift} refuses. The offset lives in this server's memory: with several servers, a test moves each one.
 */
@ApplicationScoped
public class Clocks {

    /** The system property that makes the clock adjustable; tests only. */
    public static final String TEST_SWITCH = "everyoneserves.testclock";

    private final boolean adjustable = Boolean.getBoolean(TEST_SWITCH);

    @Produces
    Clock clock() {
        return adjustable ? new Shifted(ZoneId.systemDefault()) : Clock.systemDefaultZone();
    }

    /** Whether this server was started for tests, with a clock that can be moved. */
    public boolean adjustable() {
        return adjustable;
    }

    /** How far this server's clock is ahead of the real time (zero unless a test moved it). */
    public Duration offset() {
        return adjustable ? Shifted.offset : Duration.ZERO;
    }

    /**
     * Sets this server's clock {@code offset} ahead of the real time (zero puts it back). Refused unless the server
     * runs with the test switch.
     */
    public void shift(Duration offset) {
        if (!adjustable) {
            throw new IllegalStateException("the clock can only be moved on a server started with -D" + TEST_SWITCH + "=true");
        }
        Shifted.offset = offset;
    }

    /**
     * The system clock plus the offset a test set. The offset is shared by every copy (the clock is serialised with
     * the view-scoped beans that hold it), so all of them move together.
     */
    private static final class Shifted extends Clock implements Serializable {

        private static final long serialVersionUID = 1L;
        private static volatile Duration offset = Duration.ZERO;
        private final ZoneId zone;

        Shifted(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Shifted(other);
        }

        @Override
        public Instant instant() {
            return Clock.systemUTC().instant().plus(offset);
        }
    }
}
