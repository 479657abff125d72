package org.everyoneserves.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Who changed what, when. Joins the caller's transaction, so an entry exists exactly when its change does. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void record(Long actorId, String action, String subjectType, Long subjectId, String detail) {
        em.persist(new AuditEntry(clock.instant(), actorId == null || actorId <= 0 ? null : actorId, action, subjectType, subjectId, detail));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> forSubject(String subjectType, long subjectId, int max) {
        return em.createQuery("select a from AuditEntry a where a.subjectType = :type and a.subjectId = :id order by a.at desc, a.id desc",
                        AuditEntry.class)
                .setParameter("type", subjectType).setParameter("id", subjectId).setMaxResults(max).getResultList();
    }
}
