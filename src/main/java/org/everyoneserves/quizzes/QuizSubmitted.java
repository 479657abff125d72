package org.everyoneserves.quizzes;

import java.util.Map;

/** A person submitted a quiz attempt: which of the questions they were shown they answered rightly, by id. */
public record QuizSubmitted(long personId, String quizCode, Map<String, Boolean> rightByQuestion) {
}
