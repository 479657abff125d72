package org.everyoneserves.shadowing.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.shadowing.Booking;
import org.everyoneserves.shadowing.Friction;
import org.everyoneserves.shadowing.ShadowingService;

/** A reflection on a session, with its ideas. Named ReflectionView in the API document, as it always was. */
@Schema(name = "ReflectionView")
public record ReflectionDetail(long id, String shadow, String guideTitle, String host, Instant sessionAt, List<Answer> answers,
                               String takeaway, Set<Friction> frictions, List<IdeaSummary> ideas, Booking.Status status, String hostNote,
                               Integer hostRating, Instant submittedAt) {

    /** A guide's question and the shadow's answer to it. */
    public record Answer(String question, String answer) {
    }

    public static ReflectionDetail of(ShadowingService.ReflectionView v) {
        return new ReflectionDetail(v.id(), v.shadow(), v.guideTitle(), v.host(), v.sessionAt(),
                v.answers().stream().map(a -> new Answer(a.question(), a.answer())).toList(), v.takeaway(), v.frictions(),
                v.ideas().stream().map(IdeaSummary::of).toList(), v.status(), v.hostNote(), v.hostRating(), v.submittedAt());
    }
}
