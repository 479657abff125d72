package org.everyoneserves.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.everyoneserves.people.PersonDeactivated;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.Tick;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Sign-in for the mobile app. Signing in with e-mail and password (throttled like the web) opens an
 * {@link ApiSession} for the device and returns a short-lived access token and a refresh token. Each refresh spends
 * the refresh token and returns a new pair; the session still ends at its absolute expiry. A spent refresh token
 * presented again means it was copied: the whole session is revoked. The one exception is the same rotation sent
 * again (same client write id) within a minute, because its answer was lost: its unreceived tokens are replaced.
 */
@ApplicationScoped
@Transactional
public class TokenService {

    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    static final Duration ROTATION_GRACE = Duration.ofMinutes(1);
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    /** How long a spent refresh token is remembered to recognise its reuse. */
    static final Duration SPENT_KEPT = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/EveryoneServesDS")
    DataSource dataSource;

    @Inject
    AccountService accounts;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    SecurityLog securityLog;

    @Inject
    SessionUse sessionUse;

    @Inject
    AccessCache kept;

    /** A new pair of tokens; the secrets exist nowhere else. */
    public record Issued(String accessToken, Instant issuedAt, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
                         long sessionId) {
    }

    /** A valid access token's holder. */
    /** The holder of an access token, with the change stamps of their API reads as of this request. */
    public record Bearer(long personId, long sessionId, Set<String> groups, ChangeStamps.Stamps stamps) {

        public Caller caller() {
            return new Caller(personId, groups.contains(Roles.ADMIN), groups.contains(Roles.MANAGER));
        }
    }

    /** Why a presented access token does not work. */
    public enum Rejection { INVALID, EXPIRED }

    /** The outcome of checking an access token: its holder, or why not. */
    public record Check(Bearer bearer, Rejection rejection) {

        static Check rejected(Rejection why) {
            return new Check(null, why);
        }
    }

    /** A signed-in device, for its owner's devices page. */
    public record Device(long id, String name, Instant signedInAt, Instant lastUsedAt, String lastAddress, Instant expiresAt) {
    }

    public Issued signIn(String email, String password, @NotNull String device, String address) {
        return signIn(email, password, device, address, null);
    }

    /**
     * Signs in; the same sign-in sent again with the same client id within a minute (its answer was lost) replaces
     * the first one's session, which never reached the device, instead of leaving it in the devices list.
     */
    public Issued signIn(String email, String password, @NotNull String device, String address, String writeId) {
        SignInResult result = accounts.signIn(email, password, address, "api");
        switch (result.status()) {
            case THROTTLED -> {
                Duration wait = Duration.between(clock.instant(), result.lockedUntil());
                throw new BusinessException(BusinessException.Kind.TOO_MANY_REQUESTS, "auth.error.throttled", wait.toSeconds() + 1)
                        .retryAfter(wait);
            }
            case INVALID -> throw new BusinessException(BusinessException.Kind.UNAUTHORIZED, "auth.error.invalidCredentials");
            default -> { }
        }
        return openSession(result.personId(), device, address, writeId, "api.signedIn");
    }

    /**
     * Signs in a person whom the company's provider has vouched for (the app's own code flow, exchanged by
     * {@link OidcSignIn#signInApp}); otherwise exactly like a sign-in with a password.
     */
    Issued signInVouched(long personId, @NotNull String device, String address, String writeId) {
        return openSession(personId, device, address, writeId, "api.signedInWithProvider");
    }

    private Issued openSession(long personId, String device, String address, String writeId, String auditAction) {
        Instant now = clock.instant();
        if (writeId != null) {
            em.createQuery("update ApiSession s set s.revokedAt = :now, s.revokedReason = :reason where s.personId = :person"
                            + " and s.clientKey = :key and s.revokedAt is null and s.createdAt > :since")
                    .setParameter("now", now).setParameter("reason", ApiSession.Revoked.REPLACED.name()).setParameter("person", personId)
                    .setParameter("key", writeId).setParameter("since", now.minus(ROTATION_GRACE)).executeUpdate();
        }
        ApiSession session = new ApiSession(personId, device.strip(), now, now.plus(SESSION_LIFETIME), address,
                writeId == null || writeId.length() > 100 ? null : writeId);
        em.persist(session);
        em.flush();
        audit.record(personId, auditAction, "person", personId, session.getDevice());
        return issue(session, now, null);
    }

