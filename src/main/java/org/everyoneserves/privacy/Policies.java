package org.everyoneserves.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.PersonalData;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * How long each kind of data is kept: the kinds the features declare, with their default periods, unless an admin set
 * another in {@code retention_policy}.
 */
@ApplicationScoped
public class Policies {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 36500;

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<PersonalData> holders;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** One kind: the feature that removes it, its period, and its default. */
    public record Policy(String kind, String holder, int days, int defaultDays) {
    }

    @Transactional
    public List<Policy> current() {
        Map<String, Integer> set = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, days from retention_policy").getResultList();
        for (Object[] row : rows) {
            set.put((String) row[0], ((Number) row[1]).intValue());
        }
        List<Policy> policies = new ArrayList<>();
        for (PersonalData holder : holders) {
            for (PersonalData.Retention retention : holder.retention()) {
                policies.add(new Policy(retention.kind(), holder.feature(), set.getOrDefault(retention.kind(), retention.defaultDays()),
                        retention.defaultDays()));
            }
        }
        policies.sort(Comparator.comparing(Policy::kind));
        return policies;
    }

    /** Sets the periods given by kind; unknown kinds and periods out of range are refused, nothing is saved then. */
    @Transactional
    public void change(long adminId, Map<String, Integer> days) {
        Map<String, Policy> known = new HashMap<>();
        current().forEach(p -> known.put(p.kind(), p));
        for (var entry : days.entrySet()) {
            if (!known.containsKey(entry.getKey())) {
                throw new BusinessException(BusinessException.Kind.INVALID, "privacy.error.unknownKind", entry.getKey());
            }
            Integer value = entry.getValue();
            if (value == null || value < MIN_DAYS || value > MAX_DAYS) {
                throw new BusinessException(BusinessException.Kind.INVALID, "privacy.error.days", entry.getKey(), MIN_DAYS, MAX_DAYS);
            }
        }
        for (var entry : days.entrySet()) {
            Policy before = known.get(entry.getKey());
            if (before.days() == entry.getValue()) {
                continue;
            }
            em.createNativeQuery("insert into retention_policy (kind, days, updated_at, updated_by) values (?1, ?2, ?3, "
                            + (adminId > 0 ? adminId : "null") + ") on duplicate key update days = values(days), updated_at = values(updated_at),"
                            + " updated_by = values(updated_by)")
                    .setParameter(1, entry.getKey()).setParameter(2, entry.getValue()).setParameter(3, Timestamp.from(clock.instant()))
                    .executeUpdate();
            audit.record(adminId, "retention.changed", "retention", null, entry.getKey() + ": " + before.days() + " -> " + entry.getValue() + " days");
        }
    }
}
