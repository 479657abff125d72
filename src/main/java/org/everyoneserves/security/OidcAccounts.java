package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Who an account at the company's provider is here. A person is matched by the provider's subject; the first time,
 * by the e-mail the provider has verified, and the link is kept (so a later change of e-mail at either end does not
 * lose the person). An unknown person is created when the admin allows it ({@code APP_OIDC_CREATE_PEOPLE}), else
 * refused. A deactivated person is refused.
 */
@ApplicationScoped
@Transactional
public class OidcAccounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonService people;

    @Inject
    AccountService accounts;

    @Inject
    CompanySignInSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** What the provider says about the person signing in. */
    public record Identity(String issuer, String subject, String email, boolean emailVerified, String givenName, String familyName,
                           Collection<String> providerGroups) {
    }

    /** The person signed in and their groups here. */
    public record SignedIn(long personId, Set<String> groups) {
    }

    public SignedIn resolve(Identity identity) {
        long personId = linked(identity).orElseGet(() -> link(identity));
        PersonSummary person = people.findActive(personId)
                .orElseThrow(() -> new OidcRefusal(OidcRefusal.Reason.INACTIVE, "person " + personId + " is deactivated"));
        Set<String> groups = new LinkedHashSet<>(accounts.groupsOf(person));
        if (identity.providerGroups().stream().anyMatch(settings.adminGroups()::contains)) {
            groups.add(Roles.ADMIN);
        }
        return new SignedIn(person.id(), groups);
    }

    private Optional<Long> linked(Identity identity) {
        return Optional.ofNullable(em.find(OidcLink.class, new OidcLink.Key(identity.issuer(), identity.subject()))).map(OidcLink::getPersonId);
    }

    private long link(Identity identity) {
        if (identity.email() == null || identity.email().isBlank() || !identity.emailVerified()) {
            throw new OidcRefusal(OidcRefusal.Reason.UNVERIFIED_EMAIL, "subject " + identity.subject() + " has no verified e-mail");
        }
        Optional<PersonSummary> known = people.findByEmail(identity.email()).flatMap(p -> people.find(p.getId()));
        OidcLink.LinkedBy how;
        long personId;
        if (known.isPresent()) {
            personId = known.get().id();
            if (!known.get().active()) {
                throw new OidcRefusal(OidcRefusal.Reason.INACTIVE, "person " + personId + " is deactivated");
            }
            boolean linkedElsewhere = !em.createQuery("select l.subject from OidcLink l where l.personId = :person and l.issuer = :issuer",
                    String.class).setParameter("person", personId).setParameter("issuer", identity.issuer()).getResultList().isEmpty();
            if (linkedElsewhere) {
                throw new OidcRefusal(OidcRefusal.Reason.LINKED_ELSEWHERE, "person " + personId + " is linked to another subject");
            }
            how = OidcLink.LinkedBy.EMAIL;
        } else if (settings.createPeople()) {
            personId = people.create(Caller.SYSTEM, newPerson(identity));
            how = OidcLink.LinkedBy.CREATED;
        } else {
            throw new OidcRefusal(OidcRefusal.Reason.UNKNOWN_PERSON, "no person has the e-mail of subject " + identity.subject());
        }
        em.persist(new OidcLink(identity.issuer(), identity.subject(), personId, clock.instant(), how));
        em.flush();
        audit.record(personId, "oidc.linked", "person", personId, how + " " + identity.issuer());
        return personId;
    }

    private PersonDetails newPerson(Identity identity) {
        PersonDetails details = new PersonDetails();
        details.setEmail(identity.email());
        String local = identity.email().substring(0, Math.max(1, identity.email().indexOf('@')));
        details.setFirstName(identity.givenName() == null || identity.givenName().isBlank() ? local : identity.givenName());
        details.setLastName(identity.familyName() == null || identity.familyName().isBlank() ? "-" : identity.familyName());
        details.setStartDate(LocalDate.now(clock));
        return details;
    }
}
