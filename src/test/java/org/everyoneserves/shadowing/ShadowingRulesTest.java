package org.everyoneserves.shadowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.everyoneserves.platform.BusinessException;
import org.junit.jupiter.api.Test;

/** The rules slots, bookings, reflections, ideas and calendar files keep on their own. */
class ShadowingRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final List<String> QUESTIONS = List.of("How is the customer served now?", "How could it be better?");

    static String code(Runnable call) {
        return assertThrows(BusinessException.class, call::run).code();
    }

    @Test
    void aSlotNeedsAFutureStartASensibleLengthSeatsAndAPlace() {
        Instant later = NOW.plus(Duration.ofDays(1));
        assertEquals("shadowing.error.slotInPast", code(() -> new Slot(1, NOW, 60, "Desk", 1, NOW)));
        assertEquals("shadowing.error.minutes", code(() -> new Slot(1, later, 10, "Desk", 1, NOW)));
        assertEquals("shadowing.error.minutes", code(() -> new Slot(1, later, 481, "Desk", 1, NOW)));
        assertEquals("shadowing.error.capacity", code(() -> new Slot(1, later, 60, "Desk", 21, NOW)));
        assertEquals("shadowing.error.place", code(() -> new Slot(1, later, 60, "  ", 1, NOW)));
        Slot slot = new Slot(1, later, 90, "  Support desk ", 2, NOW);
        assertEquals("Support desk", slot.getPlace());
        assertEquals(later.plus(Duration.ofMinutes(90)), slot.endsAt());
        assertEquals(2, slot.getSeatsLeft());
    }

    @Test
    void aSlotIsCancelledOnceAndOnlyBeforeItStarts() {
        Slot slot = new Slot(1, NOW.plus(Duration.ofHours(2)), 60, "Desk", 1, NOW);
        assertEquals("shadowing.error.slotStarted", code(() -> slot.cancel(NOW.plus(Duration.ofHours(3)))));
        slot.cancel(NOW);
        assertTrue(slot.isCancelled());
        assertEquals("shadowing.error.slotCancelled", code(() -> slot.cancel(NOW)));
    }

    @Test
    void theHostConfirmsUntilTheSessionCountsAndANoShowKeepsNoRating() {
        Booking booking = new Booking(1, 2, "guide", 3, NOW);
        assertEquals("shadowing.error.rating", code(() -> booking.confirm(true, null, 6, 9, NOW)));
        assertEquals("shadowing.error.noteTooLong", code(() -> booking.confirm(true, "x".repeat(1001), 5, 9, NOW)));
        booking.confirm(false, "Did not come", 4, 9, NOW);
        assertEquals(Booking.Status.NO_SHOW, booking.getStatus());
        assertEquals(null, booking.getHostRating(), "no rating for someone who did not come");
        booking.confirm(true, "  Came late, stayed long  ", 4, 9, NOW);
        assertEquals(Booking.Status.ATTENDED, booking.getStatus(), "corrected");
        assertEquals("Came late, stayed long", booking.getHostNote());
        booking.complete(NOW);
        assertEquals("shadowing.error.alreadyCompleted", code(() -> booking.confirm(false, null, null, 9, NOW)));
    }

    @Test
    void aCancelledBookingCanNeitherMoveNorBeConfirmed() {
        Booking booking = new Booking(1, 2, "guide", 3, NOW);
        booking.cancel(NOW);
        assertEquals("shadowing.error.notBooked", code(() -> booking.moveTo(5, NOW)));
        assertEquals("shadowing.error.notBooked", code(() -> booking.cancel(NOW)));
        assertEquals("shadowing.error.cancelled", code(() -> booking.confirm(true, null, null, 9, NOW)));
    }

    @Test
    void aReflectionAnswersEveryQuestionAndKeepsTheQuestionsAsAsked() {
        assertEquals("shadowing.error.answerMissing", code(() -> new Reflection(1, 2, QUESTIONS, List.of("Well"), "x", true, null, NOW)));
        assertEquals("shadowing.error.answerMissing", code(() -> new Reflection(1, 2, QUESTIONS, List.of("Well", " "), "x", true, null, NOW)));
        assertEquals("shadowing.error.takeawayMissing", code(() -> new Reflection(1, 2, QUESTIONS, List.of("Well", "Faster"), " ", true, null,
                NOW)));
        assertEquals("shadowing.error.answerTooLong", code(() -> new Reflection(1, 2, QUESTIONS, List.of("Well", "x".repeat(4001)), "x", true,
                null, NOW)));
        Reflection r = new Reflection(1, 2, QUESTIONS, List.of(" Well ", "Faster"), null, false, EnumSet.of(Friction.WAITING), NOW);
        assertEquals(List.of(new Reflection.Answer(QUESTIONS.get(0), "Well"), new Reflection.Answer(QUESTIONS.get(1), "Faster")), r.answers());
        assertEquals(EnumSet.of(Friction.WAITING), r.getFrictions());
    }

    @Test
    void anIdeaNeedsATitleAndADescriptionAndADeclineNeedsAReason() {
        assertEquals("ideas.error.title", code(() -> new Idea(1, 2, null, " ", "why", NOW)));
        assertEquals("ideas.error.description", code(() -> new Idea(1, 2, null, "What", "", NOW)));
        Idea idea = new Idea(1, 2, null, "Shorter forms", "The returns form has 14 fields.", NOW);
        assertEquals(Idea.Status.NEW, idea.getStatus());
        assertEquals("ideas.error.reasonNeeded", code(() -> idea.decide(Idea.Status.DECLINED, " ", 7, NOW)));
        assertEquals("ideas.error.backToNew", code(() -> idea.decide(Idea.Status.NEW, "x", 7, NOW)));
        idea.decide(Idea.Status.ACCEPTED, "We cut it to six.", 7, NOW);
        idea.decide(Idea.Status.DONE, null, 7, NOW);
        assertEquals(Idea.Status.DONE, idea.getStatus());
        assertEquals("We cut it to six.", idea.getAnswer(), "an earlier answer stays when none is given");
    }

    @Test
    void anIdeaIsOpenUntilDoneOrDeclinedAndEveryStatusButNewIsADecision() {
        assertEquals(List.of(Idea.Status.NEW, Idea.Status.ACCEPTED, Idea.Status.IN_PROGRESS),
                Arrays.stream(Idea.Status.values()).filter(Idea.Status::isOpen).toList());
        assertEquals(List.of(Idea.Status.ACCEPTED, Idea.Status.IN_PROGRESS, Idea.Status.DONE, Idea.Status.DECLINED),
                Idea.Status.decisions());
        for (Idea.Status status : Idea.Status.values()) {
            Idea idea = new Idea(1, 2, null, "Shorter forms", "The returns form has 14 fields.", NOW);
            if (status.isDecision()) {
                idea.decide(status, "Our answer.", 7, NOW);
                assertEquals(status, idea.getStatus(), "every status offered to managers is one the idea accepts");
            } else {
                assertEquals("ideas.error.backToNew", code(() -> idea.decide(status, "Our answer.", 7, NOW)));
            }
        }
    }

    @Test
    void theCalendarFileIsValidICalendarWithRemindersAndEscapedText() {
        String ics = Calendar.event("booking-1", 2, NOW, NOW.plus(Duration.ofHours(2)), NOW, "Shadowing; support, desk",
                "Desk 4\nsecond floor", "A very long description that goes on and on so that the content line is longer than seventy-five octets");
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"));
        assertTrue(ics.contains("DTSTART:20261201T090000Z\r\n"));
        assertTrue(ics.contains("UID:booking-1@everyoneserves\r\nSEQUENCE:2\r\n"), "a moved session updates the same entry");
        assertTrue(ics.contains("DTEND:20261201T110000Z\r\n"));
        assertTrue(ics.contains("SUMMARY:Shadowing\\; support\\, desk\r\n"));
        assertTrue(ics.contains("LOCATION:Desk 4\\nsecond floor\r\n"));
        assertTrue(ics.contains("TRIGGER:-P1D") && ics.contains("TRIGGER:-PT1H"), "reminders a day and an hour before");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, "folded: " + line);
        }
        assertFalse(ics.replace("\r\n", "").contains("\n"), "CRLF only");
        assertTrue(ics.contains("\r\n "), "a long line is folded with a leading space");
    }
}
