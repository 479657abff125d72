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
 * Slows password guessing without letting anyone lock an owner out. Counts live in the database (one row per key in
 * {@code sign_in_throttle}), so every server of a cluster counts the same failures.
 * <ul>
 *   <li><b>Account and address</b>: after {@value #FREE_FAILURES} failures from one client address against one account,
 *   each further try from there must wait, longer each time ({@link #delayAfter}): 10 s, 20 s, 40 s ... up to 15 minutes.
 *   The same account from another address is not slowed by it.</li>
 *   <li><b>Account</b>: {@value #ACCOUNT_LOCK_AT} failures within 15 minutes, from anywhere, lock the account for 15
 *   minutes for every address that failed against it; the right password from an address that has not failed is still
 *   let in, so an attacker cannot lock the owner out. Each lock is written to the security log.</li>
 *   <li><b>Address</b>: {@value #ADDRESS_ALARM_AT} failures within 15 minutes from one address, whatever the accounts,
 *   raise an alarm in the security log and block nobody: behind a company's NAT or proxy everyone shares it.</li>
 * </ul>
 * Rows exist whether or not the account does, so nothing here tells which e-mails are registered. Password-reset
 * requests are counted here too ({@link #allowReset}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration FIRST_DELAY = Duration.ofSeconds(10);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration PAIR_MEMORY = Duration.ofDays(1);
    static final int ACCOUNT_LOCK_AT = 10;
    static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    static final Duration ACCOUNT_LOCK = Duration.ofMinutes(15);
    static final int ADDRESS_ALARM_AT = 100;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final int RESETS_PER_ACCOUNT = 3;
    static final int RESETS_PER_ADDRESS = 20;
    static final Duration RESET_WINDOW = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecurityLog log;

    /** Until when this account may not be tried from this address, if it must wait. */
    public Optional<Instant> waitUntil(String email, String address) {
        Instant now = clock.instant();
        Row pair = row(pairKey(email, address));
        if (pair == null) {
            return Optional.empty();
        }
        if (pair.lockedUntil != null && pair.lockedUntil.isAfter(now)) {
            return Optional.of(pair.lockedUntil);
        }
        Row account = row(accountKey(email));
        if (account != null && account.lockedUntil != null && account.lockedUntil.isAfter(now)
                && pair.failures > 0 && !pair.since.isBefore(now.minus(PAIR_MEMORY))) {
            return Optional.of(account.lockedUntil);
        }
        return Optional.empty();
    }

    /** A wrong password for this account from this address. */
    public void failed(String email, String address) {
        Instant now = clock.instant();
        int pairFailures = count(pairKey(email, address), PAIR_MEMORY);
        Duration delay = delayAfter(pairFailures);
        if (!delay.isZero()) {
            lock(pairKey(email, address), now.plus(delay));
        }
        int accountFailures = count(accountKey(email), ACCOUNT_WINDOW);
        if (accountFailures >= ACCOUNT_LOCK_AT) {
            lock(accountKey(email), now.plus(ACCOUNT_LOCK));
            resetCount(accountKey(email));
            log.accountLocked(email, address, accountFailures, ACCOUNT_LOCK.toSeconds());
        }
        int addressFailures = count(addressKey(address), ADDRESS_WINDOW);
        if (addressFailures >= ADDRESS_ALARM_AT && raiseAlarm(addressKey(address), now)) {
            log.addressAlarm(address, addressFailures, ADDRESS_WINDOW.toMinutes());
        }
    }

    /** The right password from this address: it no longer waits. Failures from other addresses still count. */
    public void succeeded(String email, String address) {
        delete(pairKey(email, address));
    }

    /** The owner proved who they are with a reset link: every lock and delay on the account ends. */
    public void clearAccount(String email) {
        delete(accountKey(email));
        em.createNativeQuery("delete from sign_in_throttle where left(throttle_key, ?1) = ?2")
                .setParameter(1, pairPrefix(email).length()).setParameter(2, pairPrefix(email)).executeUpdate();
    }

    /** Whether another reset request for this account from this address is allowed now; each request counts. */
    public boolean allowReset(String email, String address) {
        int forAccount = count("reset-account:" + normalise(email), RESET_WINDOW);
        int fromAddress = count("reset-address:" + address, RESET_WINDOW);
        return forAccount <= RESETS_PER_ACCOUNT && fromAddress <= RESETS_PER_ADDRESS;
    }

    /** No wait for the first {@value #FREE_FAILURES} failures, then 10 s, doubling with each failure, at most 15 minutes. */
    static Duration delayAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Adds one to the key's count, starting again when its window has passed; answers the new count. */
    private int count(String key, Duration window) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(window));
        em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, window_start, locked_until) values (?1, 1, ?2, null)"
                        + " on duplicate key update failures = if(window_start < ?3, 1, failures + 1),"
                        + " window_start = if(window_start < ?3, ?2, window_start)")
                .setParameter(1, key).setParameter(2, Timestamp.from(now)).setParameter(3, windowStart).executeUpdate();
        return ((Number) em.createNativeQuery("select failures from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getSingleResult()).intValue();
    }

    private void lock(String key, Instant until) {
        em.createNativeQuery("update sign_in_throttle set locked_until = ?1 where throttle_key = ?2")
                .setParameter(1, Timestamp.from(until)).setParameter(2, key).executeUpdate();
    }

    private void resetCount(String key) {
        em.createNativeQuery("update sign_in_throttle set failures = 0, window_start = ?1 where throttle_key = ?2")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, key).executeUpdate();
    }

    /** Marks the address as alarmed for one window; true only for the request that raised it, so it is logged once. */
    private boolean raiseAlarm(String key, Instant now) {
        return em.createNativeQuery("update sign_in_throttle set locked_until = ?1 where throttle_key = ?2"
                        + " and (locked_until is null or locked_until < ?3)")
                .setParameter(1, Timestamp.from(now.plus(ADDRESS_WINDOW))).setParameter(2, key).setParameter(3, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    private void delete(String key) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, key).executeUpdate();
    }

    private record Row(int failures, Instant since, Instant lockedUntil) {
    }

    private Row row(String key) {
        List<?> rows = em.createNativeQuery("select failures, window_start, locked_until from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Row(((Number) row[0]).intValue(), toInstant(row[1]), row[2] == null ? null : toInstant(row[2]));
    }

    static String accountKey(String email) {
        return "account:" + normalise(email);
    }

    static String pairKey(String email, String address) {
        return pairPrefix(email) + address;
    }

    private static String pairPrefix(String email) {
        return "pair:" + normalise(email) + "|";
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    private static String normalise(String email) {
        String normal = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return normal.length() > 254 ? normal.substring(0, 254) : normal;
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
