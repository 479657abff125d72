package org.everyoneserves.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reminder ladder on a fixed calendar: an item due on Monday 7 December 2026, escalation after 3 weeks. */
class LadderTest {

    static final LocalDate DUE = LocalDate.of(2026, 12, 7);

    static List<String> keys(LocalDate today) {
        return Ladder.due(DUE, today, 3).stream().map(Ladder.Step::key).toList();
    }

    @Test
    void nothingUntilThreeDaysBeforeThenOneBeforeDueReminder() {
        assertTrue(keys(DUE.minusDays(4)).isEmpty());
        assertEquals(List.of("soon"), keys(DUE.minusDays(3)));
        assertEquals(List.of("soon"), keys(DUE.minusDays(1)), "the same step: sent once");
        assertEquals(List.of("soon"), keys(DUE), "on the day it is due, not yet overdue");
    }

    @Test
    void theDayAfterItBecomesOverdueThenWeekly() {
        assertEquals(List.of("overdue-0"), keys(DUE.plusDays(1)));
        assertEquals(List.of("overdue-0"), keys(DUE.plusDays(7)), "the first week is one step");
        assertEquals(List.of("overdue-1"), keys(DUE.plusDays(8)));
        assertEquals(List.of("overdue-1"), keys(DUE.plusDays(14)));
        assertEquals(List.of("overdue-2"), keys(DUE.plusDays(15)));
    }

    @Test
    void fromThreeWeeksOverdueTheManagerHearsToo() {
        assertEquals(List.of("overdue-2"), keys(DUE.plusDays(20)));
        List<Ladder.Step> steps = Ladder.due(DUE, DUE.plusDays(21), 3);
        assertEquals(List.of("overdue-2", "escalation"), steps.stream().map(Ladder.Step::key).toList());
        assertEquals(Ladder.Kind.ESCALATION, steps.get(1).kind());
        assertEquals(3, steps.get(1).weeksOverdue());
        assertEquals(List.of("overdue-5", "escalation"), keys(DUE.plusDays(40)), "after a long pause: only the latest step, and one escalation");
        assertEquals(List.of("overdue-0", "escalation"), Ladder.due(DUE, DUE.plusDays(7), 1).stream().map(Ladder.Step::key).toList(),
                "the escalation point is a setting");
    }
}
