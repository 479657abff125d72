package org.everyoneserves.refreshers.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.refreshers.RefresherService;

/** How an answer went, with the right answer and when the item comes back. Named Outcome in the API document, as it always was. */
@Schema(name = "Outcome")
public record OutcomeDetail(boolean correct, String explanation, List<Integer> rightChoices, Boolean rightValue, List<String> rightOrder,
                            LocalDate nextDueOn, boolean mastered) {

    public static OutcomeDetail of(RefresherService.Outcome v) {
        return v == null ? null : new OutcomeDetail(v.correct(), v.explanation(), v.rightChoices(), v.rightValue(), v.rightOrder(),
                v.nextDueOn(), v.mastered());
    }
}
