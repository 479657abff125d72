package org.everyoneserves.assignments;

import java.time.LocalDate;

/** When a curriculum item is due for a person. */
public final class DueDates {

    private DueDates() {
    }

    /** What a curriculum item's {@code due_days} count from. */
    public enum From {
        START, ASSIGNMENT;

        /** As a curriculum definition writes it: {@code "assignment"}, else the start date. */
        public static From of(String from) {
            return "assignment".equals(from) ? ASSIGNMENT : START;
        }
    }

    /**
     * Counts {@code dueDays} from the person's start date or from the day the item was assigned. An item counted
     * from the start that would already be overdue on the day it is assigned (the person changed role, or the item
     * joined the curriculum later) is counted from the assignment instead: nobody is overdue on day one.
     */
    public static LocalDate dueOn(From from, int dueDays, LocalDate startDate, LocalDate assignedOn) {
        LocalDate fromAssignment = assignedOn.plusDays(dueDays);
        if (from == From.ASSIGNMENT) {
            return fromAssignment;
        }
        LocalDate fromStart = startDate.plusDays(dueDays);
        return fromStart.isBefore(assignedOn) ? fromAssignment : fromStart;
    }
}
