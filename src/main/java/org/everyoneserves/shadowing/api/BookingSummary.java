package org.everyoneserves.shadowing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.shadowing.Booking;
import org.everyoneserves.shadowing.ShadowingService;

/**
 * One of my bookings. Named BookingView in the API document, as it always was.
 *
 * @param canChange  the slot has not started: I may move or cancel
 * @param canReflect the session has started, the host has not marked a no-show and no reflection exists yet
 */
@Schema(name = "BookingView")
public record BookingSummary(long id, SlotSummary slot, String guideCode, String guideTitle, Booking.Status status, boolean canChange,
                             boolean canReflect, Long reflectionId, boolean completed, String hostNote, Integer hostRating, int version) {

    public static BookingSummary of(ShadowingService.BookingView v) {
        return v == null ? null : new BookingSummary(v.id(), SlotSummary.of(v.slot()), v.guideCode(), v.guideTitle(), v.status(),
                v.canChange(), v.canReflect(), v.reflectionId(), v.completed(), v.hostNote(), v.hostRating(), v.version());
    }
}
