package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.everyoneserves.platform.Caller;

/**
 * Sign-in events of known people in {@code sign_in_event}, written by {@link SecurityLog} beside its log line, each in
 * its own transaction so that it can neither fail nor undo a sign-in. Attempts on e-mails that belong to nobody are
 * not stored (they are in the security log, and about nobody here). What an attacker can make the table grow by is
 * bounded: refused attempts (wrong password, waits, locks) are stored at most {@value #REFUSED_PER_HOUR} per person an
 * hour; the rest stay in the security log. The person sees their latest events on their account page.
 */
@ApplicationScoped
public class SignInEvents {

    /** What happened. */
    public enum Kind {
        SIGNED_IN, FAILED, THROTTLED, LOCKED, SIGNED_OUT, SIGNED_OUT_EVERYWHERE;

        public boolean refused() {
            return this == FAILED || this == THROTTLED || this == LOCKED;
        }
    }

    /**
     * How: the pages with a password, the app with a password, the company's provider on the pages or in the app; none
     * for a lock, which is the account's.
     */
    public static final Set<String> CHANNELS = Set.of("web", "api", "oidc", "oidc_app");

    static final int REFUSED_PER_HOUR = 30;
    static final int RECENT = 10;
    static final int ADDRESS_MAXLENGTH = 64;

    @PersistenceContext
    EntityManager em;

    /** One event for the person's own eyes; {@code browser} is a short description of the client ("Firefox · Linux"). */
    public record Event(Instant at, Kind kind, String channel, String address, String browser) implements Serializable {
    }

    /**
     * Stores one event of a person, unless it is a refused attempt and {@value #REFUSED_PER_HOUR} are stored already in
     * the hour before {@code at}.
     *
     * @return whether it was stored
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(long personId, @NotNull Kind kind, String channel, String address, String userAgent, @NotNull Instant at) {
        if (kind.refused() && refusedSince(personId, at.minus(Duration.ofHours(1))) >= REFUSED_PER_HOUR) {
            return false;
        }
        em.createNativeQuery("insert into sign_in_event (person_id, kind, channel, address, user_agent, occurred_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, personId).setParameter(2, kind.name()).setParameter(3, channel != null && CHANNELS.contains(channel) ? channel : null)
                .setParameter(4, address == null ? null : cut(address, ADDRESS_MAXLENGTH)).setParameter(5, UserAgents.describe(userAgent))
                .setParameter(6, Timestamp.from(at)).executeUpdate();
        return true;
    }

    /** Stores an event of the person with this e-mail, if there is one (a lock is counted under the e-mail typed). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordForEmail(String email, @NotNull Kind kind, String channel, String address, String userAgent,
                                  @NotNull Instant at) {
        if (email == null || email.isBlank()) {
            return false;
        }
        List<?> ids = em.createNativeQuery("select id from person where email = ?1 and erased_at is null")
                .setParameter(1, email.strip().toLowerCase(Locale.ROOT)).getResultList();
        return !ids.isEmpty() && record(((Number) ids.get(0)).longValue(), kind, channel, address, userAgent, at);
    }

    /** The caller's own latest events, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> recent(@NotNull Caller caller) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select occurred_at, kind, channel, address, user_agent from sign_in_event"
                        + " where person_id = ?1 order by occurred_at desc, id desc")
                .setParameter(1, caller.personId()).setMaxResults(RECENT).getResultList();
        return rows.stream().map(r -> new Event(instant(r[0]), Kind.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    private int refusedSince(long personId, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from sign_in_event where person_id = ?1 and kind in ('FAILED', 'THROTTLED', 'LOCKED')"
                + " and occurred_at > ?2").setParameter(1, personId).setParameter(2, Timestamp.from(since)).getSingleResult()).intValue();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant()
                : ((java.time.LocalDateTime) value).atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
