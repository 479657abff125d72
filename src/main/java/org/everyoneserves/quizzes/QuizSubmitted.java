package org.everyoneserves.quizzes;

import java.util.List;
import java.util.Map;

/**
 * A person submitted a quiz attempt: which of the questions they were shown they answered rightly, by id; the
 * version the attempt was drawn from; and each shown question's result in the order shown (with the choices picked),
 * for the item analysis.
 */
public record QuizSubmitted(long personId, String quizCode, Map<String, Boolean> rightByQuestion, long versionId,
                            List<QuestionResult> results) {

    public QuizSubmitted {
        results = List.copyOf(results);
    }
}
