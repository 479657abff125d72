package org.everyoneserves.progress;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.everyoneserves.assignments.OpenDueDates;
import org.everyoneserves.notifications.Notification;
import org.everyoneserves.notifications.NotificationService;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.KeptByPeople;

/**
 * Team overviews read from the per-person progress summaries that assignment events keep current: one row per
 * person, filtered and sorted in the database, with the open assignments' due dates that today's counts come from
 * ({@link org.everyoneserves.assignments.OpenDueDates}). Nothing is recomputed from assignments, attempts or
 * completions when a page is shown or exported. A manager sees their reporting line (direct
 * and indirect), never anyone else.
 */
@ApplicationScoped
@Transactional
public class ProgressService {

    /** "Due soon" looks this many days ahead. */
    public static final int DUE_SOON_DAYS = 14;
    /** A certification is "expiring" when its refresh is due within this many days. */
    public static final int EXPIRING_DAYS = 30;
    /** Rows of an export the driver fetches at a time; memory stays flat however large the team. */
    static final int EXPORT_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/EveryoneServesDS")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    PersonService people;

    @Inject
    NotificationService notifications;

    @Inject
    org.everyoneserves.content.Catalog catalog;

    @Inject
    org.everyoneserves.platform.audit.AuditLog audit;

    @Inject
    KeptByPeople kept;

    private static final String LINE = PersonService.REPORTING_LINE;

    private static final String SELECT = "select p.id as pid, p.first_name as first_name, p.last_name as last_name, p.email as email,"
            + " d.name as dname, r.name as rname, concat(m.first_name, ' ', m.last_name) as mname, coalesce(s.required, 0) as req,"
            + " coalesce(s.done, 0) as dn, s.next_due_on as next_due, s.open_due as open_due, coalesce(s.shadowed, 0) as shadowed";

    private static final String EVERYONE = "with line(id) as (select id from person) ";

    private static final String FROM = " from line join person p on p.id = line.id"
            + " left join progress_summary s on s.person_id = p.id"
            + " left join department d on d.id = p.department_id"
            + " left join job_role r on r.id = p.job_role_id"
            + " left join person m on m.id = p.manager_id";

    private static final String EXPIRING = "s.next_refresh_on between :today and :expiring";

    /**
     * One page of the caller's reporting line with each person's progress, and the number of people in each status
     * (for the filter buttons). Measured at 100,000 people, two statements over the line beat one with window sums:
     * MariaDB materialises the windowed line before it sorts and pages.
     */
    public TeamPage team(@NotNull Caller caller, @NotNull TeamQuery query) {
        requireManager(caller);
        Dates dates = dates();
        String sql = LINE + SELECT + FROM + where(query) + orderBy(query.sort());
        Query rows = bind(em.createNativeQuery(sql), sql, caller, query, dates);
        rows.setFirstResult(query.page() * query.size()).setMaxResults(query.size());
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();

        TeamQuery everyone = new TeamQuery(TeamQuery.Status.ALL, query.departmentId(), query.jobRoleId(), query.sort(), 0, 1);
        String countSql = LINE + "select count(*), coalesce(sum(" + condition(TeamQuery.Status.OVERDUE) + "), 0),"
                + " coalesce(sum(" + condition(TeamQuery.Status.DUE_SOON) + "), 0), coalesce(sum(" + condition(TeamQuery.Status.EXPIRING) + "), 0),"
                + " coalesce(sum(" + condition(TeamQuery.Status.COMPLETE) + "), 0)" + FROM + where(everyone);
        Object[] c = (Object[]) bind(em.createNativeQuery(countSql), countSql, caller, query, dates).getSingleResult();
        TeamPage.Counts totals = new TeamPage.Counts(number(c[0]), number(c[1]), number(c[2]), number(c[3]), number(c[4]));
        long total = switch (query.status()) {
            case ALL -> totals.all();
            case OVERDUE -> totals.overdue();
            case DUE_SOON -> totals.dueSoon();
            case EXPIRING -> totals.expiring();
            case COMPLETE -> totals.complete();
        };
        return new TeamPage(result.stream().map(r -> row(r, dates)).toList(), total, query.page(), query.size(), totals);
    }

