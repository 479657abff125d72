package org.everyoneserves.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueStatusTest {

    private static final LocalDate DUE = LocalDate.of(2026, 5, 20);

    @Test
    void completedIsDoneEvenWhenLate() {
        assertEquals(DueStatus.DONE, DueStatus.of(DUE, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2)));
        assertEquals(DueStatus.DONE, DueStatus.of(DUE, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1)));
    }

    @Test
    void openUntilSevenDaysBeforeThenDueSoonThroughTheDueDateThenOverdue() {
        assertEquals(DueStatus.OPEN, DueStatus.of(DUE, null, LocalDate.of(2026, 5, 12)));
        assertEquals(DueStatus.DUE_SOON, DueStatus.of(DUE, null, LocalDate.of(2026, 5, 13)));
        assertEquals(DueStatus.DUE_SOON, DueStatus.of(DUE, null, LocalDate.of(2026, 5, 20)));
        assertEquals(DueStatus.OVERDUE, DueStatus.of(DUE, null, LocalDate.of(2026, 5, 21)));
    }
}
