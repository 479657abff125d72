package org.everyoneserves.quizzes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.everyoneserves.testing.Errors.code;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Plan;
import org.everyoneserves.assignments.PlanItem;

import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;

import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.JsonbResolver;
import org.everyoneserves.testing.AtOnce;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Assignments, reading and quizzes on MariaDB, as a support agent who joins today would meet them. */
@ExtendWith(ArquillianExtension.class)
class LearningIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(LearningIT.class, People.class, AtOnce.class);
    }

    @Inject
    PersonService service;

    @Inject
    Clock clock;

    @Inject
    AssignmentService assignments;

    @Inject
    ModuleService modules;

    @Inject
    QuizService quizzes;

    @Inject
    Catalog catalog;

    People people;
    long agent;
    Caller me;

    @BeforeEach
    void aSupportAgentJoins() {
        people = new People(service);
        PersonDetails details = people.details("agent", null);
        details.setJobRoleId(service.findByCode(JobRole.class, "support-agent").orElseThrow());
        details.setStartDate(LocalDate.now(clock).minusDays(2));
        agent = service.create(Caller.SYSTEM, details);
        me = People.learner(agent);
    }

    List<Assignment> live(long personId) {
        return assignments.assignments(Caller.SYSTEM, personId).stream().filter(Assignment::isLive).toList();
    }

    @Test
    void joiningGivesTheRolesCurriculumWithDueDatesFromTheStartDate() {
        List<Assignment> mine = live(agent);
        int items = curriculum("support-agent").items().size();
        assertEquals(itemsOf(curriculum("support-agent")), itemsOf(mine), "every item of the support-agent curriculum");
        Assignment first = mine.stream().filter(a -> a.getCode().equals("everyone-serves") && a.getKind() == Assignment.Kind.MODULE)
                .findFirst().orElseThrow();
        assertEquals(LocalDate.now(clock).minusDays(2).plusDays(7), first.getDueOn(), "due 7 days after the start date");
        assertEquals(Integer.valueOf(12), first.getRepeatMonths());
        Assignment firstSession = mine.stream().filter(a -> a.getCode().equals("shadowing-first-session")).findFirst().orElseThrow();
        assertEquals(LocalDate.now(clock).minusDays(2).plusDays(14), firstSession.getDueOn(), "the first shadowing session in the first two weeks");
        Assignment rotation = mine.stream().filter(a -> a.getCode().equals("shadowing-customer-support")).findFirst().orElseThrow();
        assertEquals(LocalDate.now(clock).plusDays(90), rotation.getDueOn(), "counted from the assignment");
        Plan plan = assignments.plan(me, agent);
        assertEquals(items, plan.required());
        assertEquals(0, plan.completed());
        assertEquals(items, plan.onboarding().total(), "all of it is onboarding");
    }

    @Test
    void aRoleChangeAddsTheNewRolesItemsWithdrawsTheOldOnesAndKeepsWhatWasDone() {
        modules.markRead(me, "everyone-serves");
        PersonDetails details = service.details(Caller.SYSTEM, agent);
        details.setJobRoleId(service.findByCode(JobRole.class, "accountant").orElseThrow());
        service.update(Caller.SYSTEM, agent, details);

        List<Assignment> all = assignments.assignments(Caller.SYSTEM, agent);
        assertTrue(all.stream().anyMatch(a -> a.isLive() && a.getCode().equals("invoices-and-collections-calls")),
                "the accountant's department module: " + all.stream().map(Assignment::getCode).toList());
        assertTrue(all.stream().noneMatch(a -> a.isLive() && a.getCode().equals("support-desk-craft")), "the support module is withdrawn");
        assertTrue(all.stream().anyMatch(a -> a.getCode().equals("support-desk-craft") && a.getStatus() == Assignment.Status.WITHDRAWN),
                "withdrawn, not deleted");
        assertTrue(all.stream().anyMatch(a -> a.getCode().equals("everyone-serves") && a.getKind() == Assignment.Kind.MODULE
                && a.getStatus() == Assignment.Status.DONE), "the foundation module stays done");
        assertEquals(1, all.stream().filter(a -> a.getCode().equals("everyone-serves") && a.getKind() == Assignment.Kind.MODULE
                && a.getReason() != Assignment.Reason.RECERTIFICATION && a.getStatus() != Assignment.Status.WITHDRAWN).count(),
                "nobody has to read it again for the new role");
    }

    static List<String> itemsOf(Definitions.Curriculum curriculum) {
        return curriculum.items().stream().map(i -> (i.target().equals("shadowing") ? "GUIDE" : i.target().toUpperCase()) + ":" + i.id())
                .sorted().toList();
    }

    static List<String> itemsOf(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.getKind() + ":" + a.getCode()).sorted().toList();
    }

    Definitions.Curriculum curriculum(String role) {
        return catalog.curriculum(role).orElseThrow().definition();
    }

    @Test
    void aRoleWithoutACurriculumOfItsOwnGetsTheDefaultOneUntilItHasOne() {
        long admin = people.create("organiser", null);
        String code = "it-new-role-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        JobRole role = service.createJobRole(People.admin(admin), new JobRole(code, "New role " + code, null), null);
        PersonDetails details = people.details("newcomer", null);
        details.setJobRoleId(role.getId());
        details.setStartDate(LocalDate.now(clock));
        long newcomer = service.create(Caller.SYSTEM, details);

        Definitions.Curriculum fallback = curriculum(Definitions.Curriculum.DEFAULT_ROLE);
        assertEquals(itemsOf(fallback), itemsOf(live(newcomer)), "a new role in the HR feed gets the default curriculum");
        Assignment firstSession = live(newcomer).stream().filter(a -> a.getKind() == Assignment.Kind.GUIDE).findFirst().orElseThrow();
        assertEquals(LocalDate.now(clock).plusDays(14), firstSession.getDueOn(), "a first shadowing session within two weeks of the start");

        details = service.details(Caller.SYSTEM, newcomer);
        details.setJobRoleId(service.findByCode(JobRole.class, "support-agent").orElseThrow());
        service.update(Caller.SYSTEM, newcomer, details);
        assertEquals(itemsOf(curriculum("support-agent")), itemsOf(live(newcomer)), "a role with its own curriculum gets only that");
    }

    @Test
    void readingCompletesTheModuleCountsAtOnceAndSchedulesTheYearlyRefresh() {
        modules.markRead(me, "everyone-serves");
        List<Assignment> all = assignments.assignments(Caller.SYSTEM, agent);
        Assignment done = all.stream().filter(a -> a.getCode().equals("everyone-serves") && a.getKind() == Assignment.Kind.MODULE
                && a.getStatus() == Assignment.Status.DONE).findFirst().orElseThrow();
        assertEquals(catalog.getModule("everyone-serves").versionId(), done.getCompletedVersionId(),
                "done against the version read");
        Assignment next = all.stream().filter(a -> a.getCode().equals("everyone-serves") && a.getKind() == Assignment.Kind.MODULE && a.isLive())
                .findFirst().orElseThrow();
        assertEquals(Assignment.Reason.RECERTIFICATION, next.getReason());
        assertEquals(LocalDate.now(clock).plusMonths(12), next.getDueOn());
        Plan plan = assignments.plan(me, agent);
        assertEquals(1, plan.completed(), "the summary counts it at once");
        assertTrue(plan.upcoming().stream().anyMatch(i -> i.code().equals("everyone-serves")), "the refresh is shown as coming up");
        assertTrue(plan.toDo().stream().noneMatch(i -> i.code().equals("everyone-serves") && i.kind() == Assignment.Kind.MODULE));
        assertTrue(modules.module(me, "everyone-serves").readOn() != null);
    }

    @Test
    void theAnswerKeyNeverReachesTheLearnerBeforeSubmitting() {
        long attempt = quizzes.start(me, "everyone-serves-quiz");
        QuizService.AttemptView view = quizzes.attempt(me, attempt);
        assertEquals(6, view.questions().size(), "a pool of 6");
        String json = JsonbResolver.shared().toJson(view);
        assertFalse(json.contains("\"correct\""), json);
        assertFalse(json.contains("\"feedback\""), json);
        assertFalse(json.contains("\"explanation\""), json);
        assertFalse(json.contains("\"answer\""), json);
        assertThrows(BusinessException.class, () -> quizzes.result(me, attempt), "no result before submitting");
        assertEquals(attempt, quizzes.start(me, "everyone-serves-quiz"), "starting again continues the open attempt");
    }

    @Test
    void failingThenPassingCompletesTheQuizAndTheAttemptsAreCounted() {
        Definitions.Quiz quiz = catalog.getQuiz("everyone-serves-quiz").definition();
        long first = quizzes.start(me, "everyone-serves-quiz");
        quizzes.submit(me, first, answers(quiz, quizzes.attempt(me, first), false));
        QuizService.ResultView failed = quizzes.result(me, first);
        assertFalse(failed.passed());
        assertEquals(0, failed.percent());
        assertFalse(failed.review().isEmpty(), "what to review");
        assertEquals(Integer.valueOf(2), failed.attemptsLeft());
        assertTrue(failed.canRetry());
        assertTrue(assignments.liveAssignment(agent, Assignment.Kind.QUIZ, "everyone-serves-quiz").isPresent(), "a fail completes nothing");

        long second = quizzes.start(me, "everyone-serves-quiz");
        assertNotEquals(first, second);
        quizzes.submit(me, second, answers(quiz, quizzes.attempt(me, second), true));
        QuizService.ResultView passed = quizzes.result(me, second);
        assertTrue(passed.passed());
        assertEquals(100, passed.percent());
        assertTrue(passed.questions().stream().allMatch(QuizService.ResultQuestion::correct));
        Assignment quizAssignment = assignments.liveAssignment(agent, Assignment.Kind.QUIZ, "everyone-serves-quiz").orElseThrow();
        assertEquals(Assignment.Reason.RECERTIFICATION, quizAssignment.getReason(), "done; what is left is next year's refresh");

        BusinessException again = assertThrows(BusinessException.class, () -> quizzes.submit(me, second, List.of()));
        assertEquals("quizzes.error.alreadySubmitted", again.code());
        assertEquals(100, quizzes.result(me, second).percent(), "a second submission changed nothing");
    }

    @Test
    void twoSubmissionsAtOnceScoreOnce() throws Exception {
        long attempt = quizzes.start(me, "everyone-serves-quiz");
        Definitions.Quiz quiz = catalog.getQuiz("everyone-serves-quiz").definition();
        List<Answer> right = answers(quiz, quizzes.attempt(me, attempt), true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<String> submit = () -> {
                    go.await();
                    try {
                        quizzes.submit(me, attempt, right);
                        return "ok";
                    } catch (BusinessException e) {
                        return e.code();
                    }
                };
                results.add(pool.submit(submit));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
            assertEquals(1, outcomes.stream().filter("quizzes.error.alreadySubmitted"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        long completions = assignments.completions(Caller.SYSTEM, agent).stream().filter(c -> c.getCode().equals("everyone-serves-quiz")).count();
        assertEquals(1, completions, "completed once");
    }

    /** The page's background save racing its Save button (and a second device): every save answers, none fails. */
    @Test
    void savesOfOneAttemptAtOnceAllSucceed() throws Exception {
        long attempt = quizzes.start(me, "everyone-serves-quiz");
        Definitions.Quiz quiz = catalog.getQuiz("everyone-serves-quiz").definition();
        List<Answer> right = answers(quiz, quizzes.attempt(me, attempt), true);
        List<String> outcomes = AtOnce.run(() -> {
            quizzes.save(me, attempt, right);
            return "saved";
        });
        assertEquals(AtOnce.TIMES, outcomes.stream().filter("saved"::equals).count(), outcomes.toString());
        assertEquals(100, quizzes.result(me, quizzes.submit(me, attempt, List.of())).percent(), "the saved answers are the attempt's");
    }

    @Test
    void anotherLearnersAttemptIsNotFoundAndUnshownQuestionsAreRefused() {
        long attempt = quizzes.start(me, "everyone-serves-quiz");
        long other = people.create("other", null);
        Caller them = People.learner(other);
        assertEquals("error.notFound", code(() -> quizzes.attempt(them, attempt)));
        assertThrows(BusinessException.class, () -> quizzes.save(them, attempt, List.of()));
        assertThrows(BusinessException.class, () -> quizzes.submit(them, attempt, List.of()));
        BusinessException notShown = assertThrows(BusinessException.class,
                () -> quizzes.save(me, attempt, List.of(Answer.picked("no-such-question", 0))));
        assertEquals("quizzes.error.notShown", notShown.code());
        String shownId = quizzes.attempt(me, attempt).questions().get(0).id();
        BusinessException outOfRange = assertThrows(BusinessException.class, () -> quizzes.save(me, attempt, List.of(Answer.picked(shownId, 99))));
        assertEquals(Answer.INVALID, outOfRange.code());
        assertTrue(quizzes.attempt(me, attempt).questions().get(0).saved() == null, "nothing was saved");
    }

    @Test
    void aMaterialChangeAsksTheHoldersToReadAgainAndAPausedPersonKeepsTheirItems() {
        modules.markRead(me, "why-service-pays");
        assertTrue(assignments.liveAssignment(agent, Assignment.Kind.MODULE, "why-service-pays").isEmpty());
        long version = catalog.getModule("why-service-pays").versionId();
        assignmentsReactTo(new org.everyoneserves.content.ContentChangedMaterially(org.everyoneserves.content.CatalogItem.Kind.MODULE, "why-service-pays", version, 2));
        Assignment again = assignments.liveAssignment(agent, Assignment.Kind.MODULE, "why-service-pays").orElseThrow();
        assertEquals(Assignment.Reason.CONTENT_CHANGED, again.getReason());
        assertEquals(LocalDate.now(clock).plusDays(30), again.getDueOn());

        service.deactivate(Caller.SYSTEM, agent);
        assertTrue(live(agent).stream().allMatch(a -> a.getStatus() == Assignment.Status.PAUSED));
        service.reactivate(Caller.SYSTEM, agent);
        assertTrue(live(agent).stream().allMatch(a -> a.getStatus() == Assignment.Status.OPEN));
        assertEquals(curriculum("support-agent").items().size(), live(agent).size());
    }

    @Test
    void finishingEveryItemOfTheRoleGivesACertificateOnlyThePersonAndTheirManagersSee() {
        for (Assignment a : live(agent)) {
            switch (a.getKind()) {
                case MODULE -> modules.markRead(me, a.getCode());
                case QUIZ -> {
                    Definitions.Quiz quiz = catalog.getQuiz(a.getCode()).definition();
                    long attempt = quizzes.start(me, a.getCode());
                    quizzes.submit(me, attempt, answers(quiz, quizzes.attempt(me, attempt), true));
                }
                default -> { }
            }
        }
        assertTrue(assignments.certificate(me, agent).isEmpty(), "the shadowing sessions are still owed");

        for (String guide : List.of("shadowing-first-session", "shadowing-customer-support")) {
            long guideVersion = catalog.getGuide(guide).versionId();
            inTransaction(() -> completed.fire(new org.everyoneserves.assignments.ItemCompleted(agent, Assignment.Kind.GUIDE,
                    guide, guideVersion, org.everyoneserves.assignments.Completion.How.SHADOWED, null)));
        }
        org.everyoneserves.assignments.Certificate certificate = assignments.certificate(me, agent).orElseThrow();
        assertEquals(curriculum("support-agent").items().size(), certificate.items().size(),
                "every item of the curriculum, each with its version");
        assertEquals("support-agent", certificate.roleCode());
        assertTrue(certificate.items().stream().allMatch(l -> l.version() >= 1));
        assertEquals(certificate.number(), assignments.certificate(Caller.SYSTEM, agent).orElseThrow().number(), "a stable number");
        assertTrue(assignments.plan(me, agent).toDo().isEmpty());

        long other = people.create("bystander", null);
        assertEquals("error.notFound", code(() -> assignments.certificate(People.learner(other), agent)));
    }

    @Test
    void anAdminAssignsAnItemByHandOnceAndOnlyWithADueDateAhead() {
        long admin = people.create("assigner", null);
        LocalDate due = LocalDate.now(clock).plusDays(10);
        assertEquals(1, assignments.assign(People.admin(admin), AssignmentService.Target.PERSON, agent, Assignment.Kind.MODULE,
                "invoices-and-collections-calls", due));
        Assignment manual = assignments.liveAssignment(agent, Assignment.Kind.MODULE, "invoices-and-collections-calls").orElseThrow();
        assertEquals(due, manual.getDueOn());
        assertEquals(Assignment.Reason.MANUAL, manual.getReason());
        int items = curriculum("support-agent").items().size();
        assertEquals(items + 1, assignments.plan(me, agent).required(), "counts in the plan at once");
        assertEquals(0, assignments.assign(People.admin(admin), AssignmentService.Target.PERSON, agent, Assignment.Kind.MODULE,
                "invoices-and-collections-calls", due), "nobody gets the same open item twice");

        assertEquals("error.forbidden", code(() -> assignments.assign(me, AssignmentService.Target.PERSON, agent, Assignment.Kind.MODULE,
                "why-service-pays", due)), "a learner cannot assign");
        assertEquals("assign.error.pastDue", code(() -> assignments.assign(People.admin(admin), AssignmentService.Target.PERSON, agent,
                Assignment.Kind.MODULE, "why-service-pays", LocalDate.now(clock).minusDays(1))));
        assertEquals("assign.error.unknownItem", code(() -> assignments.assign(People.admin(admin), AssignmentService.Target.PERSON, agent,
                Assignment.Kind.MODULE, "no-such-module", due)));
        assertEquals(items + 1, live(agent).size(), "refusals changed nothing");
    }

    @Inject
    jakarta.enterprise.event.Event<org.everyoneserves.assignments.ItemCompleted> completed;

    @Inject
    jakarta.enterprise.event.Event<org.everyoneserves.content.ContentChangedMaterially> material;

    @Inject
    jakarta.transaction.UserTransaction tx;

    void assignmentsReactTo(org.everyoneserves.content.ContentChangedMaterially event) {
        inTransaction(() -> material.fire(event));
    }

    void inTransaction(Runnable work) {
        try {
            tx.begin();
            work.run();
            tx.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    /** The right (or a wrong) answer to every question shown, as the learner's pages would send it. */
    static List<Answer> answers(Definitions.Quiz quiz, QuizService.AttemptView view, boolean right) {
        return AnswerSheets.of(quiz, view, right);
    }

    /** Twelve admins assign the same item to the same person at once: one live assignment, the others are told to retry. */
    @Test
    void twelveAssignmentsOfOneItemAtOnceMakeOne() throws Exception {
        long admin = people.create("racer", null);
        LocalDate due = LocalDate.now(clock).plusDays(10);
        List<String> outcomes = AtOnce.run(() -> {
            try {
                return "assigned " + assignments.assign(People.admin(admin), AssignmentService.Target.PERSON, agent, Assignment.Kind.MODULE,
                        "invoices-and-collections-calls", due);
            } catch (BusinessException e) {
                return e.code();
            }
        });
        assertEquals(1, outcomes.stream().filter("assigned 1"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(o -> o.equals("assigned 1") || o.equals("assigned 0") || o.equals("assign.error.concurrent")),
                outcomes.toString());
        assertEquals(1, live(agent).stream().filter(a -> a.getCode().equals("invoices-and-collections-calls")).count());
    }
}
