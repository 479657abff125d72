package org.everyoneserves.refreshers;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One person's scheduling state for one item, as {@link Spacing} computes it. The ease is kept in hundredths
 * ({@code 250} means a factor of 2.5) so it stores exactly in an integer column. {@code reviews} counts scheduled
 * reviews (not the first meeting), {@code lapses} counts wrong answers, {@code streak} counts right answers in a
 * row, and a {@code retired} card is mastered and is never due again.
 */
public record Card(LocalDate dueOn, int intervalDays, int easePercent, int reviews, int lapses, int streak, boolean retired) {

    public Card {
        Objects.requireNonNull(dueOn, "dueOn");
        if (intervalDays < 1) {
            throw new IllegalArgumentException("intervalDays must be at least 1: " + intervalDays);
        }
        if (easePercent < Spacing.MIN_EASE || easePercent > Spacing.MAX_EASE) {
            throw new IllegalArgumentException("easePercent must be between " + Spacing.MIN_EASE + " and "
                    + Spacing.MAX_EASE + ": " + easePercent);
        }
        if (reviews < 0 || lapses < 0 || streak < 0) {
            throw new IllegalArgumentException("reviews, lapses and streak cannot be negative");
        }
    }
}
