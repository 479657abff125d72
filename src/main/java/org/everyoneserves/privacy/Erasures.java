package org.everyoneserves.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.PersonalData;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Erases one person across every feature in one transaction: all or nothing. The person is deactivated first (their
 * sessions end, their open items pause), then each feature erases or pseudonymises its part, {@code people} last; the
 * audit log records who erased whom and why, with the name and e-mail replaced in the reason.
 */
@ApplicationScoped
public class Erasures {

    public static final int REASON_MAXLENGTH = 500;

    private static final Logger LOG = Logger.getLogger(Erasures.class.getName());

    @Inject
    @Any
    Instance<PersonalData> holders;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    /** @return how many rows were deleted or changed */
    @Transactional
    public int erase(Caller caller, long personId, String reason, boolean keepText) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        if (caller.personId() == personId) {
            throw new BusinessException(BusinessException.Kind.INVALID, "privacy.error.ownErasure");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "privacy.error.reasonMissing");
        }
        if (why.length() > REASON_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "privacy.error.reasonTooLong", REASON_MAXLENGTH);
        }
        PersonSummary person = people.find(personId).orElseThrow(() -> BusinessException.notFound("person"));
        if (people.isErased(personId)) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "privacy.error.alreadyErased");
        }
        if (person.active()) {
            people.deactivate(caller, personId);
        }
        PersonalData.Erasure erasure = new PersonalData.Erasure(personId,
                List.of(person.displayName(), person.lastName() + ", " + person.firstName(), person.email()),
                PersonalData.Erasure.pseudonymOf(personId), keepText);
        int changed = 0;
        for (PersonalData holder : holders.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder)).toList()) {
            changed += holder.erase(erasure);
        }
        audit.record(caller.personId(), "person.erased", "person", personId,
                (keepText ? "text kept with consent; " : "") + "reason: " + erasure.scrub(why));
        int rows = changed;
        LOG.info(() -> "person " + personId + " erased (" + rows + " rows deleted or changed)");
        return changed;
    }
}
