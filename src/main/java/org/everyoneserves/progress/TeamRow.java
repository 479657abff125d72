package org.everyoneserves.progress;

import java.time.LocalDate;

/**
 * One person on a team overview.
 *
 * @param overdue        open items past their due date
 * @param dueSoon        open items due within {@link ProgressService#DUE_SOON_DAYS} days
 * @param expiring       certifications (repeating items) that run out within {@link ProgressService#EXPIRING_DAYS} days
 * @param shadowingDone  shadowing sessions completed, ever
 * @param shadowingDueOn when the next shadowing session is due, if one is open
 */
public record TeamRow(long personId, String name, String email, String department, String jobRole, String manager, int required, int done,
                      LocalDate nextDueOn, int overdue, int dueSoon, int expiring, int shadowingDone, LocalDate shadowingDueOn) {

    public int percent() {
        return required == 0 ? 100 : done * 100 / required;
    }
}
