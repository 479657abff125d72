package org.everyoneserves.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.KeptByPeople;
import org.everyoneserves.platform.LocalWrites;

/**
 * The API's callers kept in this server's memory: what the read of an access token gave (its session, person, roles,
 * expiry and the person's change stamps), so that the next request with the same token needs no statement at all; and
 * likewise what the check of a signed-in web session read of its person ({@link SessionGuard}: access version, roles,
 * stamps), so that a page request needs none for it either; and the values other features work out from sets of
 * people ({@link KeptByPeople}: a manager's team stamp).
 * <p>
 * What is kept is forgotten as soon as the database says it may have changed, on whichever server the change was
 * made. Every change that matters bumps the person's row of {@code change_stamp} (V22, V27: their data, their own
 * row, a device signed out or revoked, an access token withdrawn, a report who makes them a manager), and that row
 * records when. At most every {@link AppConfig#apiCallerPollMillis() poll interval} (100 ms), while API requests come,
 * this server reads the rows changed since the oldest transaction still running began (less a margin), and forgets the
 * people whose counters differ from the ones it keeps, and the values that name a person whose counters differ from
 * the last poll's (or who was not in it); a change of everyone's row (a department renamed) forgets everything. So:
 * <ul>
 * <li>a change made through this server counts from its next request: before it trusts what it keeps, a request looks
 * whether a writing transaction of this server has ended since the last poll ({@link LocalWrites}) and polls first;</li>
 * <li>a change made through another server counts here within one interval: what is kept is trusted only while the
 * last poll began less than {@link #STALE_AFTER_INTERVALS} intervals ago (polls that fail, a server that was idle:
 * every caller is read from the database again, and the next poll starts afresh);</li>
 * <li>a token read while a poll began is not kept: that poll may have passed over a change the read did not see;</li>
 * <li>expiry needs no poll: the instants are kept and compared with the clock at each request.</li>
 * </ul>
 * Reading the running transactions needs the {@code PROCESS} privilege; without it nothing is kept (logged once) and
 * every request reads its caller, one statement, as before.
 */
@ApplicationScoped
public class AccessCache implements KeptByPeople {

    private static final Logger LOG = Logger.getLogger(AccessCache.class.getName());

    static final int STALE_AFTER_INTERVALS = 5;
    /** How far before the oldest running transaction a poll looks back: the clock's grain and a margin. */
    static final int LOOK_BACK_SECONDS = 2;
    /** More changed rows than this in one poll (a long transaction holds the horizon back): forget everything. */
    static final int MOST_ROWS = 20_000;
    static final int MOST_PEOPLE = 200_000;

    /**
     * The horizon as the database's own date and time, compared with {@code changed_at} as such (a number there would be
     * compared with the date's digits, 20261202..., and every row would look changed).
     */
    private static final String HORIZON = "select coalesce(min(trx_started), sysdate(6)) - interval " + LOOK_BACK_SECONDS
            + " second from information_schema.innodb_trx";
    private static final String CHANGED = "select person_id, me, plan, refreshers, notifications, bookings, access from change_stamp"
            + " where changed_at >= ? limit " + (MOST_ROWS + 1);

    @Resource(lookup = "java:jboss/datasources/EveryoneServesDS")
    DataSource dataSource;

    @Inject
    AppConfig config;

    /** One device's access as its token's read gave it, and when its last use was last written. */
    static final class Held {
        final TokenService.AccessRow row;
        volatile Instant lastUsed;

        Held(TokenService.AccessRow row) {
            this.row = row;
            this.lastUsed = row.lastUsedAt();
        }
    }

    /**
     * What is kept of one person: the counters their tokens (or their web sessions' check) were read with, the tokens,
     * and what the check of their web sessions read.
     */
    private record Person(long[] counters, long[] everyone, Map<String, Held> tokens, AtomicReference<SessionGuard.Access> session) {

        Person(long[] counters, long[] everyone) {
            this(counters, everyone, new ConcurrentHashMap<>(), new AtomicReference<>());
        }
    }

    /** A value kept for {@link KeptByPeople}: the people it was worked out from, who each hold it in {@link #valuesOf}. */
    private record Value(String key, Object value, long[] people) {
    }

    private final Cache<Long, Person> people = Caffeine.newBuilder().maximumSize(MOST_PEOPLE).executor(Runnable::run).build();
    private final Cache<String, Long> personOfToken = Caffeine.newBuilder().maximumSize(MOST_PEOPLE * 2L)
            .expireAfterAccess(Duration.ofHours(1)).executor(Runnable::run).build();
    private final ReentrantLock polling = new ReentrantLock();
    private final Cache<String, Value> values = Caffeine.newBuilder().maximumWeight(MOST_PEOPLE)
            .weigher((String key, Value value) -> value.people().length + 1).executor(Runnable::run)
            .removalListener((String key, Value value, RemovalCause cause) -> unindex(value)).build();
    /** Each person a kept value names, with the values that name them. */
    private final ConcurrentHashMap<Long, Value[]> valuesOf = new ConcurrentHashMap<>();

