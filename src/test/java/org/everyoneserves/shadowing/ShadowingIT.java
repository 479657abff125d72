package org.everyoneserves.shadowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.everyoneserves.testing.Errors.code;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.progress.ShadowingReport;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.Clocks;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shadowing on MariaDB: engineers shadow a support agent. Booking, moving and cancelling seats, the last seat
 * under concurrency, completion on confirmation plus reflection, cadence, and who may see and change what.
 */
@ExtendWith(ArquillianExtension.class)
class ShadowingIT {

    static final String GUIDE = "shadowing-engineering";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(ShadowingIT.class, People.class);
    }

    @Inject
    PersonService service;

    @Inject
    ShadowingService shadowing;

    @Inject
    ShadowingReport report;

    @Inject
    AssignmentService assignments;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clocks clocks;

    @Inject
    Clock clock;

    People people;
    long engineeringLead;
    long supportLead;
    long host;
    long ada;
    long ben;
    long outsider;
    long engineering;

    @BeforeEach
    void engineersAndASupportAgent() {
        people = new People(service);
        engineering = service.findByCode(Department.class, "engineering").orElseThrow();
        long support = service.findByCode(Department.class, "customer-support").orElseThrow();
        engineeringLead = create("englead", null, engineering, "people-manager");
        supportLead = create("suplead", null, support, "support-lead");
        host = create("host", "suplead", support, "support-agent");
        ada = create("ada", "englead", engineering, "software-engineer");
        ben = create("ben", "englead", engineering, "software-engineer");
        outsider = create("outsider", null, engineering, "software-engineer");
    }

    long create(String name, String manager, long department, String role) {
        PersonDetails details = people.details(name, manager);
        details.setDepartmentId(department);
        details.setJobRoleId(service.findByCode(JobRole.class, role).orElseThrow());
        return service.create(Caller.SYSTEM, details);
    }

    long slot(int capacity) {
        return shadowing.publish(People.learner(host), clock.instant().plus(Duration.ofDays(3)), 120, "Support desk, 2nd floor", capacity);
    }

    /** Time passes on this deployment's clock until the slot's session started an hour ago. */
    void sessionHappened(long slotId) {
        Instant startsAt = em.find(Slot.class, slotId).getStartsAt();
        clocks.shift(clocks.offset().plus(Duration.between(clock.instant(), startsAt)).plusHours(1));
    }

    @AfterEach
    void backToTheRealTime() {
        clocks.shift(Duration.ZERO);
    }


    List<String> answers() {
        return List.of("They answer the phone within three rings and read the customer's history first.",
                "Fewer transfers: two calls went to engineering and came back without an answer.",
                "Our error messages could say what to do next, so the agent does not have to guess.",
                "An outage note in plain words, sent to support before customers ring.");
    }

    @Test
    void onlyPeopleInAHostRoleMayPublishAndOnlyInTheFuture() {
        assertTrue(shadowing.mayHost(People.learner(host)));
        assertFalse(shadowing.mayHost(People.learner(ada)), "engineers are not a host role of any guide");
        assertEquals("error.forbidden", code(() -> shadowing.publish(People.learner(ada), clock.instant().plusSeconds(3600), 60, "Desk", 1)));
        assertEquals("shadowing.error.slotInPast", code(() -> shadowing.publish(People.learner(host), clock.instant().minusSeconds(60), 60, "Desk", 1)));
        assertEquals("shadowing.error.capacity", code(() -> shadowing.publish(People.learner(host), clock.instant().plusSeconds(3600), 60, "Desk", 0)));
        assertEquals("shadowing.error.place", code(() -> shadowing.publish(People.learner(host), clock.instant().plusSeconds(3600), 60, " ", 1)));
    }

    @Test
    void twoPeopleBookingTheLastSeatAtOnceOneWins() throws Exception {
        long slot = slot(1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = new ArrayList<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (long person : List.of(ada, ben)) {
                Callable<String> book = () -> {
                    go.await();
                    try {
                        shadowing.book(People.learner(person), GUIDE, slot);
                        return "booked";
                    } catch (BusinessException e) {
                        return e.code();
                    }
                };
                results.add(pool.submit(book));
            }
            go.countDown();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, outcomes.stream().filter("booked"::equals).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter("shadowing.error.full"::equals).count(), outcomes.toString());
        ShadowingService.HostedSlot hosted = shadowing.hosting(People.learner(host)).stream().filter(h -> h.slot().id() == slot).findFirst()
                .orElseThrow();
        assertEquals(0, hosted.slot().seatsLeft());
        assertEquals(1, hosted.guests().size(), "the host sees exactly one shadow coming");
    }

    @Test
    void aShadowMovesAndCancelsBeforeTheStartAndSeatsFollow() throws Exception {
        long first = slot(1);
        long second = slot(2);
        long booking = shadowing.book(People.learner(ada), GUIDE, first);
        assertEquals("shadowing.error.alreadyBooked", code(() -> shadowing.book(People.learner(ada), GUIDE, second)), "one seat per guide");
        assertEquals("shadowing.error.full", code(() -> shadowing.book(People.learner(ben), GUIDE, first)));

        shadowing.move(People.learner(ada), booking, second);
        assertEquals(second, shadowing.guide(People.learner(ada), GUIDE).booking().slot().id());
        shadowing.book(People.learner(ben), GUIDE, first);
        assertEquals(0, seatsLeft(first), "the seat Ada left is free again");
        assertEquals(1, seatsLeft(second));

        assertEquals("error.notFound", code(() -> shadowing.cancel(People.learner(ben), booking)), "nobody cancels someone else's seat");
        shadowing.cancel(People.learner(ada), booking);
        assertEquals(2, seatsLeft(second));
        assertNull(shadowing.guide(People.learner(ada), GUIDE).booking());

        long late = shadowing.book(People.learner(ada), GUIDE, second);
        sessionHappened(second);
        assertEquals("shadowing.error.slotStarted", code(() -> shadowing.cancel(People.learner(ada), late)));
        assertEquals("shadowing.error.slotStarted", code(() -> shadowing.move(People.learner(ada), late, first)));
    }

    @Test
    void aHostCancelsASlotAndTheShadowIsToldAndCanBookAgain() {
        long slot = slot(2);
        shadowing.book(People.learner(ada), GUIDE, slot);
        assertEquals("error.notFound", code(() -> shadowing.cancelSlot(People.learner(ben), slot)), "only the host");
        shadowing.cancelSlot(People.learner(host), slot);
        assertNull(shadowing.guide(People.learner(ada), GUIDE).booking(), "the booking is released");
        assertTrue(shadowing.guide(People.learner(ada), GUIDE).slots().stream().noneMatch(s -> s.id() == slot), "and the slot is gone");
        List<org.everyoneserves.notifications.Notification> told = notifications.mine(People.learner(ada), 20).stream()
                .filter(n -> n.getKind() == org.everyoneserves.notifications.Notification.Kind.SESSION_CANCELLED).toList();
        assertEquals(1, told.size(), "the shadow is told");
        assertTrue(told.get(0).getBody().contains("Host Test"), told.get(0).getBody());
        assertEquals("shadowing.error.slotCancelled", code(() -> shadowing.cancelSlot(People.learner(host), slot)));
        long other = slot(1);
        assertEquals(other, shadowing.guide(People.learner(ada), GUIDE).slots().stream().filter(s -> s.id() == other).findFirst()
                .orElseThrow().id());
        shadowing.book(People.learner(ada), GUIDE, other);
    }

    @Inject
    org.everyoneserves.notifications.NotificationService notifications;

    int seatsLeft(long slotId) {
        return shadowing.hosting(People.learner(host)).stream().filter(h -> h.slot().id() == slotId).findFirst().orElseThrow().slot().seatsLeft();
    }

    @Test
    void confirmationPlusReflectionCompletesTheGuideAndTheNextOneIsAssigned() throws Exception {
        long slot = slot(2);
        long booking = shadowing.book(People.learner(ada), GUIDE, slot);
        assertEquals("shadowing.error.notStarted", code(() -> shadowing.confirm(People.learner(host), booking, true, null, null)));
        sessionHappened(slot);

        assertEquals("error.notFound", code(() -> shadowing.confirm(People.learner(ben), booking, true, null, null)), "only the host confirms");
        assertEquals("error.notFound", code(() -> shadowing.confirm(new Caller(supportLead, true, true), booking, true, null, null)),
                "not even the host's manager or an admin");
        shadowing.confirm(People.learner(host), booking, true, "Asked good questions about the billing screen.", 5);
        assertTrue(assignments.liveAssignment(ada, Assignment.Kind.GUIDE, GUIDE).orElseThrow().getReason() != Assignment.Reason.RECERTIFICATION,
                "confirmation alone does not complete it");

        assertEquals("shadowing.error.answerMissing", code(() -> shadowing.reflect(People.learner(ada), booking, List.of("only one"), "x",
                Set.of(), List.of())));
        ShadowingReport.Themes before = report.themes(People.admin(outsider));
        long reflection = shadowing.reflect(People.learner(ada), booking, answers(), "I will write outage notes for support first.",
                EnumSet.of(Friction.HANDOFF, Friction.JARGON),
                List.of(new ShadowingService.IdeaRequest("Error messages that say what to do next",
                        "Agents guess what our errors mean. Each message should say the next step.", engineering)));

        Assignment next = assignments.liveAssignment(ada, Assignment.Kind.GUIDE, GUIDE).orElseThrow();
        assertEquals(Assignment.Reason.RECERTIFICATION, next.getReason(), "done; the next session is assigned");
        assertEquals(LocalDate.now(clock).plusMonths(6), next.getDueOn(), "every six months");
        assertTrue(assignments.completions(Caller.SYSTEM, ada).stream().anyMatch(c -> c.getCode().equals(GUIDE)), "a completion is recorded");
        assertEquals("shadowing.error.alreadyReflected", code(() -> shadowing.reflect(People.learner(ada), booking, answers(), "again",
                Set.of(), List.of())));

        ShadowingReport.Themes after = report.themes(People.admin(outsider));
        assertEquals(before.reflections() + 1, after.reflections(), "the admin's themes count the reflection");
        assertEquals(tag(before, Friction.HANDOFF).recent() + 1, tag(after, Friction.HANDOFF).recent());
        assertEquals(tag(before, Friction.HANDOFF).total() + 1, tag(after, Friction.HANDOFF).total());
        assertEquals(tag(before, Friction.WAITING).total(), tag(after, Friction.WAITING).total(), "only the tags chosen");
        assertEquals(thisMonth(before).reflections() + 1, thisMonth(after).reflections());
        assertEquals(thisMonth(before).counts().getOrDefault(Friction.JARGON, 0L) + 1, thisMonth(after).counts().get(Friction.JARGON));
        String engineeringName = service.departmentNames().get(engineering);
        assertEquals(newIdeas(before, engineeringName) + 1, newIdeas(after, engineeringName), "the idea is on its department's line");
        assertEquals("error.forbidden", code(() -> report.themes(People.manager(engineeringLead))), "only admins");

        ShadowingService.ReflectionView view = shadowing.reflection(People.learner(host), reflection);
        assertEquals(4, view.answers().size());
        assertEquals(Set.of(Friction.HANDOFF, Friction.JARGON), view.frictions());
        assertEquals(1, view.ideas().size());
        assertEquals(people.displayName("ada"), shadowing.reflection(People.learner(ada), reflection).shadow(), "the shadow");
        assertEquals(view, shadowing.reflection(People.manager(engineeringLead), reflection), "the shadow's manager");
        assertEquals(view, shadowing.reflection(People.manager(supportLead), reflection), "the host's manager");
        assertEquals("error.notFound", code(() -> shadowing.reflection(People.learner(ben), reflection)), "a colleague");
        assertEquals("error.notFound", code(() -> shadowing.reflection(People.admin(outsider), reflection)), "an admin outside both lines");
    }

    static ShadowingReport.TagCount tag(ShadowingReport.Themes themes, Friction friction) {
        return themes.frictions().stream().filter(t -> t.friction() == friction).findFirst().orElseThrow();
    }

    static ShadowingReport.MonthRow thisMonth(ShadowingReport.Themes themes) {
        return themes.months().get(themes.months().size() - 1);
    }

    static long newIdeas(ShadowingReport.Themes themes, String department) {
        return themes.ideas().stream().filter(d -> d.department().equals(department)).findFirst()
                .map(d -> d.counts().getOrDefault(Idea.Status.NEW, 0L)).orElse(0L);
    }

    @Test
    void aNoShowCannotReflectAndBooksAgain() throws Exception {
        long slot = slot(1);
        long booking = shadowing.book(People.learner(ben), GUIDE, slot);
        sessionHappened(slot);
        shadowing.confirm(People.learner(host), booking, false, null, null);
        assertEquals("shadowing.error.cannotReflect", code(() -> shadowing.reflect(People.learner(ben), booking, answers(), "x", Set.of(),
                List.of())));
        long later = slot(1);
        shadowing.book(People.learner(ben), GUIDE, later);
        assertEquals(later, shadowing.guide(People.learner(ben), GUIDE).booking().slot().id());
    }

    @Test
    void onlyAManagerOfTheOwningDepartmentDecidesAndTheRaiserSeesTheAnswer() {
        long idea = shadowing.raise(People.learner(ben), new ShadowingService.IdeaRequest("Outage notes for support",
                "Support hears about outages from customers. Send them a note first.", engineering));
        ShadowingService.IdeaView raised = shadowing.myIdeas(People.learner(ben)).get(0);
        assertEquals(Idea.Status.NEW, raised.status());

        assertEquals("error.notFound", code(() -> shadowing.decide(People.manager(supportLead), idea, Idea.Status.ACCEPTED, "ok", raised.version())),
                "a manager of another department");
        assertEquals("error.notFound", code(() -> shadowing.decide(People.learner(ada), idea, Idea.Status.ACCEPTED, "ok", raised.version())),
                "a colleague without reports");
        assertEquals("ideas.error.reasonNeeded", code(() -> shadowing.decide(People.manager(engineeringLead), idea, Idea.Status.DECLINED, " ",
                raised.version())));
        assertTrue(shadowing.board(People.manager(engineeringLead)).stream().anyMatch(i -> i.id() == idea), "on the engineering board");

        shadowing.decide(People.manager(engineeringLead), idea, Idea.Status.IN_PROGRESS, "We start with the payment errors this sprint.",
                raised.version());
        assertEquals("error.staleVersion", code(() -> shadowing.decide(People.manager(engineeringLead), idea, Idea.Status.DONE, "done",
                raised.version())), "a decision on an old view");
        ShadowingService.IdeaView seen = shadowing.myIdeas(People.learner(ben)).get(0);
        assertEquals(Idea.Status.IN_PROGRESS, seen.status());
        assertEquals("We start with the payment errors this sprint.", seen.answer());
    }

    @Test
    void theManagerSeesWhoIsDueAndWhereSeatsAreShort() {
        ShadowingReport.TeamView team = report.team(People.manager(engineeringLead));
        assertTrue(team.rows().stream().anyMatch(r -> r.personId() == ada && r.guideCode().equals(GUIDE)
                && r.status() == ShadowingReport.TeamStatus.NOT_BOOKED));
        assertTrue(team.rows().stream().noneMatch(r -> r.personId() == outsider), "only the reporting line");
        ShadowingReport.Capacity capacity = team.capacity().stream().filter(c -> c.guideCode().equals(GUIDE)).findFirst().orElseThrow();
        assertEquals(2, capacity.teamNeed());

        long before = capacity.needed() - capacity.seats();
        slot(1);
        ShadowingReport.Capacity after = report.team(People.manager(engineeringLead)).capacity().stream()
                .filter(c -> c.guideCode().equals(GUIDE)).findFirst().orElseThrow();
        assertEquals(before - 1, after.needed() - after.seats(), "a new seat narrows the gap");
        assertEquals("error.forbidden", code(() -> report.team(People.learner(ada))));
    }
}
