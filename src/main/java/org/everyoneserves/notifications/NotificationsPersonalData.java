package org.everyoneserves.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * What the platform told a person. Their own notifications are deleted on erasure; those that name them to others (a
 * manager's escalation, a nudge) keep their place with the pseudonym instead of the name; all go after the
 * {@link #NOTIFICATIONS} period. The export leaves out who else the texts name (the report an escalation is about, the
 * manager who nudged, the host of a session): {@link PersonalData#OTHER_PERSON} stands in their place.
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
        List<Map<String, Object>> received = PersonalData.rows(em, "select kind, subject, body, link, created_at as createdAt, read_at as readAt,"
                + " email_status as email, emailed_at as emailedAt from notification where person_id = ?1 order by created_at, id", personId);
        Erasure others = new Erasure(personId, othersNamed(personId), OTHER_PERSON, true);
        if (!others.identifiers().isEmpty()) {
            for (Map<String, Object> row : received) {
                row.computeIfPresent("subject", (column, text) -> others.scrub(text.toString()));
                row.computeIfPresent("body", (column, text) -> others.scrub(text.toString()));
            }
        }
        return Map.of("received", received);
    }

    /**
     * Full names and e-mails of other people that the person's notifications mention, longest first (so that a longer
     * name is replaced before a shorter one inside it), except those inside the person's own name or e-mail.
     */
    private List<String> othersNamed(long personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct concat(p.first_name, ' ', p.last_name), p.email, concat(me.first_name, ' ',"
                        + " me.last_name, ' ', me.email) from notification n join person me on me.id = n.person_id join person p on p.id <> me.id"
                        + " and (locate(concat(p.first_name, ' ', p.last_name), concat(n.subject, ' ', n.body)) > 0"
                        + " or locate(p.email, concat(n.subject, ' ', n.body)) > 0) where n.person_id = ?1")
                .setParameter(1, personId).getResultList();
        List<String> named = new ArrayList<>();
        for (Object[] row : rows) {
            String self = row[2].toString().toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < 2; i++) {
                String identifier = row[i].toString();
                if (!self.contains(identifier.toLowerCase(java.util.Locale.ROOT)) && !named.contains(identifier)) {
                    named.add(identifier);
                }
            }
        }
        named.sort(Comparator.comparingInt(String::length).reversed());
        return named;
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
