package org.everyoneserves.shadowing.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.shadowing.ShadowingService;

/** A host's slot as a shadow sees it. Named SlotView in the API document, as it always was. */
@Schema(name = "SlotView")
public record SlotSummary(long id, long hostId, String hostName, String hostRole, Instant startsAt, Instant endsAt, int minutes,
                          String place, int capacity, int seatsLeft, boolean cancelled) {

    public static SlotSummary of(ShadowingService.SlotView v) {
        return new SlotSummary(v.id(), v.hostId(), v.hostName(), v.hostRole(), v.startsAt(), v.endsAt(), v.minutes(), v.place(),
                v.capacity(), v.seatsLeft(), v.cancelled());
    }
}
