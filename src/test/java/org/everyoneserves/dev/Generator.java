package org.everyoneserves.dev;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLTransactionRollbackException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates an organisation straight into MariaDB for the benchmark: a chief executive (an admin), 20 directors,
 * then teams of one manager and 50 people under the directors in turn, each person in a department and job role
 * of the imported content, with about 40 assignments (curriculum items open, done and overdue, and earlier
 * occurrences of yearly refreshes), a completion for everything done and a submitted attempt for every quiz passed,
 * and the progress summaries and monthly
 * rollups the application would have kept. Grows an existing organisation to a larger size.
 */
final class Generator {

    static final int DIRECTORS = 20;
    static final int TEAM = 50;
    static final int ASSIGNMENTS = 40;

    private final Connection sql;
    /** Refresher items met per person. */
    static final int CARDS = 40;
    /** People per transaction of the bulk load (about 400,000 assignments). */
    static final int CHUNK = 10_000;
    /** Sessions loading chunks at once ({@code -Dbench.generator.sessions}; the machine has two cores). */
    static final int SESSIONS = Integer.getInteger("bench.generator.sessions", 2);
    private final Random random = new Random(42);
    private final List<long[]> roles = new ArrayList<>();          // {jobRoleId, departmentId}
    private final List<Object[]> items = new ArrayList<>();        // {kind, code, versionId}
    private final List<String> refreshers = new ArrayList<>();     // refresher item codes
    private final List<Long> directors = new ArrayList<>();
    private final LocalDate today = LocalDate.now();
    private long people;
    private String managerEmail;

