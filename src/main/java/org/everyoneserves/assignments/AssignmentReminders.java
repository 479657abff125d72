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
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.Tick;

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
    PersonService people;

    @Inject
    AssignmentReminders self;

    /** An open item of a person, with what a reminder needs to say; only active people are reminded. */
    public record Candidate(long assignmentId, long personId, String firstName, String locale, Long managerId, Assignment.Kind kind,
                            String code, LocalDate dueOn, boolean active) {
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
                for (Ladder.Step step : c.active() ? Ladder.due(c.dueOn(), today, escalateAfter) : List.<Ladder.Step>of()) {
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
        List<Assignment> open = em.createQuery("select a from Assignment a where a.status = :open and a.dueOn <= :dueBy and a.id > :after"
                        + " order by a.id", Assignment.class)
                .setParameter("open", Assignment.Status.OPEN).setParameter("dueBy", dueBy).setParameter("after", afterId)
                .setMaxResults(max).getResultList();
        Map<Long, PersonSummary> persons = people.summaries(open.stream().map(Assignment::getPersonId).toList());
        return open.stream().map(a -> {
            PersonSummary p = persons.get(a.getPersonId());
            return new Candidate(a.getId(), a.getPersonId(), p.firstName(), p.locale(), p.managerId(), a.getKind(), a.getCode(), a.getDueOn(),
                    p.active());
        }).toList();
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
        String person = people.displayNames(List.of(first.personId())).get(first.personId());
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
