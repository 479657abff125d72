package org.everyoneserves.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final PlanItem OPEN = new PlanItem(1, Assignment.Kind.MODULE, "welcome", "Welcome", LocalDate.of(2026, 12, 14),
            PlanItem.State.OPEN, Assignment.Reason.MANUAL, null);
    private static final PlanItem DONE = new PlanItem(2, Assignment.Kind.QUIZ, "basics", "Basics", LocalDate.of(2026, 11, 1),
            PlanItem.State.DONE, Assignment.Reason.JOINED, Instant.parse("2026-10-30T10:00:00Z"));

    private static Plan plan(List<PlanItem> toDo, int required, long dayOfEmployment) {
        return new Plan(toDo, List.of(), List.of(), List.of(DONE), required, required, null, dayOfEmployment);
    }

    @Test
    void allDoneOnlyWhenNothingIsLeftOfAPlanThatHasSomethingInIt() {
        assertTrue(plan(List.of(), 3, 200).allDone());
        assertFalse(plan(List.of(), 0, 200).allDone(), "an empty curriculum earns nothing");
        assertFalse(plan(List.of(OPEN), 3, 200).allDone(), "an open item outside the curriculum still hides the certificate");
    }

    @Test
    void aNewHiresFirstQuarterIsDaysOneToNinetyFromTheStartDate() {
        assertFalse(Plan.isOnboarding(0), "the day before the start date");
        assertTrue(Plan.isOnboarding(1), "the start date");
        assertTrue(Plan.isOnboarding(Plan.ONBOARDING_DAYS));
        assertFalse(Plan.isOnboarding(Plan.ONBOARDING_DAYS + 1));
    }

    @Test
    void daysToStartCountDownToTheStartDateAndStayZeroFromThen() {
        assertEquals(5, plan(List.of(), 0, -4).daysToStart());
        assertEquals(1, plan(List.of(), 0, 0).daysToStart(), "the day before the start date");
        assertEquals(0, plan(List.of(), 0, 1).daysToStart());
        assertEquals(0, plan(List.of(), 0, 400).daysToStart());
    }
}
