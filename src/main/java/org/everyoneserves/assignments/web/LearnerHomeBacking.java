package org.everyoneserves.assignments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Certificate;
import org.everyoneserves.assignments.Plan;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.security.CurrentUser;

/** /learner/index.xhtml: the person's own home and plan. */
@Named
@RequestScoped
public class LearnerHomeBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    AssignmentService assignments;

    private Plan plan;
    private Optional<Certificate> certificate;

    /** The certificate of the finished curriculum, or null while something is still owed. */
    public Certificate getCertificate() {
        if (certificate == null) {
            certificate = getPlan().toDo().isEmpty() && getPlan().required() > 0
                    ? assignments.certificate(currentUser.caller(), currentUser.caller().personId())
                    : Optional.empty();
        }
        return certificate.orElse(null);
    }

    public Plan getPlan() {
        if (plan == null) {
            plan = assignments.plan(currentUser.caller(), currentUser.caller().personId());
        }
        return plan;
    }

    public PersonSummary getMe() {
        return currentUser.getPerson();
    }

    /** Days since the start date; negative before it. */
    public long getDaysSinceStart() {
        return ChronoUnit.DAYS.between(getMe().startDate(), LocalDate.now(clock));
    }

    public boolean isNewHire() {
        return getDaysSinceStart() < 90;
    }
}
