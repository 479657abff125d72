package org.everyoneserves.quizzes;

import java.util.List;

/**
 * How one question was answered, for the results page. {@code correctChoices} are the indexes of the right
 * choices (empty for true/false and ordering, whose right answer is the question's {@code answer} or
 * {@code items}); {@code feedback} has an entry for each picked choice, with its text null when the choice has none.
 */
public record QuestionResult(
        String questionId,
        boolean answered,
        boolean correct,
        String explanation,
        List<String> keyPoints,
        List<Integer> correctChoices,
        List<ChoiceFeedback> feedback) {

    public QuestionResult {
        keyPoints = List.copyOf(keyPoints);
        correctChoices = List.copyOf(correctChoices);
        feedback = List.copyOf(feedback);
    }

    public record ChoiceFeedback(int choice, boolean correct, String text) {
    }
}
