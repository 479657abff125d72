package org.everyoneserves.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenDueDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate SOON = TODAY.plusDays(14);
    private static final LocalDate EXPIRING = TODAY.plusDays(30);

    private static Assignment open(Assignment.Kind kind, Assignment.Reason reason, LocalDate due) {
        return new Assignment(7, kind, "item-" + due, Assignment.Origin.CURRICULUM, reason, TODAY.minusDays(60), due, null, null,
                Instant.parse("2026-10-01T08:00:00Z"));
    }

    @Test
    void theStoredFormListsEachOpenAssignmentByDueDateWithItsMarks() {
        String stored = OpenDueDates.of(List.of(
                open(Assignment.Kind.MODULE, Assignment.Reason.JOINED, TODAY.plusDays(3)),
                open(Assignment.Kind.GUIDE, Assignment.Reason.RECERTIFICATION, TODAY.minusDays(1)),
                open(Assignment.Kind.QUIZ, Assignment.Reason.RECERTIFICATION, TODAY.plusDays(20))));
        assertEquals("2026-12-01rg 2026-12-05 2026-12-22r", stored, "the form migration V26 writes in SQL");
        assertNull(OpenDueDates.of(List.of()), "nobody owes anything: no value");
    }

    @Test
    void overdueDueSoonAndExpiringAreCountedOnTheDayTheyAreAskedFor() {
        String stored = "2026-11-30 2026-12-01g 2026-12-02r 2026-12-16 2026-12-17 2027-01-01r 2027-01-02rg";
        OpenDueDates.Counts counts = OpenDueDates.counts(stored, TODAY, SOON, EXPIRING);
        assertEquals(2, counts.overdue(), "due before today");
        assertEquals(2, counts.dueSoon(), "today and the fourteenth day on, both included");
        assertEquals(2, counts.expiring(), "recertifications due from today to the thirtieth day on");
        assertEquals(LocalDate.of(2026, 12, 1), counts.guideDue(), "the earliest open shadowing, overdue or not");

        OpenDueDates.Counts monthLater = OpenDueDates.counts(stored, TODAY.plusDays(31), SOON.plusDays(31), EXPIRING.plusDays(31));
        assertEquals(6, monthLater.overdue(), "a day passing changes the counts without a write");
        assertEquals(1, monthLater.dueSoon());
        assertEquals(1, monthLater.expiring());
    }

    @Test
    void noOpenAssignmentsCountNothing() {
        assertEquals(OpenDueDates.Counts.NONE, OpenDueDates.counts(null, TODAY, SOON, EXPIRING));
        assertEquals(OpenDueDates.Counts.NONE, OpenDueDates.counts("", TODAY, SOON, EXPIRING));
    }
}
