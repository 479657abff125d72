package org.everyoneserves.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * The app's writes remembered for a repeat (a day, then {@link Idempotency} purges them): exported as when and what
 * answer, deleted on erasure.
 */
@ApplicationScoped
public class IdempotencyPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "api";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("api_idempotency", "the app's recent writes and their answers, kept a day for repeats"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        return Map.of("recentWrites", PersonalData.rows(em, "select created_at as at, status, location, body from api_idempotency"
                + " where person_id = ?1 order by created_at", personId));
    }

    @Override
    public int erase(Erasure erasure) {
        return em.createNativeQuery("delete from api_idempotency where person_id = ?1").setParameter(1, erasure.personId()).executeUpdate();
    }
}