    private volatile boolean on;
    private volatile long intervalNanos;
    private volatile long staleAfterNanos;
    /** Bumped each time everything is forgotten; a read that began before keeps nothing. */
    private volatile long epoch;
    /** Whether a poll is under way (set before {@link #pollBegan}, cleared when it ends). */
    private volatile boolean pollRunning;
    /** When the last poll began, whether it worked or not (and whether it has ended or not). */
    private volatile long pollBegan = longAgo();
    /** Of the last poll that worked: when it began, and the count of this server's writes it had seen. */
    private volatile long polledAt = longAgo();
    private volatile long writesSeen = -1;
    /** Guarded by {@link #polling}. */
    private LocalDateTime horizon;
    /** Guarded by {@link #polling}: the counters of each row the last poll read (the rows changed since its horizon). */
    private Map<Long, long[]> lastRead = Map.of();
    private long[] everyone;
    private boolean warned;

    @PostConstruct
    void start() {
        int every = config.apiCallerPollMillis();
        if (every == 0) {
            LOG.info("API callers are read from the database at every request (APP_API_CALLER_POLL_MS=0)");
            return;
        }
        intervalNanos = TimeUnit.MILLISECONDS.toNanos(every);
        staleAfterNanos = intervalNanos * STALE_AFTER_INTERVALS;
        on = true;
    }

    /** The access kept for this token hash, if what is kept can be trusted now. */
    Held get(String tokenHash) {
        if (!trusted()) {
            return null;
        }
        Long personId = personOfToken.getIfPresent(tokenHash);
        Person person = personId == null ? null : people.getIfPresent(personId);
        return person == null ? null : person.tokens().get(tokenHash);
    }

    /** Taken before a token, a session's person or a {@link KeptByPeople} value is read from the database. */
    @Override
    public Reading reading() {
        long known = epoch;
        long began = System.nanoTime();
        return new Reading(known, began, pollRunning);
    }

    @Override
    public Object value(String key) {
        if (!trusted()) {
            return null;
        }
        Value value = values.getIfPresent(key);
        return value == null ? null : value.value();
    }

    @Override
    public void keepValue(String key, Object value, long[] people, Reading reading) {
        // Unlike a caller, a value carries no counters of its people to compare: a poll forgets it when a person's counters
        // differ from the last poll's. So a value read while a poll was under way is not kept either: that poll may
        // read a change the value's read did not see, and the next poll would find nothing new.
        if (!on || people.length > KeptByPeople.MOST_PEOPLE_PER_VALUE || reading.duringPoll() || outOfDate(reading)) {
            return;
        }
        Value kept = new Value(key, value, people.clone());
        for (long person : kept.people()) {
            valuesOf.merge(person, new Value[] {kept}, (held, added) -> {
                Value[] both = Arrays.copyOf(held, held.length + 1);
                both[held.length] = kept;
                return both;
            });
        }
        values.put(key, kept);
        if (outOfDate(reading)) {
            values.asMap().remove(key, kept);
        }
    }

    /** Whether a read that began at {@code reading} may have missed a change: everything was forgotten, or a poll began, since. */
    private boolean outOfDate(Reading reading) {
        return reading.epoch() != epoch || pollBegan - reading.began() > 0;
    }

    /** Takes a value that is no longer kept out of {@link #valuesOf}. */
    private void unindex(Value value) {
        for (long person : value.people()) {
            valuesOf.computeIfPresent(person, (id, held) -> {
                Value[] rest = Arrays.stream(held).filter(v -> v != value).toArray(Value[]::new);
                return rest.length == 0 ? null : rest;
            });
        }
    }

    /** Forgets the values that name this person. */
    private void forgetValuesOf(long person) {
        Value[] held = valuesOf.get(person);
        if (held != null) {
            for (Value value : held) {
                values.asMap().remove(value.key(), value);
            }
        }
    }

    /** Keeps what the read of a live token gave, unless it may already be out of date; the held access either way. */
    Held keep(String tokenHash, TokenService.AccessRow row, Reading reading) {
        Held held = new Held(row);
        if (!on || row.counters() == null || outOfDate(reading)) {
            return held;
        }
        long[] known = everyone;
        if (known != null && !Arrays.equals(known, row.everyone())) {
            return held;
        }
        if (kept(row.personId(), row.counters(), row.everyone(), person -> person.tokens().put(tokenHash, held))) {
            personOfToken.put(tokenHash, row.personId());
        }
        if (pollBegan - reading.began() > 0) {
            people.invalidate(row.personId());
        }
        return held;
    }

    /** The web session check's read kept for this person, if what is kept can be trusted now. */
    SessionGuard.Access session(long personId) {
        if (!trusted()) {
            return null;
        }
        Person person = people.getIfPresent(personId);
        return person == null ? null : person.session().get();
    }