    /**
     * Spends a refresh token for a new pair. A token spent before revokes its session (committed, although the
     * caller gets an error), unless it is the same rotation retried within a minute.
     */
    @Transactional(dontRollbackOn = BusinessException.class)
    public Issued refresh(String refreshToken, String writeId, String address) {
        Instant now = clock.instant();
        ApiToken token = refreshToken == null || refreshToken.length() > 100 ? null
                : em.find(ApiToken.class, Tokens.sha256(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (token == null || token.getKind() != ApiToken.Kind.REFRESH) {
            throw new BusinessException(BusinessException.Kind.UNAUTHORIZED, "auth.error.refreshInvalid");
        }
        ApiSession session = em.find(ApiSession.class, token.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
        if (!session.isLiveAt(now) || people.findActive(session.getPersonId()).isEmpty()) {
            throw new BusinessException(BusinessException.Kind.UNAUTHORIZED, "auth.error.refreshInvalid");
        }
        if (token.isSpent()) {
            if (token.isRetryOfRotation(writeId, now, ROTATION_GRACE)) {
                em.createQuery("delete from ApiToken t where t.parentHash = :parent")
                        .setParameter("parent", token.getTokenHash()).executeUpdate();
                return issue(session, now, token.getTokenHash());
            }
            session.revoke(now, ApiSession.Revoked.REUSE);
            audit.record(session.getPersonId(), "api.refreshReused", "person", session.getPersonId(), session.getDevice());
            securityLog.refreshTokenReused(session.getPersonId(), session.getId());
            throw new BusinessException(BusinessException.Kind.UNAUTHORIZED, "auth.error.refreshReused");
        }
        token.spend(now, writeId);
        session.used(now, address);
        return issue(session, now, token.getTokenHash());
    }

    /**
     * The holder of an access token, if it is known, unexpired, and its session and person are live: one read by the
     * token's key that also gives the person's roles as they are now (a deactivation, revocation or change of roles
     * counts from the next request on the server that made it, and within a poll of {@link AccessCache} on the others), and the change stamps of the person's reads (so an unchanged read
     * needs no other statement). What the read gave is kept in memory ({@link AccessCache}) until the database says it
     * may have changed, so most requests need no statement at all. The device's last use is written at most once a
     * minute.
     * <p>
     * Every API request makes this read, so it goes straight to the datasource: through the entity manager outside a
     * transaction it opened a Hibernate session and a native query for one row, about half of its samples. Instants are
     * bound in UTC, as Hibernate binds them here ({@code hibernate.jdbc.time_zone}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Check authenticate(String accessToken, String address) {
        if (accessToken == null || accessToken.length() > 100) {
            return Check.rejected(Rejection.INVALID);
        }
        Instant now = clock.instant();
        String hash = Tokens.sha256(accessToken);
        AccessCache.Held held = kept.get(hash);
        if (held == null) {
            AccessCache.Reading reading = kept.reading();
            AccessRow row = accessRow(hash);
            if (row == null) {
                return Check.rejected(Rejection.INVALID);
            }
            held = kept.keep(hash, row, reading);
        }
        AccessRow row = held.row;
        if (!row.sessionExpiresAt().isAfter(now)) {
            return Check.rejected(Rejection.INVALID);
        }
        if (!row.tokenExpiresAt().isAfter(now)) {
            return Check.rejected(Rejection.EXPIRED);
        }
        if (held.lastUsed.isBefore(now.minus(LAST_USED_PRECISION))) {
            held.lastUsed = now;
            sessionUse.touch(row.sessionId(), now, address);
        }
        return new Check(row.bearer(), null);
    }

    /**
     * What the read of a live access token gives: the holder, the expiries, the last use, and the counters of the
     * person's change stamps (their own six: me, plan, refreshers, notifications, bookings, access; everyone's four; null for a person without a stamp row, whose reads are
     * always computed), by which {@link AccessCache} knows when it is out of date.
     */
    record AccessRow(Bearer bearer, Instant tokenExpiresAt, Instant sessionExpiresAt, Instant lastUsedAt, long[] counters, long[] everyone) {

        long personId() {
            return bearer.personId();
        }

        long sessionId() {
            return bearer.sessionId();
        }
    }

    private static final String ACCESS_ROW = "select s.id, s.person_id, p.admin, exists(select 1 from person r where r.manager_id = p.id"
            + " and r.active = true), t.expires_at, s.expires_at, s.last_used_at, " + ChangeStamps.COLUMNS + ", cs.access from api_token t"
            + " join api_session s on s.id = t.session_id join person p on p.id = s.person_id" + ChangeStamps.JOIN
            + " where t.token_hash = ? and t.kind = 'ACCESS' and s.revoked_at is null and p.active = true";

    /** The row of {@link #ACCESS_ROW} for a token with this hash of an unrevoked session of an active person, or null. */
    private AccessRow accessRow(String tokenHash) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(ACCESS_ROW)) {
            statement.setString(1, tokenHash);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
                Object[] row = new Object[result.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = i >= 4 && i <= 6 ? result.getTimestamp(i + 1, utc).toInstant() : result.getObject(i + 1);
                }
                Set<String> groups = new java.util.LinkedHashSet<>();
                groups.add(Roles.LEARNER);
                if (StampRows.flag(row[3])) {
                    groups.add(Roles.MANAGER);
                }
                if (StampRows.flag(row[2])) {
                    groups.add(Roles.ADMIN);
                }
                long personId = ((Number) row[1]).longValue();
                Bearer bearer = new Bearer(personId, ((Number) row[0]).longValue(), java.util.Collections.unmodifiableSet(groups), ChangeStamps.Stamps.of(personId, row, 7));
                return new AccessRow(bearer, (Instant) row[4], (Instant) row[5], (Instant) row[6], StampRows.counters(row, 7),
                        StampRows.everyone(row, 7));
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading an access token", e);
        }
    }

    /** Signs this device out, or, with {@code everywhere}, every device of the person. */
    public void signOut(@NotNull Caller caller, long sessionId, boolean everywhere) {
        securityLog.signedOut(caller.personId(), everywhere ? "api_everywhere" : "api");
        if (everywhere) {
            revokeAll(caller.personId(), ApiSession.Revoked.SIGNED_OUT);
        } else {
            own(caller, sessionId).revoke(clock.instant(), ApiSession.Revoked.SIGNED_OUT);
        }
    }

    /** The person's signed-in devices, most recently used first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Device> devices(@NotNull Caller caller) {
        return em.createQuery("select s from ApiSession s where s.personId = :person and s.revokedAt is null and s.expiresAt > :now"
                        + " order by s.lastUsedAt desc, s.id desc", ApiSession.class)
                .setParameter("person", caller.personId()).setParameter("now", clock.instant()).getResultList().stream()
                .map(s -> new Device(s.getId(), s.getDevice(), s.getCreatedAt(), s.getLastUsedAt(), s.getLastAddress(), s.getExpiresAt()))
                .toList();
    }

    /** Revokes one of the caller's own devices; anyone else's is "not found". */
    public void revoke(@NotNull Caller caller, long sessionId) {
        own(caller, sessionId).revoke(clock.instant(), ApiSession.Revoked.REVOKED);
        audit.record(caller.personId(), "api.deviceRevoked", "person", caller.personId(), String.valueOf(sessionId));
    }

    public void revokeAll(@NotNull Caller caller) {
        revokeAll(caller.personId(), ApiSession.Revoked.REVOKED);
        audit.record(caller.personId(), "api.allDevicesRevoked", "person", caller.personId(), null);
    }

    void revokeAll(long personId, ApiSession.Revoked reason) {
        em.createQuery("update ApiSession s set s.revokedAt = :now, s.revokedReason = :reason where s.personId = :person and s.revokedAt is null")
                .setParameter("now", clock.instant()).setParameter("reason", reason.name()).setParameter("person", personId)
                .executeUpdate();
    }

    /**
     * Forgets tokens that can no longer be used (access tokens past expiry, refresh tokens of ended sign-ins) and
     * refresh tokens spent more than {@link #SPENT_KEPT} ago: each rotation leaves one behind, and a copy older than
     * that is refused as unknown instead of signing the device out.
     */
    void purge(@Observes Tick tick) {
        em.createQuery("delete from ApiToken t where t.expiresAt < :before").setParameter("before", tick.now().minus(Duration.ofDays(1)))
                .executeUpdate();
        em.createQuery("delete from ApiToken t where t.spentAt < :before").setParameter("before", tick.now().minus(SPENT_KEPT))
                .executeUpdate();
    }

    void onDeactivated(@Observes PersonDeactivated event) {
        revokeAll(event.personId(), ApiSession.Revoked.DEACTIVATED);
    }

    private ApiSession own(Caller caller, long sessionId) {
        ApiSession session = em.find(ApiSession.class, sessionId);
        if (session == null || session.getPersonId() != caller.personId() || session.getRevokedAt() != null) {
            throw BusinessException.notFound("device");
        }
        return session;
    }

    private Issued issue(ApiSession session, Instant now, String parentHash) {
        String access = Tokens.newToken();
        String refresh = Tokens.newToken();
        Instant accessExpiry = now.plus(ACCESS_LIFETIME).isBefore(session.getExpiresAt()) ? now.plus(ACCESS_LIFETIME) : session.getExpiresAt();
        em.persist(new ApiToken(Tokens.sha256(access), session.getId(), ApiToken.Kind.ACCESS, now, accessExpiry, parentHash));
        em.persist(new ApiToken(Tokens.sha256(refresh), session.getId(), ApiToken.Kind.REFRESH, now, session.getExpiresAt(), parentHash));
        return new Issued(access, now, accessExpiry, refresh, session.getExpiresAt(), session.getId());
    }
}
