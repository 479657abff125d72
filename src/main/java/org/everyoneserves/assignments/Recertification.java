package org.everyoneserves.assignments;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * A completion that must be repeated every {@code repeatMonths}. It holds through {@link #expiresOn()}, which is
 * also the due date of the next occurrence, and is expired from the day after. Months are calendar months, so a
 * completion on 31 January with one month expires on the last day of February.
 */
public record Recertification(LocalDate completedOn, int repeatMonths) {

    public Recertification {
        Objects.requireNonNull(completedOn, "completedOn");
        if (repeatMonths < 1) {
            throw new IllegalArgumentException("repeatMonths must be at least 1, not " + repeatMonths);
        }
    }

    public LocalDate expiresOn() {
        return completedOn.plusMonths(repeatMonths);
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expiresOn());
    }

    /** Not expired yet, but expiring on or before {@code today + window}. */
    public boolean isExpiringWithin(LocalDate today, Period window) {
        return !isExpired(today) && !expiresOn().isAfter(today.plus(window));
    }
}
