package org.everyoneserves.assignments;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminder ladder of one open assignment: a reminder in the {@value #BEFORE_DAYS} days before it is due, one
 * the day after it becomes overdue, then one a week, and from {@code escalateAfterWeeks} weeks overdue a note to the
 * person's manager as well. Each step has a key; a step is sent once, and after a pause (a restart, a server down
 * over a weekend) only the latest step that has fallen due is sent, not every one that was missed.
 */
public final class Ladder {

    public static final int BEFORE_DAYS = 3;

    public enum Kind { DUE_SOON, OVERDUE, ESCALATION }

    /** @param weeksOverdue for OVERDUE and ESCALATION: whole weeks since it became overdue (0 in the first week) */
    public record Step(Kind kind, String key, long weeksOverdue) {
    }

    private Ladder() {
    }

    /** The steps that are due on {@code today} for an item due on {@code dueOn}, latest personal step first. */
    public static List<Step> due(LocalDate dueOn, LocalDate today, int escalateAfterWeeks) {
        List<Step> steps = new ArrayList<>();
        if (today.isBefore(dueOn.minusDays(BEFORE_DAYS))) {
            return steps;
        }
        if (!today.isAfter(dueOn)) {
            steps.add(new Step(Kind.DUE_SOON, "soon", 0));
            return steps;
        }
        long daysOverdue = ChronoUnit.DAYS.between(dueOn, today);
        long week = (daysOverdue - 1) / 7;
        steps.add(new Step(Kind.OVERDUE, "overdue-" + week, week));
        if (daysOverdue >= 7L * escalateAfterWeeks) {
            steps.add(new Step(Kind.ESCALATION, "escalation", daysOverdue / 7));
        }
        return steps;
    }
}
