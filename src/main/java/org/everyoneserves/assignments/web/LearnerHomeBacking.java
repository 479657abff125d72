package org.everyoneserves.assignments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Certificate;
import org.everyoneserves.assignments.Plan;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.security.CurrentUser;

/** /learner/index.xhtml: the person's own home and plan. */
@Named
@RequestScoped
public class LearnerHomeBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    Caller caller;

    @Inject
    AssignmentService assignments;

    private Plan plan;
    private Optional<Certificate> certificate;

    /** The certificate of the finished curriculum, or null while something is still owed. */
    public Certificate getCertificate() {
        if (certificate == null) {
            certificate = assignments.certificate(caller, caller.personId(), getPlan());
        }
        return certificate.orElse(null);
    }

    public Plan getPlan() {
        if (plan == null) {
            plan = assignments.plan(caller, caller.personId());
        }
        return plan;
    }

    public PersonSummary getMe() {
        return currentUser.getPerson();
    }
}
