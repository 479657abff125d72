package org.everyoneserves.assignments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a person's plan.
 *
 * @param state what the learner should make of it today
 */
public record PlanItem(long assignmentId, Assignment.Kind kind, String code, String title, LocalDate dueOn, State state,
                       Assignment.Reason reason, Instant completedAt) {

    public enum State { OVERDUE, DUE_SOON, OPEN, PAUSED, UPCOMING, DONE }

    /** A recertification further away than this is "coming up", not "to do". */
    public static final int UPCOMING_AFTER_DAYS = 30;

    static PlanItem of(Assignment a, String title, LocalDate today) {
        State state = switch (a.getStatus()) {
            case DONE -> State.DONE;
            case PAUSED -> State.PAUSED;
            default -> {
                if (a.getReason() == Assignment.Reason.RECERTIFICATION && a.getDueOn().isAfter(today.plusDays(UPCOMING_AFTER_DAYS))) {
                    yield State.UPCOMING;
                }
                yield switch (DueStatus.of(a.getDueOn(), null, today)) {
                    case OVERDUE -> State.OVERDUE;
                    case DUE_SOON -> State.DUE_SOON;
                    default -> State.OPEN;
                };
            }
        };
        return new PlanItem(a.getId(), a.getKind(), a.getCode(), title == null ? a.getCode() : title, a.getDueOn(), state, a.getReason(),
                a.getCompletedAt());
    }

    public boolean toDo() {
        return state == State.OVERDUE || state == State.DUE_SOON || state == State.OPEN;
    }

    /** The page where the learner does it. */
    public String href() {
        return href(kind, code);
    }

    /** The page where the learner does an item. */
    public static String href(Assignment.Kind kind, String code) {
        return switch (kind) {
            case MODULE -> "/learner/module.xhtml?id=" + code;
            case QUIZ -> "/learner/quiz.xhtml?id=" + code;
            case GUIDE -> "/learner/shadowing.xhtml?id=" + code;
        };
    }
}
