package org.everyoneserves.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * The person's profile. Erasure keeps the row (reports count people by department and role, reporting lines and
 * other features' records point at it) with a pseudonym instead of the name and e-mail; people who left are erased
 * after the {@link #LEAVERS} period.
 */
@ApplicationScoped
public class PeoplePersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public String feature() {
        return "people";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("person", "name, e-mail, department, job role, manager, start date, language, when they left"));
    }

    @Override
    public List<Retention> retention() {
        return List.of(new Retention(LEAVERS, 365));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("profile", PersonalData.rows(em, "select p.first_name as firstName, p.last_name as lastName, p.email as email,"
                + " d.name as department, r.name as jobRole, p.start_date as startDate, p.locale as language, p.active as active,"
                + " p.admin as admin, p.created_at as createdAt, p.deactivated_at as deactivatedAt"
                + " from person p left join department d on d.id = p.department_id left join job_role r on r.id = p.job_role_id"
                + " where p.id = ?1", personId));
        return sections;
    }

    @Override
    public int erase(Erasure erasure) {
        Person person = em.find(Person.class, erasure.personId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (person == null || person.isErased()) {
            return 0;
        }
        person.erase(clock.instant());
        return 1;
    }

    @Override
    public List<Long> leftBefore(Instant cutoff) {
        return em.createQuery("select p.id from Person p where p.active = false and p.erasedAt is null and p.deactivatedAt < :cutoff order by p.id",
                Long.class).setParameter("cutoff", cutoff).getResultList();
    }

    @Override
    public int erasureOrder() {
        return 100;
    }
}
