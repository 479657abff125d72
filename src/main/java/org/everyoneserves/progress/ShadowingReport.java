package org.everyoneserves.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Titles;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.Friction;
import org.everyoneserves.shadowing.Idea;
import org.hibernate.query.NativeQuery;

/**
 * Shadowing as managers and admins see it: who in a reporting line owes a session and whether seats are short, and
 * the friction shadows saw and the ideas each department owns. Read in SQL from the shadowing, assignment and people
 * tables (see the package documentation).
 */
@ApplicationScoped
@Transactional
public class ShadowingReport {

    /** How far ahead the manager's capacity view looks. */
    public static final int CAPACITY_DAYS = 90;

    /** A booking that still holds a seat or still waits to count. */
    private static final String OPEN_BOOKING = "(b.status = 'BOOKED' or (b.status = 'ATTENDED' and b.completed_at is null))";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    /** LATER: no seat yet, but not due within the capacity horizon either (a next session months away). */
    public enum TeamStatus { NOT_BOOKED, LATER, BOOKED, TO_REFLECT, AWAITING_HOST }

    public record TeamRow(long personId, String name, String guideCode, String guideTitle, LocalDate dueOn, boolean overdue,
                          TeamStatus status, Instant sessionAt) {
    }

    /**
     * Seats against need for one guide over the next {@value #CAPACITY_DAYS} days.
     *
     * @param teamNeed people in the viewer's team due by then without a seat
     * @param needed   people in the whole organisation due by then without a seat
     * @param seats    free seats in slots that serve the guide in that time
     */
    public record Capacity(String guideCode, String guideTitle, long teamNeed, long needed, long seats) {

        public long shortBy() {
            return Math.max(0, needed - seats);
        }
    }

    public record TeamView(List<TeamRow> rows, List<Capacity> capacity) {
    }

    public record TagCount(Friction friction, long recent, long total) {
    }

    public record MonthRow(YearMonth month, Map<Friction, Long> counts, long reflections) {
    }

    public record DepartmentIdeas(String department, Map<Idea.Status, Long> counts, long total) {
    }

    public record Themes(List<TagCount> frictions, List<MonthRow> months, List<DepartmentIdeas> ideas, long reflections) {
    }

