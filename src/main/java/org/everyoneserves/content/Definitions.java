package org.everyoneserves.content;

import java.util.List;
import java.util.Map;

/**
 * What a version stores of each kind, as JSON: the content as the author wrote it, without file positions.
 * Quizzes keep their answer keys here, on the server only.
 */
public final class Definitions {

    private Definitions() {
    }

    public record Module(String id, String track, String title, String summary, List<String> audience, int minutes,
                         List<String> tags, int revision, Map<String, String> keyPoints, String markdown, List<String> images) {
    }

    public record Quiz(String id, String module, String title, int passMark, int attempts, boolean shuffleQuestions,
                       boolean shuffleChoices, int pool, int revision, String format, List<Question> questions) {

        /** The number of questions drawn for each attempt. */
        public int drawn() {
            return pool;
        }

        public java.util.Optional<Question> question(String questionId) {
            return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
        }
    }

    public record Guide(String id, String track, String title, String summary, List<String> hostRoles, List<String> audience,
                        int durationMinutes, List<String> watchFor, List<String> questions, String reflectionPrompt) {
    }

    public record Refresher(String id, String track, String module, Question question) {
    }

    public record Curriculum(String role, List<Item> items) {

        /** The reserved role whose curriculum ({@code curricula/default.yaml}) is for roles without one of their own. */
        public static final String DEFAULT_ROLE = "default";
    }

    /** {@code target} is module, quiz or shadowing; {@code from} is start or assignment. */
    public record Item(String target, String id, int dueDays, String from, Integer repeatMonths) {
    }

    /** The question without where it was written, so that moving it in its file is not a change. */
    static Question withoutPositions(Question q) {
        return new Question(q.id(), q.kind(), q.situation(), q.prompt(), q.keyPoints(),
                q.choices().stream().map(c -> new Question.Choice(c.text(), c.correct(), c.feedback(), null)).toList(),
                q.answer(), q.items(), q.explanation(), null);
    }
}
