package org.everyoneserves.quizzes;

import java.util.List;
import java.util.stream.IntStream;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.Question.Kind;
import org.everyoneserves.content.Definitions.Quiz;

/** Small builders for questions and quizzes, as the content loader would produce them. */
final class Questions {

    private Questions() {
    }

    /** A single, multiple or scenario question with {@code count} choices, the ones at {@code correct} right. */
    static Question choices(String id, Kind kind, int count, Integer... correct) {
        List<Integer> right = List.of(correct);
        List<Question.Choice> choices = IntStream.range(0, count)
                .mapToObj(i -> new Question.Choice("choice " + i, right.contains(i), "feedback " + i, null)).toList();
        return new Question(id, kind, null, "prompt of " + id, List.of("point-" + id), choices, null, List.of(),
                "explanation of " + id, null);
    }

    static Question single(String id) {
        return choices(id, Kind.SINGLE, 3, 1);
    }

    static Question trueFalse(String id, boolean answer) {
        return new Question(id, Kind.TRUE_FALSE, null, "prompt", List.of("point-" + id), List.of(), answer, List.of(),
                "explanation of " + id, null);
    }

    static Question ordering(String id, int items) {
        return new Question(id, Kind.ORDERING, null, "prompt", List.of("point-" + id), List.of(), null,
                IntStream.range(0, items).mapToObj(i -> "step " + i).toList(), "explanation of " + id, null);
    }

    static Question withKeyPoints(Question question, String... keyPoints) {
        return new Question(question.id(), question.kind(), question.situation(), question.prompt(), List.of(keyPoints),
                question.choices(), question.answer(), question.items(), question.explanation(), question.positions());
    }

    static Quiz quiz(int passMark, Integer pool, boolean shuffleQuestions, boolean shuffleChoices, List<Question> questions) {
        return new Quiz("a-quiz", "a-module", "A quiz", passMark, 0, shuffleQuestions, shuffleChoices,
                pool == null ? questions.size() : pool, 1, "yaml", questions);
    }

    static Quiz quiz(int passMark, List<Question> questions) {
        return quiz(passMark, null, false, false, questions);
    }

    /** {@code count} single questions q0, q1, ... */
    static List<Question> singles(int count) {
        return IntStream.range(0, count).mapToObj(i -> single("q" + i)).toList();
    }
}
