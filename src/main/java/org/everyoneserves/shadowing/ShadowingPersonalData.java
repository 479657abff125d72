package org.everyoneserves.shadowing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * Shadowing: times a person hosted, their bookings with the host's note on them, their reflections and the ideas they
 * raised. On erasure slots, bookings and confirmations stay (a host's confirmation, seat counts and completions rest
 * on them) and the text the person wrote goes (reflection answers and takeaway, idea title and description, notes
 * they left as a host) unless they consented to keep it; mentions of them in others' text are replaced. Reflections
 * lose their text after the {@link #REFLECTIONS} period; their friction tags stay for the themes.
 */
@ApplicationScoped
public class ShadowingPersonalData implements PersonalData {

    public static final String REFLECTIONS = "shadowing.reflections";

    static final String REMOVED_ANSWERS = "{\"answers\":[]}";

    static final String REMOVED = "—";

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "shadowing";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("shadowing_slot", "times the person hosted: when, where, seats"),
                new Holding("shadowing_booking", "seats they booked, the host's confirmation, note and rating"),
                new Holding("shadowing_reflection", "what they saw and think: answers, takeaway"),
                new Holding("reflection_friction", "friction they tagged in a reflection"),
                new Holding("improvement_idea", "ideas they raised (title, description) and the answer; who decided"));
    }

    @Override
    public List<Retention> retention() {
        return List.of(new Retention(REFLECTIONS, 2 * 365));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("hosted", PersonalData.rows(em, "select starts_at as startsAt, minutes, place, capacity, booked, cancelled_at as cancelledAt"
                + " from shadowing_slot where host_id = ?1 order by starts_at", personId));
        sections.put("bookings", PersonalData.rows(em, "select b.guide_code as guide, s.starts_at as startsAt, s.place, b.status,"
                + " b.booked_at as bookedAt, b.cancelled_at as cancelledAt, b.confirmed_at as confirmedAt, b.host_note as hostNote,"
                + " b.host_rating as hostRating, b.completed_at as completedAt"
                + " from shadowing_booking b join shadowing_slot s on s.id = b.slot_id where b.person_id = ?1 order by s.starts_at, b.id", personId));
        sections.put("reflections", PersonalData.rows(em, "select b.guide_code as guide, r.answers, r.takeaway, r.submitted_at as submittedAt,"
                + " (select group_concat(f.friction order by f.friction) from reflection_friction f where f.reflection_id = r.id) as friction"
                + " from shadowing_reflection r join shadowing_booking b on b.id = r.booking_id where r.person_id = ?1 order by r.submitted_at", personId));
        sections.put("ideas", PersonalData.rows(em, "select i.title, i.description, d.name as department, i.status, i.answer,"
                + " i.decided_at as decidedAt, i.created_at as createdAt"
                + " from improvement_idea i join department d on d.id = i.department_id where i.raised_by = ?1 order by i.created_at", personId));
        return sections;
    }

    @Override
    public int erase(Erasure erasure) {
        long id = erasure.personId();
        int changed = 0;
        if (!erasure.keepText()) {
            changed += em.createNativeQuery("update shadowing_reflection set answers = ?1, takeaway = null where person_id = ?2")
                    .setParameter(1, REMOVED_ANSWERS).setParameter(2, id).executeUpdate();
            changed += em.createNativeQuery("update improvement_idea set title = ?1, description = ?1 where raised_by = ?2")
                    .setParameter(1, REMOVED).setParameter(2, id).executeUpdate();
            changed += em.createNativeQuery("update shadowing_booking set host_note = null where host_note is not null"
                    + " and slot_id in (select s.id from shadowing_slot s where s.host_id = ?1)").setParameter(1, id).executeUpdate();
        }
        changed += erasure.scrub(em, "shadowing_reflection", "id", "answers", "takeaway");
        changed += erasure.scrub(em, "improvement_idea", "id", "title", "description", "answer");
        changed += erasure.scrub(em, "shadowing_booking", "id", "host_note");
        return changed + erasure.scrub(em, "shadowing_slot", "id", "place");
    }

    @Override
    public int applyRetention(String kind, Instant cutoff) {
        if (!REFLECTIONS.equals(kind)) {
            return PersonalData.super.applyRetention(kind, cutoff);
        }
        return em.createNativeQuery("update shadowing_reflection set answers = ?1, takeaway = null where submitted_at < ?2"
                        + " and (answers <> ?1 or takeaway is not null)")
                .setParameter(1, REMOVED_ANSWERS).setParameter(2, Timestamp.from(cutoff)).executeUpdate();
    }
}
