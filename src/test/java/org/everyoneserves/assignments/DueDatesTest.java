package org.everyoneserves.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.everyoneserves.assignments.DueDates.From;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @Test
    void fromStartCountsFromTheStartDate() {
        assertEquals(LocalDate.of(2026, 3, 9), DueDates.dueOn(From.START, 7, START, START));
        assertEquals(LocalDate.of(2026, 3, 9), DueDates.dueOn(From.START, 7, START, LocalDate.of(2026, 2, 20)), "assigned before starting");
    }

    @Test
    void fromAssignmentCountsFromTheDayOfAssignment() {
        LocalDate assignedOn = LocalDate.of(2026, 6, 15);
        assertEquals(LocalDate.of(2026, 7, 15), DueDates.dueOn(From.ASSIGNMENT, 30, START, assignedOn));
        assertEquals(LocalDate.of(2026, 4, 9), DueDates.dueOn(From.ASSIGNMENT, 30, START, LocalDate.of(2026, 3, 10)),
                "not the start date's April 1");
    }

    @Test
    void aLateJoinerIsNotOverdueOnDayOne() {
        LocalDate roleChange = LocalDate.of(2026, 9, 1);
        assertEquals(LocalDate.of(2026, 9, 8), DueDates.dueOn(From.START, 7, START, roleChange));
        assertEquals(LocalDate.of(2026, 3, 2), DueDates.dueOn(From.START, 0, START, START), "due on the start date itself");
    }

    @Test
    void aStartDateDueStillAheadWhenAssignedIsKept() {
        LocalDate assignedOn = LocalDate.of(2026, 3, 20);
        assertEquals(LocalDate.of(2026, 5, 31), DueDates.dueOn(From.START, 90, START, assignedOn));
        assertEquals(LocalDate.of(2026, 3, 20), DueDates.dueOn(From.START, 18, START, assignedOn), "due the day it is assigned is not overdue");
        assertEquals(LocalDate.of(2026, 4, 6), DueDates.dueOn(From.START, 17, START, assignedOn), "one day late would be: counted from assignment");
    }

    @Test
    void aDefinitionCountsFromTheAssignmentOnlyWhenItSaysSo() {
        assertEquals(From.ASSIGNMENT, From.of("assignment"));
        assertEquals(From.START, From.of("start"));
        assertEquals(From.START, From.of(null));
    }
}
