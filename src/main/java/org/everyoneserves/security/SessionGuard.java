package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.AppConfig;

/**
 * Whether a signed-in web session may go on: the check made on every page request. The session remembers the person,
 * the person's access version when they signed in, and when that was; it ends when the person is no longer active,
 * their access version moved on (admin rights granted or taken, deactivated, a new password), or it has lasted
 * {@link AppConfig#sessionLifetime() the absolute lifetime}. One primary-key read per request and nothing held in this
 * server's memory, so a change made on one server ends the session on every server at its next request.
 */
@ApplicationScoped
public class SessionGuard {

    static final String PERSON = "everyoneserves.personId";
    static final String ACCESS_VERSION = "everyoneserves.accessVersion";
    static final String SIGNED_IN_AT = "everyoneserves.signedInAt";

    @Inject
    PersonService people;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** Records a sign-in in its (new) session. */
    void signedIn(HttpSession session, long personId, int accessVersion) {
        session.setAttribute(PERSON, personId);
        session.setAttribute(ACCESS_VERSION, accessVersion);
        session.setAttribute(SIGNED_IN_AT, clock.instant().toEpochMilli());
    }

    /** Forgets who signed in to this session: its next check finds nobody ({@code unknown}). */
    void signedOut(HttpSession session) {
        session.removeAttribute(PERSON);
        session.removeAttribute(ACCESS_VERSION);
        session.removeAttribute(SIGNED_IN_AT);
    }

    /**
     * Why this session must end, or empty while it may go on.
     *
     * @return {@code expired}, {@code account_changed} or {@code unknown}
     */
    Optional<String> endReason(HttpSession session) {
        if (!(session.getAttribute(PERSON) instanceof Long personId) || !(session.getAttribute(ACCESS_VERSION) instanceof Integer version)
                || !(session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt)) {
            return Optional.of("unknown");
        }
        if (!clock.instant().isBefore(Instant.ofEpochMilli(signedInAt).plus(config.sessionLifetime()))) {
            return Optional.of("expired");
        }
        OptionalInt current = people.accessVersion(personId);
        return current.isPresent() && current.getAsInt() == version ? Optional.empty() : Optional.of("account_changed");
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
