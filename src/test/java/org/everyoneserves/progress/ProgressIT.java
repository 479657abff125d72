package org.everyoneserves.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.everyoneserves.testing.Errors.code;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The manager's team overview on MariaDB: the reporting line only, filters, sorting, pages and the export. */
@ExtendWith(ArquillianExtension.class)
class ProgressIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(ProgressIT.class, People.class);
    }

    @Inject
    PersonService service;

    @Inject
    ProgressService progress;

    @Inject
    ModuleService modules;

    People people;
    long lead;
    long late;
    long fresh;
    long indirect;
    long outsider;
    long support;
    long finance;

    @BeforeEach
    void aTeam() {
        people = new People(service);
        support = service.findByCode(Department.class, "customer-support").orElseThrow();
        finance = service.findByCode(Department.class, "finance").orElseThrow();
        lead = create("lead", null, support, "support-lead", 400);
        late = create("late", "lead", support, "support-agent", 60);
        fresh = create("fresh", "lead", support, "support-agent", 0);
        indirect = create("indirect", "fresh", finance, "accountant", 1);
        outsider = create("outsider", null, support, "support-agent", 60);
        daysPass(late, 60);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    /**
     * Time passes for one person: their open items fall due that many days earlier, as if they had been assigned
     * then, and their summary's next due date follows (as the assignment events would have kept it).
     */
    void daysPass(long personId, int days) {
        try {
            tx.begin();
            em.createNativeQuery("update assignment set due_on = due_on - interval " + days + " day where person_id = ?1 and status = 'OPEN'")
                    .setParameter(1, personId).executeUpdate();
            em.createNativeQuery("update progress_summary set next_due_on = (select min(due_on) from assignment where person_id = ?1"
                    + " and status = 'OPEN') where person_id = ?1").setParameter(1, personId).executeUpdate();
            tx.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long create(String name, String manager, long department, String role, int daysAgo) {
        PersonDetails details = people.details(name, manager);
        details.setDepartmentId(department);
        details.setJobRoleId(service.findByCode(JobRole.class, role).orElseThrow());
        details.setStartDate(LocalDate.now().minusDays(daysAgo));
        return service.create(Caller.SYSTEM, details);
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
        assertEquals(LocalDate.now().minusDays(60 - 14), lateRow.shadowingDueOn(), "the first shadowing session, due in the first two weeks");
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
        try {
            tx.begin();
            em.createNativeQuery("update assignment set due_on = ?1 where person_id = ?2 and status = 'OPEN' and reason = 'RECERTIFICATION'")
                    .setParameter(1, LocalDate.now().plusDays(20)).setParameter(2, fresh).executeUpdate();
            em.createNativeQuery("update progress_summary set next_refresh_on = ?1 where person_id = ?2")
                    .setParameter(1, LocalDate.now().plusDays(20)).setParameter(2, fresh).executeUpdate();
            tx.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(List.of(fresh), ids(team(TeamQuery.Status.EXPIRING, TeamQuery.Sort.NAME, 0, 50)), "eleven months on");

        Matrix matrix = progress.matrix(People.manager(lead));
        assertEquals(3, matrix.rows().size());
        assertTrue(matrix.columns().stream().anyMatch(c -> c.key().equals("MODULE:everyone-serves")));
        Matrix.Row lateRow = matrix.rows().stream().filter(r -> r.personId() == late).findFirst().orElseThrow();
        assertEquals(Matrix.Cell.OVERDUE, lateRow.cell("MODULE:everyone-serves"));
        Matrix.Row freshRow = matrix.rows().stream().filter(r -> r.personId() == fresh).findFirst().orElseThrow();
        assertEquals(Matrix.Cell.DONE, freshRow.cell("MODULE:everyone-serves"), "read; its refresh is 20 days away");
        assertEquals(Matrix.Cell.DUE_SOON, freshRow.cell("QUIZ:everyone-serves-quiz"), "due in a week");
        Matrix.Row indirectRow = matrix.rows().stream().filter(r -> r.personId() == indirect).findFirst().orElseThrow();
        assertEquals(Matrix.Cell.NONE, indirectRow.cell("MODULE:support-desk-craft"), "not an accountant's item");
        assertTrue(progress.matrix(People.manager(outsider)).rows().isEmpty());
    }

    @Test
    void theExportHasEveryRowOfTheViewInOrder() {
        List<TeamRow> rows = new ArrayList<>();
        progress.export(People.manager(lead), new TeamQuery(TeamQuery.Status.ALL, null, null, TeamQuery.Sort.NAME, 0, 1), rows::add);
        assertEquals(List.of(fresh, indirect, late), rows.stream().map(TeamRow::personId).toList(), "all pages, not the first");
        assertEquals(team(TeamQuery.Status.ALL, TeamQuery.Sort.NAME, 0, 50).rows(), rows, "the same figures as the page");
        assertEquals("error.forbidden", code(() -> progress.export(People.learner(late), TeamQuery.all(), r -> { })));
    }

}
