package org.everyoneserves.shadowing.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.shadowing.Idea;
import org.everyoneserves.shadowing.ShadowingService;

/** An idea raised from a reflection, with its department's answer. Named IdeaView in the API document, as it always was. */
@Schema(name = "IdeaView")
public record IdeaSummary(long id, String title, String description, long departmentId, String department, Idea.Status status,
                          String answer, String raisedBy, Instant createdAt, Instant decidedAt, int version, Long reflectionId) {

    public static IdeaSummary of(ShadowingService.IdeaView v) {
        return new IdeaSummary(v.id(), v.title(), v.description(), v.departmentId(), v.department(), v.status(), v.answer(),
                v.raisedBy(), v.createdAt(), v.decidedAt(), v.version(), v.reflectionId());
    }
}
