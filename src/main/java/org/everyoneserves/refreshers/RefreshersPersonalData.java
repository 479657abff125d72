package org.everyoneserves.refreshers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * Daily refreshers: review cards, days, answers, the daily size and holiday pauses. On erasure the settings and
 * pauses (when they were away) are deleted; cards, days and answers stay under the pseudonym for the counts.
 */
@ApplicationScoped
public class RefreshersPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "refreshers";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("review_card", "each item's spacing: due date, interval, lapses"),
                new Holding("refresher_day", "each day's set and how much of it was answered"),
                new Holding("refresher_answer", "each refresher answered, right or wrong"),
                new Holding("refresher_setting", "daily size and pause"),
                new Holding("refresher_pause", "holiday pauses"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("cards", PersonalData.rows(em, "select item_key as item, module_code as module, due_on as dueOn, interval_days as intervalDays,"
                + " reviews, lapses, right_streak as rightStreak, retired as mastered, met_on as metOn, last_reviewed_on as lastReviewedOn"
                + " from review_card where person_id = ?1 order by id", personId));
        sections.put("days", PersonalData.rows(em, "select day, size, answered, completed_at as completedAt from refresher_day"
                + " where person_id = ?1 order by day", personId));
        sections.put("answers", PersonalData.rows(em, "select c.item_key as item, a.day, a.correct, a.answered_at as answeredAt"
                + " from refresher_answer a join review_card c on c.id = a.card_id where a.person_id = ?1 order by a.answered_at", personId));
        sections.put("settings", PersonalData.rows(em, "select daily_size as dailySize, paused_from as pausedFrom, paused_until as pausedUntil"
                + " from refresher_setting where person_id = ?1", personId));
        sections.put("pauses", PersonalData.rows(em, "select starts_on as startsOn, ends_on as endsOn from refresher_pause"
                + " where person_id = ?1 order by starts_on", personId));
        return sections;
    }

    @Override
    public int erase(Erasure erasure) {
        int removed = em.createNativeQuery("delete from refresher_pause where person_id = ?1").setParameter(1, erasure.personId()).executeUpdate();
        return removed + em.createNativeQuery("delete from refresher_setting where person_id = ?1").setParameter(1, erasure.personId()).executeUpdate();
    }
}
