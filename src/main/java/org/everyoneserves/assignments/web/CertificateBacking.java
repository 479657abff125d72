package org.everyoneserves.assignments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Certificate;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;

/** /learner/certificate.xhtml[?person=N]: the printable certificate of a finished job-role curriculum. */
@Named
@RequestScoped
public class CertificateBacking {

    @Inject
    AssignmentService assignments;

    @Inject
    Caller caller;

    private String person;
    private Certificate certificate;

    public void load() {
        long personId = personId(person, caller.personId());
        certificate = assignments.certificate(caller, personId).orElseThrow(() -> BusinessException.notFound("certificate"));
    }

    /** The person asked for, or the viewer; a malformed id is "not found". */
    static long personId(String parameter, long viewer) {
        if (parameter == null || parameter.isBlank()) {
            return viewer;
        }
        try {
            return Long.parseLong(parameter.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.notFound("person");
        }
    }

    public String getPerson() { return person; }
    public void setPerson(String person) { this.person = person; }
    public Certificate getCertificate() { return certificate; }
}
