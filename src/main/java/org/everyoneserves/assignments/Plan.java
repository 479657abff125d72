package org.everyoneserves.assignments;

import java.util.List;

/**
 * A person's plan: what to do now (overdue first, then by due date), what comes up again later, what is done.
 *
 * @param onboarding for people in their first 90 days: how many of the items they got on joining are done; null after that
 */
public record Plan(List<PlanItem> toDo, List<PlanItem> upcoming, List<PlanItem> paused, List<PlanItem> done, int required, int completed,
                   Onboarding onboarding) {

    public record Onboarding(int day, int done, int total) {

        public int percent() {
            return total == 0 ? 100 : done * 100 / total;
        }
    }

    public int percent() {
        return required == 0 ? 100 : completed * 100 / required;
    }

    public long overdue() {
        return toDo.stream().filter(i -> i.state() == PlanItem.State.OVERDUE).count();
    }
}
