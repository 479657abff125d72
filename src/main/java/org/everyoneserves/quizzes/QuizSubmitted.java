package org.everyoneserves.quizzes;

import java.util.List;
import java.util.Map;

/**
 * A person submitted a quiz attempt (fired in the submitting transaction): which attempt of theirs it was, of which
 * quiz version, whether it passed, which of the questions they were shown they answered rightly, by id, and each
 * shown question's result in the order shown (with the choices picked), for the item analysis.
 */
public record QuizSubmitted(long personId, long attemptId, String quizCode, long versionId, int attemptNumber, boolean passed,
                            Map<String, Boolean> rightByQuestion, List<QuestionResult> results) {

    public QuizSubmitted {
        results = List.copyOf(results);
    }
}
