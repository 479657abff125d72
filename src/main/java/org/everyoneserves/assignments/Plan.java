package org.everyoneserves.assignments;

import java.util.List;

/**
 * A person's plan: what to do now (overdue first, then by due date), what comes up again later, what is done.
 *
 * @param onboarding for people in their first {@value #ONBOARDING_DAYS} days: how many of the items they got on joining
 *                   are done; null before and after that
 * @param dayOfEmployment 1 on the person's start date, 0 or less before it
 */
public record Plan(List<PlanItem> toDo, List<PlanItem> upcoming, List<PlanItem> paused, List<PlanItem> done, int required, int completed,
                   Onboarding onboarding, long dayOfEmployment) {

    /** A new hire's first quarter: days 1 to 90 of employment. */
    public static final int ONBOARDING_DAYS = 90;

    public record Onboarding(int day, int done, int total) {

        public int percent() {
            return total == 0 ? 100 : done * 100 / total;
        }
    }

    /** Whether this day of employment (1 = the start date) is in a new hire's first quarter. */
    public static boolean isOnboarding(long dayOfEmployment) {
        return dayOfEmployment >= 1 && dayOfEmployment <= ONBOARDING_DAYS;
    }

    /** Days until the start date; 0 from the start date on. */
    public long daysToStart() {
        return Math.max(0, 1 - dayOfEmployment);
    }

    /**
     * Nothing left to do of a plan that has something in it. Only then is there a certificate to show: an open item
     * outside the curriculum (a manual assignment) still hides it.
     */
    public boolean allDone() {
        return toDo.isEmpty() && required > 0;
    }

    public int percent() {
        return required == 0 ? 100 : completed * 100 / required;
    }

    public long overdue() {
        return toDo.stream().filter(i -> i.state() == PlanItem.State.OVERDUE).count();
    }
}
