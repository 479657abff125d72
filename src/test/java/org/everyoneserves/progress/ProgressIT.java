package org.everyoneserves.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.everyoneserves.testing.Errors.code;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.everyoneserves.modules.ModuleService;
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

}
