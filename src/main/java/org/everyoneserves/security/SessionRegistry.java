package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.everyoneserves.people.PersonDeactivated;

/** The signed-in HTTP sessions of each person on this server, so that deactivating a person ends them at once. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<Long, Set<HttpSession>> sessions = new ConcurrentHashMap<>();

    void add(long personId, HttpSession session) {
        sessions.computeIfAbsent(personId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(HttpSession session) {
        Object personId = session.getAttribute(AppAuthenticationMechanism.SESSION_PERSON);
        if (personId instanceof Long id) {
            sessions.computeIfPresent(id, (key, set) -> {
                set.remove(session);
                return set.isEmpty() ? null : set;
            });
        }
    }

    void endSessionsOf(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonDeactivated event) {
        Set<HttpSession> ended = sessions.remove(event.personId());
        if (ended != null) {
            for (HttpSession session : ended) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // it ended on its own meanwhile
                }
            }
        }
    }

    public int count(long personId) {
        return sessions.getOrDefault(personId, Set.of()).size();
    }
}
