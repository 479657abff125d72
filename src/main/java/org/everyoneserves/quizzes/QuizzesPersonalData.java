package org.everyoneserves.quizzes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * Quiz attempts with the questions shown and the answers given. They stay on erasure under the pseudonym: the quiz
 * and item statistics rest on them, and the answers are choices, not text.
 */
@ApplicationScoped
public class QuizzesPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "quizzes";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("quiz_attempt", "quiz attempts: questions shown, answers chosen, score"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        return Map.of("attempts", PersonalData.rows(em, "select quiz_code as quiz, number, started_at as startedAt, shown as questionsShown,"
                + " answers, saved_at as savedAt, submitted_at as submittedAt, correct, total, percent, passed"
                + " from quiz_attempt where person_id = ?1 order by started_at, id", personId));
    }

    @Override
    public int erase(Erasure erasure) {
        return 0;
    }
}
