package org.everyoneserves.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.everyoneserves.testing.Errors.code;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.everyoneserves.assignments.AssignmentReminders;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ProgressService;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reminder ladder on MariaDB, run for chosen days: each step once, however often the job runs; escalation to the
 * manager; nothing for paused people; nudges only within the reporting line.
 */
@ExtendWith(ArquillianExtension.class)
class ReminderIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(ReminderIT.class, People.class);
    }

    @Inject
    PersonService service;

    @Inject
    Clock clock;

    @Inject
    AssignmentReminders reminders;

    @Inject
    NotificationService notifications;

    @Inject
    ProgressService progress;

    People people;
    long manager;
    long agent;
    long paused;
    LocalDate today;

    @BeforeEach
    void aNewAgent() {
        today = LocalDate.now(clock);
        people = new People(service);
        manager = create("boss", null);
        agent = create("agent", "boss");
        paused = create("paused", "boss");
        service.deactivate(Caller.SYSTEM, paused);
    }

    long create(String name, String managerName) {
        PersonDetails details = people.details(name, managerName);
        details.setJobRoleId(service.findByCode(JobRole.class, "support-agent").orElseThrow());
        details.setStartDate(today);
        details.setLocale("en");
        return service.create(Caller.SYSTEM, details);
    }

    List<Notification> of(long personId, Notification.Kind kind) {
        return notifications.mine(People.learner(personId), 500).stream().filter(n -> n.getKind() == kind).toList();
    }

    @Test
    void eachStepOfTheLadderIsCreatedOnceHoweverOftenTheJobRuns() {
        reminders.run(today);
        assertTrue(of(agent, Notification.Kind.DUE_SOON).isEmpty(), "the first items are due in 7 days");

        reminders.run(today.plusDays(5));
        List<Notification> soon = of(agent, Notification.Kind.DUE_SOON);
        assertEquals(2, soon.size(), "the foundation module and its quiz, due in 2 days: " + soon.stream().map(Notification::getSubject).toList());
        assertTrue(soon.stream().anyMatch(n -> n.getSubject().startsWith("Due ") && n.getSubject().endsWith(": Everyone serves")),
                soon.get(0).getSubject());
        assertTrue(soon.stream().allMatch(n -> n.getLink().startsWith("/learner/")));
        reminders.run(today.plusDays(5));
        reminders.run(today.plusDays(6));
        assertEquals(2, of(agent, Notification.Kind.DUE_SOON).size(), "not again");

        reminders.run(today.plusDays(8));
        assertEquals(2, of(agent, Notification.Kind.OVERDUE).size(), "the day after they became overdue");
        reminders.run(today.plusDays(8));
        assertEquals(2, of(agent, Notification.Kind.OVERDUE).size());
        assertTrue(of(manager, Notification.Kind.ESCALATION).isEmpty(), "too early to tell the manager");

        reminders.run(today.plusDays(7 + 21));
        assertEquals(4, of(agent, Notification.Kind.OVERDUE).stream().filter(n -> n.getSubject().contains("Everyone serves")).count(),
                "three weeks on: the week-three step for the module and its quiz, besides the first (the missed week-two step is not sent late)");
        List<Notification> escalated = of(manager, Notification.Kind.ESCALATION);
        assertEquals(1, escalated.size(), "one note to the manager for the person, not one per item");
        assertTrue(escalated.get(0).getSubject().startsWith("Agent Test") && escalated.get(0).getSubject().endsWith("2 items long overdue"),
                escalated.get(0).getSubject());
        assertTrue(escalated.get(0).getBody().contains("- Everyone serves (due ") && escalated.get(0).getBody().contains("check your understanding"),
                escalated.get(0).getBody());
        assertEquals("/manager/person.xhtml?id=" + agent, escalated.get(0).getLink());
        reminders.run(today.plusDays(7 + 21));
        assertEquals(1, of(manager, Notification.Kind.ESCALATION).size(), "not again in the same week");

        assertTrue(notifications.mine(People.learner(paused), 50).isEmpty(), "nothing for a person who is paused");
    }

    @Test
    void aManagerNudgesOnlyTheirOwnPeople() {
        progress.nudge(People.manager(manager), agent, "Please do the foundation module before Friday's shift.");
        Notification nudge = of(agent, Notification.Kind.NUDGE).get(0);
        assertTrue(nudge.getBody().endsWith("Please do the foundation module before Friday's shift."), nudge.getBody());
        assertTrue(nudge.getSubject().startsWith("A reminder from Boss Test"), nudge.getSubject());
        assertEquals(1, notifications.unread(People.learner(agent)), "the nudge is new");

        long stranger = create("stranger", null);
        assertEquals("error.notFound", code(() -> progress.nudge(People.manager(stranger), agent, null)));
        assertEquals("nudge.error.noteTooLong", code(() -> progress.nudge(People.manager(manager), agent, "x".repeat(1001))));
        notifications.markAllRead(People.learner(agent));
        assertEquals(0, notifications.unread(People.learner(agent)));
    }

}
