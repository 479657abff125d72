package org.everyoneserves.shadowing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.Tick;

/**
 * Shadowing: hosts publish slots, shadows with a shadowing assignment book seats, hosts confirm who came, shadows
 * reflect and raise ideas, the owning departments answer the ideas. A session counts (completes the guide) when
 * the host has confirmed attendance and the shadow has written their reflection, whichever comes last.
 * <p>
 * The door to the feature for pages, the API and other features; the work is done by its parts: {@link Hosting},
 * {@link Bookings} (bookings and seats), {@link Reflections} (reflections and ideas) and {@link SessionReminders}.
 * The manager's and admin's read models over shadowing are in {@code progress}.
 */
@ApplicationScoped
@Transactional
public class ShadowingService {

    @Inject
    Hosting hosting;

    @Inject
    Bookings bookings;

    @Inject
    Reflections reflections;

    @Inject
    SessionReminders reminders;

    @Inject
    org.everyoneserves.content.Catalog catalog;

    @Inject
    BookingPhases phases;

    @Inject
    Clock clock;

    // ---- views

    public record SlotView(long id, long hostId, String hostName, String hostRole, Instant startsAt, Instant endsAt, int minutes,
                           String place, int capacity, int seatsLeft, boolean cancelled) implements java.io.Serializable {
    }

    /**
     * A shadow's booking as they see it.
     *
     * @param canChange  the slot has not started: the shadow may move or cancel
     * @param canReflect the session has started, the host has not marked a no-show and no reflection exists yet
     */
    public record BookingView(long id, SlotView slot, String guideCode, String guideTitle, Booking.Status status, boolean canChange,
                              boolean canReflect, Long reflectionId, boolean completed, String hostNote, Integer hostRating, int version) implements java.io.Serializable {
    }

    public record GuideView(String code, String title, String summary, int minutes, List<String> hostRoles, List<String> watchFor,
                            List<String> questions, String reflectionPrompt, LocalDate dueOn, boolean assigned, BookingView booking,
                            List<SlotView> slots, List<BookingView> history) implements java.io.Serializable {

        public String hostRolesText() {
            return String.join(", ", hostRoles);
        }
    }

    public record Guest(long bookingId, long personId, String name, String department, String guideTitle, Booking.Status status,
                        Long reflectionId, String note, Integer rating, boolean completed) implements java.io.Serializable {
    }

    public record HostedSlot(SlotView slot, List<Guest> guests, boolean started) implements java.io.Serializable {
    }

    public record IdeaView(long id, String title, String description, long departmentId, String department, Idea.Status status,
                           String answer, String raisedBy, Instant createdAt, Instant decidedAt, int version, Long reflectionId) implements java.io.Serializable {
    }

    public record ReflectionView(long id, String shadow, String guideTitle, String host, Instant sessionAt, List<Reflection.Answer> answers,
                                 String takeaway, Set<Friction> frictions, List<IdeaView> ideas, Booking.Status status, String hostNote,
                                 Integer hostRating, Instant submittedAt) {
    }

    /** The department whose ideas board a manager answers. */
    public record Board(long departmentId, String department) implements java.io.Serializable {
    }

    /** An idea as raised, with the department that owns the problem. */
    public record IdeaRequest(String title, String description, Long departmentId) {
    }

    /** A reflection in a list: who shadowed whom, when. */
    public record ReflectionLine(long id, String guideTitle, String host, Instant sessionAt) {
    }

    // ---- hosts

    /** Whether the person's job role is one that a current shadowing guide sends shadows to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayHost(@NotNull Caller caller) {
        return hosting.mayHost(caller);
    }

    /** A host publishes time for shadows. Only people in a host role of some guide may. */
    public long publish(@NotNull Caller caller, @NotNull Instant startsAt, int minutes, String place, int capacity) {
        return hosting.publish(caller, startsAt, minutes, place, capacity);
    }

    /**
     * The host calls a slot off before it starts; everyone booked is told, gets their seat back and may book another
     * time.
     */
    public void cancelSlot(@NotNull Caller caller, long slotId) {
        hosting.cancelSlot(caller, slotId);
    }

    /** The host's slots from 90 days back on, with who is coming or came. */
    public List<HostedSlot> hosting(@NotNull Caller caller) {
        return hosting.hosting(caller);
    }

    /**
     * The host says whether the shadow came, with an optional note and rating. Only the slot's host may, and only
     * once the session has started.
     */
    public void confirm(@NotNull Caller caller, long bookingId, boolean attended, String note, Integer rating) {
        hosting.confirm(caller, bookingId, attended, note, rating);
    }

    // ---- shadows

    /** A guide as the shadow sees it: what to watch, their booking, slots they can book and their past sessions. */
    public GuideView guide(@NotNull Caller caller, @NotNull String code) {
        return bookings.guide(caller, code);
    }

