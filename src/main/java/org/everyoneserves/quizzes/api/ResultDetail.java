package org.everyoneserves.quizzes.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.content.Question;
import org.everyoneserves.quizzes.QuizService;

/** The result of a submitted attempt: score, the right answers and what to review. Named ResultView in the API document. */
@Schema(name = "ResultView")
public record ResultDetail(long id, String quizCode, String title, int number, int correct, int total, int percent, boolean passed,
                           int passMark, List<ResultQuestion> questions, List<String> review, Integer attemptsLeft, boolean canRetry,
                           String moduleCode, String moduleTitle) {

    public record ResultQuestion(int position, String situation, String prompt, Question.Kind kind, boolean answered, boolean correct,
                                 String explanation, List<ResultOption> options, List<String> yourOrder, List<String> rightOrder,
                                 Boolean yourValue, Boolean rightValue) {
    }

    public record ResultOption(String text, boolean picked, boolean correct, String feedback) {
    }

    public static ResultDetail of(QuizService.ResultView v) {
        return new ResultDetail(v.id(), v.quizCode(), v.title(), v.number(), v.correct(), v.total(), v.percent(), v.passed(), v.passMark(),
                v.questions().stream().map(q -> new ResultQuestion(q.position(), q.situation(), q.prompt(), q.kind(), q.answered(), q.correct(),
                        q.explanation(), q.options() == null ? null : q.options().stream()
                                .map(o -> new ResultOption(o.text(), o.picked(), o.correct(), o.feedback())).toList(),
                        q.yourOrder(), q.rightOrder(), q.yourValue(), q.rightValue())).toList(),
                v.review(), v.attemptsLeft(), v.canRetry(), v.moduleCode(), v.moduleTitle());
    }
}
