package org.everyoneserves.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.Caller;

/**
 * Notifications: created once per dedupe key (a reminder step of one assignment, one nudge), listed for the person
 * they went to, and handed to the {@link Mailer}. Texts are written in the person's language when created, so the
 * list shows exactly what was sent.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    static final String BUNDLE = "org.everyoneserves.messages";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    @Inject
    PersonService people;

    public record Recipient(long personId, String email, String name, String locale) {
    }

    public record Pending(long id, String email, String name, String subject, String body, String link) {
    }

    /**
     * Creates the notification unless one with the same key exists (another server, or an earlier run, made it).
     *
     * @return whether this call created it
     */
    public boolean notify(long personId, @NotNull Notification.Kind kind, @NotNull String dedupeKey, @NotNull String subject,
                          @NotNull String body, String link, Long sentBy) {
        int created = em.createNativeQuery("insert ignore into notification (person_id, kind, dedupe_key, subject, body, link, sent_by,"
                        + " created_at, email_status) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, personId).setParameter(2, kind.name()).setParameter(3, dedupeKey)
                .setParameter(4, abbreviate(subject, 300)).setParameter(5, body).setParameter(6, link).setParameter(7, sentBy)
                .setParameter(8, clock.instant())
                .setParameter(9, (config.mailEnabled() ? Notification.EmailStatus.PENDING : Notification.EmailStatus.IN_APP).name())
                .executeUpdate();
        return created == 1;
    }

    /** Who a person is, for writing to them; empty for someone inactive or unknown. */
    public java.util.Optional<Recipient> recipient(long personId) {
        return people.find(personId).filter(PersonSummary::active).map(p -> new Recipient(p.id(), p.email(), p.firstName(), p.locale()));
    }

    /** A text from the bundle in the recipient's language. */
    public static String text(String locale, String key, Object... arguments) {
        Locale language = locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, language).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new java.text.MessageFormat(pattern, language).format(arguments);
    }

    /** The person's notifications, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notification> mine(@NotNull Caller caller, int max) {
        return em.createQuery("select n from Notification n where n.personId = :me order by n.createdAt desc, n.id desc", Notification.class)
                .setParameter("me", caller.personId()).setMaxResults(max).getResultList();
    }

    /** A page of notifications with how many of all the person's are unread. */
    public record Page(List<Notification> items, long unread) {
    }

    /**
     * A page of the person's notifications, newest first, after the one with id {@code beforeId} (ids only grow), with
     * the unread count: one read (two when the page is empty).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(@NotNull Caller caller, long beforeId, int limit) {
        List<Object[]> rows = em.createQuery("select n, (select count(u) from Notification u where u.personId = :me and u.readAt is null)"
                        + " from Notification n where n.personId = :me and n.id < :before order by n.id desc", Object[].class)
                .setParameter("me", caller.personId()).setParameter("before", beforeId).setMaxResults(limit).getResultList();
        return rows.isEmpty() ? new Page(List.of(), unread(caller))
                : new Page(rows.stream().map(r -> (Notification) r[0]).toList(), ((Number) rows.get(0)[1]).longValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(@NotNull Caller caller) {
        return em.createQuery("select count(n) from Notification n where n.personId = :me and n.readAt is null", Long.class)
                .setParameter("me", caller.personId()).getSingleResult();
    }

    public void markAllRead(@NotNull Caller caller) {
        em.createQuery("update Notification n set n.readAt = :now where n.personId = :me and n.readAt is null")
                .setParameter("now", clock.instant()).setParameter("me", caller.personId()).executeUpdate();
    }

    // ---- for the Mailer: each step in its own transaction

    /** Notifications waiting for e-mail, oldest first; claims left by a server that stopped are taken back after 10 minutes. */
    public List<Long> pending(int max) {
        em.createQuery("update Notification n set n.emailStatus = :pending, n.emailClaimedAt = null where n.emailStatus = :sending"
                        + " and n.emailClaimedAt < :stale")
                .setParameter("pending", Notification.EmailStatus.PENDING).setParameter("sending", Notification.EmailStatus.SENDING)
                .setParameter("stale", clock.instant().minus(Duration.ofMinutes(10))).executeUpdate();
        return em.createQuery("select n.id from Notification n where n.emailStatus = :pending order by n.id", Long.class)
                .setParameter("pending", Notification.EmailStatus.PENDING).setMaxResults(max).getResultList();
    }

    /** Takes one notification for sending; false when another server took it first. */
    public java.util.Optional<Pending> claim(long id) {
        Instant now = clock.instant();
        int claimed = em.createQuery("update Notification n set n.emailStatus = :sending, n.emailClaimedAt = :now where n.id = :id"
                        + " and n.emailStatus = :pending")
                .setParameter("sending", Notification.EmailStatus.SENDING).setParameter("now", now).setParameter("id", id)
                .setParameter("pending", Notification.EmailStatus.PENDING).executeUpdate();
        if (claimed == 0) {
            return java.util.Optional.empty();
        }
        Object[] r = em.createQuery("select n.subject, n.body, n.link, n.personId from Notification n where n.id = :id", Object[].class)
                .setParameter("id", id).getSingleResult();
        PersonSummary to = people.find((Long) r[3]).orElseThrow();
        return java.util.Optional.of(new Pending(id, to.email(), to.firstName(), (String) r[0], (String) r[1], (String) r[2]));
    }

    public void emailed(long id, boolean sent) {
        em.createQuery("update Notification n set n.emailStatus = :status, n.emailedAt = :now where n.id = :id")
                .setParameter("status", sent ? Notification.EmailStatus.SENT : Notification.EmailStatus.FAILED)
                .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