    /** Keeps what the web session check's read of an active person gave, unless it may already be out of date. */
    void keep(long personId, SessionGuard.Access access, Reading reading) {
        if (!on || access.counters() == null || outOfDate(reading)) {
            return;
        }
        long[] known = everyone;
        if (known != null && !Arrays.equals(known, access.everyone())) {
            return;
        }
        kept(personId, access.counters(), access.everyone(), person -> person.session().set(access));
        if (pollBegan - reading.began() > 0) {
            people.invalidate(personId);
        }
    }

    /**
     * Adds to what is kept of the person read with these counters (a person kept with others is forgotten instead: one
     * of the reads is out of date). Whether it was kept.
     */
    private boolean kept(long personId, long[] counters, long[] all, java.util.function.Consumer<Person> add) {
        boolean[] kept = {false};
        people.asMap().compute(personId, (id, person) -> {
            if (person == null) {
                person = new Person(counters, all);
            } else if (!Arrays.equals(person.counters(), counters) || !Arrays.equals(person.everyone(), all)) {
                return null;
            }
            add.accept(person);
            kept[0] = true;
            return person;
        });
        return kept[0];
    }

    /**
     * Whether what is kept reflects every change up to a moment ago. The request that finds the last poll an interval
     * old, or a write of this server not yet polled for, polls (one at a time; the others go on with what the last
     * poll gave, or, after a write of this server, read their caller from the database). An idle server polls nothing.
     */
    private boolean trusted() {
        if (!on) {
            return false;
        }
        if ((writesSeen != LocalWrites.ended() || System.nanoTime() - polledAt >= intervalNanos) && polling.tryLock()) {
            pollHeld();
        }
        return writesSeen == LocalWrites.ended() && System.nanoTime() - polledAt < staleAfterNanos;
    }

    /** One poll now, waiting for one under way to end first (for tests). Whether it worked. */
    boolean pollNow() {
        polling.lock();
        return pollHeld();
    }

    /** One poll, with {@link #polling} held (released here). Whether it worked. */
    private boolean pollHeld() {
        try {
            pollRunning = true;
            long writes = LocalWrites.ended();
            long began = System.nanoTime();
            pollBegan = began;
            boolean afresh = horizon == null || began - polledAt >= staleAfterNanos;
            try (Connection connection = dataSource.getConnection()) {
                LocalDateTime next;
                try (PreparedStatement statement = connection.prepareStatement(HORIZON); ResultSet result = statement.executeQuery()) {
                    result.next();
                    next = result.getObject(1, LocalDateTime.class);
                }
                if (afresh) {
                    forgetAll();
                } else {
                    forgetChanged(connection);
                }
                horizon = next;
            }
            writesSeen = writes;
            polledAt = began;
            return true;
        } catch (SQLException | RuntimeException e) {
            forgetAll();
            horizon = null;
            polledAt = longAgo();
            if (!warned) {
                warned = true;
                LOG.log(Level.WARNING, "API callers are read from the database at every request until the change stamps can be"
                        + " read again (the database user needs the PROCESS privilege to see the running transactions): " + e, e);
            }
            return false;
        } finally {
            pollRunning = false;
            polling.unlock();
        }
    }

    private void forgetChanged(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHANGED)) {
            statement.setObject(1, horizon);
            try (ResultSet result = statement.executeQuery()) {
                Map<Long, long[]> read = new HashMap<>();
                Map<Long, long[]> before = lastRead;
                lastRead = read;
                int rows = 0;
                while (result.next()) {
                    if (++rows > MOST_ROWS) {
                        forgetAll();
                        return;
                    }
                    long personId = result.getLong(1);
                    long[] counters = {result.getLong(2), result.getLong(3), result.getLong(4), result.getLong(5), result.getLong(6),
                            result.getLong(7)};
                    if (personId == 0) {
                        long[] all = Arrays.copyOf(counters, 4);
                        if (!Arrays.equals(everyone, all)) {
                            forgetAll();
                            everyone = all;
                        }
                    } else {
                        Person person = people.getIfPresent(personId);
                        if (person != null && !Arrays.equals(person.counters(), counters)) {
                            people.invalidate(personId);
                        }
                        if (!Arrays.equals(before.get(personId), counters)) {
                            forgetValuesOf(personId);
                        }
                        read.put(personId, counters);
                    }
                }
            }
        }
    }

    /** Forgets everything kept, and everyone's counters with it. */
    private void forgetAll() {
        everyone = null;
        epoch++;
        people.invalidateAll();
        values.invalidateAll();
        lastRead = Map.of();
    }

    /** A moment of {@link System#nanoTime()} long enough ago to be older than any interval. */
    private static long longAgo() {
        return System.nanoTime() - (1L << 62);
    }
}
