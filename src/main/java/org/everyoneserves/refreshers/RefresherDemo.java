package org.everyoneserves.refreshers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

/**
 * The demo company's refresher habits. What people met in their demo past is moved back to when they met it, so
 * items are due today; a few people have practised daily for a while (one of them through a holiday pause), so the
 * demo shows streaks and a week's summary. Part of the demo organisation; never run against a real one.
 */
@ApplicationScoped
@Transactional
public class RefresherDemo {

    /** first name, days practised up to yesterday, percent right */
    record Habit(String person, int days, int rightPercent) {
    }

    static final Habit[] HABITS = {new Habit("Carlos", 21, 85), new Habit("Lina", 12, 75), new Habit("Yuki", 10, 70),
            new Habit("Maya", 5, 60), new Habit("Ruth", 30, 90)};

    @PersistenceContext
    EntityManager em;

    @Inject
    RefresherService refreshers;

    @Inject
    Clock clock;

    /** @param people demo people by first name */
    public void seed(Map<String, Long> people) {
        LocalDate today = LocalDate.now(clock);
        em.createNativeQuery("update review_card set met_on = ?1 - interval (20 + id % 15) day,"
                        + " due_on = ?1 - interval (20 + id % 15) day + interval (1 + (id % 3) * 2) day")
                .setParameter(1, Date.valueOf(today)).executeUpdate();
        Random random = new Random(2026);
        for (Habit habit : HABITS) {
            long person = people.get(habit.person());
            LocalDate pauseFrom = null;
            LocalDate pauseTo = null;
            if (habit.person().equals("Yuki")) {
                pauseFrom = today.minusDays(6);
                pauseTo = today.minusDays(4);
                em.createNativeQuery("insert into refresher_pause (person_id, starts_on, ends_on) values (?1, ?2, ?3)")
                        .setParameter(1, person).setParameter(2, Date.valueOf(pauseFrom)).setParameter(3, Date.valueOf(pauseTo))
                        .executeUpdate();
            }
            for (LocalDate day = today.minusDays(habit.days()); day.isBefore(today); day = day.plusDays(1)) {
                if (pauseFrom != null && !day.isBefore(pauseFrom) && !day.isAfter(pauseTo)) {
                    continue;
                }
                refreshers.practise(person, day, () -> random.nextInt(100) < habit.rightPercent());
            }
        }
    }
}
