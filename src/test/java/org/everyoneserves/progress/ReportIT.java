package org.everyoneserves.progress;

import static org.everyoneserves.testing.Errors.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;

import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.quizzes.AnswerSheets;
import org.everyoneserves.quizzes.QuizService;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin reports agree with counts taken straight from the raw tables, and move as people learn. */
@ExtendWith(ArquillianExtension.class)
class ReportIT {

    /** A curriculum quiz: the GIFT quiz that no curriculum assigns is ItemAnalysisIT's, whose figures start from none. */
    static final String QUIZ = "why-service-pays-quiz";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(ReportIT.class, People.class);
    }

    @Inject
    ReportService reports;

    @Inject
    Clock clock;

    @Inject
    PersonService service;

    @Inject
    ModuleService modules;

    @Inject
    QuizService quizzes;

    @Inject
    Catalog catalog;

    @PersistenceContext
    EntityManager em;

    static final Caller ADMIN = People.admin(0);

    long raw(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Test
    void departmentFiguresEqualTheRawData() {
        ReportService.OrganisationReport report = reports.organisation(ADMIN);
        for (ReportService.GroupRow row : report.departments()) {
            if (row.name().equals("–")) {
                continue;
            }
            assertEquals(raw("select count(*) from person p join department d on d.id = p.department_id where p.active = true and d.name = ?1",
                    row.name()), row.people(), row.name());
            assertEquals(raw("select count(*) from person p join department d on d.id = p.department_id where p.active = true and d.name = ?1"
                    + " and exists (select 1 from assignment a where a.person_id = p.id and a.status = 'OPEN' and a.due_on < ?2)",
                    row.name(), LocalDate.now(clock)), row.overduePeople(), "overdue in " + row.name());
        }
        assertEquals(raw("select count(*) from person where active = true"), report.departments().stream().mapToLong(ReportService.GroupRow::people).sum());
        assertEquals(12, report.months().size());
        assertEquals("error.forbidden", code(() -> reports.organisation(People.manager(1))));
    }

    @Test
    void completionsAndQuizStatisticsCountAsTheyHappen() {
        People people = new People(service);
        PersonDetails details = people.details("reported", null);
        details.setDepartmentId(service.findByCode(Department.class, "finance").orElseThrow());
        details.setJobRoleId(service.findByCode(JobRole.class, "accountant").orElseThrow());
        details.setStartDate(LocalDate.now(clock));
        long person = service.create(Caller.SYSTEM, details);
        Caller me = People.learner(person);

        long monthBefore = thisMonth();
        long[] quizBefore = quizStats();
        long missedBefore = raw("select coalesce(sum(missed), 0) from question_stats where quiz_code = ?1", QUIZ);

        modules.markRead(me, "why-service-pays");
        Definitions.Quiz quiz = catalog.getQuiz(QUIZ).definition();
        long first = quizzes.start(me, QUIZ);
        int shown = quizzes.attempt(me, first).questions().size();
        quizzes.submit(me, first, AnswerSheets.of(quiz, quizzes.attempt(me, first), false));
        long second = quizzes.start(me, QUIZ);
        quizzes.submit(me, second, AnswerSheets.of(quiz, quizzes.attempt(me, second), true));

        assertEquals(monthBefore + 2, thisMonth(), "the module read and the quiz passed count this month");
        long[] quizAfter = quizStats();
        assertEquals(quizBefore[0] + 2, quizAfter[0], "submitted");
        assertEquals(quizBefore[1] + 1, quizAfter[1], "passed");
        assertEquals(quizBefore[2] + 1, quizAfter[2], "first attempts");
        assertEquals(quizBefore[3], quizAfter[3], "first attempts passed");
        assertEquals(missedBefore + shown, raw("select coalesce(sum(missed), 0) from question_stats where quiz_code = ?1", QUIZ),
                "every question of the failed attempt was missed, none of the passed one");
        List<ReportService.QuizRate> lowest = reports.organisation(ADMIN).lowestPassRates();
        assertFalse(lowest.isEmpty());
        for (int i = 0; i < lowest.size(); i++) {
            ReportService.QuizRate rate = lowest.get(i);
            assertEquals(raw("select first_submitted from quiz_stats where quiz_code = ?1", rate.code()), rate.firstSubmitted(), rate.code());
            assertEquals(raw("select first_passed from quiz_stats where quiz_code = ?1", rate.code()), rate.firstPassed(), rate.code());
            assertTrue(i == 0 || (double) lowest.get(i - 1).firstPassed() / lowest.get(i - 1).firstSubmitted()
                    <= (double) rate.firstPassed() / rate.firstSubmitted(), "lowest first-attempt pass rate first");
        }
        String rateOfQuiz = "(select first_passed / first_submitted from quiz_stats where quiz_code = ?1)";
        long lower = raw("select count(*) from quiz_stats where first_submitted > 0 and first_passed / first_submitted < " + rateOfQuiz, QUIZ);
        long notHigher = raw("select count(*) from quiz_stats where first_submitted > 0 and first_passed / first_submitted <= " + rateOfQuiz,
                QUIZ);
        boolean listed = lowest.stream().anyMatch(q -> q.code().equals(QUIZ));
        assertTrue(!listed || lower < lowest.size(), "listed only when fewer quizzes than the list holds pass less often");
        assertTrue(listed || notHigher > lowest.size(), "left out only when the list is full of quizzes passed no more often");

        reports.rebuildCompletionMonths();
        assertEquals(raw("select count(*) from completion where completed_at >= ?1", java.sql.Date.valueOf(YearMonth.now().atDay(1))),
                thisMonth(), "the rebuilt month equals the raw completions");
    }

    long thisMonth() {
        return raw("select coalesce(sum(completions), 0) from completion_month where month = ?1", java.sql.Date.valueOf(YearMonth.now().atDay(1)));
    }

    long[] quizStats() {
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Object[]>) em.createNativeQuery("select submitted, passed, first_submitted, first_passed from quiz_stats"
                + " where quiz_code = ?1").setParameter(1, QUIZ).getResultList();
        if (rows.isEmpty()) {
            return new long[4];
        }
        Object[] r = rows.get(0);
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()};
    }
}
