package org.everyoneserves.refreshers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class StreakTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Predicate<LocalDate> NEVER = day -> false;
    static final Predicate<LocalDate> WEEKENDS =
            day -> day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;

    static Set<LocalDate> daysAgo(int... offsets) {
        Set<LocalDate> days = new HashSet<>();
        for (int offset : offsets) {
            days.add(TODAY.minusDays(offset));
        }
        return days;
    }

    @Test
    void nothingCompletedIsNoStreak() {
        assertEquals(new Streak(0, 0), Streak.of(Set.of(), NEVER, TODAY));
    }

    @Test
    void consecutiveDaysEndingToday() {
        assertEquals(new Streak(4, 4), Streak.of(daysAgo(0, 1, 2, 3), NEVER, TODAY));
    }

    @Test
    void unfinishedTodayDoesNotBreakTheStreak() {
        assertEquals(new Streak(3, 3), Streak.of(daysAgo(1, 2, 3), NEVER, TODAY));
    }

    @Test
    void missingYesterdayBreaksIt() {
        assertEquals(new Streak(0, 3), Streak.of(daysAgo(2, 3, 4), NEVER, TODAY));
        assertEquals(new Streak(1, 3), Streak.of(daysAgo(0, 2, 3, 4), NEVER, TODAY));
    }

    @Test
    void aGapBreaksTheRun() {
        assertEquals(new Streak(2, 2), Streak.of(daysAgo(0, 1, 3, 4), NEVER, TODAY));
    }

    @Test
    void pausedDaysBridgeTheStreakWithoutCounting() {
        assertEquals(DayOfWeek.MONDAY, TODAY.getDayOfWeek());
        Set<LocalDate> weekdays = daysAgo(0, 3, 4, 5, 6, 7);
        assertEquals(new Streak(6, 6), Streak.of(weekdays, WEEKENDS, TODAY));
        assertEquals(new Streak(1, 5), Streak.of(weekdays, NEVER, TODAY));
    }

    @Test
    void pausedTodayAndPausedRunDoNotBreakIt() {
        Predicate<LocalDate> leave = day -> !day.isBefore(TODAY.minusDays(4));
        assertEquals(new Streak(2, 2), Streak.of(daysAgo(5, 6), leave, TODAY));
    }

    @Test
    void completedPausedDayStillCounts() {
        assertEquals(new Streak(3, 3), Streak.of(daysAgo(0, 1, 2), day -> true, TODAY));
    }

    @Test
    void longestIsTheLongestRunInTheHistory() {
        Set<LocalDate> days = daysAgo(1, 2, 10, 11, 12, 13, 14, 20, 21, 22);
        assertEquals(new Streak(2, 5), Streak.of(days, NEVER, TODAY));
    }

    @Test
    void futureDaysAreIgnored() {
        Set<LocalDate> days = daysAgo(0, 1);
        days.add(TODAY.plusDays(1));
        days.add(TODAY.plusDays(2));
        days.add(TODAY.plusDays(3));
        assertEquals(new Streak(2, 2), Streak.of(days, NEVER, TODAY));
    }

    @Test
    void looksBackAtMostTheWindow() {
        Set<LocalDate> days = new HashSet<>();
        for (int offset = 0; offset < Streak.LOOKBACK_DAYS + 100; offset++) {
            days.add(TODAY.minusDays(offset));
        }
        assertEquals(new Streak(3660, 3660), Streak.of(days, NEVER, TODAY));
        Set<LocalDate> old = daysAgo(3659, 3660, 3661, 3662);
        assertEquals(new Streak(0, 1), Streak.of(old, NEVER, TODAY));
    }
}