    /**
     * What the manager's overview of their team is made of, as the database's change stamps count it: how many people
     * their reporting line has, and the latest change and the sum of the counters of the manager's and the line's
     * stamp rows (each person's own row, plan and progress, and whom a manager's reports are, V22 and V27). Any write
     * that changes a row of the overview moves one of them; one statement whatever the filters and the page. What it
     * gives is kept in memory ({@link KeptByPeople}) until a change to one of those people is seen, so a kept overview
     * usually needs no statement at all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String teamStamp(@NotNull Caller caller) {
        requireManager(caller);
        String key = "progress.team:" + caller.personId();
        if (kept.value(key) instanceof String stamp) {
            return stamp;
        }
        KeptByPeople.Reading reading = kept.reading();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(TEAM_STAMP)) {
            statement.setLong(1, caller.personId());
            statement.setLong(2, caller.personId());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                long people = result.getLong(1);
                String stamp = people + "." + result.getString(2) + "." + result.getLong(3);
                long[] ids = ids(result.getString(4), people, result.getLong(5));
                if (ids != null) {
                    kept.keepValue(key, stamp, ids, reading);
                }
                return stamp;
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading a team's change stamps", e);
        }
    }

    /**
     * The people of a team's stamp from the statement's list, or null (not kept) when there is none (too many people) or
     * it does not hold every one of them: a database whose {@code group_concat_max_len} is smaller than MariaDB's default
     * cuts the list short, and a value kept with some of its people missing would not be forgotten when they change.
     */
    static long[] ids(String list, long count, long sum) {
        if (list == null) {
            return null;
        }
        long[] ids = Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray();
        return ids.length == count && Arrays.stream(ids).sum() == sum ? ids : null;
    }

    /**
     * {@link #teamStamp}'s statement: plain JDBC, as it is made before an overview is sent while its team's stamp is not
     * kept (no entity in it). The people it counts come with it for {@link KeptByPeople}, if they are few enough.
     */
    private static final String TEAM_STAMP = LINE.replace(":me", "?") + "select count(*), max(cs.changed_at), sum(cs.me + cs.plan + cs.access),"
            + " if(count(*) <= " + KeptByPeople.MOST_PEOPLE_PER_VALUE + ", group_concat(l.id separator ','), null), sum(l.id)"
            + " from (select id from line union all select ?) l join change_stamp cs on cs.person_id = l.id";

    /** Whether a person (p, with summary s) is in the status, as SQL. */
    private static String condition(TeamQuery.Status status) {
        return switch (status) {
            case ALL -> "1";
            case OVERDUE -> "s.next_due_on < :today";
            case DUE_SOON -> "s.next_due_on between :today and :soon";
            case EXPIRING -> EXPIRING;
            case COMPLETE -> "s.required > 0 and s.done = s.required";
        };
    }

    /**
     * Every row the query matches, all pages, in order, handed to {@code sink} as the database streams them: an export
     * of 100,000 people holds {@value #EXPORT_BATCH} rows in memory, not 100,000.
     */
    public void export(@NotNull Caller caller, @NotNull TeamQuery query, @NotNull Consumer<TeamRow> sink) {
        requireManager(caller);
        audited(caller, "export.team", query);
        stream(LINE, caller, query, sink);
    }

