package org.everyoneserves.shadowing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Completion;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Titles;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.Person;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Shadowing: hosts publish slots, shadows with a shadowing assignment book seats, hosts confirm who came, shadows
 * reflect and raise ideas, the owning departments answer the ideas. A session counts (completes the guide) when
 * the host has confirmed attendance and the shadow has written their reflection, whichever comes last.
 */
@ApplicationScoped
@Transactional
public class ShadowingService {

    /** How far ahead the manager's capacity view looks. */
    public static final int CAPACITY_DAYS = 90;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    @Inject
    AssignmentService assignments;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    @Inject
    Event<ItemCompleted> completed;

    @Inject
    org.everyoneserves.notifications.NotificationService notifications;

    // ---- views

    public record SlotView(long id, long hostId, String hostName, String hostRole, Instant startsAt, Instant endsAt, int minutes,
                           String place, int capacity, int seatsLeft, boolean cancelled) {
    }

    /**
     * A shadow's booking as they see it.
     *
     * @param canChange  the slot has not started: the shadow may move or cancel
     * @param canReflect the session has started, the host has not marked a no-show and no reflection exists yet
     */
    public record BookingView(long id, SlotView slot, String guideCode, String guideTitle, Booking.Status status, boolean canChange,
                              boolean canReflect, Long reflectionId, boolean completed, String hostNote, Integer hostRating, int version) {
    }

    public record GuideView(String code, String title, String summary, int minutes, List<String> hostRoles, List<String> watchFor,
                            List<String> questions, String reflectionPrompt, LocalDate dueOn, boolean assigned, BookingView booking,
                            List<SlotView> slots, List<BookingView> history) {

        public String hostRolesText() {
            return String.join(", ", hostRoles);
        }
    }

    public record Guest(long bookingId, long personId, String name, String department, String guideTitle, Booking.Status status,
                        Long reflectionId, String note, Integer rating, boolean completed) {
    }

    public record HostedSlot(SlotView slot, List<Guest> guests, boolean started) {
    }

    public record IdeaView(long id, String title, String description, long departmentId, String department, Idea.Status status,
                           String answer, String raisedBy, Instant createdAt, Instant decidedAt, int version, Long reflectionId) {
    }

    public record ReflectionView(long id, String shadow, String guideTitle, String host, Instant sessionAt, List<Reflection.Answer> answers,
                                 String takeaway, Set<Friction> frictions, List<IdeaView> ideas, Booking.Status status, String hostNote,
                                 Integer hostRating, Instant submittedAt) {
    }

    /** The department whose ideas board a manager answers. */
    public record Board(long departmentId, String department) {
    }

    /** An idea as raised, with the department that owns the problem. */
    public record IdeaRequest(String title, String description, Long departmentId) {
    }

    /** LATER: no seat yet, but not due within the capacity horizon either (a next session months away). */
    public enum TeamStatus { NOT_BOOKED, LATER, BOOKED, TO_REFLECT, AWAITING_HOST }

    public record TeamRow(long personId, String name, String guideCode, String guideTitle, LocalDate dueOn, boolean overdue,
                          TeamStatus status, Instant sessionAt) {
    }

    /**
     * Seats against need for one guide over the next {@value #CAPACITY_DAYS} days.
     *
     * @param teamNeed people in the viewer's team due by then without a seat
     * @param needed   people in the whole organisation due by then without a seat
     * @param seats    free seats in slots that serve the guide in that time
     */
    public record Capacity(String guideCode, String guideTitle, long teamNeed, long needed, long seats) {

        public long shortBy() {
            return Math.max(0, needed - seats);
        }
    }

    public record TeamView(List<TeamRow> rows, List<Capacity> capacity) {
    }

    public record TagCount(Friction friction, long recent, long total) {
    }

    public record MonthRow(YearMonth month, Map<Friction, Long> counts, long reflections) {
    }

    public record DepartmentIdeas(String department, Map<Idea.Status, Long> counts, long total) {
    }

    public record Themes(List<TagCount> frictions, List<MonthRow> months, List<DepartmentIdeas> ideas, long reflections) {
    }

    // ---- hosts

    /** Whether the person's job role is one that a current shadowing guide sends shadows to. */
    public boolean mayHost(@NotNull Caller caller) {
        Person person = em.find(Person.class, caller.personId());
        return person != null && person.isActive() && person.getJobRole() != null
                && guides().values().stream().anyMatch(g -> g.hostRoles().contains(person.getJobRole().getCode()));
    }

    /** A host publishes time for shadows. Only people in a host role of some guide may. */
    public long publish(@NotNull Caller caller, @NotNull Instant startsAt, int minutes, String place, int capacity) {
        if (!mayHost(caller)) {
            throw BusinessException.forbidden();
        }
        Slot slot = new Slot(caller.personId(), startsAt, minutes, place, capacity, clock.instant());
        em.persist(slot);
        em.flush();
        return slot.getId();
    }

