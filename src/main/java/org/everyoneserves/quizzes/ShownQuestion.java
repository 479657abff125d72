package org.everyoneserves.quizzes;

import java.util.List;
import java.util.Objects;

/**
 * One question as an attempt shows it. {@code order} lists the question's choice indexes (or, for an
 * ordering question, its item indexes) in the order they are displayed; it is empty for true/false.
 * Answers always use the original indexes, never display positions.
 */
public record ShownQuestion(String questionId, List<Integer> order) {

    public ShownQuestion {
        Objects.requireNonNull(questionId, "questionId");
        order = List.copyOf(order);
    }
}
