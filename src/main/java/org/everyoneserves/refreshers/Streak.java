package org.everyoneserves.refreshers;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How many days in a row a person has finished their refresher. A run counts completed days; a paused day
 * (a holiday, a weekend, leave) neither counts nor breaks it, so nobody loses a streak for not working; any
 * other day without a completed refresher breaks it. A completed paused day still counts. Today only breaks the
 * streak once it is over, so an unfinished today leaves the current streak ending yesterday. Only the
 * {@link #LOOKBACK_DAYS} days ending today are considered, which bounds the work for long histories; a run
 * longer than that is reported as the part inside the window.
 */
public record Streak(int current, int longest) {

    public static final int LOOKBACK_DAYS = 3660;

    public Streak {
        if (current < 0 || longest < current) {
            throw new IllegalArgumentException("need 0 <= current <= longest: " + current + ", " + longest);
        }
    }

    public static Streak of(Set<LocalDate> completedDays, Predicate<LocalDate> paused, LocalDate today) {
        Objects.requireNonNull(paused, "paused");
        LocalDate windowStart = today.minusDays(LOOKBACK_DAYS - 1L);
        LocalDate first = completedDays.stream()
                .filter(d -> !d.isBefore(windowStart) && !d.isAfter(today))
                .min(LocalDate::compareTo)
                .orElse(null);
        if (first == null) {
            return new Streak(0, 0);
        }
        int run = 0;
        int longest = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            if (completedDays.contains(day)) {
                run++;
                longest = Math.max(longest, run);
            } else if (!day.equals(today) && !paused.test(day)) {
                run = 0;
            }
        }
        return new Streak(run, longest);
    }
}
