package org.everyoneserves.quizzes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Question;

/**
 * Filled-in answers to an attempt from the quiz's answer key: all right, or all wrong. For tests; never for a
 * learner's attempt.
 */
public final class AnswerSheets {

    private AnswerSheets() {
    }

    public static List<Answer> of(Definitions.Quiz quiz, QuizService.AttemptView shown, boolean right) {
        List<Answer> answers = new ArrayList<>();
        for (QuizService.ShownView view : shown.questions()) {
            Question q = quiz.question(view.id()).orElseThrow();
            answers.add(switch (q.kind()) {
                case TRUE_FALSE -> Answer.trueFalse(q.id(), right == q.answer());
                case ORDERING -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < q.items().size(); i++) {
                        order.add(i);
                    }
                    if (!right) {
                        Collections.reverse(order);
                    }
                    yield new Answer(q.id(), order, null);
                }
                default -> {
                    List<Integer> picks = new ArrayList<>();
                    for (int i = 0; i < q.choices().size(); i++) {
                        if (q.choices().get(i).correct() == right) {
                            picks.add(i);
                        }
                    }
                    yield new Answer(q.id(), q.kind() == Question.Kind.MULTIPLE ? picks : picks.subList(0, 1), null);
                }
            });
        }
        return answers;
    }
}
