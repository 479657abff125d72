package org.everyoneserves.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Queues one person's changes that read, then write, in many places at once (a module marked as read twelve times at
 * once: the completion, the next occurrence, review cards, the progress summary). Taken as the first statement of
 * the transaction, before MariaDB's repeatable read fixes its snapshot, so every read after it sees what the change
 * before committed.
 */
@ApplicationScoped
public class PersonLock {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(long personId) {
        em.createNativeQuery("select id from person where id = ?1 for update").setParameter(1, personId).getResultList();
    }
}
