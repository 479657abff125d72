package org.everyoneserves.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.everyoneserves.testing.Errors.code;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Completion;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.assignments.OpenDueDates;
import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Clocks;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.NewPerson;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The manager's team overview on MariaDB: the reporting line only, filters, sorting, pages and the export. Time passes
 * on this deployment's clock ({@link Clocks}): Late joined 60 days ago; a refresh falls due eleven months on.
 */
@ExtendWith(ArquillianExtension.class)
class ProgressIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(ProgressIT.class, People.class, NewPerson.class);
    }

    @Inject
    PersonService service;

    @Inject
    ProgressService progress;

    @Inject
    org.everyoneserves.platform.audit.AuditLog audit;

    @Inject
    ModuleService modules;

    @Inject
    Clocks clocks;

    @Inject
    AssignmentService assignments;

    @Inject
    Event<ItemCompleted> completed;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    People people;
    long lead;
    long late;
    long fresh;
    long indirect;
    long outsider;
    long finance;

    @BeforeEach
    void aTeam() {
        people = new People(service);
        finance = service.findByCode(Department.class, "finance").orElseThrow();
        lead = create("lead", null, "customer-support", "support-lead", 400);
        clocks.shift(Duration.ofDays(-60));
        late = create("late", "lead", "customer-support", "support-agent", 0);
        clocks.shift(Duration.ZERO);
        fresh = create("fresh", "lead", "customer-support", "support-agent", 0);
        indirect = create("indirect", "fresh", "finance", "accountant", 1);
        outsider = create("outsider", null, "customer-support", "support-agent", 60);
    }

    @AfterEach
    void backToTheRealTime() {
        clocks.shift(Duration.ZERO);
    }

    long create(String name, String manager, String department, String role, int daysAgo) {
        return people.create(NewPerson.named(name).department(department).role(role).startedOn(today().minusDays(daysAgo))
                .manager(manager == null ? null : people.email(manager)));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    TeamPage team(TeamQuery.Status status, TeamQuery.Sort sort, int page, int size) {
        return progress.team(People.manager(lead), new TeamQuery(status, null, null, sort, page, size));
    }

    static List<Long> ids(TeamPage page) {
        return page.rows().stream().map(TeamRow::personId).toList();
    }

    @Test
    void theOverviewShowsTheWholeReportingLineAndNobodyElse() {
        TeamPage all = team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 50);
        assertEquals(3, all.total());
        assertEquals(List.of(fresh, indirect, late), ids(all), "by name: Fresh, Indirect, Late");
        TeamRow lateRow = all.rows().get(2);
        assertEquals(16, lateRow.required(), "the support-agent curriculum");
        assertEquals(11, lateRow.overdue(), "60 days on, everything due before day 60 is overdue (not the day-60 items or the 90-day rotation)");
        assertEquals(today().minusDays(60 - 14), lateRow.shadowingDueOn(), "the first shadowing session, due in the first two weeks");
        assertEquals(0, lateRow.shadowingDone());

        assertEquals("error.forbidden", code(() -> progress.team(People.learner(late), TeamQuery.all())));
        assertEquals(0, progress.team(People.manager(outsider), TeamQuery.all()).total(), "nobody reports to the outsider");
    }

    @Test
    void filtersCountAndNarrowTheTeam() {
        TeamPage all = team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 50);
        assertEquals(1, all.counts().overdue(), "only Late has something overdue");
        assertEquals(List.of(late), ids(team(TeamQuery.Status.OVERDUE, TeamQuery.Sort.NAME, 0, 50)));
        assertEquals(List.of(fresh, indirect), ids(team(TeamQuery.Status.DUE_SOON, TeamQuery.Sort.NAME, 0, 50)), "first-week items");
        assertEquals(0, all.counts().complete());
        TeamPage financeOnly = progress.team(People.manager(lead), new TeamQuery(TeamQuery.Status.ALL, finance, null, null, 0, 50));
        assertEquals(List.of(indirect), ids(financeOnly));
    }

    @Test
    void sortingByProgressAndPagesAreStable() {
        modules.markRead(People.learner(fresh), "everyone-serves");
        modules.markRead(People.learner(fresh), "serving-colleagues");
        List<Long> byProgress = ids(team(TeamQuery.Status.ALL, TeamQuery.Sort.PROGRESS, 0, 50));
        assertEquals(fresh, byProgress.get(2), "the one who has done most comes last: " + byProgress);
        TeamPage first = team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 2);
        TeamPage second = team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 1, 2);
        assertEquals(List.of(fresh, indirect), ids(first));
        assertEquals(List.of(late), ids(second));
        assertEquals(2, first.pages());
        assertTrue(first.hasNext() && !second.hasNext());
    }

    @Test
    void aRefreshDueWithinThirtyDaysIsExpiringAndTheMatrixShowsEachItem() {
        modules.markRead(People.learner(fresh), "everyone-serves");
        assertEquals(0, team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 50).counts().expiring(), "the refresh is a year away");
        clocks.shift(Duration.ofDays(345));
        assertEquals(List.of(fresh), ids(team(TeamQuery.Status.EXPIRING, TeamQuery.Sort.NAME, 0, 50)), "eleven months on");
        clocks.shift(Duration.ZERO);

        Matrix matrix = progress.matrix(People.manager(lead));
        assertEquals(3, matrix.rows().size());
        assertTrue(matrix.columns().stream().anyMatch(c -> c.key().equals("MODULE:everyone-serves")));
        Matrix.Row lateRow = matrix.rows().stream().filter(r -> r.personId() == late).findFirst().orElseThrow();
        assertEquals(Matrix.Cell.OVERDUE, lateRow.cell("MODULE:everyone-serves"));
        Matrix.Row freshRow = matrix.rows().stream().filter(r -> r.personId() == fresh).findFirst().orElseThrow();
        assertEquals(Matrix.Cell.DONE, freshRow.cell("MODULE:everyone-serves"), "read; its refresh is a year away");
        assertEquals(Matrix.Cell.DUE_SOON, freshRow.cell("QUIZ:everyone-serves-quiz"), "due in a week");
        Matrix.Row indirectRow = matrix.rows().stream().filter(r -> r.personId() == indirect).findFirst().orElseThrow();
        assertEquals(Matrix.Cell.NONE, indirectRow.cell("MODULE:support-desk-craft"), "not an accountant's item");
        assertTrue(progress.matrix(People.manager(outsider)).rows().isEmpty());
    }

    @Test
    void theExportHasEveryRowOfTheViewInOrderAndIsAudited() {
        List<TeamRow> rows = new ArrayList<>();
        progress.export(People.manager(lead), new TeamQuery(TeamQuery.Status.ALL, null, null, TeamQuery.Sort.NAME, 0, 1), rows::add);
        assertEquals(List.of(fresh, indirect, late), rows.stream().map(TeamRow::personId).toList(), "all pages, not the first");
        assertEquals(team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 50).rows(), rows, "the same figures as the page");
        assertEquals("error.forbidden", code(() -> progress.export(People.learner(late), TeamQuery.all(), r -> { })));
        assertTrue(audit.forSubject("person", lead, 20).stream().anyMatch(e -> e.getAction().equals("export.team") && Long.valueOf(lead).equals(e.getActorId())),
                "who took the team's data out, in the audit log");
        progress.exportOrganisation(People.admin(outsider), TeamQuery.all(), r -> { });
        assertTrue(audit.forSubject("person", outsider, 20).stream().anyMatch(e -> e.getAction().equals("export.organisation")));
    }

    /**
     * The figures an overview and an export read from the progress summary (kept by each write) are the ones counted
     * from the person's assignments and completions, after every kind of write, today and on a later day.
     */
    @Test
    void theSummarysFiguresStayThoseOfTheAssignmentsThroughEveryWrite() {
        assertFiguresAreCounted("as created");
        assertEquals(1, assignments.assign(People.admin(lead), AssignmentService.Target.PERSON, fresh, Assignment.Kind.MODULE,
                "invoices-and-collections-calls", today().plusDays(20)));
        assertFiguresAreCounted("after a manual assignment");

        modules.markRead(People.learner(fresh), "everyone-serves");
        String guide = em.createQuery("select a.code from Assignment a where a.personId = :id and a.kind = :guide and a.status = :open",
                String.class).setParameter("id", late).setParameter("guide", Assignment.Kind.GUIDE)
                .setParameter("open", Assignment.Status.OPEN).getResultList().get(0);
        long version = ((Number) em.createNativeQuery("select current_version_id from content_item where kind = 'GUIDE' and code = ?1")
                .setParameter(1, guide).getSingleResult()).longValue();
        completed.fire(new ItemCompleted(late, Assignment.Kind.GUIDE, guide, version, Completion.How.SHADOWED, null));
        assertEquals(1, row(late).shadowingDone(), "the shadowing session counts");
        assertFiguresAreCounted("after a module read and a shadowing session");

        PersonDetails details = service.details(People.admin(lead), fresh);
        details.setJobRoleId(service.findByCode(org.everyoneserves.people.JobRole.class, "accountant").orElseThrow());
        service.update(People.admin(lead), fresh, details);
        assertFiguresAreCounted("after a change of job role (items withdrawn and added)");

        service.deactivate(People.admin(lead), late);
        OpenDueDates.Counts paused = OpenDueDates.counts(assignments.summary(late).orElseThrow().getOpenDue(), today(), today().plusDays(14),
                today().plusDays(30));
        assertEquals(OpenDueDates.Counts.NONE, paused, "a deactivated person's items are paused: nothing open");
        service.reactivate(People.admin(lead), late);
        assertFiguresAreCounted("after deactivation and reactivation");

        String file = "email,first_name,last_name,department,job_role,manager_email,start_date\n"
                + people.email("imported") + ",Imported,Person,Customer Support,Customer Support Agent," + people.email("lead") + ","
                + today().minusDays(30) + "\n";
        service.applyImport(People.admin(lead), file);
        assertEquals(4, team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 50).total(), "the imported person joined the team");
        assertFiguresAreCounted("after an import");
    }

    private TeamRow row(long personId) {
        return team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 50).rows().stream().filter(r -> r.personId() == personId).findFirst()
                .orElseThrow();
    }

    /** Every person of the team as the export shows them, against their figures counted from their rows; today and in 40 days. */
    private void assertFiguresAreCounted(String when) {
        for (Duration later : List.of(Duration.ZERO, Duration.ofDays(40))) {
            clocks.shift(later);
            List<TeamRow> rows = new ArrayList<>();
            progress.export(People.manager(lead), TeamQuery.all(), rows::add);
            assertTrue(rows.size() >= 3, when);
            for (TeamRow row : rows) {
                List<Object> shown = List.of(row.overdue(), row.dueSoon(), row.expiring(), String.valueOf(row.shadowingDueOn()), row.shadowingDone());
                assertEquals(counted(row.personId()), shown, row.name() + " " + when + ", " + later.toDays() + " days on");
                assertEquals(asMigrationV26WritesIt(row.personId()), assignments.summary(row.personId()).orElseThrow().getOpenDue(),
                        "the form V26 fills existing summaries with: " + row.name() + " " + when);
            }
        }
        clocks.shift(Duration.ZERO);
    }

    private String asMigrationV26WritesIt(long personId) {
        Object value = em.createNativeQuery("select group_concat(concat(a.due_on, if(a.reason = 'RECERTIFICATION', 'r', ''),"
                + " if(a.kind = 'GUIDE', 'g', '')) order by a.due_on, a.id separator ' ') from assignment a where a.person_id = ?1"
                + " and a.status = 'OPEN'").setParameter(1, personId).getSingleResult();
        return value == null ? null : value.toString();
    }

    /** Overdue, due soon, expiring, the next shadowing's due date and the shadowing sessions done, grouped from the tables. */
    private List<Object> counted(long personId) {
        LocalDate today = today();
        Object[] r = (Object[]) em.createNativeQuery("select coalesce(sum(a.due_on < ?1), 0), coalesce(sum(a.due_on between ?1 and ?2), 0),"
                        + " coalesce(sum(a.reason = 'RECERTIFICATION' and a.due_on between ?1 and ?3), 0),"
                        + " min(case when a.kind = 'GUIDE' then a.due_on end),"
                        + " (select count(*) from completion c where c.person_id = ?4 and c.kind = 'GUIDE')"
                        + " from assignment a where a.person_id = ?4 and a.status = 'OPEN'")
                .setParameter(1, java.sql.Date.valueOf(today)).setParameter(2, java.sql.Date.valueOf(today.plusDays(ProgressService.DUE_SOON_DAYS)))
                .setParameter(3, java.sql.Date.valueOf(today.plusDays(ProgressService.EXPIRING_DAYS))).setParameter(4, personId).getSingleResult();
        Object guideDue = r[3] instanceof java.sql.Date d ? d.toLocalDate() : r[3];
        return List.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), String.valueOf(guideDue),
                ((Number) r[4]).intValue());
    }
}
