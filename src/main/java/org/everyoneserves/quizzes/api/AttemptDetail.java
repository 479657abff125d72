package org.everyoneserves.quizzes.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.content.Question;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.QuizService;

/** An attempt: the questions as drawn for me, in order, with the answers saved so far. Named AttemptView in the API document. */
@Schema(name = "AttemptView")
public record AttemptDetail(long id, String quizCode, String title, int number, int passMark, List<Shown> questions, Instant savedAt,
                            boolean submitted, int version) {

    /** A question as shown, without anything that tells the answer. */
    @Schema(name = "ShownView")
    public record Shown(int position, String id, Question.Kind kind, String situation, String prompt, List<Option> options, Answer saved) {
    }

    /** A choice or an ordering item as shown: its original index (what answers carry) and its text. */
    public record Option(int index, String text) {
    }

    public static AttemptDetail of(QuizService.AttemptView v) {
        return new AttemptDetail(v.id(), v.quizCode(), v.title(), v.number(), v.passMark(), v.questions().stream()
                .map(q -> new Shown(q.position(), q.id(), q.kind(), q.situation(), q.prompt(),
                        q.options().stream().map(o -> new Option(o.index(), o.text())).toList(), q.saved())).toList(),
                v.savedAt(), v.submitted(), v.version());
    }
}
