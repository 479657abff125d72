package org.everyoneserves.dev;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
                + " manager_id, start_date, locale) values (?, ?, ?, ?, ?, ?, ?, 'en')", Statement.RETURN_GENERATED_KEYS)) {
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
        assignAll(firstNew);
        summarise(firstNew);
        sql.commit();
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

    /** About 40 assignments per person from {@code firstId} on, and a completion for each one done. */
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
        Timestamp now = Timestamp.valueOf(today.atStartOfDay());
        try (PreparedStatement assignment = sql.prepareStatement("insert into assignment (person_id, kind, code, origin, reason, assigned_on,"
                + " due_on, repeat_months, status, completed_at, completed_version_id, created_at) values (?, ?, ?, 'CURRICULUM', ?, ?, ?, ?,"
                + " ?, ?, ?, ?)");
             PreparedStatement completion = sql.prepareStatement("insert into completion (person_id, kind, code, version_id, completed_at,"
                     + " how, score) values (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement attempt = sql.prepareStatement("insert into quiz_attempt (person_id, quiz_code, version_id, number, started_at,"
                     + " shown, answers, saved_at, submitted_at, correct, total, percent, passed) values (?, ?, ?, ?, ?, '{\"questions\":[]}',"
                     + " '{\"answers\":[]}', ?, ?, ?, 6, ?, true)")) {
            int rows = 0;
            for (long person : ids) {
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
                    assignment.setLong(1, person);
                    assignment.setString(2, kind);
                    assignment.setString(3, (String) item[1]);
                    assignment.setString(4, earlier || (!done && k % 7 == 0) ? "RECERTIFICATION" : "JOINED");
                    assignment.setDate(5, Date.valueOf(assigned));
                    assignment.setDate(6, Date.valueOf(due));
                    assignment.setObject(7, earlier ? 12 : null);
                    assignment.setString(8, done ? "DONE" : "OPEN");
                    Timestamp completedAt = done ? Timestamp.valueOf(assigned.plusDays(random.nextInt(30)).atTime(10, 0)) : null;
                    assignment.setTimestamp(9, completedAt);
                    assignment.setObject(10, done ? item[2] : null);
                    assignment.setTimestamp(11, now);
                    assignment.addBatch();
                    if (done) {
                        completion.setLong(1, person);
                        completion.setString(2, kind);
                        completion.setString(3, (String) item[1]);
                        completion.setLong(4, (Long) item[2]);
                        completion.setTimestamp(5, completedAt);
                        completion.setString(6, kind.equals("QUIZ") ? "PASSED" : kind.equals("GUIDE") ? "SHADOWED" : "READ");
                        completion.setObject(7, kind.equals("QUIZ") ? 80 + random.nextInt(21) : null);
                        completion.addBatch();
                        if (kind.equals("QUIZ")) {
                            int correct = 5 + random.nextInt(2);
                            attempt.setLong(1, person);
                            attempt.setString(2, (String) item[1]);
                            attempt.setLong(3, (Long) item[2]);
                            attempt.setInt(4, earlier ? 2 : 1);
                            attempt.setTimestamp(5, completedAt);
                            attempt.setTimestamp(6, completedAt);
                            attempt.setTimestamp(7, completedAt);
                            attempt.setInt(8, correct);
                            attempt.setInt(9, correct * 100 / 6);
                            attempt.addBatch();
                        }
                    }
                    if (++rows % 5000 == 0) {
                        assignment.executeBatch();
                        completion.executeBatch();
                        attempt.executeBatch();
                        sql.commit();
                    }
                }
            }
            assignment.executeBatch();
            completion.executeBatch();
            attempt.executeBatch();
        }
        sql.commit();
        reviewCards(ids);
    }

    /** The refresher items each person has met, due from two weeks ago to two months ahead, some already mastered. */
    private void reviewCards(List<Long> ids) throws SQLException {
        try (PreparedStatement card = sql.prepareStatement("insert into review_card (person_id, item_key, module_code, due_on, interval_days,"
                + " ease, reviews, lapses, right_streak, retired, met_on, last_reviewed_on, version) values (?, ?, null, ?, ?, 250, ?, ?, ?, ?, ?, ?, 0)")) {
            int rows = 0;
            for (long person : ids) {
                for (String code : refreshers.subList(0, Math.min(CARDS, refreshers.size()))) {
                    int interval = 1 + random.nextInt(60);
                    LocalDate reviewed = today.minusDays(random.nextInt(30));
                    card.setLong(1, person);
                    card.setString(2, "REFRESHER:" + code);
                    card.setDate(3, Date.valueOf(today.plusDays(random.nextInt(74) - 14)));
                    card.setInt(4, interval);
                    card.setInt(5, 1 + random.nextInt(6));
                    card.setInt(6, random.nextInt(3));
                    card.setInt(7, random.nextInt(4));
                    card.setBoolean(8, random.nextInt(10) == 0);
                    card.setDate(9, Date.valueOf(reviewed.minusDays(interval)));
                    card.setDate(10, Date.valueOf(reviewed));
                    card.addBatch();
                    if (++rows % 5000 == 0) {
                        card.executeBatch();
                        sql.commit();
                    }
                }
            }
            card.executeBatch();
        }
        sql.commit();
    }

    /** The summaries and rollups the application keeps as things happen, computed once for the generated rows. */
    private void summarise(long firstId) throws SQLException {
        try (PreparedStatement ps = sql.prepareStatement("insert into progress_summary (person_id, required, done, next_due_on,"
                + " next_refresh_on, open_due, shadowed, updated_at) select a.person_id, count(distinct a.kind, a.code), count(distinct a.kind, a.code)"
                + " - count(distinct case when a.status = 'OPEN' then concat(a.kind, ':', a.code) end), min(case when a.status = 'OPEN' then a.due_on end),"
                + " min(case when a.status = 'OPEN' and a.reason = 'RECERTIFICATION' then a.due_on end),"
                // the form assignments.OpenDueDates reads, as migration V26 writes it
                + " group_concat(case when a.status = 'OPEN' then concat(a.due_on, if(a.reason = 'RECERTIFICATION', 'r', ''),"
                + " if(a.kind = 'GUIDE', 'g', '')) end order by a.due_on, a.id separator ' '),"
                + " (select count(*) from completion c where c.person_id = a.person_id and c.kind = 'GUIDE'), current_timestamp(3)"
                + " from assignment a where a.person_id >= ? group by a.person_id")) {
            ps.setLong(1, firstId);
            ps.executeUpdate();
        }
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
