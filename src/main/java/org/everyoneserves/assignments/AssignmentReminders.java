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
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Titles;
import org.everyoneserves.notifications.Notification;
import org.everyoneserves.notifications.NotificationService;
import org.everyoneserves.platform.Tick;
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
    Catalog catalog;

    @Inject
    AppConfig config;

    @Inject
    AssignmentReminders self;

    /** An open item of an active person, with what a reminder needs to say. */
    public record Candidate(long assignmentId, long personId, String firstName, String locale, Long managerId, Assignment.Kind kind,
                            String code, LocalDate dueOn) {
    }

    void onTick(@Observes Tick tick) {
        run(tick.today());
    }

    /** @return how many notifications this run created */
    public int run(LocalDate today) {
        Titles titles = catalog.titles();
        int escalateAfter = config.escalateAfterWeeks();
        Map<Long, List<Candidate>> escalations = new java.util.LinkedHashMap<>();
        int created = 0;
        long after = 0;
        while (true) {
            List<Candidate> batch = self.candidates(after, today.plusDays(Ladder.BEFORE_DAYS), BATCH);
            for (Candidate c : batch) {
                for (Ladder.Step step : Ladder.due(c.dueOn(), today, escalateAfter)) {
                    if (step.kind() == Ladder.Kind.ESCALATION) {
                        escalations.computeIfAbsent(c.personId(), k -> new java.util.ArrayList<>()).add(c);
                    } else {
                        created += remind(c, step, titles.of(c.kind().catalogKind(), c.code())) ? 1 : 0;
                    }
                }
                after = c.assignmentId();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        for (List<Candidate> items : escalations.values()) {
            created += escalate(items, today, titles) ? 1 : 0;
        }
        return created;
    }

    @Transactional
    public List<Candidate> candidates(long afterId, LocalDate dueBy, int max) {
        return em.createQuery("select new org.everyoneserves.assignments.AssignmentReminders$Candidate(a.id, p.id, p.firstName, p.locale,"
                        + " m.id, a.kind, a.code, a.dueOn) from Assignment a, Person p left join p.manager m where p.id = a.personId"
                        + " and p.active = true and a.status = :open and a.dueOn <= :dueBy and a.id > :after order by a.id", Candidate.class)
                .setParameter("open", Assignment.Status.OPEN).setParameter("dueBy", dueBy).setParameter("after", afterId)
                .setMaxResults(max).getResultList();
    }

    private boolean remind(Candidate c, Ladder.Step step, String title) {
        Notification.Kind kind = step.kind() == Ladder.Kind.DUE_SOON ? Notification.Kind.DUE_SOON : Notification.Kind.OVERDUE;
        return notifications.notify(c.personId(), kind, "reminder:" + c.assignmentId() + ":" + step.key(),
                NotificationService.text(c.locale(), "reminder." + kind + ".subject", title, day(c.dueOn(), c.locale())),
                NotificationService.text(c.locale(), "reminder." + kind + ".body", c.firstName(), title, day(c.dueOn(), c.locale())),
                PlanItem.href(c.kind(), c.code()), null);
    }

    /**
     * One note to the manager per person and week while something of theirs is long overdue, listing those items:
     * a manager hears weekly, not once per item.
     */
    private boolean escalate(List<Candidate> items, LocalDate today, Titles titles) {
        Candidate first = items.get(0);
        if (first.managerId() == null) {
            return false;
        }
        var manager = notifications.recipient(first.managerId());
        if (manager.isEmpty()) {
            return false;
        }
        String locale = manager.get().locale();
        String person = em.find(org.everyoneserves.people.Person.class, first.personId()).getDisplayName();
        StringBuilder list = new StringBuilder();
        for (Candidate c : items) {
            list.append("\n- ").append(NotificationService.text(locale, "reminder.ESCALATION.item",
                    titles.of(c.kind().catalogKind(), c.code()), day(c.dueOn(), locale)));
        }
        String week = today.format(java.time.format.DateTimeFormatter.ofPattern("YYYY-'W'ww", Locale.ROOT));
        return notifications.notify(first.managerId(), Notification.Kind.ESCALATION, "escalation:" + first.personId() + ":" + week,
                NotificationService.text(locale, "reminder.ESCALATION.subject", person, items.size()),
                NotificationService.text(locale, "reminder.ESCALATION.body", manager.get().name(), person, items.size(), config.escalateAfterWeeks())
                        + list, "/manager/person.xhtml?id=" + first.personId(), null);
    }

    static String day(LocalDate date, String locale) {
        Locale language = locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(date);
    }
}
