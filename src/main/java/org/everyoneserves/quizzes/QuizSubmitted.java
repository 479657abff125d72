package org.everyoneserves.quizzes;

import java.util.Map;

/**
 * A person submitted a quiz attempt (fired in the submitting transaction): which attempt of theirs it was, of which
 * quiz version, whether it passed, and which of the questions they were shown they answered rightly, by id.
 */
public record QuizSubmitted(long personId, long attemptId, String quizCode, long versionId, int attemptNumber, boolean passed,
                            Map<String, Boolean> rightByQuestion) {
}
