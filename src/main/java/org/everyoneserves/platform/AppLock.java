package org.everyoneserves.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Work that one transaction at a time does, on any server (importing the content folder, importing people): a row of
 * {@code app_lock}, locked until the transaction ends. Taken as the first statement, before MariaDB's repeatable read
 * fixes its snapshot, so the next one reads what the one before committed.
 */
@ApplicationScoped
public class AppLock {

    public static final String CONTENT = "content";
    public static final String PEOPLE = "people";

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(String name) {
        if (em.createNativeQuery("select name from app_lock where name = ?1 for update").setParameter(1, name).getResultList().isEmpty()) {
            throw new IllegalStateException("no app_lock row " + name);
        }
    }
}
