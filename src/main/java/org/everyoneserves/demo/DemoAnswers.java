package org.everyoneserves.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Question;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.QuizService;

/**
 * Quiz answers as the demo company's people give them, so that the item analysis has something to show: an able
 * person gets most questions right, and each quiz has, by its place in the quiz, an easy first question, a second
 * question that misleads the able (negative discrimination), and a hard last one. Wrong answers favour the first
 * wrong choices (each half as likely as the one before), so some wrong choices go unpicked. A passing attempt is then
 * made to reach the pass mark by putting right the ordinary questions first, and a failing one to miss it, so that
 * the history's passes and failures stay as planned. Never for a learner's attempt.
 */
final class DemoAnswers {

    /** In the order a passing attempt puts them right. */
    private enum Role { ORDINARY, EASY, MISLEADING, HARD }

    private DemoAnswers() {
    }

    /** @param ability the person's chance of a right answer to an ordinary question, 0 to 1 */
    static List<Answer> of(Definitions.Quiz quiz, QuizService.AttemptView shown, double ability, boolean pass, Random random) {
        List<Question> questions = shown.questions().stream().map(v -> quiz.question(v.id()).orElseThrow()).toList();
        boolean[] right = new boolean[questions.size()];
        for (int i = 0; i < right.length; i++) {
            double chance = switch (role(quiz, questions.get(i))) {
                case EASY -> 0.97;
                case MISLEADING -> 1 - ability;
                case HARD -> 0.15;
                case ORDINARY -> ability;
            };
            right[i] = random.nextDouble() < chance;
        }
        // put right (to pass) or wrong (to fail) the ordinary questions first and the hard one last
        List<Integer> order = IntStream.range(0, right.length).boxed()
                .sorted(Comparator.comparing(i -> role(quiz, questions.get(i)))).toList();
        for (int i : order) {
            int correct = 0;
            for (boolean r : right) {
                correct += r ? 1 : 0;
            }
            boolean passes = correct * 100 / right.length >= quiz.passMark();
            if (passes == pass) {
                break;
            }
            right[i] = pass;
        }
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < right.length; i++) {
            answers.add(answer(questions.get(i), right[i], random));
        }
        return answers;
    }

    private static Role role(Definitions.Quiz quiz, Question q) {
        int index = quiz.questions().indexOf(q);
        if (index == 0) {
            return Role.EASY;
        }
        if (index == 1) {
            return Role.MISLEADING;
        }
        return index == quiz.questions().size() - 1 ? Role.HARD : Role.ORDINARY;
    }

    private static Answer answer(Question q, boolean right, Random random) {
        switch (q.kind()) {
            case TRUE_FALSE:
                return Answer.trueFalse(q.id(), right == q.answer());
            case ORDERING: {
                List<Integer> order = new ArrayList<>(IntStream.range(0, q.items().size()).boxed().toList());
                if (!right) {
                    Collections.swap(order, 0, 1);
                }
                return new Answer(q.id(), order, null);
            }
            default: {
                List<Integer> correct = new ArrayList<>();
                List<Integer> wrong = new ArrayList<>();
                for (int i = 0; i < q.choices().size(); i++) {
                    (q.choices().get(i).correct() ? correct : wrong).add(i);
                }
                if (right || wrong.isEmpty()) {
                    return new Answer(q.id(), correct, null);
                }
                int distractor = likelyWrong(wrong, random);
                if (q.kind() != Question.Kind.MULTIPLE) {
                    return Answer.picked(q.id(), distractor);
                }
                List<Integer> picks = new ArrayList<>(correct.subList(0, Math.max(1, correct.size() - 1)));
                picks.add(distractor);
                return new Answer(q.id(), picks, null);
            }
        }
    }

    /** Each wrong choice half as likely as the one before it. */
    private static int likelyWrong(List<Integer> wrong, Random random) {
        int draw = random.nextInt((1 << wrong.size()) - 1);
        for (int k = 0; k < wrong.size(); k++) {
            draw -= 1 << (wrong.size() - 1 - k);
            if (draw < 0) {
                return wrong.get(k);
            }
        }
        return wrong.get(wrong.size() - 1);
    }
}
