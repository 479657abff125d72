package org.everyoneserves.assignments;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A person's open assignments as their progress summary keeps them ({@code progress_summary.open_due}): the due date of
 * each, marked {@code r} when it is a recertification and {@code g} when it is a shadowing guide, e.g.
 * {@code "2026-11-30 2026-12-10rg"}. Overdue, due soon and expiring depend on the day they are asked on, so the summary
 * keeps the dates rather than counts that a day passing would make wrong; a team overview or export reads one short
 * value per person instead of grouping their assignments. Migration V26 writes the same form in SQL.
 */
public final class OpenDueDates {

    /**
     * What a person's open assignments amount to on one day.
     *
     * @param overdue  due before the day
     * @param dueSoon  due from the day to the "soon" day, both included
     * @param expiring recertifications due from the day to the "expiring" day, both included
     * @param guideDue the earliest due date of an open shadowing guide, if any
     */
    public record Counts(int overdue, int dueSoon, int expiring, LocalDate guideDue) {

        public static final Counts NONE = new Counts(0, 0, 0, null);
    }

    private OpenDueDates() {
    }

    /** The stored form of these assignments (the caller passes the open ones), in due-date order; null for none. */
    static String of(Collection<Assignment> open) {
        if (open.isEmpty()) {
            return null;
        }
        return open.stream().sorted(java.util.Comparator.comparing(Assignment::getDueOn).thenComparing(a -> a.getId() == null ? 0 : a.getId()))
                .map(a -> a.getDueOn() + (a.getReason() == Assignment.Reason.RECERTIFICATION ? "r" : "")
                        + (a.getKind() == Assignment.Kind.GUIDE ? "g" : ""))
                .collect(Collectors.joining(" "));
    }

    /** The counts of a stored value (null or empty: no open assignments) on {@code today}. */
    public static Counts counts(String stored, LocalDate today, LocalDate soon, LocalDate expiring) {
        if (stored == null || stored.isEmpty()) {
            return Counts.NONE;
        }
        int overdue = 0;
        int dueSoon = 0;
        int expiringCount = 0;
        LocalDate guideDue = null;
        int start = 0;
        int length = stored.length();
        while (start < length) {
            int end = stored.indexOf(' ', start);
            if (end < 0) {
                end = length;
            }
            LocalDate due = LocalDate.parse(stored.subSequence(start, start + 10));
            boolean recertification = false;
            boolean guide = false;
            for (int i = start + 10; i < end; i++) {
                char flag = stored.charAt(i);
                recertification |= flag == 'r';
                guide |= flag == 'g';
            }
            boolean fromToday = !due.isBefore(today);
            if (!fromToday) {
                overdue++;
            } else if (!due.isAfter(soon)) {
                dueSoon++;
            }
            if (recertification && fromToday && !due.isAfter(expiring)) {
                expiringCount++;
            }
            if (guide && (guideDue == null || due.isBefore(guideDue))) {
                guideDue = due;
            }
            start = end + 1;
        }
        return new Counts(overdue, dueSoon, expiringCount, guideDue);
    }
}
