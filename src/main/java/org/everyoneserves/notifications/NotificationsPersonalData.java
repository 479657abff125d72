package org.everyoneserves.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * What the platform told a person. Their own notifications are deleted on erasure; those that name them to others (a
 * manager's escalation, a nudge) keep their place with the pseudonym instead of the name; all go after the
 * {@link #NOTIFICATIONS} period.
 */
@ApplicationScoped
public class NotificationsPersonalData implements PersonalData {

    public static final String NOTIFICATIONS = "notifications";

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "notifications";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("notification", "reminders and messages to the person (subject, text, read, e-mailed), and nudges they sent"));
    }

    @Override
    public List<Retention> retention() {
        return List.of(new Retention(NOTIFICATIONS, 365));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        return Map.of("received", PersonalData.rows(em, "select kind, subject, body, link, created_at as createdAt, read_at as readAt,"
                + " email_status as email, emailed_at as emailedAt from notification where person_id = ?1 order by created_at, id", personId));
    }

    @Override
    public int erase(Erasure erasure) {
        int changed = em.createNativeQuery("delete from notification where person_id = ?1").setParameter(1, erasure.personId()).executeUpdate();
        return changed + erasure.scrub(em, "notification", "id", "subject", "body");
    }

    @Override
    public int applyRetention(String kind, Instant cutoff) {
        if (!NOTIFICATIONS.equals(kind)) {
            return PersonalData.super.applyRetention(kind, cutoff);
        }
        return em.createNativeQuery("delete from notification where created_at < ?1").setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }
}
