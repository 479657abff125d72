package org.everyoneserves.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * The audit log: who changed whose data. A person's export holds when and what kind of change was made to their own
 * data (not the details, which may name others such as a new manager, nor the changes they made to others' data);
 * erasure keeps every entry (the log must stay whole) and replaces the person's name and e-mail in
 * the details; entries older than the {@link #AUDIT} period are deleted.
 */
@ApplicationScoped
public class AuditPersonalData implements PersonalData {

    public static final String AUDIT = "audit.entries";

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "audit";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("audit_entry", "who changed whose data, when, and what"));
    }

    @Override
    public List<Retention> retention() {
        return List.of(new Retention(AUDIT, 5 * 365));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        return Map.of("changesToYourData", PersonalData.rows(em, "select at, action from audit_entry"
                + " where subject_type = 'person' and subject_id = ?1 order by at, id", personId));
    }

    @Override
    public int erase(Erasure erasure) {
        return erasure.scrub(em, "audit_entry", "id", "detail");
    }

    @Override
    public int applyRetention(String kind, Instant cutoff) {
        if (!AUDIT.equals(kind)) {
            return PersonalData.super.applyRetention(kind, cutoff);
        }
        return em.createNativeQuery("delete from audit_entry where at < ?1").setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }
}