    /**
     * The host calls a slot off before it starts; everyone booked is told, gets their seat back and may book another
     * time.
     */
    public void cancelSlot(@NotNull Caller caller, long slotId) {
        Slot slot = hostedSlot(caller, slotId);
        slot.cancel(clock.instant());
        Titles titles = catalog.titles();
        String host = em.find(Person.class, slot.getHostId()).getDisplayName();
        for (Booking booking : bookingsOf(List.of(slotId))) {
            if (booking.getStatus() == Booking.Status.BOOKED) {
                booking.cancel(clock.instant());
                audit.record(caller.personId(), "shadowing.slotCancelled", "booking", booking.getId(), "slot " + slotId);
                tell(booking, slot, org.everyoneserves.notifications.Notification.Kind.SESSION_CANCELLED, "cancelled:" + booking.getId(),
                        titles.guide(booking.getGuideCode()), host);
            }
        }
    }

    /** A notification to the shadow about their session, in their language. */
    private void tell(Booking booking, Slot slot, org.everyoneserves.notifications.Notification.Kind kind, String key, String title,
                      String host) {
        var shadow = notifications.recipient(booking.getPersonId());
        if (shadow.isEmpty()) {
            return;
        }
        String locale = shadow.get().locale();
        String when = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                        java.time.format.FormatStyle.SHORT).withLocale(java.util.Locale.forLanguageTag(locale == null ? "en" : locale))
                .withZone(clock.getZone()).format(slot.getStartsAt());
        notifications.notify(booking.getPersonId(), kind, key,
                org.everyoneserves.notifications.NotificationService.text(locale, "reminder." + kind + ".subject", title, when),
                org.everyoneserves.notifications.NotificationService.text(locale, "reminder." + kind + ".body", shadow.get().name(), title,
                        when, host, slot.getPlace()),
                "/learner/shadowing.xhtml?id=" + booking.getGuideCode(), null);
    }

    /** The host's slots from 90 days back on, with who is coming or came. */
    public List<HostedSlot> hosting(@NotNull Caller caller) {
        Instant now = clock.instant();
        List<Slot> slots = em.createQuery("select s from Slot s where s.hostId = :host and s.startsAt >= :since order by s.startsAt", Slot.class)
                .setParameter("host", caller.personId()).setParameter("since", now.minus(Duration.ofDays(90))).getResultList();
        Map<Long, List<Booking>> bySlot = bookingsOf(slots.stream().map(Slot::getId).toList()).stream()
                .collect(Collectors.groupingBy(Booking::getSlotId));
        Map<Long, Long> reflections = reflectionIds(bySlot.values().stream().flatMap(List::stream).map(Booking::getId).toList());
        Titles titles = catalog.titles();
        Map<Long, Person> guests = persons(bySlot.values().stream().flatMap(List::stream).map(Booking::getPersonId).toList());
        Person host = em.find(Person.class, caller.personId());
        List<HostedSlot> hosted = new ArrayList<>();
        for (Slot slot : slots) {
            List<Guest> list = new ArrayList<>();
            for (Booking b : bySlot.getOrDefault(slot.getId(), List.of())) {
                if (b.getStatus() == Booking.Status.CANCELLED) {
                    continue;
                }
                Person p = guests.get(b.getPersonId());
                list.add(new Guest(b.getId(), p.getId(), p.getDisplayName(), p.getDepartment() == null ? "" : p.getDepartment().getName(),
                        titles.guide(b.getGuideCode()), b.getStatus(), reflections.get(b.getId()),
                        b.getHostNote(), b.getHostRating(), b.isCompleted()));
            }
            hosted.add(new HostedSlot(view(slot, host), list, slot.hasStarted(now)));
        }
        return hosted;
    }

    /**
     * The host says whether the shadow came, with an optional note and rating. Only the slot's host may, and only
     * once the session has started.
     */
    public void confirm(@NotNull Caller caller, long bookingId, boolean attended, String note, Integer rating) {
        Booking booking = em.find(Booking.class, bookingId);
        if (booking == null) {
            throw BusinessException.notFound("booking");
        }
        Slot slot = em.find(Slot.class, booking.getSlotId());
        if (slot.getHostId() != caller.personId()) {
            throw BusinessException.notFound("booking");
        }
        if (!slot.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.notStarted");
        }
        booking.confirm(attended, note, rating, caller.personId(), clock.instant());
        audit.record(caller.personId(), "shadowing.confirmed", "booking", bookingId, booking.getStatus().name());
        completeIfDone(booking);
    }

    // ---- shadows

    /** A guide as the shadow sees it: what to watch, their booking, slots they can book and their past sessions. */
    public GuideView guide(@NotNull Caller caller, @NotNull String code) {
        Published<Definitions.Guide> version = catalog.getGuide(code);
        Definitions.Guide guide = version.definition();
        Optional<Assignment> live = assignments.liveAssignment(caller.personId(), Assignment.Kind.GUIDE, code);
        List<Booking> mine = em.createQuery("select b from Booking b where b.personId = :me and b.guideCode = :code order by b.bookedAt desc",
                Booking.class).setParameter("me", caller.personId()).setParameter("code", code).getResultList();
        List<BookingView> views = bookingViews(mine);
        BookingView current = views.stream().filter(b -> b.status() == Booking.Status.BOOKED
                || (b.status() == Booking.Status.ATTENDED && !b.completed())).findFirst().orElse(null);
        List<BookingView> history = views.stream().filter(b -> b != current).toList();
        List<SlotView> slots = live.isPresent() && (current == null || current.canChange()) ? bookable(caller, guide) : List.of();
        Map<String, String> roleNames = roleNames();
        return new GuideView(code, version.title(), version.summary(), guide.durationMinutes(),
                guide.hostRoles().stream().map(r -> roleNames.getOrDefault(r, r)).toList(), guide.watchFor(), guide.questions(),
                guide.reflectionPrompt(), live.map(Assignment::getDueOn).orElse(null), live.isPresent(), current,
                current == null ? slots : slots.stream().filter(s -> s.id() != current.slot().id()).toList(), history);
    }

    /** The shadow's next booked session that has not started: the reminder on their home page. */
    public Optional<BookingView> nextSession(@NotNull Caller caller) {
        List<Booking> next = em.createQuery("select b from Booking b, Slot s where s.id = b.slotId and b.personId = :me and b.status = :booked"
                        + " and s.startsAt > :now and s.cancelledAt is null order by s.startsAt", Booking.class)
                .setParameter("me", caller.personId()).setParameter("booked", Booking.Status.BOOKED).setParameter("now", clock.instant())
                .setMaxResults(1).getResultList();
        return bookingViews(next).stream().findFirst();
    }

    /**
     * Books a seat for the shadow's guide. Needs a live shadowing assignment for it and no other booked seat for it;
     * the seat is taken by one conditional update, so two people can never both get the last one.
     */
    public long book(@NotNull Caller caller, @NotNull String code, long slotId) {
        Published<Definitions.Guide> version = catalog.getGuide(code);
        Definitions.Guide guide = version.definition();
        if (assignments.liveAssignment(caller.personId(), Assignment.Kind.GUIDE, code).isEmpty()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.notAssigned");
        }
        List<Booking> open = em.createQuery("select b from Booking b where b.personId = :me and b.guideCode = :code"
                        + " and (b.status = :booked or (b.status = :attended and b.completedAt is null))", Booking.class)
                .setParameter("me", caller.personId()).setParameter("code", code)
                .setParameter("booked", Booking.Status.BOOKED).setParameter("attended", Booking.Status.ATTENDED).getResultList();
        if (!open.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, open.get(0).getStatus() == Booking.Status.BOOKED
                    ? "shadowing.error.alreadyBooked" : "shadowing.error.reflectFirst");
        }
        requireBookable(caller, guide, slotId);
        takeSeat(slotId);
        Booking booking = new Booking(slotId, caller.personId(), code, version.versionId(), clock.instant());
        try {
            em.persist(booking);
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyBooked");
        }
        return booking.getId();
    }

    /** Moves the shadow's seat to another slot before the booked one starts: the new seat first, then the old one back. */
    public void move(@NotNull Caller caller, long bookingId, long slotId) {
        Booking booking = ownBooking(caller, bookingId);
        booking.requireBooked();
        Slot old = em.find(Slot.class, booking.getSlotId());
        if (old.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotStarted");
        }
        if (old.getId() == slotId) {
            return;
        }
        Definitions.Guide guide = catalog.guideVersion(booking.getGuideVersionId()).definition();
        requireBookable(caller, guide, slotId);
        takeSeat(slotId);
        giveSeatBack(old.getId());
        booking.moveTo(slotId, clock.instant());
    }

    /** Moves the seat unless the booking changed since {@code expectedVersion} was read. */
    public void move(@NotNull Caller caller, long bookingId, long slotId, int expectedVersion) {
        if (ownBooking(caller, bookingId).getVersion() != expectedVersion) {
            throw BusinessException.preconditionFailed();
        }
        move(caller, bookingId, slotId);
        em.flush();
    }

    /** The shadow's bookings of every guide, newest first. */
    public List<BookingView> bookings(@NotNull Caller caller) {
        return bookingViews(em.createQuery("select b from Booking b where b.personId = :me order by b.bookedAt desc, b.id desc", Booking.class)
                .setParameter("me", caller.personId()).setMaxResults(100).getResultList());
    }

    /** One of the shadow's own bookings; anyone else's does not exist. */
    public BookingView booking(@NotNull Caller caller, long bookingId) {
        return bookingViews(List.of(ownBooking(caller, bookingId))).get(0);
    }

    /** The shadow cancels before the slot starts; the seat is free again at once. */
    public void cancel(@NotNull Caller caller, long bookingId) {
        Booking booking = ownBooking(caller, bookingId);
        booking.requireBooked();
        Slot slot = em.find(Slot.class, booking.getSlotId());
        if (slot.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotStarted");
        }
        giveSeatBack(slot.getId());
        booking.cancel(clock.instant());
    }

    /**
     * The shadow's reflection on the guide's questions (as they were when booked), the friction they saw and any
     * ideas, once the session has started and unless the host marked a no-show. Written once per booking.
     */
    public long reflect(@NotNull Caller caller, long bookingId, @NotNull List<String> answers, String takeaway, Set<Friction> frictions,
                        @NotNull List<IdeaRequest> ideas) {
        Booking booking = ownBooking(caller, bookingId);
        Slot slot = em.find(Slot.class, booking.getSlotId());
        if (booking.getStatus() == Booking.Status.CANCELLED || booking.getStatus() == Booking.Status.NO_SHOW) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.cannotReflect");
        }
        if (!slot.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.notStarted");
        }
        if (!reflectionIds(List.of(bookingId)).isEmpty()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyReflected");
        }
        Definitions.Guide guide = catalog.guideVersion(booking.getGuideVersionId()).definition();
        boolean takeawayAsked = guide.reflectionPrompt() != null && !guide.reflectionPrompt().isBlank();
        Reflection reflection = new Reflection(bookingId, caller.personId(), guide.questions(), answers, takeaway, takeawayAsked, frictions,
                clock.instant());
        try {
            em.persist(reflection);
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyReflected");
        }
        for (IdeaRequest idea : ideas) {
            raise(caller.personId(), idea, reflection.getId());
        }
        completeIfDone(booking);
        return reflection.getId();
    }

    /** A reflection, for the shadow, the host and the managers of either; for anyone else it does not exist. */
    public ReflectionView reflection(@NotNull Caller caller, long reflectionId) {
        Reflection reflection = em.find(Reflection.class, reflectionId);
        if (reflection == null) {
            throw BusinessException.notFound("reflection");
        }
        Booking booking = em.find(Booking.class, reflection.getBookingId());
        Slot slot = em.find(Slot.class, booking.getSlotId());
        long me = caller.personId();
        boolean allowed = me == reflection.getPersonId() || me == slot.getHostId()
                || (caller.manager() && (people.isInReportingLine(me, reflection.getPersonId()) || people.isInReportingLine(me, slot.getHostId())));
        if (!allowed) {
            throw BusinessException.notFound("reflection");
        }
        List<IdeaView> ideas = ideaViews(em.createQuery("select i from Idea i where i.reflectionId = :r order by i.id", Idea.class)
                .setParameter("r", reflectionId).getResultList());
        return new ReflectionView(reflectionId, em.find(Person.class, reflection.getPersonId()).getDisplayName(),
                catalog.titles().guide(booking.getGuideCode()),
                em.find(Person.class, slot.getHostId()).getDisplayName(), slot.getStartsAt(), reflection.answers(), reflection.getTakeaway(),
                reflection.getFrictions(), ideas, booking.getStatus(), booking.getHostNote(), booking.getHostRating(), reflection.getSubmittedAt());
    }

    /** A reflection in a list: who shadowed whom, when. */
    public record ReflectionLine(long id, String guideTitle, String host, Instant sessionAt) {
    }

    /** The reflections a person wrote, as far as the viewer may read them (see {@link #reflection}), newest first. */
    public List<ReflectionLine> reflectionsOf(@NotNull Caller caller, long personId) {
        List<Object[]> rows = em.createQuery("select r, b, s from Reflection r, Booking b, Slot s where b.id = r.bookingId and s.id = b.slotId"
                + " and r.personId = :p order by s.startsAt desc", Object[].class).setParameter("p", personId).getResultList();
        long me = caller.personId();
        boolean lineOfShadow = me == personId || (caller.manager() && people.isInReportingLine(me, personId));
        Titles titles = catalog.titles();
        List<ReflectionLine> lines = new ArrayList<>();
        for (Object[] row : rows) {
            Slot slot = (Slot) row[2];
            if (lineOfShadow || me == slot.getHostId() || (caller.manager() && people.isInReportingLine(me, slot.getHostId()))) {
                Booking b = (Booking) row[1];
                lines.add(new ReflectionLine(((Reflection) row[0]).getId(), titles.guide(b.getGuideCode()),
                        em.find(Person.class, slot.getHostId()).getDisplayName(), slot.getStartsAt()));
            }
        }
        return lines;
    }

    /** A calendar entry (iCalendar) for the shadow's booked session, with reminders a day and an hour before. */
    public String calendar(@NotNull Caller caller, long bookingId) {
        Booking booking = ownBooking(caller, bookingId);
        if (booking.getStatus() != Booking.Status.BOOKED) {
            throw BusinessException.notFound("booking");
        }
        Slot slot = em.find(Slot.class, booking.getSlotId());
        Person host = em.find(Person.class, slot.getHostId());
        String title = catalog.titles().guide(booking.getGuideCode());
        return Calendar.event("booking-" + booking.getId(), booking.getVersion(), slot.getStartsAt(), slot.endsAt(), clock.instant(),
                title + " (" + host.getDisplayName() + ")", slot.getPlace(), title);
    }

    /** The day before a booked session: a reminder to the shadow, once per booking and slot (a move reminds again). */
    void onTick(@jakarta.enterprise.event.Observes org.everyoneserves.platform.Tick tick) {
        List<Object[]> rows = em.createQuery("select b, s from Booking b, Slot s where s.id = b.slotId and b.status = :booked"
                        + " and s.cancelledAt is null and s.startsAt > :now and s.startsAt <= :tomorrow", Object[].class)
                .setParameter("booked", Booking.Status.BOOKED).setParameter("now", tick.now())
                .setParameter("tomorrow", tick.now().plus(Duration.ofDays(1))).getResultList();
        Titles titles = catalog.titles();
        for (Object[] row : rows) {
            Booking b = (Booking) row[0];
            Slot slot = (Slot) row[1];
            tell(b, slot, org.everyoneserves.notifications.Notification.Kind.SESSION_TOMORROW, "session:" + b.getId() + ":" + slot.getId(),
                    titles.guide(b.getGuideCode()), em.find(Person.class, slot.getHostId()).getDisplayName());
        }
    }

    // ---- ideas

    /** An idea raised on its own, outside a reflection. */
    public long raise(@NotNull Caller caller, @NotNull IdeaRequest idea) {
        return raise(caller.personId(), idea, null);
    }

    private long raise(long personId, IdeaRequest request, Long reflectionId) {
        if (request.departmentId() == null || em.find(Department.class, request.departmentId()) == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "ideas.error.department");
        }
        Idea idea = new Idea(personId, request.departmentId(), reflectionId, request.title(), request.description(), clock.instant());
        em.persist(idea);
        em.flush();
        return idea.getId();
    }

    /** The ideas the person raised, newest first, with their status and answer. */
    public List<IdeaView> myIdeas(@NotNull Caller caller) {
        return ideaViews(em.createQuery("select i from Idea i where i.raisedBy = :me order by i.createdAt desc, i.id desc", Idea.class)
                .setParameter("me", caller.personId()).getResultList());
    }

    /** The department whose ideas the caller answers: their own, if they manage people; empty otherwise. */
    public Optional<Board> boardDepartment(@NotNull Caller caller) {
        Person me = em.find(Person.class, caller.personId());
        if (me == null || me.getDepartment() == null || !people.hasActiveReports(me.getId())) {
            return Optional.empty();
        }
        return Optional.of(new Board(me.getDepartment().getId(), me.getDepartment().getName()));
    }

    /** The ideas owned by the caller's department, open ones first. */
    public List<IdeaView> board(@NotNull Caller caller) {
        Board board = boardDepartment(caller).orElseThrow(BusinessException::forbidden);
        return ideaViews(em.createQuery("select i from Idea i where i.departmentId = :d order by i.createdAt desc, i.id desc", Idea.class)
                .setParameter("d", board.departmentId()).getResultList());
    }

    /**
     * A manager of the owning department moves an idea on, with an answer for the person who raised it; declining
     * needs a reason. A decision made on an older view of the idea is refused.
     */
    public void decide(@NotNull Caller caller, long ideaId, @NotNull Idea.Status status, String answer, int expectedVersion) {
        Idea idea = em.find(Idea.class, ideaId);
        Optional<Board> mine = boardDepartment(caller);
        if (idea == null || mine.isEmpty() || mine.get().departmentId() != idea.getDepartmentId()) {
            throw BusinessException.notFound("idea");
        }
        if (idea.getVersion() != expectedVersion) {
            throw BusinessException.staleVersion();
        }
        idea.decide(status, answer, caller.personId(), clock.instant());
        audit.record(caller.personId(), "idea.decided", "idea", ideaId, status.name());
    }

    // ---- managers and admins

    /** The viewer's reporting line: who owes a shadowing session, whether they have a seat, and seats against need. */
    public TeamView team(@NotNull Caller caller) {
        if (!caller.manager()) {
            throw BusinessException.forbidden();
        }
        List<Long> ids = people.reportingLine(caller).stream().map(p -> p.id()).toList();
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(CAPACITY_DAYS);
        Titles titles = catalog.titles();
        List<TeamRow> rows = new ArrayList<>();
        Map<String, Long> teamNeed = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Assignment> owed = openGuides(ids);
            Map<String, Booking> openBookings = openBookings(ids);
            Map<Long, Slot> slots = slotsOf(openBookings.values());
            Map<Long, Person> persons = persons(ids);
            for (Assignment a : owed) {
                Booking b = openBookings.get(a.getPersonId() + ":" + a.getCode());
                TeamStatus status = b == null ? (a.getDueOn().isAfter(horizon) ? TeamStatus.LATER : TeamStatus.NOT_BOOKED)
                        : b.getStatus() == Booking.Status.ATTENDED ? TeamStatus.TO_REFLECT
                        : slots.get(b.getSlotId()).hasStarted(clock.instant()) ? TeamStatus.AWAITING_HOST : TeamStatus.BOOKED;
                rows.add(new TeamRow(a.getPersonId(), persons.get(a.getPersonId()).getDisplayName(), a.getCode(),
                        titles.guide(a.getCode()), a.getDueOn(), a.getDueOn().isBefore(today), status,
                        b == null ? null : slots.get(b.getSlotId()).getStartsAt()));
                if (b == null && !a.getDueOn().isAfter(horizon)) {
                    teamNeed.merge(a.getCode(), 1L, Long::sum);
                }
            }
        }
        rows.sort(Comparator.comparing(TeamRow::dueOn).thenComparing(TeamRow::name));
        List<Capacity> capacity = new ArrayList<>();
        for (Map.Entry<String, Definitions.Guide> g : guides().entrySet()) {
            if (!teamNeed.containsKey(g.getKey())) {
                continue;
            }
            capacity.add(new Capacity(g.getKey(), titles.guide(g.getKey()), teamNeed.get(g.getKey()),
                    organisationNeed(g.getKey(), horizon), freeSeats(g.getValue(), horizon)));
        }
        capacity.sort(Comparator.comparing(Capacity::shortBy).reversed().thenComparing(Capacity::guideTitle));
        return new TeamView(rows, capacity);
    }

    /** Friction tagged in reflections (last 90 days and all time, and per month for six months) and ideas by department. */
    public Themes themes(@NotNull Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        Instant now = clock.instant();
        Map<Friction, Long> recent = frictionCounts(now.minus(Duration.ofDays(90)));
        Map<Friction, Long> total = frictionCounts(Instant.EPOCH);
        List<TagCount> tags = new ArrayList<>();
        for (Friction f : Friction.values()) {
            tags.add(new TagCount(f, recent.getOrDefault(f, 0L), total.getOrDefault(f, 0L)));
        }
        tags.sort(Comparator.comparing(TagCount::recent).thenComparing(TagCount::total).reversed());

        YearMonth thisMonth = YearMonth.now(clock);
        Instant since = thisMonth.minusMonths(5).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<YearMonth, Map<Friction, Long>> byMonth = new LinkedHashMap<>();
        Map<YearMonth, Long> reflectionsByMonth = new HashMap<>();
        for (int i = 5; i >= 0; i--) {
            byMonth.put(thisMonth.minusMonths(i), new EnumMap<>(Friction.class));
        }
        List<Object[]> tagged = em.createQuery("select r.submittedAt, f from Reflection r join r.frictions f where r.submittedAt >= :since",
                Object[].class).setParameter("since", since).getResultList();
        for (Object[] row : tagged) {
            YearMonth month = YearMonth.from(((Instant) row[0]).atZone(clock.getZone()));
            Map<Friction, Long> counts = byMonth.get(month);
            if (counts != null) {
                counts.merge((Friction) row[1], 1L, Long::sum);
            }
        }
        for (Instant at : em.createQuery("select r.submittedAt from Reflection r where r.submittedAt >= :since", Instant.class)
                .setParameter("since", since).getResultList()) {
            reflectionsByMonth.merge(YearMonth.from(at.atZone(clock.getZone())), 1L, Long::sum);
        }
        List<MonthRow> months = byMonth.entrySet().stream()
                .map(e -> new MonthRow(e.getKey(), e.getValue(), reflectionsByMonth.getOrDefault(e.getKey(), 0L))).toList();

        Map<String, Map<Idea.Status, Long>> byDepartment = new java.util.TreeMap<>();
        for (Object[] row : em.createQuery("select d.name, i.status, count(i) from Idea i, Department d where d.id = i.departmentId"
                + " group by d.name, i.status", Object[].class).getResultList()) {
            byDepartment.computeIfAbsent((String) row[0], k -> new EnumMap<>(Idea.Status.class)).put((Idea.Status) row[1], (Long) row[2]);
        }
        List<DepartmentIdeas> ideas = byDepartment.entrySet().stream()
                .map(e -> new DepartmentIdeas(e.getKey(), e.getValue(), e.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .sorted(Comparator.comparing(DepartmentIdeas::total).reversed()).toList();
        long reflections = em.createQuery("select count(r) from Reflection r", Long.class).getSingleResult();
        return new Themes(tags, months, ideas, reflections);
    }

    // ---- the rules

    private void completeIfDone(Booking booking) {
        if (booking.getStatus() != Booking.Status.ATTENDED || booking.isCompleted() || reflectionIds(List.of(booking.getId())).isEmpty()) {
            return;
        }
        booking.complete(clock.instant());
        completed.fire(new ItemCompleted(booking.getPersonId(), Assignment.Kind.GUIDE, booking.getGuideCode(), booking.getGuideVersionId(),
                Completion.How.SHADOWED, null));
    }

    private void requireBookable(Caller caller, Definitions.Guide guide, long slotId) {
        Slot slot = em.find(Slot.class, slotId);
        Person host = slot == null ? null : em.find(Person.class, slot.getHostId());
        if (slot == null || slot.isCancelled() || slot.hasStarted(clock.instant()) || slot.getHostId() == caller.personId()
                || !host.isActive() || host.getJobRole() == null || !guide.hostRoles().contains(host.getJobRole().getCode())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotNotAvailable");
        }
        long alreadyThere = em.createQuery("select count(b) from Booking b where b.slotId = :slot and b.personId = :me and b.status = :booked",
                        Long.class).setParameter("slot", slotId).setParameter("me", caller.personId())
                .setParameter("booked", Booking.Status.BOOKED).getSingleResult();
        if (alreadyThere > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyInSlot");
        }
    }

    private void takeSeat(long slotId) {
        int taken = em.createNativeQuery("update shadowing_slot set booked = booked + 1 where id = ?1 and booked < capacity"
                        + " and cancelled_at is null and starts_at > ?2")
                .setParameter(1, slotId).setParameter(2, clock.instant()).executeUpdate();
        if (taken == 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.full");
        }
    }

    private void giveSeatBack(long slotId) {
        em.createNativeQuery("update shadowing_slot set booked = booked - 1 where id = ?1 and booked > 0").setParameter(1, slotId).executeUpdate();
    }

    private Slot hostedSlot(Caller caller, long slotId) {
        Slot slot = em.find(Slot.class, slotId);
        if (slot == null || slot.getHostId() != caller.personId()) {
            throw BusinessException.notFound("slot");
        }
        return slot;
    }

    private Booking ownBooking(Caller caller, long bookingId) {
        Booking booking = em.find(Booking.class, bookingId);
        if (booking == null || booking.getPersonId() != caller.personId()) {
            throw BusinessException.notFound("booking");
        }
        return booking;
    }

    /** Upcoming slots with a free seat whose host's role the guide sends shadows to. */
    private List<SlotView> bookable(Caller caller, Definitions.Guide guide) {
        if (guide.hostRoles().isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("select s, h from Slot s, Person h where h.id = s.hostId and h.active = true"
                        + " and h.jobRole.code in :roles and s.cancelledAt is null and s.startsAt > :now and s.booked < s.capacity"
                        + " and h.id <> :me order by s.startsAt, s.id", Object[].class)
                .setParameter("roles", guide.hostRoles()).setParameter("now", clock.instant()).setParameter("me", caller.personId())
                .setMaxResults(100).getResultList();
        return rows.stream().map(r -> view((Slot) r[0], (Person) r[1])).toList();
    }

    private long freeSeats(Definitions.Guide guide, LocalDate horizon) {
        if (guide.hostRoles().isEmpty()) {
            return 0;
        }
        Long seats = em.createQuery("select sum(s.capacity - s.booked) from Slot s, Person h where h.id = s.hostId and h.active = true"
                        + " and h.jobRole.code in :roles and s.cancelledAt is null and s.startsAt > :now and s.startsAt < :until", Long.class)
                .setParameter("roles", guide.hostRoles()).setParameter("now", clock.instant())
                .setParameter("until", horizon.plusDays(1).atStartOfDay(clock.getZone()).toInstant()).getSingleResult();
        return seats == null ? 0 : seats;
    }

    private long organisationNeed(String code, LocalDate horizon) {
        return em.createQuery("select count(a) from Assignment a where a.kind = :kind and a.code = :code and a.status = :open"
                        + " and a.dueOn <= :horizon and not exists (select b from Booking b where b.personId = a.personId"
                        + " and b.guideCode = a.code and (b.status = :booked or (b.status = :attended and b.completedAt is null)))", Long.class)
                .setParameter("kind", Assignment.Kind.GUIDE).setParameter("code", code).setParameter("open", Assignment.Status.OPEN)
                .setParameter("horizon", horizon).setParameter("booked", Booking.Status.BOOKED)
                .setParameter("attended", Booking.Status.ATTENDED).getSingleResult();
    }

    private List<Assignment> openGuides(Collection<Long> personIds) {
        return em.createQuery("select a from Assignment a where a.personId in :ids and a.kind = :kind and a.status = :open", Assignment.class)
                .setParameter("ids", personIds).setParameter("kind", Assignment.Kind.GUIDE).setParameter("open", Assignment.Status.OPEN)
                .getResultList();
    }

    /** Booked or attended-but-not-counted bookings by "personId:guideCode". */
    private Map<String, Booking> openBookings(Collection<Long> personIds) {
        Map<String, Booking> open = new HashMap<>();
        em.createQuery("select b from Booking b where b.personId in :ids and (b.status = :booked or (b.status = :attended"
                        + " and b.completedAt is null))", Booking.class)
                .setParameter("ids", personIds).setParameter("booked", Booking.Status.BOOKED).setParameter("attended", Booking.Status.ATTENDED)
                .getResultList().forEach(b -> open.put(b.getPersonId() + ":" + b.getGuideCode(), b));
        return open;
    }

    private Map<Long, Slot> slotsOf(Collection<Booking> bookings) {
        Set<Long> ids = bookings.stream().map(Booking::getSlotId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select s from Slot s where s.id in :ids", Slot.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(Slot::getId, s -> s));
    }

    private List<Booking> bookingsOf(Collection<Long> slotIds) {
        if (slotIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select b from Booking b where b.slotId in :ids order by b.bookedAt", Booking.class)
                .setParameter("ids", slotIds).getResultList();
    }

    private Map<Long, Long> reflectionIds(Collection<Long> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> ids = new HashMap<>();
        em.createQuery("select r.bookingId, r.id from Reflection r where r.bookingId in :ids", Object[].class)
                .setParameter("ids", bookingIds).getResultList().forEach(r -> ids.put((Long) r[0], (Long) r[1]));
        return ids;
    }

    private Map<Long, Person> persons(Collection<Long> ids) {
        Set<Long> unique = new HashSet<>(ids);
        if (unique.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from Person p left join fetch p.department left join fetch p.jobRole where p.id in :ids", Person.class)
                .setParameter("ids", unique).getResultList().stream().collect(Collectors.toMap(Person::getId, p -> p));
    }

    private List<BookingView> bookingViews(List<Booking> bookings) {
        Map<Long, Slot> slots = slotsOf(bookings);
        Map<Long, Person> hosts = persons(slots.values().stream().map(Slot::getHostId).toList());
        Map<Long, Long> reflections = reflectionIds(bookings.stream().map(Booking::getId).toList());
        Titles titles = catalog.titles();
        Instant now = clock.instant();
        return bookings.stream().map(b -> {
            Slot slot = slots.get(b.getSlotId());
            Long reflection = reflections.get(b.getId());
            boolean started = slot.hasStarted(now);
            boolean canReflect = started && reflection == null
                    && (b.getStatus() == Booking.Status.BOOKED || b.getStatus() == Booking.Status.ATTENDED);
            return new BookingView(b.getId(), view(slot, hosts.get(slot.getHostId())), b.getGuideCode(),
                    titles.guide(b.getGuideCode()), b.getStatus(),
                    b.getStatus() == Booking.Status.BOOKED && !started && !slot.isCancelled(), canReflect, reflection, b.isCompleted(),
                    b.getHostNote(), b.getHostRating(), b.getVersion());
        }).toList();
    }

    private List<IdeaView> ideaViews(List<Idea> ideas) {
        Map<Long, Person> raisers = persons(ideas.stream().map(Idea::getRaisedBy).toList());
        Map<Long, String> departments = new HashMap<>();
        people.departments().forEach(d -> departments.put(d.getId(), d.getName()));
        return ideas.stream().map(i -> new IdeaView(i.getId(), i.getTitle(), i.getDescription(), i.getDepartmentId(),
                departments.getOrDefault(i.getDepartmentId(), ""), i.getStatus(), i.getAnswer(), raisers.get(i.getRaisedBy()).getDisplayName(),
                i.getCreatedAt(), i.getDecidedAt(), i.getVersion(), i.getReflectionId())).toList();
    }

    private SlotView view(Slot slot, Person host) {
        return new SlotView(slot.getId(), slot.getHostId(), host.getDisplayName(), host.getJobRole() == null ? "" : host.getJobRole().getName(),
                slot.getStartsAt(), slot.endsAt(), slot.getMinutes(), slot.getPlace(), slot.getCapacity(), slot.getSeatsLeft(), slot.isCancelled());
    }

    private Map<Friction, Long> frictionCounts(Instant since) {
        Map<Friction, Long> counts = new EnumMap<>(Friction.class);
        em.createQuery("select f, count(r) from Reflection r join r.frictions f where r.submittedAt >= :since group by f", Object[].class)
                .setParameter("since", since).getResultList().forEach(r -> counts.put((Friction) r[0], (Long) r[1]));
        return counts;
    }

    /** The current guides by code. */
    private Map<String, Definitions.Guide> guides() {
        Map<String, Definitions.Guide> guides = new LinkedHashMap<>();
        for (Published<Definitions.Guide> guide : catalog.guides()) {
            guides.put(guide.code(), guide.definition());
        }
        return guides;
    }

    private Map<String, String> roleNames() {
        Map<String, String> names = new HashMap<>();
        people.jobRoles().forEach(r -> names.put(r.getCode(), r.getName()));
        return names;
    }
}
