package org.everyoneserves.quizzes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The outcome of an attempt. {@code percent} is rounded down, so 2 of 3 is 66 and does not reach a pass mark of 67. */
public record Score(int correct, int total, int percent, boolean passed, List<QuestionResult> results) {

    public Score {
        results = List.copyOf(results);
    }

    static Score of(List<QuestionResult> results, int passMark) {
        int correct = (int) results.stream().filter(QuestionResult::correct).count();
        int total = results.size();
        int percent = total == 0 ? 0 : correct * 100 / total;
        return new Score(correct, total, percent, percent >= passMark, results);
    }

    /** The key points of the questions answered wrongly, each once, in the order the questions were shown. */
    public List<String> keyPointsToReview() {
        Set<String> keyPoints = new LinkedHashSet<>();
        results.stream().filter(result -> !result.correct()).forEach(result -> keyPoints.addAll(result.keyPoints()));
        return List.copyOf(keyPoints);
    }
}
