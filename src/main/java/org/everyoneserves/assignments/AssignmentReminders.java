package org.everyoneserves.assignments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.everyoneserves.content.CatalogService;
import org.everyoneserves.notifications.Notification;
import org.everyoneserves.notifications.NotificationService;
import org.everyoneserves.notifications.ReminderTick;
import org.everyoneserves.platform.AppConfig;

/**
 * Walks the open assignments that are due soon or overdue, batch by batch, and creates each reminder step of the
 * {@link Ladder} that has fallen due; escalations go to the person's manager. Safe to run again for the same day.
 */
@ApplicationScoped
public class AssignmentReminders {

    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Inject
    CatalogService catalog;

    @Inject
    AppConfig config;

    @Inject
    AssignmentReminders self;

    /** An open item of an active person, with what a reminder needs to say. */
    public record Candidate(long assignmentId, long personId, String firstName, String locale, Long managerId, Assignment.Kind kind,
                            String code, LocalDate dueOn) {
    }

    void onTick(@Observes ReminderTick tick) {
        run(tick.today());
    }

    /** @return how many notifications this run created */
    public int run(LocalDate today) {
        Map<String, String> titles = catalog.titles();
        int escalateAfter = config.escalateAfterWeeks();
        int created = 0;
        long after = 0;
        while (true) {
            List<Candidate> batch = self.candidates(after, today.plusDays(Ladder.BEFORE_DAYS), BATCH);
            for (Candidate c : batch) {
                for (Ladder.Step step : Ladder.due(c.dueOn(), today, escalateAfter)) {
                    created += send(c, step, titles.getOrDefault(c.kind() + ":" + c.code(), c.code())) ? 1 : 0;
                }
                after = c.assignmentId();
            }
            if (batch.size() < BATCH) {
                return created;
            }
        }
    }

    @Transactional
    public List<Candidate> candidates(long afterId, LocalDate dueBy, int max) {
        return em.createQuery("select new org.everyoneserves.assignments.AssignmentReminders$Candidate(a.id, p.id, p.firstName, p.locale,"
                        + " m.id, a.kind, a.code, a.dueOn) from Assignment a, Person p left join p.manager m where p.id = a.personId"
                        + " and p.active = true and a.status = :open and a.dueOn <= :dueBy and a.id > :after order by a.id", Candidate.class)
                .setParameter("open", Assignment.Status.OPEN).setParameter("dueBy", dueBy).setParameter("after", afterId)
                .setMaxResults(max).getResultList();
    }

    private boolean send(Candidate c, Ladder.Step step, String title) {
        String link = PlanItem.href(c.kind(), c.code());
        String key = "reminder:" + c.assignmentId() + ":" + step.key();
        if (step.kind() == Ladder.Kind.ESCALATION) {
            if (c.managerId() == null) {
                return false;
            }
            var manager = notifications.recipient(c.managerId());
            if (manager.isEmpty()) {
                return false;
            }
            String locale = manager.get().locale();
            String person = em.find(org.everyoneserves.people.Person.class, c.personId()).getDisplayName();
            return notifications.notify(c.managerId(), Notification.Kind.ESCALATION, key,
                    NotificationService.text(locale, "reminder.ESCALATION.subject", person, title, step.weeksOverdue()),
                    NotificationService.text(locale, "reminder.ESCALATION.body", manager.get().name(), person, title, day(c.dueOn(), locale),
                            step.weeksOverdue()),
                    "/manager/person.xhtml?id=" + c.personId(), null);
        }
        Notification.Kind kind = step.kind() == Ladder.Kind.DUE_SOON ? Notification.Kind.DUE_SOON : Notification.Kind.OVERDUE;
        return notifications.notify(c.personId(), kind, key,
                NotificationService.text(c.locale(), "reminder." + kind + ".subject", title, day(c.dueOn(), c.locale())),
                NotificationService.text(c.locale(), "reminder." + kind + ".body", c.firstName(), title, day(c.dueOn(), c.locale())),
                link, null);
    }

    static String day(LocalDate date, String locale) {
        Locale language = locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(date);
    }
}
