package org.everyoneserves.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/** Privacy's own tables: exports (deleted on erasure, whoever asked) and who changed a retention period. */
@ApplicationScoped
public class PrivacyPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "privacy";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("personal_data_export", "exports of the person's data and who asked for them"),
                new Holding("retention_policy", "which admin last changed a retention period"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        return Map.of("exports", PersonalData.rows(em, "select requested_at as requestedAt, status, ready_at as readyAt, expires_at as expiresAt"
                + " from personal_data_export where person_id = ?1 and status <> 'RUNNING' order by requested_at", personId));
    }

    @Override
    public int erase(Erasure erasure) {
        return em.createNativeQuery("delete from personal_data_export where person_id = ?1 or requested_by = ?1")
                .setParameter(1, erasure.personId()).executeUpdate();
    }
}
