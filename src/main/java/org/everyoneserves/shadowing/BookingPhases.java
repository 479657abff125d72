package org.everyoneserves.shadowing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;

/**
 * Per person, the starts of the slots of their bookings, as their bookings' change stamp was when they were read. Time
 * changes what a person's bookings show only when one of those slots starts (a booking can be moved until its slot
 * starts and reflected on after; the next session is the next one not started), so how many of them have started is
 * all of the time that a tag of bookings (the API's, a page's) needs, and it is known here without a statement while
 * the stamp is unchanged. What this server keeps decides nothing the database has not said: it is filed under the
 * stamp it was read at, and another stamp reads it again.
 */
@ApplicationScoped
public class BookingPhases {

    private record Phases(String stamp, Instant[] starts) {

        int started(Instant now) {
            int started = 0;
            for (Instant start : starts) {
                started += start.isAfter(now) ? 0 : 1;
            }
            return started;
        }
    }

    private final Cache<Long, Phases> phases = Caffeine.newBuilder().maximumSize(100_000).executor(Runnable::run).build();

    /** How many of the person's booked slots have started by now, if known at this stamp; null if not. */
    public Integer started(long personId, String stamp, Instant now) {
        Phases known = phases.getIfPresent(personId);
        return known != null && known.stamp().equals(stamp) ? known.started(now) : null;
    }

    /** Keeps the starts of the person's booked slots read at this stamp; how many have started by now. */
    public int remember(long personId, String stamp, Collection<Instant> starts, Instant now) {
        Phases read = new Phases(stamp, starts.toArray(Instant[]::new));
        phases.put(personId, read);
        return read.started(now);
    }
}