    /** The shadow's next booked session that has not started: the reminder on their home page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BookingView> nextSession(@NotNull Caller caller) {
        return bookings.nextSession(caller);
    }

    /**
     * Books a seat for the shadow's guide. Needs a live shadowing assignment for it and no other booked seat for it;
     * the seat is taken by one conditional update, so two people can never both get the last one.
     */
    public long book(@NotNull Caller caller, @NotNull String code, long slotId) {
        return bookings.book(caller, code, slotId);
    }

    /** Moves the shadow's seat to another slot before the booked one starts: the new seat first, then the old one back. */
    public void move(@NotNull Caller caller, long bookingId, long slotId) {
        bookings.move(caller, bookingId, slotId);
    }

    /** Moves the seat unless the booking changed since {@code expectedVersion} was read. */
    public void move(@NotNull Caller caller, long bookingId, long slotId, int expectedVersion) {
        bookings.move(caller, bookingId, slotId, expectedVersion);
    }

    /**
     * What the shadow's bookings as shown depend on besides their rows, their slots, hosts and reflections (which the
     * person's change stamp of bookings counts) and the time: the current catalog's guide titles.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long bookingsBasis() {
        return catalog.generation();
    }

    /**
     * How many of the shadow's booked slots have started by now, with their bookings as their change stamp of bookings
     * {@code stamp} counts them: known without a statement while the stamp is unchanged ({@link BookingPhases}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int startedBookings(@NotNull Caller caller, @NotNull String stamp) {
        Instant now = clock.instant();
        Integer started = phases.started(caller.personId(), stamp, now);
        return started != null ? started
                : phases.remember(caller.personId(), stamp, bookings(caller).stream().map(b -> b.slot().startsAt()).toList(), now);
    }

    /** The shadow's bookings of every guide, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BookingView> bookings(@NotNull Caller caller) {
        return bookings.bookings(caller);
    }

    /** One of the shadow's own bookings; anyone else's does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingView booking(@NotNull Caller caller, long bookingId) {
        return bookings.booking(caller, bookingId);
    }

    /** The shadow cancels before the slot starts; the seat is free again at once. */
    public void cancel(@NotNull Caller caller, long bookingId) {
        bookings.cancel(caller, bookingId);
    }

    /** A calendar entry (iCalendar) for the shadow's booked session, with reminders a day and an hour before. */
    public String calendar(@NotNull Caller caller, long bookingId) {
        return bookings.calendar(caller, bookingId);
    }

    // ---- reflections

    /**
     * The shadow's reflection on the guide's questions (as they were when booked), the friction they saw and any
     * ideas, once the session has started and unless the host marked a no-show. Written once per booking.
     */
    public long reflect(@NotNull Caller caller, long bookingId, @NotNull List<String> answers, String takeaway, Set<Friction> frictions,
                        @NotNull List<IdeaRequest> ideas) {
        return reflections.reflect(caller, bookingId, answers, takeaway, frictions, ideas);
    }

    /** A reflection, for the shadow, the host and the managers of either; for anyone else it does not exist. */
    public ReflectionView reflection(@NotNull Caller caller, long reflectionId) {
        return reflections.reflection(caller, reflectionId);
    }

    /** The reflections a person wrote, as far as the viewer may read them (see {@link #reflection}), newest first. */
    public List<ReflectionLine> reflectionsOf(@NotNull Caller caller, long personId) {
        return reflections.reflectionsOf(caller, personId);
    }

    // ---- ideas

    /** An idea raised on its own, outside a reflection. */
    public long raise(@NotNull Caller caller, @NotNull IdeaRequest idea) {
        return reflections.raise(caller.personId(), idea, null);
    }

    /** The ideas the person raised, newest first, with their status and answer. */
    public List<IdeaView> myIdeas(@NotNull Caller caller) {
        return reflections.myIdeas(caller);
    }

    /** The department whose ideas the caller answers: their own, if they manage people; empty otherwise. */
    public Optional<Board> boardDepartment(@NotNull Caller caller) {
        return reflections.boardDepartment(caller);
    }

    /** The ideas owned by the caller's department, open ones first. */
    public List<IdeaView> board(@NotNull Caller caller) {
        return reflections.board(caller);
    }

    /**
     * A manager of the owning department moves an idea on, with an answer for the person who raised it; declining
     * needs a reason. A decision made on an older view of the idea is refused.
     */
    public void decide(@NotNull Caller caller, long ideaId, @NotNull Idea.Status status, String answer, int expectedVersion) {
        reflections.decide(caller, ideaId, status, answer, expectedVersion);
    }

    // ---- reminders

    /** The day before a booked session: a reminder to the shadow, once per booking and slot (a move reminds again). */
    void onTick(@Observes Tick tick) {
        reminders.remindTomorrow(tick.now());
    }
}
