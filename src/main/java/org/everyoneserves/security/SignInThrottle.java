package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed sign-ins per account and per client address in the database, so every server sees the same
 * counts. Past the limit within the window, sign-in is refused without checking the password until the lock ends.
 * Keys are locked whether or not the account exists, so the lock tells nothing about which e-mails are registered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInThrottle {

    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** When the earliest of the two locks ends, if either is in force. */
    public Optional<Instant> lockedUntil(String email, String address) {
        Instant now = clock.instant();
        List<?> until = em.createNativeQuery("select max(locked_until) from sign_in_throttle where throttle_key in (?1, ?2) and locked_until > ?3")
                .setParameter(1, accountKey(email)).setParameter(2, addressKey(address)).setParameter(3, Timestamp.from(now))
                .getResultList();
        Object value = until.isEmpty() ? null : until.get(0);
        return value == null ? Optional.empty() : Optional.of(toInstant(value));
    }

    public void failed(String email, String address) {
        count(accountKey(email), ACCOUNT_LIMIT);
        count(addressKey(address), ADDRESS_LIMIT);
    }

    public void succeeded(String email) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, accountKey(email)).executeUpdate();
    }

    private void count(String key, int limit) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, window_start, locked_until) values (?1, 1, ?2, null)"
                        + " on duplicate key update failures = if(window_start < ?3, 1, failures + 1),"
                        + " window_start = if(window_start < ?3, ?2, window_start)")
                .setParameter(1, key).setParameter(2, Timestamp.from(now)).setParameter(3, windowStart).executeUpdate();
        em.createNativeQuery("update sign_in_throttle set locked_until = ?1, failures = 0, window_start = ?2"
                        + " where throttle_key = ?3 and failures >= ?4")
                .setParameter(1, Timestamp.from(now.plus(LOCK))).setParameter(2, Timestamp.from(now))
                .setParameter(3, key).setParameter(4, limit).executeUpdate();
    }

    static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant();
        }
        return (Instant) value;
    }
}
