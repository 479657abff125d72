package org.everyoneserves.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RecertificationTest {

    private static final Period THIRTY_DAYS = Period.ofDays(30);

    @Test
    void monthsAreCalendarMonthsSafeAtTheEndOfAMonth() {
        assertEquals(LocalDate.of(2025, 2, 28), new Recertification(LocalDate.of(2025, 1, 31), 1).expiresOn());
        assertEquals(LocalDate.of(2024, 2, 29), new Recertification(LocalDate.of(2024, 1, 31), 1).expiresOn());
        assertEquals(LocalDate.of(2026, 4, 30), new Recertification(LocalDate.of(2025, 10, 31), 6).expiresOn());
        assertEquals(LocalDate.of(2027, 3, 15), new Recertification(LocalDate.of(2026, 3, 15), 12).expiresOn());
    }

    @Test
    void itHoldsThroughTheExpiryDateAndIsExpiredTheDayAfter() {
        Recertification done = new Recertification(LocalDate.of(2026, 3, 15), 12);
        assertFalse(done.isExpired(LocalDate.of(2027, 3, 14)));
        assertFalse(done.isExpired(LocalDate.of(2027, 3, 15)));
        assertTrue(done.isExpired(LocalDate.of(2027, 3, 16)));
    }

    @Test
    void expiringWithinThirtyDaysStartsThirtyDaysAheadAndEndsWhenExpired() {
        Recertification done = new Recertification(LocalDate.of(2026, 3, 15), 12);
        assertFalse(done.isExpiringWithin(LocalDate.of(2027, 2, 12), THIRTY_DAYS), "31 days ahead");
        assertTrue(done.isExpiringWithin(LocalDate.of(2027, 2, 13), THIRTY_DAYS), "30 days ahead");
        assertTrue(done.isExpiringWithin(LocalDate.of(2027, 3, 15), THIRTY_DAYS), "on the expiry date");
        assertFalse(done.isExpiringWithin(LocalDate.of(2027, 3, 16), THIRTY_DAYS), "expired is no longer expiring");
        assertFalse(done.isExpiringWithin(LocalDate.of(2026, 3, 15), THIRTY_DAYS), "just completed");
    }

    @Test
    void aRecertificationNeedsAtLeastOneMonth() {
        assertThrows(IllegalArgumentException.class, () -> new Recertification(LocalDate.of(2026, 1, 1), 0));
    }
}
