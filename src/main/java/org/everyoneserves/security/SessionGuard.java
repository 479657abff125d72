package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.AppConfig;

/**
 * Whether a signed-in web session may go on, and with which roles: the check made on every page request. The session
 * remembers the person, the person's access version when they signed in, and when that was; it ends when the person
 * is no longer active, their access version moved on (deactivated, a new password), or it has lasted
 * {@link AppConfig#sessionLifetime() the absolute lifetime}. Otherwise the person's roles are derived again from the
 * same read: admin rights granted or taken and a first or last report count from the next request, without signing in
 * again. One read by primary key per request and nothing held in this server's memory, so a change made on one server
 * counts on every server at its next request.
 */
@ApplicationScoped
public class SessionGuard {

    static final String PERSON = "everyoneserves.personId";
    static final String ACCESS_VERSION = "everyoneserves.accessVersion";
    static final String SIGNED_IN_AT = "everyoneserves.signedInAt";
    /** Admin rights the company's identity provider gave at sign-in (its admin group), which the database does not hold. */
    static final String PROVIDER_ADMIN = "everyoneserves.providerAdmin";

    @Inject
    PersonService people;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** What {@link #check} found: the session ends ({@code endReason}), or goes on with {@code groups}. */
    record Verdict(String endReason, Set<String> groups) {

        static Verdict end(String reason) {
            return new Verdict(reason, Set.of());
        }

        boolean goesOn() {
            return endReason == null;
        }
    }

    /** Forgets who signed in to this session: its next check finds nobody ({@code unknown}). */
    void signedOut(HttpSession session) {
        session.removeAttribute(PERSON);
        session.removeAttribute(ACCESS_VERSION);
        session.removeAttribute(SIGNED_IN_AT);
        session.removeAttribute(PROVIDER_ADMIN);
    }

    /**
     * Records a sign-in in its (new) session, with the roles it signed in with: admin rights among them that the database
     * does not hold came from the company's identity provider and last as long as the session.
     */
    void signedIn(HttpSession session, long personId, int accessVersion, Set<String> groups) {
        session.setAttribute(PERSON, personId);
        session.setAttribute(ACCESS_VERSION, accessVersion);
        session.setAttribute(SIGNED_IN_AT, clock.instant().toEpochMilli());
        boolean providerAdmin = groups.contains(Roles.ADMIN)
                && !people.access(personId).map(PersonService.Access::admin).orElse(false);
        session.setAttribute(PROVIDER_ADMIN, providerAdmin);
    }

    /** The person's access version now, for a sign-in that did not go through the identity store (company sign-in). */
    int accessVersion(long personId) {
        return people.accessVersion(personId).orElse(0);
    }

    /**
     * Whether this session may go on, and with which roles as they are now.
     *
     * @return a verdict that ends the session with {@code expired}, {@code account_changed} or {@code unknown}, or lets
     *         it go on with the person's current groups
     */
    Verdict check(HttpSession session) {
        if (!(session.getAttribute(PERSON) instanceof Long personId) || !(session.getAttribute(ACCESS_VERSION) instanceof Integer version)
                || !(session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt)) {
            return Verdict.end("unknown");
        }
        if (!clock.instant().isBefore(Instant.ofEpochMilli(signedInAt).plus(config.sessionLifetime()))) {
            return Verdict.end("expired");
        }
        Optional<PersonService.Access> access = people.access(personId);
        if (access.isEmpty() || access.get().version() != version) {
            return Verdict.end("account_changed");
        }
        Set<String> groups = new LinkedHashSet<>();
        groups.add(Roles.LEARNER);
        if (access.get().manager()) {
            groups.add(Roles.MANAGER);
        }
        if (access.get().admin() || Boolean.TRUE.equals(session.getAttribute(PROVIDER_ADMIN))) {
            groups.add(Roles.ADMIN);
        }
        return new Verdict(null, groups);
    }

    /**
     * After the person changed their own password in this session: it goes on (with the new access version) while
     * their other sessions end.
     */
    public void renew(HttpSession session, long personId) {
        people.accessVersion(personId).ifPresent(version -> session.setAttribute(ACCESS_VERSION, version));
    }

    static Long personOf(HttpSession session) {
        return session.getAttribute(PERSON) instanceof Long id ? id : null;
    }
}
