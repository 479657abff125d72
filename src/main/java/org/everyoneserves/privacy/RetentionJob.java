package org.everyoneserves.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.Clocks;
import org.everyoneserves.platform.PersonalData;
import org.everyoneserves.platform.Tick;

/**
 * Applies the retention periods once a day, once per cluster: the day's row in {@code retention_run} is the claim
 * ({@code insert ignore}: of two servers only one inserts it); a run that started more than {@link #LEASE} ago and never
 * finished (its server died) is taken over. Each kind is removed in its own transaction, people who left are erased one
 * by one, and the counts are written to the run's row and the log.
 */
@ApplicationScoped
public class RetentionJob {

    static final Duration LEASE = Duration.ofHours(1);

    static final int REMOVED_MAXLENGTH = 2000;

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<PersonalData> holders;

    @Inject
    Erasures erasures;

    @Inject
    Policies policies;

    @Inject
    RetentionJob self;

    @Inject
    java.time.Clock clock;

    @Inject
    Clocks clocks;

    /** One day's run: what each kind removed, in the order of the policies ({@code kind=count, ...}), and the kinds that failed. */
    public record Run(LocalDate day, String node, Instant startedAt, Instant finishedAt, String removed, String failure) {

        /** How many rows each kind removed, as {@link #run} wrote them. */
        public List<Removed> removedByKind() {
            if (removed == null || removed.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(removed.split(", ")).map(pair -> pair.split("=", 2)).filter(pair -> pair.length == 2)
                    .map(pair -> new Removed(pair[0], Integer.parseInt(pair[1]))).toList();
        }

        /** The kinds whose removal failed (the next day's run catches up). */
        public List<String> failedKinds() {
            return failure == null || failure.isBlank() ? List.of() : List.of(failure.split(", "));
        }
    }

    /** What one kind of data removed in a run. */
    public record Removed(String kind, int count) {
    }

    /**
     * The daily run. Not while a test has moved this server's clock (never in production, where it cannot move): the
     * periods would be applied to the shared test data as of whatever day that test visits; tests call {@link #run}
     * with the day they mean.
     */
    void onTick(@Observes Tick tick) {
        if (clocks.offset().isZero()) {
            run(tick.today(), tick.now());
        }
    }

    /**
     * Applies every policy as of {@code now}, unless this day's run was claimed by another run.
     *
     * @return what was removed by kind, or empty when another run has the day
     */
    public Map<String, Integer> run(LocalDate today, Instant now) {
        if (!self.claim(today, now)) {
            return Map.of();
        }
        Map<String, Integer> removed = new LinkedHashMap<>();
        StringBuilder failures = new StringBuilder();
        for (Policies.Policy policy : policies.current()) {
            Instant cutoff = now.minus(Duration.ofDays(policy.days()));
            try {
                removed.put(policy.kind(), PersonalData.LEAVERS.equals(policy.kind()) ? eraseLeavers(cutoff, policy.days())
                        : self.apply(policy.holder(), policy.kind(), cutoff));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "retention of " + policy.kind() + " failed; the next day's run catches up", e);
                failures.append(failures.isEmpty() ? "" : ", ").append(policy.kind());
            }
        }
        String summary = removed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        self.finish(today, summary, failures.isEmpty() ? null : failures.toString());
        LOG.info(() -> "retention run of " + today + " removed " + summary + (failures.isEmpty() ? "" : "; failed: " + failures));
        return removed;
    }

    private int eraseLeavers(Instant cutoff, int days) {
        int erased = 0;
        for (PersonalData holder : holders) {
            for (Long personId : holder.leftBefore(cutoff)) {
                erasures.erase(Caller.SYSTEM, personId, "left more than " + days + " days ago (retention)", false);
                erased++;
            }
        }
        return erased;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int apply(String feature, String kind, Instant cutoff) {
        for (PersonalData holder : holders) {
            if (holder.feature().equals(feature)) {
                return holder.applyRetention(kind, cutoff);
            }
        }
        return 0;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(LocalDate day, Instant now) {
        String node = System.getProperty("jboss.node.name", "server");
        int inserted = em.createNativeQuery("insert ignore into retention_run (day, node, started_at) values (?1, ?2, ?3)")
                .setParameter(1, Date.valueOf(day)).setParameter(2, node).setParameter(3, Timestamp.from(now)).executeUpdate();
        if (inserted == 1) {
            return true;
        }
        return em.createNativeQuery("update retention_run set node = ?1, started_at = ?2, removed = null, failure = null"
                        + " where day = ?3 and finished_at is null and started_at < ?4")
                .setParameter(1, node).setParameter(2, Timestamp.from(now)).setParameter(3, Date.valueOf(day))
                .setParameter(4, Timestamp.from(now.minus(LEASE))).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(LocalDate day, String removed, String failure) {
        em.createNativeQuery("update retention_run set finished_at = ?1, removed = ?2, failure = ?3 where day = ?4")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, cut(removed, REMOVED_MAXLENGTH)).setParameter(3, cut(failure, 300))
                .setParameter(4, Date.valueOf(day)).executeUpdate();
    }

    @Transactional
    public List<Run> runs(int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select day, node, started_at, finished_at, removed, failure from retention_run"
                + " order by day desc").setMaxResults(max).getResultList();
        return rows.stream().map(r -> new Run(((Date) r[0]).toLocalDate(), (String) r[1], instant(r[2]), instant(r[3]), (String) r[4], (String) r[5]))
                .toList();
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant()
                : ((java.time.LocalDateTime) value).atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
