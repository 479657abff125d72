package org.everyoneserves.privacy;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.PersonalData;
import org.everyoneserves.platform.Tick;

/**
 * Makes exports in the background: a request is stored, then made on a managed thread once the request's transaction
 * has committed. The row is claimed before it is made, so of two servers (or the scheduler catching up after a
 * restart) only one makes it; a claim older than {@link #CLAIM} is taken over. Exports are offered for
 * {@value #OFFERED_DAYS} days, then deleted.
 */
@ApplicationScoped
public class Exports {

    public static final int OFFERED_DAYS = 7;

    static final Duration CLAIM = Duration.ofMinutes(10);

    /** A request not yet made this long after it was asked for was missed (a restart): the scheduler makes it. */
    static final Duration MISSED = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(Exports.class.getName());

    /** Told after commit: an export was asked for. */
    record Requested(long exportId) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @Any
    Instance<PersonalData> holders;

    @Inject
    PersonService people;

    @Inject
    Clock clock;

    @Inject
    Exports self;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested requested) {
        executor.execute(() -> self.makeSafely(requested.exportId()));
    }

    void catchUp(@Observes Tick tick) {
        for (Long id : self.missed(tick.now())) {
            self.makeSafely(id);
        }
        self.deleteExpired(tick.now());
    }

    void makeSafely(long exportId) {
        try {
            self.make(exportId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "export " + exportId + " failed; it is marked failed", e);
            self.fail(exportId);
        }
    }

    @Transactional
    public List<Long> missed(Instant now) {
        return em.createQuery("select e.id from PersonalDataExport e where (e.status = :pending and e.requestedAt < :missed)"
                        + " or (e.status = :running and e.claimedAt < :stale) order by e.id", Long.class)
                .setParameter("pending", PersonalDataExport.Status.PENDING).setParameter("missed", now.minus(MISSED))
                .setParameter("running", PersonalDataExport.Status.RUNNING).setParameter("stale", now.minus(CLAIM))
                .setMaxResults(50).getResultList();
    }

    /** Claims the export and makes it, in one transaction: on a failure nothing is kept and {@link #fail} marks it failed. */
    @Transactional
    public void make(long exportId) {
        Instant now = clock.instant();
        int claimed = em.createNativeQuery("update personal_data_export set status = 'RUNNING', claimed_at = ?1, version = version + 1"
                        + " where id = ?2 and (status = 'PENDING' or (status = 'RUNNING' and claimed_at < ?3))")
                .setParameter(1, Timestamp.from(now)).setParameter(2, exportId).setParameter(3, Timestamp.from(now.minus(CLAIM))).executeUpdate();
        if (claimed == 0) {
            return;
        }
        PersonalDataExport export = em.find(PersonalDataExport.class, exportId);
        em.refresh(export);
        PersonSummary person = people.find(export.getPersonId()).orElseThrow();
        export.ready(ExportArchive.zip(person.displayName(), person.locale(), now, collect(person.id())), now, now.plus(Duration.ofDays(OFFERED_DAYS)));
        LOG.info(() -> "personal data export " + exportId + " is ready (" + export.getFileSize() + " bytes)");
    }

    @Transactional
    public void fail(long exportId) {
        PersonalDataExport export = em.find(PersonalDataExport.class, exportId);
        if (export != null && export.getStatus() != PersonalDataExport.Status.READY) {
            export.failed();
        }
    }

    @Transactional
    public int deleteExpired(Instant now) {
        return em.createQuery("delete from PersonalDataExport e where e.expiresAt < :now or (e.status = :failed and e.requestedAt < :old)")
                .setParameter("now", now).setParameter("failed", PersonalDataExport.Status.FAILED)
                .setParameter("old", now.minus(Duration.ofDays(OFFERED_DAYS))).executeUpdate();
    }

    /** Every feature's data about the person, features in the order of their names (people first). */
    Map<String, Map<String, List<Map<String, Object>>>> collect(long personId) {
        Map<String, Map<String, List<Map<String, Object>>>> data = new LinkedHashMap<>();
        holders.stream().sorted(Comparator.comparing((PersonalData h) -> !"people".equals(h.feature())).thenComparing(PersonalData::feature))
                .forEach(holder -> {
                    Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>(holder.export(personId));
                    if (!sections.isEmpty()) {
                        data.merge(holder.feature(), sections, (a, b) -> {
                            a.putAll(b);
                            return a;
                        });
                    }
                });
        return data;
    }
}