    Generator(Connection sql) throws SQLException {
        this.sql = sql;
        sql.setAutoCommit(false);
        try (Statement st = sql.createStatement()) {
            try (ResultSet rs = st.executeQuery("select id, department_id from job_role where department_id is not null order by id")) {
                while (rs.next()) {
                    roles.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            try (ResultSet rs = st.executeQuery("select kind, code, current_version_id from content_item where kind in ('MODULE', 'QUIZ', 'GUIDE')"
                    + " and current_version_id is not null and retired_at is null order by kind, code")) {
                while (rs.next()) {
                    items.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)});
                }
            }
            try (ResultSet rs = st.executeQuery("select code from content_item where kind = 'REFRESHER' and retired_at is null order by code")) {
                while (rs.next()) {
                    refreshers.add(rs.getString(1));
                }
            }
        }
        if (roles.isEmpty() || items.isEmpty()) {
            throw new IllegalStateException("the content was not imported: no job roles or items");
        }
    }

    /** A connection to the benchmark's database that may send the generator's rows with {@code LOAD DATA LOCAL INFILE}. */
    static Connection connect(EmbeddedMariaDb db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl() + "?allowLocalInfile=true", "everyoneserves", "everyoneserves");
    }

    String adminEmail() {
        return "ceo@bench.example";
    }

    String directorEmail() {
        return "director0@bench.example";
    }

    String managerEmail() {
        return managerEmail;
    }

    long lineSize(String email) throws SQLException {
        return lineSize(sql, email);
    }

    /** How many people report to the person with this e-mail, directly or through others. */
    static long lineSize(Connection sql, String email) throws SQLException {
        try (PreparedStatement ps = sql.prepareStatement("with recursive line(id) as (select id from person where manager_id ="
                + " (select id from person where email = ?) union all select p.id from person p join line l on p.manager_id = l.id)"
                + " select count(*) from line")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Adds people until the organisation has {@code total}. */
    void growTo(int total) throws SQLException {
        long t0 = System.nanoTime();
        long firstNew = Long.MAX_VALUE;
        if (people == 0) {
            long ceo = person(adminEmail(), null, roles.get(0), true);
            firstNew = ceo;
            for (int d = 0; d < DIRECTORS; d++) {
                directors.add(person("director" + d + "@bench.example", ceo, roles.get(d % roles.size()), false));
            }
            people = 1 + DIRECTORS;
        }
        int team = 0;
        try (PreparedStatement insert = sql.prepareStatement("insert into person (email, first_name, last_name, department_id, job_role_id,"
                + " manager_id, start_date, locale) values (?, ?, ?, ?, ?, ?, ?, 'en')")) {
            while (people < total) {
                long director = directors.get(team++ % DIRECTORS);
                long[] role = roles.get(random.nextInt(roles.size()));
                long manager = person("manager" + people + "@bench.example", director, role, false);
                if (managerEmail == null) {
                    managerEmail = "manager" + people + "@bench.example";
                }
                firstNew = Math.min(firstNew, manager);
                people++;
                for (int i = 0; i < TEAM && people < total; i++) {
                    insert.setString(1, "p" + people + "@bench.example");
                    insert.setString(2, "Person");
                    insert.setString(3, "N" + people);
                    insert.setLong(4, role[1]);
                    insert.setLong(5, role[0]);
                    insert.setLong(6, manager);
                    insert.setDate(7, Date.valueOf(today.minusDays(30 + random.nextInt(700))));
                    insert.addBatch();
                    people++;
                }
                insert.executeBatch();
            }
        }
        sql.commit();
        long t1 = System.nanoTime();
        assignAll(firstNew);
        long t2 = System.nanoTime();
        rollups();
        sql.commit();
        System.out.printf("[bench] generator: people %d s, their rows (assignments, completions, attempts, cards, summaries, stamps) %d s,"
                + " rollups %d s%n", (t1 - t0) / 1_000_000_000, (t2 - t1) / 1_000_000_000, (System.nanoTime() - t2) / 1_000_000_000);
    }

    private long person(String email, Long manager, long[] role, boolean admin) throws SQLException {
        try (PreparedStatement ps = sql.prepareStatement("insert into person (email, first_name, last_name, department_id, job_role_id,"
                + " manager_id, start_date, locale, admin) values (?, ?, ?, ?, ?, ?, ?, 'en', ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, email);
            ps.setString(2, email.substring(0, email.indexOf('@')));
            ps.setString(3, "Bench");
            ps.setLong(4, role[1]);
            ps.setLong(5, role[0]);
            if (manager == null) {
                ps.setNull(6, java.sql.Types.BIGINT);
            } else {
                ps.setLong(6, manager);
            }
            ps.setDate(7, Date.valueOf(today.minusDays(800)));
            ps.setBoolean(8, admin);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                try (PreparedStatement credential = sql.prepareStatement("insert into credential (person_id, password_hash, changed_at)"
                        + " values (?, ?, current_timestamp(3))")) {
                    credential.setLong(1, id);
                    credential.setString(2, Benchmark.HASH);
                    credential.executeUpdate();
                }
                return id;
            }
        }
    }

    /**
     * About 40 assignments per person from {@code firstId} on, a completion for each one done and an attempt for each quiz
     * passed, then the refresher cards, the progress summaries and the change stamps, written as a bulk load:
     * {@code LOAD DATA LOCAL INFILE} of rows made in memory, one transaction per {@value #CHUNK} people, with unique and
     * foreign key checks off for the session (the rows are unique and their keys exist by construction), and without the
     * change-stamp triggers of the tables loaded (V22), which would update a stamp row for each of the 80 million rows of
     * one million people; the stamps then get what those triggers would have added, per person in one statement. The
     * triggers are dropped for the load and created again from their own definitions ({@code SHOW CREATE TRIGGER}).
     * Several sessions load chunks at once (the auto-increment lock of the benchmark's database is interleaved, see
     * {@link Benchmark#databaseOptions()}); each chunk draws from a seed of its own, with the draws of the row-by-row
     * generator, so the organisation has the same shape and figures as before (not the same rows).
     */
    private void assignAll(long firstId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = sql.prepareStatement("select id from person where id >= ? order by id")) {
            ps.setLong(1, firstId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        List<String> triggers = dropInsertTriggers("assignment", "review_card", "progress_summary");
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService loaders = Executors.newFixedThreadPool(SESSIONS);
        try {
            List<Future<Void>> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(loaders.submit(() -> load(chunks, next)));
            }
            await(sessions);
        } finally {
            loaders.shutdownNow();
            try (Statement st = sql.createStatement()) {
                for (String trigger : triggers) {
                    st.execute(trigger);
                }
            }
        }
    }

    /** Takes the next chunk of people until none is left, each in a transaction of a session of its own, checks off. */
    private Void load(List<List<Long>> chunks, AtomicInteger next) throws SQLException {
        try (Connection session = DriverManager.getConnection(sql.getMetaData().getURL(), sql.getMetaData().getUserName(),
                EmbeddedMariaDb.PASSWORD); Statement st = session.createStatement()) {
            session.setAutoCommit(false);
            // the summaries read the chunk's assignments without locking ranges that the other sessions insert next to
            session.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            st.execute("set session unique_checks = 0, foreign_key_checks = 0");
            for (int chunk = next.getAndIncrement(); chunk < chunks.size() && !Thread.currentThread().isInterrupted(); chunk = next.getAndIncrement()) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        chunk(session, chunks.get(chunk));
                        break;
                    } catch (SQLTransactionRollbackException deadlock) {
                        session.rollback();
                        if (attempt == 3) {
                            throw deadlock;
                        }
                    }
                }
            }
        }
        return null;
    }

    private void chunk(Connection session, List<Long> people) throws SQLException {
        // a chunk's own draws, so that the rows do not depend on which session wrote which chunk first, or how often
        Random random = new Random(42L * 1_000_003 + people.get(0));
        assignments(session, people, random);
        reviewCards(session, people, random);
        summarise(session, people);
        session.commit();
    }

    private static void await(List<Future<Void>> loads) throws SQLException {
        try {
            for (Future<?> load : loads) {
                load.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sqlException) {
                throw sqlException;
            }
            throw new IllegalStateException("a load failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
    }

    private void assignments(Connection session, List<Long> people, Random random) throws SQLException {
        Rows assignments = new Rows();
        Rows completions = new Rows();
        Rows attempts = new Rows();
        String now = today + " 00:00:00";
        for (long person : people) {
            for (int k = 0; k < ASSIGNMENTS; k++) {
                Object[] item = items.get(k % items.size());
                String kind = (String) item[0];
                boolean earlier = k >= items.size();
                LocalDate assigned = today.minusDays(earlier ? 400 + random.nextInt(200) : random.nextInt(365));
                LocalDate due = assigned.plusDays(30);
                double roll = random.nextDouble();
                boolean done = earlier || roll < 0.7;
                if (!done && roll < 0.8) {
                    due = today.minusDays(1 + random.nextInt(60));
                } else if (!done) {
                    due = today.plusDays(1 + random.nextInt(90));
                }
                String completedAt = done ? assigned.plusDays(random.nextInt(30)) + " 10:00:00" : null;
                assignments.row(person, kind, item[1], earlier || (!done && k % 7 == 0) ? "RECERTIFICATION" : "JOINED", assigned, due,
                        earlier ? 12 : null, done ? "DONE" : "OPEN", completedAt, done ? item[2] : null, now);
                if (done) {
                    completions.row(person, kind, item[1], item[2], completedAt,
                            kind.equals("QUIZ") ? "PASSED" : kind.equals("GUIDE") ? "SHADOWED" : "READ",
                            kind.equals("QUIZ") ? 80 + random.nextInt(21) : null);
                    if (kind.equals("QUIZ")) {
                        int correct = 5 + random.nextInt(2);
                        attempts.row(person, item[1], item[2], earlier ? 2 : 1, completedAt, completedAt, completedAt, correct,
                                correct * 100 / 6);
                    }
                }
            }
        }
        load(session, "assignment", "person_id, kind, code, reason, assigned_on, due_on, repeat_months, status, completed_at, completed_version_id,"
                + " created_at", "origin = 'CURRICULUM'", assignments);
        load(session, "completion", "person_id, kind, code, version_id, completed_at, how, score", "assignment_id = null", completions);
        load(session, "quiz_attempt", "person_id, quiz_code, version_id, number, started_at, saved_at, submitted_at, correct, percent",
                "shown = '{\"questions\":[]}', answers = '{\"answers\":[]}', total = 6, passed = true", attempts);
    }

    /** The refresher items each person has met, due from two weeks ago to two months ahead, some already mastered. */
    private void reviewCards(Connection session, List<Long> people, Random random) throws SQLException {
        Rows cards = new Rows();
        for (long person : people) {
            for (String code : refreshers.subList(0, cardsPerPerson())) {
                int interval = 1 + random.nextInt(60);
                LocalDate reviewed = today.minusDays(random.nextInt(30));
                cards.row(person, "REFRESHER:" + code, today.plusDays(random.nextInt(74) - 14), interval, 1 + random.nextInt(6),
                        random.nextInt(3), random.nextInt(4), random.nextInt(10) == 0 ? 1 : 0, reviewed.minusDays(interval), reviewed);
            }
        }
        load(session, "review_card", "person_id, item_key, due_on, interval_days, reviews, lapses, right_streak, retired, met_on, last_reviewed_on",
                "module_code = null, ease = 250, version = 0", cards);
    }

    private int cardsPerPerson() {
        return Math.min(CARDS, refreshers.size());
    }

    /** Rows for {@code LOAD DATA}: tab-separated fields, {@code \N} for null; the generated values hold no tab, newline or backslash. */
    private static final class Rows {
        final StringBuilder text = new StringBuilder(1 << 20);

        void row(Object... fields) {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                text.append(fields[i] == null ? "\\N" : fields[i]);
            }
            text.append('\n');
        }
    }

    /** Loads the rows into {@code table}'s {@code columns}, then sets the others as {@code set} says. */
    private static void load(Connection session, String table, String columns, String set, Rows rows) throws SQLException {
        if (rows.text.isEmpty()) {
            return;
        }
        try (Statement st = session.createStatement()) {
            st.unwrap(org.mariadb.jdbc.Statement.class)
                    .setLocalInfileInputStream(new ByteArrayInputStream(rows.text.toString().getBytes(StandardCharsets.UTF_8)));
            st.execute("load data local infile 'generated.tsv' into table " + table + " character set utf8mb4"
                    + " fields terminated by '\\t' lines terminated by '\\n' (" + columns + ") set " + set);
        }
    }

    /** Drops the insert triggers of these tables and returns the statements that create them again. */
    private List<String> dropInsertTriggers(String... tables) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = sql.prepareStatement("select trigger_name from information_schema.triggers where trigger_schema = database()"
                + " and event_manipulation = 'INSERT' and find_in_set(event_object_table, ?) order by event_object_table, action_order")) {
            ps.setString(1, String.join(",", tables));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        List<String> creates = new ArrayList<>();
        try (Statement st = sql.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = st.executeQuery("show create trigger `" + name + "`")) {
                    rs.next();
                    // the definer as the server wrote it (empty under --skip-grant-tables) is left to default to this session's user
                    creates.add(rs.getString("SQL Original Statement").replaceFirst("^CREATE DEFINER=\\S+ ", "CREATE "));
                }
                st.execute("drop trigger `" + name + "`");
            }
        }
        return creates;
    }

    /**
     * The progress summaries the application keeps as things happen, computed once for the generated rows of the people
     * {@code firstId} to {@code lastId}, and their change stamps bumped as the dropped triggers would have: the plan once
     * for each assignment and for the summary, the refreshers once for each card.
     */
    private void summarise(Connection session, List<Long> people) throws SQLException {
        long firstId = people.get(0);
        long lastId = people.get(people.size() - 1);
        try (PreparedStatement ps = session.prepareStatement("insert into progress_summary (person_id, required, done, next_due_on,"
                + " next_refresh_on, open_due, shadowed, updated_at) select a.person_id, count(distinct a.kind, a.code), count(distinct a.kind, a.code)"
                + " - count(distinct case when a.status = 'OPEN' then concat(a.kind, ':', a.code) end), min(case when a.status = 'OPEN' then a.due_on end),"
                + " min(case when a.status = 'OPEN' and a.reason = 'RECERTIFICATION' then a.due_on end),"
                // the form assignments.OpenDueDates reads, as migration V26 writes it
                + " group_concat(case when a.status = 'OPEN' then concat(a.due_on, if(a.reason = 'RECERTIFICATION', 'r', ''),"
                + " if(a.kind = 'GUIDE', 'g', '')) end order by a.due_on, a.id separator ' '),"
                + " (select count(*) from completion c where c.person_id = a.person_id and c.kind = 'GUIDE'), current_timestamp(3)"
                + " from assignment a where a.person_id between ? and ? group by a.person_id")) {
            ps.setLong(1, firstId);
            ps.setLong(2, lastId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = session.prepareStatement("update change_stamp set plan = plan + ?, refreshers = refreshers + ?"
                + " where person_id between ? and ?")) {
            ps.setInt(1, ASSIGNMENTS + 1);
            ps.setInt(2, cardsPerPerson());
            ps.setLong(3, firstId);
            ps.setLong(4, lastId);
            ps.executeUpdate();
        }
    }

    /** The monthly and per-quiz rollups the application keeps, computed again over all generated rows. */
    private void rollups() throws SQLException {
        try (Statement st = sql.createStatement()) {
            st.executeUpdate("delete from completion_month");
            st.executeUpdate("insert into completion_month (month, department_id, kind, completions)"
                    + " select cast(date_format(c.completed_at, '%Y-%m-01') as date), coalesce(p.department_id, 0), c.kind, count(*)"
                    + " from completion c join person p on p.id = c.person_id group by 1, 2, 3");
            st.executeUpdate("insert into quiz_stats (quiz_code, submitted, passed, first_submitted, first_passed)"
                    + " select code, count(*), count(*), count(*), floor(count(*) * 0.8) from completion where kind = 'QUIZ' group by code"
                    + " on duplicate key update submitted = values(submitted), passed = values(passed),"
                    + " first_submitted = values(first_submitted), first_passed = values(first_passed)");
        }
    }
}
