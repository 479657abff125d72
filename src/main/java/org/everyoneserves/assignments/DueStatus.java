package org.everyoneserves.assignments;

import java.time.LocalDate;
import java.time.Period;

/** Where a person stands with one due item. */
public enum DueStatus {
    DONE, OVERDUE, DUE_SOON, OPEN;

    public static final Period SOON = Period.ofDays(7);

    /**
     * DONE once completed (late or not); OVERDUE from the day after the due date; DUE_SOON from {@link #SOON}
     * before it through the due date itself; OPEN before that.
     *
     * @param completedOn null while not completed
     */
    public static DueStatus of(LocalDate dueOn, LocalDate completedOn, LocalDate today) {
        if (completedOn != null) {
            return DONE;
        }
        if (today.isAfter(dueOn)) {
            return OVERDUE;
        }
        return dueOn.isAfter(today.plus(SOON)) ? OPEN : DUE_SOON;
    }
}
