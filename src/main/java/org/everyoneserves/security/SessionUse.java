package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Notes when a device's sign-in was last used, for its owner's devices page; its own transaction, so reads need none. */
@ApplicationScoped
@Transactional
public class SessionUse {

    @PersistenceContext
    EntityManager em;

    void touch(long sessionId, Instant now, String address) {
        em.createQuery("update ApiSession s set s.lastUsedAt = :now, s.lastAddress = :address where s.id = :id")
                .setParameter("now", now).setParameter("address", address).setParameter("id", sessionId).executeUpdate();
    }
}