    /** The viewer's reporting line: who owes a shadowing session, whether they have a seat, and seats against need. */
    public TeamView team(@NotNull Caller caller) {
        if (!caller.manager()) {
            throw BusinessException.forbidden();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(CAPACITY_DAYS);
        Instant now = clock.instant();
        Titles titles = catalog.titles();
        @SuppressWarnings("unchecked")
        List<Object[]> owed = em.createNativeQuery(PersonService.REPORTING_LINE
                        + "select p.id as person_id, concat(p.first_name, ' ', p.last_name) as name, a.code as code, a.due_on as due_on,"
                        + " b.status as booking, s.starts_at as starts_at from line join person p on p.id = line.id"
                        + " join assignment a on a.person_id = p.id and a.kind = 'GUIDE' and a.status = 'OPEN'"
                        + " left join shadowing_booking b on b.person_id = a.person_id and b.guide_code = a.code and " + OPEN_BOOKING
                        + " left join shadowing_slot s on s.id = b.slot_id")
                .setParameter("me", caller.personId()).unwrap(NativeQuery.class)
                .addScalar("person_id", Long.class).addScalar("name", String.class).addScalar("code", String.class)
                .addScalar("due_on", LocalDate.class).addScalar("booking", String.class).addScalar("starts_at", Instant.class)
                .getResultList();
        List<TeamRow> rows = new ArrayList<>();
        Map<String, Long> teamNeed = new HashMap<>();
        for (Object[] r : owed) {
            String code = (String) r[2];
            LocalDate dueOn = (LocalDate) r[3];
            String booking = (String) r[4];
            Instant sessionAt = (Instant) r[5];
            TeamStatus status = booking == null ? (dueOn.isAfter(horizon) ? TeamStatus.LATER : TeamStatus.NOT_BOOKED)
                    : booking.equals("ATTENDED") ? TeamStatus.TO_REFLECT
                    : !sessionAt.isAfter(now) ? TeamStatus.AWAITING_HOST : TeamStatus.BOOKED;
            rows.add(new TeamRow((Long) r[0], (String) r[1], code, titles.guide(code), dueOn, dueOn.isBefore(today), status,
                    booking == null ? null : sessionAt));
            if (booking == null && !dueOn.isAfter(horizon)) {
                teamNeed.merge(code, 1L, Long::sum);
            }
        }
        rows.sort(Comparator.comparing(TeamRow::dueOn).thenComparing(TeamRow::name));
        List<Capacity> capacity = new ArrayList<>();
        for (Published<Definitions.Guide> guide : catalog.guides()) {
            if (teamNeed.containsKey(guide.code())) {
                capacity.add(new Capacity(guide.code(), titles.guide(guide.code()), teamNeed.get(guide.code()),
                        organisationNeed(guide.code(), horizon), freeSeats(guide.definition(), horizon)));
            }
        }
        capacity.sort(Comparator.comparing(Capacity::shortBy).reversed().thenComparing(Capacity::guideTitle));
        return new TeamView(rows, capacity);
    }

    /** Friction tagged in reflections (last 90 days and all time, and per month for six months) and ideas by department. */
    public Themes themes(@NotNull Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        Instant now = clock.instant();
        Map<Friction, Long> recent = frictionCounts(now.minus(Duration.ofDays(90)));
        Map<Friction, Long> total = frictionCounts(null);
        List<TagCount> tags = new ArrayList<>();
        for (Friction f : Friction.values()) {
            tags.add(new TagCount(f, recent.getOrDefault(f, 0L), total.getOrDefault(f, 0L)));
        }
        tags.sort(Comparator.comparing(TagCount::recent).thenComparing(TagCount::total).reversed());

        YearMonth thisMonth = YearMonth.now(clock);
        Instant since = thisMonth.minusMonths(5).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<YearMonth, Map<Friction, Long>> byMonth = new LinkedHashMap<>();
        Map<YearMonth, Long> reflectionsByMonth = new HashMap<>();
        for (int i = 5; i >= 0; i--) {
            byMonth.put(thisMonth.minusMonths(i), new EnumMap<>(Friction.class));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> tagged = em.createNativeQuery("select r.submitted_at as submitted_at, f.friction as friction from shadowing_reflection r"
                        + " join reflection_friction f on f.reflection_id = r.id where r.submitted_at >= :since")
                .setParameter("since", since).unwrap(NativeQuery.class)
                .addScalar("submitted_at", Instant.class).addScalar("friction", String.class).getResultList();
        for (Object[] row : tagged) {
            Map<Friction, Long> counts = byMonth.get(YearMonth.from(((Instant) row[0]).atZone(clock.getZone())));
            if (counts != null) {
                counts.merge(Friction.valueOf((String) row[1]), 1L, Long::sum);
            }
        }
        @SuppressWarnings("unchecked")
        List<Instant> submitted = em.createNativeQuery("select submitted_at from shadowing_reflection where submitted_at >= :since")
                .setParameter("since", since).unwrap(NativeQuery.class).addScalar("submitted_at", Instant.class).getResultList();
        for (Instant at : submitted) {
            reflectionsByMonth.merge(YearMonth.from(at.atZone(clock.getZone())), 1L, Long::sum);
        }
        List<MonthRow> months = byMonth.entrySet().stream()
                .map(e -> new MonthRow(e.getKey(), e.getValue(), reflectionsByMonth.getOrDefault(e.getKey(), 0L))).toList();

        Map<String, Map<Idea.Status, Long>> byDepartment = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> ideaRows = em.createNativeQuery("select d.name, i.status, count(*) from improvement_idea i"
                + " join department d on d.id = i.department_id group by d.name, i.status").getResultList();
        for (Object[] row : ideaRows) {
            byDepartment.computeIfAbsent((String) row[0], k -> new EnumMap<>(Idea.Status.class))
                    .put(Idea.Status.valueOf((String) row[1]), ((Number) row[2]).longValue());
        }
        List<DepartmentIdeas> ideas = byDepartment.entrySet().stream()
                .map(e -> new DepartmentIdeas(e.getKey(), e.getValue(), e.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .sorted(Comparator.comparing(DepartmentIdeas::total).reversed()).toList();
        long reflections = ((Number) em.createNativeQuery("select count(*) from shadowing_reflection").getSingleResult()).longValue();
        return new Themes(tags, months, ideas, reflections);
    }

    /** People in the whole organisation due by the horizon without a seat for the guide. */
    private long organisationNeed(String code, LocalDate horizon) {
        return ((Number) em.createNativeQuery("select count(*) from assignment a where a.kind = 'GUIDE' and a.code = :code"
                        + " and a.status = 'OPEN' and a.due_on <= :horizon and not exists (select 1 from shadowing_booking b"
                        + " where b.person_id = a.person_id and b.guide_code = a.code and " + OPEN_BOOKING + ")")
                .setParameter("code", code).setParameter("horizon", Date.valueOf(horizon)).getSingleResult()).longValue();
    }

    /** Free seats until the horizon in slots of active hosts whose role the guide sends shadows to. */
    private long freeSeats(Definitions.Guide guide, LocalDate horizon) {
        if (guide.hostRoles().isEmpty()) {
            return 0;
        }
        Number seats = (Number) em.createNativeQuery("select sum(s.capacity - s.booked) from shadowing_slot s"
                        + " join person h on h.id = s.host_id join job_role r on r.id = h.job_role_id where h.active = true"
                        + " and r.code in (:roles) and s.cancelled_at is null and s.starts_at > :now and s.starts_at < :until")
                .setParameter("roles", guide.hostRoles()).setParameter("now", clock.instant())
                .setParameter("until", horizon.plusDays(1).atStartOfDay(clock.getZone()).toInstant()).getSingleResult();
        return seats == null ? 0 : seats.longValue();
    }

    private Map<Friction, Long> frictionCounts(Instant since) {
        Map<Friction, Long> counts = new EnumMap<>(Friction.class);
        String sql = "select f.friction, count(*) from reflection_friction f join shadowing_reflection r on r.id = f.reflection_id"
                + (since == null ? "" : " where r.submitted_at >= :since") + " group by f.friction";
        var query = em.createNativeQuery(sql);
        if (since != null) {
            query.setParameter("since", since);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(r -> counts.put(Friction.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        return counts;
    }
}
