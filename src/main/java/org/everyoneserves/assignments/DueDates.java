package org.everyoneserves.assignments;

import java.time.LocalDate;
import org.everyoneserves.content.Curriculum;

/** When a curriculum item is due for a person. */
public final class DueDates {

    private DueDates() {
    }

    /**
     * Counts {@code dueDays} from the person's start date or from the day the item was assigned. An item counted
     * from the start that would already be overdue on the day it is assigned (the person changed role, or the item
     * joined the curriculum later) is counted from the assignment instead: nobody is overdue on day one.
     */
    public static LocalDate dueOn(Curriculum.From from, int dueDays, LocalDate startDate, LocalDate assignedOn) {
        LocalDate fromAssignment = assignedOn.plusDays(dueDays);
        if (from == Curriculum.From.ASSIGNMENT) {
            return fromAssignment;
        }
        LocalDate fromStart = startDate.plusDays(dueDays);
        return fromStart.isBefore(assignedOn) ? fromAssignment : fromStart;
    }

    /** @throws IllegalArgumentException when the item has no {@code due_days}, which the content check requires */
    public static LocalDate dueOn(Curriculum.Item item, LocalDate startDate, LocalDate assignedOn) {
        if (item.dueDays() == null) {
            throw new IllegalArgumentException("curriculum item " + item.id() + " has no due_days");
        }
        Curriculum.From from = item.from() == null ? Curriculum.From.START : item.from();
        return dueOn(from, item.dueDays(), startDate, assignedOn);
    }
}
