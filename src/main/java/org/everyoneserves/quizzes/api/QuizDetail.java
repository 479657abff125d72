package org.everyoneserves.quizzes.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.quizzes.Attempts;
import org.everyoneserves.quizzes.QuizService;

/** A quiz before starting: rules, my attempts so far, an attempt left open. Named QuizIntro in the API document, as it always was. */
@Schema(name = "QuizIntro")
public record QuizDetail(String code, String title, String moduleCode, String moduleTitle, int questions, int passMark,
                         Attempts attempts, AttemptSummary open, List<AttemptSummary> past, boolean passed) {

    /** One of my attempts at the quiz. */
    public record AttemptSummary(long id, int number, Instant startedAt, Instant submittedAt, Integer percent, Boolean passed) {

        static AttemptSummary of(QuizService.AttemptSummary a) {
            return a == null ? null : new AttemptSummary(a.id(), a.number(), a.startedAt(), a.submittedAt(), a.percent(), a.passed());
        }
    }

    public static QuizDetail of(QuizService.QuizIntro v) {
        return new QuizDetail(v.code(), v.title(), v.moduleCode(), v.moduleTitle(), v.questions(), v.passMark(), v.attempts(),
                AttemptSummary.of(v.open()), v.past().stream().map(AttemptSummary::of).toList(), v.passed());
    }
}
