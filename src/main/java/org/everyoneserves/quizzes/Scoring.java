package org.everyoneserves.quizzes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.Definitions.Quiz;

/**
 * Marks answers. Single and scenario questions are right when the one picked choice is correct; multiple
 * questions only when exactly the correct choices are picked (partly right is wrong); true/false when the value
 * matches; ordering when the items are in the right order. A skipped or missing answer is wrong.
 */
public final class Scoring {

    private Scoring() {
    }

    /** @param answer null when the question was not answered */
    public static QuestionResult score(Question question, Answer answer) {
        if (answer != null) {
            answer.requireFits(question);
        }
        boolean answered = answer != null && !answer.isSkipped();
        List<Integer> picked = answered && isChoice(question) ? answer.choices().stream().sorted().toList() : List.of();
        boolean correct = answered && switch (question.kind()) {
            case SINGLE, SCENARIO -> picked.size() == 1 && question.choices().get(picked.get(0)).correct();
            case MULTIPLE -> Set.copyOf(picked).equals(Set.copyOf(correctChoices(question)));
            case TRUE_FALSE -> answer.value().equals(question.answer());
            case ORDERING -> answer.choices().equals(IntStream.range(0, question.items().size()).boxed().toList());
        };
        List<QuestionResult.ChoiceFeedback> feedback = picked.stream().map(i -> {
            Question.Choice choice = question.choices().get(i);
            return new QuestionResult.ChoiceFeedback(i, choice.correct(), choice.feedback());
        }).toList();
        return new QuestionResult(question.id(), answered, correct, question.explanation(), question.keyPoints(),
                correctChoices(question), feedback);
    }

    /**
     * Marks an attempt: each shown question against the quiz it was drawn from, in the order shown.
     *
     * @param answers by question id; questions without an answer are wrong
     * @throws org.everyoneserves.platform.BusinessException {@value Answer#INVALID} for an answer that does not fit
     *         its question or answers a question the attempt did not show
     * @throws IllegalArgumentException when the quiz lacks a shown question
     */
    public static Score score(Quiz quiz, List<ShownQuestion> shown, Map<String, Answer> answers) {
        Set<String> shownIds = new HashSet<>();
        shown.forEach(question -> shownIds.add(question.questionId()));
        answers.forEach((questionId, answer) -> {
            if (!shownIds.contains(questionId)) {
                throw Answer.invalid(questionId, "the attempt did not show this question");
            }
        });
        Map<String, Question> questions = quiz.questions().stream().collect(Collectors.toMap(Question::id, Function.identity()));
        List<QuestionResult> results = shown.stream().map(s -> {
            Question question = questions.get(s.questionId());
            if (question == null) {
                throw new IllegalArgumentException("quiz " + quiz.id() + " has no question " + s.questionId());
            }
            return score(question, answers.get(s.questionId()));
        }).toList();
        return Score.of(results, quiz.passMark());
    }

    private static boolean isChoice(Question question) {
        return question.kind() == Question.Kind.SINGLE || question.kind() == Question.Kind.MULTIPLE
                || question.kind() == Question.Kind.SCENARIO;
    }

    private static List<Integer> correctChoices(Question question) {
        return IntStream.range(0, question.choices().size()).filter(i -> question.choices().get(i).correct()).boxed().toList();
    }
}
