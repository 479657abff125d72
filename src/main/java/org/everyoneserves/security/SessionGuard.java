package org.everyoneserves.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.api.ChangeStamps;

/**
 * Whether a signed-in web session may go on, and with which roles: the check made on every page request. The session
 * remembers the person, the person's access version when they signed in, and when that was; it ends when the person
 * is no longer active, their access version moved on (deactivated, a new password), or it has lasted
 * {@link AppConfig#sessionLifetime() the absolute lifetime}. Otherwise the person's roles are derived again from the
 * same read (which also gives the request the person's change stamps): admin rights granted or taken and a first or
 * last report count without signing in again.
 * <p>
 * The read is kept in this server's memory as the API's callers are ({@link AccessCache}): every change it depends on
 * moves the person's change stamps (their own row: active, admin, access version; a report who comes, goes or is
 * (de)activated), so a change made through this server counts from its next request, and one made through another
 * server within a poll (a tenth of a second by default). While the polls cannot be trusted, every request reads it,
 * one statement by primary key.
 */
@ApplicationScoped
public class SessionGuard {

    static final String PERSON = "everyoneserves.personId";
    static final String ACCESS_VERSION = "everyoneserves.accessVersion";
    static final String SIGNED_IN_AT = "everyoneserves.signedInAt";
    /** Admin rights the company's identity provider gave at sign-in (its admin group), which the database does not hold. */
    static final String PROVIDER_ADMIN = "everyoneserves.providerAdmin";

    @Inject
    PersonService people;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** The request's stamps, which come with the check's read (for the pages kept while unchanged). */
    @Inject
    ChangeStamps stamps;

    @Inject
    AccessCache cache;

    @Resource(lookup = "java:jboss/datasources/EveryoneServesDS")
    DataSource dataSource;

    /** What {@link #check} found: the session ends ({@code endReason}), or goes on with {@code groups}. */
    record Verdict(String endReason, Set<String> groups) {

        static Verdict end(String reason) {
            return new Verdict(reason, Set.of());
        }

        boolean goesOn() {
            return endReason == null;
        }
    }

    /** Forgets who signed in to this session: its next check finds nobody ({@code unknown}). */
    void signedOut(HttpSession session) {
        session.removeAttribute(PERSON);
        session.removeAttribute(ACCESS_VERSION);
        session.removeAttribute(SIGNED_IN_AT);
        session.removeAttribute(PROVIDER_ADMIN);
    }

    /**
     * Records a sign-in in its (new) session, with the roles it signed in with: admin rights among them that the database
     * does not hold came from the company's identity provider and last as long as the session.
     */
    void signedIn(HttpSession session, long personId, int accessVersion, Set<String> groups) {
        session.setAttribute(PERSON, personId);
        session.setAttribute(ACCESS_VERSION, accessVersion);
        session.setAttribute(SIGNED_IN_AT, clock.instant().toEpochMilli());
        boolean providerAdmin = groups.contains(Roles.ADMIN)
                && !people.access(personId).map(PersonService.Access::admin).orElse(false);
        session.setAttribute(PROVIDER_ADMIN, providerAdmin);
    }

    /** The person's access version now, for a sign-in that did not go through the identity store (company sign-in). */
    int accessVersion(long personId) {
        return people.accessVersion(personId).orElse(0);
    }

    /**
     * Whether this session may go on, and with which roles as they are now.
     *
     * @return a verdict that ends the session with {@code expired}, {@code account_changed} or {@code unknown}, or lets
     *         it go on with the person's current groups
     */
    Verdict check(HttpSession session) {
        if (!(session.getAttribute(PERSON) instanceof Long personId) || !(session.getAttribute(ACCESS_VERSION) instanceof Integer version)
                || !(session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt)) {
            return Verdict.end("unknown");
        }
        if (!clock.instant().isBefore(Instant.ofEpochMilli(signedInAt).plus(config.sessionLifetime()))) {
            return Verdict.end("expired");
        }
        Access access = access(personId);
        if (access == null || access.version() != version) {
            return Verdict.end("account_changed");
        }
        stamps.known(access.stamps());
        Set<String> groups = new LinkedHashSet<>();
        groups.add(Roles.LEARNER);
        if (access.manager()) {
            groups.add(Roles.MANAGER);
        }
        if (access.admin() || Boolean.TRUE.equals(session.getAttribute(PROVIDER_ADMIN))) {
            groups.add(Roles.ADMIN);
        }
        return new Verdict(null, groups);
    }

    /**
     * What the check needs of an active person: their access version, admin flag, whether they manage anyone active,
     * and their change stamps (for the pages kept while unchanged), with the counters that {@link AccessCache} compares.
     */
    record Access(int version, boolean admin, boolean manager, ChangeStamps.Stamps stamps, long[] counters, long[] everyone) {
    }

    private static final String ACCESS = "select p.access_version, p.admin, exists(select 1 from person r where r.manager_id = p.id"
            + " and r.active = true), " + ChangeStamps.COLUMNS + ", cs.access from person p" + ChangeStamps.JOIN
            + " where p.id = ? and p.active = true";

    /** The person's access as kept in memory when that can be trusted, else read (one statement) and kept; null if inactive. */
    private Access access(long personId) {
        Access kept = cache.session(personId);
        if (kept != null) {
            return kept;
        }
        AccessCache.Reading reading = cache.reading();
        Access read = read(personId);
        if (read != null) {
            cache.keep(personId, read, reading);
        }
        return read;
    }

    private Access read(long personId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(ACCESS)) {
            statement.setLong(1, personId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                Object[] row = new Object[result.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = result.getObject(i + 1);
                }
                return new Access(((Number) row[0]).intValue(), StampRows.flag(row[1]), StampRows.flag(row[2]),
                        ChangeStamps.Stamps.of(personId, row, 3), StampRows.counters(row, 3), StampRows.everyone(row, 3));
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading a signed-in person's access", e);
        }
    }

    /**
     * After the person changed their own password in this session: it goes on (with the new access version) while
     * their other sessions end.
     */
    public void renew(HttpSession session, long personId) {
        people.accessVersion(personId).ifPresent(version -> session.setAttribute(ACCESS_VERSION, version));
    }

    static Long personOf(HttpSession session) {
        return session.getAttribute(PERSON) instanceof Long id ? id : null;
    }
}
