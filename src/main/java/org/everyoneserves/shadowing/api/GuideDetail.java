package org.everyoneserves.shadowing.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.shadowing.ShadowingService;

/** A guide as I see it as a shadow. Named GuideView in the API document, as it always was. */
@Schema(name = "GuideView")
public record GuideDetail(String code, String title, String summary, int minutes, List<String> hostRoles, List<String> watchFor,
                          List<String> questions, String reflectionPrompt, LocalDate dueOn, boolean assigned, BookingSummary booking,
                          List<SlotSummary> slots, List<BookingSummary> history) {

    public static GuideDetail of(ShadowingService.GuideView v) {
        return new GuideDetail(v.code(), v.title(), v.summary(), v.minutes(), v.hostRoles(), v.watchFor(), v.questions(),
                v.reflectionPrompt(), v.dueOn(), v.assigned(), BookingSummary.of(v.booking()),
                v.slots().stream().map(SlotSummary::of).toList(), v.history().stream().map(BookingSummary::of).toList());
    }
}