    /** Everyone in the organisation, as {@link #export} writes a team: for admins. */
    public void exportOrganisation(@NotNull Caller caller, @NotNull TeamQuery query, @NotNull Consumer<TeamRow> sink) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        audited(caller, "export.organisation", query);
        stream(EVERYONE, caller, query, sink);
    }

    /** Who took people's data out of the application, and which part of it; written before the first row goes out. */
    private void audited(Caller caller, String action, TeamQuery query) {
        audit.record(caller.personId(), action, "person", caller.personId(), "status=" + query.status() + " department="
                + query.departmentId() + " jobRole=" + query.jobRoleId());
        em.flush();
    }

    /** The rows of the scope's statement as the database sends them, {@value #EXPORT_BATCH} at a time. */
    private void stream(String scope, Caller caller, TeamQuery query, Consumer<TeamRow> sink) {
        Dates dates = dates();
        String sql = scope + SELECT + FROM + where(query) + orderBy(query.sort());
        Query rows = bind(em.createNativeQuery(sql), sql, caller, query, dates);
        rows.setHint("org.hibernate.fetchSize", EXPORT_BATCH);
        rows.setHint("org.hibernate.readOnly", true);
        @SuppressWarnings("unchecked")
        Stream<Object[]> stream = rows.getResultStream();
        try (stream) {
            stream.forEach(r -> sink.accept(row(r, dates)));
        }
    }

    /** The matrix view is for teams up to this size; larger ones use the overview's filters. */
    public static final int MATRIX_MAX = 60;

    /** The caller's reporting line against the items its people owe or have done (teams up to {@value #MATRIX_MAX}). */
    public Matrix matrix(@NotNull Caller caller) {
        requireManager(caller);
        List<org.everyoneserves.people.PersonSummary> line = people.reportingLine(caller).stream()
                .filter(org.everyoneserves.people.PersonSummary::active).toList();
        if (line.size() > MATRIX_MAX) {
            return new Matrix(List.of(), List.of(), true);
        }
        if (line.isEmpty()) {
            return new Matrix(List.of(), List.of(), false);
        }
        LocalDate today = LocalDate.now(clock);
        org.everyoneserves.content.Titles titles = catalog.titles();
        Map<Long, Map<String, Matrix.Cell>> cells = new HashMap<>();
        java.util.TreeMap<String, Matrix.Column> columns = new java.util.TreeMap<>();
        List<org.everyoneserves.assignments.Assignment> all = em.createQuery("select a from Assignment a where a.personId in :ids"
                        + " and a.status in :statuses", org.everyoneserves.assignments.Assignment.class)
                .setParameter("ids", line.stream().map(org.everyoneserves.people.PersonSummary::id).toList())
                .setParameter("statuses", List.of(org.everyoneserves.assignments.Assignment.Status.OPEN,
                        org.everyoneserves.assignments.Assignment.Status.DONE)).getResultList();
        for (org.everyoneserves.assignments.Assignment a : all) {
            String key = a.getKind() + ":" + a.getCode();
            String title = titles.of(a.getKind().catalogKind(), a.getCode());
            columns.putIfAbsent(a.getKind().ordinal() + title + key, new Matrix.Column(key, a.getKind().name(), title));
            Matrix.Cell cell = a.getStatus() == org.everyoneserves.assignments.Assignment.Status.DONE ? Matrix.Cell.DONE
                    : a.getDueOn().isBefore(today) ? Matrix.Cell.OVERDUE
                    : !a.getDueOn().isAfter(today.plusDays(DUE_SOON_DAYS)) ? Matrix.Cell.DUE_SOON
                    : a.getReason() == org.everyoneserves.assignments.Assignment.Reason.RECERTIFICATION ? Matrix.Cell.DONE
                    : Matrix.Cell.OPEN;
            cells.computeIfAbsent(a.getPersonId(), k -> new HashMap<>()).merge(key, cell, (x, y) -> severity(x) >= severity(y) ? x : y);
        }
        List<Matrix.Row> rows = line.stream().map(p -> new Matrix.Row(p.id(), p.displayName(), cells.getOrDefault(p.id(), Map.of()))).toList();
        return new Matrix(List.copyOf(columns.values()), rows, false);
    }

    /** What a cell shows when a person has several occurrences of an item: the one that needs action most. */
    private static int severity(Matrix.Cell cell) {
        return switch (cell) {
            case OVERDUE -> 3;
            case DUE_SOON -> 2;
            case OPEN -> 1;
            default -> 0;
        };
    }

    public static final int NOTE_MAXLENGTH = 1000;

    /**
     * A manager reminds one person of their reporting line, with an optional note; anyone else is "not found".
     *
     * @return the person's name, for the confirmation
     */
    public String nudge(@NotNull Caller caller, long personId, String note) {
        requireManager(caller);
        if (!people.isInReportingLine(caller.personId(), personId)) {
            throw BusinessException.notFound("person");
        }
        send(caller, personId, checkedNote(note));
        return people.displayNames(List.of(personId)).get(personId);
    }

    /** A manager reminds everyone in their reporting line who has something overdue. @return how many were reminded */
    public int nudgeOverdue(@NotNull Caller caller, String note) {
        requireManager(caller);
        String text = checkedNote(note);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(LINE + "select p.id from line join person p on p.id = line.id join progress_summary s"
                        + " on s.person_id = p.id where p.active = true and s.next_due_on < :today")
                .setParameter("me", caller.personId()).setParameter("today", Date.valueOf(LocalDate.now(clock))).getResultList();
        ids.forEach(id -> send(caller, id.longValue(), text));
        return ids.size();
    }

    private void send(Caller caller, long personId, String note) {
        var to = notifications.recipient(personId);
        if (to.isEmpty()) {
            return;
        }
        String from = people.displayNames(List.of(caller.personId())).get(caller.personId());
        String locale = to.get().locale();
        String body = NotificationService.text(locale, "nudge.body", to.get().name(), from)
                + (note == null ? "" : "\n\n" + note);
        notifications.notify(personId, Notification.Kind.NUDGE, "nudge:" + java.util.UUID.randomUUID(),
                NotificationService.text(locale, "nudge.subject", from), body, "/learner/index.xhtml", caller.personId());
    }

    private static String checkedNote(String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "nudge.error.noteTooLong", NOTE_MAXLENGTH);
        }
        return text;
    }

    private static void requireManager(Caller caller) {
        if (!caller.manager()) {
            throw BusinessException.forbidden();
        }
    }

    private record Dates(LocalDate today, LocalDate soon, LocalDate expiring) {
    }

    private Dates dates() {
        LocalDate today = LocalDate.now(clock);
        return new Dates(today, today.plusDays(DUE_SOON_DAYS), today.plusDays(EXPIRING_DAYS));
    }

    private static String where(TeamQuery query) {
        StringBuilder where = new StringBuilder(" where p.active = true");
        if (query.departmentId() != null) {
            where.append(" and p.department_id = :department");
        }
        if (query.jobRoleId() != null) {
            where.append(" and p.job_role_id = :role");
        }
        if (query.status() != TeamQuery.Status.ALL) {
            where.append(" and ").append(condition(query.status()));
        }
        return where.toString();
    }

    private static String orderBy(TeamQuery.Sort sort) {
        return switch (sort) {
            case NAME -> " order by p.last_name, p.first_name, p.id";
            case PROGRESS -> " order by coalesce(s.done / nullif(s.required, 0), 1), p.last_name, p.first_name, p.id";
            case NEXT_DUE -> " order by s.next_due_on is null, s.next_due_on, p.last_name, p.first_name, p.id";
        };
    }

    private static Query bind(Query q, String sql, Caller caller, TeamQuery query, Dates dates) {
        if (sql.contains(":me")) {
            q.setParameter("me", caller.personId());
        }
        if (query.departmentId() != null) {
            q.setParameter("department", query.departmentId());
        }
        if (query.jobRoleId() != null) {
            q.setParameter("role", query.jobRoleId());
        }
        if (sql.contains(":today")) {
            q.setParameter("today", Date.valueOf(dates.today()));
        }
        if (sql.contains(":soon")) {
            q.setParameter("soon", Date.valueOf(dates.soon()));
        }
        if (sql.contains(":expiring")) {
            q.setParameter("expiring", Date.valueOf(dates.expiring()));
        }
        return q;
    }

    /** A row of {@link #SELECT}, its counts as of the day. */
    private static TeamRow row(Object[] r, Dates dates) {
        OpenDueDates.Counts open = OpenDueDates.counts(r[10] == null ? null : r[10].toString(), dates.today(), dates.soon(), dates.expiring());
        return new TeamRow(number(r[0]), r[1] + " " + r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (int) number(r[7]),
                (int) number(r[8]), date(r[9]), open.overdue(), open.dueSoon(), open.expiring(), (int) number(r[11]), open.guideDue());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }
}
